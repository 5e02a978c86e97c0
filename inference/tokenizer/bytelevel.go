package tokenizer

// GPT-2's byte-level alphabet: every byte maps to a printable rune so that
// a vocabulary of strings can hold arbitrary bytes. Printable Latin-1 bytes
// map to themselves; the rest to U+0100 upwards, in byte order.

// byteToRune and runeToByte are the two directions of the mapping.
var byteToRune, runeToByte = byteLevelTables()

func byteLevelTables() ([256]rune, map[rune]byte) {
	var fwd [256]rune
	back := make(map[rune]byte, 256)
	printable := func(b int) bool {
		return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)
	}
	next := rune(256)
	for b := range 256 {
		if printable(b) {
			fwd[b] = rune(b)
		} else {
			fwd[b] = next
			next++
		}
		back[fwd[b]] = byte(b)
	}
	return fwd, back
}

// byteLevelDecode maps a byte-level token string back to raw bytes. Strings
// holding a rune outside the alphabet (added tokens such as "<|eot_id|>" are
// inside it, but one with a space is not) are taken as plain UTF-8, as
// Hugging Face's ByteLevel decoder does.
func byteLevelDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := runeToByte[r]
		if !ok {
			return []byte(s)
		}
		out = append(out, b)
	}
	return out
}

// byteLevelEncode maps raw bytes to their byte-level string.
func byteLevelEncode(b []byte) string {
	out := make([]rune, len(b))
	for i, c := range b {
		out[i] = byteToRune[c]
	}
	return string(out)
}
