// Package engine runs LLaMA-family models on the CPU: a batched forward pass
// over a paged KV cache with fixed-order float32 reductions (so a request's
// logits are bit-identical alone or in any batch), multi-LoRA via
// lora.ApplySegments, and a continuous-batching scheduler with adapter-aware
// admission, chunked prefill, token budgets, cancellation, backpressure and
// preemption on KV exhaustion. See docs/inference-engine.md.
package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/paichain/paichain/inference/kvcache"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/sample"
)

// Errors Submit returns. The server maps ErrQueueFull to 429, the others to 400.
var (
	ErrQueueFull      = errors.New("engine: queue full")
	ErrPromptTooLong  = errors.New("engine: prompt plus max tokens exceeds the context")
	ErrInvalidRequest = errors.New("engine: invalid request")
	ErrClosed         = errors.New("engine: closed")
)

// Finish reasons.
const (
	FinishStop      = "stop"
	FinishLength    = "length"
	FinishCancelled = "cancelled"
	FinishError     = "error"
)

// Options configure an Engine; zero fields take the defaults noted.
type Options struct {
	MaxBatch            int // sequences decoded together (default 64)
	MaxBatchTokens      int // tokens per forward step, decode + prefill (default 512)
	MaxQueue            int // waiting requests before ErrQueueFull (default 256)
	MaxAdaptersPerBatch int // distinct adapters among running sequences (default 8; base model counts as none)
	KVBlocks            int // KV cache blocks (default: MaxBatch full contexts, capped at 1 GiB)
	BlockSize           int // positions per KV block (default 16)
	PrefillChunk        int // max prompt tokens of one sequence per step (default 256)
	Workers             int // goroutines for the forward pass (default GOMAXPROCS)
	NoPrefixSharing     bool
}

func (o Options) withDefaults(c model.Config) Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MaxBatch, 64)
	def(&o.MaxBatchTokens, 512)
	def(&o.MaxQueue, 256)
	def(&o.MaxAdaptersPerBatch, 8)
	def(&o.BlockSize, 16)
	def(&o.PrefillChunk, 256)
	def(&o.Workers, runtime.GOMAXPROCS(0))
	if o.KVBlocks <= 0 {
		perSeq := (c.MaxSeqLen + o.BlockSize - 1) / o.BlockSize
		blockBytes := kvcache.BytesFor(kvcache.Config{Layers: c.NLayers, KVDim: c.KVDim(), BlockSize: o.BlockSize, NumBlocks: 1})
		o.KVBlocks = min(o.MaxBatch*perSeq, int((1<<30)/blockBytes))
		o.KVBlocks = max(o.KVBlocks, perSeq)
	}
	o.PrefillChunk = min(o.PrefillChunk, o.MaxBatchTokens)
	return o
}

// Request is one generation request.
type Request struct {
	ID      string // unique per request; keys the sampling PRNG
	Prompt  []int
	Adapter *lora.Adapter // nil = base model; may be a merged adapter
	Params  sample.Params
}

// Event is one streamed result. Every generated token arrives in an event
// with Done false. The last event has Done true; its Token is the stop token
// id when FinishReason is "stop" (that token is not part of the output and
// not counted in CompletionTokens), and -1 otherwise.
type Event struct {
	Token                          int
	Done                           bool
	FinishReason                   string // "stop" | "length" | "cancelled" | "error"
	Err                            error
	PromptTokens, CompletionTokens int // on the final event
}

// Stats is a snapshot of the engine's state and counters.
type Stats struct {
	Queued, Running        int
	PromptTokens           int64 // prompt tokens computed (recomputation after preemption included)
	GeneratedTokens        int64
	Steps                  int64
	Preemptions            int64
	Completed              int64
	KVBlocksUsed, KVBlocks int
	PrefixHitBlocks        int64
	LastBatchRows          int
	LastBatchAdapters      int
}

// Engine schedules requests onto one model.
type Engine struct {
	m    *model.Model
	opts Options
	fwd  *Forward
	kv   *kvcache.Cache

	mu      sync.Mutex
	waiting []*job // admission order; preempted jobs go back to the front
	closed  bool
	wake    chan struct{}
	done    chan struct{}

	// Owned by the scheduler goroutine.
	running []*job
	sampler sample.Sampler
	order   uint64
	chunks  []Chunk
	plan    []planned

	stats struct {
		prompt, gen, steps, preempt, completed atomic.Int64
		rows, adapters, running, kvUsed        atomic.Int64
		prefixHits                             atomic.Int64
	}

	logitsMu sync.Mutex // serializes Logits calls

	// stepHook, when set (tests, before any Submit), sees every step's row
	// count and distinct adapters.
	stepHook func(rows, adapters int)
}

type job struct {
	req       *Request
	ctx       context.Context
	out       *eventQueue
	tokens    []int // prompt then generated tokens
	nPrompt   int
	maxTokens int
	computed  int // positions whose K/V are in the cache
	seq       kvcache.Seq
	ns        kvcache.Key
	order     uint64 // admission order, for preemption (youngest first)
	stopAfter func() bool
	// capture, when set (tests), receives a copy of every logits row sampled.
	capture func(pos int, logits []float32)
}

type planned struct {
	j *job
	n int
}

// New starts an engine for m.
func New(m *model.Model, opts Options) (*Engine, error) {
	c := m.Config
	opts = opts.withDefaults(c)
	kv, err := kvcache.New(kvcache.Config{Layers: c.NLayers, KVDim: c.KVDim(), BlockSize: opts.BlockSize, NumBlocks: opts.KVBlocks})
	if err != nil {
		return nil, fmt.Errorf("engine: %w", err)
	}
	fwd, err := NewForward(m, kv, opts.Workers)
	if err != nil {
		return nil, err
	}
	e := &Engine{m: m, opts: opts, fwd: fwd, kv: kv, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go e.loop()
	return e, nil
}

// Model returns the engine's model.
func (e *Engine) Model() *model.Model { return e.m }

// Options returns the effective options (defaults filled in).
func (e *Engine) Options() Options { return e.opts }

func (e *Engine) signal() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// Submit validates and enqueues r. It never blocks: a full queue gives
// ErrQueueFull. Events arrive on the returned channel, which is closed after
// the final (Done) event. Cancelling ctx cancels the request.
func (e *Engine) Submit(ctx context.Context, r *Request) (<-chan Event, error) {
	return e.submit(ctx, r, nil)
}

func (e *Engine) submit(ctx context.Context, r *Request, capture func(int, []float32)) (<-chan Event, error) {
	c := e.m.Config
	if r == nil || len(r.Prompt) == 0 {
		return nil, fmt.Errorf("%w: empty prompt", ErrInvalidRequest)
	}
	for _, t := range r.Prompt {
		if t < 0 || t >= c.VocabSize {
			return nil, fmt.Errorf("%w: prompt token %d outside vocabulary of %d", ErrInvalidRequest, t, c.VocabSize)
		}
	}
	if err := r.Params.Validate(c.VocabSize); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidRequest, err)
	}
	if r.Adapter != nil {
		if err := lora.Validate(r.Adapter, c); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidRequest, err)
		}
	}
	maxTok := r.Params.MaxTokens
	if maxTok == 0 {
		// "Up to the context", where the context is also bounded by what
		// the KV cache can hold for one sequence.
		maxTok = min(c.MaxSeqLen, e.opts.KVBlocks*e.opts.BlockSize) - len(r.Prompt)
	}
	if len(r.Prompt)+maxTok > c.MaxSeqLen || maxTok <= 0 {
		return nil, fmt.Errorf("%w: %d prompt + %d max tokens > context %d", ErrPromptTooLong, len(r.Prompt), r.Params.MaxTokens, c.MaxSeqLen)
	}
	if need := e.kv.BlocksFor(len(r.Prompt) + maxTok); need > e.opts.KVBlocks {
		return nil, fmt.Errorf("%w: needs %d KV blocks, cache has %d", ErrPromptTooLong, need, e.opts.KVBlocks)
	}
	j := &job{
		req:       r,
		ctx:       ctx,
		out:       newEventQueue(),
		tokens:    append(make([]int, 0, len(r.Prompt)+min(maxTok, 1024)), r.Prompt...),
		nPrompt:   len(r.Prompt),
		maxTokens: maxTok,
		capture:   capture,
	}
	var adapterHash []byte
	if r.Adapter != nil {
		adapterHash = r.Adapter.Hash[:]
	}
	j.ns = kvcache.Namespace(e.m.Hash[:], adapterHash)
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil, ErrClosed
	}
	if len(e.waiting) >= e.opts.MaxQueue {
		e.mu.Unlock()
		return nil, ErrQueueFull
	}
	e.waiting = append(e.waiting, j)
	e.mu.Unlock()
	j.stopAfter = context.AfterFunc(ctx, e.signal)
	ch := make(chan Event)
	go j.out.forward(ctx, ch)
	e.signal()
	return ch, nil
}

// Generate submits r and collects its tokens.
func (e *Engine) Generate(ctx context.Context, r *Request) ([]int, string, error) {
	ch, err := e.Submit(ctx, r)
	if err != nil {
		return nil, "", err
	}
	var toks []int
	for ev := range ch {
		if !ev.Done {
			toks = append(toks, ev.Token)
			continue
		}
		return toks, ev.FinishReason, ev.Err
	}
	return toks, FinishCancelled, ctx.Err()
}

// Stats returns a snapshot.
func (e *Engine) Stats() Stats {
	e.mu.Lock()
	q := len(e.waiting)
	e.mu.Unlock()
	return Stats{
		Queued:            q,
		Running:           int(e.stats.running.Load()),
		PromptTokens:      e.stats.prompt.Load(),
		GeneratedTokens:   e.stats.gen.Load(),
		Steps:             e.stats.steps.Load(),
		Preemptions:       e.stats.preempt.Load(),
		Completed:         e.stats.completed.Load(),
		KVBlocksUsed:      int(e.stats.kvUsed.Load()),
		KVBlocks:          e.opts.KVBlocks,
		PrefixHitBlocks:   e.stats.prefixHits.Load(),
		LastBatchRows:     int(e.stats.rows.Load()),
		LastBatchAdapters: int(e.stats.adapters.Load()),
	}
}

// Close stops the scheduler; pending requests finish with ErrClosed.
func (e *Engine) Close() {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		<-e.done
		return
	}
	e.closed = true
	e.mu.Unlock()
	e.signal()
	<-e.done
	e.fwd.Close()
}

func (e *Engine) loop() {
	defer close(e.done)
	for {
		e.mu.Lock()
		closed := e.closed
		e.mu.Unlock()
		if closed {
			e.shutdown()
			return
		}
		if !e.step() {
			<-e.wake
		}
	}
}

func (e *Engine) shutdown() {
	e.mu.Lock()
	w := e.waiting
	e.waiting = nil
	e.mu.Unlock()
	for _, j := range append(w, e.running...) {
		e.finish(j, FinishError, -1, ErrClosed)
	}
	e.running = nil
}

// finish sends the final event and releases the job's KV blocks.
func (e *Engine) finish(j *job, reason string, tok int, err error) {
	e.kv.Release(&j.seq)
	j.stopAfter()
	e.stats.completed.Add(1)
	j.out.push(Event{Token: tok, Done: true, FinishReason: reason, Err: err,
		PromptTokens: j.nPrompt, CompletionTokens: len(j.tokens) - j.nPrompt})
}

// step runs one scheduling round; false means there was nothing to do.
func (e *Engine) step() bool {
	e.reap()
	e.admit()
	e.stats.running.Store(int64(len(e.running)))
	if len(e.running) == 0 {
		e.stats.kvUsed.Store(int64(e.kv.UsedBlocks()))
		return false
	}
	// Plan: every decoding sequence gets one row, then prefill chunks fill
	// the remaining token budget in admission order.
	budget := e.opts.MaxBatchTokens
	plan := e.plan[:0]
	for _, j := range e.running {
		if len(j.tokens)-j.computed == 1 && budget > 0 {
			plan = append(plan, planned{j, 1})
			budget--
		}
	}
	for _, j := range e.running {
		if rem := len(j.tokens) - j.computed; rem > 1 && budget > 0 {
			n := min(rem, e.opts.PrefillChunk, budget)
			plan = append(plan, planned{j, n})
			budget -= n
		}
	}
	// KV: reserve blocks; on exhaustion preempt the youngest sequence
	// (recomputed later, bit-identically) until the plan fits.
	for i := 0; i < len(plan); i++ {
		p := plan[i]
		for e.kv.Reserve(&p.j.seq, p.j.computed+p.n) != nil {
			victim := e.youngest()
			e.preempt(victim)
			for k := range plan {
				if plan[k].j == victim {
					plan = append(plan[:k], plan[k+1:]...)
					if k <= i {
						i--
					}
					break
				}
			}
			if victim == p.j {
				break
			}
		}
	}
	e.plan = plan
	if len(plan) == 0 {
		// Everything planned was preempted; go round again (admission may
		// now succeed) rather than sleep.
		return true
	}
	// Group rows by adapter (first-seen order) so each adapter is one
	// contiguous lora.Segment. Batch composition never changes a row's
	// result, so the order is free to choose.
	first := map[*lora.Adapter]int{}
	for _, p := range plan {
		if _, ok := first[p.j.req.Adapter]; !ok {
			first[p.j.req.Adapter] = len(first)
		}
	}
	sort.SliceStable(plan, func(a, b int) bool { return first[plan[a].j.req.Adapter] < first[plan[b].j.req.Adapter] })
	chunks := e.chunks[:0]
	rows := 0
	for _, p := range plan {
		mode := LogitsNone
		if p.j.computed+p.n == len(p.j.tokens) {
			mode = LogitsLast
		}
		chunks = append(chunks, Chunk{Seq: &p.j.seq, Start: p.j.computed, Tokens: p.j.tokens[p.j.computed : p.j.computed+p.n], Adapter: p.j.req.Adapter, Logits: mode})
		rows += p.n
	}
	e.chunks = chunks
	logits, err := e.fwd.Run(chunks)
	adapters := len(first)
	if _, ok := first[nil]; ok {
		adapters--
	}
	e.stats.steps.Add(1)
	e.stats.rows.Store(int64(rows))
	e.stats.adapters.Store(int64(adapters))
	if e.stepHook != nil {
		e.stepHook(rows, adapters)
	}
	if err != nil {
		// A forward error is a bug or a corrupt model: fail the batch, keep serving.
		for _, p := range plan {
			e.remove(p.j)
			e.finish(p.j, FinishError, -1, err)
		}
		return true
	}
	vocab := e.m.Config.VocabSize
	li := 0
	for _, p := range plan {
		j := p.j
		if j.computed < j.nPrompt {
			e.stats.prompt.Add(int64(min(p.n, j.nPrompt-j.computed)))
		}
		j.computed += p.n
		if !e.opts.NoPrefixSharing {
			e.kv.Publish(&j.seq, j.ns, j.tokens, j.computed)
		}
		if j.computed < len(j.tokens) {
			continue
		}
		row := logits[li*vocab : (li+1)*vocab]
		li++
		if j.capture != nil {
			j.capture(len(j.tokens), append([]float32(nil), row...))
		}
		tok := e.sampler.Sample(row, j.req.Params, j.tokens, j.req.ID, len(j.tokens))
		if j.req.Params.IsStop(tok) {
			e.remove(j)
			e.finish(j, FinishStop, tok, nil)
			continue
		}
		j.tokens = append(j.tokens, tok)
		e.stats.gen.Add(1)
		j.out.push(Event{Token: tok})
		if len(j.tokens)-j.nPrompt >= j.maxTokens || len(j.tokens) >= e.m.Config.MaxSeqLen {
			e.remove(j)
			e.finish(j, FinishLength, -1, nil)
		}
	}
	e.stats.kvUsed.Store(int64(e.kv.UsedBlocks()))
	hits, _ := e.kv.PrefixStats()
	e.stats.prefixHits.Store(hits)
	return true
}

// reap finishes cancelled requests, waiting or running.
func (e *Engine) reap() {
	e.mu.Lock()
	kept := e.waiting[:0]
	var gone []*job
	for _, j := range e.waiting {
		if j.ctx.Err() != nil {
			gone = append(gone, j)
		} else {
			kept = append(kept, j)
		}
	}
	clear(e.waiting[len(kept):])
	e.waiting = kept
	e.mu.Unlock()
	for _, j := range gone {
		e.finish(j, FinishCancelled, -1, j.ctx.Err())
	}
	for i := 0; i < len(e.running); i++ {
		if j := e.running[i]; j.ctx.Err() != nil {
			e.remove(j)
			e.finish(j, FinishCancelled, -1, j.ctx.Err())
			i--
		}
	}
}

// admit moves waiting requests into the running set, FIFO, while the batch,
// adapter and KV limits allow. A request whose adapter would exceed
// MaxAdaptersPerBatch is skipped (later requests for running adapters may
// pass it) but keeps its place at the head.
func (e *Engine) admit() {
	e.mu.Lock()
	defer e.mu.Unlock()
	active := map[*lora.Adapter]bool{}
	for _, j := range e.running {
		if j.req.Adapter != nil {
			active[j.req.Adapter] = true
		}
	}
	for i := 0; i < len(e.waiting) && len(e.running) < e.opts.MaxBatch; {
		j := e.waiting[i]
		a := j.req.Adapter
		if a != nil && !active[a] && len(active) >= e.opts.MaxAdaptersPerBatch {
			i++
			continue
		}
		if !e.opts.NoPrefixSharing {
			e.kv.Match(&j.seq, j.ns, j.tokens)
		}
		if err := e.kv.Reserve(&j.seq, len(j.tokens)); err != nil {
			e.kv.Release(&j.seq)
			return
		}
		j.computed = j.seq.Shared
		e.order++
		j.order = e.order
		e.running = append(e.running, j)
		if a != nil {
			active[a] = true
		}
		e.waiting = append(e.waiting[:i], e.waiting[i+1:]...)
	}
}

func (e *Engine) youngest() *job {
	var y *job
	for _, j := range e.running {
		if y == nil || j.order > y.order {
			y = j
		}
	}
	return y
}

// preempt releases j's KV and puts it back at the head of the queue; its
// tokens so far are recomputed on readmission.
func (e *Engine) preempt(j *job) {
	e.remove(j)
	e.kv.Release(&j.seq)
	j.computed = 0
	e.stats.preempt.Add(1)
	e.mu.Lock()
	e.waiting = append([]*job{j}, e.waiting...)
	e.mu.Unlock()
}

func (e *Engine) remove(j *job) {
	for i, r := range e.running {
		if r == j {
			e.running = append(e.running[:i], e.running[i+1:]...)
			return
		}
	}
}

// eventQueue decouples the scheduler from slow consumers: the scheduler
// appends without blocking (at most max-tokens + 1 events per request), and
// a goroutine per request forwards them to the caller's channel.
type eventQueue struct {
	mu     sync.Mutex
	events []Event
	notify chan struct{}
}

func newEventQueue() *eventQueue { return &eventQueue{notify: make(chan struct{}, 1)} }

func (q *eventQueue) push(ev Event) {
	q.mu.Lock()
	q.events = append(q.events, ev)
	q.mu.Unlock()
	select {
	case q.notify <- struct{}{}:
	default:
	}
}

// forward delivers events to ch until the Done event, then closes ch. If the
// caller stops reading after cancelling ctx, the Done event is dropped
// rather than leaking the goroutine.
func (q *eventQueue) forward(ctx context.Context, ch chan<- Event) {
	defer close(ch)
	for {
		q.mu.Lock()
		evs := q.events
		q.events = nil
		q.mu.Unlock()
		for _, ev := range evs {
			select {
			case ch <- ev:
			case <-ctx.Done():
				// Still deliver if the reader is there, but don't wait forever.
				select {
				case ch <- ev:
				default:
					if ev.Done {
						return
					}
					continue
				}
			}
			if ev.Done {
				return
			}
		}
		<-q.notify
	}
}
