// Command paichain-devnet builds and runs the local paichain devnet: L1,
// the OP Stack L1 contracts, paichain L2 sequencer and verifier, op-nodes
// with Alt-DA, op-batcher, op-proposer, the DA server and the inference
// sidecar. See docs/devnet.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof" // --pprof.addr
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/da/faults"
	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/ops/devnet/altdafailover"
	"github.com/paichain/paichain/ops/devnet/opgenesis"
	"github.com/paichain/paichain/ops/devnet/orchestrator"
)

func main() {
	app := &cli.App{
		Name:  "paichain-devnet",
		Usage: "local paichain OP Stack devnet",
		Commands: []*cli.Command{
			upCommand(),
			downCommand(),
			statusCommand(),
			benchCommand(),
			genesisCommand(),
		},
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := app.RunContext(ctx, os.Args); err != nil {
		fmt.Fprintf(os.Stderr, "paichain-devnet: %v\n", err)
		os.Exit(1)
	}
}

var dataDirFlag = &cli.StringFlag{Name: "datadir", Value: "build/devnet/data", Usage: "devnet data dir (genesis, chain data, logs, pid file); reused across restarts"}

// downTimeout is how long `down` waits for a clean shutdown before SIGKILL.
const downTimeout = 90 * time.Second

func upCommand() *cli.Command {
	def := orchestrator.DefaultConfig()
	return &cli.Command{
		Name:  "up",
		Usage: "start the devnet and run it until Ctrl-C or `paichain-devnet down`",
		Description: `Starts (or restarts, reusing --datadir) L1, the L2 sequencer and verifier,
op-nodes, op-batcher, op-proposer, the DA server and the inference sidecar,
prints every endpoint and the dev keys, and runs until interrupted. A fresh
data dir gets a new genesis first (op-deployer, in-process, ~10 s).`,
		Flags: []cli.Flag{
			dataDirFlag,
			&cli.StringFlag{Name: "paichain", Usage: "paichain binary (default: next to this program, else bin/paichain)"},
			&cli.StringFlag{Name: "artifacts", Value: def.ArtifactsDir, Usage: "contracts-bedrock forge artifacts (make devnet-deps), used for a fresh genesis"},
			&cli.IntFlag{Name: "ports.offset", Usage: "add this to every default port (several devnets on one host)"},
			&cli.Uint64Flag{Name: "l1.chainid", Value: def.L1ChainID, Usage: "L1 chain id (fresh data dir only)"},
			&cli.Uint64Flag{Name: "l2.chainid", Value: def.L2ChainID, Usage: "L2 chain id (fresh data dir only)"},
			&cli.StringFlag{Name: "da.backend", Value: def.DABackend, Usage: "DA server backend: devnet (local store) or eigenda (pass its flags with --da.arg)"},
			&cli.StringSliceFlag{Name: "da.arg", Usage: "extra flag for `paichain da serve` (repeatable), e.g. --da.arg=--eigenda.disperser=HOST:PORT"},
			&cli.BoolFlag{Name: "da.failover", Value: true, Usage: "batcher posts a frame as plain L1 calldata when the DA server answers 503"},
			&cli.BoolFlag{Name: "no-inference", Usage: "do not start the inference sidecar"},
			&cli.BoolFlag{Name: "reset", Usage: "delete the data dir first (new genesis, empty chains)"},
			&cli.StringFlag{Name: "pprof.addr", Usage: "serve Go profiles of this process (L1, op-nodes, batcher, proposer) at this loopback address, e.g. 127.0.0.1:6060"},
		},
		Action: runUp,
	}
}

func runUp(c *cli.Context) error {
	cfg := orchestrator.DefaultConfig()
	cfg.DataDir = c.String(dataDirFlag.Name)
	cfg.ArtifactsDir = c.String("artifacts")
	cfg.Ports = cfg.Ports.Offset(c.Int("ports.offset"))
	cfg.L1ChainID, cfg.L2ChainID = c.Uint64("l1.chainid"), c.Uint64("l2.chainid")
	cfg.DABackend, cfg.DAArgs = c.String("da.backend"), c.StringSlice("da.arg")
	cfg.Inference = !c.Bool("no-inference")
	cfg.Progress = os.Stdout
	cfg.RootLog = true
	if c.Bool("da.failover") {
		cfg.BatcherSetup = altdafailover.BatcherSetup
	}
	var err error
	if cfg.Paichain, err = paichainBinary(c.String("paichain")); err != nil {
		return err
	}
	if addr := c.String("pprof.addr"); addr != "" {
		if err := servePprof(addr); err != nil {
			return err
		}
	}
	if c.Bool("reset") {
		if err := reset(cfg.DataDir); err != nil {
			return err
		}
	}

	d, err := orchestrator.Start(c.Context, cfg)
	if err != nil {
		return err
	}
	fmt.Println()
	fmt.Print(d.Summary())
	var failure error
	select {
	case <-c.Context.Done():
		fmt.Println("\nstopping the devnet ...")
	case <-d.Failed():
		failure = d.Err()
		fmt.Fprintf(os.Stderr, "\npaichain-devnet: %v\nstopping the devnet ...\n", failure)
	}
	start := time.Now()
	if err := d.Stop(context.Background()); err != nil {
		return errors.Join(failure, fmt.Errorf("stop: %w", err))
	}
	fmt.Printf("devnet stopped in %.1fs (data kept in %s)\n", time.Since(start).Seconds(), cfg.DataDir)
	return failure
}

// servePprof serves net/http/pprof on a loopback address.
func servePprof(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--pprof.addr: %w", err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--pprof.addr %s: only loopback addresses", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--pprof.addr: %w", err)
	}
	go http.Serve(ln, nil) //nolint:errcheck // lives as long as the process
	fmt.Printf("pprof at http://%s/debug/pprof/\n", ln.Addr())
	return nil
}

// paichainBinary is --paichain, else the paichain next to this program
// (bin/), else bin/paichain under the working directory.
func paichainBinary(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "paichain")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return filepath.Abs(filepath.Join("bin", "paichain"))
}

// reset deletes a data dir that no running devnet uses, and only one that
// looks like a devnet's: a mistyped --datadir must not wipe anything else.
func reset(dir string) error {
	if p, err := orchestrator.ReadPidFile(dir); err == nil && orchestrator.Running(p) {
		return fmt.Errorf("--reset: a devnet is running from %s (pid %d): stop it first", dir, p.PID)
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("--reset: %w", err)
	}
	if len(entries) > 0 && !orchestrator.IsDataDir(dir) {
		return fmt.Errorf("--reset: %s does not look like a devnet data dir (no genesis/, l1/ or logs/); delete it yourself if you mean it", dir)
	}
	fmt.Printf("--reset: deleting %s\n", dir)
	return os.RemoveAll(dir)
}

func downCommand() *cli.Command {
	return &cli.Command{
		Name:  "down",
		Usage: "stop the devnet running from --datadir (SIGTERM, SIGKILL after 90 s)",
		Flags: []cli.Flag{dataDirFlag},
		Action: func(c *cli.Context) error {
			dir := c.String(dataDirFlag.Name)
			ran, err := orchestrator.Down(dir, downTimeout, func(s string) { fmt.Println(s) })
			if err != nil {
				return err
			}
			if !ran {
				fmt.Printf("no devnet running from %s\n", dir)
				return nil
			}
			fmt.Println("devnet stopped")
			return nil
		},
	}
}

func statusCommand() *cli.Command {
	return &cli.Command{
		Name:  "status",
		Usage: "show whether the devnet runs, its endpoints and chain heads",
		Flags: []cli.Flag{
			dataDirFlag,
			&cli.DurationFlag{Name: "resources", Usage: "also show RSS, peak RSS and CPU of every devnet process, CPU share measured over this window (e.g. 10s)"},
		},
		Action: func(c *cli.Context) error {
			dir := c.String(dataDirFlag.Name)
			ctx, cancel := context.WithTimeout(c.Context, 10*time.Second)
			defer cancel()
			s, err := orchestrator.Status(ctx, dir)
			if err != nil {
				return err
			}
			fmt.Print(s)
			window := c.Duration("resources")
			if window <= 0 {
				return nil
			}
			p, err := orchestrator.ReadPidFile(dir)
			if err != nil || !orchestrator.Running(p) {
				return nil
			}
			before := orchestrator.SampleUsage(p.Processes())
			select {
			case <-c.Context.Done():
				return c.Context.Err()
			case <-time.After(window):
			}
			fmt.Print(orchestrator.FormatUsage(before, orchestrator.SampleUsage(p.Processes()), window))
			return nil
		},
	}
}

func benchCommand() *cli.Command {
	return &cli.Command{
		Name:  "bench",
		Usage: "measure L2 tx latency on the running devnet: sequencer inclusion and verifier derivation (from L1 + DA)",
		Flags: []cli.Flag{
			dataDirFlag,
			&cli.IntFlag{Name: "txs", Value: 5, Usage: "transfers to send, one after another"},
			&cli.BoolFlag{Name: "da-failover", Usage: "make every DA put fail (503) during the run, so batches go to L1 as calldata"},
		},
		Action: func(c *cli.Context) error {
			dir := c.String(dataDirFlag.Name)
			p, err := orchestrator.ReadPidFile(dir)
			if err != nil || !orchestrator.Running(p) || !p.Ready {
				return fmt.Errorf("no ready devnet running from %s: start one with `paichain devnet up`", dir)
			}
			// The last paichain dev account: funded on L1 and L2, and
			// without a role (0 owns the demo model, 1 signs receipts).
			key := genesis.DevKey(orchestrator.PaichainDevAccounts - 1)
			mode := "DA server (devnet backend)"
			if c.Bool("da-failover") {
				mode = "failover: DA puts fail with 503, batches as L1 calldata"
				if err := orchestrator.SetDAFaults(c.Context, p.Endpoints.DAServer, faults.Config{PutErrorRate: 1}); err != nil {
					return err
				}
				defer func() {
					if err := orchestrator.SetDAFaults(context.Background(), p.Endpoints.DAServer, faults.Config{}); err != nil {
						fmt.Fprintf(os.Stderr, "paichain-devnet: clearing DA faults: %v\n", err)
					}
				}()
			}
			fmt.Printf("latency, %s:\n", mode)
			l, err := orchestrator.MeasureLatency(c.Context, p.Endpoints, key, c.Int("txs"), func(s string) { fmt.Println("  " + s) })
			if err != nil {
				return err
			}
			fmt.Println(l.Summary())
			return nil
		},
	}
}

func genesisCommand() *cli.Command {
	return &cli.Command{
		Name:  "genesis",
		Usage: "deploy the OP L1 contracts in-process and write the L1 allocs, L2 genesis and rollup config",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "artifacts", Value: "build/contracts-bedrock/forge-artifacts", Usage: "contracts-bedrock forge artifacts (ops/devnet/contracts.sh)"},
			&cli.StringFlag{Name: "out", Value: "build/devnet/genesis", Usage: "output directory"},
			&cli.Uint64Flag{Name: "l1.chainid", Value: 900, Usage: "L1 chain id"},
			&cli.Uint64Flag{Name: "l2.chainid", Value: 901, Usage: "L2 (paichain) chain id"},
			&cli.Uint64Flag{Name: "altda.challenge-window", Value: 16, Usage: "Alt-DA challenge window in L1 blocks"},
			&cli.Uint64Flag{Name: "altda.resolve-window", Value: 16, Usage: "Alt-DA resolve window in L1 blocks"},
			&cli.BoolFlag{Name: "verbose", Usage: "log op-deployer's progress"},
		},
		Action: func(c *cli.Context) error {
			lgr := log.NewLogger(log.DiscardHandler())
			if c.Bool("verbose") {
				lgr = log.NewLogger(log.NewTerminalHandlerWithLevel(os.Stderr, log.LevelInfo, false))
			}
			start := time.Now()
			// The same configuration the devnet uses, L1 prefunding included.
			gcfg, err := orchestrator.GenesisConfig(c.String("artifacts"), c.Uint64("l1.chainid"), c.Uint64("l2.chainid"), lgr)
			if err != nil {
				return err
			}
			gcfg.AltDAChallengeWindow = c.Uint64("altda.challenge-window")
			gcfg.AltDAResolveWindow = c.Uint64("altda.resolve-window")
			res, err := opgenesis.Build(c.Context, gcfg)
			if err != nil {
				return err
			}
			if err := res.WriteDir(c.String("out")); err != nil {
				return err
			}
			fmt.Printf("genesis: L2 %s (block %d) written to %s in %s\n",
				res.Rollup.Genesis.L2.Hash, res.Rollup.Genesis.L2.Number, c.String("out"), time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
}
