package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/urfave/cli/v2"
)

// devnetCommand runs bin/paichain-devnet, the OP Stack devnet orchestrator.
// It lives in its own Go module (ops/devnet, built by `make devnet-deps`)
// so that this binary never links the optimism monorepo; the command
// replaces this process with it, keeping the pid, the terminal's Ctrl-C
// and the exit status.
var devnetCommand = &cli.Command{
	Name:      "devnet",
	Usage:     "Run the local OP Stack devnet: up, down, status, bench (bin/paichain-devnet; see docs/devnet.md)",
	ArgsUsage: "up|down|status|bench|genesis [flags]",
	// Every argument, --help included, belongs to paichain-devnet.
	SkipFlagParsing: true,
	Action: func(c *cli.Context) error {
		exe, err := os.Executable()
		if err != nil {
			exe = os.Args[0]
		}
		bin, err := devnetBinary(exe, ".")
		if err != nil {
			return err
		}
		argv := append([]string{bin}, c.Args().Slice()...)
		if err := syscall.Exec(bin, argv, os.Environ()); err != nil {
			return fmt.Errorf("devnet: exec %s: %w", bin, err)
		}
		return nil
	},
}

// devnetBinary looks for paichain-devnet next to the paichain binary
// exe (both live in bin/), then under dir/bin.
func devnetBinary(exe, dir string) (string, error) {
	candidates := []string{
		filepath.Join(filepath.Dir(exe), "paichain-devnet"),
		filepath.Join(dir, "bin", "paichain-devnet"),
	}
	for _, p := range candidates {
		st, err := os.Stat(p)
		if err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return filepath.Abs(p)
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("devnet: %w", err)
		}
	}
	return "", fmt.Errorf("devnet: paichain-devnet not found (looked for %s and %s): build it with `make devnet-deps`", candidates[0], candidates[1])
}
