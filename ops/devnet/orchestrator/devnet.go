// Package orchestrator runs the paichain devnet: an in-process L1
// (go-ethereum with FakePoS block production and a beacon API stub) holding
// the OP Stack L1 contracts, paichain execution clients as L2 sequencer and
// verifier, the Alt-DA server and the inference sidecar as child processes
// of bin/paichain, and op-node (sequencer + verifier), op-batcher and
// op-proposer in-process. Everything listens on 127.0.0.1; everything is
// written under one data dir that later starts reuse.
//
// Start brings the whole system up and returns once the sequencer has
// produced a new L2 block; Stop takes it down in reverse order. A test can
// run a devnet in-process through this API; `paichain-devnet up` is the
// command-line front end.
package orchestrator

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	stdlog "log"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum-optimism/optimism/op-batcher/batcher"
	"github.com/ethereum-optimism/optimism/op-chain-ops/addresses"
	rollupnode "github.com/ethereum-optimism/optimism/op-node/node"
	"github.com/ethereum-optimism/optimism/op-node/rollup"
	"github.com/ethereum-optimism/optimism/op-proposer/proposer"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"

	"github.com/paichain/paichain/genesis"
)

// Endpoints are the devnet's URLs (all on 127.0.0.1). RPC URLs are HTTP;
// the execution clients also accept WebSocket on the same port.
type Endpoints struct {
	L1RPC          string `json:"l1Rpc"`
	L1Beacon       string `json:"l1Beacon"`
	L2SequencerRPC string `json:"l2SequencerRpc"`
	L2VerifierRPC  string `json:"l2VerifierRpc"`
	OpNodeSeqRPC   string `json:"opNodeSequencerRpc"`
	OpNodeVerRPC   string `json:"opNodeVerifierRpc"`
	BatcherRPC     string `json:"batcherRpc"`
	ProposerRPC    string `json:"proposerRpc"`
	DAServer       string `json:"daServer"`
	// Inference is empty when the sidecar is not running.
	Inference string `json:"inference,omitempty"`
}

// Devnet is a running devnet.
type Devnet struct {
	Endpoints Endpoints
	DataDir   string
	LogDir    string
	// Rollup is the L2's rollup config; L1ChainID is the L1's chain id.
	Rollup    *rollup.Config
	L1ChainID uint64
	// L1Contracts are the OP chain's L1 contracts (OptimismPortalProxy,
	// L1StandardBridgeProxy, DisputeGameFactoryProxy, SystemConfigProxy, ...).
	L1Contracts addresses.OpChainContracts
	// Paichain describes the L2's paichain accounts (inference signer, demo
	// model, dev accounts); nil for a genesis written without it.
	Paichain *genesis.Info
	// Batcher, Proposer and the op-nodes are the in-process services, for
	// tests that need to drive them (e.g. stop the batcher).
	Batcher   *batcher.BatcherService
	Proposer  *proposer.ProposerService
	OpNodeSeq *rollupnode.OpNode
	OpNodeVer *rollupnode.OpNode
	// BatcherKey and ProposerKey are the L1 senders' dev keys.
	BatcherKey  Key
	ProposerKey Key
	// Sidecar reports whether the sequencer runs with the inference
	// sidecar (--sequencer.sidecar), and if not, why.
	Sidecar string
	// Started is how long Start took; FirstBlock the L2 block it waited for.
	Started    time.Duration
	FirstBlock uint64

	l1       *l1
	children []*child // in start order
	cleanup  []func()
	logs     []*os.File
	pidFile  string

	failOnce sync.Once
	failed   chan struct{}
	failErr  error
	stopOnce sync.Once
	stopErr  error
	quit     chan struct{}
}

// Failed is closed when a component stops on its own (a child exits, an
// in-process service hits a critical error); Err then says which.
func (d *Devnet) Failed() <-chan struct{} { return d.failed }

// Err is the first component failure, nil while all run.
func (d *Devnet) Err() error {
	select {
	case <-d.failed:
		return d.failErr
	default:
		return nil
	}
}

func (d *Devnet) fail(err error) {
	d.failOnce.Do(func() {
		d.failErr = err
		close(d.failed)
	})
}

// Start brings a devnet up (see the package documentation) and returns it
// once the sequencer produced a new L2 block. On error everything started
// so far is stopped again. ctx bounds the start only.
func Start(ctx context.Context, cfg Config) (d *Devnet, err error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	prog := newProgress(cfg.Progress)
	d = &Devnet{
		DataDir: cfg.DataDir, LogDir: filepath.Join(cfg.DataDir, "logs"), L1ChainID: cfg.L1ChainID,
		failed: make(chan struct{}), quit: make(chan struct{}),
	}
	defer func() {
		if err != nil {
			prog.step("shutdown", "start failed, stopping what was started")
			_ = d.Stop(context.Background())
			d = nil
		}
	}()

	prog.step("checks", "binaries, ports %d.., data dir %s", cfg.Ports.L1RPC, cfg.DataDir)
	if err := checkBinary(cfg.Paichain, "build"); err != nil {
		return d, err
	}
	if err := os.MkdirAll(d.LogDir, 0o755); err != nil {
		return d, fmt.Errorf("data dir: %w", err)
	}
	if err := claimPidFile(cfg.DataDir); err != nil {
		return d, err
	}
	d.pidFile = pidFilePath(cfg.DataDir)
	if err := checkPorts(cfg.Ports); err != nil {
		return d, err
	}
	jwtPath, err := ensureJWT(filepath.Join(cfg.DataDir, "jwt.hex"))
	if err != nil {
		return d, err
	}
	genLog, err := d.logger("genesis")
	if err != nil {
		return d, err
	}
	gcfg, err := GenesisConfig(cfg.ArtifactsDir, cfg.L1ChainID, cfg.L2ChainID, genLog)
	if err != nil {
		return d, err
	}
	dirs := dataDirs(cfg.DataDir)
	c, generated, err := ensureGenesis(ctx, dirs.genesis, dirs.hasChainData(), gcfg, prog)
	if err != nil {
		return d, err
	}
	if generated {
		prog.step("genesis", "written to %s (L2 genesis %s)", dirs.genesis, c.Rollup.Genesis.L2.Hash.TerminalString())
	} else {
		prog.step("genesis", "reusing %s (L2 genesis %s)", dirs.genesis, c.Rollup.Genesis.L2.Hash.TerminalString())
	}
	if c.L1Genesis.Config.ChainID.Uint64() != cfg.L1ChainID || c.Rollup.L2ChainID.Uint64() != cfg.L2ChainID {
		prog.step("genesis", "note: the data dir's chains are L1 %d / L2 %d (chain id flags apply to a fresh data dir)", c.L1Genesis.Config.ChainID, c.Rollup.L2ChainID)
		d.L1ChainID = c.L1Genesis.Config.ChainID.Uint64()
	}
	// The operator keys derive from the L1 chain id of the chain that runs.
	keys, err := newDevKeys(d.L1ChainID)
	if err != nil {
		return d, err
	}
	d.BatcherKey, d.ProposerKey = keys.Batcher, keys.Proposer
	d.Rollup, d.Paichain = c.Rollup, c.Paichain
	d.L1Contracts = c.Deploy.Chains[0].OpChainContracts
	d.Endpoints = endpointsOf(cfg.Ports)

	// L1 first: everything else reads it.
	l1Log, err := d.logger("l1")
	if err != nil {
		return d, err
	}
	if cfg.RootLog {
		log.SetDefault(l1Log)
		// Libraries that print through the standard logger (pebble's WAL
		// replay notes, ...) would otherwise write into the terminal.
		misc, err := openLog(d.logPath("misc"))
		if err != nil {
			return d, err
		}
		d.logs = append(d.logs, misc)
		stdlog.SetOutput(misc)
	}
	prog.step("l1", "starting go-ethereum (chain %d, FakePoS %ds blocks, beacon stub) in %s", d.L1ChainID, l1BlockTime, dirs.l1)
	if d.l1, err = startL1(dirs.l1, c.L1Genesis, cfg.Ports, jwtPath, l1Log); err != nil {
		return d, err
	}
	l1Head := d.l1.eth.BlockChain().CurrentBlock().Number.Uint64()
	if err := waitBlock(ctx, nil, d.Endpoints.L1RPC, l1Head+1, 60*time.Second); err != nil {
		return d, fmt.Errorf("L1 produced no block: %w (log: %s)", err, d.logPath("l1"))
	}
	prog.step("l1", "block %d at %s", l1Head+1, d.Endpoints.L1RPC)

	// The child processes start together and are then waited for; the
	// sequencer, which may call the inference sidecar, starts once the
	// sidecar answers.
	da, err := d.startDA(cfg, dirs)
	if err != nil {
		return d, err
	}
	infer, inferURL, inferNote := d.startInference(cfg, c)
	prog.step("inference", "%s", inferNote)
	if err := d.initL2s(cfg, c, dirs, prog); err != nil {
		return d, err
	}
	ver, err := d.startChild("l2-verifier", cfg.Paichain, l2ELArgs(l2ELSpec{
		dataDir: dirs.verifier, rpcPort: cfg.Ports.VerRPC, authPort: cfg.Ports.VerAuth,
		extra: []string{"--rollup.sequencerhttp", d.Endpoints.L2SequencerRPC},
	}, jwtPath)...)
	if err != nil {
		return d, err
	}
	if err := waitHTTP(ctx, da, d.Endpoints.DAServer+"/health"); err != nil {
		return d, err
	}
	prog.step("da-server", "ready at %s (backend %s, pid %d)", d.Endpoints.DAServer, cfg.DABackend, da.pid())
	if infer != nil {
		if err := waitHTTP(ctx, infer, inferURL+"/health"); err != nil {
			return d, err
		}
		d.Endpoints.Inference = inferURL
		prog.step("inference", "ready at %s", inferURL)
	}
	seqArgs, sidecarNote, err := sequencerExtras(cfg, c, dirs, d.Endpoints.Inference)
	if err != nil {
		return d, err
	}
	d.Sidecar = sidecarNote
	seq, err := d.startChild("l2-sequencer", cfg.Paichain, l2ELArgs(l2ELSpec{
		dataDir: dirs.sequencer, rpcPort: cfg.Ports.SeqRPC, authPort: cfg.Ports.SeqAuth,
		extra: append([]string{"--rollup.disabletxpoolgossip"}, seqArgs...),
	}, jwtPath)...)
	if err != nil {
		return d, err
	}
	prog.step("l2-sequencer", "started (pid %d), inference sidecar %s", seq.pid(), sidecarNote)
	if err := waitL2(ctx, seq, d.Endpoints.L2SequencerRPC, dirs.sequencer, c.Rollup.Genesis.L2.Hash); err != nil {
		return d, err
	}
	prog.step("l2-sequencer", "ready at %s", d.Endpoints.L2SequencerRPC)
	if err := waitL2(ctx, ver, d.Endpoints.L2VerifierRPC, dirs.verifier, c.Rollup.Genesis.L2.Hash); err != nil {
		return d, err
	}
	prog.step("l2-verifier", "ready at %s (pid %d)", d.Endpoints.L2VerifierRPC, ver.pid())
	go d.watchChildren()

	seqHead, err := blockNumber(ctx, d.Endpoints.L2SequencerRPC)
	if err != nil {
		return d, fmt.Errorf("l2-sequencer: %w", err)
	}
	if err := d.startOpStack(ctx, cfg, c, dirs, keys, jwtPath, prog); err != nil {
		return d, err
	}
	prog.step("l2-sequencer", "waiting for L2 block %d", seqHead+1)
	if err := waitBlock(ctx, seq, d.Endpoints.L2SequencerRPC, seqHead+1, 2*time.Minute); err != nil {
		return d, fmt.Errorf("the sequencer produced no L2 block: %w (logs: %s)", err, d.LogDir)
	}
	d.FirstBlock = seqHead + 1
	d.Started = prog.elapsed()
	prog.step("ready", "L2 block %d after %.1fs", d.FirstBlock, d.Started.Seconds())
	if err := writePidFile(d.pidFile, d, prog.start); err != nil {
		return d, err
	}
	return d, nil
}

// startOpStack starts the two op-nodes, the batcher and the proposer.
func (d *Devnet) startOpStack(ctx context.Context, cfg Config, c *chain, dirs dataDirLayout, keys *devKeys, jwtPath string, prog *progress) error {
	for _, n := range []struct {
		name      string
		sequencer bool
		dst       **rollupnode.OpNode
		url       string
	}{
		{"op-node-sequencer", true, &d.OpNodeSeq, d.Endpoints.OpNodeSeqRPC},
		{"op-node-verifier", false, &d.OpNodeVer, d.Endpoints.OpNodeVerRPC},
	} {
		lg, err := d.logger(n.name)
		if err != nil {
			return err
		}
		prog.step(n.name, "starting (Alt-DA generic commitments via %s)", d.Endpoints.DAServer)
		safeDB := filepath.Join(dirs.root, n.name, "safedb")
		node, err := startOpNode(ctx, n.name, opNodeArgs(n.sequencer, c, cfg.Ports, jwtPath, safeDB, d.Endpoints.DAServer), lg, d.fail)
		if err != nil {
			return fmt.Errorf("%w (log: %s)", err, d.logPath(n.name))
		}
		*n.dst = node
		d.cleanup = append(d.cleanup, func() {
			if err := node.Stop(context.Background()); err != nil {
				lg.Error("stop", "err", err)
			}
		})
		prog.step(n.name, "ready at %s", n.url)
	}

	lg, err := d.logger("op-batcher")
	if err != nil {
		return err
	}
	prog.step("op-batcher", "starting (calldata to the batch inbox, frames to the DA server)")
	b, undo, err := startBatcher(ctx, batcherArgs(cfg.Ports, keys, d.Endpoints.DAServer), cfg.BatcherSetup, lg, d.fail)
	if err != nil {
		return fmt.Errorf("%w (log: %s)", err, d.logPath("op-batcher"))
	}
	d.Batcher = b
	d.cleanup = append(d.cleanup, func() {
		if err := b.Stop(context.Background()); err != nil && !errors.Is(err, batcher.ErrBatcherNotRunning) {
			lg.Error("stop", "err", err)
		}
		undo()
	})

	lg, err = d.logger("op-proposer")
	if err != nil {
		return err
	}
	prog.step("op-proposer", "starting (dispute game factory %s)", d.L1Contracts.DisputeGameFactoryProxy)
	p, err := startProposer(ctx, proposerArgs(cfg.Ports, keys, d.L1Contracts.DisputeGameFactoryProxy.Hex()), lg)
	if err != nil {
		return fmt.Errorf("%w (log: %s)", err, d.logPath("op-proposer"))
	}
	d.Proposer = p
	d.cleanup = append(d.cleanup, func() {
		if err := p.Stop(context.Background()); err != nil {
			lg.Error("stop", "err", err)
		}
	})
	return nil
}

// startDA starts `paichain da serve`.
func (d *Devnet) startDA(cfg Config, dirs dataDirLayout) (*child, error) {
	args := []string{"da", "serve", "--backend", cfg.DABackend, "--datadir", dirs.da,
		"--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(cfg.Ports.DA)}
	if cfg.DABackend == "devnet" {
		// Decompress the SRS points of a 1 MB blob while the stack starts,
		// rather than on the batcher's first put.
		args = append(args, "--devnet.warm", "32768")
	}
	return d.startChild("da-server", cfg.Paichain, append(args, cfg.DAArgs...)...)
}

// startInference starts the inference sidecar serving the genesis's demo
// model, or says why it does not.
func (d *Devnet) startInference(cfg Config, c *chain) (*child, string, string) {
	if !cfg.Inference {
		return nil, "", "disabled (--no-inference)"
	}
	if c.Paichain == nil || c.Paichain.Demo.ModelDir == "" {
		return nil, "", "skipped: the genesis has no demo model (paichain.json); start with a fresh data dir to get one"
	}
	demo := c.Paichain.Demo
	model := filepath.Join(c.dir, demo.ModelDir)
	if _, err := os.Stat(model); err != nil {
		return nil, "", fmt.Sprintf("skipped: demo model %s: %v", model, err)
	}
	url := httpURL(cfg.Ports.Inference)
	args := []string{"infer", "--model", model, "--served-model-name", demo.ModelName, "--backend", "cpu",
		"--http.addr", "127.0.0.1", "--http.port", strconv.Itoa(cfg.Ports.Inference)}
	if demo.AdaptersDir != "" {
		args = append(args, "--adapters", filepath.Join(c.dir, demo.AdaptersDir))
	}
	ch, err := d.startChild("inference", cfg.Paichain, args...)
	if err != nil {
		return nil, "", fmt.Sprintf("skipped: %v", err)
	}
	return ch, url, fmt.Sprintf("started (pid %d) with demo model %s (%s)", ch.pid(), demo.ModelName, model)
}

// sequencerExtras are the sequencer's inference flags when `paichain node`
// has them (--sequencer.sidecar, --sequencer.signer.key) and the sidecar
// runs.
func sequencerExtras(cfg Config, c *chain, dirs dataDirLayout, inferURL string) ([]string, string, error) {
	switch {
	case inferURL == "":
		return nil, "off: no inference sidecar", nil
	case c.Paichain == nil || len(c.Paichain.InferenceSigner.PrivateKey) == 0:
		return nil, "off: the genesis names no inference signer", nil
	case !nodeSupports(cfg.Paichain, "sequencer.sidecar"):
		return nil, "off: this paichain node has no --sequencer.sidecar flag yet", nil
	}
	keyPath := filepath.Join(dirs.root, "keys", "inference-signer.key")
	if err := writeKey(keyPath, c.Paichain.InferenceSigner.PrivateKey.String()); err != nil {
		return nil, "", err
	}
	return []string{"--sequencer.sidecar", inferURL, "--sequencer.signer.key", keyPath},
		fmt.Sprintf("on: %s, signer %s", inferURL, c.Paichain.InferenceSigner.Address), nil
}

// initL2s writes the L2 genesis into fresh execution-client datadirs.
func (d *Devnet) initL2s(cfg Config, c *chain, dirs dataDirLayout, prog *progress) error {
	nodes := []struct{ name, dir string }{{"l2-sequencer", dirs.sequencer}, {"l2-verifier", dirs.verifier}}
	errs := make([]error, len(nodes))
	var wg sync.WaitGroup
	for i, n := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = initL2(cfg.Paichain, d.logPath(n.name), n.dir, c.l2GenesisPath())
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	prog.step("l2", "datadirs %s, %s", dirs.sequencer, dirs.verifier)
	return nil
}

func (d *Devnet) startChild(name, bin string, args ...string) (*child, error) {
	ch, err := startChild(name, d.logPath(name), bin, args...)
	if err != nil {
		return nil, err
	}
	d.children = append(d.children, ch)
	return ch, nil
}

// watchChildren turns an unexpected child exit into a devnet failure.
func (d *Devnet) watchChildren() {
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-d.quit:
			return
		case <-tick.C:
		}
		for _, ch := range d.children {
			if ch.unexpected() {
				d.fail(ch.exitError())
				return
			}
		}
	}
}

// Stop shuts the devnet down in reverse start order: batcher, proposer and
// op-nodes, then the child processes (SIGTERM, SIGKILL after a timeout),
// then L1. Safe to call more than once.
func (d *Devnet) Stop(ctx context.Context) error {
	d.stopOnce.Do(func() {
		close(d.quit)
		var errs []error
		for i := len(d.cleanup) - 1; i >= 0; i-- {
			d.cleanup[i]()
		}
		// Children stop in parallel; the L2 clients flush their state.
		var wg sync.WaitGroup
		var mu sync.Mutex
		for _, ch := range d.children {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := ch.stop(stopTimeout); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if d.l1 != nil {
			if err := d.l1.close(); err != nil {
				errs = append(errs, fmt.Errorf("L1: %w", err))
			}
		}
		for _, f := range d.logs {
			f.Close()
		}
		if d.pidFile != "" {
			if err := os.Remove(d.pidFile); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		d.stopErr = errors.Join(errs...)
	})
	return d.stopErr
}

// logger is an in-process component's logger, writing to its own file.
func (d *Devnet) logger(name string) (log.Logger, error) {
	f, err := openLog(d.logPath(name))
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(f, "\n=== %s: paichain-devnet start\n", time.Now().Format(time.RFC3339))
	d.logs = append(d.logs, f)
	return log.NewLogger(log.NewTerminalHandlerWithLevel(f, log.LevelInfo, false)).New("component", name), nil
}

func (d *Devnet) logPath(name string) string { return filepath.Join(d.LogDir, name+".log") }

func endpointsOf(p Ports) Endpoints {
	return Endpoints{
		L1RPC: httpURL(p.L1RPC), L1Beacon: httpURL(p.L1Beacon),
		L2SequencerRPC: httpURL(p.SeqRPC), L2VerifierRPC: httpURL(p.VerRPC),
		OpNodeSeqRPC: httpURL(p.SeqNode), OpNodeVerRPC: httpURL(p.VerNode),
		BatcherRPC: httpURL(p.Batcher), ProposerRPC: httpURL(p.Proposer),
		DAServer: httpURL(p.DA),
	}
}

// dataDirLayout names the directories under a data dir.
type dataDirLayout struct {
	root, genesis, l1, sequencer, verifier, da string
}

func dataDirs(root string) dataDirLayout {
	return dataDirLayout{
		root:      root,
		genesis:   filepath.Join(root, "genesis"),
		l1:        filepath.Join(root, "l1"),
		sequencer: filepath.Join(root, "l2-sequencer"),
		verifier:  filepath.Join(root, "l2-verifier"),
		da:        filepath.Join(root, "da"),
	}
}

// hasChainData reports whether an earlier run left chain data.
func (l dataDirLayout) hasChainData() bool {
	for _, p := range []string{l.l1, l.sequencer, l.verifier} {
		if _, err := os.Stat(p); err == nil {
			return true
		}
	}
	return false
}

// blockNumber is the head block number of the execution client at url.
func blockNumber(ctx context.Context, url string) (uint64, error) {
	cl, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return 0, err
	}
	defer cl.Close()
	return cl.BlockNumber(ctx)
}

// waitBlock waits until the chain at url reaches block n.
func waitBlock(ctx context.Context, c *child, url string, n uint64, timeout time.Duration) error {
	return waitFor(ctx, c, timeout, func(ctx context.Context) error {
		head, err := blockNumber(ctx, url)
		if err != nil {
			return err
		}
		if head < n {
			return fmt.Errorf("at block %d, waiting for %d", head, n)
		}
		return nil
	})
}

// ensureJWT creates the Engine API secret shared by the L1 and L2 engines
// and the op-nodes, once per data dir.
func ensureJWT(path string) (string, error) {
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return "", fmt.Errorf("jwt secret: %w", err)
	}
	if err := os.WriteFile(path, []byte(common.Bytes2Hex(secret)+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("jwt secret: %w", err)
	}
	return path, nil
}

// IsDataDir reports whether dir holds a devnet's data (genesis, L1 chain
// or logs), for tools that are about to delete it.
func IsDataDir(dir string) bool {
	l := dataDirs(dir)
	for _, p := range []string{l.genesis, l.l1, filepath.Join(dir, "logs")} {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return true
		}
	}
	return false
}
