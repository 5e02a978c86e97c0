package node

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

func TestSequencerFlags(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "signer.hex")
	if err := os.WriteFile(keyFile, []byte("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		wantNil bool
		wantErr string
	}{
		{"replica", nil, true, ""},
		{"flag without sidecar", []string{"--sequencer.deadline", "5s"}, false, "needs --sequencer.sidecar"},
		{"no key", []string{"--sequencer.sidecar", "http://127.0.0.1:8000"}, false, "--sequencer.signer.key"},
		{"not a URL", []string{"--sequencer.sidecar", "127.0.0.1:8000", "--sequencer.signer.key", keyFile}, false, "not an http(s) URL"},
		{"missing key file", []string{"--sequencer.sidecar", "http://127.0.0.1:8000", "--sequencer.signer.key", filepath.Join(dir, "nope")}, false, "no such file"},
		{"bad deadline", []string{"--sequencer.sidecar", "http://127.0.0.1:8000", "--sequencer.signer.key", keyFile, "--sequencer.deadline", "0s"}, false, "deadline"},
		{"bad concurrency", []string{"--sequencer.sidecar", "http://127.0.0.1:8000", "--sequencer.signer.key", keyFile, "--sequencer.concurrency", "0"}, false, "concurrency"},
		{"sequencer", []string{"--sequencer.sidecar", "http://127.0.0.1:8000/", "--sequencer.signer.key", keyFile, "--sequencer.deadline", "7s", "--sequencer.concurrency", "3"}, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := runCLI(t, Flags(), tc.args, func(c *cli.Context) error {
				cfg, err := sequencerConfig(c, "/data")
				if err != nil {
					return err
				}
				if tc.wantNil != (cfg == nil) {
					t.Fatalf("config %+v", cfg)
				}
				if cfg != nil && (cfg.Deadline != 7*time.Second || cfg.Concurrency != 3 || cfg.JournalDir != filepath.Join("/data", "sequencer") || cfg.SignerKey == nil) {
					t.Fatalf("config %+v", cfg)
				}
				return nil
			})
			if (err == nil) != (tc.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err %v, want %q", err, tc.wantErr)
			}
		})
	}
	// --dev with a sequencer: the key is the genesis inference signer.
	err := runCLI(t, Flags(), []string{"--dev", "--ipcdisable", "--verbosity", "1", "--authrpc.port", "0",
		"--sequencer.sidecar", "http://127.0.0.1:8000", "--sequencer.signer.key", keyFile}, func(c *cli.Context) error {
		n, err := NewFromCLI(c)
		if err != nil {
			return err
		}
		defer n.Close()
		if n.Sequencer == nil || n.Beacon == nil {
			t.Fatal("dev node without sequencer or beacon")
		}
		st, err := n.Eth.BlockChain().StateAt(n.Eth.BlockChain().Genesis().Root())
		if err != nil {
			return err
		}
		if got := precompiles.ReadInferenceSigner(st); got != n.Sequencer.Signer() || st.GetBalance(got).IsZero() {
			t.Fatalf("genesis inference signer %s (balance %s), sequencer key %s", got, st.GetBalance(got), n.Sequencer.Signer())
		}
		if p := devPeriod(c, true); p != 1 {
			t.Fatalf("dev period %d with a sequencer", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
