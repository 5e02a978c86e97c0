// Command paichain is the single CLI of the paichain stack: one subcommand
// per component (node, infer, da, genesis, devnet, bench, ...).
package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
)

func main() {
	app := &cli.App{
		Name:  "paichain",
		Usage: "Payable-AI OP Stack L2: node, inference sidecar, DA server and tooling",
		Commands: []*cli.Command{
			nodeCommand,
			inferCommand,
			benchCommand,
			daCommand,
			datanetCommand,
			attributeCommand,
			devnetCommand,
			genesisCommand,
			synthCommand,
		},
	}
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, "paichain:", err)
		os.Exit(1)
	}
}
