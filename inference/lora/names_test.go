package lora

import (
	"strings"
	"testing"
)

func TestTensorNames(t *testing.T) {
	for _, l := range []int{0, 7, 31, 4095} {
		for mi := range Modules {
			for _, w := range []byte{'A', 'B'} {
				name := TensorName(l, mi, w)
				gl, gmi, gw, err := ParseTensorName(name)
				if err != nil || gl != l || gmi != mi || gw != w {
					t.Fatalf("%s -> %d %d %c %v", name, gl, gmi, gw, err)
				}
			}
		}
	}
	if got := TensorName(3, 0, 'A'); got != "base_model.model.model.layers.3.self_attn.q_proj.lora_A.weight" {
		t.Fatalf("TensorName = %s", got)
	}
	if got := TensorName(0, 6, 'B'); got != "base_model.model.model.layers.0.mlp.down_proj.lora_B.weight" {
		t.Fatalf("TensorName = %s", got)
	}
}

func TestParseTensorNameRejects(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"model.layers.0.self_attn.q_proj.lora_A.weight", "prefix"},
		{"base_model.model.model.layers.x.self_attn.q_proj.lora_A.weight", "layer index"},
		{"base_model.model.model.layers.01.self_attn.q_proj.lora_A.weight", "layer index"},
		{"base_model.model.model.layers.-1.self_attn.q_proj.lora_A.weight", "layer index"},
		{"base_model.model.model.layers.4096.self_attn.q_proj.lora_A.weight", "limit"},
		{"base_model.model.model.layers.0.mlp.q_proj.lora_A.weight", "belongs to self_attn"},
		{"base_model.model.model.layers.0.self_attn.qkv_proj.lora_A.weight", "unsupported module"},
		{"base_model.model.model.layers.0.self_attn.q_proj.lora_A.default.weight", "suffix"},
		{"base_model.model.model.layers.0.self_attn.q_proj.lora_C.weight", "suffix"},
		{"base_model.model.model.layers.0.self_attn.q_proj.lora_magnitude_vector", "suffix"},
		{"base_model.model.lm_head.weight", "prefix"},
		{"base_model.model.model.layers.0", "no layer index"},
		{"base_model.model.model.layers.0.self_attn", "no module"},
		{"base_model.model.model.layers.0.self_attn.q_proj", "no lora factor"},
	} {
		if _, _, _, err := ParseTensorName(tt.name); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzParseTensorName(f *testing.F) {
	f.Add("base_model.model.model.layers.3.self_attn.q_proj.lora_A.weight")
	f.Add("base_model.model.model.layers.12.mlp.down_proj.lora_B.weight")
	f.Add("base_model.model.model.layers.0.mlp.up_proj.lora_B.default.weight")
	f.Fuzz(func(t *testing.T, name string) {
		l, mi, w, err := ParseTensorName(name)
		if err != nil {
			return
		}
		// Exactly one spelling per tensor: accepted names round-trip.
		if got := TensorName(l, mi, w); got != name {
			t.Fatalf("%q parsed to %d/%s/%c which names %q", name, l, Modules[mi], w, got)
		}
	})
}
