package sa

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomText builds docs documents of random length over a small alphabet
// (so suffixes share long prefixes), each followed by a sentinel.
func randomText(r *rand.Rand, docs, maxLen int, alphabet uint32) (Text, []uint32) {
	var toks []uint32
	for range docs {
		l := r.IntN(maxLen) + 1
		if r.IntN(4) == 0 && len(toks) > 0 { // repeat an earlier stretch
			start := r.IntN(len(toks))
			for j := 0; j < l && start+j < len(toks) && toks[start+j] != Sentinel; j++ {
				toks = append(toks, toks[start+j])
			}
			if len(toks) > 0 && toks[len(toks)-1] == Sentinel {
				toks = append(toks, 1)
			}
		} else {
			for range l {
				toks = append(toks, r.Uint32N(alphabet))
			}
		}
		toks = append(toks, Sentinel)
	}
	return Encode(toks), toks
}

// Encode packs ids into a token array.
func Encode(toks []uint32) Text {
	t := make(Text, 0, len(toks)*TokenWidth)
	for _, x := range toks {
		t = append(t, byte(x), byte(x>>8), byte(x>>16))
	}
	return t
}

func naive(text Text) []int64 {
	var pos []int64
	for i := int64(0); i < text.Len(); i++ {
		if text.At(i) != Sentinel {
			pos = append(pos, i)
		}
	}
	slices.SortFunc(pos, text.Compare)
	return pos
}

func TestBuildMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 40 {
		alphabet := []uint32{1, 2, 3, 50, MaxToken + 1}[trial%5]
		text, _ := randomText(r, 1+r.IntN(30), 60, alphabet)
		want := naive(text)
		for _, chunk := range []int{0, 1, 7, 64} {
			for _, width := range []int{4, 5} {
				var buf bytes.Buffer
				n, err := Build(text, &buf, width, Options{ChunkSuffixes: chunk, TempDir: t.TempDir()})
				if err != nil {
					t.Fatal(err)
				}
				s := SA{buf.Bytes(), width}
				if n != int64(len(want)) || s.Len() != n {
					t.Fatalf("trial %d: %d entries, want %d", trial, n, len(want))
				}
				for i, p := range want {
					if s.At(int64(i)) != p {
						t.Fatalf("trial %d chunk %d: entry %d = %d, want %d", trial, chunk, i, s.At(int64(i)), p)
					}
				}
				if err := Check(text, s); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func TestBuildRadixPath(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	text, _ := randomText(r, 400, 100, 3)
	want := naive(text)
	for _, chunk := range []int{0, 5000} {
		var buf bytes.Buffer
		if _, err := Build(text, &buf, 4, Options{ChunkSuffixes: chunk, TempDir: t.TempDir()}); err != nil {
			t.Fatal(err)
		}
		s := SA{buf.Bytes(), 4}
		for i, p := range want {
			if s.At(int64(i)) != p {
				t.Fatalf("chunk %d: entry %d = %d, want %d", chunk, i, s.At(int64(i)), p)
			}
		}
	}
}

func TestFind(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	text, toks := randomText(r, 50, 40, 4)
	var buf bytes.Buffer
	if _, err := Build(text, &buf, 4, Options{}); err != nil {
		t.Fatal(err)
	}
	s := SA{buf.Bytes(), 4}
	for range 300 {
		pat := make([]uint32, 1+r.IntN(5))
		for i := range pat {
			pat[i] = r.Uint32N(5)
		}
		lo, hi := Find(text, s, pat)
		var want []int64
		for i := range toks {
			if i+len(pat) <= len(toks) && slices.Equal(toks[i:i+len(pat)], pat) {
				want = append(want, int64(i))
			}
		}
		var got []int64
		for i := lo; i < hi; i++ {
			got = append(got, s.At(i))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("Find(%v) = %v, want %v", pat, got, want)
		}
	}
}

func TestCheckRejects(t *testing.T) {
	text := Encode([]uint32{5, 3, 5, Sentinel, 3, 5, Sentinel})
	var buf bytes.Buffer
	if _, err := Build(text, &buf, 4, Options{}); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	for name, mutate := range map[string]func([]byte) []byte{
		"duplicate": func(b []byte) []byte { copy(b[4:8], b[0:4]); return b },
		"swapped": func(b []byte) []byte {
			x := slices.Clone(b[0:4])
			copy(b[0:4], b[4:8])
			copy(b[4:8], x)
			return b
		},
		"sentinel position": func(b []byte) []byte { b[0], b[1], b[2], b[3] = 3, 0, 0, 0; return b },
		"out of range":      func(b []byte) []byte { b[3] = 9; return b },
		"short":             func(b []byte) []byte { return b[:len(b)-4] },
	} {
		err := Check(text, SA{mutate(slices.Clone(good)), 4})
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Check = %v", name, err)
		}
	}
	if _, err := Build(Encode([]uint32{1, 2}), &buf, 4, Options{}); err == nil {
		t.Error("unterminated text accepted")
	}
}
