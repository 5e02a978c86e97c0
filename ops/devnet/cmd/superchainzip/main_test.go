package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/ethereum-optimism/optimism/op-core/superchain"
)

func TestBundleLoadsInSuperchainLoader(t *testing.T) {
	data, err := build(registry)
	if err != nil {
		t.Fatal(err)
	}
	loader, err := superchain.NewChainConfigLoader(data)
	if err != nil {
		t.Fatalf("loader: %v", err)
	}
	chain, err := loader.GetChain(10)
	if err != nil {
		t.Fatal(err)
	}
	// Config decodes strictly: any key the upstream struct lacks fails here.
	cfg, err := chain.Config()
	if err != nil {
		t.Fatalf("chain 10 config: %v", err)
	}
	if cfg.ChainID != 10 || cfg.Hardforks.JovianTime == nil || cfg.Hardforks.KarstTime != nil {
		t.Fatalf("chain 10: id %d, jovian %v, karst %v; want 10, scheduled, unscheduled", cfg.ChainID, cfg.Hardforks.JovianTime, cfg.Hardforks.KarstTime)
	}
	if id, err := loader.ChainIDByName("op-mainnet"); err != nil || id != 10 {
		t.Fatalf("op-mainnet = %d, %v", id, err)
	}
	sc, err := loader.GetSuperchain("mainnet")
	if err != nil || sc.L1.ChainID != 1 {
		t.Fatalf("mainnet superchain: %+v, %v", sc, err)
	}
	if _, err := chain.GenesisData(); err == nil {
		t.Fatal("genesis data present; the bundle carries none")
	}
}

func TestBundleIsDeterministic(t *testing.T) {
	a, err := build(registry)
	if err != nil {
		t.Fatal(err)
	}
	b, err := build(registry)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two builds differ")
	}
}

// The optimism copy (ops/devnet/optimism.sh) embeds exactly what build makes.
func TestWriteMatchesPin(t *testing.T) {
	data, err := build(registry)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := write(dir, data); err != nil {
		t.Fatal(err)
	}
	pin, err := os.ReadFile(filepath.Join(dir, zipName+".sha256"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]) + "  " + zipName + "\n"; string(pin) != want {
		t.Fatalf("pin %q, want %q", pin, want)
	}
}

func TestBuildRejectsBadRegistry(t *testing.T) {
	for name, files := range map[string]fstest.MapFS{
		"no chains":   {"registry/configs/mainnet/superchain.toml": {Data: []byte(`name = "x"`)}},
		"no chain_id": {"registry/configs/mainnet/a.toml": {Data: []byte(`name = "a"`)}},
		"bad toml":    {"registry/configs/mainnet/a.toml": {Data: []byte(`chain_id = `)}},
		"duplicate id": {
			"registry/configs/mainnet/a.toml": {Data: []byte(`chain_id = 7`)},
			"registry/configs/sepolia/b.toml": {Data: []byte(`chain_id = 7`)},
		},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := build(files); err == nil {
				t.Fatalf("build accepted a registry with %s", name)
			}
		})
	}
}
