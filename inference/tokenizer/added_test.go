package tokenizer

import (
	"encoding/json"
	"slices"
	"testing"
)

// addedJSON is a byte-level vocabulary with added tokens exercising
// longest match, lstrip/rstrip and single_word.
func addedJSON(t *testing.T) string {
	vocab := map[string]int{}
	for b := range 256 {
		vocab[string(byteToRune[b])] = b
	}
	v, err := json.Marshal(vocab)
	if err != nil {
		t.Fatal(err)
	}
	return `{"added_tokens": [
		{"id": 300, "content": "<a>", "special": true},
		{"id": 301, "content": "<a>b", "special": true},
		{"id": 302, "content": "[L]", "lstrip": true, "special": false},
		{"id": 303, "content": "[R]", "rstrip": true, "special": false},
		{"id": 304, "content": "word", "single_word": true, "special": false}],
	"pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "use_regex": false},
	"decoder": {"type": "ByteLevel"},
	"model": {"type": "BPE", "vocab": ` + string(v) + `, "merges": []}}`
}

func TestAddedTokens(t *testing.T) {
	tok, err := Load(writeFile(t, "tokenizer.json", []byte(addedJSON(t))))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []int
	}{
		{"<a>", []int{300}},
		{"<a>b", []int{301}},              // longest wins
		{"x<a>bc", []int{'x', 301, 'c'}},  // leftmost
		{"<a<a>", []int{'<', 'a', 300}},   // a failed prefix does not hide a later match
		{"x  [L]y", []int{'x', 302, 'y'}}, // lstrip eats the spaces before
		{"x[R]  y", []int{'x', 303, 'y'}}, // rstrip eats the spaces after
		{"a word b", []int{'a', 0x120, 304, 0x120, 'b'}},
		{"swordfish", []int{'s', 'w', 'o', 'r', 'd', 'f', 'i', 's', 'h'}}, // single_word: not inside a word
	} {
		got, err := tok.Encode(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		// byte ids equal byte values except space (Ġ is id 0x20 here).
		want := slices.Clone(tc.want)
		for i, id := range want {
			if id == 0x120 {
				want[i] = ' '
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("Encode(%q) = %v, want %v", tc.text, got, want)
		}
	}
	// Non-special added tokens decode to their content; special ones are skipped.
	if got := tok.Decode([]int{300, 'x', 302, 303, 304}); got != "x[L][R]word" {
		t.Errorf("Decode = %q", got)
	}
}
