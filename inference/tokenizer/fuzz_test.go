package tokenizer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/paichain/paichain/internal/testutil"
)

// FuzzEncodeDecode: Encode never panics, ids are in range, valid UTF-8
// round-trips through Llama-3's byte-level BPE (EncodeOrdinary, so special
// token strings stay text), and streaming equals Decode.
func FuzzEncodeDecode(f *testing.F) {
	tok := llama3Tok(f).(*HF)
	for _, s := range []string{"Hello world", "I'm 12345 ok!!\n\n  x", "😀 中文 e\u0301", "<|eot_id|>", "\xff\xfe bad"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ids, err := tok.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if id < 0 || id >= tok.VocabSize() {
				t.Fatalf("id %d out of range", id)
			}
		}
		ord, err := tok.EncodeOrdinary(s)
		if err != nil {
			t.Fatal(err)
		}
		got := tok.Decode(ord)
		if utf8.ValidString(s) && got != s {
			t.Fatalf("Decode(EncodeOrdinary(%q)) = %q", s, got)
		}
		if stream := strings.Join(streamAll(tok, ord), ""); stream != got {
			t.Fatalf("stream %q != Decode %q", stream, got)
		}
	})
}

// FuzzLlama2cEncodeDecode does the same for run.c's algorithm on the
// 512-token llama2.c vocabulary (most text falls back to bytes and merges).
func FuzzLlama2cEncodeDecode(f *testing.F) {
	p := testutil.SharedFile(f, "testdata/llama2c/tok512.bin")
	tok, err := LoadLlama2c(p, 512)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Once upon a time", "  two", "日本\x80\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ids, err := tok.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		got := tok.Decode(ids)
		if utf8.ValidString(s) && got != s {
			t.Fatalf("Decode(Encode(%q)) = %q (ids %v)", s, got, ids)
		}
		if stream := strings.Join(streamAll(tok, ids), ""); stream != got {
			t.Fatalf("stream %q != Decode %q", stream, got)
		}
	})
}

// FuzzStreamDecoder feeds arbitrary id sequences (unknown and special ids
// included): every chunk is valid UTF-8 and the chunks add up to Decode.
func FuzzStreamDecoder(f *testing.F) {
	p := testutil.SharedFile(f, "testdata/llama2c/tok512.bin")
	tok, err := LoadLlama2c(p, 512)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte{1, 0xE5, 0x80, 0x01, 0xff, 0xff, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		var ids []int
		for i := 0; i+1 < len(b); i += 2 {
			ids = append(ids, int(b[i])|int(b[i+1]&0x03)<<8-2) // -2 … 1021: some out of range
		}
		chunks := streamAll(tok, ids)
		for _, c := range chunks {
			if !utf8.ValidString(c) {
				t.Fatalf("chunk %q not valid UTF-8", c)
			}
		}
		if got, want := strings.Join(chunks, ""), tok.Decode(ids); got != want {
			t.Fatalf("stream %q != Decode %q", got, want)
		}
	})
}

// FuzzLoadHF: arbitrary bytes as tokenizer.json never panic the loader, and
// whatever loads can encode.
func FuzzLoadHF(f *testing.F) {
	f.Add([]byte(tinyByteLevelJSON()))
	f.Add([]byte(`{"normalizer": {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "▁"}]}, "model": {"type": "BPE", "vocab": {"a": 0, "▁": 1, "<0x61>": 2}, "byte_fallback": true, "merges": []}}`))
	f.Add([]byte(`{"pre_tokenizer": {"type": "Split", "pattern": {"Regex": "\\s+(?!\\S)"}, "behavior": "MergedWithNext"}, "model": {"type": "BPE", "vocab": {"a": 0}, "merges": [], "unk_token": "a"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tok, err := buildHF(data)
		if err != nil {
			return
		}
		tok.detectSpecials(t.TempDir())
		if ids, err := tok.Encode("a b\n<|end|> ▁x 12"); err == nil {
			_ = tok.Decode(ids)
		}
	})
}

// FuzzLoadLlama2c: arbitrary bytes as tokenizer.bin never panic the loader.
func FuzzLoadLlama2c(f *testing.F) {
	f.Add(llama2cBin(3, []string{"<unk>", "<s>", "</s>"}, []float32{0, 0, 0}), 3)
	f.Fuzz(func(t *testing.T, data []byte, vocab int) {
		if vocab > 1<<16 {
			vocab = 1 << 16
		}
		tok, err := parseLlama2c("fuzz", data, vocab)
		if err != nil {
			return
		}
		if ids, err := tok.Encode("hi there"); err == nil {
			_ = tok.Decode(ids)
		}
	})
}
