package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/internal/testutil"
)

// runApp runs the CLI in-process and returns its output and error.
func runApp(t *testing.T, args ...string) (string, error) {
	t.Helper()
	return runAppCtx(context.Background(), args...)
}

func runAppCtx(ctx context.Context, args ...string) (string, error) {
	var out bytes.Buffer
	app := &cli.App{
		Name:           "paichain",
		Commands:       []*cli.Command{inferCommand, benchCommand},
		Writer:         &out,
		ErrWriter:      &out,
		ExitErrHandler: func(*cli.Context, error) {}, // no os.Exit in tests
	}
	err := app.RunContext(ctx, append([]string{"paichain"}, args...))
	return out.String(), err
}

// serveStories starts `paichain infer` in-process on a free loopback port.
func serveStories(t *testing.T) string {
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
	go func() {
		_, err := runAppCtx(ctx, "infer", "--model", testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"),
			"--tokenizer", testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), "--http.port", port)
		done <- err
	}()
	url := "http://127.0.0.1:" + port
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(url + "/health")
		if err == nil {
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
		time.Sleep(20 * time.Millisecond)
	}
}

func completeReceipt(t *testing.T, url, body string) *receipt.Receipt {
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
	var r struct {
		Receipt json.RawMessage `json:"receipt"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	rc, err := receipt.ParseJSON(r.Receipt)
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

func writeReceipt(t *testing.T, rc *receipt.Receipt) string {
	t.Helper()
	b, err := rc.JSON()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "receipt.json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestInferVerify serves stories260K, takes a sampled completion's receipt
// and replays it with `infer verify`: it matches; with one output token
// changed (and the receipt re-sealed) verify names that index and fails.
func TestInferVerify(t *testing.T) {
	url := serveStories(t)
	rc := completeReceipt(t, url, `{"model":"stories260K","prompt":"Once upon a time","max_tokens":48,"temperature":0.9,"top_p":0.9,"seed":7}`)
	flags := []string{"--model", testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"), "--tokenizer", testutil.SharedFile(t, "testdata/llama2c/tok512.bin")}

	out, err := runApp(t, append([]string{"infer", "verify", writeReceipt(t, rc)}, flags...)...)
	if err != nil || !strings.Contains(out, ": match") {
		t.Fatalf("verify: %v\n%s", err, out)
	}

	const k = 5
	orig := rc.OutputTokenIDs[k]
	rc.OutputTokenIDs[k] = (orig + 1) % 512
	if err := rc.Seal(); err != nil {
		t.Fatal(err)
	}
	out, err = runApp(t, append([]string{"infer", "verify", writeReceipt(t, rc)}, flags...)...)
	want := fmt.Sprintf("diverged at token %d: expected %d, got %d", k, (orig+1)%512, orig)
	var ec cli.ExitCoder
	if err == nil || !strings.Contains(out, want) {
		t.Fatalf("tampered verify: err %v, output %q, want %q", err, out, want)
	}
	if !asExit(err, &ec) || ec.ExitCode() == 0 {
		t.Fatalf("tampered verify exit: %v", err)
	}

	// Edited without re-sealing: the replay still names the index, and the
	// receipt's own hashes are reported broken.
	rc.OutputTokenIDs[k] = orig
	if err := rc.Seal(); err != nil {
		t.Fatal(err)
	}
	rc.OutputTokenIDs[k+2]++
	out, err = runApp(t, append([]string{"infer", "verify", writeReceipt(t, rc)}, flags...)...)
	if err == nil || !strings.Contains(out, fmt.Sprintf("diverged at token %d", k+2)) || !strings.Contains(out, "output_hash") {
		t.Fatalf("unsealed edit: err %v, output %q", err, out)
	}
	// An intact receipt whose text was edited (re-sealed) fails on the text.
	rc.OutputTokenIDs[k+2]--
	rc.OutputText += "!"
	if err := rc.Seal(); err != nil {
		t.Fatal(err)
	}
	out, err = runApp(t, append([]string{"infer", "verify", writeReceipt(t, rc)}, flags...)...)
	if err == nil || !strings.Contains(out, "output_text is not their decoding") {
		t.Fatalf("text edit: err %v, output %q", err, out)
	}
}

func asExit(err error, ec *cli.ExitCoder) bool {
	e, ok := err.(cli.ExitCoder)
	if ok {
		*ec = e
	}
	return ok
}

func TestInferFlagsErrors(t *testing.T) {
	stories := testutil.SharedFile(t, "testdata/llama2c/stories260K.bin")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"infer", "--model", stories, "--backend", "cuda"}, "backend cuda: paichain was built without CUDA support"},
		{[]string{"bench", "infer", "--backend", "cuda"}, "backend cuda: paichain was built without CUDA support"},
		{[]string{"infer", "--model", stories, "--backend", "tpu"}, `unknown backend "tpu"`},
		{[]string{"infer", "--model", stories}, "no --tokenizer given"},
		{[]string{"infer", "--model", stories, "--tokenizer", testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), "--adapters", t.TempDir()}, "no adapter_config.json"},
		{[]string{"bench", "infer"}, "give --model"},
	} {
		_, err := runApp(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestBenchInferSmoke(t *testing.T) {
	out, err := runApp(t, "bench", "infer", "--synthetic", "tiny", "--synthetic.adapters", "2",
		"--tokenizer", testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), "--clients", "3", "--requests", "6", "--max-tokens", "8")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"requests 6 (errors 0, 429s 0)", "TTFT", "inter-token", "tokens/s", "peak RSS"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBenchInferURL(t *testing.T) {
	url := serveStories(t)
	out, err := runApp(t, "bench", "infer", "--url", url, "--served-model-name", "stories260K", "--clients", "2", "--requests", "4", "--max-tokens", "6")
	if err != nil || !strings.Contains(out, "external server "+url) || !strings.Contains(out, "requests 4 (errors 0, 429s 0)") {
		t.Fatalf("%v\n%s", err, out)
	}
	if _, err := runApp(t, "bench", "infer", "--url", url, "--baseline"); err == nil || !strings.Contains(err.Error(), "--baseline needs") {
		t.Fatalf("--url --baseline: %v", err)
	}
}

// TestInferBinaryCurlWalkthrough is docs/inference.md's walkthrough against
// the built binary: serve stories260K, stream a completion the way curl
// does, then stop the server with SIGINT.
func TestInferBinaryCurlWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := paichainBinary(t)
	port := freePort(t)
	var logs bytes.Buffer
	srv := exec.Command(bin, "infer", "--model", testutil.SharedFile(t, "testdata/llama2c/stories260K.bin"),
		"--tokenizer", testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), "--http.port", port)
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	defer func() {
		srv.Process.Signal(syscall.SIGINT)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("server exit: %v\n%s", err, logs.String())
			}
		case <-time.After(15 * time.Second):
			srv.Process.Kill()
			t.Error("server did not stop on SIGINT")
		}
	}()
	url := "http://127.0.0.1:" + port
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(url + "/health"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not up:\n%s", logs.String())
		}
	}
	resp, err := http.Post(url+"/v1/chat/completions", "application/json", strings.NewReader(
		`{"model":"stories260K","messages":[{"role":"user","content":"Tell me a story"}],"max_tokens":32,"stream":true}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) < 6 || lines[len(lines)-2] != "data: [DONE]" || !strings.HasPrefix(lines[0], `data: {"id":"chatcmpl-`) {
		t.Fatalf("stream:\n%s", strings.Join(lines, "\n"))
	}
	if !strings.Contains(logs.String(), "addr=http://127.0.0.1:"+port) {
		t.Errorf("log lacks the listen address:\n%s", logs.String())
	}
}
