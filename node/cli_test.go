package node

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/core"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/precompiles"
)

// runCLI parses args with the node command's flags and calls fn.
func runCLI(t *testing.T, flags []cli.Flag, args []string, fn func(*cli.Context) error) error {
	t.Helper()
	app := &cli.App{Name: "test", Flags: flags, Action: fn, HideHelp: true}
	return app.Run(append([]string{"test"}, args...))
}

func TestListenersDefaultToLoopback(t *testing.T) {
	for _, tc := range []struct {
		args                        []string
		http, ws, auth, p2p, p2pUDP string
	}{
		{[]string{}, "", "", "127.0.0.1", "127.0.0.1:30303", ""},
		{[]string{"--http", "--ws"}, "127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1:30303", ""},
		{[]string{"--http", "--http.addr", "0.0.0.0", "--authrpc.addr", "10.0.0.1"}, "0.0.0.0", "", "10.0.0.1", "127.0.0.1:30303", ""},
		{[]string{"--port", "30400", "--discovery.port", "30401"}, "", "", "127.0.0.1", "127.0.0.1:30400", "127.0.0.1:30401"},
		{[]string{"--port", "30400", "--p2p.addr", "0.0.0.0"}, "", "", "127.0.0.1", "0.0.0.0:30400", ""},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			var cfg gethnode.Config
			if err := runCLI(t, Flags(), tc.args, func(c *cli.Context) error {
				cfg = nodeConfig(c)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if cfg.HTTPHost != tc.http || cfg.WSHost != tc.ws || cfg.AuthAddr != tc.auth || cfg.P2P.ListenAddr != tc.p2p || cfg.P2P.DiscAddr != tc.p2pUDP {
				t.Fatalf("http %q ws %q auth %q p2p %q disc %q", cfg.HTTPHost, cfg.WSHost, cfg.AuthAddr, cfg.P2P.ListenAddr, cfg.P2P.DiscAddr)
			}
		})
	}
}

func TestInitAndStart(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, g *core.Genesis) string {
		b, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := genesis.Dev(genesis.Config{Governance: genesis.DevAddress(0)})
	if err != nil {
		t.Fatal(err)
	}
	bare := core.DeveloperGenesisBlock(30_000_000, nil)
	goodPath, barePath := write("good.json", good), write("bare.json", bare)
	datadir := filepath.Join(dir, "data")
	common := []string{"--datadir", datadir, "--verbosity", "1"}

	// A node on an uninitialised datadir refuses to start (geth would make
	// Ethereum mainnet's genesis).
	err = runCLI(t, Flags(), append(common, "--ipcdisable", "--authrpc.port", "0"), func(c *cli.Context) error {
		n, err := NewFromCLI(c)
		if err == nil {
			n.Close()
		}
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "node init") {
		t.Fatalf("start on empty datadir: %v", err)
	}
	for _, tc := range []struct {
		args    []string
		wantErr string
	}{
		{[]string{barePath}, "precompile"},
		{[]string{filepath.Join(dir, "missing.json")}, "no such file"},
		{[]string{goodPath}, ""},
		{[]string{goodPath}, ""}, // idempotent
	} {
		err := runCLI(t, InitFlags(), append(common, tc.args...), func(c *cli.Context) error {
			return InitGenesis(c, c.Args().First())
		})
		if (err == nil) != (tc.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
			t.Fatalf("init %v: err %v, want %q", tc.args, err, tc.wantErr)
		}
	}
	// The initialised datadir starts, on the genesis it was given, with the
	// engine API for op-node.
	err = runCLI(t, Flags(), append(common, "--ipcdisable", "--authrpc.port", "0"), func(c *cli.Context) error {
		n, err := NewFromCLI(c)
		if err != nil {
			return err
		}
		defer n.Close()
		if n.Beacon != nil {
			t.Error("non-dev node has a simulated beacon")
		}
		if got := n.Eth.BlockChain().Genesis().Hash(); got != good.ToBlock().Hash() {
			t.Errorf("genesis %s, want %s", got, good.ToBlock().Hash())
		}
		st, err := n.Eth.BlockChain().State()
		if err != nil {
			return err
		}
		if st.GetNonce(precompiles.ModelRegistryAddress) != 1 {
			t.Error("precompile account missing from the initialised state")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
