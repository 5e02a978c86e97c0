package engine

import (
	"os"
	"testing"

	"github.com/paichain/paichain/inference/model"
)

// benchModels: stories260K and the stories15M-shaped synthetic model (the
// same weights `model.WriteLlama2c` writes for run.c, see BENCHMARKS.md).
func benchModels(b *testing.B) map[string]*model.Model {
	m15, err := model.NewSynthetic(model.Stories15MConfig, 1)
	if err != nil {
		b.Fatal(err)
	}
	return map[string]*model.Model{"stories260K": loadStories(b), "synth15M": m15}
}

// BenchmarkDecode reports single-stream greedy decode tok/s (run.c's
// method: 256 steps, first token untimed) for 1 and 2 workers.
func BenchmarkDecode(b *testing.B) {
	if os.Getenv("PAICHAIN_BENCH_SKIP") != "" {
		b.Skip()
	}
	models := benchModels(b)
	for _, name := range []string{"stories260K", "synth15M"} {
		for _, w := range []int{1, 2} {
			b.Run(name+"/workers="+string(rune('0'+w)), func(b *testing.B) {
				var tps float64
				for i := 0; i < b.N; i++ {
					r, err := BenchDecode(models[name], 256, w)
					if err != nil {
						b.Fatal(err)
					}
					tps += r.TokPerSec
				}
				b.ReportMetric(tps/float64(b.N), "tok/s")
			})
		}
	}
}
