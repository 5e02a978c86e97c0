package lora

import (
	"fmt"

	"github.com/paichain/paichain/inference/model"
)

// Validate checks an adapter against the base model it will be applied to:
// layer count, every factor's input/output width, and, for adapters loaded
// from PEFT files, that every module target_modules selects has factors.
// Errors name the layer, module and both shapes.
func Validate(a *Adapter, cfg model.Config) error {
	if a == nil {
		return fmt.Errorf("lora: nil adapter")
	}
	if a.NumLayers() > cfg.NLayers {
		return fmt.Errorf("lora: adapter %s spans %d layers, base model has %d: %w", a.HashHex()[:12], a.NumLayers(), cfg.NLayers, ErrFormat)
	}
	for l := 0; l < cfg.NLayers; l++ {
		for mi := range Modules {
			p := a.PairAt(l, mi)
			if p == nil {
				if a.Config.Targets(l, mi) {
					return fmt.Errorf("lora: adapter %s targets layer %d %s but has no factors for it (base model has %d layers): %w", a.HashHex()[:12], l, Modules[mi], cfg.NLayers, ErrFormat)
				}
				continue
			}
			in, out, err := cfg.LinearShape(Modules[mi])
			if err != nil {
				return err
			}
			if p.In != in || p.Out != out {
				return fmt.Errorf("lora: adapter %s layer %d %s: lora_A is [%d, %d] and lora_B [%d, %d], base linear is [out=%d, in=%d] (want lora_A [r, %d], lora_B [%d, r]): %w",
					a.HashHex()[:12], l, Modules[mi], p.R, p.In, p.Out, p.R, out, in, in, out, ErrFormat)
			}
		}
	}
	return nil
}
