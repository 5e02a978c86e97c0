package main

import (
	"errors"

	"github.com/ethereum/go-ethereum/cmd/utils"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/node"
)

// nodeCommand runs paichain's execution client: op-geth with the paichain
// precompiles, assembled in this process (package node).
var nodeCommand = &cli.Command{
	Name:  "node",
	Usage: "Run the paichain execution client (patched op-geth with the paichain precompiles)",
	Description: `Runs op-geth, with the ModelRegistry (0x...0A01), Attribution (0x...0A02)
and Inference (0x...0A03) precompiles, as paichain's execution client. Takes
op-geth's operator flags (--datadir, --http*, --ws*, --authrpc.*, --rollup.*,
--txpool.*, --miner.*, --override.*, ...). Every listener binds 127.0.0.1
unless told otherwise.

With --sequencer.sidecar URL and --sequencer.signer.key FILE the blocks this
node builds (under --dev, or for op-node) include inference receipts: a
transaction calling infer goes in right after its receipt transaction, once
the sidecar has answered (docs/sequencer.md). Replicas need no sidecar.

  paichain node init --datadir DIR genesis.json   write the genesis block
  paichain node --datadir DIR --authrpc.jwtsecret jwt.txt ...   follow op-node
  paichain node --dev --http                      single-node dev chain
  paichain node --dev --http --sequencer.sidecar http://127.0.0.1:8000 \
      --sequencer.signer.key signer.hex           dev chain with inference`,
	Flags: node.Flags(),
	Before: func(c *cli.Context) error {
		node.SetupLogging(c)
		return nil
	},
	Action: runNode,
	Subcommands: []*cli.Command{{
		Name:      "init",
		Usage:     "Write a genesis block (which must carry the precompile accounts) into the datadir",
		ArgsUsage: "<genesis.json>",
		Flags:     node.InitFlags(),
		Action: func(c *cli.Context) error {
			node.SetupLogging(c)
			if c.NArg() != 1 {
				return errors.New("node init: need the genesis.json path as the only argument")
			}
			return node.InitGenesis(c, c.Args().First())
		},
	}},
}

func runNode(c *cli.Context) error {
	if c.NArg() > 0 {
		return errors.New("node: unexpected argument " + c.Args().First())
	}
	n, err := node.NewFromCLI(c)
	if err != nil {
		return err
	}
	defer n.Close()
	// StartNode starts the stack and closes it on SIGINT/SIGTERM.
	utils.StartNode(c, n.Stack, false)
	if err := n.DevReady(); err != nil {
		return err
	}
	n.Stack.Wait()
	return nil
}
