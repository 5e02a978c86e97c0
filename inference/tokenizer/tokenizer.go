// Package tokenizer turns text into model token ids and back for the
// inference engine. It reads Hugging Face tokenizer.json files (byte-level
// BPE as in Llama-3 and Qwen2/3, sentencepiece-style BPE with Metaspace and
// byte fallback as in Llama-2 and Mistral) and llama2.c tokenizer.bin files.
//
// Every Tokenizer is safe for concurrent use.
package tokenizer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// Tokenizer is a loaded vocabulary with its encoding and decoding rules.
type Tokenizer interface {
	// Encode tokenizes text. It adds no special tokens (no BOS/EOS), but
	// special-token strings written in the text (e.g. "<|eot_id|>" rendered
	// by a chat template) are recognised and become their single ids.
	Encode(text string) ([]int, error)
	// Decode turns ids back into text the way Hugging Face's
	// decode(ids, skip_special_tokens=True) does: special (control) tokens
	// are skipped, the model's decoder rules apply (byte-level mapping,
	// "▁" to space, byte fallback, leading-space strip). Bytes that do not
	// form valid UTF-8 become U+FFFD, one per byte. Unknown ids are skipped.
	Decode(ids []int) string
	// BOS is the beginning-of-sequence id, -1 if the vocabulary has none.
	BOS() int
	// EOS lists the ids that end generation (e.g. </s>, <|eot_id|>, <|im_end|>).
	EOS() []int
	// VocabSize is one more than the largest valid id.
	VocabSize() int
	// TokenBytes is the raw bytes one token stands for on its own (no
	// position-dependent rules such as the leading-space strip); nil for
	// special tokens and unknown ids.
	TokenBytes(id int) []byte
	// Family names the model family the vocabulary belongs to:
	// "llama2" | "llama3" | "qwen" | "mistral" | "llama2c" | "" (unknown).
	Family() string
}

// pieceDecoder is implemented by every tokenizer in this package: it appends
// the bytes of token id, decoded in context. prev is the previous id (-1 at
// the start) and first reports that no non-skipped token came before, which
// is where sentencepiece decoders strip the dummy-prefix space.
// skipped reports a token that renders nothing and does not count as first.
type pieceDecoder interface {
	appendPiece(dst []byte, prev, id int, first bool) (out []byte, skipped bool)
}

// ErrFormat is wrapped by every error about a malformed tokenizer file.
var ErrFormat = errors.New("bad tokenizer file")

// Load reads a tokenizer from path: a Hugging Face tokenizer.json (or a
// directory holding one), or a llama2.c tokenizer .bin. The format is sniffed
// from the content. A llama2.c file loaded this way keeps every token it
// holds; use LoadLlama2c to cut it to the model's vocabulary size.
func Load(path string) (Tokenizer, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, "tokenizer.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return nonNil(parseHF(path, data))
	}
	return nonNil(parseLlama2c(path, data, -1))
}

// nonNil keeps a failed load from returning a typed nil inside the interface.
func nonNil[T Tokenizer](t T, err error) (Tokenizer, error) {
	if err != nil {
		return nil, err
	}
	return t, nil
}

// LoadLlama2c reads a llama2.c tokenizer .bin holding at least vocabSize
// tokens (the model's vocab_size says how many; the file has no count).
func LoadLlama2c(path string, vocabSize int) (Tokenizer, error) {
	if vocabSize <= 0 {
		return nil, fmt.Errorf("tokenizer: llama2c %s: vocab size %d must be positive", path, vocabSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	return nonNil(parseLlama2c(path, data, vocabSize))
}

// decodeIDs renders ids through t's context-aware piece decoder into valid
// UTF-8 (U+FFFD per invalid byte).
func decodeIDs(t pieceDecoder, ids []int) string {
	var raw []byte
	prev, first := -1, true
	for _, id := range ids {
		var skipped bool
		raw, skipped = t.appendPiece(raw, prev, id, first)
		if !skipped {
			first = false
		}
		prev = id
	}
	return toValidUTF8(raw)
}

// toValidUTF8 replaces each byte that is not part of a valid UTF-8 sequence
// with U+FFFD.
func toValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return string(out)
}

// StreamDecoder detokenizes a generation one token at a time. The
// concatenation of everything Add and Flush return equals Decode of all ids
// added, and every string returned is valid UTF-8: bytes of a character split
// across tokens are held back until the character is complete.
type StreamDecoder struct {
	t       Tokenizer
	pd      pieceDecoder
	pending []byte
	prev    int
	first   bool
}

// NewStreamDecoder starts a stream for t.
func NewStreamDecoder(t Tokenizer) *StreamDecoder {
	pd, _ := t.(pieceDecoder)
	return &StreamDecoder{t: t, pd: pd, prev: -1, first: true}
}

// NewStreamDecoderAfter starts a stream that continues prompt: a
// completion's first token is then mid-text, so sentencepiece vocabularies
// keep its leading space (unless the prompt rendered nothing, e.g. only
// BOS). Decode(prompt) followed by the stream's text equals
// Decode(prompt+completion). Use it for completions, streamed or not.
func NewStreamDecoderAfter(t Tokenizer, prompt []int) *StreamDecoder {
	d := NewStreamDecoder(t)
	if len(prompt) == 0 {
		return d
	}
	d.prev = prompt[len(prompt)-1]
	if d.pd == nil {
		d.first = false
		return d
	}
	var scratch []byte
	prev := -1
	for _, id := range prompt {
		var skipped bool
		scratch, skipped = d.pd.appendPiece(scratch[:0], prev, id, d.first)
		if !skipped {
			d.first = false
		}
		prev = id
	}
	return d
}

// Add appends one token and returns the text it completes (possibly "").
func (d *StreamDecoder) Add(id int) string {
	if d.pd != nil {
		var skipped bool
		d.pending, skipped = d.pd.appendPiece(d.pending, d.prev, id, d.first)
		if !skipped {
			d.first = false
		}
	} else {
		d.pending = append(d.pending, d.t.TokenBytes(id)...)
	}
	d.prev = id
	return d.drain(false)
}

// Flush returns what is held back (an incomplete character, as U+FFFD per
// byte) and resets nothing else: the stream may continue.
func (d *StreamDecoder) Flush() string { return d.drain(true) }

// drain emits the longest prefix of pending that is settled: complete runes,
// and invalid bytes that no later byte can repair. With final, everything.
func (d *StreamDecoder) drain(final bool) string {
	var out []byte
	b := d.pending
	for len(b) > 0 {
		if !final && !utf8.FullRune(b) {
			break
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	d.pending = append(d.pending[:0], b...)
	return string(out)
}
