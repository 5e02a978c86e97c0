package tokenizer

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// streamAll feeds ids one at a time and returns the chunks.
func streamAll(tok Tokenizer, ids []int) []string {
	d := NewStreamDecoder(tok)
	var chunks []string
	for _, id := range ids {
		chunks = append(chunks, d.Add(id))
	}
	return append(chunks, d.Flush())
}

func TestStreamDecoderMatchesDecode(t *testing.T) {
	for _, tc := range []struct {
		name string
		tok  func(testing.TB) Tokenizer
	}{
		{"llama3", llama3Tok},
		{"qwen3", qwen3Tok},
		{"llama2-hf", llama2Tok},
		{"llama2c", llama2cTok},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok := tc.tok(t)
			held := false
			for _, s := range readCorpus(t) {
				ids, err := tok.Encode(s)
				if err != nil {
					t.Fatal(err)
				}
				chunks := streamAll(tok, ids)
				for i, c := range chunks {
					if !utf8.ValidString(c) {
						t.Errorf("%q: chunk %d %q is not valid UTF-8", s, i, c)
					}
					if c == "" && i < len(ids) && len(tok.TokenBytes(ids[i])) > 0 {
						held = true
					}
				}
				if got, want := strings.Join(chunks, ""), tok.Decode(ids); got != want {
					t.Errorf("stream of %q = %q, Decode = %q", s, got, want)
				}
			}
			if !held {
				t.Error("no token was held back: the corpus has emoji that byte-level/byte-fallback vocabularies split")
			}
		})
	}
}

// TestStreamDecoderHoldsPartialRune pins the behaviour on a character split
// across byte tokens: nothing is emitted until it is complete.
func TestStreamDecoderHoldsPartialRune(t *testing.T) {
	tok := llama2cTok(t)
	// "€" = E2 82 AC; byte fallback ids are byte+3.
	d := NewStreamDecoder(tok)
	var out []string
	for _, id := range []int{1, 0xE2 + 3, 0x82 + 3, 0xAC + 3, 0x21 + 3} {
		out = append(out, d.Add(id))
	}
	if want := []string{"", "", "", "€", "!"}; strings.Join(out, "|") != strings.Join(want, "|") {
		t.Errorf("chunks %q, want %q", out, want)
	}
	// A broken sequence is flushed as U+FFFD per byte once it cannot be completed.
	d = NewStreamDecoder(tok)
	got := d.Add(0xE2+3) + d.Add('a'+3) + d.Flush()
	if got != "\uFFFDa" {
		t.Errorf("broken sequence: %q", got)
	}
	if got := d.Add(0xF0+3) + d.Flush(); got != "\uFFFD" {
		t.Errorf("flushed partial rune: %q", got)
	}
}

func TestDecodeSkipsSpecialAndUnknown(t *testing.T) {
	tok := llama3Tok(t)
	ids, err := tok.Encode("<|begin_of_text|>Hi<|eot_id|>")
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 3 || ids[0] != tok.BOS() || ids[2] != 128009 {
		t.Fatalf("special tokens not recognised: %v", ids)
	}
	if got := tok.Decode(append(ids, -1, 1<<30)); got != "Hi" {
		t.Errorf("Decode = %q", got)
	}
	if tok.TokenBytes(128009) != nil || tok.TokenBytes(-5) != nil {
		t.Error("TokenBytes of a special or unknown id is not nil")
	}
	hf := tok.(*HF)
	ord, err := hf.EncodeOrdinary("<|eot_id|>")
	if err != nil {
		t.Fatal(err)
	}
	if len(ord) < 2 || hf.Decode(ord) != "<|eot_id|>" {
		t.Errorf("EncodeOrdinary kept the special token: %v", ord)
	}
}

// TestStreamAfterPrompt: prompt text + continuation text = whole text, so a
// completion keeps the space that starts its first sentencepiece token.
func TestStreamAfterPrompt(t *testing.T) {
	for _, tc := range []struct {
		name string
		tok  func(testing.TB) Tokenizer
	}{
		{"llama3", llama3Tok},
		{"llama2-hf", llama2Tok},
		{"llama2c", llama2cTok},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok := tc.tok(t)
			for _, s := range []string{"Once upon a time there was a dog", "The answer: 42 is right", "[INST] Hi [/INST] Hello there"} {
				ids, err := tok.Encode(s)
				if err != nil {
					t.Fatal(err)
				}
				ids = append([]int{max(tok.BOS(), 0)}, ids...)
				if tok.BOS() < 0 {
					ids = ids[1:]
				}
				for cut := 0; cut <= len(ids); cut++ {
					d := NewStreamDecoderAfter(tok, ids[:cut])
					var rest string
					for _, id := range ids[cut:] {
						rest += d.Add(id)
					}
					rest += d.Flush()
					if got, want := tok.Decode(ids[:cut])+rest, tok.Decode(ids); got != want {
						t.Errorf("%q cut %d: %q + %q != %q", s, cut, tok.Decode(ids[:cut]), rest, want)
					}
				}
			}
		})
	}
}

// TestConcurrentEncode runs Encode from several goroutines on shared
// tokenizers (the word cache and regexp2 are shared state); run with -race.
func TestConcurrentEncode(t *testing.T) {
	tiny, err := Load(writeFile(t, "tokenizer.json", []byte(tinyByteLevelJSON())))
	if err != nil {
		t.Fatal(err)
	}
	corpus := readCorpus(t)
	for _, tok := range []Tokenizer{tiny, llama2cTok(t)} {
		want := make([][]int, len(corpus))
		for i, s := range corpus {
			if want[i], err = tok.Encode(s); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range corpus {
					k := (i + g*7) % len(corpus)
					got, err := tok.Encode(corpus[k])
					if err != nil || !slices.Equal(got, want[k]) {
						t.Errorf("goroutine %d %q: %v %v", g, corpus[k], got, err)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
}
