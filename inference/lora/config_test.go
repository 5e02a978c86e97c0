package lora

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestParseConfig(t *testing.T) {
	base := `"peft_type":"LORA","r":8,"lora_alpha":16,"bias":"none","fan_in_fan_out":false,"use_rslora":false,"base_model_name_or_path":"meta-llama/Llama-3.2-1B","rank_pattern":{},"alpha_pattern":{},"modules_to_save":null,"use_dora":false`
	tests := []struct {
		name    string
		json    string
		targets []string // after parse; nil for regex
		pattern string
		target  [][2]int // (layer, module index) pairs that must be targeted
		skip    [][2]int // ... and must not
		scale   float32
	}{
		{"short list", `{` + base + `,"target_modules":["q_proj","v_proj"]}`, []string{"q_proj", "v_proj"}, "", [][2]int{{0, 0}, {5, 2}}, [][2]int{{0, 1}, {3, 6}}, 2},
		{"dotted suffix", `{` + base + `,"target_modules":["self_attn.o_proj","mlp.down_proj"]}`, []string{"o_proj", "down_proj"}, "", [][2]int{{1, 3}, {1, 6}}, [][2]int{{1, 0}}, 2},
		{"all-linear", `{` + base + `,"target_modules":"all-linear"}`, Modules[:], "all-linear", [][2]int{{0, 0}, {9, 6}}, nil, 2},
		{"regex", `{` + base + `,"target_modules":".*\\.(q_proj|k_proj)"}`, nil, `.*\.(q_proj|k_proj)`, [][2]int{{0, 0}, {7, 1}}, [][2]int{{0, 2}}, 2},
		{"regex by layer", `{` + base + `,"target_modules":"model\\.layers\\.[01]\\.self_attn\\.q_proj"}`, nil, `model\.layers\.[01]\.self_attn\.q_proj`, [][2]int{{0, 0}, {1, 0}}, [][2]int{{2, 0}, {10, 0}}, 2},
		{"null target -> q,v", `{` + base + `,"target_modules":null}`, []string{"q_proj", "v_proj"}, "", [][2]int{{0, 0}, {0, 2}}, [][2]int{{0, 1}}, 2},
		{"layers_to_transform int", `{` + base + `,"target_modules":["gate_proj"],"layers_to_transform":1,"layers_pattern":"layers"}`, []string{"gate_proj"}, "", [][2]int{{1, 4}}, [][2]int{{0, 4}, {2, 4}}, 2},
		{"layers_to_transform list", `{` + base + `,"target_modules":["up_proj"],"layers_to_transform":[3,0,3]}`, []string{"up_proj"}, "", [][2]int{{0, 5}, {3, 5}}, [][2]int{{1, 5}}, 2},
		{"rslora", `{"r":16,"lora_alpha":32,"use_rslora":true,"target_modules":["q_proj"]}`, []string{"q_proj"}, "", nil, nil, 8},
		{"alpha float", `{"r":4,"lora_alpha":6.5,"target_modules":["q_proj"]}`, []string{"q_proj"}, "", nil, nil, 1.625},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseConfig([]byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(c.TargetModules, tt.targets) {
				t.Errorf("TargetModules = %v, want %v", c.TargetModules, tt.targets)
			}
			if c.TargetPattern != tt.pattern {
				t.Errorf("TargetPattern = %q, want %q", c.TargetPattern, tt.pattern)
			}
			for _, lm := range tt.target {
				if !c.Targets(lm[0], lm[1]) {
					t.Errorf("layer %d %s not targeted", lm[0], Modules[lm[1]])
				}
			}
			for _, lm := range tt.skip {
				if c.Targets(lm[0], lm[1]) {
					t.Errorf("layer %d %s targeted", lm[0], Modules[lm[1]])
				}
			}
			if got := c.ComputeScale(); got != tt.scale {
				t.Errorf("scale = %v, want %v", got, tt.scale)
			}
		})
	}
}

func TestParseConfigRejects(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"fan_in_fan_out", `{"r":8,"lora_alpha":8,"fan_in_fan_out":true,"target_modules":["q_proj"]}`, "fan_in_fan_out=true is not supported"},
		{"bias all", `{"r":8,"lora_alpha":8,"bias":"all","target_modules":["q_proj"]}`, `bias="all"`},
		{"bias lora_only", `{"r":8,"lora_alpha":8,"bias":"lora_only","target_modules":["q_proj"]}`, `bias="lora_only"`},
		{"dora", `{"r":8,"lora_alpha":8,"use_dora":true,"target_modules":["q_proj"]}`, "use_dora"},
		{"rank pattern", `{"r":8,"lora_alpha":8,"rank_pattern":{"q_proj":4},"target_modules":["q_proj"]}`, "rank_pattern"},
		{"modules_to_save", `{"r":8,"lora_alpha":8,"modules_to_save":["lm_head"],"target_modules":["q_proj"]}`, "modules_to_save"},
		{"no r", `{"lora_alpha":8,"target_modules":["q_proj"]}`, "r is missing"},
		{"r zero", `{"r":0,"lora_alpha":8,"target_modules":["q_proj"]}`, "r=0 out of range"},
		{"r huge", `{"r":100000,"lora_alpha":8,"target_modules":["q_proj"]}`, "out of range"},
		{"no alpha", `{"r":8,"target_modules":["q_proj"]}`, "lora_alpha is missing"},
		{"negative alpha", `{"r":8,"lora_alpha":-1,"target_modules":["q_proj"]}`, "lora_alpha"},
		{"peft type", `{"peft_type":"IA3","r":8,"lora_alpha":8}`, "peft_type"},
		{"unknown module", `{"r":8,"lora_alpha":8,"target_modules":["q_proj","lm_head"]}`, `module "lm_head" is not supported`},
		{"gpt2 module", `{"r":8,"lora_alpha":8,"target_modules":["c_attn"]}`, `"c_attn"`},
		{"bad regex", `{"r":8,"lora_alpha":8,"target_modules":"(q_proj"}`, "regular expression"},
		{"target number", `{"r":8,"lora_alpha":8,"target_modules":7}`, "target_modules"},
		{"bad layers", `{"r":8,"lora_alpha":8,"target_modules":["q_proj"],"layers_to_transform":[-1]}`, "layers_to_transform"},
		{"layers pattern", `{"r":8,"lora_alpha":8,"target_modules":["q_proj"],"layers_pattern":"h"}`, "layers_pattern"},
		{"not json", `{"r":8,`, "adapter_config.json"},
		{"r string", `{"r":"8","lora_alpha":8}`, "adapter_config.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tt.json))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
	if _, err := ParseConfig(make([]byte, MaxConfigBytes+1)); err == nil {
		t.Fatal("oversized config accepted")
	}
}

func TestCanonicalConfig(t *testing.T) {
	a, _ := ParseConfig([]byte(`{"r":8,"lora_alpha":16,"target_modules":["q_proj"],"base_model_name_or_path":"x","lora_dropout":0.1}`))
	b, _ := ParseConfig([]byte(`{"r":8,"lora_alpha":16.0,"target_modules":"all-linear","base_model_name_or_path":"y"}`))
	if string(a.canonical()) != string(b.canonical()) {
		t.Fatalf("canonical forms differ: %s vs %s", a.canonical(), b.canonical())
	}
	c, _ := ParseConfig([]byte(`{"r":8,"lora_alpha":16,"use_rslora":true}`))
	if string(a.canonical()) == string(c.canonical()) {
		t.Fatal("use_rslora not in the canonical form")
	}
	if s := c.ComputeScale(); math.Abs(float64(s)-16/math.Sqrt(8)) > 1e-6 {
		t.Fatalf("rslora scale %v", s)
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(`{"peft_type":"LORA","r":8,"lora_alpha":16,"target_modules":["q_proj","v_proj"],"bias":"none"}`))
	f.Add([]byte(`{"r":4,"lora_alpha":8,"target_modules":".*\\.(q|v)_proj","layers_to_transform":[0,1]}`))
	f.Add([]byte(`{"r":4,"lora_alpha":8,"target_modules":"all-linear","use_rslora":true}`))
	f.Add([]byte(`{"r":1,"lora_alpha":1e308,"layers_to_transform":3}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig(data)
		if err != nil {
			return
		}
		if c.R < 1 || c.R > MaxRank || !(c.Alpha > 0) {
			t.Fatalf("accepted invalid config %+v", c)
		}
		s := c.ComputeScale()
		if math.IsNaN(float64(s)) {
			t.Fatalf("NaN scale from %q", data)
		}
		for l := 0; l < 3; l++ {
			for mi := range Modules {
				c.Targets(l, mi)
			}
		}
		// What we write, we read back the same.
		out, err := c.MarshalPEFT()
		if err != nil {
			t.Fatal(err)
		}
		c2, err := ParseConfig(out)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", out, err)
		}
		if string(c2.canonical()) != string(c.canonical()) {
			t.Fatalf("canonical changed: %s vs %s", c.canonical(), c2.canonical())
		}
	})
}
