package engine

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"

	"github.com/paichain/paichain/inference/kvcache"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/internal/cputime"
	"github.com/paichain/paichain/internal/testutil"
)

// benchModel is a decode benchmark subject: the model and its llama2.c file
// and tokenizer (so run.c can decode the very same weights).
type benchModel struct {
	name, bin, tok string
	m              *model.Model
}

// benchModels: stories260K and the stories15M-shaped synthetic model
// (seed 1, written as a llama2.c checkpoint for run.c).
func benchModels(b *testing.B) []benchModel {
	m260, err := model.Load(testutil.SharedFile(b, "testdata/llama2c/stories260K.bin"))
	if err != nil {
		b.Fatal(err)
	}
	m15, err := model.NewSynthetic(model.Stories15MConfig, 1)
	if err != nil {
		b.Fatal(err)
	}
	bin15 := filepath.Join(b.TempDir(), "synth15M.bin")
	if err := model.WriteLlama2c(bin15, m15); err != nil {
		b.Fatal(err)
	}
	return []benchModel{
		{"stories260K", testutil.SharedFile(b, "testdata/llama2c/stories260K.bin"), testutil.SharedFile(b, "testdata/llama2c/tok512.bin"), m260},
		{"synth15M", bin15, testutil.SharedFile(b, "testdata/llama2c/tokenizer.bin"), m15},
	}
}

// BenchmarkDecode reports single-stream greedy decode tok/s (run.c's
// method: 256 steps from BOS, first token untimed) for 1 and 2 workers.
func BenchmarkDecode(b *testing.B) {
	for _, bm := range benchModels(b) {
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", bm.name, w), func(b *testing.B) {
				var tps float64
				for i := 0; i < b.N; i++ {
					r, err := BenchDecode(bm.m, 256, w)
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

var runcTokPerSec = regexp.MustCompile(`achieved tok/s: ([0-9.]+)`)

// BenchmarkDecodeVsRunC runs llama2.c's run.c (path in PAICHAIN_RUNC; build
// it outside the repository, see docs/BENCHMARKS.md) and our engine on the
// same checkpoints, alternating, PAICHAIN_BENCH_ROUNDS times (default 5). It
// reports medians of wall-clock tok/s (run.c's own figure; ours with 1 and 2
// workers) and of CPU-time tok/s (tokens per CPU-second of the process: run.c
// 255 tokens over its whole run, ours over the timed tokens), which stays
// meaningful when other jobs share the cores.
func BenchmarkDecodeVsRunC(b *testing.B) {
	runc := os.Getenv("PAICHAIN_RUNC")
	if runc == "" {
		b.Skip("set PAICHAIN_RUNC to a run.c binary")
	}
	rounds := 5
	if v, err := strconv.Atoi(os.Getenv("PAICHAIN_BENCH_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	for _, bm := range benchModels(b) {
		b.Run(bm.name, func(b *testing.B) {
			var rc, rcCPU, one, oneCPU, two []float64
			for i := 0; i < rounds; i++ {
				cmd := exec.Command(runc, bm.bin, "-z", bm.tok, "-t", "0", "-n", "256", "-i", "")
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("run.c: %v\n%s", err, out)
				}
				mt := runcTokPerSec.FindSubmatch(out)
				if mt == nil {
					b.Fatalf("run.c printed no tok/s:\n%s", out)
				}
				v, _ := strconv.ParseFloat(string(mt[1]), 64)
				rc = append(rc, v)
				cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				rcCPU = append(rcCPU, 255/cpu.Seconds())
				for _, w := range []int{1, 2} {
					r, err := BenchDecode(bm.m, 256, w)
					if err != nil {
						b.Fatal(err)
					}
					if w == 1 {
						one = append(one, r.TokPerSec)
						oneCPU = append(oneCPU, r.CPUTokPerSec)
					} else {
						two = append(two, r.TokPerSec)
					}
				}
			}
			mr, m1, m2 := median(rc), median(one), median(two)
			b.ReportMetric(mr, "runc-tok/s")
			b.ReportMetric(m1, "ours1-tok/s")
			b.ReportMetric(m2, "ours2-tok/s")
			b.ReportMetric(m1/mr, "ratio1")
			b.ReportMetric(m2/mr, "ratio2")
			b.ReportMetric(median(rcCPU), "runc-cpu-tok/s")
			b.ReportMetric(median(oneCPU), "ours1-cpu-tok/s")
			b.ReportMetric(median(oneCPU)/median(rcCPU), "cpu-ratio1")
		})
	}
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// BenchmarkDecode1B decodes 32 tokens on a synthetic Llama-3.2-1B-shaped
// model. It needs ~15 GB while building the weights and minutes of CPU, so it
// runs only with PAICHAIN_BENCH_1B=1 (never in CI).
func BenchmarkDecode1B(b *testing.B) {
	if os.Getenv("PAICHAIN_BENCH_1B") == "" {
		b.Skip("set PAICHAIN_BENCH_1B=1 to run (needs ~15 GB of memory)")
	}
	m, err := model.NewSynthetic(model.OneBConfig, 1)
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			var tps float64
			for i := 0; i < b.N; i++ {
				r, err := BenchDecode(m, 33, w)
				if err != nil {
					b.Fatal(err)
				}
				tps += r.TokPerSec
			}
			b.ReportMetric(tps/float64(b.N), "tok/s")
		})
	}
}

// BenchmarkForwardStep times one decode step of the forward pass alone (no
// scheduler) at position 128, for 1 and 2 workers; cpu-tok/s counts process
// CPU time, so it is meaningful on a shared machine.
func BenchmarkForwardStep(b *testing.B) {
	for _, bm := range benchModels(b) {
		m := bm.m
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", bm.name, w), func(b *testing.B) {
				kv, err := kvcache.New(kvcache.Config{Layers: m.Config.NLayers, KVDim: m.Config.KVDim(), BlockSize: 16, NumBlocks: 16})
				if err != nil {
					b.Fatal(err)
				}
				f, err := NewForward(m, kv, w)
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				var seq kvcache.Seq
				if err := kv.Reserve(&seq, 129); err != nil {
					b.Fatal(err)
				}
				if _, err := f.Run([]Chunk{{Seq: &seq, Tokens: make([]int, 128), Logits: LogitsLast}}); err != nil {
					b.Fatal(err)
				}
				c0 := cputime.Process()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, err := f.Run([]Chunk{{Seq: &seq, Start: 128, Tokens: []int{5}, Logits: LogitsLast}}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/(cputime.Process()-c0).Seconds(), "cpu-tok/s")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tok/s")
			})
		}
	}
}
