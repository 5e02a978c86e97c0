package orchestrator

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/ethereum-optimism/optimism/op-batcher/batcher"
	batcherflags "github.com/ethereum-optimism/optimism/op-batcher/flags"
	opnode "github.com/ethereum-optimism/optimism/op-node"
	nodeflags "github.com/ethereum-optimism/optimism/op-node/flags"
	"github.com/ethereum-optimism/optimism/op-node/metrics"
	rollupnode "github.com/ethereum-optimism/optimism/op-node/node"
	proposerflags "github.com/ethereum-optimism/optimism/op-proposer/flags"
	"github.com/ethereum-optimism/optimism/op-proposer/proposer"
	"github.com/ethereum-optimism/optimism/op-service/clock"
	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"
)

// The OP Stack services run in this process, configured through their own
// command-line flag parsers: the argument lists below are exactly what an
// operator would pass to op-node, op-batcher and op-proposer, and every
// flag not given keeps upstream's default. Each list is written to the
// component's log at start.

// superPermissionedGameType is the dispute game op-deployer's standard
// deployment registers (standard.DisputeGameType): output proposals are
// super roots, served by op-node's superroot API.
const superPermissionedGameType = 5

// flagsMu serialises parsing: the upstream flag definitions are shared
// package-level values.
var flagsMu sync.Mutex

// parseFlags runs a throwaway cli.App over args with the service's flags
// and hands the parsed context to read.
func parseFlags(name string, flags []cli.Flag, args []string, read func(*cli.Context) error) error {
	flagsMu.Lock()
	defer flagsMu.Unlock()
	app := &cli.App{
		Name: name, Flags: flags, Writer: io.Discard, ErrWriter: io.Discard,
		HideHelp: true, HideVersion: true,
		Action: read,
	}
	if err := app.Run(append([]string{name}, args...)); err != nil {
		return fmt.Errorf("%s flags: %w", name, err)
	}
	return nil
}

// opNodeArgs is op-node's command line: L1 over HTTP polling, the L2
// engine over authenticated RPC, no p2p (the verifier derives everything
// from L1 + DA), Alt-DA generic commitments against our DA server.
func opNodeArgs(sequencer bool, c *chain, ports Ports, jwtPath, safeDB, daURL string) []string {
	authPort, rpcPort := ports.VerAuth, ports.VerNode
	if sequencer {
		authPort, rpcPort = ports.SeqAuth, ports.SeqNode
	}
	args := []string{
		"--l1=" + httpURL(ports.L1RPC), "--l1.rpckind=standard", "--l1.http-poll-interval=1s",
		"--l1.epoch-poll-interval=4s",
		"--l1.beacon=" + httpURL(ports.L1Beacon),
		"--l2=" + httpURL(authPort), "--l2.jwt-secret=" + jwtPath, "--l2.enginekind=geth",
		"--rollup.config=" + c.rollupPath(), "--rollup.l1-chain-config=" + c.l1GenesisPath(),
		"--rpc.addr=127.0.0.1", "--rpc.port=" + strconv.Itoa(rpcPort), "--rpc.enable-admin",
		"--p2p.disable",
		"--syncmode=consensus-layer",
		"--safedb.path=" + safeDB,
		"--altda.enabled", "--altda.da-service", "--altda.verify-on-read", "--altda.da-server=" + daURL,
	}
	if sequencer {
		return append(args, "--sequencer.enabled", "--sequencer.l1-confs=0")
	}
	return append(args, "--verifier.l1-confs=0")
}

// startOpNode builds and starts an op-node in this process. onFail is
// called when the node asks to shut down after a critical error.
func startOpNode(ctx context.Context, name string, args []string, lg log.Logger, onFail func(error)) (*rollupnode.OpNode, error) {
	lg.Info("op-node configuration", "args", strings.Join(args, " "))
	var n *rollupnode.OpNode
	err := parseFlags("op-node", nodeflags.Flags, args, func(c *cli.Context) error {
		cfg, err := opnode.NewConfig(c, lg)
		if err != nil {
			return err
		}
		cfg.Cancel = func(cause error) { onFail(fmt.Errorf("%s requested shutdown: %w", name, cause)) }
		if n, err = rollupnode.New(ctx, cfg, lg, "paichain-devnet", metrics.NewMetrics("", nil), clock.SystemClock); err != nil {
			return err
		}
		return n.Start(ctx)
	})
	if err != nil {
		if n != nil {
			_ = n.Stop(context.Background())
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}

// txmgrArgs are the tx manager settings of a devnet L1 sender: one
// confirmation and short polling (L1 blocks come every 2 s).
func txmgrArgs(l1URL, key string) []string {
	return []string{
		"--l1-eth-rpc=" + l1URL, "--private-key=" + key,
		"--num-confirmations=1", "--safe-abort-nonce-too-low-count=3",
		"--resubmission-timeout=10s", "--txmgr.receipt-query-interval=500ms", "--network-timeout=5s",
	}
}

// batcherArgs is op-batcher's command line: calldata (blobs and Alt-DA
// exclude each other), a channel closed every L1 block, frames posted to
// the DA server one at a time (in order), throttling off (it would drive
// the miner's DA-size limit through a miner_ API the devnet does not need).
// Several pending L1 transactions: with upstream's default of one, the DA
// goroutine blocks until the previous batch confirms, and meanwhile the
// publishing loop retries without pause (a core's worth of L1 RPC calls).
func batcherArgs(ports Ports, keys *devKeys, daURL string) []string {
	args := txmgrArgs(httpURL(ports.L1RPC), keys.Batcher.PrivateKey)
	return append(args,
		"--l2-eth-rpc="+httpURL(ports.SeqRPC), "--rollup-rpc="+httpURL(ports.SeqNode),
		"--data-availability-type=calldata", "--max-channel-duration=1", "--sub-safety-margin=4",
		"--poll-interval=1s", "--target-num-frames=1", "--max-pending-tx=10",
		"--throttle.unsafe-da-bytes-lower-threshold=0",
		"--rpc.addr=127.0.0.1", "--rpc.port="+strconv.Itoa(ports.Batcher), "--rpc.enable-admin",
		"--altda.enabled", "--altda.da-service", "--altda.da-server="+daURL,
	)
}

// startBatcher builds and starts op-batcher, letting setup adjust it.
func startBatcher(ctx context.Context, args []string, setup BatcherSetup, lg log.Logger, onFail func(error)) (*batcher.BatcherService, func(), error) {
	lg.Info("op-batcher configuration", "args", strings.Join(redactKey(args), " "))
	var cfg *batcher.CLIConfig
	if err := parseFlags("op-batcher", batcherflags.Flags, args, func(c *cli.Context) error {
		if err := batcherflags.CheckRequired(c); err != nil {
			return err
		}
		cfg = batcher.NewConfig(c)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	var opts []batcher.DriverSetupOption
	cleanup := func() {}
	if setup != nil {
		o, c, err := setup(ctx, cfg, lg)
		if err != nil {
			return nil, nil, fmt.Errorf("op-batcher setup hook: %w", err)
		}
		opts = o
		if c != nil {
			cleanup = c
		}
	}
	if err := cfg.Check(); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("op-batcher: %w", err)
	}
	closeApp := func(cause error) { onFail(fmt.Errorf("op-batcher stopped on a critical error: %w", cause)) }
	b, err := batcher.BatcherServiceFromCLIConfig(ctx, closeApp, "paichain-devnet", cfg, lg, opts...)
	if err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("op-batcher: %w", err)
	}
	if err := b.Start(ctx); err != nil {
		_ = b.Stop(context.Background())
		cleanup()
		return nil, nil, fmt.Errorf("op-batcher: %w", err)
	}
	return b, cleanup, nil
}

// proposerArgs is op-proposer's command line: super-root proposals from the
// sequencer's op-node into the DisputeGameFactory, allowed from unfinalized
// L1 data so that withdrawals can be proven within seconds.
func proposerArgs(ports Ports, keys *devKeys, dgf string) []string {
	args := txmgrArgs(httpURL(ports.L1RPC), keys.Proposer.PrivateKey)
	return append(args,
		"--superroot-rpcs="+httpURL(ports.SeqNode),
		"--game-factory-address="+dgf, "--game-type="+strconv.Itoa(superPermissionedGameType),
		"--proposal-interval=10s", "--poll-interval=1s", "--allow-non-finalized",
		"--rpc.addr=127.0.0.1", "--rpc.port="+strconv.Itoa(ports.Proposer),
	)
}

// startProposer builds and starts op-proposer.
func startProposer(ctx context.Context, args []string, lg log.Logger) (*proposer.ProposerService, error) {
	lg.Info("op-proposer configuration", "args", strings.Join(redactKey(args), " "))
	var cfg *proposer.CLIConfig
	if err := parseFlags("op-proposer", proposerflags.Flags, args, func(c *cli.Context) error {
		if err := proposerflags.CheckRequired(c); err != nil {
			return err
		}
		cfg = proposer.NewConfig(c)
		return nil
	}); err != nil {
		return nil, err
	}
	p, err := proposer.ProposerServiceFromCLIConfig(ctx, "paichain-devnet", cfg, lg)
	if err != nil {
		return nil, fmt.Errorf("op-proposer: %w", err)
	}
	if err := p.Start(ctx); err != nil {
		_ = p.Stop(context.Background())
		return nil, fmt.Errorf("op-proposer: %w", err)
	}
	return p, nil
}

// redactKey hides --private-key values in logged command lines.
func redactKey(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.HasPrefix(a, "--private-key=") {
			a = "--private-key=<redacted>"
		}
		out[i] = a
	}
	return out
}

func httpURL(port int) string { return "http://127.0.0.1:" + strconv.Itoa(port) }
