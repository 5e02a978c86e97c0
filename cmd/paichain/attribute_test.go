package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/internal/testutil"
)

func runAttribution(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	app := &cli.App{
		Name:           "paichain",
		Commands:       []*cli.Command{datanetCommand, attributeCommand},
		Writer:         &out,
		ErrWriter:      &out,
		ExitErrHandler: func(*cli.Context, error) {},
	}
	err := app.Run(append([]string{"paichain"}, args...))
	return out.String(), err
}

// TestDatanetAttributeWalkthrough builds a Datanet from JSONL with the
// llama2.c tok512 tokenizer, attributes a text copied from one
// contribution, verifies the evidence, and rejects tampering and a
// mismatched tokenizer.
func TestDatanetAttributeWalkthrough(t *testing.T) {
	tok := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")
	dir := t.TempDir()
	stories := []string{
		"Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her red ball.",
		"Tom had a big dog. The dog liked to run and jump. One day the dog found a bone under the tree.",
		"The sun was hot. Ben and his mom went to the beach to swim and build a castle of sand.",
	}
	var jsonl strings.Builder
	for i, s := range stories {
		b, _ := json.Marshal(map[string]string{"id": []string{"lily", "tom", "ben"}[i], "text": s,
			"contributor": []string{"0x00000000000000000000000000000000000000a1", "0x00000000000000000000000000000000000000a2", "0x00000000000000000000000000000000000000a3"}[i]})
		jsonl.Write(append(b, '\n'))
	}
	contrib := filepath.Join(dir, "contributions.jsonl")
	os.WriteFile(contrib, []byte(jsonl.String()), 0o644)
	dn := filepath.Join(dir, "dn")
	if out, err := runAttribution(t, "datanet", "build", "--tokenizer", tok, "--contributions", contrib, "--out", dn, "--leaf-size", "64"); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if out, err := runAttribution(t, "datanet", "check", dn); err != nil || !strings.Contains(out, "ok: 3 documents") {
		t.Fatalf("check: %v\n%s", err, out)
	}
	ev := filepath.Join(dir, "evidence.json")
	text := "Then the dog found a bone under the tree and she loved to play outside in the park."
	if out, err := runAttribution(t, "attribute", "run", "--manifest", dn, "--tokenizer", tok, "--text", text, "--out", ev); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	out, err := runAttribution(t, "attribute", "verify", ev, "--manifest", filepath.Join(dn, "manifest.json"), "--replay")
	if err != nil {
		t.Fatalf("verify: %v\n%s", err, out)
	}
	var call struct {
		Contributors []string `json:"contributors"`
		Weights      []uint64 `json:"weights"`
	}
	if err := json.Unmarshal([]byte(out), &call); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(call.Contributors) != 2 || call.Weights[0]+call.Weights[1] != 1_000_000 {
		t.Fatalf("weights: %s", out)
	}
	for _, c := range call.Contributors {
		if !strings.HasSuffix(c, "a1") && !strings.HasSuffix(c, "a2") {
			t.Fatalf("credited %s, who wrote neither span", c)
		}
	}

	// Tampered weights: clear error, nothing printed to pay.
	b, _ := os.ReadFile(ev)
	var raw map[string]any
	json.Unmarshal(b, &raw)
	w := raw["weights"].([]any)
	w[0].(map[string]any)["weight"] = 999_999
	w[1].(map[string]any)["weight"] = 1
	tampered, _ := json.Marshal(raw)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, tampered, 0o644)
	if out, err := runAttribution(t, "attribute", "verify", bad, "--manifest", dn); err == nil || strings.Contains(out, "contributors") {
		t.Fatalf("tampered evidence verified: %s", out)
	}
	if _, err := runAttribution(t, "attribute", "verify", ev, "--manifest", dn, "--root", "0x01"); err == nil {
		t.Fatal("wrong required root accepted")
	}
	// A different tokenizer is refused.
	other := testutil.SharedFile(t, "testdata/llama2c/tokenizer.bin")
	if _, err := runAttribution(t, "attribute", "run", "--manifest", dn, "--tokenizer", other, "--text", text); err == nil ||
		!strings.Contains(err.Error(), "tokenizer does not match") {
		t.Fatalf("mismatched tokenizer: %v", err)
	}
	out, err = runAttribution(t, "datanet", "search", dn, "--tokenizer", tok, "--query", "dog bone", "--k", "2")
	if err != nil || !strings.Contains(out, `"contributionId": "tom"`) {
		t.Fatalf("search: %v\n%s", err, out)
	}
}

func TestDatanetAttributeFlagErrors(t *testing.T) {
	tok := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")
	dir := t.TempDir()
	texts := filepath.Join(dir, "texts")
	os.MkdirAll(filepath.Join(texts, "sub"), 0o755)
	os.WriteFile(filepath.Join(texts, "a.txt"), []byte("The cat sat on the mat and looked at the big red ball."), 0o644)
	os.WriteFile(filepath.Join(texts, "sub", "b.txt"), []byte("A little bird sang a song in the tall green tree."), 0o644)
	dn := filepath.Join(dir, "dn")
	if out, err := runAttribution(t, "datanet", "build", "--tokenizer", tok, "--dir", texts, "--contributor", "0x00000000000000000000000000000000000000b1", "--out", dn); err != nil {
		t.Fatalf("build --dir: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(filepath.Join(dn, "ids.json"))
	if !strings.Contains(string(b), `"sub/b.txt"`) {
		t.Fatalf("ids %s", b)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"datanet", "build", "--out", dn + "2", "--tokenizer", tok}, "exactly one of --contributions and --dir"},
		{[]string{"datanet", "build", "--out", dn + "2", "--dir", texts}, "--tokenizer"},
		{[]string{"datanet", "build", "--out", dn + "2", "--tokenizer", tok, "--dir", texts}, "--dir needs --contributor"},
		{[]string{"datanet", "build", "--out", dn + "2", "--tokenizer", tok, "--dir", texts, "--contributor", "xyz"}, "not an address"},
		{[]string{"datanet", "check"}, "usage"},
		{[]string{"datanet", "check", t.TempDir()}, "no such file"},
		{[]string{"attribute", "run", "--manifest", dn}, "exactly one of --tokens and --text"},
		{[]string{"attribute", "run", "--manifest", dn, "--text", "cat"}, "--text needs --tokenizer"},
		{[]string{"attribute", "run", "--manifest", dn, "--tokens", "1,x"}, "token \"x\""},
		{[]string{"attribute", "run", "--manifest", dn, "--tokens", "1,99999"}, "outside the vocabulary"},
		{[]string{"attribute", "verify", "e.json"}, "usage"},
		{[]string{"attribute", "verify", filepath.Join(dir, "missing.json"), "--manifest", dn}, "no such file"},
	} {
		out, err := runAttribution(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v (want %q)\n%s", tc.args, err, tc.want, out)
		}
	}
}
