// Package model loads LLaMA-family checkpoints (LLaMA 2/3, Mistral, Qwen2 in
// Hugging Face safetensors format, and llama2.c .bin files) into float32
// weights, and computes the canonical model hash.
package model

import (
	"encoding/json"
	"fmt"
	"math"
)

// Architecture families.
const (
	ArchLlama   = "llama"
	ArchMistral = "mistral"
	ArchQwen2   = "qwen2"
	ArchLlama2c = "llama2c"
)

// Linear module names (Hugging Face spelling), in forward order.
var Modules = []string{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

// RopeScaling is the normalized rope_scaling block of config.json.
type RopeScaling struct {
	Type                          string  `json:"type"` // "linear" | "llama3"
	Factor                        float64 `json:"factor"`
	LowFreqFactor                 float64 `json:"low_freq_factor,omitempty"`
	HighFreqFactor                float64 `json:"high_freq_factor,omitempty"`
	OriginalMaxPositionEmbeddings int     `json:"original_max_position_embeddings,omitempty"`
}

// Config is the normalized model configuration. Its JSON encoding (field order
// as declared here) is part of the model hash.
type Config struct {
	Arch          string       `json:"arch"`
	Dim           int          `json:"dim"`
	HiddenDim     int          `json:"hidden_dim"`
	NLayers       int          `json:"n_layers"`
	NHeads        int          `json:"n_heads"`
	NKVHeads      int          `json:"n_kv_heads"`
	HeadDim       int          `json:"head_dim"`
	VocabSize     int          `json:"vocab_size"`
	MaxSeqLen     int          `json:"max_seq_len"`
	RopeTheta     float64      `json:"rope_theta"`
	RopeScaling   *RopeScaling `json:"rope_scaling"`
	RMSEps        float64      `json:"rms_eps"`
	TieEmbeddings bool         `json:"tie_word_embeddings"`
	AttentionBias bool         `json:"attention_bias"`
	// SlidingWindow > 0 limits attention to the last SlidingWindow positions
	// (Mistral); 0 is full causal attention.
	SlidingWindow int `json:"sliding_window"`
	// RopeInterleaved rotates adjacent pairs (2i, 2i+1) as llama2.c does;
	// false is Hugging Face's rotate_half (pairs i, i+HeadDim/2).
	RopeInterleaved bool `json:"rope_interleaved"`
	// Token ids from config.json, informational (not hashed): -1 / nil if absent.
	BOS int   `json:"-"`
	EOS []int `json:"-"`
}

// Validate checks internal consistency.
func (c Config) Validate() error {
	switch c.Arch {
	case ArchLlama, ArchMistral, ArchQwen2, ArchLlama2c:
	default:
		return fmt.Errorf("model: unsupported architecture %q", c.Arch)
	}
	pos := []struct {
		name string
		v    int
	}{{"dim", c.Dim}, {"hidden_dim", c.HiddenDim}, {"n_layers", c.NLayers}, {"n_heads", c.NHeads},
		{"n_kv_heads", c.NKVHeads}, {"head_dim", c.HeadDim}, {"vocab_size", c.VocabSize}, {"max_seq_len", c.MaxSeqLen}}
	for _, p := range pos {
		if p.v <= 0 {
			return fmt.Errorf("model: config %s = %d, must be positive", p.name, p.v)
		}
		if p.v > 1<<24 {
			return fmt.Errorf("model: config %s = %d is implausibly large", p.name, p.v)
		}
	}
	if c.NHeads%c.NKVHeads != 0 {
		return fmt.Errorf("model: n_heads %d is not a multiple of n_kv_heads %d", c.NHeads, c.NKVHeads)
	}
	if c.HeadDim%2 != 0 {
		return fmt.Errorf("model: head_dim %d must be even for RoPE", c.HeadDim)
	}
	if !(c.RopeTheta > 0) || math.IsInf(c.RopeTheta, 0) {
		return fmt.Errorf("model: rope_theta %v must be positive", c.RopeTheta)
	}
	if !(c.RMSEps > 0) || c.RMSEps > 1 {
		return fmt.Errorf("model: rms_eps %v out of range", c.RMSEps)
	}
	if c.SlidingWindow < 0 {
		return fmt.Errorf("model: sliding_window %d is negative", c.SlidingWindow)
	}
	if s := c.RopeScaling; s != nil {
		if !(s.Factor > 0) {
			return fmt.Errorf("model: rope_scaling factor %v must be positive", s.Factor)
		}
		switch s.Type {
		case "linear":
		case "llama3":
			if !(s.LowFreqFactor > 0) || !(s.HighFreqFactor > s.LowFreqFactor) || s.OriginalMaxPositionEmbeddings <= 0 {
				return fmt.Errorf("model: llama3 rope_scaling needs 0 < low_freq_factor < high_freq_factor and original_max_position_embeddings > 0, got %+v", *s)
			}
		default:
			return fmt.Errorf("model: unsupported rope_scaling type %q", s.Type)
		}
	}
	return nil
}

// QDim is the query projection width (n_heads × head_dim).
func (c Config) QDim() int { return c.NHeads * c.HeadDim }

// KVDim is the key/value projection width (n_kv_heads × head_dim).
func (c Config) KVDim() int { return c.NKVHeads * c.HeadDim }

// LinearShape returns a linear module's input and output widths.
func (c Config) LinearShape(module string) (in, out int, err error) {
	switch module {
	case "q_proj":
		return c.Dim, c.QDim(), nil
	case "k_proj", "v_proj":
		return c.Dim, c.KVDim(), nil
	case "o_proj":
		return c.QDim(), c.Dim, nil
	case "gate_proj", "up_proj":
		return c.Dim, c.HiddenDim, nil
	case "down_proj":
		return c.HiddenDim, c.Dim, nil
	}
	return 0, 0, fmt.Errorf("model: unknown linear module %q (want one of %v)", module, Modules)
}

// InvFreq returns the RoPE inverse frequencies for the HeadDim/2 rotation
// pairs, with rope_scaling applied.
func (c Config) InvFreq() []float64 {
	half := c.HeadDim / 2
	f := make([]float64, half)
	for i := range f {
		f[i] = 1 / math.Pow(c.RopeTheta, float64(2*i)/float64(c.HeadDim))
	}
	s := c.RopeScaling
	if s == nil {
		return f
	}
	switch s.Type {
	case "linear":
		for i := range f {
			f[i] /= s.Factor
		}
	case "llama3":
		old := float64(s.OriginalMaxPositionEmbeddings)
		lowWav := old / s.LowFreqFactor
		highWav := old / s.HighFreqFactor
		for i, fr := range f {
			wav := 2 * math.Pi / fr
			switch {
			case wav < highWav:
			case wav > lowWav:
				f[i] = fr / s.Factor
			default:
				smooth := (old/wav - s.LowFreqFactor) / (s.HighFreqFactor - s.LowFreqFactor)
				f[i] = (1-smooth)*fr/s.Factor + smooth*fr
			}
		}
	}
	return f
}

// hfConfig is the subset of a Hugging Face config.json we read.
type hfConfig struct {
	ModelType             string          `json:"model_type"`
	Architectures         []string        `json:"architectures"`
	HiddenSize            int             `json:"hidden_size"`
	IntermediateSize      int             `json:"intermediate_size"`
	NumHiddenLayers       int             `json:"num_hidden_layers"`
	NumAttentionHeads     int             `json:"num_attention_heads"`
	NumKeyValueHeads      int             `json:"num_key_value_heads"`
	HeadDim               int             `json:"head_dim"`
	VocabSize             int             `json:"vocab_size"`
	MaxPositionEmbeddings int             `json:"max_position_embeddings"`
	RopeTheta             float64         `json:"rope_theta"`
	RopeScaling           json.RawMessage `json:"rope_scaling"`
	RMSNormEps            float64         `json:"rms_norm_eps"`
	TieWordEmbeddings     *bool           `json:"tie_word_embeddings"`
	AttentionBias         *bool           `json:"attention_bias"`
	SlidingWindow         *int            `json:"sliding_window"`
	UseSlidingWindow      *bool           `json:"use_sliding_window"`
	HiddenAct             string          `json:"hidden_act"`
	BOSTokenID            *int            `json:"bos_token_id"`
	EOSTokenID            json.RawMessage `json:"eos_token_id"`
}

// ParseHFConfig normalizes a Hugging Face config.json.
func ParseHFConfig(data []byte) (Config, error) {
	var h hfConfig
	if err := json.Unmarshal(data, &h); err != nil {
		return Config{}, fmt.Errorf("model: config.json: %w", err)
	}
	c := Config{
		Arch:      h.ModelType,
		Dim:       h.HiddenSize,
		HiddenDim: h.IntermediateSize,
		NLayers:   h.NumHiddenLayers,
		NHeads:    h.NumAttentionHeads,
		NKVHeads:  h.NumKeyValueHeads,
		HeadDim:   h.HeadDim,
		VocabSize: h.VocabSize,
		MaxSeqLen: h.MaxPositionEmbeddings,
		RopeTheta: h.RopeTheta,
		RMSEps:    h.RMSNormEps,
		BOS:       -1,
	}
	switch c.Arch {
	case ArchLlama, ArchMistral, ArchQwen2:
	case "":
		return Config{}, fmt.Errorf("model: config.json has no model_type")
	default:
		return Config{}, fmt.Errorf("model: config.json model_type %q is not supported (want llama, mistral or qwen2)", c.Arch)
	}
	if h.HiddenAct != "" && h.HiddenAct != "silu" {
		return Config{}, fmt.Errorf("model: hidden_act %q is not supported (want silu)", h.HiddenAct)
	}
	if c.NKVHeads == 0 {
		c.NKVHeads = c.NHeads
	}
	if c.HeadDim == 0 && c.NHeads > 0 {
		if c.Dim%c.NHeads != 0 {
			return Config{}, fmt.Errorf("model: hidden_size %d is not divisible by num_attention_heads %d", c.Dim, c.NHeads)
		}
		c.HeadDim = c.Dim / c.NHeads
	}
	if c.RopeTheta == 0 {
		c.RopeTheta = 10000
	}
	if c.RMSEps == 0 {
		c.RMSEps = 1e-6
	}
	// LlamaConfig, MistralConfig and Qwen2Config all default
	// tie_word_embeddings to false.
	c.TieEmbeddings = h.TieWordEmbeddings != nil && *h.TieWordEmbeddings
	switch {
	case c.Arch == ArchQwen2:
		c.AttentionBias = true // Qwen2 always has q/k/v biases
	case h.AttentionBias != nil:
		c.AttentionBias = *h.AttentionBias
	}
	if h.SlidingWindow != nil && *h.SlidingWindow > 0 {
		use := c.Arch == ArchMistral
		if h.UseSlidingWindow != nil {
			use = *h.UseSlidingWindow
		}
		if use {
			c.SlidingWindow = *h.SlidingWindow
		}
	}
	if len(h.RopeScaling) > 0 && string(h.RopeScaling) != "null" {
		var rs struct {
			Type     string  `json:"type"`
			RopeType string  `json:"rope_type"`
			Factor   float64 `json:"factor"`
			Low      float64 `json:"low_freq_factor"`
			High     float64 `json:"high_freq_factor"`
			Orig     int     `json:"original_max_position_embeddings"`
		}
		if err := json.Unmarshal(h.RopeScaling, &rs); err != nil {
			return Config{}, fmt.Errorf("model: rope_scaling: %w", err)
		}
		t := rs.RopeType
		if t == "" {
			t = rs.Type
		}
		if t != "default" {
			c.RopeScaling = &RopeScaling{Type: t, Factor: rs.Factor}
			if t == "llama3" {
				c.RopeScaling.LowFreqFactor, c.RopeScaling.HighFreqFactor, c.RopeScaling.OriginalMaxPositionEmbeddings = rs.Low, rs.High, rs.Orig
			}
		}
	}
	if h.BOSTokenID != nil {
		c.BOS = *h.BOSTokenID
	}
	if len(h.EOSTokenID) > 0 && string(h.EOSTokenID) != "null" {
		var one int
		if err := json.Unmarshal(h.EOSTokenID, &one); err == nil {
			c.EOS = []int{one}
		} else if err := json.Unmarshal(h.EOSTokenID, &c.EOS); err != nil {
			return Config{}, fmt.Errorf("model: eos_token_id: %w", err)
		}
	}
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// HFConfigJSON renders c as a Hugging Face config.json (for WriteSynthetic).
func (c Config) HFConfigJSON() ([]byte, error) {
	m := map[string]any{
		"model_type":              c.Arch,
		"hidden_size":             c.Dim,
		"intermediate_size":       c.HiddenDim,
		"num_hidden_layers":       c.NLayers,
		"num_attention_heads":     c.NHeads,
		"num_key_value_heads":     c.NKVHeads,
		"head_dim":                c.HeadDim,
		"vocab_size":              c.VocabSize,
		"max_position_embeddings": c.MaxSeqLen,
		"rope_theta":              c.RopeTheta,
		"rms_norm_eps":            c.RMSEps,
		"tie_word_embeddings":     c.TieEmbeddings,
		"attention_bias":          c.AttentionBias,
		"hidden_act":              "silu",
		"torch_dtype":             "float32",
	}
	switch c.Arch {
	case ArchLlama:
		m["architectures"] = []string{"LlamaForCausalLM"}
	case ArchMistral:
		m["architectures"] = []string{"MistralForCausalLM"}
	case ArchQwen2:
		m["architectures"] = []string{"Qwen2ForCausalLM"}
	default:
		return nil, fmt.Errorf("model: cannot write a Hugging Face config for arch %q", c.Arch)
	}
	if c.SlidingWindow > 0 {
		m["sliding_window"] = c.SlidingWindow
		m["use_sliding_window"] = true
	} else if c.Arch == ArchMistral {
		m["sliding_window"] = nil
	}
	if s := c.RopeScaling; s != nil {
		rs := map[string]any{"rope_type": s.Type, "factor": s.Factor}
		if s.Type == "llama3" {
			rs["low_freq_factor"] = s.LowFreqFactor
			rs["high_freq_factor"] = s.HighFreqFactor
			rs["original_max_position_embeddings"] = s.OriginalMaxPositionEmbeddings
		}
		m["rope_scaling"] = rs
	}
	if c.BOS >= 0 {
		m["bos_token_id"] = c.BOS
	}
	if len(c.EOS) == 1 {
		m["eos_token_id"] = c.EOS[0]
	} else if len(c.EOS) > 1 {
		m["eos_token_id"] = c.EOS
	}
	return json.MarshalIndent(m, "", "  ")
}
