// Package rag retrieves Datanet chunks for a query with BM25 and returns
// citations (chunk → contribution → contributor) with integer
// relevance-weighted micro-reward weights. Terms are the Datanet's own
// token ids, so tokenization is the Datanet's committed tokenizer; scores
// are fixed-point integers (idf from intmath.Log2Q16), so every machine
// ranks and rewards identically, ties included.
package rag

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/intmath"
)

// Options tune the index; zero fields take the defaults.
type Options struct {
	ChunkTokens int    // tokens per chunk (documents are cut in windows); 128
	K1Milli     uint64 // BM25 k1 x 1000; 1200
	BMilli      uint64 // BM25 b x 1000 (at most 1000); 750
	Scale       uint64 // citation weights sum to Scale; 1e6
	// Tokenize turns a query into token ids with the Datanet's tokenizer.
	Tokenize func(string) ([]int, error)
	// Decode renders chunk tokens as text for citations and prompts.
	Decode func([]int) string
}

func (o *Options) defaults() {
	if o.ChunkTokens <= 0 {
		o.ChunkTokens = 128
	}
	if o.K1Milli == 0 {
		o.K1Milli = 1200
	}
	if o.BMilli == 0 {
		o.BMilli = 750
	}
	if o.Scale == 0 {
		o.Scale = 1_000_000
	}
}

// Chunk is a window of one document.
type Chunk struct {
	Doc        int64
	Start, End int64 // token-array positions [Start, End)
}

type posting struct {
	chunk uint32
	tf    uint32
}

// Index is a BM25 inverted index over a Datanet's chunks (in memory: about
// 8 bytes per distinct term of each chunk).
type Index struct {
	dn       *datanet.Datanet
	opt      Options
	chunks   []Chunk
	postings [][]posting // by token id
	avgMilli uint64      // mean chunk length x 1000
}

// NewIndex chunks every document of dn and indexes the chunks.
func NewIndex(dn *datanet.Datanet, opt Options) (*Index, error) {
	opt.defaults()
	if opt.BMilli > 1000 || opt.ChunkTokens > 1<<16 {
		return nil, fmt.Errorf("rag: bad options b=%d chunk=%d", opt.BMilli, opt.ChunkTokens)
	}
	ix := &Index{dn: dn, opt: opt, postings: make([][]posting, dn.Manifest.Tokenizer.VocabSize)}
	var total uint64
	var terms []uint32
	for d := range dn.Manifest.Documents {
		doc := dn.Doc(d)
		for s := doc.Start; s < doc.Start+doc.Length; s += int64(opt.ChunkTokens) {
			e := min(s+int64(opt.ChunkTokens), doc.Start+doc.Length)
			id := uint32(len(ix.chunks))
			if int(id) != len(ix.chunks) {
				return nil, fmt.Errorf("rag: more than 2^32 chunks")
			}
			ix.chunks = append(ix.chunks, Chunk{Doc: d, Start: s, End: e})
			total += uint64(e - s)
			terms = terms[:0]
			for p := s; p < e; p++ {
				terms = append(terms, dn.Text.At(p))
			}
			slices.Sort(terms)
			for i := 0; i < len(terms); {
				j := i
				for j < len(terms) && terms[j] == terms[i] {
					j++
				}
				if terms[i] >= uint32(len(ix.postings)) {
					return nil, fmt.Errorf("rag: token %d outside the vocabulary", terms[i])
				}
				ix.postings[terms[i]] = append(ix.postings[terms[i]], posting{id, uint32(j - i)})
				i = j
			}
		}
	}
	if n := uint64(len(ix.chunks)); n > 0 {
		ix.avgMilli = max(1, total*1000/n)
	}
	return ix, nil
}

// Chunks is the number of indexed chunks.
func (ix *Index) Chunks() int { return len(ix.chunks) }

// Citation is one retrieved chunk and who is owed for it.
type Citation struct {
	Rank           int            `json:"rank"` // 1-based, as cited in the prompt
	Chunk          int            `json:"chunk"`
	Doc            int64          `json:"doc"`
	Start          int64          `json:"start"` // token-array range of the chunk
	End            int64          `json:"end"`
	ContributionID string         `json:"contributionId"`
	Contributor    common.Address `json:"contributor"`
	Score          uint64         `json:"score"`  // BM25, fixed point (2^16 = 1 bit of idf)
	Weight         uint64         `json:"weight"` // relevance share of Options.Scale
	Text           string         `json:"text,omitempty"`
}

// Retrieve tokenizes query and returns its top-k chunks.
func (ix *Index) Retrieve(query string, k int) ([]Citation, error) {
	if ix.opt.Tokenize == nil {
		return nil, fmt.Errorf("rag: no tokenizer set")
	}
	q, err := ix.opt.Tokenize(query)
	if err != nil {
		return nil, fmt.Errorf("rag: tokenize query: %w", err)
	}
	return ix.RetrieveTokens(q, k), nil
}

// RetrieveTokens ranks chunks for the distinct query ids by BM25:
//
//	idf(t)   = Log2Q16(2N+2) - Log2Q16(2df+1)       (= log2((N-df+.5)/(df+.5)+1))
//	term     = idf * tf*(k1+1000)*1000 / (tf*10^6 + k1*(1000-b) + k1*b*dl*1000/avgdl)
//
// with N chunks, df the chunks holding t, tf its count in the chunk, dl the
// chunk length, avgdl the mean length x 1000, k1 and b in thousandths, and
// every division floored. Chunks with score 0 are not returned; ties go to
// the lower chunk id. Weights split Scale by score (intmath.Normalize).
func (ix *Index) RetrieveTokens(query []int, k int) []Citation {
	n := uint64(len(ix.chunks))
	if k <= 0 || n == 0 {
		return nil
	}
	terms := slices.Compact(slices.Sorted(slices.Values(query)))
	score := map[uint32]uint64{}
	o := ix.opt
	for _, t := range terms {
		if t < 0 || t >= len(ix.postings) || len(ix.postings[t]) == 0 {
			continue
		}
		ps := ix.postings[t]
		idf := intmath.Log2Q16(2*n+2) - intmath.Log2Q16(2*uint64(len(ps))+1)
		for _, p := range ps {
			c := ix.chunks[p.chunk]
			dl := uint64(c.End - c.Start)
			tf := uint64(p.tf)
			den := tf*1_000_000 + o.K1Milli*(1000-o.BMilli) + o.K1Milli*o.BMilli*dl*1000/ix.avgMilli
			v, _ := intmath.MulDiv(idf, tf*(o.K1Milli+1000)*1000, den)
			score[p.chunk] += v
		}
	}
	type hit struct {
		chunk uint32
		score uint64
	}
	var hits []hit
	for c, s := range score {
		if s > 0 {
			hits = append(hits, hit{c, s})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.chunk, b.chunk)
	})
	hits = hits[:min(k, len(hits))]
	scores := make([]uint64, len(hits))
	for i, h := range hits {
		scores[i] = h.score
	}
	weights := intmath.Normalize(scores, o.Scale)
	out := make([]Citation, len(hits))
	for i, h := range hits {
		c := ix.chunks[h.chunk]
		out[i] = Citation{
			Rank: i + 1, Chunk: int(h.chunk), Doc: c.Doc, Start: c.Start, End: c.End,
			ContributionID: ix.dn.ContributionID(c.Doc), Contributor: ix.dn.Doc(c.Doc).Contributor,
			Score: h.score, Weight: weights[i],
		}
		if o.Decode != nil {
			out[i].Text = o.Decode(ix.ChunkTokens(int(h.chunk)))
		}
	}
	return out
}

// ChunkTokens returns chunk i's token ids.
func (ix *Index) ChunkTokens(i int) []int {
	c := ix.chunks[i]
	ids := make([]int, 0, c.End-c.Start)
	for p := c.Start; p < c.End; p++ {
		ids = append(ids, int(ix.dn.Text.At(p)))
	}
	return ids
}

// Reward is one contributor's share of a retrieval's micro-reward.
type Reward struct {
	Contributor common.Address `json:"contributor"`
	Weight      uint64         `json:"weight"`
}

// Rewards sums citation weights per contributor, largest first (ties by
// address): the contributors and weights of a payForCall.
func Rewards(cites []Citation) []Reward {
	sum := map[common.Address]uint64{}
	for _, c := range cites {
		sum[c.Contributor] += c.Weight
	}
	var rs []Reward
	for a, w := range sum {
		if w > 0 {
			rs = append(rs, Reward{a, w})
		}
	}
	slices.SortFunc(rs, func(a, b Reward) int {
		if c := cmp.Compare(b.Weight, a.Weight); c != 0 {
			return c
		}
		return bytes.Compare(a.Contributor[:], b.Contributor[:])
	})
	return rs
}

// PromptWithContext prepends the cited chunks, numbered as their Rank, to
// the query and asks the model to cite them.
func PromptWithContext(query string, cites []Citation) string {
	var b strings.Builder
	b.WriteString("Answer the question using the numbered sources below; cite them as [n].\n\n")
	for _, c := range cites {
		fmt.Fprintf(&b, "[%d] %s\n\n", c.Rank, strings.TrimSpace(c.Text))
	}
	b.WriteString("Question: ")
	b.WriteString(query)
	b.WriteString("\nAnswer:")
	return b.String()
}
