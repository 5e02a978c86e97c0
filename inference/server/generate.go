package server

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/inference/tokenizer"
	"github.com/paichain/paichain/inference/tokenizer/chat"
)

// defaultCompletionMaxTokens is OpenAI's default max_tokens for
// /v1/completions; chat completions default to the rest of the context.
const defaultCompletionMaxTokens = 16

func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// job is one validated request, ready for the engine.
type job struct {
	id, object string
	chat       bool
	model      string // echoed in responses, as OpenAI does
	created    int64
	start      time.Time
	samp       Sampling
	req        engine.Request
	release    func()
	refs       []receipt.AdapterRef
	method     string
	att        *attPlan // nil: the server attributes nothing
}

func (s *Server) handleCompletions(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	body, aerr := s.readBody(w, r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	_, p, samp, aerr := ParseCompletionRequest(body)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	att, aerr := s.planCompletion(body, samp, &p) // may put retrieved chunks into p
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	ids := p.Tokens
	if p.IsText {
		var err error
		if ids, err = s.tok.Encode(p.Text); err != nil {
			writeError(w, badParam("prompt", "cannot tokenize prompt: %v", err))
			return
		}
		ids = s.withBOS(ids)
	}
	s.serve(w, r, &job{id: jobID(samp, "cmpl-"), object: "text_completion", start: start, samp: samp, att: att}, ids, "prompt")
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	body, aerr := s.readBody(w, r)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	_, msgs, samp, aerr := ParseChatRequest(body)
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	att, msgs, aerr := s.planChat(body, samp, msgs) // may put retrieved chunks into the last user message
	if aerr != nil {
		writeError(w, aerr)
		return
	}
	cm := make([]chat.Message, len(msgs))
	for i, m := range msgs {
		cm[i] = chat.Message{Role: m.Role, Content: m.Content}
	}
	text, err := chat.Render(s.cfg.ChatFamily, cm, true)
	if err != nil {
		writeError(w, badParam("messages", "%v", err))
		return
	}
	ids, err := s.tok.Encode(text)
	if err != nil {
		writeError(w, badParam("messages", "cannot tokenize conversation: %v", err))
		return
	}
	s.serve(w, r, &job{id: jobID(samp, "chatcmpl-"), object: "chat.completion", chat: true, start: start, samp: samp, att: att}, s.withBOS(ids), "messages")
}

// withBOS starts a prompt with the tokenizer's BOS token if it has one and
// the text did not already produce it (chat templates write it themselves).
func (s *Server) withBOS(ids []int) []int {
	if bos := s.tok.BOS(); bos >= 0 && (len(ids) == 0 || ids[0] != bos) {
		return append([]int{bos}, ids...)
	}
	return ids
}

// serve finishes preparing j (adapters, limits, sampler) and runs it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, j *job, prompt []int, promptParam string) {
	j.model = j.samp.Model
	j.created = j.start.Unix()
	if aerr := s.prepare(r.Context(), j, prompt, promptParam); aerr != nil {
		writeError(w, aerr)
		return
	}
	defer j.release()
	s.run(w, r, j)
}

func (s *Server) prepare(ctx context.Context, j *job, prompt []int, promptParam string) *APIError {
	mc := s.eng.Model().Config
	if len(prompt) == 0 {
		return badParam(promptParam, "prompt is empty after tokenization")
	}
	for _, id := range prompt {
		if id >= mc.VocabSize {
			return badParam(promptParam, "token id %d outside the vocabulary of %d", id, mc.VocabSize)
		}
	}
	maxTok := j.samp.MaxTokens
	if maxTok == 0 {
		maxTok = mc.MaxSeqLen - len(prompt)
		if !j.chat {
			maxTok = min(maxTok, defaultCompletionMaxTokens)
		}
	}
	if len(prompt) >= mc.MaxSeqLen {
		return apiErr(http.StatusBadRequest, promptParam, "context_length_exceeded",
			"this model's maximum context length is %d tokens; the prompt has %d", mc.MaxSeqLen, len(prompt))
	}
	if len(prompt)+maxTok > mc.MaxSeqLen {
		return apiErr(http.StatusBadRequest, "max_tokens", "context_length_exceeded",
			"this model's maximum context length is %d tokens; the request has %d prompt tokens and asks for %d more", mc.MaxSeqLen, len(prompt), maxTok)
	}
	spec, err := ParseModelSpec(j.samp.Model, s.cfg.ModelName)
	if err != nil {
		return apiErr(http.StatusNotFound, "model", "model_not_found", "%v", err)
	}
	seed := j.samp.Seed
	if !j.samp.SeedGiven {
		seed = randomSeed() // recorded in the receipt, so still replayable
	}
	j.req = engine.Request{
		ID:     j.id,
		Prompt: prompt,
		Params: sample.Params{
			Temperature:       j.samp.Temperature,
			TopK:              j.samp.TopK,
			TopP:              j.samp.TopP,
			RepetitionPenalty: j.samp.RepetitionPenalty,
			Seed:              seed,
			MaxTokens:         maxTok,
			StopTokens:        s.stopTokens,
		},
	}
	if err := j.req.Params.Validate(mc.VocabSize); err != nil {
		return badParam("", "%v", err)
	}
	a, release, refs, err := s.resolveAdapter(ctx, spec, j.samp.MergeSeed)
	if err != nil {
		return adapterError(j.samp.Model, err)
	}
	j.req.Adapter, j.release, j.refs, j.method = a, release, refs, spec.Method
	return nil
}

// result is what one generation produced.
type result struct {
	tokens []int
	text   string
	finish string
	prompt int
}

func (s *Server) run(w http.ResponseWriter, r *http.Request, j *job) {
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	ch, err := s.eng.Submit(ctx, &j.req)
	if err != nil {
		writeError(w, s.engineError(w, err))
		return
	}
	var sse *sseWriter
	if j.samp.Stream {
		sse = newSSEWriter(w)
		if j.chat {
			empty := ""
			_ = sse.event(s.chunk(j, ChatChoice{Delta: &ChatDelta{Role: "assistant", Content: &empty}}))
		}
	}
	emit := func(text string) error {
		if sse == nil || text == "" {
			return nil
		}
		if j.chat {
			return sse.event(s.chunk(j, ChatChoice{Delta: &ChatDelta{Content: &text}}))
		}
		return sse.event(s.chunk(j, CompletionChoice{Text: text}))
	}
	res, gerr := s.collect(ctx, cancel, j, ch, emit)
	s.met.finished.WithLabelValues(res.finish).Inc()
	if gerr != nil {
		if res.finish == engine.FinishCancelled {
			return // the client is gone
		}
		aerr := apiErr(http.StatusInternalServerError, "", "generation_failed", "generation failed: %v", gerr)
		s.cfg.Logger.Error("generation failed", "id", j.id, "err", gerr)
		if sse != nil {
			_ = sse.event(map[string]*APIError{"error": aerr})
			return
		}
		writeError(w, aerr)
		return
	}
	rc, err := s.receipt(j, res)
	if err != nil {
		aerr := apiErr(http.StatusInternalServerError, "", "receipt_failed", "building receipt: %v", err)
		if sse != nil {
			_ = sse.event(map[string]*APIError{"error": aerr})
			return
		}
		writeError(w, aerr)
		return
	}
	att, aerr := s.attribute(j, rc)
	if aerr != nil {
		if sse != nil {
			_ = sse.event(map[string]*APIError{"error": aerr})
			return
		}
		writeError(w, aerr)
		return
	}
	usage := &Usage{PromptTokens: res.prompt, CompletionTokens: len(res.tokens), TotalTokens: res.prompt + len(res.tokens)}
	finish := res.finish
	if sse != nil {
		var last *Response
		if j.chat {
			last = s.chunk(j, ChatChoice{Delta: &ChatDelta{}, FinishReason: &finish})
		} else {
			last = s.chunk(j, CompletionChoice{FinishReason: &finish})
		}
		last.Receipt, last.Attribution = rc, att
		if sse.event(last) != nil {
			return
		}
		if j.samp.IncludeUsage {
			u := s.chunk(j, nil)
			u.Choices, u.Usage = []any{}, usage
			if sse.event(u) != nil {
				return
			}
		}
		_ = sse.done()
		return
	}
	resp := &Response{
		ID: j.id, Object: j.object, Created: j.created, Model: j.model,
		SystemFingerprint: s.fingerprint(), Usage: usage, Receipt: rc, Attribution: att,
	}
	if j.chat {
		resp.Choices = []ChatChoice{{Message: &ChatResponseMessage{Role: "assistant", Content: res.text}, FinishReason: &finish}}
	} else {
		resp.Choices = []CompletionChoice{{Text: res.text, FinishReason: &finish}}
	}
	writeJSON(w, http.StatusOK, resp)
}

// collect reads the engine's events, detokenizes, applies stop sequences
// (cancelling the engine request on a match) and streams text through emit.
func (s *Server) collect(ctx context.Context, cancel context.CancelFunc, j *job, ch <-chan engine.Event, emit func(string) error) (result, error) {
	dec := tokenizer.NewStreamDecoder(s.tok)
	stop := &stopMatcher{stops: j.samp.Stop}
	res := result{prompt: len(j.req.Prompt)}
	var text []byte
	last := j.start
	out := func(t string) {
		text = append(text, t...)
		if err := emit(t); err != nil {
			cancel() // the client is gone: free the engine slot
		}
	}
	for ev := range ch {
		if ev.Done {
			res.finish = ev.FinishReason
			if ev.FinishReason == engine.FinishCancelled || ev.FinishReason == engine.FinishError {
				res.text = string(text)
				err := ev.Err
				if err == nil {
					err = fmt.Errorf("request %s", ev.FinishReason)
				}
				return res, err
			}
			rest, stopped := stop.push(dec.Flush())
			if !stopped {
				rest += stop.flush()
			}
			out(rest)
			res.text = string(text)
			return res, nil
		}
		now := time.Now()
		if len(res.tokens) == 0 {
			s.met.ttft.Observe(now.Sub(j.start).Seconds())
		} else {
			s.met.itl.Observe(now.Sub(last).Seconds())
		}
		last = now
		s.met.tokens.Inc()
		res.tokens = append(res.tokens, ev.Token)
		piece, stopped := stop.push(dec.Add(ev.Token))
		out(piece)
		if stopped {
			// The stop sequence ends the completion: cancel the engine
			// request (the channel drains by itself) and finish as "stop".
			cancel()
			res.finish, res.text = engine.FinishStop, string(text)
			return res, nil
		}
	}
	// The engine drops undeliverable events of a cancelled request.
	res.text = string(text)
	if err := ctx.Err(); err != nil {
		res.finish = engine.FinishCancelled
		return res, err
	}
	res.finish = engine.FinishError
	return res, fmt.Errorf("engine closed the stream of %s without a final event", j.id)
}

func (s *Server) chunk(j *job, choice any) *Response {
	object := "text_completion"
	if j.chat {
		object = "chat.completion.chunk"
	}
	resp := &Response{ID: j.id, Object: object, Created: j.created, Model: j.model, SystemFingerprint: s.fingerprint()}
	switch c := choice.(type) {
	case ChatChoice:
		resp.Choices = []ChatChoice{c}
	case CompletionChoice:
		resp.Choices = []CompletionChoice{c}
	}
	return resp
}

// fingerprint identifies the model and engine build, as OpenAI's
// system_fingerprint identifies a backend configuration.
func (s *Server) fingerprint() string {
	h := s.eng.Model().Hash
	return "fp_" + hex.EncodeToString(h[:6])
}

func (s *Server) receipt(j *job, res result) (*receipt.Receipt, error) {
	p := j.req.Params
	rc := &receipt.Receipt{
		RequestID:      j.id,
		ModelHash:      s.eng.Model().Hash,
		Adapters:       j.refs,
		MergeMethod:    j.method,
		MergeSeed:      j.samp.MergeSeed,
		PromptTokenIDs: j.req.Prompt,
		Sampler: receipt.Sampler{
			Temperature: p.Temperature, TopP: p.TopP, TopK: p.TopK, RepetitionPenalty: p.RepetitionPenalty,
			Seed: p.Seed, MaxTokens: p.MaxTokens, StopTokens: p.StopTokens, Stop: j.samp.Stop,
		},
		EngineVersion:  EngineVersion,
		Determinism:    Determinism,
		OutputTokenIDs: res.tokens,
		OutputText:     res.text,
		FinishReason:   res.finish,
	}
	if j.method == "" {
		rc.MergeSeed = 0
	}
	if err := rc.Seal(); err != nil {
		return nil, err
	}
	return rc, nil
}

// resolveAdapter turns a spec into the adapter to run: nil for the base
// model, the store's (pinned) adapter for one unweighted adapter, or a merge.
func (s *Server) resolveAdapter(ctx context.Context, spec ModelSpec, mergeSeed uint64) (*lora.Adapter, func(), []receipt.AdapterRef, error) {
	noop := func() {}
	if len(spec.Terms) == 0 {
		return nil, noop, []receipt.AdapterRef{}, nil
	}
	if s.store == nil {
		return nil, nil, nil, apiErr(http.StatusNotFound, "model", "model_not_found", "this server has no adapter store (start it with --adapters)")
	}
	refs := make([]receipt.AdapterRef, len(spec.Terms))
	for i, t := range spec.Terms {
		h, err := s.store.Resolve(t.Ref)
		if err != nil {
			return nil, nil, nil, adapterError(t.Ref, err)
		}
		for _, prev := range refs[:i] {
			if prev.Hash == h {
				return nil, nil, nil, badParam("model", "adapter %q appears twice in the merge", t.Ref)
			}
		}
		refs[i] = receipt.AdapterRef{Hash: h, Weight: t.Weight}
	}
	if spec.Method == "" {
		a, release, err := s.store.Acquire(ctx, refs[0].Hash)
		if err != nil {
			return nil, nil, nil, adapterError(spec.Terms[0].Ref, err)
		}
		return a, release, refs, nil
	}
	a, err := s.merged(ctx, spec, refs, mergeSeed)
	if err != nil {
		return nil, nil, nil, err
	}
	return a, noop, refs, nil
}

// merged returns the merged adapter for refs, from the merge cache or by
// acquiring the inputs and merging them.
func (s *Server) merged(ctx context.Context, spec ModelSpec, refs []receipt.AdapterRef, seed uint64) (*lora.Adapter, error) {
	return buildMerged(ctx, s.merges, s.store, spec.Method, refs, seed)
}
