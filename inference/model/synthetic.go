package model

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/paichain/paichain/inference/safetensors"
)

// TinyConfig is a small LLaMA-shaped config for fast tests (GQA, untied).
var TinyConfig = Config{
	Arch: ArchLlama, Dim: 64, HiddenDim: 160, NLayers: 2, NHeads: 4, NKVHeads: 2, HeadDim: 16,
	VocabSize: 256, MaxSeqLen: 256, RopeTheta: 10000, RMSEps: 1e-5, BOS: 1, EOS: []int{2},
}

// TinyQwen2Config is a small Qwen2-shaped config (q/k/v bias, tied embeddings).
var TinyQwen2Config = Config{
	Arch: ArchQwen2, Dim: 64, HiddenDim: 128, NLayers: 2, NHeads: 4, NKVHeads: 1, HeadDim: 16,
	VocabSize: 300, MaxSeqLen: 256, RopeTheta: 1000000, RMSEps: 1e-6, TieEmbeddings: true, AttentionBias: true,
	BOS: -1, EOS: []int{2},
}

// Stories15MConfig is the shape of llama2.c's stories15M (random weights when
// synthesized), the CPU decode benchmark model.
var Stories15MConfig = Config{
	Arch: ArchLlama2c, Dim: 288, HiddenDim: 768, NLayers: 6, NHeads: 6, NKVHeads: 6, HeadDim: 48,
	VocabSize: 32000, MaxSeqLen: 256, RopeTheta: 10000, RMSEps: 1e-5, TieEmbeddings: true, RopeInterleaved: true, BOS: 1,
}

// OneBConfig is Llama-3.2-1B's shape (for benchmarks only; ~1.2 G params,
// 5 GB as float32 — never used in CI).
var OneBConfig = Config{
	Arch: ArchLlama, Dim: 2048, HiddenDim: 8192, NLayers: 16, NHeads: 32, NKVHeads: 8, HeadDim: 64,
	VocabSize: 128256, MaxSeqLen: 131072, RopeTheta: 500000, RMSEps: 1e-5, TieEmbeddings: true,
	RopeScaling: &RopeScaling{Type: "llama3", Factor: 32, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMaxPositionEmbeddings: 8192},
	BOS:         128000, EOS: []int{128001, 128008, 128009},
}

// rng is SplitMix64, enough for seeded synthetic weights.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// uniform returns a float in [-1, 1).
func (r *rng) uniform() float32 { return float32(r.next()>>40)/float32(1<<23) - 1 }

// syntheticValues draws one tensor's values, seeded by (seed, name) so a
// tensor does not depend on which others exist. Linear weights are uniform
// with variance 1/in (keeps activations O(1)); norms are 1 ± 0.1; biases and
// embeddings are small.
func syntheticValues(seed uint64, name string, shape []int) []float32 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h = (h ^ uint64(name[i])) * 1099511628211
	}
	r := rng{s: seed ^ h}
	n := 1
	for _, s := range shape {
		n *= s
	}
	v := make([]float32, n)
	switch {
	case strings.HasSuffix(name, "norm.weight"):
		for i := range v {
			v[i] = 1 + 0.1*r.uniform()
		}
	case strings.HasSuffix(name, ".bias"):
		for i := range v {
			v[i] = 0.1 * r.uniform()
		}
	default:
		scale := float32(math.Sqrt(3 / float64(shape[len(shape)-1])))
		if name == "model.embed_tokens.weight" || name == "lm_head.weight" {
			scale = 1
		}
		for i := range v {
			v[i] = scale * r.uniform()
		}
	}
	return v
}

func syntheticTensors(cfg Config, seed uint64, dtype safetensors.DType) (map[string]safetensors.Tensor, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	shapes := cfg.ExpectedShapes()
	names := make([]string, 0, len(shapes))
	for n := range shapes {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make(map[string]safetensors.Tensor, len(names))
	for _, n := range names {
		t, err := safetensors.FromFloat32(n, dtype, shapes[n], syntheticValues(seed, n, shapes[n]))
		if err != nil {
			return nil, err
		}
		out[n] = t
	}
	return out, nil
}

// NewSynthetic builds a seeded random model of shape cfg in memory, with the
// same weights WriteSynthetic writes as F32.
func NewSynthetic(cfg Config, seed uint64) (*Model, error) {
	ts, err := syntheticTensors(cfg, seed, safetensors.F32)
	if err != nil {
		return nil, err
	}
	m, err := build(cfg, ts)
	if err != nil {
		return nil, err
	}
	m.Source = fmt.Sprintf("synthetic:%d", seed)
	return m, nil
}

// WriteSynthetic writes a seeded random Hugging Face-format model (config.json
// and model.safetensors, F32) to dir.
func WriteSynthetic(dir string, cfg Config, seed uint64) error {
	return WriteSyntheticDType(dir, cfg, seed, safetensors.F32)
}

// WriteSyntheticDType is WriteSynthetic with the weights stored as dtype
// (F32, F16 or BF16).
func WriteSyntheticDType(dir string, cfg Config, seed uint64, dtype safetensors.DType) error {
	if cfg.Arch == ArchLlama2c {
		return fmt.Errorf("model: WriteSynthetic writes Hugging Face format; use NewSynthetic and WriteLlama2c for llama2c")
	}
	js, err := cfg.HFConfigJSON()
	if err != nil {
		return err
	}
	ts, err := syntheticTensors(cfg, seed, dtype)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.json"), js, 0o644); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	return safetensors.Write(filepath.Join(dir, "model.safetensors"), ts, map[string]string{"format": "pt"})
}
