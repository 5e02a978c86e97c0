package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/internal/testutil"
)

// env is a real server on loopback: a real model, tokenizer, engine and
// (optionally) adapter store.
type env struct {
	srv   *Server
	http  *httptest.Server
	eng   *engine.Engine
	store *adapters.Store
}

func newEnv(t testing.TB, m *model.Model, tokPath string, opts engine.Options, store *adapters.Store, name string) *env {
	t.Helper()
	eng, err := engine.New(m, opts)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := LoadTokenizer(tokPath, "", m.Config.VocabSize)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Engine: eng, Tokenizer: tok, Store: store, ModelName: name, MaxBodyBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(func() {
		hs.Close()
		eng.Close()
		if store != nil {
			store.Close()
		}
	})
	return &env{srv: s, http: hs, eng: eng, store: store}
}

// storiesEnv serves llama2.c's stories260K with its 512-token vocabulary.
func storiesEnv(t testing.TB, opts engine.Options) *env {
	t.Helper()
	m, err := model.Load(testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"))
	if err != nil {
		t.Fatal(err)
	}
	return newEnv(t, m, testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), opts, nil, "stories260K")
}

// synthCfg is a seeded HF-format LLaMA with tok512's vocabulary; slowCfg is
// big enough that a long generation lasts seconds on the CI machine (for
// the backpressure and disconnect tests).
var (
	synthCfg = func() model.Config {
		c := model.TinyConfig
		c.VocabSize, c.MaxSeqLen = 512, 512
		return c
	}()
	slowCfg = func() model.Config {
		c := synthCfg
		c.Dim, c.HiddenDim, c.NLayers, c.NHeads, c.NKVHeads, c.HeadDim = 256, 768, 4, 4, 4, 64
		return c
	}()
)

// synthEnv writes a synthetic model and two PEFT adapters ("alpha", "beta")
// to disk, registers the adapters and serves them.
func synthEnv(t *testing.T, cfg model.Config, opts engine.Options) (*env, [2][32]byte) {
	t.Helper()
	dir := t.TempDir()
	mdir := filepath.Join(dir, "model")
	if err := model.WriteSynthetic(mdir, cfg, 11); err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(mdir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := adapters.Open(adapters.StoreConfig{
		HostBudget: -1,
		Fetchers:   []adapters.Fetcher{adapters.DirFetcher{Root: filepath.Join(dir, "source")}},
	}, m.Config)
	if err != nil {
		t.Fatal(err)
	}
	var hashes [2][32]byte
	for i, name := range []string{"alpha", "beta"} {
		adir := filepath.Join(dir, name)
		if err := lora.WriteSynthetic(adir, m.Config, 4, 64, []string{"q_proj", "v_proj", "o_proj", "down_proj"}, uint64(100+i), false); err != nil {
			t.Fatal(err)
		}
		h, err := store.Register(adir)
		if err != nil {
			t.Fatal(err)
		}
		store.Alias(name, h, uint64(i+1))
		hashes[i] = h
	}
	return newEnv(t, m, testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), opts, store, "synth"), hashes
}

func (e *env) post(t *testing.T, path, body string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(e.http.URL+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func (e *env) get(t *testing.T, path string) []byte {
	t.Helper()
	resp, err := http.Get(e.http.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	return b
}

// completion is the decoded non-streaming response.
type completion struct {
	ID                string `json:"id"`
	Object            string `json:"object"`
	Created           int64  `json:"created"`
	Model             string `json:"model"`
	SystemFingerprint string `json:"system_fingerprint"`
	Choices           []struct {
		Index   int     `json:"index"`
		Text    *string `json:"text"`
		Message *struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"message"`
		Logprobs     any     `json:"logprobs"`
		FinishReason *string `json:"finish_reason"`
	} `json:"choices"`
	Usage   *Usage          `json:"usage"`
	Receipt json.RawMessage `json:"receipt"`
}

func (e *env) complete(t *testing.T, path, body string) (completion, *receipt.Receipt) {
	t.Helper()
	resp, b := e.post(t, path, body)
	if resp.StatusCode != 200 {
		t.Fatalf("POST %s %s: %d %s", path, body, resp.StatusCode, b)
	}
	var c completion
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
	rc, err := receipt.ParseJSON(c.Receipt)
	if err != nil {
		t.Fatalf("receipt of %s: %v", b, err)
	}
	return c, rc
}

// readSSE splits a raw SSE body into its data payloads, checking the
// framing byte by byte: every event is exactly "data: <payload>\n\n".
func readSSE(t *testing.T, body []byte) []string {
	t.Helper()
	var out []string
	rest := body
	for len(rest) > 0 {
		if !bytes.HasPrefix(rest, []byte("data: ")) {
			t.Fatalf("event does not start with \"data: \": %q", rest[:min(len(rest), 80)])
		}
		i := bytes.Index(rest, []byte("\n\n"))
		if i < 0 {
			t.Fatalf("unterminated event %q", rest)
		}
		payload := rest[len("data: "):i]
		if bytes.ContainsAny(payload, "\r\n") {
			t.Fatalf("payload spans lines: %q", payload)
		}
		out = append(out, string(payload))
		rest = rest[i+2:]
	}
	if len(out) == 0 || out[len(out)-1] != "[DONE]" {
		t.Fatalf("stream does not end with data: [DONE]: %q", body)
	}
	return out
}

// streamFirst opens a streaming request and returns once the first event
// has arrived; cancel closes the connection.
func (e *env) streamFirst(t *testing.T, body string) (cancel func(), first string) {
	t.Helper()
	req, err := http.NewRequest("POST", e.http.URL+"/v1/completions", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	tr := &http.Transport{}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("stream: %d %s", resp.StatusCode, b)
	}
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	return func() { resp.Body.Close(); tr.CloseIdleConnections() }, line
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func paramsOf(rc *receipt.Receipt) sample.Params {
	s := rc.Sampler
	return sample.Params{Temperature: s.Temperature, TopK: s.TopK, TopP: s.TopP, RepetitionPenalty: s.RepetitionPenalty,
		Seed: s.Seed, MaxTokens: s.MaxTokens, StopTokens: s.StopTokens}
}
