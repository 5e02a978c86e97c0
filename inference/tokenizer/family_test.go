package tokenizer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSpecialsFromConfigFiles: config.json, generation_config.json and
// tokenizer_config.json beside tokenizer.json refine family, BOS and EOS.
func TestSpecialsFromConfigFiles(t *testing.T) {
	vocab, merges := llamaJSVocab(t)
	for _, tc := range []struct {
		name   string
		files  map[string]string
		family string
		bos    int
		eos    []int
	}{
		{"bare", nil, "llama2", 1, []int{2}},
		{"mistral model_type", map[string]string{"config.json": `{"model_type": "mistral", "eos_token_id": 2}`}, "mistral", 1, []int{2}},
		{"generation_config eos list", map[string]string{"generation_config.json": `{"eos_token_id": [2, 13]}`}, "llama2", 1, []int{2, 13}},
		{"no bos", map[string]string{"tokenizer_config.json": `{"bos_token": null, "eos_token": {"content": "</s>"}}`}, "llama2", -1, []int{2}},
		{"bad config ignored", map[string]string{"config.json": `{not json`}, "llama2", 1, []int{2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := writeLlama2JSON(filepath.Join(dir, "tokenizer.json"), vocab, merges, false); err != nil {
				t.Fatal(err)
			}
			for name, body := range tc.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			tok, err := Load(dir) // a directory finds its tokenizer.json
			if err != nil {
				t.Fatal(err)
			}
			if tok.Family() != tc.family || tok.BOS() != tc.bos || !slices.Equal(tok.EOS(), tc.eos) {
				t.Errorf("family %q bos %d eos %v; want %q %d %v", tok.Family(), tok.BOS(), tok.EOS(), tc.family, tc.bos, tc.eos)
			}
		})
	}
}

func TestFamiliesOfRealVocabularies(t *testing.T) {
	for _, tc := range []struct {
		tok    func(testing.TB) Tokenizer
		family string
		bos    int
		eos    []int
		size   int
	}{
		{llama3Tok, "llama3", 128000, []int{128001, 128009}, 128256},
		{qwen3Tok, "qwen", -1, []int{151643, 151645}, 151669},
		{llama2cTok, "llama2c", 1, []int{2}, 32000},
	} {
		tok := tc.tok(t)
		if tok.Family() != tc.family || tok.BOS() != tc.bos || !slices.Equal(tok.EOS(), tc.eos) || tok.VocabSize() != tc.size {
			t.Errorf("%s: bos %d eos %v size %d; want %d %v %d", tc.family, tok.BOS(), tok.EOS(), tok.VocabSize(), tc.bos, tc.eos, tc.size)
		}
	}
}

// TestMetaspaceDecoder covers the Metaspace decoder (newer sentencepiece
// conversions) and the Metaspace pre-tokenizer with split on a tiny vocabulary.
func TestMetaspaceDecoder(t *testing.T) {
	const j = `{"pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true},
	"decoder": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true},
	"model": {"type": "BPE", "unk_token": "<unk>", "vocab": {"<unk>": 0, "▁": 1, "h": 2, "i": 3, "▁h": 4, "▁hi": 5},
	 "merges": ["▁ h", "▁h i"]}}`
	tok, err := Load(writeFile(t, "tokenizer.json", []byte(j)))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := tok.Encode("hi hi  ih")
	if err != nil {
		t.Fatal(err)
	}
	// "▁hi▁hi▁▁ih" split before each ▁: ▁hi | ▁hi | ▁ | ▁ih → i and h alone.
	if want := []int{5, 5, 1, 1, 3, 2}; !slices.Equal(ids, want) {
		t.Errorf("Encode = %v, want %v", ids, want)
	}
	if got := tok.Decode(ids); got != "hi hi  ih" {
		t.Errorf("Decode = %q", got)
	}
	if got := tok.Decode([]int{0, 5}); got != "<unk> hi" {
		t.Errorf("unk (not special) decodes as text: %q", got)
	}
}
