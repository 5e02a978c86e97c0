package lora

import (
	"fmt"
	"strconv"
	"strings"
)

// Modules are the linear layers of a llama-family decoder block a LoRA
// adapter may target, in canonical order (HF module names).
var Modules = [NumModules]string{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}

// NumModules is the number of targetable linear modules per layer.
const NumModules = 7

// ModuleIndex maps a module name ("q_proj", ...) to its index in Modules.
func ModuleIndex(module string) (int, bool) {
	switch module {
	case "q_proj":
		return 0, true
	case "k_proj":
		return 1, true
	case "v_proj":
		return 2, true
	case "o_proj":
		return 3, true
	case "gate_proj":
		return 4, true
	case "up_proj":
		return 5, true
	case "down_proj":
		return 6, true
	}
	return -1, false
}

// moduleParent is the submodule holding a projection in HF llama naming.
func moduleParent(mi int) string {
	if mi < 4 {
		return "self_attn"
	}
	return "mlp"
}

// ModulePath is the module's name inside the base model as PEFT matches
// target_modules against it, e.g. "model.layers.3.self_attn.q_proj".
func ModulePath(layer, mi int) string {
	return "model.layers." + strconv.Itoa(layer) + "." + moduleParent(mi) + "." + Modules[mi]
}

// TensorName is the PEFT tensor name of one LoRA factor: which is 'A'
// (lora_A.weight, [r, in]) or 'B' (lora_B.weight, [out, r]).
func TensorName(layer, mi int, which byte) string {
	return "base_model.model." + ModulePath(layer, mi) + ".lora_" + string(which) + ".weight"
}

// maxLayers bounds the layer index a tensor name may carry, so a hostile
// name cannot make a loader allocate per-layer tables of absurd size.
const maxLayers = 1 << 12

// ParseTensorName splits a PEFT LoRA tensor name into its layer, module index
// and factor ('A' or 'B'). It accepts exactly the names PEFT's
// save_pretrained writes for llama-family models:
//
//	base_model.model.model.layers.{i}.self_attn.{q,k,v,o}_proj.lora_{A,B}.weight
//	base_model.model.model.layers.{i}.mlp.{gate,up,down}_proj.lora_{A,B}.weight
func ParseTensorName(name string) (layer, mi int, which byte, err error) {
	const prefix = "base_model.model.model.layers."
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return 0, 0, 0, fmt.Errorf("tensor %q: want prefix %q", name, prefix)
	}
	idx, rest, ok := strings.Cut(rest, ".")
	if !ok {
		return 0, 0, 0, fmt.Errorf("tensor %q: no layer index", name)
	}
	layer, err = parseLayer(idx)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("tensor %q: %w", name, err)
	}
	parent, rest, ok := strings.Cut(rest, ".")
	if !ok {
		return 0, 0, 0, fmt.Errorf("tensor %q: no module", name)
	}
	module, rest, ok := strings.Cut(rest, ".")
	if !ok {
		return 0, 0, 0, fmt.Errorf("tensor %q: no lora factor", name)
	}
	mi, ok = ModuleIndex(module)
	if !ok {
		return 0, 0, 0, fmt.Errorf("tensor %q: unsupported module %q (want one of %s)", name, module, strings.Join(Modules[:], ", "))
	}
	if parent != moduleParent(mi) {
		return 0, 0, 0, fmt.Errorf("tensor %q: module %s belongs to %s, not %s", name, module, moduleParent(mi), parent)
	}
	switch rest {
	case "lora_A.weight":
		which = 'A'
	case "lora_B.weight":
		which = 'B'
	default:
		return 0, 0, 0, fmt.Errorf("tensor %q: want suffix lora_A.weight or lora_B.weight, got %q", name, rest)
	}
	return layer, mi, which, nil
}

// parseLayer accepts a canonical decimal layer index (no sign, no leading
// zeros), so every layer has exactly one tensor name.
func parseLayer(s string) (int, error) {
	if s == "" || len(s) > 5 || (len(s) > 1 && s[0] == '0') {
		return 0, fmt.Errorf("bad layer index %q", s)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad layer index %q", s)
		}
		n = n*10 + int(c-'0')
	}
	if n >= maxLayers {
		return 0, fmt.Errorf("layer index %d over the limit %d", n, maxLayers)
	}
	return n, nil
}
