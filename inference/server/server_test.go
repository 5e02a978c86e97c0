package server

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/receipt"
)

func TestCompletionMatchesEngine(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	c, rc := e.complete(t, "/v1/completions", `{"model":"stories260K","prompt":"Once upon a time","max_tokens":40,"temperature":0}`)
	if c.Object != "text_completion" || !strings.HasPrefix(c.ID, "cmpl-") || c.Model != "stories260K" || c.Created == 0 {
		t.Fatalf("bad envelope %+v", c)
	}
	ch := c.Choices[0]
	if ch.Text == nil || *ch.Text == "" || ch.Logprobs != nil || ch.FinishReason == nil {
		t.Fatalf("bad choice %+v", ch)
	}
	// The same prompt straight through the engine gives the same tokens.
	tokens, finish, err := e.eng.Generate(context.Background(), &engine.Request{ID: "direct", Prompt: rc.PromptTokenIDs, Params: paramsOf(rc)})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(tokens) != fmt.Sprint(rc.OutputTokenIDs) || finish != *ch.FinishReason {
		t.Fatalf("server tokens %v (%s), engine %v (%s)", rc.OutputTokenIDs, *ch.FinishReason, tokens, finish)
	}
	if got := e.srv.tok.Decode(tokens); got != *ch.Text || rc.OutputText != got {
		t.Fatalf("text %q, receipt %q, decode %q", *ch.Text, rc.OutputText, got)
	}
	if c.Usage.PromptTokens != len(rc.PromptTokenIDs) || c.Usage.CompletionTokens != len(tokens) ||
		c.Usage.TotalTokens != c.Usage.PromptTokens+c.Usage.CompletionTokens {
		t.Fatalf("usage %+v vs receipt", c.Usage)
	}
	// llama2.c's run.c, greedy on the same prompt, emits these and stops at
	// BOS (inference/engine/golden_test.go records the run).
	if want := "[473 473 473 473 473 473 473 483 339 260 403 305 299 302 310]"; fmt.Sprint(tokens) != want || finish != "stop" {
		t.Errorf("tokens %v (%s), run.c gives %s (stop)", tokens, finish, want)
	}
	if rc.PromptTokenIDs[0] != 1 {
		t.Errorf("prompt does not start with BOS: %v", rc.PromptTokenIDs)
	}
	if rc.ModelHash != e.eng.Model().Hash || rc.Sampler.Temperature != 0 || rc.Sampler.MaxTokens != 40 || len(rc.Adapters) != 0 {
		t.Errorf("receipt fields %+v", rc)
	}
}

func TestSeededSamplingReproducible(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	body := `{"model":"base","prompt":[1, 403, 407],"max_tokens":30,"temperature":0.9,"top_p":0.95,"top_k":50,"repetition_penalty":1.1,"seed":12345}`
	_, a := e.complete(t, "/v1/completions", body)
	_, b := e.complete(t, "/v1/completions", body)
	if a.Sampler.Seed != 12345 || a.Sampler.TopK != 50 || a.Sampler.TopP != 0.95 || a.Sampler.RepetitionPenalty != 1.1 {
		t.Fatalf("sampler not recorded: %+v", a.Sampler)
	}
	// Different request ids key different random streams; the receipt
	// records the id, so each is reproducible through the engine.
	for _, rc := range []*receipt.Receipt{a, b} {
		tokens, _, err := e.eng.Generate(context.Background(), &engine.Request{ID: rc.RequestID, Prompt: rc.PromptTokenIDs, Params: paramsOf(rc)})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(tokens) != fmt.Sprint(rc.OutputTokenIDs) {
			t.Fatalf("replay of %s: %v, receipt %v", rc.RequestID, tokens, rc.OutputTokenIDs)
		}
	}
}

func TestCompletionStreamSSE(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	full, _ := e.complete(t, "/v1/completions", `{"model":"stories260K","prompt":"Once upon a time","max_tokens":40,"temperature":0}`)
	resp, body := e.post(t, "/v1/completions", `{"model":"stories260K","prompt":"Once upon a time","max_tokens":40,"temperature":0,"stream":true,"stream_options":{"include_usage":true}}`)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream; charset=utf-8" {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	events := readSSE(t, body)
	// token chunks..., finish chunk (with receipt), usage chunk, [DONE]
	if len(events) < 4 {
		t.Fatalf("too few events: %q", events)
	}
	var text strings.Builder
	var id string
	for i, ev := range events[:len(events)-3] {
		var c struct {
			ID      string `json:"id"`
			Object  string `json:"object"`
			Created int64  `json:"created"`
			Model   string `json:"model"`
			Choices []struct {
				Text         string  `json:"text"`
				Index        int     `json:"index"`
				Logprobs     any     `json:"logprobs"`
				FinishReason *string `json:"finish_reason"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(ev), &c); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			id = c.ID
		}
		if c.ID != id || c.Object != "text_completion" || c.Model != "stories260K" || len(c.Choices) != 1 || c.Choices[0].FinishReason != nil {
			t.Fatalf("chunk %d: %s", i, ev)
		}
		// Byte-level shape the OpenAI clients parse.
		if !strings.HasPrefix(ev, `{"id":"cmpl-`) || !strings.Contains(ev, `"logprobs":null,"finish_reason":null}]`) {
			t.Fatalf("chunk %d bytes: %s", i, ev)
		}
		text.WriteString(c.Choices[0].Text)
	}
	if text.String() != *full.Choices[0].Text {
		t.Fatalf("streamed %q, non-streamed %q", text.String(), *full.Choices[0].Text)
	}
	var fin struct {
		Choices []CompletionChoice `json:"choices"`
		Receipt json.RawMessage    `json:"receipt"`
		Usage   *Usage             `json:"usage"`
	}
	if err := json.Unmarshal([]byte(events[len(events)-3]), &fin); err != nil {
		t.Fatal(err)
	}
	if fin.Choices[0].FinishReason == nil || *fin.Choices[0].FinishReason != *full.Choices[0].FinishReason || fin.Usage != nil {
		t.Fatalf("finish chunk %s", events[len(events)-3])
	}
	rc, err := receipt.ParseJSON(fin.Receipt)
	if err != nil {
		t.Fatal(err)
	}
	if rc.OutputText != text.String() || rc.RequestID != id {
		t.Fatalf("stream receipt %+v", rc)
	}
	usage := events[len(events)-2]
	if !strings.Contains(usage, `"choices":[],"usage":{"prompt_tokens":`) {
		t.Fatalf("usage chunk %s", usage)
	}
}

func TestChatStreamSSE(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	full, rc := e.complete(t, "/v1/chat/completions", `{"model":"stories260K","messages":[{"role":"user","content":"Tell me a story."}],"max_tokens":30,"temperature":0}`)
	if full.Object != "chat.completion" || !strings.HasPrefix(full.ID, "chatcmpl-") || full.Choices[0].Message == nil ||
		full.Choices[0].Message.Role != "assistant" || full.Choices[0].Message.Content != rc.OutputText || full.Usage == nil {
		t.Fatalf("chat response %+v", full)
	}
	resp, body := e.post(t, "/v1/chat/completions", `{"model":"stories260K","messages":[{"role":"user","content":[{"type":"text","text":"Tell me a story."}]}],"max_tokens":30,"temperature":0,"stream":true}`)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	events := readSSE(t, body)
	if !strings.Contains(events[0], `"object":"chat.completion.chunk"`) || !strings.Contains(events[0], `"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null`) {
		t.Fatalf("first chunk %s", events[0])
	}
	var text strings.Builder
	for _, ev := range events[1 : len(events)-2] {
		var c struct {
			Choices []struct {
				Delta struct {
					Role    string  `json:"role"`
					Content *string `json:"content"`
				} `json:"delta"`
				FinishReason *string `json:"finish_reason"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(ev), &c); err != nil {
			t.Fatal(err)
		}
		if c.Choices[0].Delta.Content == nil || c.Choices[0].FinishReason != nil || c.Choices[0].Delta.Role != "" {
			t.Fatalf("content chunk %s", ev)
		}
		text.WriteString(*c.Choices[0].Delta.Content)
	}
	if text.String() != full.Choices[0].Message.Content {
		t.Fatalf("streamed %q, full %q", text.String(), full.Choices[0].Message.Content)
	}
	last := events[len(events)-2]
	if !strings.Contains(last, `"delta":{},"logprobs":null,"finish_reason":"`) || !strings.Contains(last, `"receipt":{`) {
		t.Fatalf("finish chunk %s", last)
	}
}

func TestStopSequences(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	_, base := e.complete(t, "/v1/completions", `{"model":"base","prompt":"Once upon a time","max_tokens":60,"temperature":0}`)
	text := base.OutputText
	// Pick a stop sequence from the middle of the greedy text.
	runes := []rune(text)
	if len(runes) < 12 {
		t.Fatalf("generation too short: %q", text)
	}
	stop := string(runes[len(runes)/2 : len(runes)/2+3])
	want := text[:strings.Index(text, stop)]
	body := fmt.Sprintf(`{"model":"base","prompt":"Once upon a time","max_tokens":60,"temperature":0,"stop":[%q,"zzzz"]}`, stop)
	c, rc := e.complete(t, "/v1/completions", body)
	if *c.Choices[0].Text != want || *c.Choices[0].FinishReason != "stop" || rc.OutputText != want {
		t.Fatalf("stop %q: got %q (%s), want %q", stop, *c.Choices[0].Text, *c.Choices[0].FinishReason, want)
	}
	if len(rc.OutputTokenIDs) >= len(base.OutputTokenIDs) || c.Usage.CompletionTokens != len(rc.OutputTokenIDs) {
		t.Fatalf("generation not cut: %d tokens of %d", len(rc.OutputTokenIDs), len(base.OutputTokenIDs))
	}
	// Streaming never shows any part of the stop sequence.
	_, sb := e.post(t, "/v1/completions", strings.Replace(body, `"temperature":0`, `"temperature":0,"stream":true`, 1))
	var streamed strings.Builder
	for _, ev := range readSSE(t, sb) {
		var ch struct {
			Choices []CompletionChoice `json:"choices"`
		}
		if ev != "[DONE]" && json.Unmarshal([]byte(ev), &ch) == nil && len(ch.Choices) == 1 {
			streamed.WriteString(ch.Choices[0].Text)
		}
	}
	if streamed.String() != want {
		t.Fatalf("streamed %q, want %q", streamed.String(), want)
	}
	// The cut generation still verifies.
	v, err := VerifyReceipt(context.Background(), e.eng, e.srv.tok, nil, rc)
	if err != nil || !v.OK() {
		t.Fatalf("verify stop-cut receipt: %v %v", v, err)
	}
}

func TestErrorsLeaveServerHealthy(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	good := `{"model":"stories260K","prompt":"Hi","max_tokens":3}`
	long := strings.Repeat("once upon a time ", 200)
	cases := []struct {
		name, path, body string
		status           int
		param, code      string
	}{
		{"malformed json", "/v1/completions", `{"model":`, 400, "", "invalid_json"},
		{"trailing json", "/v1/completions", good + `{}`, 400, "", "invalid_json"},
		{"wrong type", "/v1/completions", `{"model":"base","prompt":"x","max_tokens":"ten"}`, 400, "max_tokens", "invalid_value"},
		{"n>1", "/v1/completions", `{"model":"base","prompt":"x","n":2}`, 400, "n", "invalid_value"},
		{"no model", "/v1/completions", `{"prompt":"x"}`, 400, "model", "invalid_value"},
		{"unknown model", "/v1/completions", `{"model":"gpt-4","prompt":"x"}`, 404, "model", "model_not_found"},
		{"adapter without store", "/v1/completions", `{"model":"adapter:foo","prompt":"x"}`, 404, "model", "model_not_found"},
		{"temperature", "/v1/completions", `{"model":"base","prompt":"x","temperature":3}`, 400, "temperature", "invalid_value"},
		{"top_p", "/v1/completions", `{"model":"base","prompt":"x","top_p":0}`, 400, "top_p", "invalid_value"},
		{"max_tokens 0", "/v1/completions", `{"model":"base","prompt":"x","max_tokens":0}`, 400, "max_tokens", "invalid_value"},
		{"negative seed", "/v1/completions", `{"model":"base","prompt":"x","seed":-1}`, 400, "seed", "invalid_value"},
		{"token out of vocab", "/v1/completions", `{"model":"base","prompt":[1,9999]}`, 400, "prompt", "invalid_value"},
		{"over context", "/v1/completions", `{"model":"base","prompt":"x","max_tokens":600}`, 400, "max_tokens", "context_length_exceeded"},
		{"prompt over context", "/v1/completions", fmt.Sprintf(`{"model":"base","prompt":%q}`, long), 400, "prompt", "context_length_exceeded"},
		{"chat over context", "/v1/chat/completions", fmt.Sprintf(`{"model":"base","messages":[{"role":"user","content":%q}]}`, long), 400, "messages", "context_length_exceeded"},
		{"too many stops", "/v1/completions", `{"model":"base","prompt":"x","stop":["a","b","c","d","e"]}`, 400, "stop", "invalid_value"},
		{"logprobs", "/v1/completions", `{"model":"base","prompt":"x","logprobs":2}`, 400, "logprobs", "invalid_value"},
		{"empty messages", "/v1/chat/completions", `{"model":"base","messages":[]}`, 400, "messages", "invalid_value"},
		{"bad role", "/v1/chat/completions", `{"model":"base","messages":[{"role":"robot","content":"x"}]}`, 400, "messages[0].role", "invalid_value"},
		{"image part", "/v1/chat/completions", `{"model":"base","messages":[{"role":"user","content":[{"type":"image_url"}]}]}`, 400, "messages[0].content[0]", "invalid_value"},
		{"oversized body", "/v1/completions", `{"model":"base","prompt":"` + strings.Repeat("a", 70<<10) + `"}`, 413, "", "body_too_large"},
		{"unknown route", "/v1/embeddings", `{}`, 404, "", "not_found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := e.post(t, tc.path, tc.body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, b)
			}
			var er struct {
				Error struct {
					Message string  `json:"message"`
					Type    string  `json:"type"`
					Param   *string `json:"param"`
					Code    *string `json:"code"`
				} `json:"error"`
			}
			if err := json.Unmarshal(b, &er); err != nil || er.Error.Message == "" || er.Error.Type == "" || er.Error.Code == nil || *er.Error.Code != tc.code {
				t.Fatalf("error body %s (%v)", b, err)
			}
			if tc.param != "" && (er.Error.Param == nil || *er.Error.Param != tc.param) {
				t.Fatalf("param %v, want %q: %s", er.Error.Param, tc.param, b)
			}
			// The server keeps serving.
			e.complete(t, "/v1/completions", good)
		})
	}
}

func TestQueueFullMapsTo429(t *testing.T) {
	// Narrow unit test of the mapping; the real backpressure path is
	// TestBackpressureAndDisconnect.
	s := &Server{cfg: Config{RetryAfter: 2e9}}
	rec := httptest.NewRecorder()
	err := s.engineError(rec, fmt.Errorf("submit: %w", engine.ErrQueueFull))
	if err.Status != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "2" {
		t.Fatalf("%+v, Retry-After %q", err, rec.Header().Get("Retry-After"))
	}
	if s.engineError(rec, engine.ErrPromptTooLong).Status != 400 || s.engineError(rec, engine.ErrClosed).Status != 503 {
		t.Fatal("engine error mapping")
	}
}

func TestBackpressureAndDisconnect(t *testing.T) {
	if testing.Short() {
		t.Skip("slow model")
	}
	e, _ := synthEnv(t, slowCfg, engine.Options{MaxBatch: 1, MaxQueue: 1, Workers: 1})
	long := `{"model":"synth","prompt":[1,5,6,7],"max_tokens":500,"temperature":0,"stream":true}`
	cancelA, first := e.streamFirst(t, long)
	if !strings.HasPrefix(first, "data: {") {
		t.Fatalf("first event %q", first)
	}
	waitFor(t, "A running", func() bool { return e.eng.Stats().Running == 1 })
	// B waits in the queue (its response headers come with its first token).
	bDone := make(chan int, 1)
	go func() {
		resp, err := http.Post(e.http.URL+"/v1/completions", "application/json", strings.NewReader(`{"model":"synth","prompt":[1,5],"max_tokens":4}`))
		if err != nil {
			bDone <- -1
			return
		}
		resp.Body.Close()
		bDone <- resp.StatusCode
	}()
	waitFor(t, "B queued", func() bool { return e.eng.Stats().Queued == 1 })
	// C finds the queue full.
	resp, body := e.post(t, "/v1/completions", long)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), `"code":"queue_full"`) {
		t.Fatalf("C: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	// A's client goes away: its slot is freed and B runs.
	cancelA()
	waitFor(t, "B admitted after A's disconnect", func() bool { st := e.eng.Stats(); return st.Queued == 0 && st.Running == 1 })
	if got := <-bDone; got != 200 {
		t.Fatalf("B finished with %d", got)
	}
	waitFor(t, "idle engine", func() bool { return e.eng.Stats().Running == 0 })
	metrics := string(e.get(t, "/metrics"))
	for _, want := range []string{
		`paichain_infer_requests_total{code="429",endpoint="completions"} 1`,
		`paichain_infer_generations_total{reason="cancelled"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestAdaptersAndMerges(t *testing.T) {
	e, h := synthEnv(t, synthCfg, engine.Options{})
	prompt := `"prompt":[1,20,30,40],"max_tokens":12,"temperature":0`
	_, base := e.complete(t, "/v1/completions", `{"model":"synth",`+prompt+`}`)
	hexA := hex.EncodeToString(h[0][:])
	outs := map[string]*receipt.Receipt{}
	for _, m := range []string{
		"adapter:" + hexA, "adapter:alpha", "adapter:id:1", "adapter:0x" + hexA,
		"adapter:beta",
		"adapter:alpha*0.7+adapter:beta*0.3",
		"adapter:alpha*0.7+adapter:beta*0.3@ties",
		"adapter:alpha*0.5+adapter:beta*0.5@dare",
		"adapter:alpha*0.5",
	} {
		_, rc := e.complete(t, "/v1/completions", fmt.Sprintf(`{"model":%q,%s}`, m, prompt))
		outs[m] = rc
		v, err := VerifyReceipt(context.Background(), e.eng, e.srv.tok, e.store, rc)
		if err != nil || !v.OK() {
			t.Fatalf("%s: verify %v %v", m, v, err)
		}
	}
	a := outs["adapter:alpha"]
	if len(a.Adapters) != 1 || a.Adapters[0].Hash != h[0] || a.Adapters[0].Weight != 1 || a.MergeMethod != "" {
		t.Fatalf("single adapter receipt %+v", a.Adapters)
	}
	for _, m := range []string{"adapter:" + hexA, "adapter:id:1", "adapter:0x" + hexA} {
		if fmt.Sprint(outs[m].OutputTokenIDs) != fmt.Sprint(a.OutputTokenIDs) {
			t.Errorf("%s and adapter:alpha differ", m)
		}
	}
	if fmt.Sprint(a.OutputTokenIDs) == fmt.Sprint(base.OutputTokenIDs) && fmt.Sprint(outs["adapter:beta"].OutputTokenIDs) == fmt.Sprint(base.OutputTokenIDs) {
		t.Errorf("adapters do not change the output")
	}
	ties := outs["adapter:alpha*0.7+adapter:beta*0.3@ties"]
	if ties.MergeMethod != "ties" || len(ties.Adapters) != 2 || ties.Adapters[1].Hash != h[1] || ties.Adapters[1].Weight != 0.3 {
		t.Fatalf("merge receipt %+v %s", ties.Adapters, ties.MergeMethod)
	}
	if outs["adapter:alpha*0.5"].MergeMethod != "linear" {
		t.Fatalf("weighted single adapter not merged")
	}
	models := string(e.get(t, "/v1/models"))
	for _, want := range []string{`"id":"synth"`, `"id":"adapter:` + hexA + `"`, `"id":"adapter:alpha"`, `"id":"adapter:beta"`, `"object":"list"`} {
		if !strings.Contains(models, want) {
			t.Errorf("/v1/models lacks %s: %s", want, models)
		}
	}
	if card := string(e.get(t, "/v1/models/adapter:alpha")); !strings.Contains(card, `"id":"adapter:alpha","object":"model"`) {
		t.Errorf("/v1/models/adapter:alpha: %s", card)
	}
	if resp, err := http.Get(e.http.URL + "/v1/models/adapter:nope"); err != nil || resp.StatusCode != 404 {
		t.Errorf("unknown model card: %v %v", resp.StatusCode, err)
	}
	for _, tc := range []struct {
		model  string
		status int
	}{
		{"adapter:gamma", 404},
		{"adapter:" + strings.Repeat("ab", 32), 404},
		{"adapter:alpha+adapter:alpha", 400},
		{"adapter:alpha*x", 404},
		{"adapter:alpha@median", 404},
	} {
		resp, b := e.post(t, "/v1/completions", fmt.Sprintf(`{"model":%q,%s}`, tc.model, prompt))
		if resp.StatusCode != tc.status || !strings.Contains(string(b), `"error":{`) {
			t.Errorf("%s: %d %s", tc.model, resp.StatusCode, b)
		}
		e.complete(t, "/v1/completions", `{"model":"adapter:beta",`+prompt+`}`)
	}
	metrics := string(e.get(t, "/metrics"))
	for _, want := range []string{
		`paichain_infer_adapter_cache_hits_total{tier="memory"}`,
		`paichain_infer_adapter_cache_loads_total{tier="memory"}`,
		`paichain_infer_adapter_cache_evictions_total{tier="disk"}`,
		`paichain_infer_time_to_first_token_seconds_count`,
		`paichain_infer_inter_token_latency_seconds_bucket`,
		`paichain_infer_queue_depth 0`,
		`paichain_infer_completion_tokens_total`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestConcurrentRequests(t *testing.T) {
	e, _ := synthEnv(t, synthCfg, engine.Options{MaxBatch: 4})
	var wg sync.WaitGroup
	errs := make(chan error, 12)
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			model := []string{"synth", "adapter:alpha", "adapter:beta"}[i%3]
			resp, b := e.post(t, "/v1/completions", fmt.Sprintf(`{"model":%q,"prompt":[1,%d],"max_tokens":16,"stream":%v}`, model, 10+i, i%2 == 0))
			if resp.StatusCode != 200 {
				errs <- fmt.Errorf("%s: %d %s", model, resp.StatusCode, b)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestHealth(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	var h struct {
		Status, Backend, Model string
		ModelHash              string         `json:"model_hash"`
		Engine                 map[string]any `json:"engine"`
	}
	if err := json.Unmarshal(e.get(t, "/health"), &h); err != nil {
		t.Fatal(err)
	}
	mh := e.eng.Model().Hash
	if h.Status != "ok" || h.Backend != "cpu" || h.Model != "stories260K" || h.ModelHash != "0x"+hex.EncodeToString(mh[:]) || h.Engine["kv_blocks"] == nil {
		t.Fatalf("health %+v", h)
	}
}

func TestCorruptAndMismatchedAdapters(t *testing.T) {
	e, _ := synthEnv(t, synthCfg, engine.Options{})
	root := filepath.Join(filepath.Dir(e.eng.Model().Source), "source")
	prompt := `"prompt":[1,2,3],"max_tokens":4`

	// An adapter for another model shape, stored under its own hash.
	other := synthCfg
	other.Dim, other.HeadDim = 96, 24
	tmp := t.TempDir()
	if err := lora.WriteSynthetic(tmp, other, 4, 8, []string{"q_proj"}, 5, false); err != nil {
		t.Fatal(err)
	}
	a, err := lora.Load(tmp, other.NLayers)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(root, a.HashHex())); err != nil {
		t.Fatal(err)
	}
	// Garbage safetensors under a well-formed hash name.
	bad := strings.Repeat("cd", 32)
	if err := os.MkdirAll(filepath.Join(root, bad), 0o755); err != nil {
		t.Fatal(err)
	}
	cfgJSON, _ := os.ReadFile(filepath.Join(root, a.HashHex(), lora.ConfigFile))
	os.WriteFile(filepath.Join(root, bad, lora.ConfigFile), cfgJSON, 0o644)
	os.WriteFile(filepath.Join(root, bad, lora.WeightsFile), []byte("\x08\x00\x00\x00\x00\x00\x00\x00{garbage"), 0o644)

	for _, ref := range []string{a.HashHex(), bad} {
		resp, b := e.post(t, "/v1/completions", fmt.Sprintf(`{"model":"adapter:%s",%s}`, ref, prompt))
		if resp.StatusCode < 400 || resp.StatusCode > 499 || !strings.Contains(string(b), `"code":"invalid_adapter"`) {
			t.Errorf("adapter %s: %d %s", ref[:8], resp.StatusCode, b)
		}
		t.Logf("adapter %s: %d %s", ref[:8], resp.StatusCode, b)
		e.complete(t, "/v1/completions", `{"model":"adapter:alpha",`+prompt+`}`)
	}
}
