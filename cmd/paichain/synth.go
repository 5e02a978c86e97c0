package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/genesis/demo"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
)

// synthCommand writes a seeded synthetic model and LoRA adapter, so the
// whole stack (sidecar, registry, receipts, attribution) can be tried
// without downloading weights (docs/walkthrough.md). The model has
// model.TinyConfig's shape with a byte-level tokenizer (token id = byte),
// so any text tokenizes and a Datanet built with its tokenizer.json
// matches what the sidecar serves.
var synthCommand = &cli.Command{
	Name:      "synth",
	Usage:     "write a seeded synthetic model (byte-level tokenizer) and PEFT LoRA adapter; prints their registry hashes",
	ArgsUsage: " ",
	Description: `Writes OUT/model (config.json, model.safetensors, tokenizer.json) and OUT/adapters/NAME
(adapter_config.json, adapter_model.safetensors), then prints JSON with the directories and the
canonical hashes paichain infer computes when it loads them: the weightsHash of
ModelRegistry.registerModel and the adapterHash of registerAdapter. The same flags always write
the same bytes. Random weights: the text the model writes is not meant to be read.`,
	Flags: []cli.Flag{
		&cli.StringFlag{Name: "out", Required: true, Usage: "output directory"},
		&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "model weights seed"},
		&cli.Uint64Flag{Name: "adapter.seed", Usage: "adapter weights seed (default: --seed + 1)"},
		&cli.StringFlag{Name: "adapter.name", Value: "synthetic-lora", Usage: "adapter directory name (what `paichain infer --adapters` calls it)"},
		&cli.IntFlag{Name: "adapter.rank", Value: 4, Usage: "LoRA rank (alpha = 2 x rank)"},
		&cli.IntFlag{Name: "context", Value: 1024, Usage: "context length in tokens (= bytes of text)"},
	},
	Action: runSynth,
}

// synthOutput is what `paichain synth` prints.
type synthOutput struct {
	Model struct {
		Dir       string      `json:"dir"`
		Tokenizer string      `json:"tokenizer"`
		Hash      common.Hash `json:"hash"`
	} `json:"model"`
	Adapter struct {
		Name string      `json:"name"`
		Dir  string      `json:"dir"`
		Hash common.Hash `json:"hash"`
	} `json:"adapter"`
}

func runSynth(c *cli.Context) error {
	if c.NArg() > 0 {
		return fmt.Errorf("synth: unexpected argument %q", c.Args().First())
	}
	name := c.String("adapter.name")
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." {
		return fmt.Errorf("synth: --adapter.name %q must be a plain directory name", name)
	}
	rank := c.Int("adapter.rank")
	if rank < 1 || rank > 64 {
		return fmt.Errorf("synth: --adapter.rank %d: want 1 to 64", rank)
	}
	cfg := model.TinyConfig
	cfg.MaxSeqLen = c.Int("context")
	if cfg.MaxSeqLen < 64 || cfg.MaxSeqLen > 1<<16 {
		return fmt.Errorf("synth: --context %d: want 64 to 65536", cfg.MaxSeqLen)
	}
	seed := c.Uint64("seed")
	adapterSeed := c.Uint64("adapter.seed")
	if !c.IsSet("adapter.seed") {
		adapterSeed = seed + 1
	}

	var out synthOutput
	out.Model.Dir = filepath.Join(c.String("out"), "model")
	out.Model.Tokenizer = filepath.Join(out.Model.Dir, "tokenizer.json")
	out.Adapter.Name = name
	out.Adapter.Dir = filepath.Join(c.String("out"), "adapters", name)
	// Never write over files that may be someone's real model or adapter.
	for _, p := range []string{filepath.Join(out.Model.Dir, "config.json"), out.Model.Tokenizer, out.Adapter.Dir} {
		if _, err := os.Stat(p); err == nil {
			return fmt.Errorf("synth: %s already exists; give an empty --out", p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("synth: %w", err)
		}
	}

	if err := model.WriteSynthetic(out.Model.Dir, cfg, seed); err != nil {
		return fmt.Errorf("synth: write model: %w", err)
	}
	tok, err := demo.ByteTokenizerJSON()
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	if err := os.WriteFile(out.Model.Tokenizer, tok, 0o644); err != nil {
		return fmt.Errorf("synth: write tokenizer: %w", err)
	}
	if err := lora.WriteSynthetic(out.Adapter.Dir, cfg, rank, float64(2*rank), nil, adapterSeed, false); err != nil {
		return fmt.Errorf("synth: write adapter: %w", err)
	}

	// The hashes of the files as written, loaded the way the sidecar
	// loads them: what the registry must hold for receipts to be accepted.
	m, err := model.Load(out.Model.Dir)
	if err != nil {
		return fmt.Errorf("synth: reload model: %w", err)
	}
	a, err := lora.Load(out.Adapter.Dir, cfg.NLayers)
	if err != nil {
		return fmt.Errorf("synth: reload adapter: %w", err)
	}
	out.Model.Hash, out.Adapter.Hash = m.Hash, a.Hash
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintln(c.App.Writer, string(b))
	return nil
}
