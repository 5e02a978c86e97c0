package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/genesis"
)

// genesisCommand writes paichain genesis files. The devnet's full OP Stack
// set (L1 state with the OP contracts, L2 genesis, rollup.json) comes from
// op-deployer, which only the separate ops/devnet module links (optimism
// cannot be a dependency of this module), so that mode runs
// bin/paichain-devnet; both binaries build paichain's part of the L2
// genesis with the same package (genesis.DevnetExtras).
var genesisCommand = &cli.Command{
	Name:  "genesis",
	Usage: "Write a paichain genesis: the devnet's OP Stack set (default), a single-node dev genesis (--dev) or paichain's L2 alloc extras (--alloc-only)",
	Description: `Modes:

  paichain genesis [--out DIR]          devnet: runs bin/paichain-devnet genesis (make devnet-deps)
                                        and writes DIR/l1-allocs.json, l2-genesis.json, rollup.json,
                                        deployer-state.json, paichain.json, demo/
  paichain genesis --dev [--out DIR]    DIR/genesis.json: single-node dev chain with the same paichain
                                        state (paichain node init --datadir D DIR/genesis.json), paichain.json, demo/
  paichain genesis --alloc-only         DIR/paichain-alloc.json: only the accounts paichain adds to an L2
                                        genesis (precompiles, inference signer, demo registrations, dev
                                        accounts), to merge into one made by other OP tooling

paichain.json lists chain id, governance, the inference signer and dev account keys (public dev keys:
never use them elsewhere) and the demo model/adapter ids, hashes and files
(paichain infer --model DIR/demo/model --adapters DIR/demo/adapters). See docs/devnet.md.`,
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "out", Value: "build/devnet/genesis", Usage: "output directory"},
		&cli.BoolFlag{Name: "dev", Usage: "write a single-node dev genesis (no OP Stack tooling needed)"},
		&cli.BoolFlag{Name: "alloc-only", Usage: "write only paichain's L2 alloc extras"},
		&cli.Uint64Flag{Name: "l1.chainid", Value: genesis.DevnetL1ChainID, Usage: "L1 chain id (devnet mode)"},
		&cli.Uint64Flag{Name: "l2.chainid", Value: genesis.DevnetL2ChainID, Usage: "L2 (paichain) chain id; the dev chain's id with --dev"},
		&cli.StringFlag{Name: "governance", Usage: "precompile governance address for --alloc-only (default: dev key 2); devnet mode uses the L2 proxy admin owner"},
		&cli.StringFlag{Name: "artifacts", Usage: "contracts-bedrock forge artifacts (devnet mode; paichain-devnet's default: build/contracts-bedrock/forge-artifacts)"},
		&cli.StringFlag{Name: "devnet.bin", Usage: "paichain-devnet binary (default: next to this binary, then $PATH)"},
	},
	Action: runGenesis,
}

func runGenesis(c *cli.Context) error {
	if c.NArg() > 0 {
		return fmt.Errorf("genesis: unexpected argument %q", c.Args().First())
	}
	if c.Bool("dev") && c.Bool("alloc-only") {
		return errors.New("genesis: --dev and --alloc-only exclude each other")
	}
	out := c.String("out")
	switch {
	case c.Bool("dev"):
		return writeDevGenesis(c, out)
	case c.Bool("alloc-only"):
		return writeAllocExtras(c, out)
	}
	for _, f := range []string{"governance"} {
		if c.IsSet(f) {
			return fmt.Errorf("genesis: --%s applies to --alloc-only only", f)
		}
	}
	return runDevnetGenesis(c, out)
}

func writeDevGenesis(c *cli.Context, out string) error {
	id := c.Uint64("l2.chainid")
	g, err := genesis.Dev(genesis.DevConfig(id))
	if err != nil {
		return err
	}
	if err := genesis.WriteJSON(filepath.Join(out, "genesis.json"), g); err != nil {
		return err
	}
	info, err := genesis.NewInfo(id, genesis.DevAddress(genesis.GovernanceKey))
	if err != nil {
		return err
	}
	if err := genesis.WriteInfo(out, info); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "genesis: dev chain %d written to %s (genesis.json, paichain.json, demo/)\n", id, out)
	printInfo(c.App.Writer, info)
	return nil
}

func writeAllocExtras(c *cli.Context, out string) error {
	gov := genesis.DevAddress(genesis.GovernanceKey)
	if s := c.String("governance"); s != "" {
		if !common.IsHexAddress(s) {
			return fmt.Errorf("genesis: --governance %q is not an address", s)
		}
		gov = common.HexToAddress(s)
	}
	ex, err := genesis.DevnetExtras(gov)
	if err != nil {
		return err
	}
	alloc, err := ex.Alloc()
	if err != nil {
		return err
	}
	if err := genesis.WriteJSON(filepath.Join(out, "paichain-alloc.json"), alloc); err != nil {
		return err
	}
	info, err := genesis.NewInfo(c.Uint64("l2.chainid"), gov)
	if err != nil {
		return err
	}
	if err := genesis.WriteInfo(out, info); err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "genesis: %d paichain accounts written to %s (paichain-alloc.json, paichain.json, demo/)\n", len(alloc), out)
	printInfo(c.App.Writer, info)
	return nil
}

// runDevnetGenesis runs `paichain-devnet genesis` with our flags.
func runDevnetGenesis(c *cli.Context, out string) error {
	bin, err := findDevnetBinary(c.String("devnet.bin"))
	if err != nil {
		return err
	}
	args := []string{"genesis", "--out", out,
		"--l1.chainid", strconv.FormatUint(c.Uint64("l1.chainid"), 10),
		"--l2.chainid", strconv.FormatUint(c.Uint64("l2.chainid"), 10)}
	if a := c.String("artifacts"); a != "" {
		args = append(args, "--artifacts", a)
	}
	cmd := exec.CommandContext(c.Context, bin, args...)
	cmd.Stdout, cmd.Stderr = c.App.Writer, c.App.ErrWriter
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("genesis: %s %v: %w", bin, args, err)
	}
	raw, err := os.ReadFile(filepath.Join(out, "paichain.json"))
	if err != nil {
		return fmt.Errorf("genesis: %s wrote no paichain.json (%w): rebuild it with `make devnet-deps`", bin, err)
	}
	var info genesis.Info
	if err := json.Unmarshal(raw, &info); err != nil {
		return fmt.Errorf("genesis: %s/paichain.json: %w", out, err)
	}
	printInfo(c.App.Writer, info)
	return nil
}

// findDevnetBinary resolves paichain-devnet: the flag, else next to this
// executable (bin/), else $PATH.
func findDevnetBinary(flag string) (string, error) {
	if flag != "" {
		if _, err := os.Stat(flag); err != nil {
			return "", fmt.Errorf("genesis: --devnet.bin: %w", err)
		}
		return flag, nil
	}
	var looked []string
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "paichain-devnet")
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		looked = append(looked, p)
	}
	if p, err := exec.LookPath("paichain-devnet"); err == nil {
		return p, nil
	}
	looked = append(looked, "$PATH")
	return "", fmt.Errorf("genesis: paichain-devnet not found (looked at %v): the devnet's L1 allocs and rollup.json come from op-deployer, "+
		"which only bin/paichain-devnet links; build it with `make devnet-deps`, or use --dev / --alloc-only for what paichain writes alone", looked)
}

// printInfo is the operator's summary of the paichain accounts.
func printInfo(w io.Writer, info genesis.Info) {
	fmt.Fprintf(w, "  L2 chain id        %d\n", info.L2ChainID)
	fmt.Fprintf(w, "  precompiles        ModelRegistry %s  Attribution %s  Inference %s\n",
		info.Precompiles.ModelRegistry, info.Precompiles.Attribution, info.Precompiles.Inference)
	fmt.Fprintf(w, "  governance         %s\n", info.Governance)
	fmt.Fprintf(w, "  inference signer   %s  key %s\n", info.InferenceSigner.Address, info.InferenceSigner.PrivateKey)
	d := info.Demo
	fmt.Fprintf(w, "  demo model   id %d %s %s\n", d.ModelID, d.ModelName, d.ModelHash)
	fmt.Fprintf(w, "  demo adapter id %d %s %s (owner %s)\n", d.AdapterID, d.AdapterName, d.AdapterHash, d.Owner.Address)
	fmt.Fprintf(w, "  dev accounts (public keys, dev chains only):\n")
	for i, k := range info.DevAccounts {
		fmt.Fprintf(w, "    %d  %s  %s\n", i, k.Address, k.PrivateKey)
	}
}
