package tokenizer

import (
	"strings"

	"github.com/dlclark/regexp2"
	"unicode"
	"unicode/utf8"
)

// The pre-tokenizer regex of Llama-3 (maxDigits 3) and Qwen2/3 (maxDigits 1):
//
//	(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
//
// Go's regexp has no lookahead, and a backtracking engine is slow, so
// splitLlama3 is a hand-written scanner with the same leftmost-first
// semantics (tests check it against regexp2 on a corpus and under fuzzing).
// Every rune is in exactly one class: letter, number, whitespace or other,
// so the alternatives cover the whole text and the pieces are the matches.
const (
	llama3Pattern = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
	qwenPattern   = `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
)

type runeClass uint8

const (
	clsOther runeClass = iota // [^\s\p{L}\p{N}]
	clsLetter
	clsNumber
	clsSpace // \s: Unicode White_Space, as Oniguruma and .NET define it
)

var asciiClass = func() (t [128]runeClass) {
	for c := range 128 {
		r := rune(c)
		switch {
		case unicode.IsLetter(r):
			t[c] = clsLetter
		case unicode.IsNumber(r):
			t[c] = clsNumber
		case unicode.IsSpace(r):
			t[c] = clsSpace
		}
	}
	return t
}()

func classOf(r rune) runeClass {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch {
	case unicode.IsLetter(r):
		return clsLetter
	case unicode.IsNumber(r):
		return clsNumber
	case unicode.IsSpace(r):
		return clsSpace
	}
	return clsOther
}

// runeAt decodes the rune at s[i]; an invalid byte is U+FFFD of width 1,
// which is in clsOther.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// splitLlama3 calls emit for each piece of s in order; maxDigits is the
// longest digit run one piece holds (3 for Llama-3, 1 for Qwen).
func splitLlama3(s string, maxDigits int, emit func(piece string)) {
	for i := 0; i < len(s); {
		end := matchLlama3(s, i, maxDigits)
		emit(s[i:end])
		i = end
	}
}

// matchLlama3 returns the end of the regex match starting at s[i].
func matchLlama3(s string, i, maxDigits int) int {
	r, n := runeAt(s, i)
	// (?i:'s|'t|'re|'ve|'m|'ll|'d)
	if r == '\'' {
		if e := contractionEnd(s, i+1); e > 0 {
			return e
		}
	}
	c := classOf(r)
	// [^\r\n\p{L}\p{N}]?\p{L}+
	if c == clsLetter {
		return letterRunEnd(s, i+n)
	}
	if c != clsNumber && r != '\r' && r != '\n' && i+n < len(s) {
		if r2, _ := runeAt(s, i+n); classOf(r2) == clsLetter {
			return letterRunEnd(s, i+n)
		}
	}
	// \p{N}{1,maxDigits}
	if c == clsNumber {
		j := i + n
		for k := 1; j < len(s) && k < maxDigits; k++ {
			r2, n2 := runeAt(s, j)
			if classOf(r2) != clsNumber {
				break
			}
			j += n2
		}
		return j
	}
	//  ?[^\s\p{L}\p{N}]+[\r\n]*
	j := i
	if r == ' ' {
		j += n
	}
	if j < len(s) {
		if r2, n2 := runeAt(s, j); classOf(r2) == clsOther {
			j += n2
			for j < len(s) {
				r3, n3 := runeAt(s, j)
				if classOf(r3) != clsOther {
					break
				}
				j += n3
			}
			for j < len(s) && (s[j] == '\r' || s[j] == '\n') {
				j++
			}
			return j
		}
	}
	// Here r is whitespace. W is the whitespace run from i.
	// \s*[\r\n]+ : up to the last CR/LF in W.
	// \s+(?!\S)  : W if it ends the text, else W minus its last rune (if that leaves one).
	// \s+        : W.
	end, lastNL, lastStart := i, -1, i
	for end < len(s) {
		r2, n2 := runeAt(s, end)
		if classOf(r2) != clsSpace {
			break
		}
		if r2 == '\r' || r2 == '\n' {
			lastNL = end + n2
		}
		lastStart = end
		end += n2
	}
	switch {
	case lastNL > 0:
		return lastNL
	case end == len(s) || lastStart == i:
		return end
	default:
		return lastStart
	}
}

func contractionEnd(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	lower := func(b byte) byte { return b | 0x20 }
	switch lower(s[i]) {
	case 's', 't', 'm', 'd':
		return i + 1
	case 'r', 'v':
		if i+1 < len(s) && lower(s[i+1]) == 'e' {
			return i + 2
		}
	case 'l':
		if i+1 < len(s) && lower(s[i+1]) == 'l' {
			return i + 2
		}
	}
	return 0
}

func letterRunEnd(s string, j int) int {
	for j < len(s) {
		r, n := runeAt(s, j)
		if classOf(r) != clsLetter {
			break
		}
		j += n
	}
	return j
}

// gpt2Pattern is the ByteLevel pre-tokenizer's own regex (use_regex: true).
const gpt2Pattern = `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`

// preTokenizer splits words into smaller words; first reports that the
// text segment starts the input.
type preTokenizer interface {
	split(words []string, first bool) []string
}

func newPreTokenizer(c *hfComponent) (preTokenizer, error) {
	switch c.Type {
	case "Split":
		if c.Invert {
			return nil, formatErr("Split with invert is not supported")
		}
		if c.Pattern == nil {
			return nil, formatErr("Split without a pattern")
		}
		var expr string
		switch {
		case c.Pattern.Regex != nil:
			expr = *c.Pattern.Regex
		case c.Pattern.String != nil:
			expr = regexp2.Escape(*c.Pattern.String)
		default:
			return nil, formatErr("Split pattern has neither String nor Regex")
		}
		if c.Behavior == "Isolated" && expr == llama3Pattern {
			return fastSplit{maxDigits: 3}, nil
		}
		if c.Behavior == "Isolated" && expr == qwenPattern {
			return fastSplit{maxDigits: 1}, nil
		}
		return newRegexSplit(expr, c.Behavior)
	case "Metaspace":
		m := metaspace{replacement: c.Replacement, scheme: c.PrependScheme, splitWords: true}
		if m.replacement == "" {
			m.replacement = "▁"
		}
		if c.Split != nil {
			m.splitWords = *c.Split
		}
		if m.scheme == "" {
			m.scheme = "always"
			if c.AddPrefixSpace != nil && !*c.AddPrefixSpace {
				m.scheme = "never"
			}
		}
		switch m.scheme {
		case "always", "first", "never":
		default:
			return nil, formatErr("Metaspace prepend_scheme %q", m.scheme)
		}
		return m, nil
	case "Digits":
		return digits{individual: c.Individual}, nil
	}
	return nil, formatErr("pre-tokenizer %q is not supported", c.Type)
}

// fastSplit is the Llama-3/Qwen regex, run by splitLlama3.
type fastSplit struct{ maxDigits int }

func (f fastSplit) split(words []string, _ bool) []string {
	var out []string
	for _, w := range words {
		splitLlama3(w, f.maxDigits, func(p string) { out = append(out, p) })
	}
	return out
}

// regexSplit is a Split pre-tokenizer with any regex (regexp2: .NET
// syntax, which has the lookarounds these patterns use).
type regexSplit struct {
	re       *regexp2.Regexp
	behavior string
}

func newRegexSplit(expr, behavior string) (*regexSplit, error) {
	switch behavior {
	case "Isolated", "Removed", "MergedWithPrevious", "MergedWithNext":
	default:
		return nil, formatErr("Split behavior %q is not supported", behavior)
	}
	re, err := regexp2.Compile(expr, regexp2.None)
	if err != nil {
		return nil, formatErr("Split regex %q: %v", expr, err)
	}
	return &regexSplit{re: re, behavior: behavior}, nil
}

func (r *regexSplit) split(words []string, _ bool) []string {
	var out []string
	for _, w := range words {
		out = r.splitOne(w, out)
	}
	return out
}

// matchSpans returns the byte spans of the non-empty matches of re in s.
func matchSpans(re *regexp2.Regexp, s string) [][2]int {
	runes := []rune(s)
	// regexp2 reports rune offsets; off maps them to byte offsets. For
	// invalid UTF-8 each bad byte became one U+FFFD rune of width 1.
	off := make([]int, len(runes)+1)
	b := 0
	for i := range runes {
		off[i] = b
		_, n := utf8.DecodeRuneInString(s[b:])
		b += n
	}
	off[len(runes)] = b
	var spans [][2]int
	m, err := re.FindRunesMatch(runes)
	for err == nil && m != nil {
		if m.Length > 0 {
			spans = append(spans, [2]int{off[m.Index], off[m.Index+m.Length]})
		}
		m, err = re.FindNextMatch(m)
	}
	return spans
}

func (r *regexSplit) splitOne(s string, out []string) []string {
	last := 0
	var pendingPrefix int = -1 // MergedWithNext: start of the delimiter to glue onto the next piece
	for _, sp := range matchSpans(r.re, s) {
		switch r.behavior {
		case "Isolated":
			if sp[0] > last {
				out = append(out, s[last:sp[0]])
			}
			out = append(out, s[sp[0]:sp[1]])
		case "Removed":
			if sp[0] > last {
				out = append(out, s[last:sp[0]])
			}
		case "MergedWithPrevious":
			out = append(out, s[last:sp[1]])
		case "MergedWithNext":
			start := last
			if pendingPrefix >= 0 {
				start = pendingPrefix
			}
			if sp[0] > start {
				out = append(out, s[start:sp[0]])
			}
			pendingPrefix = sp[0]
		}
		last = sp[1]
	}
	if r.behavior == "MergedWithNext" && pendingPrefix >= 0 {
		last = pendingPrefix
	}
	if last < len(s) {
		out = append(out, s[last:])
	}
	return out
}

// prefixSpace is ByteLevel's add_prefix_space: a space before a segment's
// text unless it starts with one.
type prefixSpace struct{}

func (prefixSpace) split(words []string, _ bool) []string {
	if len(words) > 0 && !strings.HasPrefix(words[0], " ") {
		words[0] = " " + words[0]
	}
	return words
}

// metaspace replaces spaces with "▁", prepends one per its scheme and, with
// splitWords, starts a new word at every "▁".
type metaspace struct {
	replacement string
	scheme      string
	splitWords  bool
}

func (m metaspace) split(words []string, first bool) []string {
	var out []string
	for i, w := range words {
		w = strings.ReplaceAll(w, " ", m.replacement)
		if i == 0 && (m.scheme == "always" || (m.scheme == "first" && first)) && !strings.HasPrefix(w, m.replacement) {
			w = m.replacement + w
		}
		if !m.splitWords {
			out = append(out, w)
			continue
		}
		for len(w) > 0 {
			cut := strings.Index(w[1:], m.replacement) + 1 // next "▁" after the first byte
			if cut == 0 {
				cut = len(w)
			}
			out = append(out, w[:cut])
			w = w[cut:]
		}
	}
	return out
}

// digits isolates runs of digits (or each digit).
type digits struct{ individual bool }

func (d digits) split(words []string, _ bool) []string {
	var out []string
	for _, w := range words {
		start := 0
		for i := 0; i < len(w); {
			r, n := utf8.DecodeRuneInString(w[i:])
			if unicode.IsDigit(r) {
				if i > start && (d.individual || !isDigitBefore(w[:i])) {
					out = append(out, w[start:i])
					start = i
				}
			} else if i > start && isDigitBefore(w[:i]) {
				out = append(out, w[start:i])
				start = i
			}
			i += n
		}
		if start < len(w) {
			out = append(out, w[start:])
		}
	}
	return out
}

func isDigitBefore(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	return n > 0 && unicode.IsDigit(r)
}
