package engine

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/paichain/paichain/inference/kvcache"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/internal/testutil"
)

func loadStories(t testing.TB) *model.Model {
	t.Helper()
	m, err := model.Load(testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func newEngine(t testing.TB, m *model.Model, o Options) *Engine {
	t.Helper()
	e, err := New(m, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	return e
}

func greedy(n int) sample.Params { return sample.Params{MaxTokens: n} }

// TestStories260KMatchesRunC checks greedy generation against token ids
// measured from llama2.c's run.c (see golden_test.go).
func TestStories260KMatchesRunC(t *testing.T) {
	m := loadStories(t)
	e := newEngine(t, m, Options{})
	for _, g := range runcGolden {
		toks, fin, err := e.Generate(context.Background(), &Request{ID: "golden", Prompt: g.prompt, Params: greedy(len(g.want))})
		if err != nil || fin != FinishLength {
			t.Fatalf("%q: %v %s", g.text, err, fin)
		}
		for i := range g.want {
			if toks[i] != g.want[i] {
				t.Fatalf("%q: token %d = %d, run.c %d (ours %v)", g.text, i, toks[i], g.want[i], toks[:i+1])
			}
		}
	}
}

// maxRelDiff is max|a-b| / max|b| over the vector.
func maxRelDiff(a []float32, b []float64) float64 {
	var d, s float64
	for i := range b {
		d = math.Max(d, math.Abs(float64(a[i])-b[i]))
		s = math.Max(s, math.Abs(b[i]))
	}
	return d / s
}

// checkAgainstOracle generates n greedy tokens with the engine and with the
// float64 oracle, requiring equal tokens and close logits at every step.
func checkAgainstOracle(t *testing.T, m *model.Model, a *lora.Adapter, prompt []int, n int) {
	t.Helper()
	e := newEngine(t, m, Options{BlockSize: 8, PrefillChunk: 5})
	var mu sync.Mutex
	var got [][]float32
	r := &Request{ID: "oracle", Prompt: prompt, Adapter: a, Params: greedy(n)}
	toks, err := e.generateCapture(r, func(_ int, l []float32) {
		mu.Lock()
		got = append(got, l)
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	o := newOracle(m, a)
	var lg []float64
	for _, tok := range prompt {
		lg = o.step(tok)
	}
	worst := 0.0
	for i := 0; i < n; i++ {
		want := argmax64(lg)
		if d := maxRelDiff(got[i], lg); d > worst {
			worst = d
		}
		if toks[i] != want {
			t.Fatalf("token %d: engine %d, oracle %d", i, toks[i], want)
		}
		lg = o.step(want)
	}
	if worst > 1e-4 {
		t.Fatalf("logits differ from the float64 oracle by %.3g (relative)", worst)
	}
	t.Logf("%d tokens equal; max relative logit difference %.3g", n, worst)
}

// generateCapture runs r through the scheduler, capturing each sampled
// logits row.
func (e *Engine) generateCapture(r *Request, capture func(int, []float32)) ([]int, error) {
	ch, err := e.submit(context.Background(), r, capture)
	if err != nil {
		return nil, err
	}
	var toks []int
	for ev := range ch {
		if ev.Done {
			return toks, ev.Err
		}
		toks = append(toks, ev.Token)
	}
	return toks, nil
}

func TestStories260KMatchesOracle(t *testing.T) {
	checkAgainstOracle(t, loadStories(t), nil, []int{1, 403, 407, 261, 378}, 40)
}

func tinyModels(t *testing.T) map[string]*model.Model {
	cfgs := map[string]model.Config{"llama": model.TinyConfig, "qwen2": model.TinyQwen2Config}
	l3 := model.TinyConfig
	l3.RopeScaling = &model.RopeScaling{Type: "llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMaxPositionEmbeddings: 32}
	l3.TieEmbeddings = true
	cfgs["llama3-rope"] = l3
	mi := model.TinyConfig
	mi.Arch, mi.SlidingWindow = model.ArchMistral, 7
	cfgs["mistral-window"] = mi
	out := map[string]*model.Model{}
	for name, c := range cfgs {
		dir := t.TempDir()
		if err := model.WriteSynthetic(dir, c, 7); err != nil {
			t.Fatal(err)
		}
		m, err := model.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = m
	}
	return out
}

func TestSyntheticMatchesOracle(t *testing.T) {
	for name, m := range tinyModels(t) {
		t.Run(name, func(t *testing.T) {
			checkAgainstOracle(t, m, nil, []int{1, 5, 9, 17, 33, 65, 129, 200, 7, 3, 11}, 24)
			a, err := lora.Synthetic(m.Config, 4, 8, []string{"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}, 3, false)
			if err != nil {
				t.Fatal(err)
			}
			checkAgainstOracle(t, m, a, []int{1, 5, 9, 17, 33, 65}, 16)
		})
	}
}

// TestBatchInvariance runs sequences alone and then inside mixed batches
// (other sequences, other adapters, prefill chunks next to decode rows,
// different row offsets) and requires bit-identical logits.
func TestBatchInvariance(t *testing.T) {
	m := tinyModels(t)["llama"]
	targets := []string{"q_proj", "v_proj", "o_proj", "down_proj"}
	var adapters []*lora.Adapter
	for i := 0; i < 3; i++ {
		a, err := lora.Synthetic(m.Config, 2+2*i, 16, targets, uint64(10+i), false)
		if err != nil {
			t.Fatal(err)
		}
		adapters = append(adapters, a)
	}
	type seqSpec struct {
		tokens  []int
		adapter *lora.Adapter
	}
	specs := []seqSpec{
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, nil},
		{[]int{1, 20, 30, 40, 50, 60, 70, 80, 90}, adapters[0]},
		{[]int{1, 99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89, 88, 87, 86, 85, 84}, adapters[1]},
		{[]int{1, 7, 7, 7, 7, 7, 7}, adapters[2]},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, adapters[0]},
	}
	newFwd := func(workers int) *Forward {
		kv, err := kvcache.New(kvcache.Config{Layers: m.Config.NLayers, KVDim: m.Config.KVDim(), BlockSize: 4, NumBlocks: 64})
		if err != nil {
			t.Fatal(err)
		}
		f, err := NewForward(m, kv, workers)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(f.Close)
		return f
	}
	// Reference: each sequence alone, one token per step, one worker.
	ref := make([][][]float32, len(specs))
	for i, s := range specs {
		f := newFwd(1)
		var seq kvcache.Seq
		if err := f.Cache().Reserve(&seq, len(s.tokens)); err != nil {
			t.Fatal(err)
		}
		for p, tok := range s.tokens {
			lg, err := f.Run([]Chunk{{Seq: &seq, Start: p, Tokens: []int{tok}, Adapter: s.adapter, Logits: LogitsLast}})
			if err != nil {
				t.Fatal(err)
			}
			ref[i] = append(ref[i], append([]float32(nil), lg...))
		}
	}
	// Mixed: all sequences together, each advancing by a different chunk
	// size per step, in a rotating order, with two workers.
	for trial, chunkSizes := range [][]int{{1, 2, 3, 5, 4}, {7, 1, 16, 2, 3}, {3, 3, 3, 3, 3}} {
		f := newFwd(2)
		seqs := make([]kvcache.Seq, len(specs))
		done := make([]int, len(specs))
		for i, s := range specs {
			if err := f.Cache().Reserve(&seqs[i], len(s.tokens)); err != nil {
				t.Fatal(err)
			}
		}
		for step := 0; ; step++ {
			var chunks []Chunk
			var who []int
			for k := range specs {
				i := (k + step) % len(specs)
				s := specs[i]
				n := min(chunkSizes[i], len(s.tokens)-done[i])
				if n == 0 {
					continue
				}
				chunks = append(chunks, Chunk{Seq: &seqs[i], Start: done[i], Tokens: s.tokens[done[i] : done[i]+n], Adapter: s.adapter, Logits: LogitsAll})
				who = append(who, i)
			}
			if len(chunks) == 0 {
				break
			}
			lg, err := f.Run(chunks)
			if err != nil {
				t.Fatal(err)
			}
			row := 0
			V := m.Config.VocabSize
			for c, i := range who {
				for p := done[i]; p < done[i]+len(chunks[c].Tokens); p++ {
					got := lg[row*V : (row+1)*V]
					for v := range got {
						if math.Float32bits(got[v]) != math.Float32bits(ref[i][p][v]) {
							t.Fatalf("trial %d: seq %d pos %d logit %d: batched %v, alone %v", trial, i, p, v, got[v], ref[i][p][v])
						}
					}
					row++
				}
				done[i] += len(chunks[c].Tokens)
			}
		}
	}
}

// TestSchedulerDeterminism submits seeded sampling requests alone and then
// all at once (different adapters, small batches forcing queueing and a
// small KV cache forcing preemption) and requires identical tokens.
func TestSchedulerDeterminism(t *testing.T) {
	m := tinyModels(t)["llama"]
	var adapters []*lora.Adapter
	for i := 0; i < 3; i++ {
		a, err := lora.Synthetic(m.Config, 4, 8, []string{"q_proj", "k_proj", "v_proj", "o_proj"}, uint64(40+i), false)
		if err != nil {
			t.Fatal(err)
		}
		adapters = append(adapters, a)
	}
	var reqs []*Request
	for i := 0; i < 12; i++ {
		var a *lora.Adapter
		if i%4 != 3 {
			a = adapters[i%4]
		}
		prompt := []int{1}
		for k := 0; k < 5+7*(i%5); k++ {
			prompt = append(prompt, (i*31+k*7)%m.Config.VocabSize)
		}
		reqs = append(reqs, &Request{
			ID: fmt.Sprintf("req-%d", i), Prompt: prompt, Adapter: a,
			Params: sample.Params{Temperature: 0.9, TopK: 40, TopP: 0.95, RepetitionPenalty: 1.1, Seed: 42, MaxTokens: 20},
		})
	}
	alone := newEngine(t, m, Options{MaxBatch: 1})
	want := make([][]int, len(reqs))
	for i, r := range reqs {
		toks, _, err := alone.Generate(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = toks
	}
	busy := newEngine(t, m, Options{MaxBatch: 5, MaxBatchTokens: 24, PrefillChunk: 9, KVBlocks: 12, BlockSize: 8, MaxAdaptersPerBatch: 2})
	got := make([][]int, len(reqs))
	var wg sync.WaitGroup
	for i, r := range reqs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			toks, _, err := busy.Generate(context.Background(), r)
			if err != nil {
				t.Error(err)
			}
			got[i] = toks
		}()
	}
	wg.Wait()
	for i := range reqs {
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Fatalf("request %d: batched %v, alone %v", i, got[i], want[i])
		}
	}
	// The last Done event can overtake the end-of-step bookkeeping.
	waitFor(t, func() bool { s := busy.Stats(); return s.KVBlocksUsed == 0 && s.Running == 0 && s.Queued == 0 })
	st := busy.Stats()
	t.Logf("stats: %+v", st)
	if st.Preemptions == 0 {
		t.Errorf("expected the 12-block cache to force preemptions")
	}
}

func TestSubmitErrors(t *testing.T) {
	m := loadStories(t)
	e := newEngine(t, m, Options{MaxQueue: 2, MaxBatch: 1})
	ctx := context.Background()
	cases := []struct {
		name string
		r    *Request
		want error
	}{
		{"empty prompt", &Request{Params: greedy(1)}, ErrInvalidRequest},
		{"token out of vocab", &Request{Prompt: []int{1, 512}, Params: greedy(1)}, ErrInvalidRequest},
		{"negative temperature", &Request{Prompt: []int{1}, Params: sample.Params{Temperature: -1}}, ErrInvalidRequest},
		{"too long", &Request{Prompt: make([]int, 500), Params: greedy(13)}, ErrPromptTooLong},
		{"prompt fills context", &Request{Prompt: make([]int, 512)}, ErrPromptTooLong},
	}
	for _, c := range cases {
		if _, err := e.Submit(ctx, c.r); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestBackpressureAndCancel(t *testing.T) {
	m := loadStories(t)
	e := newEngine(t, m, Options{MaxQueue: 2, MaxBatch: 1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	long := func() *Request { return &Request{Prompt: []int{1, 403}, Params: greedy(400)} }
	// One runs, two wait, the fourth is refused immediately.
	var chans []<-chan Event
	deadline := time.Now().Add(5 * time.Second)
	for len(chans) < 3 {
		ch, err := e.Submit(ctx, long())
		if errors.Is(err, ErrQueueFull) && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond) // the first has not been admitted yet
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		chans = append(chans, ch)
	}
	// Make sure the first is running (has produced a token).
	<-chans[0]
	if _, err := e.Submit(ctx, long()); !errors.Is(err, ErrQueueFull) {
		t.Fatalf("fourth submit: %v, want ErrQueueFull", err)
	}
	cancel()
	for i, ch := range chans {
		var last Event
		for ev := range ch {
			last = ev
		}
		if last.Done && last.FinishReason != FinishCancelled {
			t.Errorf("request %d finished %q, want cancelled", i, last.FinishReason)
		}
	}
	waitFor(t, func() bool { s := e.Stats(); return s.Running == 0 && s.Queued == 0 && s.KVBlocksUsed == 0 })
	// The engine keeps serving.
	toks, fin, err := e.Generate(context.Background(), &Request{Prompt: []int{1, 403, 407, 261, 378}, Params: greedy(5)})
	if err != nil || fin != FinishLength || len(toks) != 5 {
		t.Fatalf("after cancel: %v %s %v", toks, fin, err)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 500; i++ {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("condition not reached")
}

func TestStopTokens(t *testing.T) {
	m := loadStories(t)
	e := newEngine(t, m, Options{})
	g := runcGolden[4] // "Once upon a time": run.c stops at BOS after 15 tokens
	ch, err := e.Submit(context.Background(), &Request{Prompt: g.prompt, Params: sample.Params{MaxTokens: 100, StopTokens: []int{1}}})
	if err != nil {
		t.Fatal(err)
	}
	var toks []int
	var last Event
	for ev := range ch {
		if !ev.Done {
			toks = append(toks, ev.Token)
		}
		last = ev
	}
	if last.FinishReason != FinishStop || last.Token != 1 || last.CompletionTokens != len(g.want)-1 || fmt.Sprint(toks) != fmt.Sprint(g.want[:len(g.want)-1]) {
		t.Fatalf("got %v final %+v, want %v then stop", toks, last, g.want)
	}
}

func TestPrefixSharing(t *testing.T) {
	m := loadStories(t)
	e := newEngine(t, m, Options{BlockSize: 4})
	prompt := append([]int(nil), runcGolden[2].prompt...)
	prompt = append(prompt, runcGolden[2].want[:20]...)
	first, _, err := e.Generate(context.Background(), &Request{Prompt: prompt, Params: greedy(8)})
	if err != nil {
		t.Fatal(err)
	}
	second, _, err := e.Generate(context.Background(), &Request{Prompt: prompt, Params: greedy(8)})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(first) != fmt.Sprint(second) || fmt.Sprint(first) != fmt.Sprint(runcGolden[2].want[20:28]) {
		t.Fatalf("shared-prefix run %v, first %v, run.c %v", second, first, runcGolden[2].want[20:28])
	}
	if st := e.Stats(); st.PrefixHitBlocks == 0 {
		t.Fatalf("no prefix blocks reused: %+v", st)
	}
}

func TestLogitsMatchesScheduler(t *testing.T) {
	m := loadStories(t)
	e := newEngine(t, m, Options{PrefillChunk: 3})
	g := runcGolden[3]
	seq := append(append([]int(nil), g.prompt...), g.want[:10]...)
	lg, err := e.Logits(seq, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(g.prompt) - 1; i < len(seq); i++ {
		if got := sample.Argmax(lg[i]); got != g.want[i-len(g.prompt)+1] {
			t.Fatalf("position %d: argmax %d, run.c %d", i, got, g.want[i-len(g.prompt)+1])
		}
	}
}

// TestAdapterCap: with MaxAdaptersPerBatch 2, no step mixes more than two
// adapters, yet every request (five adapters plus base) completes, and the
// batch/token limits hold.
func TestAdapterCap(t *testing.T) {
	m := tinyModels(t)["llama"]
	var adapters []*lora.Adapter
	for i := 0; i < 5; i++ {
		a, err := lora.Synthetic(m.Config, 2, 4, []string{"q_proj", "o_proj"}, uint64(70+i), false)
		if err != nil {
			t.Fatal(err)
		}
		adapters = append(adapters, a)
	}
	e, err := New(m, Options{MaxBatch: 4, MaxBatchTokens: 16, PrefillChunk: 6, MaxAdaptersPerBatch: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	var mu sync.Mutex
	maxAdapters, maxRows, steps := 0, 0, 0
	e.stepHook = func(rows, n int) {
		mu.Lock()
		maxAdapters, maxRows, steps = max(maxAdapters, n), max(maxRows, rows), steps+1
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for i := 0; i < 18; i++ {
		var a *lora.Adapter
		if i%6 != 5 {
			a = adapters[i%6]
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			toks, fin, err := e.Generate(context.Background(), &Request{ID: fmt.Sprint(i), Prompt: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, i}, Adapter: a, Params: greedy(6)})
			if err != nil || fin != FinishLength || len(toks) != 6 {
				t.Errorf("request %d: %v %s %v", i, toks, fin, err)
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if maxAdapters > 2 || maxRows > 16 || steps == 0 {
		t.Fatalf("max adapters per step %d (cap 2), max rows %d (budget 16)", maxAdapters, maxRows)
	}
	t.Logf("%d steps, max %d adapters, max %d rows", steps, maxAdapters, maxRows)
}

// TestCloseAndDefaultLength: MaxTokens 0 runs to the context; Close
// finishes whatever is pending with ErrClosed and later Submits fail.
func TestCloseAndDefaultLength(t *testing.T) {
	m := loadStories(t)
	e, err := New(m, Options{MaxBatch: 1})
	if err != nil {
		t.Fatal(err)
	}
	toks, fin, err := e.Generate(context.Background(), &Request{Prompt: []int{1, 403}, Params: sample.Params{}})
	if err != nil || fin != FinishLength || len(toks) != m.Config.MaxSeqLen-2 {
		t.Fatalf("default length: %d tokens, %s, %v", len(toks), fin, err)
	}
	var chans []<-chan Event
	for i := 0; i < 3; i++ {
		ch, err := e.Submit(context.Background(), &Request{Prompt: []int{1}, Params: greedy(500)})
		if err != nil {
			t.Fatal(err)
		}
		chans = append(chans, ch)
	}
	e.Close()
	for i, ch := range chans {
		var last Event
		for ev := range ch {
			last = ev
		}
		if !last.Done || (last.FinishReason != FinishError && last.FinishReason != FinishLength) || (last.FinishReason == FinishError && !errors.Is(last.Err, ErrClosed)) {
			t.Errorf("request %d after Close: %+v", i, last)
		}
	}
	if _, err := e.Submit(context.Background(), &Request{Prompt: []int{1}, Params: greedy(1)}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Submit after Close: %v", err)
	}
	e.Close() // idempotent
}
