package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/internal/testutil"
)

// runInferAttribution runs the CLI in-process with the commands the
// attribution walkthrough uses.
func runInferAttribution(ctx context.Context, args ...string) (string, error) {
	var out bytes.Buffer
	app := &cli.App{
		Name:           "paichain",
		Commands:       []*cli.Command{inferCommand, datanetCommand, attributeCommand},
		Writer:         &out,
		ErrWriter:      &out,
		ExitErrHandler: func(*cli.Context, error) {},
	}
	err := app.RunContext(ctx, append([]string{"paichain"}, args...))
	return out.String(), err
}

// serveInfer starts `paichain infer` with stories260K and extra flags on a
// free loopback port and returns its URL.
func serveInfer(t *testing.T, extra ...string) string {
	t.Helper()
	port := freePort(t)
	done := make(chan error, 1)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("infer: %v", err)
		}
	})
	args := append([]string{"infer", "--model", testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"),
		"--tokenizer", testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), "--http.port", port}, extra...)
	go func() {
		out, err := runInferAttribution(ctx, args...)
		if err != nil {
			err = fmt.Errorf("%w\n%s", err, out)
		}
		done <- err
	}()
	url := "http://127.0.0.1:" + port
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get(url + "/health"); err == nil {
			resp.Body.Close()
			return url
		}
		select {
		case err := <-done:
			done <- nil
			t.Fatalf("infer exited: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("server did not come up")
		}
	}
}

func postJSON(t *testing.T, url, body string) []byte {
	t.Helper()
	resp, err := http.Post(url+"/v1/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, b)
	}
	return b
}

// response is the part of a completion the walkthrough reads.
type response struct {
	Receipt struct {
		OutputTokenIDs []int `json:"output_token_ids"`
	} `json:"receipt"`
	Attribution struct {
		Method       string `json:"method"`
		Contributors []struct {
			Address string `json:"address"`
			Weight  string `json:"weight"`
		} `json:"contributors"`
		Citations []json.RawMessage `json:"citations"`
		Evidence  json.RawMessage   `json:"evidence"`
	} `json:"attribution"`
}

const walkReq = `{"model":"stories260K","prompt":"Once upon a time","max_tokens":48,"temperature":0.8,"seed":9,` +
	`"request_id":"0x00000000000000000000000000000000000000000000000000000000000000b9"`

// TestInferAttributionWalkthrough is docs/inference.md's walkthrough:
// build a Datanet whose contribution is a story the model tells, serve
// with --datanet, ask for that story (plain and with RAG), replay the
// response with `infer verify --datanet`, and feed the response's evidence
// to `attribute verify`, which prints the same contributors. An edited
// weight fails both checks.
func TestInferAttributionWalkthrough(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	model := testutil.SharedFile(t, "testdata/llama2c/stories260K.bin")
	tok := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")

	// The story the model tells for walkReq, contributed by alice as the
	// model's token ids; bob contributes other text.
	var first response
	if err := json.Unmarshal(postJSON(t, serveInfer(t), walkReq+"}"), &first); err != nil {
		t.Fatal(err)
	}
	ids, _ := json.Marshal(first.Receipt.OutputTokenIDs)
	jsonl := fmt.Sprintf(`{"id":"alice-story","contributor":"0x00000000000000000000000000000000000000a1","tokens":%s}
{"id":"bob-dog","contributor":"0x00000000000000000000000000000000000000b0","text":"Tom had a big dog. One day the dog found a bone under the tree."}
{"id":"bob-sun","contributor":"0x00000000000000000000000000000000000000b0","text":"The sun was hot. Ben went to the beach to build a castle of sand."}
`, ids)
	contrib := filepath.Join(dir, "contributions.jsonl")
	os.WriteFile(contrib, []byte(jsonl), 0o644)
	dn := filepath.Join(dir, "dn")
	if out, err := runInferAttribution(ctx, "datanet", "build", "--tokenizer", tok, "--contributions", contrib, "--out", dn,
		"--name", "stories", "--pool", "0x00000000000000000000000000000000000000fe"); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}

	url := serveInfer(t, "--datanet", dn)
	verifyFlags := []string{"--model", model, "--tokenizer", tok, "--datanet", dn}
	for _, tc := range []struct{ name, body, method string }{
		{"span", walkReq + "}", "span"},
		{"span+rag", walkReq + `,"rag":{"datanet":"stories","k":2}}`, "span+rag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := postJSON(t, url, tc.body)
			var r response
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatal(err)
			}
			a := r.Attribution
			if a.Method != tc.method || len(a.Contributors) == 0 || (tc.method == "span+rag") != (len(a.Citations) > 0) {
				t.Fatalf("attribution %s", body)
			}
			respFile := filepath.Join(t.TempDir(), "response.json")
			os.WriteFile(respFile, body, 0o644)
			out, err := runInferAttribution(ctx, append([]string{"infer", "verify", respFile}, verifyFlags...)...)
			if err != nil || !strings.Contains(out, ": match") || !strings.Contains(out, "attribution ("+tc.method) {
				t.Fatalf("infer verify: %v\n%s", err, out)
			}

			// The evidence alone verifies against the manifest (and, with
			// --replay, against the corpus).
			ev := filepath.Join(t.TempDir(), "evidence.json")
			os.WriteFile(ev, a.Evidence, 0o644)
			out, err = runInferAttribution(ctx, "attribute", "verify", ev, "--manifest", dn, "--replay")
			if err != nil {
				t.Fatalf("attribute verify: %v\n%s", err, out)
			}
			var call struct {
				Contributors []string `json:"contributors"`
				Weights      []uint64 `json:"weights"`
			}
			if err := json.Unmarshal([]byte(out), &call); err != nil {
				t.Fatalf("attribute verify output %v: %s", err, out)
			}
			if tc.method == "span" { // span only: alice's story, and the response's list is the evidence's
				if len(call.Contributors) != len(a.Contributors) || !strings.HasSuffix(strings.ToLower(call.Contributors[0]), "a1") {
					t.Fatalf("attribute verify credits %v, response %v", call.Contributors, a.Contributors)
				}
				for i, c := range a.Contributors {
					if !strings.EqualFold(c.Address, call.Contributors[i]) || c.Weight != fmt.Sprint(call.Weights[i]) {
						t.Fatalf("contributor %d: response %v, evidence %s %d", i, c, call.Contributors[i], call.Weights[i])
					}
				}
			}

			// An edited weight: infer verify fails with status 2.
			edited := bytes.Replace(body, []byte(`"weight":"`+a.Contributors[0].Weight+`"`), []byte(`"weight":"999999999"`), 1)
			os.WriteFile(respFile, edited, 0o644)
			out, err = runInferAttribution(ctx, append([]string{"infer", "verify", respFile}, verifyFlags...)...)
			var ec cli.ExitCoder
			if !asExit(err, &ec) || ec.ExitCode() != 2 || !strings.Contains(out, "attribution: attribution does not verify") {
				t.Fatalf("edited weight: %v\n%s", err, out)
			}
		})
	}

	// Without --datanet, verify replays the receipt and says the
	// attribution went unchecked; --datanet with a bare receipt is an error.
	body := postJSON(t, url, walkReq+"}")
	respFile := filepath.Join(dir, "response.json")
	os.WriteFile(respFile, body, 0o644)
	out, err := runInferAttribution(ctx, "infer", "verify", respFile, "--model", model, "--tokenizer", tok)
	if err != nil || !strings.Contains(out, "attribution: not checked") {
		t.Fatalf("verify without --datanet: %v\n%s", err, out)
	}
	var r struct {
		Receipt json.RawMessage `json:"receipt"`
	}
	json.Unmarshal(body, &r)
	os.WriteFile(respFile, r.Receipt, 0o644)
	if out, err := runInferAttribution(ctx, append([]string{"infer", "verify", respFile}, verifyFlags...)...); err == nil || !strings.Contains(err.Error(), "no attribution") {
		t.Fatalf("bare receipt with --datanet: %v\n%s", err, out)
	}
}

// TestInferDatanetStartupErrors: a Datanet built with another tokenizer, a
// corrupt corpus file and misused flags stop the server at start with a
// clear error.
func TestInferDatanetStartupErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	stories := testutil.SharedFile(t, "testdata/llama2c/stories260K.bin")
	tok := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")
	contrib := filepath.Join(dir, "c.jsonl")
	os.WriteFile(contrib, []byte(`{"id":"a","contributor":"0x00000000000000000000000000000000000000a1","text":"Once upon a time there was a dog."}`+"\n"), 0o644)
	build := func(name, tokPath string) string {
		out := filepath.Join(dir, name)
		if o, err := runInferAttribution(ctx, "datanet", "build", "--tokenizer", tokPath, "--contributions", contrib, "--out", out); err != nil {
			t.Fatalf("build %s: %v\n%s", name, err, o)
		}
		return out
	}
	good := build("good", tok)
	other := build("other", testutil.SharedFile(t, "testdata/llama2c/tokenizer.bin"))
	corrupt := build("corrupt", tok)
	p := filepath.Join(corrupt, "tokens.bin")
	b, _ := os.ReadFile(p)
	b[len(b)-4] ^= 1
	os.WriteFile(p, b, 0o644)
	truncated := build("truncated", tok)
	p = filepath.Join(truncated, "docs.bin")
	b, _ = os.ReadFile(p)
	os.WriteFile(p, b[:len(b)-1], 0o644)

	base := []string{"infer", "--model", stories, "--tokenizer", tok, "--http.port", "0"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--datanet", other}, "tokenizer does not match the datanet"},
		{[]string{"--datanet", corrupt}, "tokens.bin does not hash to its manifest root"},
		{[]string{"--datanet", truncated}, "docs.bin: 63 body bytes, manifest says 64"},
		{[]string{"--datanet", filepath.Join(dir, "missing")}, "no such file"},
		{[]string{"--datanet", good, "--datanet", good}, "same Datanet"},
		{[]string{"--rag"}, "--rag needs --datanet"},
		{[]string{"--datanet", good, "--rag.k", "17"}, "--rag.k 17 outside 1..16"},
		{[]string{"--datanet", good, "--datanet.pool", "good"}, "want DATANET=0xADDRESS"},
		{[]string{"--datanet", good, "--datanet.pool", "nope=0x00000000000000000000000000000000000000fe"}, "unknown datanet"},
		{[]string{"--datanet", good, "--datanet.adapter", "alpha=good"}, "no adapter store"},
		{[]string{"--datanet", good, "--datanet.verify", "some"}, "check level"},
		{[]string{"--datanet", good, "--attribution.rag-share", "1000001"}, "RAG share"},
	} {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		out, err := runInferAttribution(ctx, append(append([]string{}, base...), tc.args...)...)
		cancel()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q\n%s", tc.args, err, tc.want, out)
		}
	}
}
