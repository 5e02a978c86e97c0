package lora

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/safetensors"
)

func TestSyntheticRoundTrip(t *testing.T) {
	cfg := model.TinyConfig
	dir := t.TempDir()
	if err := WriteSynthetic(dir, cfg, 4, 8, []string{"q_proj", "v_proj", "down_proj"}, 42, false); err != nil {
		t.Fatal(err)
	}
	a, err := Load(dir, cfg.NLayers)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Synthetic(cfg, 4, 8, []string{"q_proj", "v_proj", "down_proj"}, 42, false)
	if err != nil {
		t.Fatal(err)
	}
	if a.Hash != want.Hash {
		t.Fatalf("hash of loaded files %x != in-memory hash %x", a.Hash, want.Hash)
	}
	if err := Validate(a, cfg); err != nil {
		t.Fatal(err)
	}
	if a.Scale != 2 || a.Config.R != 4 {
		t.Fatalf("scale %v r %d", a.Scale, a.Config.R)
	}
	if got := strings.Join(a.Config.TargetModules, ","); got != "q_proj,v_proj,down_proj" {
		t.Fatalf("targets %s", got)
	}
	for l := 0; l < cfg.NLayers; l++ {
		for mi := range Modules {
			p, q := a.PairAt(l, mi), want.PairAt(l, mi)
			if (p == nil) != (q == nil) {
				t.Fatalf("layer %d %s presence differs", l, Modules[mi])
			}
			if p == nil {
				continue
			}
			in, out, _ := cfg.LinearShape(Modules[mi])
			if p.In != in || p.Out != out || p.R != 4 {
				t.Fatalf("layer %d %s shape %d→%d r%d", l, Modules[mi], p.In, p.Out, p.R)
			}
			nonzero := false
			for i := range p.B {
				if p.B[i] != q.B[i] {
					t.Fatal("B differs")
				}
				nonzero = nonzero || p.B[i] != 0
			}
			if !nonzero {
				t.Fatal("synthetic B is zero: the adapter would not change outputs")
			}
		}
	}
	if a.Pair(0, "k_proj") != nil || a.Pair(0, "nope") != nil || a.Pair(99, "q_proj") != nil {
		t.Fatal("Pair returned factors for an untargeted module")
	}
	other, _ := Synthetic(cfg, 4, 8, []string{"q_proj", "v_proj", "down_proj"}, 43, false)
	if other.Hash == a.Hash {
		t.Fatal("different seeds, same hash")
	}
	if a.Bytes() < int64(4*cfg.NLayers*4*(64+64+64+32+160+64)) {
		t.Fatalf("Bytes() = %d is below the factor size", a.Bytes())
	}
}

// writeAdapter writes a PEFT dir from explicit tensors and config JSON.
func writeAdapter(t *testing.T, dir, config string, tensors map[string]safetensors.Tensor) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := safetensors.Write(filepath.Join(dir, WeightsFile), tensors, nil); err != nil {
		t.Fatal(err)
	}
}

// tensorsOf returns a's factors as safetensors tensors of dtype d.
func tensorsOf(t *testing.T, a *Adapter, d safetensors.DType) map[string]safetensors.Tensor {
	t.Helper()
	out := map[string]safetensors.Tensor{}
	for l := 0; l < a.NumLayers(); l++ {
		for mi := range Modules {
			p := a.PairAt(l, mi)
			if p == nil {
				continue
			}
			ta, err := safetensors.FromFloat32("", d, []int{p.R, p.In}, p.A)
			if err != nil {
				t.Fatal(err)
			}
			tb, _ := safetensors.FromFloat32("", d, []int{p.Out, p.R}, p.B)
			out[TensorName(l, mi, 'A')], out[TensorName(l, mi, 'B')] = ta, tb
		}
	}
	return out
}

func TestLoadDTypesAndHash(t *testing.T) {
	cfg := model.TinyConfig
	src, _ := Synthetic(cfg, 2, 4, []string{"q_proj", "k_proj"}, 1, false)
	conf := `{"peft_type":"LORA","r":2,"lora_alpha":4,"target_modules":["q_proj","k_proj"],"base_model_name_or_path":"a"}`
	hashes := map[safetensors.DType][32]byte{}
	for _, d := range []safetensors.DType{safetensors.F32, safetensors.F16, safetensors.BF16} {
		dir := filepath.Join(t.TempDir(), string(d))
		writeAdapter(t, dir, conf, tensorsOf(t, src, d))
		a, err := Load(dir, cfg.NLayers)
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		hashes[d] = a.Hash
		p, q := a.Pair(1, "k_proj"), src.Pair(1, "k_proj")
		for i := range p.A {
			if diff := p.A[i] - q.A[i]; diff > 0.01 || diff < -0.01 {
				t.Fatalf("%s: A[%d] = %v, want ≈%v", d, i, p.A[i], q.A[i])
			}
		}
	}
	if hashes[safetensors.F32] != src.Hash {
		t.Fatal("F32 files hash differently from the in-memory adapter")
	}
	if hashes[safetensors.F16] == hashes[safetensors.F32] || hashes[safetensors.BF16] == hashes[safetensors.F16] {
		t.Fatal("hash ignores the stored dtype")
	}
	// Informational fields and the target spelling do not change the hash;
	// alpha, rslora and any weight byte do.
	same := []string{
		`{"r":2,"lora_alpha":4.0,"target_modules":".*(q|k)_proj","base_model_name_or_path":"other","lora_dropout":0.05}`,
		`{"r":2,"lora_alpha":4,"target_modules":"all-linear","task_type":"CAUSAL_LM"}`,
	}
	for _, c := range same {
		dir := t.TempDir()
		writeAdapter(t, dir, c, tensorsOf(t, src, safetensors.F32))
		a, err := Load(dir, cfg.NLayers)
		if err != nil {
			if strings.Contains(c, "all-linear") && errors.Is(err, ErrFormat) {
				continue // all-linear demands every module: checked below
			}
			t.Fatal(err)
		}
		if a.Hash != src.Hash {
			t.Fatalf("config %s changed the hash", c)
		}
	}
	for _, c := range []string{
		`{"r":2,"lora_alpha":8,"target_modules":["q_proj","k_proj"]}`,
		`{"r":2,"lora_alpha":4,"use_rslora":true,"target_modules":["q_proj","k_proj"]}`,
	} {
		dir := t.TempDir()
		writeAdapter(t, dir, c, tensorsOf(t, src, safetensors.F32))
		a, err := Load(dir, cfg.NLayers)
		if err != nil {
			t.Fatal(err)
		}
		if a.Hash == src.Hash {
			t.Fatalf("config %s did not change the hash", c)
		}
	}
	ts := tensorsOf(t, src, safetensors.F32)
	name := TensorName(1, 1, 'B')
	tb := ts[name]
	tb.Data = append([]byte(nil), tb.Data...)
	tb.Data[5] ^= 1
	ts[name] = tb
	dir := t.TempDir()
	writeAdapter(t, dir, conf, ts)
	if a, err := Load(dir, cfg.NLayers); err != nil || a.Hash == src.Hash {
		t.Fatalf("flipped weight bit: err %v, hash unchanged %v", err, err == nil && a.Hash == src.Hash)
	}
}

func TestLoadRejects(t *testing.T) {
	cfg := model.TinyConfig
	src, _ := Synthetic(cfg, 2, 4, []string{"q_proj", "v_proj"}, 7, false)
	conf := `{"r":2,"lora_alpha":4,"target_modules":["q_proj","v_proj"]}`
	nan := func(ts map[string]safetensors.Tensor) {
		n := TensorName(0, 0, 'A')
		vals, _ := ts[n].Float32()
		vals[3] = float32(nanValue())
		ts[n], _ = safetensors.FromFloat32("", safetensors.F32, ts[n].Shape, vals)
	}
	tests := []struct {
		name   string
		config string
		edit   func(map[string]safetensors.Tensor)
		want   string
	}{
		{"missing B", conf, func(ts map[string]safetensors.Tensor) { delete(ts, TensorName(1, 2, 'B')) }, "has no lora_B"},
		{"missing module", conf, func(ts map[string]safetensors.Tensor) {
			delete(ts, TensorName(1, 2, 'A'))
			delete(ts, TensorName(1, 2, 'B'))
		}, "layer 1 v_proj but it has no tensors"},
		{"wrong rank", `{"r":4,"lora_alpha":4,"target_modules":["q_proj","v_proj"]}`, nil, "want [r=4, in]"},
		{"untargeted module", `{"r":2,"lora_alpha":4,"target_modules":["q_proj"]}`, nil, "target_modules does not select"},
		{"extra tensor", conf, func(ts map[string]safetensors.Tensor) {
			ts["base_model.model.lm_head.weight"], _ = safetensors.FromFloat32("", safetensors.F32, []int{2}, []float32{1, 2})
		}, "want prefix"},
		{"layer beyond model", conf, func(ts map[string]safetensors.Tensor) {
			ts[TensorName(2, 0, 'A')], ts[TensorName(2, 0, 'B')] = ts[TensorName(0, 0, 'A')], ts[TensorName(0, 0, 'B')]
		}, "base model has 2 layers"},
		{"int dtype", conf, func(ts map[string]safetensors.Tensor) {
			n := TensorName(0, 0, 'A')
			ts[n] = safetensors.Tensor{DType: safetensors.I32, Shape: ts[n].Shape, Data: ts[n].Data}
		}, "want a float type"},
		{"1-d", conf, func(ts map[string]safetensors.Tensor) {
			n := TensorName(0, 0, 'A')
			ts[n] = safetensors.Tensor{DType: safetensors.F32, Shape: []int{len(ts[n].Data) / 4}, Data: ts[n].Data}
		}, "want 2 positive dimensions"},
		{"inconsistent widths", conf, func(ts map[string]safetensors.Tensor) {
			ts[TensorName(1, 0, 'B')], _ = safetensors.FromFloat32("", safetensors.F32, []int{32, 2}, make([]float32, 64))
		}, "another layer's"},
		{"nan", conf, nan, "is NaN"},
		{"inf f16", conf, func(ts map[string]safetensors.Tensor) {
			n := TensorName(1, 2, 'B')
			vals, _ := ts[n].Float32()
			vals[0] = float32(math.Inf(-1))
			ts[n], _ = safetensors.FromFloat32("", safetensors.F16, ts[n].Shape, vals)
		}, "is -Inf"},
		{"fan_in_fan_out", `{"r":2,"lora_alpha":4,"fan_in_fan_out":true,"target_modules":["q_proj","v_proj"]}`, nil, "fan_in_fan_out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := tensorsOf(t, src, safetensors.F32)
			if tt.edit != nil {
				tt.edit(ts)
			}
			dir := t.TempDir()
			writeAdapter(t, dir, tt.config, ts)
			_, err := Load(dir, cfg.NLayers)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("err %v does not wrap ErrFormat", err)
			}
		})
	}
	// Truncated and empty files.
	dir := t.TempDir()
	if err := src.Save(dir); err != nil {
		t.Fatal(err)
	}
	w, _ := os.ReadFile(filepath.Join(dir, WeightsFile))
	os.WriteFile(filepath.Join(dir, WeightsFile), w[:len(w)-3], 0o644)
	if _, err := Load(dir, cfg.NLayers); !errors.Is(err, ErrFormat) {
		t.Fatalf("truncated weights: %v", err)
	}
	os.Remove(filepath.Join(dir, WeightsFile))
	if _, err := Load(dir, cfg.NLayers); err == nil || errors.Is(err, ErrFormat) {
		t.Fatalf("missing weights file should be an I/O error, got %v", err)
	}
}

func nanValue() float64 { return math.NaN() }

func TestValidate(t *testing.T) {
	a, _ := Synthetic(model.TinyConfig, 2, 4, nil, 3, false)
	if err := Validate(a, model.TinyConfig); err != nil {
		t.Fatal(err)
	}
	q := model.TinyQwen2Config // same dim, other kv heads and hidden
	if err := Validate(a, q); err == nil || !strings.Contains(err.Error(), "k_proj") {
		t.Fatalf("Qwen2-shaped base: %v", err)
	}
	one := model.TinyConfig
	one.NLayers = 1
	if err := Validate(a, one); err == nil || !strings.Contains(err.Error(), "spans 2 layers") {
		t.Fatalf("fewer layers: %v", err)
	}
	more := model.TinyConfig
	more.NLayers = 3
	dir := t.TempDir()
	a.Save(dir)
	b, err := Load(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(b, more); err == nil || !strings.Contains(err.Error(), "layer 2") {
		t.Fatalf("more layers: %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	cfg := model.TinyConfig
	cfg.NLayers = 1
	a, _ := Synthetic(cfg, 1, 2, []string{"q_proj"}, 1, false)
	conf, w, _ := a.Encode()
	f.Add(conf, w)
	f.Add([]byte(`{"r":1,"lora_alpha":1}`), w[:len(w)/2])
	f.Fuzz(func(t *testing.T, conf, weights []byte) {
		b, err := Decode(conf, weights, 2)
		if err != nil {
			return
		}
		for l := 0; l < b.NumLayers(); l++ {
			for mi := range Modules {
				if p := b.PairAt(l, mi); p != nil && (len(p.A) != p.R*p.In || len(p.B) != p.Out*p.R) {
					t.Fatal("inconsistent pair accepted")
				}
			}
		}
	})
}

func TestDecodeTrusted(t *testing.T) {
	a, _ := Synthetic(model.TinyConfig, 2, 4, nil, 5, false)
	conf, w, err := a.Encode()
	if err != nil {
		t.Fatal(err)
	}
	var given [32]byte
	given[0] = 9
	b, err := DecodeTrusted(conf, w, model.TinyConfig.NLayers, given)
	if err != nil || b.Hash != given {
		t.Fatalf("trusted decode: %v, hash %x", err, b.Hash[:2])
	}
	// Everything but the hash is still checked.
	if _, err := DecodeTrusted(conf, w[:len(w)-1], 2, given); !errors.Is(err, ErrFormat) {
		t.Fatalf("truncated trusted decode: %v", err)
	}
	c, err := Decode(conf, w, model.TinyConfig.NLayers)
	if err != nil || c.Hash != a.Hash {
		t.Fatalf("decode: %v", err)
	}
}
