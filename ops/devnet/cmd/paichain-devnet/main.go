// Command paichain-devnet builds and (in time) runs the local paichain
// devnet: L1, the OP Stack L1 contracts, paichain L2 sequencer and verifier,
// op-nodes with Alt-DA, op-batcher and op-proposer. See docs/devnet.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/log"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/ops/devnet/opgenesis"
)

func main() {
	app := &cli.App{
		Name:  "paichain-devnet",
		Usage: "local paichain OP Stack devnet",
		Commands: []*cli.Command{
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
			res, err := opgenesis.Build(c.Context, opgenesis.Config{
				ArtifactsDir:         c.String("artifacts"),
				L1ChainID:            c.Uint64("l1.chainid"),
				L2ChainID:            c.Uint64("l2.chainid"),
				AltDAChallengeWindow: c.Uint64("altda.challenge-window"),
				AltDAResolveWindow:   c.Uint64("altda.resolve-window"),
				Logger:               lgr,
			})
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
