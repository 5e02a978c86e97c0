package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/tokenizer"
)

func runSynthCLI(args ...string) (string, error) {
	var out bytes.Buffer
	app := &cli.App{
		Name: "paichain", Commands: []*cli.Command{synthCommand},
		Writer: &out, ErrWriter: &out, ExitErrHandler: func(*cli.Context, error) {},
	}
	err := app.RunContext(context.Background(), append([]string{"paichain", "synth"}, args...))
	return out.String(), err
}

// TestSynth writes a synthetic model and adapter and checks that the
// printed hashes are those of the files as loaded, that the tokenizer
// covers the model's vocabulary, that the same flags give the same files
// and another seed other ones, and that bad flags or an existing output
// fail with a clear error and leave the existing files as they were.
func TestSynth(t *testing.T) {
	dir := t.TempDir()
	synth := func(out string, extra ...string) synthOutput {
		t.Helper()
		s, err := runSynthCLI(append([]string{"--out", out}, extra...)...)
		if err != nil {
			t.Fatalf("synth %v: %v\n%s", extra, err, s)
		}
		var o synthOutput
		if err := json.Unmarshal([]byte(s), &o); err != nil {
			t.Fatalf("synth output: %v\n%s", err, s)
		}
		return o
	}
	a := synth(filepath.Join(dir, "a"), "--seed", "7")
	m, err := model.Load(a.Model.Dir)
	if err != nil {
		t.Fatal(err)
	}
	ad, err := lora.Load(a.Adapter.Dir, m.Config.NLayers)
	if err != nil {
		t.Fatal(err)
	}
	if m.Hash != a.Model.Hash || ad.Hash != a.Adapter.Hash {
		t.Fatalf("printed hashes %s, %s; loaded %x, %x", a.Model.Hash, a.Adapter.Hash, m.Hash, ad.Hash)
	}
	if m.Config.MaxSeqLen != 1024 || a.Adapter.Name != "synthetic-lora" || filepath.Base(a.Adapter.Dir) != "synthetic-lora" {
		t.Fatalf("defaults: context %d, adapter %s in %s", m.Config.MaxSeqLen, a.Adapter.Name, a.Adapter.Dir)
	}
	tok, err := tokenizer.Load(a.Model.Tokenizer)
	if err != nil {
		t.Fatal(err)
	}
	if tok.VocabSize() != m.Config.VocabSize {
		t.Fatalf("tokenizer vocabulary %d, model %d", tok.VocabSize(), m.Config.VocabSize)
	}
	if ids, err := tok.Encode("Max found a bone."); err != nil || len(ids) < len("Max found a bone.") {
		t.Fatalf("byte-level tokenizer encodes to %v, %v", ids, err)
	}

	if b := synth(filepath.Join(dir, "b"), "--seed", "7"); b.Model.Hash != a.Model.Hash || b.Adapter.Hash != a.Adapter.Hash {
		t.Fatal("same flags, other hashes")
	}
	c := synth(filepath.Join(dir, "c"), "--seed", "8", "--adapter.seed", "8", "--adapter.name", "other", "--adapter.rank", "8", "--context", "256")
	if c.Model.Hash == a.Model.Hash || c.Adapter.Hash == a.Adapter.Hash || c.Adapter.Name != "other" {
		t.Fatalf("another seed gave the same model or adapter: %+v", c)
	}

	cfg := filepath.Join(a.Model.Dir, "config.json")
	before, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--out", filepath.Join(dir, "a"), "--seed", "9"}, "already exists"},
		{[]string{"--out", filepath.Join(dir, "d"), "--adapter.name", "../x"}, "plain directory name"},
		{[]string{"--out", filepath.Join(dir, "d"), "--adapter.rank", "0"}, "--adapter.rank"},
		{[]string{"--out", filepath.Join(dir, "d"), "--context", "10"}, "--context"},
		{[]string{"--out", filepath.Join(dir, "d"), "extra"}, "unexpected argument"},
		{[]string{"--seed", "1"}, "out"},
	} {
		if out, err := runSynthCLI(tc.args...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("synth %v: %v (%s); want an error mentioning %q", tc.args, err, out, tc.want)
		}
	}
	if after, err := os.ReadFile(cfg); err != nil || !bytes.Equal(after, before) {
		t.Fatalf("a refused synth changed %s: %v", cfg, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "d")); !os.IsNotExist(err) {
		t.Fatalf("a refused synth wrote %s: %v", filepath.Join(dir, "d"), err)
	}
}
