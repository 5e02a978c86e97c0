package adapters

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/internal/cputime"
)

// BenchmarkJITLoad measures Acquire of an adapter that is not in engine
// memory, from the disk cache and from host RAM, for ranks 8/16/64 on the
// stories15M shape (dim 288, 6 layers, hidden 768) and the Llama-3.2-1B
// shape (dim 2048, 16 layers, hidden 8192), all seven linear modules
// targeted. Each iteration is Acquire + release with a memory budget of
// one byte, so every Acquire decodes afresh (parse, float conversion,
// hash verification, validation); p50/p99 are over the iterations.
// The disk case reads through the page cache (the files were just
// written): it measures the software path, not the device. cpu-ms/op is
// the process CPU time per load (decode hashes on a second goroutine).
//
//	go test ./inference/adapters -run XXX -bench JITLoad -benchtime 40x
//
// PAICHAIN_BENCH_1B=0 skips the 1B shape.
func BenchmarkJITLoad(b *testing.B) {
	shapes := []struct {
		name string
		cfg  model.Config
	}{{"15M", model.Stories15MConfig}, {"1B", model.OneBConfig}}
	for _, sh := range shapes {
		if sh.name == "1B" && os.Getenv("PAICHAIN_BENCH_1B") == "0" {
			continue
		}
		for _, r := range []int{8, 16, 64} {
			a, err := lora.Synthetic(sh.cfg, r, float64(2*r), nil, uint64(r), false)
			if err != nil {
				b.Fatal(err)
			}
			src := b.TempDir()
			if err := a.Save(src + "/" + a.HashHex()); err != nil {
				b.Fatal(err)
			}
			size := a.Bytes()
			for _, tier := range []string{"disk", "host"} {
				b.Run(fmt.Sprintf("%s/r%d/%s", sh.name, r, tier), func(b *testing.B) {
					cfg := StoreConfig{MemoryBudget: 1, CacheDir: b.TempDir(), Fetchers: []Fetcher{DirFetcher{Root: src}}}
					if tier == "disk" {
						cfg.HostBudget = -1
					}
					s, err := Open(cfg, sh.cfg)
					if err != nil {
						b.Fatal(err)
					}
					defer s.Close()
					_, rel, err := s.Acquire(context.Background(), a.Hash) // fills the disk cache
					if err != nil {
						b.Fatal(err)
					}
					rel()
					times := make([]time.Duration, 0, b.N)
					cpu0 := cputime.Process()
					b.ResetTimer()
					for b.Loop() {
						t0 := time.Now()
						_, rel, err := s.Acquire(context.Background(), a.Hash)
						if err != nil {
							b.Fatal(err)
						}
						times = append(times, time.Since(t0))
						rel()
					}
					b.StopTimer()
					cpu := cputime.Process() - cpu0
					st := s.Stats()
					if hits := map[string]uint64{"disk": st.Disk.Hits, "host": st.Host.Hits}[tier]; hits < uint64(len(times)) {
						b.Fatalf("%s hits %d for %d loads: the benchmark measured another tier (%+v)", tier, hits, len(times), st)
					}
					p50, p99 := quantiles(times)
					b.ReportMetric(ms(p50), "p50-ms")
					b.ReportMetric(ms(p99), "p99-ms")
					b.ReportMetric(float64(size)/(1<<20), "MiB")
					b.ReportMetric(ms(cpu)/float64(len(times)), "cpu-ms/op")
				})
			}
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// quantiles returns the nearest-rank p50 and p99.
func quantiles(ts []time.Duration) (p50, p99 time.Duration) {
	s := slices.Clone(ts)
	slices.Sort(s)
	at := func(q float64) time.Duration {
		i := int(q*float64(len(s))+0.999999) - 1
		return s[max(0, min(i, len(s)-1))]
	}
	return at(0.50), at(0.99)
}
