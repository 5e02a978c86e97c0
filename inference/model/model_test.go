package model

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paichain/paichain/inference/safetensors"
	"github.com/paichain/paichain/internal/testutil"
)

// stories260KHash pins the canonical hash definition (see Hash): a change
// here means every recorded model hash changes.
const stories260KHash = "a4d261bb613cba9dd2fb4708c8aafe82513416e07273770cffbffbef230b3545"

func TestLoadStories260K(t *testing.T) {
	m, err := Load(testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"))
	if err != nil {
		t.Fatal(err)
	}
	c := m.Config
	if c.Dim != 64 || c.NLayers != 5 || c.NHeads != 8 || c.NKVHeads != 4 || c.VocabSize != 512 || c.HiddenDim != 172 ||
		c.MaxSeqLen != 512 || !c.TieEmbeddings || !c.RopeInterleaved || c.HeadDim != 8 {
		t.Fatalf("config %+v", c)
	}
	if m.Params() != 260_032 {
		t.Fatalf("params %d", m.Params())
	}
	if got := hex.EncodeToString(m.Hash[:]); got != stories260KHash {
		t.Fatalf("hash %s, pinned %s", got, stories260KHash)
	}
	if &m.LMHead[0] != &m.Embed[0] {
		t.Fatal("tied classifier does not alias the embeddings")
	}
	if m.LayerLinear(4, "down_proj").In != 172 || m.LayerLinear(5, "q_proj") != nil || m.LayerLinear(0, "x") != nil {
		t.Fatal("LayerLinear")
	}
}

func TestLlama2cRoundTrip(t *testing.T) {
	for _, tied := range []bool{true, false} {
		cfg := Stories15MConfig
		cfg.Dim, cfg.HiddenDim, cfg.NLayers, cfg.NHeads, cfg.NKVHeads, cfg.HeadDim, cfg.VocabSize, cfg.MaxSeqLen = 32, 48, 2, 4, 2, 8, 40, 16
		cfg.TieEmbeddings = tied
		m, err := NewSynthetic(cfg, 5)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "m.bin")
		if err := WriteLlama2c(path, m); err != nil {
			t.Fatal(err)
		}
		back, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if back.Hash != m.Hash || back.Config.TieEmbeddings != tied {
			t.Fatalf("tied=%v: round trip changed the model", tied)
		}
	}
}

func TestLlama2cCorrupt(t *testing.T) {
	raw, err := os.ReadFile(testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"))
	if err != nil {
		t.Fatal(err)
	}
	set := func(i int, v int32) []byte {
		b := append([]byte(nil), raw...)
		binary.LittleEndian.PutUint32(b[4*i:], uint32(v))
		return b
	}
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"short header", raw[:20], "shorter than"},
		{"truncated weights", raw[:len(raw)-4], "needs exactly"},
		{"extra bytes", append(append([]byte(nil), raw...), 0, 0, 0, 0), "needs exactly"},
		{"untied but no classifier", set(5, -512), "needs exactly"},
		{"zero dim", set(0, 0), "dim = 0"},
		{"heads do not divide", set(3, 7), "not divisible"},
		{"kv heads", set(4, 3), "multiple of n_kv_heads"},
		{"huge seq", set(6, 1<<30), "out of range"},
		{"versioned format", set(0, 0x616b3432), "versioned export"},
	}
	for _, c := range cases {
		_, err := ParseLlama2c(c.b)
		if err == nil || !errors.Is(err, ErrLlama2c) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want ErrLlama2c containing %q", c.name, err, c.want)
		}
	}
}

func FuzzLlama2cHeader(f *testing.F) {
	f.Add([]byte{64, 0, 0, 0, 172, 0, 0, 0, 5, 0, 0, 0, 8, 0, 0, 0, 4, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0})
	f.Add(make([]byte, 28))
	f.Fuzz(func(t *testing.T, b []byte) {
		cfg, size, err := ParseLlama2cHeader(b)
		if err != nil {
			return
		}
		if cfg.Validate() != nil || size < Llama2cHeaderSize || cfg.Dim%cfg.NHeads != 0 {
			t.Fatalf("accepted bad header: %+v size %d", cfg, size)
		}
		// A whole image of the wrong size is rejected, never read out of bounds.
		if size < 1<<16 {
			img := make([]byte, size)
			copy(img, b[:Llama2cHeaderSize])
			if _, err := ParseLlama2c(img); err != nil {
				t.Fatalf("exact-size image rejected: %v", err)
			}
			if _, err := ParseLlama2c(img[:size-1]); err == nil {
				t.Fatal("short image accepted")
			}
		}
	})
}

func TestHFLoadDTypes(t *testing.T) {
	var hashes [][32]byte
	var ref *Model
	for _, d := range []safetensors.DType{safetensors.F32, safetensors.BF16, safetensors.F16} {
		dir := t.TempDir()
		if err := WriteSyntheticDType(dir, TinyQwen2Config, 3, d); err != nil {
			t.Fatal(err)
		}
		m, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if m.SourceDType != string(d) || m.Layers[1].K.B == nil || !m.Config.TieEmbeddings {
			t.Fatalf("%s: %+v", d, m.Config)
		}
		if d == safetensors.F32 {
			ref = m
			mem, err := NewSynthetic(TinyQwen2Config, 3)
			if err != nil {
				t.Fatal(err)
			}
			if mem.Hash != m.Hash {
				t.Fatal("NewSynthetic and WriteSynthetic differ")
			}
		} else {
			// Reduced precision stays close to the float32 weights.
			w, w32 := m.Layers[0].Q.W, ref.Layers[0].Q.W
			for i := range w {
				if math.Abs(float64(w[i]-w32[i])) > 0.01*math.Abs(float64(w32[i]))+1e-4 {
					t.Fatalf("%s weight %d: %v vs %v", d, i, w[i], w32[i])
				}
			}
		}
		hashes = append(hashes, m.Hash)
	}
	if hashes[0] == hashes[1] || hashes[1] == hashes[2] {
		t.Fatal("dtype does not change the hash")
	}
}

func TestHashDependsOnConfig(t *testing.T) {
	a, _ := NewSynthetic(TinyConfig, 1)
	c := TinyConfig
	c.RopeTheta = 20000
	b, _ := NewSynthetic(c, 1)
	d, _ := NewSynthetic(TinyConfig, 2)
	if a.Hash == b.Hash || a.Hash == d.Hash {
		t.Fatal("hash ignores config or weights")
	}
}

func TestHFSharded(t *testing.T) {
	dir := t.TempDir()
	if err := WriteSynthetic(dir, TinyConfig, 9); err != nil {
		t.Fatal(err)
	}
	whole, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, err := safetensors.Open(filepath.Join(dir, "model.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	shards := [2]map[string]safetensors.Tensor{{}, {}}
	index := map[string]string{}
	for i, n := range f.Names() {
		tt, _ := f.Tensor(n)
		tt.Data = append([]byte(nil), tt.Data...)
		shards[i%2][n] = tt
		index[n] = []string{"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"}[i%2]
	}
	f.Close()
	sdir := t.TempDir()
	copyFile(t, filepath.Join(dir, "config.json"), filepath.Join(sdir, "config.json"))
	for i, s := range shards {
		name := []string{"model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"}[i]
		if err := safetensors.Write(filepath.Join(sdir, name), s, nil); err != nil {
			t.Fatal(err)
		}
	}
	writeIndex := func(m map[string]string) {
		js, _ := json.Marshal(map[string]any{"metadata": map[string]any{}, "weight_map": m})
		if err := os.WriteFile(filepath.Join(sdir, "model.safetensors.index.json"), js, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeIndex(index)
	sharded, err := Load(sdir)
	if err != nil {
		t.Fatal(err)
	}
	if sharded.Hash != whole.Hash {
		t.Fatal("sharded and single-file hashes differ")
	}
	// An index that lies about a tensor's shard is rejected.
	for n := range index {
		bad := map[string]string{}
		for k, v := range index {
			bad[k] = v
		}
		if bad[n] == "model-00001-of-00002.safetensors" {
			bad[n] = "model-00002-of-00002.safetensors"
		} else {
			bad[n] = "model-00001-of-00002.safetensors"
		}
		writeIndex(bad)
		if _, err := Load(sdir); err == nil || !strings.Contains(err.Error(), "index maps") {
			t.Fatalf("lying index: %v", err)
		}
		break
	}
	writeIndex(map[string]string{"x": "../etc/passwd"})
	if _, err := Load(sdir); err == nil || !strings.Contains(err.Error(), "plain file name") {
		t.Fatalf("path traversal in index: %v", err)
	}
}

func copyFile(t *testing.T, from, to string) {
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHFBadInput: each corruption of a valid model gives a clear error.
func TestHFBadInput(t *testing.T) {
	base := t.TempDir()
	if err := WriteSynthetic(base, TinyConfig, 4); err != nil {
		t.Fatal(err)
	}
	f, err := safetensors.Open(filepath.Join(base, "model.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	orig := map[string]safetensors.Tensor{}
	for _, n := range f.Names() {
		tt, _ := f.Tensor(n)
		tt.Data = append([]byte(nil), tt.Data...)
		orig[n] = tt
	}
	f.Close()
	cfgJSON, _ := os.ReadFile(filepath.Join(base, "config.json"))
	mutate := func(fn func(map[string]safetensors.Tensor)) map[string]safetensors.Tensor {
		m := map[string]safetensors.Tensor{}
		for k, v := range orig {
			m[k] = v
		}
		fn(m)
		return m
	}
	q := "model.layers.0.self_attn.q_proj.weight"
	cases := []struct {
		name    string
		tensors map[string]safetensors.Tensor
		config  string
		raw     []byte // replaces model.safetensors bytes
		want    string
	}{
		{name: "missing tensor", tensors: mutate(func(m map[string]safetensors.Tensor) { delete(m, q) }), want: "missing tensor"},
		{name: "unknown tensor", tensors: mutate(func(m map[string]safetensors.Tensor) {
			m["model.layers.9.mlp.up_proj.weight"] = orig[q]
		}), want: "unknown tensor"},
		{name: "shape mismatch", tensors: mutate(func(m map[string]safetensors.Tensor) {
			tt := orig[q]
			tt.Shape = []int{tt.Shape[1], tt.Shape[0]}
			tt.Shape[0], tt.Shape[1] = 32, 128
			m[q] = tt
		}), want: "has shape"},
		{name: "wrong dtype", tensors: mutate(func(m map[string]safetensors.Tensor) {
			tt := orig[q]
			tt.DType = safetensors.I32
			m[q] = tt
		}), want: "dtype I32"},
		{name: "tied with lm_head", config: strings.Replace(string(cfgJSON), `"tie_word_embeddings": false`, `"tie_word_embeddings": true`, 1), want: "tie_word_embeddings is true"},
		{name: "unknown model type", config: strings.Replace(string(cfgJSON), `"model_type": "llama"`, `"model_type": "gpt2"`, 1), want: "not supported"},
		{name: "bad heads", config: strings.Replace(string(cfgJSON), `"num_key_value_heads": 2`, `"num_key_value_heads": 3`, 1), want: "multiple of"},
		{name: "bad rope scaling", config: strings.Replace(string(cfgJSON), `"rope_theta"`, `"rope_scaling": {"rope_type": "yarn", "factor": 4}, "rope_theta"`, 1), want: "rope_scaling type"},
		{name: "config not json", config: "{", want: "config.json"},
		{name: "corrupt safetensors", raw: []byte("garbage!garbage"), want: "safetensors"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			cj := string(cfgJSON)
			if c.config != "" {
				cj = c.config
			}
			if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(cj), 0o644); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "model.safetensors")
			switch {
			case c.raw != nil:
				err = os.WriteFile(p, c.raw, 0o644)
			case c.tensors != nil:
				err = safetensors.Write(p, c.tensors, nil)
			default:
				err = safetensors.Write(p, orig, nil)
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestParseHFConfig(t *testing.T) {
	// Llama-3.2-1B's config.json (abridged to the fields we read).
	js := `{"architectures":["LlamaForCausalLM"],"bos_token_id":128000,"eos_token_id":[128001,128008,128009],
	"head_dim":64,"hidden_act":"silu","hidden_size":2048,"intermediate_size":8192,"max_position_embeddings":131072,
	"model_type":"llama","num_attention_heads":32,"num_hidden_layers":16,"num_key_value_heads":8,"rms_norm_eps":1e-05,
	"rope_scaling":{"factor":32.0,"high_freq_factor":4.0,"low_freq_factor":1.0,"original_max_position_embeddings":8192,"rope_type":"llama3"},
	"rope_theta":500000.0,"tie_word_embeddings":true,"torch_dtype":"bfloat16","vocab_size":128256}`
	c, err := ParseHFConfig([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	want := OneBConfig
	cj, _ := json.Marshal(c)
	wj, _ := json.Marshal(want)
	if string(cj) != string(wj) || c.BOS != 128000 || len(c.EOS) != 3 {
		t.Fatalf("parsed %s\nwant   %s", cj, wj)
	}
	// llama3 scaling: high frequencies unchanged, low ones divided by factor.
	inv := c.InvFreq()
	if inv[0] != 1 || math.Abs(inv[31]-1/math.Pow(500000, 62.0/64)/32) > 1e-15 {
		t.Fatalf("inv freq %v ... %v", inv[0], inv[31])
	}
	// Qwen2 always has q/k/v biases; Mistral applies its sliding window.
	q, err := ParseHFConfig([]byte(`{"model_type":"qwen2","hidden_size":64,"intermediate_size":128,"num_hidden_layers":1,
	"num_attention_heads":4,"num_key_value_heads":2,"vocab_size":10,"max_position_embeddings":32,"sliding_window":16,"use_sliding_window":false}`))
	if err != nil || !q.AttentionBias || q.SlidingWindow != 0 || q.HeadDim != 16 || q.RMSEps != 1e-6 {
		t.Fatalf("qwen2: %+v %v", q, err)
	}
	mi, err := ParseHFConfig([]byte(`{"model_type":"mistral","hidden_size":64,"intermediate_size":128,"num_hidden_layers":1,
	"num_attention_heads":4,"num_key_value_heads":2,"vocab_size":10,"max_position_embeddings":32,"sliding_window":16}`))
	if err != nil || mi.AttentionBias || mi.SlidingWindow != 16 {
		t.Fatalf("mistral: %+v %v", mi, err)
	}
	// Round trip through HFConfigJSON.
	for _, cfg := range []Config{TinyConfig, TinyQwen2Config, OneBConfig} {
		js, err := cfg.HFConfigJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseHFConfig(js)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(cfg)
		b, _ := json.Marshal(back)
		if string(a) != string(b) {
			t.Fatalf("round trip %s -> %s", a, b)
		}
	}
}

// FuzzParseHFConfig: arbitrary config.json bytes never panic, and an
// accepted config is internally consistent and round-trips.
func FuzzParseHFConfig(f *testing.F) {
	for _, c := range []Config{TinyConfig, TinyQwen2Config, OneBConfig} {
		js, _ := c.HFConfigJSON()
		f.Add(js)
	}
	f.Add([]byte(`{"model_type":"mistral","hidden_size":8,"num_hidden_layers":1,"num_attention_heads":2,"intermediate_size":4,"vocab_size":3,"max_position_embeddings":4}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseHFConfig(b)
		if err != nil {
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("accepted invalid config: %v", err)
		}
		js, err := c.HFConfigJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseHFConfig(js)
		if err != nil {
			t.Fatalf("round trip: %v", err)
		}
		a, _ := json.Marshal(c)
		bb, _ := json.Marshal(back)
		if string(a) != string(bb) {
			t.Fatalf("round trip changed config: %s vs %s", a, bb)
		}
	})
}
