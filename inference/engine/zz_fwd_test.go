package engine

import (
	"testing"

	"github.com/paichain/paichain/inference/kvcache"
)

func BenchmarkFwdStep260K(b *testing.B) {
	m := loadStories(b)
	kv, _ := kvcache.New(kvcache.Config{Layers: m.Config.NLayers, KVDim: m.Config.KVDim(), BlockSize: 16, NumBlocks: 32})
	f, _ := NewForward(m, kv, 1)
	var seq kvcache.Seq
	kv.Reserve(&seq, 256)
	toks := make([]int, 128)
	f.Run([]Chunk{{Seq: &seq, Start: 0, Tokens: toks, Logits: LogitsLast}})
	c0 := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Run([]Chunk{{Seq: &seq, Start: 128, Tokens: []int{5}, Logits: LogitsLast}})
	}
	b.ReportMetric(float64(b.N)/(processCPU()-c0).Seconds(), "cpu-tok/s")
}
