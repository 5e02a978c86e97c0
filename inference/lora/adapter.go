// Package lora loads PEFT LoRA adapters for llama-family models, applies
// them to batches where every row may use a different adapter (SGMV/BGMV
// semantics, batch-invariant), and merges several adapters into one.
package lora

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/paichain/paichain/inference/safetensors"
)

// File names of a PEFT adapter directory.
const (
	ConfigFile  = "adapter_config.json"
	WeightsFile = "adapter_model.safetensors"
)

// MaxWeightsBytes bounds adapter_model.safetensors (8 GiB): far above any
// real LoRA, low enough to refuse a hostile source's endless file.
const MaxWeightsBytes = 8 << 30

// ErrFormat wraps every error caused by malformed or inconsistent adapter
// files (as opposed to I/O errors), so stores can tell a bad adapter from a
// failing disk with errors.Is.
var ErrFormat = errors.New("lora: invalid adapter")

// Pair is one module's low-rank factors, row-major float32 as PEFT stores
// them: A is lora_A.weight [R][In], B is lora_B.weight [Out][R].
type Pair struct {
	A, B       []float32
	R, In, Out int
}

// Adapter is a decoded LoRA adapter: per layer and module, a Pair or nil.
// It is immutable once built and safe for concurrent use.
type Adapter struct {
	// Hash is SHA-256 over the normalized config and the tensors sorted by
	// name (see docs/inference-lora.md, "Hashing").
	Hash   [32]byte
	Config Config
	// Scale multiplies B·A: alpha/r, or alpha/sqrt(r) with rsLoRA.
	Scale  float32
	layers [][NumModules]*Pair
}

// Pair returns the factors for module ("q_proj", ...) of layer, or nil if
// the adapter does not target it.
func (a *Adapter) Pair(layer int, module string) *Pair {
	mi, ok := ModuleIndex(module)
	if !ok {
		return nil
	}
	return a.PairAt(layer, mi)
}

// PairAt is Pair with the module given by its index in Modules.
func (a *Adapter) PairAt(layer, mi int) *Pair {
	if a == nil || layer < 0 || layer >= len(a.layers) || mi < 0 || mi >= NumModules {
		return nil
	}
	return a.layers[layer][mi]
}

// NumLayers is the number of layers the adapter spans.
func (a *Adapter) NumLayers() int { return len(a.layers) }

// HashHex is the adapter hash in lowercase hex.
func (a *Adapter) HashHex() string { return hex.EncodeToString(a.Hash[:]) }

// pairOverhead approximates the bookkeeping bytes of one Pair.
const pairOverhead = 96

// Bytes is the adapter's memory footprint: its float32 factors plus
// bookkeeping. Stores budget engine memory with it.
func (a *Adapter) Bytes() int64 {
	n := int64(256 + len(a.layers)*NumModules*8)
	for _, l := range a.layers {
		for _, p := range l {
			if p != nil {
				n += int64(4*(len(p.A)+len(p.B))) + pairOverhead
			}
		}
	}
	return n
}

// Load reads a PEFT adapter directory (adapter_config.json +
// adapter_model.safetensors). layers is the base model's layer count (0 to
// infer it from the tensors); tensors beyond it are an error.
func Load(dir string, layers int) (*Adapter, error) {
	cfg, weights, err := ReadFiles(dir)
	if err != nil {
		return nil, err
	}
	a, err := Decode(cfg, weights, layers)
	if err != nil {
		return nil, fmt.Errorf("lora: %s: %w", dir, err)
	}
	return a, nil
}

// ReadFiles reads the two files of a PEFT adapter directory, refusing
// oversized ones before reading them.
func ReadFiles(dir string) (config, weights []byte, err error) {
	config, err = readLimited(filepath.Join(dir, ConfigFile), MaxConfigBytes)
	if err != nil {
		return nil, nil, err
	}
	weights, err = readLimited(filepath.Join(dir, WeightsFile), MaxWeightsBytes)
	if err != nil {
		return nil, nil, err
	}
	return config, weights, nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("lora: %w", err)
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("lora: %s: %d bytes, over the %d-byte limit: %w", path, st.Size(), limit, ErrFormat)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("lora: %w", err)
	}
	return b, nil
}

// Decode builds an adapter from the bytes of adapter_config.json and
// adapter_model.safetensors, validating names, shapes, ranks and values and
// computing the hash. layers as for Load.
func Decode(config, weights []byte, layers int) (*Adapter, error) {
	return decode(config, weights, layers, nil)
}

// DecodeTrusted is Decode for bytes already verified to hash to hash (a
// store's host-RAM copy): everything is validated except that the hash is
// taken as given instead of recomputed.
func DecodeTrusted(config, weights []byte, layers int, hash [32]byte) (*Adapter, error) {
	return decode(config, weights, layers, &hash)
}

func decode(config, weights []byte, layers int, trusted *[32]byte) (*Adapter, error) {
	cfg, err := ParseConfig(config)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if layers < 0 || layers > maxLayers {
		return nil, fmt.Errorf("lora: layer count %d out of range", layers)
	}
	tensors, names, _, err := safetensors.Parse(weights)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", WeightsFile, ErrFormat, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s has no tensors: %w", WeightsFile, ErrFormat)
	}
	type parsed struct {
		layer, mi int
		which     byte
	}
	ps := make([]parsed, len(names))
	maxLayer := -1
	for i, name := range names {
		l, mi, w, err := ParseTensorName(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %w", WeightsFile, ErrFormat, err)
		}
		if layers > 0 && l >= layers {
			return nil, fmt.Errorf("%s: tensor %q is for layer %d but the base model has %d layers: %w", WeightsFile, name, l, layers, ErrFormat)
		}
		if !cfg.Targets(l, mi) {
			return nil, fmt.Errorf("%s: tensor %q is for a module target_modules does not select: %w", WeightsFile, name, ErrFormat)
		}
		ps[i] = parsed{l, mi, w}
		maxLayer = max(maxLayer, l)
	}
	if layers == 0 {
		layers = maxLayer + 1
	}
	// Hash on another goroutine while the tensors are converted: SHA-256
	// is a third of the decode time.
	var hashed chan [32]byte
	if trusted == nil {
		hashed = make(chan [32]byte, 1)
		go func() { hashed <- hashTensors(&cfg, names, tensors) }()
	}
	a := &Adapter{Config: cfg, layers: make([][NumModules]*Pair, layers)}
	for i, name := range names {
		p := ps[i]
		t := tensors[name]
		switch t.DType {
		case safetensors.F32, safetensors.F16, safetensors.BF16, safetensors.F64:
		default:
			return nil, fmt.Errorf("%s: tensor %q has dtype %s, want a float type: %w", WeightsFile, name, t.DType, ErrFormat)
		}
		if len(t.Shape) != 2 || t.Shape[0] <= 0 || t.Shape[1] <= 0 {
			return nil, fmt.Errorf("%s: tensor %q has shape %v, want 2 positive dimensions: %w", WeightsFile, name, t.Shape, ErrFormat)
		}
		vals, err := finiteFloat32(t)
		if err != nil {
			return nil, fmt.Errorf("%s: tensor %q: %w: %w", WeightsFile, name, ErrFormat, err)
		}
		pair := a.layers[p.layer][p.mi]
		if pair == nil {
			pair = &Pair{}
			a.layers[p.layer][p.mi] = pair
		}
		if p.which == 'A' {
			if t.Shape[0] != cfg.R {
				return nil, fmt.Errorf("%s: tensor %q has shape %v, want [r=%d, in]: %w", WeightsFile, name, t.Shape, cfg.R, ErrFormat)
			}
			pair.A, pair.In = vals, t.Shape[1]
		} else {
			if t.Shape[1] != cfg.R {
				return nil, fmt.Errorf("%s: tensor %q has shape %v, want [out, r=%d]: %w", WeightsFile, name, t.Shape, cfg.R, ErrFormat)
			}
			pair.B, pair.Out = vals, t.Shape[0]
		}
		pair.R = cfg.R
	}
	for l := range a.layers {
		for mi, p := range a.layers[l] {
			if p == nil {
				continue
			}
			if p.A == nil || p.B == nil {
				missing := "lora_B"
				if p.A == nil {
					missing = "lora_A"
				}
				return nil, fmt.Errorf("%s: layer %d %s has no %s tensor: %w", WeightsFile, l, Modules[mi], missing, ErrFormat)
			}
		}
	}
	if err := a.checkConsistent(true); err != nil {
		return nil, err
	}
	a.Config.TargetModules = a.presentModules()
	a.Scale = a.Config.ComputeScale()
	if trusted != nil {
		a.Hash = *trusted
	} else {
		a.Hash = <-hashed
	}
	return a, nil
}

// finiteFloat32 converts a float tensor to float32, refusing NaN and ±Inf
// (one NaN in an adapter poisons every token of every request using it).
// F32, the common case, is converted and checked in one pass.
func finiteFloat32(t safetensors.Tensor) ([]float32, error) {
	if t.DType != safetensors.F32 {
		vals, err := t.Float32()
		if err != nil {
			return nil, err
		}
		for j, v := range vals {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return nil, fmt.Errorf("element %d is %v", j, v)
			}
		}
		return vals, nil
	}
	n := len(t.Data) / 4
	if len(t.Data) != 4*n || n != t.NumElements() {
		return nil, fmt.Errorf("%d bytes for shape %v", len(t.Data), t.Shape)
	}
	vals := make([]float32, n)
	d := t.Data[:4*n]
	bad := uint32(0)
	for j := range vals {
		bits := binary.LittleEndian.Uint32(d[4*j:])
		bad |= (bits & 0x7f800000) ^ 0x7f800000 - 1 // high bit set iff exponent all ones
		vals[j] = math.Float32frombits(bits)
	}
	if bad&0x80000000 != 0 {
		for j, v := range vals {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return nil, fmt.Errorf("element %d is %v", j, v)
			}
		}
	}
	return vals, nil
}

// checkConsistent verifies that a module has the same widths in every
// layer and, when complete is set, that every targeted module of every
// layer has factors.
func (a *Adapter) checkConsistent(complete bool) error {
	var in, out [NumModules]int
	for l := range a.layers {
		for mi, p := range a.layers[l] {
			if p == nil {
				if complete && a.Config.Targets(l, mi) {
					return fmt.Errorf("%s: target_modules selects layer %d %s but it has no tensors: %w", WeightsFile, l, Modules[mi], ErrFormat)
				}
				continue
			}
			if len(p.A) != p.R*p.In || len(p.B) != p.Out*p.R || p.R <= 0 {
				return fmt.Errorf("layer %d %s: factor sizes do not match r=%d in=%d out=%d: %w", l, Modules[mi], p.R, p.In, p.Out, ErrFormat)
			}
			if in[mi] == 0 {
				in[mi], out[mi] = p.In, p.Out
			} else if in[mi] != p.In || out[mi] != p.Out {
				return fmt.Errorf("layer %d %s is [%d→%d] but another layer's is [%d→%d]: %w", l, Modules[mi], p.In, p.Out, in[mi], out[mi], ErrFormat)
			}
		}
	}
	return nil
}

func (a *Adapter) presentModules() []string {
	var mask [NumModules]bool
	for _, l := range a.layers {
		for mi, p := range l {
			mask[mi] = mask[mi] || p != nil
		}
	}
	var out []string
	for mi, ok := range mask {
		if ok {
			out = append(out, Modules[mi])
		}
	}
	return out
}

// hashDomain separates adapter hashes from every other SHA-256 use.
const hashDomain = "paichain/lora-adapter/v1\x00"

// hashTensors is the canonical adapter hash: domain, normalized config, then
// for every tensor in name order its name, dtype, shape and raw bytes, each
// length-prefixed (little-endian uint64) so no two inputs collide.
func hashTensors(cfg *Config, sortedNames []string, tensors map[string]safetensors.Tensor) [32]byte {
	h := newHasher(cfg)
	for _, name := range sortedNames {
		t := tensors[name]
		h.header(name, string(t.DType), t.Shape)
		h.u64(uint64(len(t.Data)))
		h.d.Write(t.Data)
	}
	return h.sum()
}

type hasher struct {
	d   hash.Hash
	buf [8]byte
}

func newHasher(cfg *Config) *hasher {
	h := &hasher{d: sha256.New()}
	h.d.Write([]byte(hashDomain))
	canon := cfg.canonical()
	h.u64(uint64(len(canon)))
	h.d.Write(canon)
	return h
}

func (h *hasher) sum() (out [32]byte) {
	copy(out[:], h.d.Sum(nil))
	return out
}

func (h *hasher) u64(v uint64) {
	binary.LittleEndian.PutUint64(h.buf[:], v)
	h.d.Write(h.buf[:])
}

func (h *hasher) str(s string) {
	h.u64(uint64(len(s)))
	h.d.Write([]byte(s))
}

func (h *hasher) header(name, dtype string, shape []int) {
	h.str(name)
	h.str(dtype)
	h.u64(uint64(len(shape)))
	for _, d := range shape {
		h.u64(uint64(d))
	}
}

// NewAdapter builds an adapter from in-memory factors (one [NumModules]
// array per base-model layer), e.g. a merge result or a synthetic adapter.
// cfg.R must be the rank of every pair. Its hash equals the hash of the
// F32 PEFT files Save writes for it.
func NewAdapter(cfg Config, layers [][NumModules]*Pair) (*Adapter, error) {
	if cfg.R < 1 || cfg.R > MaxRank {
		return nil, fmt.Errorf("lora: rank %d out of range [1, %d]", cfg.R, MaxRank)
	}
	if len(layers) == 0 || len(layers) > maxLayers {
		return nil, fmt.Errorf("lora: %d layers out of range", len(layers))
	}
	a := &Adapter{Config: cfg, layers: layers}
	any := false
	for l := range layers {
		for mi, p := range layers[l] {
			if p == nil {
				continue
			}
			any = true
			if p.R != cfg.R {
				return nil, fmt.Errorf("lora: layer %d %s has rank %d, config says %d", l, Modules[mi], p.R, cfg.R)
			}
		}
	}
	if !any {
		return nil, errors.New("lora: adapter has no factors")
	}
	if err := a.checkConsistent(false); err != nil {
		return nil, err
	}
	a.Config.TargetModules = a.presentModules()
	a.Config.targetRe, a.Config.targetList, a.Config.LayersToTransform = nil, nil, nil
	a.Config.TargetPattern = a.targetPattern()
	if a.Config.TargetPattern != "" {
		a.Config.targetRe = regexp.MustCompile(`^(?:` + a.Config.TargetPattern + `)$`)
	} else {
		a.Config.targetList = a.Config.TargetModules
	}
	a.Scale = a.Config.ComputeScale()
	a.Hash = a.computeHash()
	return a, nil
}

// targetPattern is "" when every layer has the same modules (target_modules
// can be a plain list), otherwise a regex selecting exactly the present
// (layer, module) pairs, so that Save output reloads with the same set.
func (a *Adapter) targetPattern() string {
	rect := true
	for _, l := range a.layers {
		for mi, p := range l {
			if (p != nil) != (a.layers[0][mi] != nil) {
				rect = false
			}
		}
	}
	if rect {
		return ""
	}
	var alts []string
	for l := range a.layers {
		for mi, p := range a.layers[l] {
			if p != nil {
				alts = append(alts, regexp.QuoteMeta(ModulePath(l, mi)))
			}
		}
	}
	return strings.Join(alts, "|")
}

// computeHash hashes in-memory factors as the F32 tensors Save writes.
func (a *Adapter) computeHash() [32]byte {
	type ref struct {
		name string
		vals []float32
		rows int
		cols int
	}
	var refs []ref
	for l := range a.layers {
		for mi, p := range a.layers[l] {
			if p == nil {
				continue
			}
			refs = append(refs,
				ref{TensorName(l, mi, 'A'), p.A, p.R, p.In},
				ref{TensorName(l, mi, 'B'), p.B, p.Out, p.R})
		}
	}
	slices.SortFunc(refs, func(x, y ref) int { return strings.Compare(x.name, y.name) })
	h := newHasher(&a.Config)
	buf := make([]byte, 0, 4096)
	for _, r := range refs {
		h.header(r.name, string(safetensors.F32), []int{r.rows, r.cols})
		h.u64(uint64(4 * len(r.vals)))
		for _, v := range r.vals {
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(v))
			if len(buf) == cap(buf) {
				h.d.Write(buf)
				buf = buf[:0]
			}
		}
		h.d.Write(buf)
		buf = buf[:0]
	}
	return h.sum()
}

// Encode serializes the adapter as PEFT files (F32 tensors).
func (a *Adapter) Encode() (config, weights []byte, err error) {
	tensors := make(map[string]safetensors.Tensor)
	for l := range a.layers {
		for mi, p := range a.layers[l] {
			if p == nil {
				continue
			}
			ta, err := safetensors.FromFloat32("", safetensors.F32, []int{p.R, p.In}, p.A)
			if err != nil {
				return nil, nil, err
			}
			tb, err := safetensors.FromFloat32("", safetensors.F32, []int{p.Out, p.R}, p.B)
			if err != nil {
				return nil, nil, err
			}
			tensors[TensorName(l, mi, 'A')] = ta
			tensors[TensorName(l, mi, 'B')] = tb
		}
	}
	weights, err = safetensors.Encode(tensors, map[string]string{"format": "pt"})
	if err != nil {
		return nil, nil, fmt.Errorf("lora: encode: %w", err)
	}
	config, err = a.Config.MarshalPEFT()
	if err != nil {
		return nil, nil, fmt.Errorf("lora: encode config: %w", err)
	}
	return config, weights, nil
}

// Save writes the adapter as a PEFT directory (created if needed).
func (a *Adapter) Save(dir string) error {
	config, weights, err := a.Encode()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("lora: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, WeightsFile), weights, 0o644); err != nil {
		return fmt.Errorf("lora: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ConfigFile), config, 0o644); err != nil {
		return fmt.Errorf("lora: %w", err)
	}
	return nil
}
