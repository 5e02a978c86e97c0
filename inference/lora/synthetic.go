package lora

import (
	"fmt"
	"math"

	"github.com/paichain/paichain/inference/model"
)

// splitmix64 is a tiny seeded generator (Steele et al.), used for synthetic
// adapters and the seeded merge methods; the same seed always gives the
// same stream on every platform.
type splitmix64 struct{ s uint64 }

func (r *splitmix64) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix64(r.s)
}

func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// float64 is uniform in [0, 1).
func (r *splitmix64) float64() float64 { return float64(r.next()>>11) / (1 << 53) }

// normal is a standard normal deviate (Box–Muller).
func (r *splitmix64) normal() float64 {
	u1 := 1 - r.float64() // (0, 1]
	u2 := r.float64()
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// Synthetic builds a seeded random adapter for a base model: real PEFT
// names and shapes, A uniform in ±1/sqrt(in) (PEFT's kaiming-uniform range)
// and B uniform in ±1/sqrt(r) — non-zero, unlike a freshly initialized
// PEFT adapter, so it visibly changes the model's outputs. targets nil
// means all seven linear modules.
func Synthetic(cfg model.Config, r int, alpha float64, targets []string, seed uint64, rslora bool) (*Adapter, error) {
	if cfg.NLayers <= 0 {
		return nil, fmt.Errorf("lora: synthetic adapter: base model has %d layers", cfg.NLayers)
	}
	if targets == nil {
		targets = Modules[:]
	}
	var mask [NumModules]bool
	for _, t := range targets {
		mi, ok := ModuleIndex(t)
		if !ok {
			return nil, fmt.Errorf("lora: synthetic adapter: unknown module %q", t)
		}
		mask[mi] = true
	}
	rng := splitmix64{s: seed}
	layers := make([][NumModules]*Pair, cfg.NLayers)
	for l := range layers {
		for mi, on := range mask {
			if !on {
				continue
			}
			in, out, err := cfg.LinearShape(Modules[mi])
			if err != nil {
				return nil, err
			}
			p := &Pair{A: make([]float32, r*in), B: make([]float32, out*r), R: r, In: in, Out: out}
			sa, sb := 1/math.Sqrt(float64(in)), 1/math.Sqrt(float64(r))
			for i := range p.A {
				p.A[i] = float32((2*rng.float64() - 1) * sa)
			}
			for i := range p.B {
				p.B[i] = float32((2*rng.float64() - 1) * sb)
			}
			layers[l][mi] = p
		}
	}
	c := Config{R: r, Alpha: alpha, UseRSLoRA: rslora, BaseModel: fmt.Sprintf("synthetic/%s-%dL-%d", cfg.Arch, cfg.NLayers, cfg.Dim), TaskType: "CAUSAL_LM"}
	if !(alpha > 0) {
		return nil, fmt.Errorf("lora: synthetic adapter: alpha %v must be positive", alpha)
	}
	return NewAdapter(c, layers)
}

// WriteSynthetic writes a seeded PEFT-format adapter directory (see
// Synthetic) for tests and benchmarks.
func WriteSynthetic(dir string, cfg model.Config, r int, alpha float64, targets []string, seed uint64, rslora bool) error {
	a, err := Synthetic(cfg, r, alpha, targets, seed, rslora)
	if err != nil {
		return err
	}
	return a.Save(dir)
}
