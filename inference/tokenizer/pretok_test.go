package tokenizer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
)

// regexPieces splits s with regexp2 running the pattern itself: the oracle
// for the hand-written scanner.
func regexPieces(t testing.TB, pattern, s string) []string {
	t.Helper()
	re := regexp2.MustCompile(pattern, regexp2.None)
	var out []string
	last := 0
	for _, sp := range matchSpans(re, s) {
		if sp[0] > last {
			out = append(out, s[last:sp[0]]) // never happens: the alternatives cover every rune
		}
		out = append(out, s[sp[0]:sp[1]])
		last = sp[1]
	}
	if last < len(s) {
		out = append(out, s[last:])
	}
	return out
}

func scannerPieces(s string, maxDigits int) []string {
	var out []string
	splitLlama3(s, maxDigits, func(p string) { out = append(out, p) })
	return out
}

var splitPatterns = []struct {
	name      string
	pattern   string
	maxDigits int
}{
	{"llama3", llama3Pattern, 3},
	{"qwen", qwenPattern, 1},
}

func splitCorpus(t testing.TB) []string {
	texts := readCorpus(t)
	for _, c := range readGolden(t, "llama3") {
		texts = append(texts, c.Text)
	}
	return append(texts,
		"'S'T'RE'VE'M'LL'D 's's", "''''", "' '", "a'", "x'sy",
		"  \n  \n  x", " \r\n\t x", "\t\tx", "\u00a0\u00a0x", "x \u3000y",
		"1234567890", "１２３４", "a1b22c333d4444", "—–-", " !!!\n\n", " !!!\r\n ", "?\n\n\nx",
		"\n \n ", " \n", "  ", "a ", "a  ", "a   b", "\n", "", "é́́", "\x01\x02 \x7f",
	)
}

// TestSplitMatchesRegex checks the scanner against regexp2 running the
// real patterns.
func TestSplitMatchesRegex(t *testing.T) {
	for _, p := range splitPatterns {
		t.Run(p.name, func(t *testing.T) {
			for _, s := range splitCorpus(t) {
				want := regexPieces(t, p.pattern, s)
				if got := scannerPieces(s, p.maxDigits); !slices.Equal(got, want) {
					t.Errorf("split(%q)\n got %q\nwant %q", s, got, want)
				}
			}
		})
	}
}

func FuzzSplitMatchesRegex(f *testing.F) {
	for _, s := range []string{"Hello world", "I'm 12345 ok!!\n\n  x", " \t\r\n", "中文 😀 ２"} {
		f.Add(s)
	}
	re3 := regexp2.MustCompile(llama3Pattern, regexp2.None)
	re1 := regexp2.MustCompile(qwenPattern, regexp2.None)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// regexp2 sees U+FFFD for a bad byte; the scanner keeps the byte.
			// Pieces must still tile the input.
			if got := strings.Join(scannerPieces(s, 3), ""); got != s {
				t.Fatalf("pieces of %q do not tile it: %q", s, got)
			}
			return
		}
		for _, c := range []struct {
			re *regexp2.Regexp
			md int
		}{{re3, 3}, {re1, 1}} {
			var want []string
			for _, sp := range matchSpans(c.re, s) {
				want = append(want, s[sp[0]:sp[1]])
			}
			if got := scannerPieces(s, c.md); !slices.Equal(got, want) {
				t.Fatalf("split(%q) digits %d\n got %q\nwant %q", s, c.md, got, want)
			}
		}
	})
}

func TestRegexSplitBehaviors(t *testing.T) {
	for _, tc := range []struct {
		behavior string
		want     []string
	}{
		{"Isolated", []string{"a", "-", "b", "-", "-", "c"}},
		{"Removed", []string{"a", "b", "c"}},
		{"MergedWithPrevious", []string{"a-", "b-", "-", "c"}},
		{"MergedWithNext", []string{"a", "-b", "-", "-c"}},
	} {
		r, err := newRegexSplit("-", tc.behavior)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.split([]string{"a-b--c"}, true); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.behavior, got, tc.want)
		}
	}
	if _, err := newRegexSplit("-", "Contiguous"); err == nil {
		t.Error("unsupported behavior accepted")
	}
}

func TestMetaspaceAndDigits(t *testing.T) {
	m := metaspace{replacement: "▁", scheme: "first", splitWords: true}
	if got := m.split([]string{"hello big world"}, true); !slices.Equal(got, []string{"▁hello", "▁big", "▁world"}) {
		t.Errorf("metaspace first: %q", got)
	}
	if got := m.split([]string{"x y"}, false); !slices.Equal(got, []string{"x", "▁y"}) {
		t.Errorf("metaspace not first: %q", got)
	}
	d := digits{individual: true}
	if got := d.split([]string{"ab123c4"}, true); !slices.Equal(got, []string{"ab", "1", "2", "3", "c", "4"}) {
		t.Errorf("digits individual: %q", got)
	}
	d = digits{}
	if got := d.split([]string{"ab123c4"}, true); !slices.Equal(got, []string{"ab", "123", "c", "4"}) {
		t.Errorf("digits: %q", got)
	}
}
