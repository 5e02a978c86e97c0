package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/poa"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/attribution/span"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/tokenizer"
	"github.com/paichain/paichain/internal/testutil"
)

var (
	alice = common.HexToAddress("0x00000000000000000000000000000000000000a1")
	bob   = common.HexToAddress("0x00000000000000000000000000000000000000b0")
	pool  = common.HexToAddress("0x00000000000000000000000000000000000000fe")
)

// attReq is a seeded completion whose output is fixed by its request id.
const attReq = `{"model":"stories260K","prompt":"Once upon a time","max_tokens":64,"temperature":0.8,"seed":7,` +
	`"request_id":"0x00000000000000000000000000000000000000000000000000000000000000a7"`

var bobStories = []string{
	"Tom had a big dog. The dog liked to run and jump. One day the dog found a bone under the tree.",
	"The sun was hot. Ben and his mom went to the beach to swim and build a castle of sand.",
	"Lily had a red ball. She liked to play with it in the park with her friends every day.",
}

// storiesOutput is what stories260K writes for attReq.
func storiesOutput(t *testing.T) []int {
	t.Helper()
	_, rc := storiesEnv(t, engine.Options{}).complete(t, "/v1/completions", attReq+"}")
	if len(rc.OutputTokenIDs) < 8 {
		t.Fatalf("short output %v", rc.OutputTokenIDs)
	}
	return rc.OutputTokenIDs
}

// buildStoriesDatanet writes a Datanet with tok512: alice contributed
// output (as token ids, exactly as the model wrote them), bob three stories.
func buildStoriesDatanet(t testing.TB, dir, name string, output []int, tokPool common.Address) string {
	t.Helper()
	tokPath := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")
	tok, err := LoadTokenizer(tokPath, "", 512)
	if err != nil {
		t.Fatal(err)
	}
	info, err := TokenizerInfo(tokPath, "", tok)
	if err != nil {
		t.Fatal(err)
	}
	cs := []datanet.Contribution{{ID: name + "/alice", Contributor: alice, Tokens: output}}
	for i, s := range bobStories {
		cs = append(cs, datanet.Contribution{ID: fmt.Sprintf("%s/bob-%d", name, i), Contributor: bob, Text: s})
	}
	out := filepath.Join(dir, name)
	if _, err := datanet.Build(datanet.Config{Dir: out, Name: name, Tokenizer: info, Tokenize: tok.Encode, LeafSize: 128, Pool: tokPool},
		datanet.Slice(cs)); err != nil {
		t.Fatal(err)
	}
	return out
}

// attEnv serves stories260K attributing to the Datanets in dirs.
func attEnv(t testing.TB, cfg poa.Config, rag RAGOptions) (*env, *poa.Set, tokenizer.Tokenizer) {
	t.Helper()
	m, err := model.Load(testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"))
	if err != nil {
		t.Fatal(err)
	}
	tokPath := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")
	tok, err := LoadTokenizer(tokPath, "", m.Config.VocabSize)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Tokenizer, err = TokenizerInfo(tokPath, "", tok); err != nil {
		t.Fatal(err)
	}
	cfg.Tokenize, cfg.Decode = tok.Encode, tok.Decode
	if cfg.ChunkTokens == 0 {
		cfg.ChunkTokens = 24 // two chunks fit stories260K's 512-token context
	}
	set, err := poa.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(m, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Engine: eng, Tokenizer: tok, ModelName: "stories260K", MaxBodyBytes: 64 << 10, Attribution: set, RAG: rag})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(func() {
		hs.Close()
		eng.Close()
		set.Close()
	})
	return &env{srv: s, http: hs, eng: eng}, set, tok
}

// attributed is a response with its attribution.
type attributed struct {
	Receipt     json.RawMessage `json:"receipt"`
	Attribution json.RawMessage `json:"attribution"`
}

func (e *env) attributed(t *testing.T, path, body string) (*receipt.Receipt, *poa.Attribution, json.RawMessage) {
	t.Helper()
	resp, b := e.post(t, path, body)
	if resp.StatusCode != 200 {
		t.Fatalf("POST %s %s: %d %s", path, body, resp.StatusCode, b)
	}
	var a attributed
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	rc, err := receipt.ParseJSON(a.Receipt)
	if err != nil {
		t.Fatal(err)
	}
	att, err := poa.Decode(bytes.NewReader(a.Attribution))
	if err != nil {
		t.Fatalf("attribution of %s: %v", b, err)
	}
	return rc, att, a.Attribution
}

// TestAttributionSpan: a completion that repeats alice's contribution is
// credited to alice, with evidence that span.Verify accepts against the
// manifest alone, identical on a repeat and in a stream; VerifyAttribution
// and VerifyReceipt accept the pair.
func TestAttributionSpan(t *testing.T) {
	out := storiesOutput(t)
	dir := buildStoriesDatanet(t, t.TempDir(), "stories", out, pool)
	e, set, tok := attEnv(t, poa.Config{Dirs: []string{dir}}, RAGOptions{})
	rc, att, raw := e.attributed(t, "/v1/completions", attReq+"}")
	if !slices.Equal(rc.OutputTokenIDs, out) {
		t.Fatalf("output %v, expected %v", rc.OutputTokenIDs, out)
	}
	src := set.Sources()[0]
	if att.Method != poa.MethodSpan || *att.Datanet != src.Root() || att.ReceiptHash != common.Hash(rc.ReceiptHash) || att.Pool != pool {
		t.Fatalf("attribution header %s", raw)
	}
	if len(att.Spans) == 0 || att.Spans[0].Start != 0 || len(att.Contributors) == 0 || att.Contributors[0].Address != alice {
		t.Fatalf("alice not credited first: %s", raw)
	}
	var total uint64
	for _, c := range att.Contributors {
		total += uint64(c.Weight)
	}
	if total != 1_000_000 || len(att.Citations) != 0 || att.RAG != nil {
		t.Fatalf("weights sum to %d: %s", total, raw)
	}
	if !bytes.Contains(raw, []byte(`"weight":"`)) {
		t.Fatalf("weights are not decimal strings: %s", raw)
	}
	// The evidence verifies against the manifest alone, and its weights
	// are the contributors (span only).
	ws, err := span.Verify(src.DN.Manifest, att.Evidence, span.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range ws {
		if att.Contributors[i].Address != w.Contributor || uint64(att.Contributors[i].Weight) != w.Weight {
			t.Fatalf("contributor %d %v, evidence %v", i, att.Contributors[i], w)
		}
	}
	if err := VerifyAttribution(set, tok, rc, att); err != nil {
		t.Fatal(err)
	}
	v, err := VerifyReceipt(context.Background(), e.eng, tok, nil, rc)
	if err != nil || !v.OK() {
		t.Fatalf("receipt: %v %v", v, err)
	}
	// Same request, same bytes.
	_, _, raw2 := e.attributed(t, "/v1/completions", attReq+"}")
	if !bytes.Equal(raw, raw2) {
		t.Fatal("the same request gave a different attribution")
	}
	// The stream's final chunk carries the same attribution.
	_, body := e.post(t, "/v1/completions", attReq+`,"stream":true}`)
	events := readSSE(t, body)
	var last attributed
	if err := json.Unmarshal([]byte(events[len(events)-2]), &last); err != nil {
		t.Fatal(err)
	}
	sa, err := poa.Decode(bytes.NewReader(last.Attribution))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, sa), mustJSON(t, att); !bytes.Equal(a, b) {
		t.Fatal("streamed attribution differs")
	}
	for _, ev := range events[:len(events)-2] {
		if strings.Contains(ev, `"attribution"`) {
			t.Fatalf("attribution before the final chunk: %s", ev)
		}
	}
	// A completion that does not repeat the corpus credits nobody.
	_, att, _ = e.attributed(t, "/v1/completions", `{"model":"stories260K","prompt":[1, 403],"max_tokens":1,"temperature":0}`)
	if att.Method != poa.MethodSpan || len(att.Contributors) != 0 {
		t.Fatalf("one token credited %v", att.Contributors)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestAttributionRAG: retrieval puts the top chunks into the prompt with
// the documented template; the receipt commits the augmented prompt, its
// replay matches, and VerifyAttribution rebuilds the prompt from the
// recorded query. Chat wraps the last user message.
func TestAttributionRAG(t *testing.T) {
	dir := buildStoriesDatanet(t, t.TempDir(), "stories", []int{403, 407, 411}, common.Address{})
	e, set, tok := attEnv(t, poa.Config{Dirs: []string{dir}}, RAGOptions{})
	src := set.Sources()[0]
	query := "The dog found a bone under the tree"
	for _, tc := range []struct {
		path, body string
	}{
		{"/v1/completions", fmt.Sprintf(`{"model":"stories260K","prompt":%q,"max_tokens":24,"seed":3,"rag":{"datanet":"stories","k":2}}`, query)},
		{"/v1/chat/completions", fmt.Sprintf(`{"model":"stories260K","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":%q}],"max_tokens":24,"seed":3,"rag":{"k":2}}`, query)},
	} {
		t.Run(tc.path, func(t *testing.T) {
			rc, att, raw := e.attributed(t, tc.path, tc.body)
			if att.Method != poa.MethodBoth || att.RAG == nil || att.RAG.Query != query || att.RAG.K != 2 || att.RAG.ChunkTokens != 24 {
				t.Fatalf("retrieval record %s", raw)
			}
			if len(att.Citations) != 2 || att.Citations[0].Contributor != bob || !strings.Contains(att.Citations[0].Text, "bone") {
				t.Fatalf("citations %+v", att.Citations)
			}
			// The prompt the receipt commits is the template around the query.
			cites, _ := set.Retrieve(src, query, 2)
			prompt := tok.Decode(rc.PromptTokenIDs)
			if want := rag.PromptWithContext(query, cites); !strings.Contains(prompt, strings.TrimSuffix(want, "\nAnswer:")) {
				t.Fatalf("prompt %q does not hold %q", prompt, want)
			}
			// bob's chunks earn the RAG share; the output matches nothing.
			if len(att.Contributors) != 1 || att.Contributors[0].Address != bob || att.Contributors[0].Weight != 1_000_000 {
				t.Fatalf("contributors %+v", att.Contributors)
			}
			if err := VerifyAttribution(set, tok, rc, att); err != nil {
				t.Fatal(err)
			}
			if v, err := VerifyReceipt(context.Background(), e.eng, tok, nil, rc); err != nil || !v.OK() {
				t.Fatalf("receipt: %v %v", v, err)
			}
			// A receipt whose prompt is not the RAG prompt does not verify.
			bad := *rc
			bad.PromptTokenIDs = slices.Clone(rc.PromptTokenIDs)
			bad.PromptTokenIDs[3]++
			if err := bad.Seal(); err != nil {
				t.Fatal(err)
			}
			att2, _ := poa.Decode(bytes.NewReader(raw))
			att2.ReceiptHash = common.Hash(bad.ReceiptHash)
			if err := VerifyAttribution(set, tok, &bad, att2); !errors.Is(err, poa.ErrMismatch) || !strings.Contains(err.Error(), "prompt") {
				t.Fatalf("altered prompt: %v", err)
			}
			// Nor does a recorded query that retrieves other chunks.
			att2, _ = poa.Decode(bytes.NewReader(raw))
			att2.RAG.Query = "Ben went to the beach"
			if att2.RAG.Messages != nil {
				att2.RAG.Messages[len(att2.RAG.Messages)-1].Content = att2.RAG.Query
			}
			if err := VerifyAttribution(set, tok, rc, att2); !errors.Is(err, poa.ErrMismatch) {
				t.Fatalf("altered query: %v", err)
			}
		})
	}
	// "rag": false turns off the server default.
	e2, _, _ := attEnv(t, poa.Config{Dirs: []string{dir}}, RAGOptions{Default: true, K: 1})
	_, att, _ := e2.attributed(t, "/v1/completions", fmt.Sprintf(`{"model":"base","prompt":%q,"max_tokens":4}`, query))
	if att.RAG == nil || att.RAG.K != 1 || len(att.Citations) != 1 {
		t.Fatalf("server default: %+v", att.RAG)
	}
	_, att, _ = e2.attributed(t, "/v1/completions", fmt.Sprintf(`{"model":"base","prompt":%q,"max_tokens":4,"rag":false}`, query))
	if att.RAG != nil || att.Method != poa.MethodSpan {
		t.Fatalf("rag false: %+v", att)
	}
}

// TestAttributionBadInput: bad rag fields, unknown Datanets, retrieval
// without a text prompt or without Datanets, and evidence over the cap
// are clear 400s that credit nobody; the server keeps serving.
func TestAttributionBadInput(t *testing.T) {
	dir := t.TempDir()
	a := buildStoriesDatanet(t, dir, "a", []int{403, 407, 411}, common.Address{})
	b := buildStoriesDatanet(t, dir, "b", []int{403, 407, 411}, common.Address{})
	e, set, _ := attEnv(t, poa.Config{Dirs: []string{a, b}}, RAGOptions{})
	plain := storiesEnv(t, engine.Options{})
	good := `{"model":"stories260K","prompt":"Once upon a time","max_tokens":4`
	for _, tc := range []struct {
		name, body, param, code string
		e                       *env
	}{
		{"unknown datanet", good + `,"rag":{"datanet":"nope"}}`, "rag.datanet", "datanet_not_found", e},
		{"unknown root", good + `,"rag":{"datanet":"` + common.Hash{1}.Hex() + `"}}`, "rag.datanet", "datanet_not_found", e},
		{"k zero", good + `,"rag":{"datanet":"a","k":0}}`, "rag.k", "invalid_value", e},
		{"k too big", good + `,"rag":{"datanet":"a","k":17}}`, "rag.k", "invalid_value", e},
		{"unknown rag field", good + `,"rag":{"datanet":"a","topk":2}}`, "rag", "invalid_value", e},
		{"rag string", good + `,"rag":"a"}`, "rag", "invalid_value", e},
		{"ambiguous datanet", good + `,"rag":true}`, "rag.datanet", "invalid_value", e},
		{"token prompt", `{"model":"base","prompt":[1,2,3],"rag":{"datanet":"a"}}`, "rag", "invalid_value", e},
		{"no user message", `{"model":"base","messages":[{"role":"system","content":"x"}],"rag":{"datanet":"a"}}`, "messages", "invalid_value", e},
		{"no datanets", good + `,"rag":true}`, "rag", "invalid_value", plain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := "/v1/completions"
			if strings.Contains(tc.body, "messages") {
				path = "/v1/chat/completions"
			}
			resp, body := tc.e.post(t, path, tc.body)
			var er struct{ Error APIError }
			if err := json.Unmarshal(body, &er); err != nil || resp.StatusCode != 400 || er.Error.Param == nil || *er.Error.Param != tc.param ||
				er.Error.Code == nil || *er.Error.Code != tc.code || er.Error.Type != "invalid_request_error" {
				t.Fatalf("%d %s", resp.StatusCode, body)
			}
			t.Log(er.Error.Message)
			tc.e.complete(t, "/v1/completions", good+"}") // still serving
		})
	}
	// Two Datanets and no adapter link: the completion is attributed to
	// none (and says why) unless the request names one.
	_, att, _ := e.attributed(t, "/v1/completions", good+"}")
	if att.Method != poa.MethodNone || att.Datanet != nil || len(att.Contributors) != 0 || !strings.Contains(att.Reason, "2 are loaded") {
		t.Fatalf("none: %+v", att)
	}
	_, att, _ = e.attributed(t, "/v1/completions", good+`,"rag":{"datanet":"b","k":1}}`)
	if *att.Datanet != set.Sources()[1].Root() || !strings.HasPrefix(att.Citations[0].ContributionID, "b/") {
		t.Fatalf("named datanet: %+v", att)
	}

	// Evidence over the cap: 400, no receipt, no credit; streamed, an error
	// event and no [DONE].
	out := storiesOutput(t)
	c := buildStoriesDatanet(t, dir, "c", out, common.Address{})
	small, _, _ := attEnv(t, poa.Config{Dirs: []string{c}, MaxEvidenceBytes: 512}, RAGOptions{})
	resp, body := small.post(t, "/v1/completions", attReq+"}")
	if resp.StatusCode != 400 || !strings.Contains(string(body), "evidence_too_large") || strings.Contains(string(body), "receipt") {
		t.Fatalf("oversized evidence: %d %s", resp.StatusCode, body)
	}
	resp, body = small.post(t, "/v1/completions", attReq+`,"stream":true}`)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "evidence_too_large") || strings.Contains(string(body), "[DONE]") || strings.Contains(string(body), "receipt") {
		t.Fatalf("oversized evidence, streamed: %s", body)
	}
}

// TestAttributionAdapters: adapters linked to Datanets pick the Datanet of
// their completions; a merge of adapters on different Datanets is
// attributed to none.
func TestAttributionAdapters(t *testing.T) {
	base, hashes := synthEnv(t, synthCfg, engine.Options{})
	dir := t.TempDir()
	a := buildStoriesDatanet(t, dir, "a", []int{403, 407, 411}, common.Address{})
	b := buildStoriesDatanet(t, dir, "b", []int{403, 407, 411}, common.Address{})
	tok := base.srv.tok
	info, err := TokenizerInfo(testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), "", tok)
	if err != nil {
		t.Fatal(err)
	}
	set, err := poa.Open(poa.Config{Dirs: []string{a, b}, Tokenizer: info, Tokenize: tok.Encode, Decode: tok.Decode,
		Adapters: map[[32]byte]string{hashes[0]: "a", hashes[1]: "b"}})
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	s, err := New(Config{Engine: base.eng, Tokenizer: tok, Store: base.store, ModelName: "synth", Attribution: set})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	defer hs.Close()
	e := &env{srv: s, http: hs, eng: base.eng, store: base.store}
	for model, want := range map[string]string{
		"adapter:alpha": "a", "adapter:beta": "b", "adapter:alpha*0.5@linear": "a",
		"adapter:alpha+adapter:beta@linear": "", "synth": "",
	} {
		_, att, raw := e.attributed(t, "/v1/completions", fmt.Sprintf(`{"model":%q,"prompt":"Hi","max_tokens":3}`, model))
		if want == "" {
			if att.Method != poa.MethodNone {
				t.Errorf("%s: %s", model, raw)
			}
			continue
		}
		src, _ := set.Lookup(want)
		if att.Datanet == nil || *att.Datanet != src.Root() {
			t.Errorf("%s: attributed to %v, want %s", model, att.Datanet, want)
		}
	}
	// Retrieval from the other Datanet than the adapter's is refused.
	resp, body := e.post(t, "/v1/completions", `{"model":"adapter:alpha","prompt":"Hi","max_tokens":3,"rag":{"datanet":"b"}}`)
	if resp.StatusCode != 400 || !strings.Contains(string(body), "rag.datanet") {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
}

// FuzzRAGField feeds arbitrary "rag" values through the request plan of a
// server with a Datanet: a clear 400 or a plan, never a panic.
func FuzzRAGField(f *testing.F) {
	dir := buildStoriesDatanet(f, f.TempDir(), "stories", []int{403, 407, 411}, common.Address{})
	e, _, _ := attEnv(f, poa.Config{Dirs: []string{dir}}, RAGOptions{})
	for _, s := range []string{`true`, `false`, `null`, `{"datanet":"stories","k":2}`, `{"k":-1}`, `"x"`, `{"datanet":"0x00"}`, `[1]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rag string) {
		p := Prompt{Text: "Once upon a time", IsText: true}
		body := []byte(`{"model":"stories260K","prompt":"x","rag":` + rag + `}`)
		if !json.Valid(body) {
			return
		}
		plan, aerr := e.srv.planCompletion(body, Sampling{Model: "stories260K"}, &p)
		if aerr == nil && plan == nil {
			t.Fatal("no plan and no error")
		}
		if aerr != nil && (aerr.Status != 400 || aerr.Param == nil) {
			t.Fatalf("error %+v", aerr)
		}
	})
}
