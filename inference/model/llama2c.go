package model

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"

	"github.com/paichain/paichain/inference/safetensors"
)

// Llama2cHeaderSize is the legacy llama2.c header: seven little-endian int32.
const Llama2cHeaderSize = 7 * 4

// llama2cMagic starts llama2.c's newer "version 1/2" export format ("ak42").
const llama2cMagic = 0x616b3432

// ErrLlama2c wraps every llama2.c header/format failure.
var ErrLlama2c = errors.New("model: invalid llama2.c checkpoint")

// Llama2cHeader is the legacy header: dim, hidden_dim, n_layers, n_heads,
// n_kv_heads, vocab_size (negative = untied classifier), seq_len.
type Llama2cHeader struct {
	Dim, HiddenDim, NLayers, NHeads, NKVHeads, VocabSize, SeqLen int32
}

// ParseLlama2cHeader decodes and validates the header and returns the
// normalized config and the exact file size the header implies.
func ParseLlama2cHeader(b []byte) (Config, int64, error) {
	if len(b) < Llama2cHeaderSize {
		return Config{}, 0, fmt.Errorf("%w: %d bytes is shorter than the 28-byte header", ErrLlama2c, len(b))
	}
	var v [7]int32
	for i := range v {
		v[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	if uint32(v[0]) == llama2cMagic {
		return Config{}, 0, fmt.Errorf("%w: this is llama2.c's versioned export format (magic ak42); only the legacy format is supported", ErrLlama2c)
	}
	h := Llama2cHeader{v[0], v[1], v[2], v[3], v[4], v[5], v[6]}
	shared := h.VocabSize > 0
	vocab := int64(h.VocabSize)
	if vocab < 0 {
		vocab = -vocab
	}
	for _, f := range []struct {
		name string
		v    int64
	}{{"dim", int64(h.Dim)}, {"hidden_dim", int64(h.HiddenDim)}, {"n_layers", int64(h.NLayers)}, {"n_heads", int64(h.NHeads)},
		{"n_kv_heads", int64(h.NKVHeads)}, {"vocab_size", vocab}, {"seq_len", int64(h.SeqLen)}} {
		if f.v <= 0 || f.v > 1<<24 {
			return Config{}, 0, fmt.Errorf("%w: header %s = %d out of range", ErrLlama2c, f.name, f.v)
		}
	}
	if h.Dim%h.NHeads != 0 {
		return Config{}, 0, fmt.Errorf("%w: dim %d is not divisible by n_heads %d", ErrLlama2c, h.Dim, h.NHeads)
	}
	if h.NKVHeads > h.NHeads || h.NHeads%h.NKVHeads != 0 {
		return Config{}, 0, fmt.Errorf("%w: n_heads %d is not a multiple of n_kv_heads %d", ErrLlama2c, h.NHeads, h.NKVHeads)
	}
	c := Config{
		Arch:            ArchLlama2c,
		Dim:             int(h.Dim),
		HiddenDim:       int(h.HiddenDim),
		NLayers:         int(h.NLayers),
		NHeads:          int(h.NHeads),
		NKVHeads:        int(h.NKVHeads),
		HeadDim:         int(h.Dim / h.NHeads),
		VocabSize:       int(vocab),
		MaxSeqLen:       int(h.SeqLen),
		RopeTheta:       10000,
		RMSEps:          1e-5,
		TieEmbeddings:   shared,
		RopeInterleaved: true,
		BOS:             1,
	}
	if err := c.Validate(); err != nil {
		return Config{}, 0, fmt.Errorf("%w: %v", ErrLlama2c, err)
	}
	// Bound the size in float64 first so the exact int64 sum cannot overflow.
	if est := c.llama2cFloatsEstimate(); est > 1<<48 {
		return Config{}, 0, fmt.Errorf("%w: header implies %.3g weights, implausibly large", ErrLlama2c, est)
	}
	floats := c.llama2cFloats()
	return c, Llama2cHeaderSize + 4*floats, nil
}

func (c Config) llama2cFloatsEstimate() float64 {
	d, hd, L, v := float64(c.Dim), float64(c.HiddenDim), float64(c.NLayers), float64(c.VocabSize)
	q, kv := float64(c.NHeads)*float64(c.HeadDim), float64(c.NKVHeads)*float64(c.HeadDim)
	return 2*v*d + L*d*(2*q+2*kv+3*hd+2) + d + float64(c.MaxSeqLen)*float64(c.HeadDim)
}

// llama2cFloats counts the float32s after the header, including the unused
// freq_cis tables and the classifier when untied.
func (c Config) llama2cFloats() int64 {
	d, hd, L, v := int64(c.Dim), int64(c.HiddenDim), int64(c.NLayers), int64(c.VocabSize)
	q, kv := int64(c.QDim()), int64(c.KVDim())
	n := v*d + L*d + L*d*q + 2*L*d*kv + L*q*d + L*d + 3*L*d*hd + d
	n += int64(c.MaxSeqLen) * int64(c.HeadDim) // freq_cis_real + freq_cis_imag, seq_len*head_size/2 each
	if !c.TieEmbeddings {
		n += v * d
	}
	return n
}

// LoadLlama2c reads a legacy llama2.c checkpoint. The file must be exactly
// the size the header implies. Weights are mapped to Hugging Face tensor
// names (wq → self_attn.q_proj.weight, w1 → mlp.gate_proj, w2 → down_proj,
// w3 → up_proj, wcls → lm_head) with llama2.c's interleaved RoPE kept as
// RopeInterleaved; the freq_cis tables are skipped (recomputed).
func LoadLlama2c(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	m, err := ParseLlama2c(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m.Source = path
	return m, nil
}

// ParseLlama2c decodes a whole llama2.c checkpoint image.
func ParseLlama2c(b []byte) (*Model, error) {
	cfg, size, err := ParseLlama2cHeader(b)
	if err != nil {
		return nil, err
	}
	if int64(len(b)) != size {
		return nil, fmt.Errorf("%w: file is %d bytes, header %dx%d (%d layers, vocab %d, seq %d) needs exactly %d", ErrLlama2c, len(b), cfg.Dim, cfg.HiddenDim, cfg.NLayers, cfg.VocabSize, cfg.MaxSeqLen, size)
	}
	off := Llama2cHeaderSize
	var tensors []safetensors.Tensor
	// take returns the next n floats as a raw byte slice.
	take := func(n int) []byte {
		s := b[off : off+4*n]
		off += 4 * n
		return s
	}
	d, hd, L, v := cfg.Dim, cfg.HiddenDim, cfg.NLayers, cfg.VocabSize
	q, kv := cfg.QDim(), cfg.KVDim()
	add := func(name string, shape []int, data []byte) {
		tensors = append(tensors, safetensors.Tensor{Name: name, DType: safetensors.F32, Shape: shape, Data: data})
	}
	// perLayer splits a stacked [L][rows][cols] block into per-layer tensors.
	perLayer := func(suffix string, shape []int) {
		n := 1
		for _, s := range shape {
			n *= s
		}
		blk := take(L * n)
		for l := 0; l < L; l++ {
			add(hfName(l, suffix), shape, blk[4*l*n:4*(l+1)*n])
		}
	}
	add("model.embed_tokens.weight", []int{v, d}, take(v*d))
	perLayer("input_layernorm.weight", []int{d})
	perLayer("self_attn.q_proj.weight", []int{q, d})
	perLayer("self_attn.k_proj.weight", []int{kv, d})
	perLayer("self_attn.v_proj.weight", []int{kv, d})
	perLayer("self_attn.o_proj.weight", []int{d, q})
	perLayer("post_attention_layernorm.weight", []int{d})
	perLayer("mlp.gate_proj.weight", []int{hd, d})
	perLayer("mlp.down_proj.weight", []int{d, hd})
	perLayer("mlp.up_proj.weight", []int{hd, d})
	add("model.norm.weight", []int{d}, take(d))
	take(cfg.MaxSeqLen * cfg.HeadDim) // freq_cis_real and freq_cis_imag
	if !cfg.TieEmbeddings {
		add("lm_head.weight", []int{v, d}, take(v*d))
	}
	byName := make(map[string]safetensors.Tensor, len(tensors))
	for _, t := range tensors {
		byName[t.Name] = t
	}
	m, err := build(cfg, byName)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLlama2c, err)
	}
	return m, nil
}

// WriteLlama2c writes m in the legacy llama2.c format (used to build the
// synthetic llama2.c-shaped benchmark model that run.c can also read).
func WriteLlama2c(path string, m *Model) error {
	c := m.Config
	if c.Arch != ArchLlama2c || c.AttentionBias {
		return fmt.Errorf("model: WriteLlama2c needs an llama2c-arch model without biases, got %s", c.Arch)
	}
	vocab := int32(c.VocabSize)
	if !c.TieEmbeddings {
		vocab = -vocab
	}
	hdr := []int32{int32(c.Dim), int32(c.HiddenDim), int32(c.NLayers), int32(c.NHeads), int32(c.NKVHeads), vocab, int32(c.MaxSeqLen)}
	buf := make([]byte, 0, Llama2cHeaderSize+4*c.llama2cFloats())
	for _, x := range hdr {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(x))
	}
	put := func(v []float32) {
		for _, f := range v {
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(f))
		}
	}
	put(m.Embed)
	each := func(f func(l *Layer) []float32) {
		for i := range m.Layers {
			put(f(&m.Layers[i]))
		}
	}
	each(func(l *Layer) []float32 { return l.AttnNorm })
	each(func(l *Layer) []float32 { return l.Q.W })
	each(func(l *Layer) []float32 { return l.K.W })
	each(func(l *Layer) []float32 { return l.V.W })
	each(func(l *Layer) []float32 { return l.O.W })
	each(func(l *Layer) []float32 { return l.FFNNorm })
	each(func(l *Layer) []float32 { return l.Gate.W })
	each(func(l *Layer) []float32 { return l.Down.W })
	each(func(l *Layer) []float32 { return l.Up.W })
	put(m.Norm)
	// freq_cis tables as llama2.c's export writes them (run.c ignores them).
	half := c.HeadDim / 2
	inv := c.InvFreq()
	for _, fn := range []func(float64) float64{math.Cos, math.Sin} {
		for p := 0; p < c.MaxSeqLen; p++ {
			for i := 0; i < half; i++ {
				buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(float32(fn(float64(p)*inv[i]))))
			}
		}
	}
	if !c.TieEmbeddings {
		put(m.LMHead)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	return nil
}
