// Command superchainzip writes the superchain-configs.zip that optimism's
// op-core/superchain package go:embeds, plus the .sha256 file its init checks.
//
// The optimism Go module ships without that generated zip (upstream builds it
// from the superchain-registry git submodule), so importing op-node or
// op-deployer fails to compile. The devnet never joins a public chain; it only
// needs the registry entries read at start-up: OP Mainnet (chain 10), whose
// hardfork schedule op-deployer uses as the default for new chains, and the
// mainnet superchain. Those are kept, in the registry's own TOML layout, under
// registry/configs/<network>/ and embedded here.
//
// Usage: superchainzip -dir build/optimism/op-core/superchain
package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

//go:embed registry
var registry embed.FS

const zipName = "superchain-configs.zip"

func main() {
	dir := flag.String("dir", "", "directory to write "+zipName+" and its .sha256 into (op-core/superchain of the optimism copy)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "superchainzip: -dir is required")
		os.Exit(2)
	}
	data, err := build(registry)
	if err != nil {
		fmt.Fprintf(os.Stderr, "superchainzip: %v\n", err)
		os.Exit(1)
	}
	if err := write(*dir, data); err != nil {
		fmt.Fprintf(os.Stderr, "superchainzip: %v\n", err)
		os.Exit(1)
	}
}

// chainRef is one chains.json entry: the registry maps chain ID to the config
// file configs/<network>/<name>.toml.
type chainRef struct {
	Name    string `json:"name"`
	Network string `json:"network"`
}

// build returns the zip bytes. The output is deterministic (sorted entries,
// fixed timestamps) so the pinned sha256 only changes when the configs do.
func build(src fs.FS) ([]byte, error) {
	files := map[string][]byte{}
	chains := map[string]chainRef{}
	err := fs.WalkDir(src, "registry/configs", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "registry/")
		files[rel] = body
		if path.Base(p) == "superchain.toml" || path.Ext(p) != ".toml" {
			return nil
		}
		var head struct {
			ChainID uint64 `toml:"chain_id"`
		}
		if _, err := toml.Decode(string(body), &head); err != nil {
			return fmt.Errorf("decode %s: %w", rel, err)
		}
		if head.ChainID == 0 {
			return fmt.Errorf("%s: no chain_id", rel)
		}
		id := fmt.Sprint(head.ChainID)
		if prev, dup := chains[id]; dup {
			return fmt.Errorf("%s: chain_id %s already used by %s/%s", rel, id, prev.Network, prev.Name)
		}
		chains[id] = chainRef{
			Name:    strings.TrimSuffix(path.Base(p), ".toml"),
			Network: path.Base(path.Dir(p)),
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read embedded registry: %w", err)
	}
	if len(chains) == 0 {
		return nil, fmt.Errorf("embedded registry has no chain configs")
	}
	index, err := json.MarshalIndent(chains, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode chains.json: %w", err)
	}
	files["chains.json"] = index
	// The loader opens the zstd dictionary at init; it is only used to inflate
	// genesis/<network>/<name>.json.zst, which this bundle does not carry, so
	// GenesisData on a registry chain fails with a clear "file not found".
	files["dictionary"] = nil

	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	epoch := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: epoch})
		if err != nil {
			return nil, fmt.Errorf("zip %s: %w", name, err)
		}
		if _, err := w.Write(files[name]); err != nil {
			return nil, fmt.Errorf("zip %s: %w", name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("close zip: %w", err)
	}
	return buf.Bytes(), nil
}

// write puts the zip and a sha256sum-format pin file next to each other, the
// pair op-core/superchain's init compares.
func write(dir string, data []byte) error {
	sum := sha256.Sum256(data)
	pin := hex.EncodeToString(sum[:]) + "  " + zipName + "\n"
	if err := os.WriteFile(filepath.Join(dir, zipName), data, 0o644); err != nil {
		return fmt.Errorf("write zip: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, zipName+".sha256"), []byte(pin), 0o644); err != nil {
		return fmt.Errorf("write sha256: %w", err)
	}
	return nil
}
