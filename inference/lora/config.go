package lora

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Config is a normalized PEFT adapter_config.json. Only what changes the
// computation or identifies the base model is kept; PEFT training-only
// fields (lora_dropout, init_lora_weights, ...) are ignored.
type Config struct {
	R         int     // rank
	Alpha     float64 // lora_alpha
	UseRSLoRA bool    // scale alpha/sqrt(r) instead of alpha/r
	// TargetModules are the short module names ("q_proj", ...) the adapter
	// targets, in canonical order. After Load they are exactly the modules
	// the adapter has tensors for.
	TargetModules []string
	// TargetPattern is target_modules when PEFT wrote it as a regular
	// expression (matched in full against ModulePath), or "all-linear".
	TargetPattern string
	// LayersToTransform restricts list-form targets to these layers
	// (sorted); nil means every layer.
	LayersToTransform []int
	BaseModel         string // base_model_name_or_path, informational
	TaskType          string

	targetRe   *regexp.Regexp
	targetList []string
}

// MaxConfigBytes bounds adapter_config.json; real ones are about 1 KiB.
const MaxConfigBytes = 1 << 20

// MaxRank bounds r so a hostile config cannot size huge buffers.
const MaxRank = 4096

// rawConfig mirrors the adapter_config.json fields PEFT writes that matter.
type rawConfig struct {
	PeftType          *string                    `json:"peft_type"`
	R                 *int                       `json:"r"`
	LoraAlpha         *float64                   `json:"lora_alpha"`
	TargetModules     json.RawMessage            `json:"target_modules"`
	UseRSLoRA         *bool                      `json:"use_rslora"`
	FanInFanOut       *bool                      `json:"fan_in_fan_out"`
	Bias              *string                    `json:"bias"`
	BaseModel         *string                    `json:"base_model_name_or_path"`
	TaskType          *string                    `json:"task_type"`
	ModulesToSave     json.RawMessage            `json:"modules_to_save"`
	RankPattern       map[string]json.RawMessage `json:"rank_pattern"`
	AlphaPattern      map[string]json.RawMessage `json:"alpha_pattern"`
	UseDoRA           *bool                      `json:"use_dora"`
	LayersToTransform json.RawMessage            `json:"layers_to_transform"`
	LayersPattern     json.RawMessage            `json:"layers_pattern"`
	LayerReplication  json.RawMessage            `json:"layer_replication"`
}

// ParseConfig parses and validates a PEFT adapter_config.json. Anything the
// engine cannot apply exactly (DoRA, fan_in_fan_out, biases, rank/alpha
// patterns, modules_to_save) is rejected with an error naming the field.
func ParseConfig(data []byte) (Config, error) {
	if len(data) > MaxConfigBytes {
		return Config{}, fmt.Errorf("adapter_config.json: %d bytes, over the %d-byte limit", len(data), MaxConfigBytes)
	}
	var raw rawConfig
	if err := json.Unmarshal(data, &raw); err != nil {
		return Config{}, fmt.Errorf("adapter_config.json: %w", err)
	}
	var c Config
	if raw.PeftType != nil && *raw.PeftType != "LORA" {
		return Config{}, fmt.Errorf("adapter_config.json: peft_type %q is not supported (want LORA)", *raw.PeftType)
	}
	if raw.R == nil {
		return Config{}, errors.New("adapter_config.json: r is missing")
	}
	if *raw.R < 1 || *raw.R > MaxRank {
		return Config{}, fmt.Errorf("adapter_config.json: r=%d out of range [1, %d]", *raw.R, MaxRank)
	}
	c.R = *raw.R
	if raw.LoraAlpha == nil {
		return Config{}, errors.New("adapter_config.json: lora_alpha is missing")
	}
	if a := *raw.LoraAlpha; math.IsNaN(a) || math.IsInf(a, 0) || a <= 0 || a > 1e9 {
		return Config{}, fmt.Errorf("adapter_config.json: lora_alpha=%v must be positive and finite", a)
	}
	c.Alpha = *raw.LoraAlpha
	if raw.UseRSLoRA != nil {
		c.UseRSLoRA = *raw.UseRSLoRA
	}
	if raw.FanInFanOut != nil && *raw.FanInFanOut {
		return Config{}, errors.New("adapter_config.json: fan_in_fan_out=true is not supported: it is for GPT-2-style Conv1D weights stored [in, out]; llama-family linears are [out, in]")
	}
	if raw.Bias != nil && *raw.Bias != "none" {
		return Config{}, fmt.Errorf("adapter_config.json: bias=%q is not supported (only \"none\": the adapter must not change base biases)", *raw.Bias)
	}
	if raw.UseDoRA != nil && *raw.UseDoRA {
		return Config{}, errors.New("adapter_config.json: use_dora=true is not supported (DoRA is not a plain low-rank delta)")
	}
	if len(raw.RankPattern) > 0 || len(raw.AlphaPattern) > 0 {
		return Config{}, errors.New("adapter_config.json: rank_pattern/alpha_pattern are not supported (every module must share r and lora_alpha)")
	}
	if !isNullOrEmpty(raw.ModulesToSave) {
		return Config{}, fmt.Errorf("adapter_config.json: modules_to_save=%s is not supported (only low-rank deltas, no replaced full modules)", compact(raw.ModulesToSave))
	}
	if !isNullOrEmpty(raw.LayerReplication) {
		return Config{}, errors.New("adapter_config.json: layer_replication is not supported")
	}
	if raw.BaseModel != nil {
		c.BaseModel = *raw.BaseModel
	}
	if raw.TaskType != nil {
		c.TaskType = *raw.TaskType
	}
	if err := c.parseTargets(raw.TargetModules); err != nil {
		return Config{}, fmt.Errorf("adapter_config.json: target_modules: %w", err)
	}
	if err := c.parseLayers(raw.LayersToTransform); err != nil {
		return Config{}, fmt.Errorf("adapter_config.json: layers_to_transform: %w", err)
	}
	if !isNullOrEmpty(raw.LayersPattern) {
		var lp string
		if err := json.Unmarshal(raw.LayersPattern, &lp); err != nil || lp != "layers" {
			return Config{}, fmt.Errorf("adapter_config.json: layers_pattern=%s is not supported (llama-family models use \"layers\")", compact(raw.LayersPattern))
		}
	}
	return c, nil
}

func isNullOrEmpty(m json.RawMessage) bool {
	s := string(bytes.TrimSpace(m))
	return s == "" || s == "null" || s == "[]" || s == "{}"
}

func compact(m json.RawMessage) string {
	s := string(bytes.TrimSpace(m))
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	return s
}

// parseTargets accepts the forms PEFT writes: a list of module names or
// dotted suffixes (matched like PEFT: equal to the module path or ending in
// "."+entry), a regular expression string (matched in full), "all-linear",
// or null (PEFT's llama/mistral/qwen2 default: q_proj and v_proj).
func (c *Config) parseTargets(m json.RawMessage) error {
	if isNullOrEmpty(m) {
		c.targetList = []string{"q_proj", "v_proj"}
		c.TargetModules = []string{"q_proj", "v_proj"}
		return nil
	}
	var pattern string
	if err := json.Unmarshal(m, &pattern); err == nil {
		if pattern == "all-linear" {
			c.TargetPattern = pattern
			c.targetList = Modules[:]
			c.TargetModules = slices.Clone(Modules[:])
			return nil
		}
		if len(pattern) > 1024 {
			return fmt.Errorf("regular expression of %d bytes is too long", len(pattern))
		}
		re, err := regexp.Compile(`^(?:` + pattern + `)$`)
		if err != nil {
			return fmt.Errorf("regular expression %q (Go RE2 syntax): %w", pattern, err)
		}
		c.TargetPattern = pattern
		c.targetRe = re
		// Which modules it selects depends on the layer count: Load fills
		// TargetModules from the tensors.
		return nil
	}
	var list []string
	if err := json.Unmarshal(m, &list); err != nil {
		return fmt.Errorf("want a list of module names or a regular expression string: %w", err)
	}
	if len(list) > 64 {
		return fmt.Errorf("%d entries, over the limit of 64", len(list))
	}
	var mask [NumModules]bool
	for _, e := range list {
		found := false
		for mi := range Modules {
			if suffixMatch(ModulePath(0, mi), e) {
				mask[mi], found = true, true
			}
		}
		if !found {
			return fmt.Errorf("module %q is not supported (want %s)", e, strings.Join(Modules[:], ", "))
		}
	}
	c.targetList = list
	for mi, ok := range mask {
		if ok {
			c.TargetModules = append(c.TargetModules, Modules[mi])
		}
	}
	return nil
}

// suffixMatch is PEFT's list-form rule, for a path whose layer part does
// not matter (entries naming a layer are not meaningful in list form).
func suffixMatch(path, entry string) bool {
	if entry == "" {
		return false
	}
	return path == entry || strings.HasSuffix(path, "."+entry)
}

func (c *Config) parseLayers(m json.RawMessage) error {
	if isNullOrEmpty(m) {
		return nil
	}
	var one int
	if err := json.Unmarshal(m, &one); err == nil {
		m = json.RawMessage("[" + strconv.Itoa(one) + "]")
	}
	var list []int
	if err := json.Unmarshal(m, &list); err != nil {
		return fmt.Errorf("want an integer or a list of integers: %w", err)
	}
	if len(list) > maxLayers {
		return fmt.Errorf("%d entries, over the limit %d", len(list), maxLayers)
	}
	for _, l := range list {
		if l < 0 || l >= maxLayers {
			return fmt.Errorf("layer %d out of range", l)
		}
	}
	slices.Sort(list)
	c.LayersToTransform = slices.Compact(list)
	return nil
}

// Targets reports whether the config targets module mi of layer, following
// PEFT's rules: a regex is matched in full against ModulePath (and
// layers_to_transform does not apply); list entries match by dotted suffix,
// restricted to layers_to_transform when set.
func (c *Config) Targets(layer, mi int) bool {
	if c.targetRe != nil {
		return c.targetRe.MatchString(ModulePath(layer, mi))
	}
	if c.LayersToTransform != nil {
		if _, ok := slices.BinarySearch(c.LayersToTransform, layer); !ok {
			return false
		}
	}
	path := ModulePath(layer, mi)
	for _, e := range c.targetList {
		if suffixMatch(path, e) {
			return true
		}
	}
	return false
}

// ComputeScale is the factor applied to B·A: alpha/r, or alpha/sqrt(r)
// with rsLoRA.
func (c *Config) ComputeScale() float32 {
	if c.UseRSLoRA {
		return float32(c.Alpha / math.Sqrt(float64(c.R)))
	}
	return float32(c.Alpha / float64(c.R))
}

// canonical is the normalized config the adapter hash covers: only the
// fields that change the computation given the tensors. Which layers and
// modules are targeted is already fixed by the tensor names; the base model
// name is informational (the same weights may name it differently).
func (c *Config) canonical() []byte {
	return []byte(`{"lora_alpha":` + strconv.FormatFloat(c.Alpha, 'g', -1, 64) +
		`,"peft_type":"LORA","r":` + strconv.Itoa(c.R) +
		`,"use_rslora":` + strconv.FormatBool(c.UseRSLoRA) + `}`)
}

// MarshalPEFT writes c as a PEFT adapter_config.json: target_modules is
// TargetPattern when set, else the module list.
func (c *Config) MarshalPEFT() ([]byte, error) {
	var targets any = c.TargetModules
	if c.TargetPattern != "" {
		targets = c.TargetPattern
	} else if c.TargetModules == nil {
		targets = []string{}
	}
	out := map[string]any{
		"peft_type":               "LORA",
		"r":                       c.R,
		"lora_alpha":              c.Alpha,
		"target_modules":          targets,
		"use_rslora":              c.UseRSLoRA,
		"fan_in_fan_out":          false,
		"bias":                    "none",
		"base_model_name_or_path": c.BaseModel,
		"task_type":               "CAUSAL_LM",
		"lora_dropout":            0.0,
		"inference_mode":          true,
		"modules_to_save":         nil,
		"rank_pattern":            map[string]any{},
		"alpha_pattern":           map[string]any{},
		"use_dora":                false,
	}
	return json.MarshalIndent(out, "", "  ")
}
