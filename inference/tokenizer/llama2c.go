package tokenizer

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Llama2c is a llama2.c tokenizer.bin vocabulary: per token a score and a
// byte string ("▁" already turned into a space), encoded the way run.c's
// encode does: a dummy-prefix space, one token per UTF-8 character (or its
// bytes as <0xNN> = byte+3), then repeatedly the adjacent pair whose
// concatenation is the best-scoring vocabulary entry is merged.
type Llama2c struct {
	pieces [][]byte         // id → token bytes as stored
	raw    [][]byte         // id → decoded bytes (<0xNN> → the byte)
	scores []float32        // id → merge score
	ids    map[string]int32 // token bytes → lowest id holding them
	space  int32            // id of " ", the dummy prefix; -1 if absent
}

// Control ids of every llama2.c vocabulary (sentencepiece's defaults).
const (
	l2cUnk = 0
	l2cBOS = 1
	l2cEOS = 2
	// l2cByte0 is the id of <0x00>; run.c's byte fallback is byte+3.
	l2cByte0 = 3
)

// parseLlama2c reads the .bin format: int32 max_token_length, then per
// token float32 score, int32 length, bytes. vocabSize < 0 reads to the end
// of the file.
func parseLlama2c(path string, data []byte, vocabSize int) (*Llama2c, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("tokenizer: llama2c %s: %w: %s", path, ErrFormat, fmt.Sprintf(format, args...))
	}
	if len(data) < 4 {
		return nil, fail("file is %d bytes, shorter than its header", len(data))
	}
	maxLen := int32(binary.LittleEndian.Uint32(data))
	if maxLen <= 0 || maxLen > 1<<16 {
		return nil, fail("max_token_length %d out of range (not a tokenizer.bin?)", maxLen)
	}
	t := &Llama2c{ids: make(map[string]int32), space: -1}
	off := 4
	for vocabSize < 0 || len(t.pieces) < vocabSize {
		if vocabSize < 0 && off == len(data) {
			break
		}
		i := len(t.pieces)
		if len(data)-off < 8 {
			return nil, fail("token %d: truncated at byte %d (file holds fewer than %d tokens?)", i, off, vocabSize)
		}
		score := math.Float32frombits(binary.LittleEndian.Uint32(data[off:]))
		n := int32(binary.LittleEndian.Uint32(data[off+4:]))
		off += 8
		if math.IsNaN(float64(score)) || math.IsInf(float64(score), 0) {
			return nil, fail("token %d: score %v is not finite", i, score)
		}
		if n < 0 || n > maxLen || int(n) > len(data)-off {
			return nil, fail("token %d: length %d out of range (max_token_length %d, %d bytes left)", i, n, maxLen, len(data)-off)
		}
		p := data[off : off+int(n) : off+int(n)]
		off += int(n)
		t.pieces = append(t.pieces, p)
		t.scores = append(t.scores, score)
		if _, dup := t.ids[string(p)]; !dup {
			t.ids[string(p)] = int32(i)
		}
	}
	if len(t.pieces) < l2cByte0+256 {
		return nil, fail("%d tokens: a llama2.c vocabulary holds at least the 3 control and 256 byte tokens", len(t.pieces))
	}
	for b := range 256 {
		if want := fmt.Sprintf("<0x%02X>", b); string(t.pieces[l2cByte0+b]) != want {
			return nil, fail("token %d is %q, want byte token %s", l2cByte0+b, t.pieces[l2cByte0+b], want)
		}
	}
	t.raw = make([][]byte, len(t.pieces))
	for i, p := range t.pieces {
		t.raw[i] = p
		if isByteToken(string(p)) {
			v, _ := strconv.ParseUint(string(p[3:5]), 16, 8)
			t.raw[i] = []byte{byte(v)}
		}
	}
	if id, ok := t.ids[" "]; ok {
		t.space = id
	}
	return t, nil
}

// Family, BOS, EOS, VocabSize implement Tokenizer.
func (t *Llama2c) Family() string { return "llama2c" }
func (t *Llama2c) BOS() int       { return l2cBOS }
func (t *Llama2c) EOS() []int     { return []int{l2cEOS} }
func (t *Llama2c) VocabSize() int { return len(t.pieces) }

// Score is the merge score of id.
func (t *Llama2c) Score(id int) float32 { return t.scores[id] }

// TokenBytes implements Tokenizer.
func (t *Llama2c) TokenBytes(id int) []byte {
	if id <= l2cEOS || id >= len(t.raw) {
		return nil
	}
	return slices.Clone(t.raw[id])
}

// appendPiece follows run.c's decode: after BOS (and at the start of the
// output) the leading space of the dummy prefix is dropped; <0xNN> is the
// raw byte. Unlike run.c's safe_printf it keeps non-printable single bytes,
// which are parts of multi-byte UTF-8 characters.
func (t *Llama2c) appendPiece(dst []byte, prev, id int, first bool) ([]byte, bool) {
	if id <= l2cEOS || id >= len(t.raw) {
		return dst, true
	}
	p := t.raw[id]
	if (first || prev == l2cBOS) && len(p) > 0 && p[0] == ' ' {
		p = p[1:]
	}
	return append(dst, p...), false
}

// Decode implements Tokenizer.
func (t *Llama2c) Decode(ids []int) string { return decodeIDs(t, ids) }

// Encode implements Tokenizer.
func (t *Llama2c) Encode(text string) ([]int, error) {
	if text == "" {
		return []int{}, nil
	}
	if t.space < 0 {
		return nil, fmt.Errorf("tokenizer: llama2c vocabulary has no \" \" token for the dummy prefix")
	}
	syms := make([]int32, 0, len(text)+1)
	syms = append(syms, t.space)
	// One token per UTF-8 character; a character not in the vocabulary (or
	// a stray byte) falls back to byte tokens. Same grouping as run.c: a
	// lead byte starts a character, up to 4 bytes with continuation bytes.
	for i := 0; i < len(text); {
		j := i + 1
		for j < len(text) && text[j]&0xC0 == 0x80 && j-i < 4 {
			j++
		}
		if id, ok := t.ids[text[i:j]]; ok {
			syms = append(syms, id)
		} else {
			for k := i; k < j; k++ {
				syms = append(syms, int32(text[k])+l2cByte0)
			}
		}
		i = j
	}
	syms = t.merge(syms)
	out := make([]int, len(syms))
	for i, id := range syms {
		out[i] = int(id)
	}
	return out, nil
}

// minMergeScore is run.c's starting best score: pairs scoring at or below
// it never merge.
const minMergeScore = -1e10

// merge is run.c's loop (best score first, leftmost on ties) in
// O(n log n): a linked list of symbols and a heap of candidate pairs that
// are checked against the current symbols when popped.
func (t *Llama2c) merge(syms []int32) []int32 {
	if len(syms) < 2 {
		return syms
	}
	var buf []byte
	return newMergeList(syms).run(func(a, b int32) (uint32, int32, bool) {
		buf = append(append(buf[:0], t.pieces[a]...), t.pieces[b]...)
		id, ok := t.ids[string(buf)]
		if !ok || !(t.scores[id] > minMergeScore) {
			return 0, 0, false
		}
		return descending(t.scores[id]), id, true
	})
}

// descending maps a score to a key that sorts higher scores first; -0 and
// +0 tie, as they compare equal in run.c.
func descending(f float32) uint32 {
	if f == 0 {
		f = 0
	}
	b := math.Float32bits(f)
	if b&0x80000000 != 0 {
		b = ^b
	} else {
		b |= 0x80000000
	}
	return ^b
}
