package server

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/poa"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/internal/cputime"
	"github.com/paichain/paichain/internal/testutil"
)

// Attribution overhead in the server, per 256-token completion of
// stories260K, on a synthetic Datanet of ATTRIBUTION_BENCH_TOKENS tokens
// (default 1M; datanet.Synthetic's Zipf corpus over tok512's 512 ids, plus
// 256 stories stories260K tells and the "copied" completion below as
// contributions), built once and cached in $TMPDIR:
//
//	ATTRIBUTION_BENCH_TOKENS=10000000 go test -run '^$' -bench 'Completion256|AttributeStep' -benchtime 20x ./inference/server/
//
// The engine shares no prompt prefixes (NoPrefixSharing), so repeating a
// request pays its whole prefill each time, RAG's longer prompt included.

const (
	benchChunkTokens = 32  // 4 chunks + the query fit beside 256 output tokens in 512
	benchStories     = 256 // stories260K stories in the corpus
)

func benchCorpusTokens(b *testing.B) int64 {
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

// benchCase is one request of the benchmark: seeds are picked (in order,
// deterministically) so that the completion is 256 tokens long.
type benchCase struct {
	name string
	body string
	rag  bool
}

// attBench is the shared setup: a plain server and one with the Datanet.
type attBench struct {
	plain, att *env
	set        *poa.Set
	bodies     map[string]string // case name -> request with its seed
	outputs    map[string][]int
	err        error
}

var (
	attBenchOnce sync.Once
	attBenchEnv  attBench
)

func benchRequest(seed int, rag bool) string {
	return benchPromptRequest("Once upon a time", seed, rag)
}

func benchPromptRequest(prompt string, seed int, rag bool) string {
	p, _ := json.Marshal(prompt)
	body := fmt.Sprintf(`{"model":"stories260K","prompt":%s,"max_tokens":256,"temperature":0.8,"seed":%d,"request_id":"0x%064x"`, p, seed, seed)
	if rag {
		return body + `,"rag":{"k":4}}`
	}
	return body + `,"rag":false}`
}

// seedFor finds the first seed from start whose completion is 256 tokens.
func seedFor(e *env, start int, rag bool) (int, []int, error) {
	return promptSeedFor(e, "Once upon a time", start, rag)
}

func promptSeedFor(e *env, prompt string, start int, rag bool) (int, []int, error) {
	for seed := start; seed < start+200; seed++ {
		rc, err := e.benchComplete(benchPromptRequest(prompt, seed, rag))
		if err != nil {
			return 0, nil, err
		}
		if len(rc.OutputTokenIDs) == 256 {
			return seed, rc.OutputTokenIDs, nil
		}
	}
	return 0, nil, fmt.Errorf("no seed from %d gives 256 tokens", start)
}

func (e *env) benchComplete(body string) (*receipt.Receipt, error) {
	resp, err := httpPost(e.http.URL+"/v1/completions", body)
	if err != nil {
		return nil, err
	}
	var r struct {
		Receipt json.RawMessage `json:"receipt"`
	}
	if err := json.Unmarshal(resp, &r); err != nil || r.Receipt == nil {
		return nil, fmt.Errorf("response %.300s: %v", resp, err)
	}
	return receipt.ParseJSON(r.Receipt)
}

func setupAttBench(b *testing.B) *attBench {
	attBenchOnce.Do(func() { attBenchEnv.err = attBenchEnv.setup(b) })
	if attBenchEnv.err != nil {
		b.Fatal(attBenchEnv.err)
	}
	return &attBenchEnv
}

func (ab *attBench) setup(b *testing.B) error {
	m, err := model.Load(testutil.SharedFile(b, "testdata/llama2c/stories260K.bin"))
	if err != nil {
		return err
	}
	tokPath := testutil.SharedFile(b, "testdata/llama2c/tok512.bin")
	tok, err := LoadTokenizer(tokPath, "", m.Config.VocabSize)
	if err != nil {
		return err
	}
	info, err := TokenizerInfo(tokPath, "", tok)
	if err != nil {
		return err
	}
	serve := func(set *poa.Set) (*env, error) {
		eng, err := engine.New(m, engine.Options{NoPrefixSharing: true})
		if err != nil {
			return nil, err
		}
		s, err := New(Config{Engine: eng, Tokenizer: tok, ModelName: "stories260K", Attribution: set})
		if err != nil {
			return nil, err
		}
		return &env{srv: s, http: httptest.NewServer(s), eng: eng}, nil
	}
	if ab.plain, err = serve(nil); err != nil {
		return err
	}
	ab.bodies, ab.outputs = map[string]string{}, map[string][]int{}
	seed, out, err := seedFor(ab.plain, 1, false)
	if err != nil {
		return err
	}
	ab.bodies["plain"], ab.bodies["span-copied"], ab.outputs["span-copied"] = benchRequest(seed, false), benchRequest(seed, false), out

	// The corpus: Zipf documents, and the copied completion as one more.
	n := benchCorpusTokens(b)
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("paichain-server-attribution-bench-%d-%d-%x", n, benchStories, hashPrefix(receipt.TokenHash(out))))
	if _, err := os.Stat(filepath.Join(dir, datanet.ManifestFile)); err != nil {
		// benchStories stories the model tells, by 16 writers, so that a
		// new story shares phrases with the corpus as real text would.
		stories := []datanet.Contribution{{ID: "copied", Contributor: common.HexToAddress("0xa1"), Tokens: out}}
		for i := range benchStories {
			rc, err := ab.plain.benchComplete(benchRequest(1000+i, false))
			if err != nil {
				return err
			}
			if len(rc.OutputTokenIDs) > 0 {
				stories = append(stories, datanet.Contribution{ID: fmt.Sprint("story-", i), Tokens: rc.OutputTokenIDs,
					Contributor: common.BigToAddress(big.NewInt(int64(0xb000 + i%16)))})
			}
		}
		syn := datanet.Synthetic(n, 512, 512, 1000, 1)
		next := func() (datanet.Contribution, bool, error) {
			if c, ok, err := syn(); ok || err != nil {
				return c, ok, err
			}
			if len(stories) == 0 {
				return datanet.Contribution{}, false, nil
			}
			c := stories[0]
			stories = stories[1:]
			return c, true, nil
		}
		if _, err := datanet.Build(datanet.Config{Dir: dir, Name: "bench", Tokenizer: info, Tokenize: tok.Encode,
			Pool: common.HexToAddress("0xfe")}, next); err != nil {
			return err
		}
	}
	if ab.set, err = poa.Open(poa.Config{Dirs: []string{dir}, Tokenizer: info, Tokenize: tok.Encode, Decode: tok.Decode,
		ChunkTokens: benchChunkTokens}); err != nil {
		return err
	}
	if ab.att, err = serve(ab.set); err != nil {
		return err
	}
	if seed, out, err = seedFor(ab.att, seed+1, false); err != nil {
		return err
	}
	ab.bodies["span-story"], ab.outputs["span-story"] = benchRequest(seed, false), out
	if seed, out, err = seedFor(ab.att, 1, true); err != nil {
		return err
	}
	ab.bodies["span+rag"], ab.outputs["span+rag"] = benchRequest(seed, true), out
	// The plain server given the prompt RAG builds: what the longer prompt
	// costs without retrieval and attribution.
	cites, err := ab.set.Retrieve(ab.set.Sources()[0], "Once upon a time", 4)
	if err != nil {
		return err
	}
	long := rag.PromptWithContext("Once upon a time", cites)
	if seed, _, err = promptSeedFor(ab.plain, long, 1, false); err != nil {
		return err
	}
	ab.bodies["plain-rag-prompt"] = benchPromptRequest(long, seed, false)
	return nil
}

// BenchmarkCompletion256 serves one 256-token completion per op over HTTP:
// attributed by span matching, the output copied from a contribution
// (span-copied) or a new story sharing phrases with the corpus
// (span-story); the plain server given RAG's longer prompt
// (plain-rag-prompt); and RAG (4 chunks of 32 tokens retrieved into the
// prompt) with span matching (span+rag). Each op also serves the plain
// 256-token completion (no Datanet) right before, so both see the same
// machine load: plain-ms and plain-cpu-ms are those, and overhead-cpu-ms
// the difference (process CPU: server and client).
func BenchmarkCompletion256(b *testing.B) {
	ab := setupAttBench(b)
	for _, name := range []string{"span-copied", "span-story", "plain-rag-prompt", "span+rag"} {
		b.Run(name, func(b *testing.B) {
			e := ab.att
			if strings.HasPrefix(name, "plain") {
				e = ab.plain
			}
			var wall, plainWall, cpu, plainCPU time.Duration
			var bytes, prompt, spans int
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, variant := range []string{"plain", name} {
					srv, w, c := e, &wall, &cpu
					if variant == "plain" {
						srv, w, c = ab.plain, &plainWall, &plainCPU
					}
					start, cpu0 := time.Now(), cputime.Process()
					resp, err := httpPost(srv.http.URL+"/v1/completions", ab.bodies[variant])
					*w += time.Since(start)
					*c += cputime.Process() - cpu0
					if err != nil {
						b.Fatal(err)
					}
					if variant == "plain" {
						continue
					}
					var r struct {
						Usage       Usage `json:"usage"`
						Attribution *struct {
							Spans []json.RawMessage `json:"spans"`
						} `json:"attribution"`
					}
					if err := json.Unmarshal(resp, &r); err != nil || r.Usage.CompletionTokens != 256 {
						b.Fatalf("%v: %.300s", err, resp)
					}
					bytes, prompt = len(resp), r.Usage.PromptTokens
					if r.Attribution != nil {
						spans = len(r.Attribution.Spans)
					}
				}
			}
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
			b.ReportMetric(ms(wall), "ms/op")
			b.ReportMetric(ms(cpu), "cpu-ms/op")
			b.ReportMetric(ms(plainWall), "plain-ms")
			b.ReportMetric(ms(plainCPU), "plain-cpu-ms")
			b.ReportMetric(ms(cpu-plainCPU), "overhead-cpu-ms")
			b.ReportMetric(float64(bytes)/1024, "response-KiB")
			b.ReportMetric(float64(prompt), "prompt-tokens")
			b.ReportMetric(float64(spans), "spans")
		})
	}
}

// BenchmarkAttributeStep is the attribution step alone (span matching with
// Merkle evidence, the evidence-size check, combination) on the same
// 256-token outputs, and retrieval with the prompt template.
func BenchmarkAttributeStep(b *testing.B) {
	ab := setupAttBench(b)
	src := ab.set.Sources()[0]
	for _, name := range []string{"span-copied", "span-story"} {
		b.Run(name, func(b *testing.B) {
			cpu := cputime.Process()
			for i := 0; i < b.N; i++ {
				if _, err := ab.set.Attribute(src, poa.Input{Output: ab.outputs[name]}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
	b.Run("retrieve-k4", func(b *testing.B) {
		cpu := cputime.Process()
		for i := 0; i < b.N; i++ {
			if _, err := ab.set.Retrieve(src, "Once upon a time", 4); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
}

func httpPost(url, body string) ([]byte, error) {
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("status %d: %.300s", resp.StatusCode, b)
	}
	return b, nil
}

func hashPrefix(h receipt.Hash) []byte { return h[:4] }

// BenchmarkDatanetLoad is what --datanet costs at start: map the cached
// corpus, rehash every file against its root (the default --datanet.verify
// roots) and build the BM25 index; heap-MiB is the index's memory.
func BenchmarkDatanetLoad(b *testing.B) {
	ab := setupAttBench(b)
	src := ab.set.Sources()[0]
	var ms0, ms1 runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		cpu := cputime.Process()
		set, err := poa.Open(poa.Config{Dirs: []string{src.Dir}, Tokenizer: src.DN.Manifest.Tokenizer,
			Tokenize: ab.att.srv.tok.Encode, Decode: ab.att.srv.tok.Decode, ChunkTokens: benchChunkTokens})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric((cputime.Process() - cpu).Seconds(), "cpu-s/load")
		runtime.GC()
		runtime.ReadMemStats(&ms1)
		b.ReportMetric(float64(ms1.HeapAlloc-ms0.HeapAlloc)/(1<<20), "heap-MiB")
		set.Close()
	}
	b.ReportMetric(float64(src.DN.Manifest.Suffixes), "tokens")
}
