// Package demo is the demo model and adapter that dev chains and the devnet
// register at genesis: a seeded synthetic LLaMA-shaped model
// (model.TinyConfig) and a seeded LoRA adapter for it. Their registry
// hashes are the canonical hashes `paichain infer` computes when it loads
// the files Write produces, so an inference receipt from a sidecar serving
// them names registered hashes.
package demo

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/precompiles"
)

// The demo's fixed parameters. Changing any of them changes the hashes,
// and so every chain's genesis.
const (
	ModelName   = "paichain-demo-tiny"
	ModelSeed   = 8
	AdapterName = "paichain-demo-lora"
	AdapterSeed = 9
	AdapterRank = 4
	// AdapterAlpha is the LoRA scale numerator (scale = alpha / rank).
	AdapterAlpha = 8
)

// Prices in wei per call, small but non-zero so payments and fee splits
// are exercised.
var (
	ModelPrice   = big.NewInt(1_000_000_000_000) // 1e12 wei (10^-6 ether)
	AdapterPrice = big.NewInt(500_000_000_000)
)

// ModelConfig is the demo model's shape: tiny (about 0.2 MB of float32),
// so generating it at genesis time and serving it on a CPU take
// milliseconds. Its vocabulary is the 256 bytes (see the tokenizer Write
// writes).
var ModelConfig = model.TinyConfig

// Hashes are the demo's registry hashes.
type Hashes struct {
	Model   [32]byte
	Adapter [32]byte
}

// ComputeHashes builds the demo model and adapter in memory and returns
// their canonical hashes (model.Hash, lora adapter hash), the same values
// loading Write's files gives.
func ComputeHashes() (Hashes, error) {
	m, err := model.NewSynthetic(ModelConfig, ModelSeed)
	if err != nil {
		return Hashes{}, fmt.Errorf("demo: model: %w", err)
	}
	a, err := adapter()
	if err != nil {
		return Hashes{}, err
	}
	return Hashes{Model: m.Hash, Adapter: a.Hash}, nil
}

func adapter() (*lora.Adapter, error) {
	a, err := lora.Synthetic(ModelConfig, AdapterRank, AdapterAlpha, nil, AdapterSeed, false)
	if err != nil {
		return nil, fmt.Errorf("demo: adapter: %w", err)
	}
	return a, nil
}

// Registrations returns the demo model (id 1) and its adapter (id 1),
// owned by owner, for precompiles.GenesisConfig.
func Registrations(owner common.Address) ([]precompiles.GenesisModel, []precompiles.GenesisAdapter, error) {
	h, err := ComputeHashes()
	if err != nil {
		return nil, nil, err
	}
	models := []precompiles.GenesisModel{{
		Owner: owner, Name: ModelName, WeightsHash: h.Model,
		URI:        fmt.Sprintf("paichain-demo:model?seed=%d", ModelSeed),
		WeiPerCall: new(big.Int).Set(ModelPrice),
	}}
	adapters := []precompiles.GenesisAdapter{{
		Owner: owner, BaseModelID: 1, AdapterHash: h.Adapter,
		URI:        fmt.Sprintf("paichain-demo:adapter?seed=%d&rank=%d", AdapterSeed, AdapterRank),
		WeiPerCall: new(big.Int).Set(AdapterPrice),
	}}
	return models, adapters, nil
}

// Paths are the directories Write fills.
type Paths struct {
	// Model holds config.json, model.safetensors and tokenizer.json:
	// `paichain infer --model <Model>`.
	Model string
	// Adapters holds one PEFT directory named AdapterName:
	// `--adapters <Adapters>` registers it under that name.
	Adapters string
}

// Write writes the demo model (with a byte-level tokenizer) to dir/model
// and its adapter to dir/adapters/AdapterName.
func Write(dir string) (Paths, error) {
	p := Paths{Model: filepath.Join(dir, "model"), Adapters: filepath.Join(dir, "adapters")}
	if err := model.WriteSynthetic(p.Model, ModelConfig, ModelSeed); err != nil {
		return Paths{}, fmt.Errorf("demo: write model: %w", err)
	}
	tok, err := ByteTokenizerJSON()
	if err != nil {
		return Paths{}, err
	}
	if err := os.WriteFile(filepath.Join(p.Model, "tokenizer.json"), tok, 0o644); err != nil {
		return Paths{}, fmt.Errorf("demo: write tokenizer: %w", err)
	}
	a, err := adapter()
	if err != nil {
		return Paths{}, err
	}
	if err := a.Save(filepath.Join(p.Adapters, AdapterName)); err != nil {
		return Paths{}, fmt.Errorf("demo: write adapter: %w", err)
	}
	return p, nil
}

// ByteTokenizerJSON is a Hugging Face tokenizer.json whose vocabulary is
// the 256 bytes (token id = byte value) with no merges: byte-level BPE in
// GPT-2's byte-to-character alphabet, matching the demo model's 256-entry
// vocabulary.
func ByteTokenizerJSON() ([]byte, error) {
	vocab := make(map[string]int, 256)
	for b, r := range byteAlphabet() {
		vocab[string(r)] = b
	}
	tj := map[string]any{
		"version":        "1.0",
		"added_tokens":   []any{},
		"normalizer":     nil,
		"pre_tokenizer":  map[string]any{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
		"post_processor": nil,
		"decoder":        map[string]any{"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
		"model":          map[string]any{"type": "BPE", "vocab": vocab, "merges": []any{}},
	}
	out, err := json.MarshalIndent(tj, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("demo: tokenizer: %w", err)
	}
	return out, nil
}

// byteAlphabet is GPT-2's byte-level alphabet: printable Latin-1 bytes
// stand for themselves, the other 68 bytes for U+0100 upwards in byte order.
func byteAlphabet() [256]rune {
	var out [256]rune
	next := rune(256)
	for b := range 256 {
		switch {
		case b >= '!' && b <= '~', b >= 0xa1 && b <= 0xac, b >= 0xae && b <= 0xff:
			out[b] = rune(b)
		default:
			out[b] = next
			next++
		}
	}
	return out
}
