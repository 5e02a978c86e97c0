package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/paichain/paichain/inference/safetensors"
)

// Linear is a dense layer y = W x (+ B). W is row-major [Out][In] (Hugging
// Face layout); B is nil or has Out entries.
type Linear struct {
	W       []float32
	B       []float32
	In, Out int
}

// Layer holds one transformer block's weights.
type Layer struct {
	AttnNorm []float32 // input_layernorm, [Dim]
	FFNNorm  []float32 // post_attention_layernorm, [Dim]
	Q, K, V  Linear
	O        Linear
	Gate, Up Linear
	Down     Linear
}

// Model is a loaded checkpoint with float32 weights.
type Model struct {
	Config Config
	// Hash is the canonical model hash (see Hash in hash.go).
	Hash [32]byte
	// Embed is the token embedding table [VocabSize][Dim].
	Embed  []float32
	Layers []Layer
	Norm   []float32 // final RMSNorm, [Dim]
	// LMHead is the classifier [VocabSize][Dim]; it aliases Embed when the
	// embeddings are tied.
	LMHead []float32
	// Source is the path the model was loaded from; SourceDType the stored
	// dtype of its linear weights ("F32", "BF16", "F16").
	Source      string
	SourceDType string
}

// LayerLinear returns the named linear module ("q_proj", ..., "down_proj") of
// a layer, or nil for an unknown name or layer.
func (m *Model) LayerLinear(layer int, module string) *Linear {
	if layer < 0 || layer >= len(m.Layers) {
		return nil
	}
	l := &m.Layers[layer]
	switch module {
	case "q_proj":
		return &l.Q
	case "k_proj":
		return &l.K
	case "v_proj":
		return &l.V
	case "o_proj":
		return &l.O
	case "gate_proj":
		return &l.Gate
	case "up_proj":
		return &l.Up
	case "down_proj":
		return &l.Down
	}
	return nil
}

// Params is the number of weights (counting tied embeddings once).
func (m *Model) Params() int64 {
	n := int64(len(m.Embed) + len(m.Norm))
	if !m.Config.TieEmbeddings {
		n += int64(len(m.LMHead))
	}
	for i := range m.Layers {
		l := &m.Layers[i]
		n += int64(len(l.AttnNorm) + len(l.FFNNorm))
		for _, lin := range []*Linear{&l.Q, &l.K, &l.V, &l.O, &l.Gate, &l.Up, &l.Down} {
			n += int64(len(lin.W) + len(lin.B))
		}
	}
	return n
}

// Load reads a model from path: a directory holding config.json and
// model.safetensors (or sharded model-*.safetensors with
// model.safetensors.index.json), or a llama2.c .bin checkpoint file.
func Load(path string) (*Model, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	if st.IsDir() {
		return loadHF(path)
	}
	return LoadLlama2c(path)
}

// hfName builds the Hugging Face tensor name for a layer's parameter.
func hfName(layer int, suffix string) string {
	return fmt.Sprintf("model.layers.%d.%s", layer, suffix)
}

// moduleParent is the submodule path of each linear module.
func moduleParent(module string) string {
	switch module {
	case "q_proj", "k_proj", "v_proj", "o_proj":
		return "self_attn." + module
	}
	return "mlp." + module
}

// ExpectedShapes lists every tensor an HF-format checkpoint of c must hold.
func (c Config) ExpectedShapes() map[string][]int {
	s := map[string][]int{
		"model.embed_tokens.weight": {c.VocabSize, c.Dim},
		"model.norm.weight":         {c.Dim},
	}
	if !c.TieEmbeddings {
		s["lm_head.weight"] = []int{c.VocabSize, c.Dim}
	}
	for l := 0; l < c.NLayers; l++ {
		s[hfName(l, "input_layernorm.weight")] = []int{c.Dim}
		s[hfName(l, "post_attention_layernorm.weight")] = []int{c.Dim}
		for _, mod := range Modules {
			in, out, _ := c.LinearShape(mod)
			s[hfName(l, moduleParent(mod)+".weight")] = []int{out, in}
			if c.AttentionBias && (mod == "q_proj" || mod == "k_proj" || mod == "v_proj") {
				s[hfName(l, moduleParent(mod)+".bias")] = []int{out}
			}
		}
	}
	return s
}

// ignorable tensors appear in some checkpoints but carry nothing we use
// (rotary inverse frequencies are recomputed from the config).
func ignorable(name string) bool {
	return strings.HasSuffix(name, ".rotary_emb.inv_freq")
}

func loadHF(dir string) (*Model, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	cfg, err := ParseHFConfig(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	files, tensors, err := openShards(dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	m, err := build(cfg, tensors)
	if err != nil {
		return nil, fmt.Errorf("model: %s: %w", dir, err)
	}
	m.Source = dir
	return m, nil
}

// openShards opens model.safetensors or the shards named by
// model.safetensors.index.json, checking the index against the shards.
func openShards(dir string) ([]*safetensors.File, map[string]safetensors.Tensor, error) {
	tensors := map[string]safetensors.Tensor{}
	var files []*safetensors.File
	fail := func(err error) ([]*safetensors.File, map[string]safetensors.Tensor, error) {
		for _, f := range files {
			f.Close()
		}
		return nil, nil, err
	}
	idxPath := filepath.Join(dir, "model.safetensors.index.json")
	idxRaw, err := os.ReadFile(idxPath)
	if os.IsNotExist(err) {
		f, err := safetensors.Open(filepath.Join(dir, "model.safetensors"))
		if err != nil {
			return nil, nil, fmt.Errorf("model: %w", err)
		}
		files = append(files, f)
		for _, n := range f.Names() {
			tensors[n], _ = f.Tensor(n)
		}
		return files, tensors, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("model: %w", err)
	}
	var idx struct {
		WeightMap map[string]string `json:"weight_map"`
	}
	if err := json.Unmarshal(idxRaw, &idx); err != nil {
		return nil, nil, fmt.Errorf("model: %s: %w", idxPath, err)
	}
	if len(idx.WeightMap) == 0 {
		return nil, nil, fmt.Errorf("model: %s: empty weight_map", idxPath)
	}
	shardOf := map[string]bool{}
	for _, shard := range idx.WeightMap {
		if shard == "" || filepath.Base(shard) != shard {
			return nil, nil, fmt.Errorf("model: %s: shard name %q must be a plain file name", idxPath, shard)
		}
		shardOf[shard] = true
	}
	shards := make([]string, 0, len(shardOf))
	for s := range shardOf {
		shards = append(shards, s)
	}
	sort.Strings(shards)
	for _, shard := range shards {
		f, err := safetensors.Open(filepath.Join(dir, shard))
		if err != nil {
			return fail(fmt.Errorf("model: %w", err))
		}
		files = append(files, f)
		for _, n := range f.Names() {
			if idx.WeightMap[n] != shard {
				return fail(fmt.Errorf("model: tensor %q is in shard %s but the index maps it to %q", n, shard, idx.WeightMap[n]))
			}
			tensors[n], _ = f.Tensor(n)
		}
	}
	for n, shard := range idx.WeightMap {
		if _, ok := tensors[n]; !ok {
			return fail(fmt.Errorf("model: index maps tensor %q to %s, which does not hold it", n, shard))
		}
	}
	return files, tensors, nil
}

// build validates the tensor set against cfg, converts to float32 and hashes.
func build(cfg Config, tensors map[string]safetensors.Tensor) (*Model, error) {
	want := cfg.ExpectedShapes()
	names := make([]string, 0, len(tensors))
	for n := range tensors {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, ok := want[n]; !ok && !ignorable(n) {
			if n == "lm_head.weight" && cfg.TieEmbeddings {
				return nil, fmt.Errorf("tensor lm_head.weight present but tie_word_embeddings is true")
			}
			return nil, fmt.Errorf("unknown tensor %q for a %s model with %d layers", n, cfg.Arch, cfg.NLayers)
		}
	}
	wantNames := make([]string, 0, len(want))
	for n := range want {
		wantNames = append(wantNames, n)
	}
	sort.Strings(wantNames)
	var dtype safetensors.DType
	for _, n := range wantNames {
		t, ok := tensors[n]
		if !ok {
			return nil, fmt.Errorf("missing tensor %q", n)
		}
		if !equalShape(t.Shape, want[n]) {
			return nil, fmt.Errorf("tensor %q has shape %v, config needs %v", n, t.Shape, want[n])
		}
		switch t.DType {
		case safetensors.F32, safetensors.F16, safetensors.BF16:
		default:
			return nil, fmt.Errorf("tensor %q has dtype %s; want F32, F16 or BF16", n, t.DType)
		}
		if strings.HasSuffix(n, "_proj.weight") {
			dtype = t.DType
		}
	}
	hashed := make([]safetensors.Tensor, 0, len(wantNames))
	for _, n := range wantNames {
		hashed = append(hashed, tensors[n])
	}
	h, err := Hash(cfg, hashed)
	if err != nil {
		return nil, err
	}
	get := func(name string) []float32 {
		v, cerr := tensors[name].Float32()
		if cerr != nil && err == nil {
			err = cerr
		}
		return v
	}
	m := &Model{Config: cfg, Hash: h, SourceDType: string(dtype)}
	m.Embed = get("model.embed_tokens.weight")
	m.Norm = get("model.norm.weight")
	if cfg.TieEmbeddings {
		m.LMHead = m.Embed
	} else {
		m.LMHead = get("lm_head.weight")
	}
	m.Layers = make([]Layer, cfg.NLayers)
	for l := range m.Layers {
		L := &m.Layers[l]
		L.AttnNorm = get(hfName(l, "input_layernorm.weight"))
		L.FFNNorm = get(hfName(l, "post_attention_layernorm.weight"))
		for _, mod := range Modules {
			lin := m.LayerLinear(l, mod)
			lin.In, lin.Out, _ = cfg.LinearShape(mod)
			lin.W = get(hfName(l, moduleParent(mod)+".weight"))
			if bn := hfName(l, moduleParent(mod)+".bias"); want[bn] != nil {
				lin.B = get(bn)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

func equalShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// HashDomain prefixes every model hash.
const HashDomain = "paichain/model/v1"

// Hash is the canonical model hash:
//
//	SHA-256( "paichain/model/v1\n"
//	         || u64le(len(C)) || C           where C = json.Marshal(normalized Config)
//	         || u64le(number of tensors)
//	         || for each tensor in ascending byte order of name:
//	              u64le(len(name)) || name
//	              u64le(len(dtype)) || dtype                 e.g. "BF16"
//	              u64le(ndim) || u64le(dim_0) || ... || u64le(dim_{n-1})
//	              u64le(len(data)) || data                  stored little-endian bytes )
//
// C is the Config's JSON with its declared field order (BOS/EOS excluded),
// so the same weights under a different architecture, RoPE layout or
// hyper-parameter hash differently. Tensors are hashed as stored (a bf16 and an
// fp32 copy of a model are different models). Ignorable tensors (rotary
// inv_freq buffers) are not hashed. llama2.c checkpoints are hashed as the F32
// tensors they define, under their Hugging Face names (see LoadLlama2c).
func Hash(cfg Config, tensors []safetensors.Tensor) ([32]byte, error) {
	cj, err := json.Marshal(cfg)
	if err != nil {
		return [32]byte{}, fmt.Errorf("model: hash config: %w", err)
	}
	sorted := append([]safetensors.Tensor(nil), tensors...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	h := sha256.New()
	h.Write([]byte(HashDomain + "\n"))
	writeBytes(h, cj)
	writeU64(h, uint64(len(sorted)))
	for i, t := range sorted {
		if i > 0 && sorted[i-1].Name == t.Name {
			return [32]byte{}, fmt.Errorf("model: hash: duplicate tensor %q", t.Name)
		}
		writeBytes(h, []byte(t.Name))
		writeBytes(h, []byte(t.DType))
		writeU64(h, uint64(len(t.Shape)))
		for _, d := range t.Shape {
			writeU64(h, uint64(d))
		}
		writeBytes(h, t.Data)
	}
	var out [32]byte
	h.Sum(out[:0])
	return out, nil
}

func writeU64(h hash.Hash, v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.Write(b[:])
}

func writeBytes(h hash.Hash, b []byte) {
	writeU64(h, uint64(len(b)))
	h.Write(b)
}
