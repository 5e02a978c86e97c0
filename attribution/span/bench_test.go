package span

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/sa"
	"github.com/paichain/paichain/internal/cputime"
)

// Benchmarks run on a synthetic Zipf corpus of ATTRIBUTION_BENCH_TOKENS
// tokens (default 1M) over a 32k vocabulary, built once and cached in
// ATTRIBUTION_BENCH_DIR (default $TMPDIR/paichain-attribution-bench-<N>):
//
//	ATTRIBUTION_BENCH_TOKENS=10000000 go test -run x -bench . -benchtime 1x ./attribution/span/

func benchTokens(b *testing.B) int64 {
	n := int64(1_000_000)
	if s := os.Getenv("ATTRIBUTION_BENCH_TOKENS"); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v <= 0 {
			b.Fatalf("ATTRIBUTION_BENCH_TOKENS=%q", s)
		}
		n = v
	}
	return n
}

func benchConfig(dir string) datanet.Config {
	return datanet.Config{Dir: dir, Name: "bench", Tokenizer: datanet.TokenizerInfo{Name: "synthetic-zipf", VocabSize: 32000}}
}

func benchDir(b *testing.B) string {
	if dir := os.Getenv("ATTRIBUTION_BENCH_DIR"); dir != "" {
		return dir
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("paichain-attribution-bench-%d", benchTokens(b)))
}

func cached(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, datanet.ManifestFile))
	return err == nil
}

// benchDatanet opens (building if needed) the cached benchmark corpus.
func benchDatanet(b *testing.B) *datanet.Datanet {
	n := benchTokens(b)
	dir := benchDir(b)
	if !cached(dir) {
		if _, err := datanet.Build(benchConfig(dir), datanet.Synthetic(n, 32000, 512, 1000, 1)); err != nil {
			b.Fatal(err)
		}
	}
	dn, err := datanet.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { dn.Close() })
	return dn
}

// peakRSS reads the process's peak resident set (VmHWM) in MiB; resetPeak
// restarts it (Linux; a no-op elsewhere).
func peakRSS() float64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

func resetPeak() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// BenchmarkDatanetBuild is the whole `datanet build` of the corpus: token
// array, suffix array (external, default chunk), document table, counts,
// Merkle trees and manifest.
func BenchmarkDatanetBuild(b *testing.B) {
	n := benchTokens(b)
	chunk := sa.DefaultChunk
	if s := os.Getenv("ATTRIBUTION_BENCH_CHUNK"); s != "" {
		chunk, _ = strconv.Atoi(s)
	}
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		if i == 0 && !cached(benchDir(b)) { // the first build fills the cache
			dir = benchDir(b)
			os.RemoveAll(dir)
		}
		resetPeak()
		start, cpu := time.Now(), cputime.Process()
		cfg := benchConfig(dir)
		cfg.SA.ChunkSuffixes = chunk
		m, err := datanet.Build(cfg, datanet.Synthetic(n, 32000, 512, 1000, 1))
		if err != nil {
			b.Fatal(err)
		}
		el, cpuEl := time.Since(start), cputime.Process()-cpu
		b.ReportMetric(cpuEl.Seconds(), "cpu-s/build")
		committed := m.Files.Tokens.Bytes + m.Files.SA.Bytes + m.Files.Docs.Bytes + m.Files.Counts.Bytes + 4*datanet.HeaderSize
		b.ReportMetric(float64(committed)/float64(m.Suffixes), "bytes/token")
		b.ReportMetric(float64(m.Files.SA.Bytes+m.Files.Tokens.Bytes)/float64(m.Suffixes), "tok+sa-bytes/token")
		b.ReportMetric(peakRSS(), "peak-RSS-MiB")
		b.ReportMetric(el.Seconds(), "s/build")
	}
}

// BenchmarkSuffixArray is sa.Build alone over the cached corpus's token
// array (ATTRIBUTION_BENCH_CHUNK sets the in-memory chunk).
func BenchmarkSuffixArray(b *testing.B) {
	dn := benchDatanet(b)
	opt := sa.Options{TempDir: b.TempDir()}
	if s := os.Getenv("ATTRIBUTION_BENCH_CHUNK"); s != "" {
		opt.ChunkSuffixes, _ = strconv.Atoi(s)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resetPeak()
		f, err := os.Create(filepath.Join(b.TempDir(), "sa.bin"))
		if err != nil {
			b.Fatal(err)
		}
		start, cpu := time.Now(), cputime.Process()
		if _, err := sa.Build(dn.Text, f, dn.SA.Width, opt); err != nil {
			b.Fatal(err)
		}
		f.Close()
		b.ReportMetric(time.Since(start).Seconds(), "s/build")
		b.ReportMetric((cputime.Process() - cpu).Seconds(), "cpu-s/build")
		b.ReportMetric(peakRSS(), "peak-RSS-MiB")
	}
	b.ReportMetric(float64(dn.Manifest.Suffixes), "tokens")
}

// benchOutputs are 256-token outputs that mix stretches copied from corpus
// documents (8..40 tokens, as a model quoting its data) with tokens drawn
// from the corpus's own unigram distribution.
func benchOutputs(dn *datanet.Datanet, n int) [][]int {
	r := rand.New(rand.NewPCG(42, 42))
	var outs [][]int
	for range n {
		var out []int
		for len(out) < 256 {
			if r.IntN(2) == 0 {
				d := dn.Doc(r.Int64N(dn.Manifest.Documents))
				l := int64(8 + r.IntN(33))
				s := d.Start + r.Int64N(max(1, d.Length-l))
				for p := s; p < min(s+l, d.Start+d.Length); p++ {
					out = append(out, int(dn.Text.At(p)))
				}
			} else {
				for range 1 + r.IntN(8) {
					out = append(out, int(dn.Text.At(dn.SA.At(r.Int64N(dn.Manifest.Suffixes)))))
				}
			}
		}
		outs = append(outs, out[:256])
	}
	return outs
}

// BenchmarkAttribute256 attributes one 256-token output (span search,
// scoring, weights and Merkle proofs) on the cached corpus.
func BenchmarkAttribute256(b *testing.B) {
	dn := benchDatanet(b)
	outs := benchOutputs(dn, 64)
	p := DefaultParams()
	var spans, size int
	b.ResetTimer()
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		ev, err := Attribute(dn, outs[i%len(outs)], p)
		if err != nil {
			b.Fatal(err)
		}
		spans += len(ev.Spans)
		if i < len(outs) {
			j, _ := json.Marshal(ev)
			size += len(j)
		}
	}
	b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(spans)/float64(b.N), "spans/op")
	b.ReportMetric(float64(size)/float64(min(b.N, len(outs)))/1024, "evidence-KiB/op")
}

// BenchmarkVerify256 verifies the evidence of one 256-token output against
// the manifest alone (Merkle proofs, span ranges, scores, weights).
func BenchmarkVerify256(b *testing.B) {
	dn := benchDatanet(b)
	p := DefaultParams()
	var evs []*Evidence
	var spans, size, leaves int
	for _, out := range benchOutputs(dn, 16) {
		ev, err := Attribute(dn, out, p)
		if err != nil {
			b.Fatal(err)
		}
		j, _ := json.Marshal(ev)
		ev, err = Decode(bytes.NewReader(j))
		if err != nil {
			b.Fatal(err)
		}
		evs = append(evs, ev)
		spans += len(ev.Spans)
		size += len(j)
		leaves += len(ev.Proofs.Tokens) + len(ev.Proofs.SA) + len(ev.Proofs.Docs) + len(ev.Proofs.Counts)
	}
	b.ResetTimer()
	cpu := cputime.Process()
	for i := 0; i < b.N; i++ {
		if _, err := Verify(dn.Manifest, evs[i%len(evs)], p); err != nil {
			b.Fatal(err)
		}
	}
	spansPerOp := float64(spans) / float64(len(evs))
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/spansPerOp, "µs/span")
	b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/float64(b.N)/spansPerOp, "cpu-µs/span")
	b.ReportMetric(float64(spans)/float64(len(evs)), "spans/op")
	b.ReportMetric(float64(size)/float64(spans)/1024, "evidence-KiB/span")
	b.ReportMetric(float64(leaves)/float64(spans), "chunks/span")
}
