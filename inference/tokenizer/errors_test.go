package tokenizer

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paichain/paichain/internal/testutil"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// tinyByteLevelJSON is a minimal valid byte-level tokenizer.json: the 256
// byte tokens, "ab" (256) from the one merge, and the special "<|end|>" (257).
func tinyByteLevelJSON() string {
	vocab := map[string]int{"ab": 256}
	for b := range 256 {
		vocab[string(byteToRune[b])] = b
	}
	v, _ := json.Marshal(vocab)
	return `{"added_tokens": [{"id": 257, "content": "<|end|>", "special": true}],
	"pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": true},
	"decoder": {"type": "ByteLevel"},
	"model": {"type": "BPE", "vocab": ` + string(v) + `, "merges": ["a b"]}}`
}

func TestTinyByteLevel(t *testing.T) {
	tok, err := Load(writeFile(t, "tokenizer.json", []byte(tinyByteLevelJSON())))
	if err != nil {
		t.Fatal(err)
	}
	ids, err := tok.Encode("ab ab<|end|>")
	if err != nil {
		t.Fatal(err)
	}
	// GPT-2 regex: "ab" and " ab" (→ "Ġ" + "ab"), then the special token.
	if want := []int{256, ' ', 256, 257}; !slices.Equal(ids, want) {
		t.Errorf("Encode = %v, want %v", ids, want)
	}
	if got := tok.Decode(ids); got != "ab ab" {
		t.Errorf("Decode = %q", got)
	}
	if tok.VocabSize() != 258 || tok.BOS() != -1 || tok.Family() != "" {
		t.Errorf("VocabSize %d BOS %d Family %q", tok.VocabSize(), tok.BOS(), tok.Family())
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	good := tinyByteLevelJSON()
	for _, tc := range []struct {
		name, json, want string
	}{
		{"truncated", good[:len(good)/2], "tokenizer.json"},
		{"not an object", `{"model": 5}`, "tokenizer.json"},
		{"no model", `{"added_tokens": []}`, "no model"},
		{"unigram", `{"model": {"type": "Unigram", "vocab": [["a", 0]]}}`, "not supported"},
		{"empty vocab", `{"model": {"type": "BPE", "vocab": {}, "merges": []}}`, "empty vocab"},
		{"negative id", `{"model": {"type": "BPE", "vocab": {"a": -1}, "merges": []}}`, "out of range"},
		{"sparse ids", `{"model": {"type": "BPE", "vocab": {"a": 0, "b": 5000000}, "merges": []}}`, "mostly holes"},
		{"duplicate id", `{"model": {"type": "BPE", "vocab": {"a": 0, "b": 0}, "merges": []}}`, "used by"},
		{"merge unknown token", `{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["a z"]}}`, "not in the vocab"},
		{"merge result unknown", `{"model": {"type": "BPE", "vocab": {"a": 0, "b": 1}, "merges": [["a", "b"]]}}`, "merged token not in the vocab"},
		{"bad merge string", `{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["a"]}}`, "two space-separated"},
		{"bad merge array", `{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": [["a"]]}}`, "two tokens"},
		{"unk missing", `{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": [], "unk_token": "<unk>"}}`, "unk_token"},
		{"byte-level lacks bytes", `{"pre_tokenizer": {"type": "ByteLevel"}, "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}`, "lacks byte"},
		{"unknown normalizer", `{"normalizer": {"type": "Precompiled"}, "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}`, "normalizer \"Precompiled\""},
		{"unknown pre-tokenizer", `{"pre_tokenizer": {"type": "BertPreTokenizer"}, "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}`, "pre-tokenizer"},
		{"bad split regex", `{"pre_tokenizer": {"type": "Split", "pattern": {"Regex": "(["}, "behavior": "Isolated"}, "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}`, "Split regex"},
		{"unknown decoder", `{"decoder": {"type": "CTC"}, "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}`, "decoder \"CTC\""},
		{"empty added token", `{"added_tokens": [{"id": 1, "content": ""}], "model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}`, "empty content"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(writeFile(t, "tokenizer.json", []byte(tc.json)))
			if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want ErrFormat mentioning %q", err, tc.want)
			}
		})
	}
}

func TestEncodeUnknownWithoutUnk(t *testing.T) {
	tok, err := Load(writeFile(t, "tokenizer.json", []byte(`{"model": {"type": "BPE", "vocab": {"a": 0}, "merges": []}}`)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tok.Encode("ab"); err == nil || !strings.Contains(err.Error(), "no unk token") {
		t.Errorf("Encode of an unknown char: %v", err)
	}
}

// llama2cBin writes a .bin in llama2.c's format.
func llama2cBin(maxLen int32, tokens []string, scores []float32) []byte {
	b := binary.LittleEndian.AppendUint32(nil, uint32(maxLen))
	for i, tok := range tokens {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scores[i]))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(tok)))
		b = append(b, tok...)
	}
	return b
}

func TestLlama2cErrors(t *testing.T) {
	real, err := os.ReadFile(testutil.SharedFile(t, "testdata/llama2c/tok512.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LoadLlama2c(writeFile(t, "tok.bin", real), 512); err != nil {
		t.Fatalf("tok512.bin: %v", err)
	}
	if tok, err := Load(writeFile(t, "tok.bin", real)); err != nil || tok.VocabSize() != 512 {
		t.Fatalf("sniffed tok512.bin: %v", err)
	}
	badScore := append([]byte(nil), real...)
	binary.LittleEndian.PutUint32(badScore[4:], math.Float32bits(float32(math.NaN())))
	badLen := append([]byte(nil), real...)
	binary.LittleEndian.PutUint32(badLen[8:], 1000)
	for _, tc := range []struct {
		name  string
		data  []byte
		vocab int
		want  string
	}{
		{"empty", nil, 512, "shorter than its header"},
		{"header only", real[:4], 512, "truncated"},
		{"truncated", real[:len(real)/2], 512, "truncated"},
		{"too few tokens", real, 513, "truncated"},
		{"zero max length", append([]byte{0, 0, 0, 0}, real[4:]...), 512, "max_token_length"},
		{"huge max length", append([]byte{0xff, 0xff, 0xff, 0x7f}, real[4:]...), 512, "max_token_length"},
		{"nan score", badScore, 512, "not finite"},
		{"token longer than max", badLen, 512, "length 1000"},
		{"no byte tokens", llama2cBin(5, []string{"<unk>", "<s>", "</s>", "a"}, []float32{0, 0, 0, 0}), 4, "at least"},
		{"json garbage", []byte("{not json"), -1, "tokenizer.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.vocab < 0 {
				_, err = Load(writeFile(t, "x.bin", tc.data))
			} else {
				_, err = LoadLlama2c(writeFile(t, "x.bin", tc.data), tc.vocab)
			}
			if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want ErrFormat mentioning %q", err, tc.want)
			}
		})
	}
	if _, err := LoadLlama2c(writeFile(t, "tok.bin", real), 0); err == nil {
		t.Error("vocab size 0 accepted")
	}
}

// TestLlama2cTok512 checks the small vocabulary against run.c's rules on a
// hand-checkable case.
func TestLlama2cTok512(t *testing.T) {
	tok, err := LoadLlama2c(testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), 512)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := tok.Encode("Once upon a time")
	if err != nil {
		t.Fatal(err)
	}
	if got := tok.Decode(append([]int{tok.BOS()}, ids...)); got != "Once upon a time" {
		t.Errorf("Decode = %q (ids %v)", got, ids)
	}
	l := tok.(*Llama2c)
	// Every adjacent pair left must not be a mergeable vocabulary entry.
	for i := 0; i+1 < len(ids); i++ {
		joined := string(l.pieces[ids[i]]) + string(l.pieces[ids[i+1]])
		if id, ok := l.ids[joined]; ok && l.scores[id] > minMergeScore {
			t.Errorf("pair %d+%d = %q (id %d) was left unmerged", ids[i], ids[i+1], joined, id)
		}
	}
	if ids, _ := tok.Encode("日"); len(ids) != 4 || ids[1] != 0xE6+3 {
		t.Errorf("byte fallback: %v", ids)
	}
}
