package rag

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanet"
)

// words is a toy word-level tokenizer: the seam a real tokenizer fills.
type words []string

func (w words) tokenize(s string) ([]int, error) {
	var ids []int
	for _, f := range strings.Fields(s) {
		i := slices.Index(w, f)
		if i < 0 {
			return nil, fmt.Errorf("unknown word %q", f)
		}
		ids = append(ids, i)
	}
	return ids, nil
}

func (w words) decode(ids []int) string {
	var s []string
	for _, i := range ids {
		s = append(s, w[i])
	}
	return strings.Join(s, " ")
}

func index(t *testing.T, vocab words, texts []string, opt Options) *Index {
	t.Helper()
	var cs []datanet.Contribution
	for i, s := range texts {
		cs = append(cs, datanet.Contribution{ID: fmt.Sprint("doc", i), Contributor: common.BigToAddress(big.NewInt(int64(100 + i%3))), Text: s})
	}
	dir := t.TempDir()
	if _, err := datanet.Build(datanet.Config{Dir: dir, Tokenizer: datanet.TokenizerInfo{Name: "words", VocabSize: len(vocab)},
		Tokenize: vocab.tokenize}, datanet.Slice(cs)); err != nil {
		t.Fatal(err)
	}
	dn, err := datanet.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dn.Close() })
	opt.Tokenize, opt.Decode = vocab.tokenize, vocab.decode
	ix, err := NewIndex(dn, opt)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestRetrieve(t *testing.T) {
	vocab := words{"the", "cat", "sat", "on", "mat", "dog", "ran", "apple", "pie", "is", "sweet"}
	ix := index(t, vocab, []string{
		"the cat sat on the mat",
		"the dog ran",
		"apple pie is sweet",
		"the apple is sweet the apple is sweet the apple",
		"the dog ran",
		"cat",
	}, Options{})
	cites, err := ix.Retrieve("apple pie", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(cites) != 2 || cites[0].ContributionID != "doc2" || cites[1].ContributionID != "doc3" {
		t.Fatalf("apple pie: %+v", cites)
	}
	if cites[0].Weight+cites[1].Weight != 1_000_000 || cites[0].Weight <= cites[1].Weight {
		t.Fatalf("weights %d %d", cites[0].Weight, cites[1].Weight)
	}
	if cites[0].Text != "apple pie is sweet" || cites[0].Contributor != common.BigToAddress(big.NewInt(102)) {
		t.Fatalf("citation %+v", cites[0])
	}
	// Identical chunks tie; the lower chunk id ranks first.
	cites, _ = ix.Retrieve("dog ran", 5)
	if len(cites) != 2 || cites[0].Score != cites[1].Score || cites[0].Chunk > cites[1].Chunk || cites[0].Weight != 500_000 {
		t.Fatalf("tie: %+v", cites)
	}
	if cites, _ := ix.Retrieve("the", 0); cites != nil {
		t.Fatal("k=0 returned citations")
	}
	if _, err := ix.Retrieve("unknownword", 3); err == nil {
		t.Fatal("tokenizer error swallowed")
	}
	rs := Rewards([]Citation{{Contributor: common.HexToAddress("0x2"), Weight: 3}, {Contributor: common.HexToAddress("0x1"), Weight: 3}, {Contributor: common.HexToAddress("0x2"), Weight: 1}})
	if len(rs) != 2 || rs[0].Weight != 4 || rs[1].Contributor != common.HexToAddress("0x1") {
		t.Fatalf("rewards %+v", rs)
	}
	p := PromptWithContext("what is sweet?", cites)
	if !strings.Contains(p, "[1] the dog ran") || !strings.HasSuffix(p, "Question: what is sweet?\nAnswer:") {
		t.Fatalf("prompt %q", p)
	}
}

// TestScoreMatchesBM25 compares the fixed-point score with BM25 in floating
// point (log base 2): the integer rule is the textbook formula.
func TestScoreMatchesBM25(t *testing.T) {
	vocab := words{}
	for i := range 40 {
		vocab = append(vocab, fmt.Sprint("w", i))
	}
	r := rand.New(rand.NewPCG(1, 2))
	var texts []string
	for range 80 {
		var ws []string
		for range 3 + r.IntN(40) {
			ws = append(ws, vocab[min(r.IntN(40), r.IntN(40))])
		}
		texts = append(texts, strings.Join(ws, " "))
	}
	ix := index(t, vocab, texts, Options{ChunkTokens: 16})
	n := float64(len(ix.chunks))
	var total float64
	for _, c := range ix.chunks {
		total += float64(c.End - c.Start)
	}
	avg := total / n
	for range 30 {
		q := []int{r.IntN(40), r.IntN(40), r.IntN(40)}
		for _, c := range ix.RetrieveTokens(q, 5) {
			toks := ix.ChunkTokens(c.Chunk)
			var want float64
			for _, t := range slices.Compact(slices.Sorted(slices.Values(q))) {
				var tf float64
				for _, x := range toks {
					if x == t {
						tf++
					}
				}
				if tf == 0 {
					continue
				}
				df := float64(len(ix.postings[t]))
				idf := math.Log2((n-df+0.5)/(df+0.5) + 1)
				want += idf * tf * 2.2 / (tf + 1.2*(0.25+0.75*float64(len(toks))/avg))
			}
			if got := float64(c.Score) / 65536; math.Abs(got-want) > 0.001*want+0.001 {
				t.Fatalf("chunk %d score %.5f, BM25 %.5f", c.Chunk, got, want)
			}
		}
	}
}
