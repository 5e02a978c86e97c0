// Package span is the first Proof-of-Attribution method: span matching. For
// every position of a model output it finds the longest run of output
// tokens that occurs verbatim in a Datanet (binary search on the suffix
// array, extended token by token, as infini-gram and OLMoTrace do), keeps
// the maximal spans of at least Params.MinSpan tokens, scores each by the
// rarity of its tokens, splits the score over its first occurrences and
// sums it per contributor. Everything is integer arithmetic on committed
// data, so anyone replays it bit for bit; Evidence carries the Merkle proofs
// that let a verifier without the corpus re-check each span (Verify). The
// exact rule is specified in docs/attribution.md.
package span

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/intmath"
	"github.com/paichain/paichain/attribution/sa"
)

// Params are the protocol constants of one attribution; a verifier insists
// on its own.
type Params struct {
	MinSpan         int    `json:"minSpan"`         // shortest span credited, tokens
	MaxOccurrences  int    `json:"maxOccurrences"`  // K: occurrences a span's score is split over
	MaxContributors int    `json:"maxContributors"` // entries in the weight list, pool included
	Scale           uint64 `json:"scale"`           // the weights sum to Scale
}

// DefaultParams: spans of 4+ tokens, 16 occurrences, 64 contributors (the
// Attribution precompile's cap), weights in millionths.
func DefaultParams() Params {
	return Params{MinSpan: 4, MaxOccurrences: 16, MaxContributors: 64, Scale: 1_000_000}
}

// Limits on what one evidence may hold; they bound a verifier's work.
const (
	MaxOutput         = 4096  // output tokens
	MaxOccurrencesCap = 256   // Params.MaxOccurrences
	MaxContributorCap = 64    // Params.MaxContributors (precompiles.MaxContributors)
	MaxLeaves         = 16384 // proven chunks per file
)

// Validate checks p against the caps.
func (p Params) Validate() error {
	if p.MinSpan < 1 || p.MaxOccurrences < 1 || p.MaxOccurrences > MaxOccurrencesCap ||
		p.MaxContributors < 1 || p.MaxContributors > MaxContributorCap || p.Scale == 0 || p.Scale > 1<<40 {
		return fmt.Errorf("span: bad params %+v", p)
	}
	return nil
}

// Occurrence is one corpus occurrence a span's score is credited to.
type Occurrence struct {
	Rank           int64          `json:"rank"`   // suffix-array index
	Offset         int64          `json:"offset"` // token-array position
	Doc            int64          `json:"doc"`    // document-table index
	ContributionID string         `json:"contributionId"`
	Contributor    common.Address `json:"contributor"`
	Credit         uint64         `json:"credit"` // its part of the span's score
}

// Span is one maximal matched span of the output.
type Span struct {
	Start       int          `json:"start"` // [Start, End) in the output
	End         int          `json:"end"`
	Tokens      []uint32     `json:"tokens"`
	Lo          int64        `json:"lo"` // suffix-array range [Lo, Hi) of its occurrences
	Hi          int64        `json:"hi"`
	Score       uint64       `json:"score"`
	Occurrences []Occurrence `json:"occurrences"`
}

// Weight is one entry of the payForCall contributor list.
type Weight struct {
	Contributor common.Address `json:"contributor"`
	Weight      uint64         `json:"weight"`
	Pool        bool           `json:"pool,omitempty"` // aggregate of contributors beyond the cap
}

// Attribute runs span matching of output against dn.
func Attribute(dn *datanet.Datanet, output []int, p Params) (*Evidence, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(output) > MaxOutput {
		return nil, fmt.Errorf("span: output of %d tokens exceeds %d", len(output), MaxOutput)
	}
	m := dn.Manifest
	out := make([]uint32, len(output))
	for i, t := range output {
		if t < 0 || t >= m.Tokenizer.VocabSize {
			return nil, fmt.Errorf("span: output token %d = %d outside the vocabulary", i, t)
		}
		out[i] = uint32(t)
	}
	ev := &Evidence{Version: EvidenceVersion, Datanet: m.Root, Params: p, Output: out, Spans: []Span{}}
	reach := 0 // furthest end of a span found so far
	for i := range out {
		lo, hi := dn.UnigramRange(out[i])
		if lo == hi {
			continue
		}
		l := 1
		for i+l < len(out) {
			nlo, nhi := sa.Narrow(dn.Text, dn.SA, lo, hi, int64(l), out[i+l])
			if nlo == nhi {
				break
			}
			lo, hi, l = nlo, nhi, l+1
		}
		if i+l <= reach { // inside an earlier span: not maximal
			continue
		}
		reach = i + l
		if l < p.MinSpan {
			continue
		}
		sp := Span{Start: i, End: i + l, Tokens: slices.Clone(out[i : i+l]), Lo: lo, Hi: hi}
		sp.Score = Score(m.Suffixes, sp.Tokens, dn.Count)
		k := min(hi-lo, int64(p.MaxOccurrences))
		for j := range k {
			pos := dn.SA.At(lo + j)
			doc := dn.DocAt(pos)
			if doc < 0 || pos >= m.Tokens {
				return nil, fmt.Errorf("span: %w: suffix %d at %d has no document (run datanet check)", datanet.ErrCorrupt, lo+j, pos)
			}
			rec := dn.Doc(doc)
			sp.Occurrences = append(sp.Occurrences, Occurrence{
				Rank: lo + j, Offset: pos, Doc: doc, ContributionID: dn.ContributionID(doc),
				Contributor: rec.Contributor, Credit: Share(sp.Score, k, j),
			})
		}
		ev.Spans = append(ev.Spans, sp)
	}
	ev.Weights = Weigh(ev.Spans, m.Pool, p)
	if err := ev.prove(dn); err != nil {
		return nil, err
	}
	return ev, nil
}

// Score is a span's rarity: the sum over its tokens of
// Log2Q16(N) - Log2Q16(count(t)), i.e. -log2 of each token's unigram
// frequency in 16-bit fixed point. count(t) >= 1 for a matched token.
func Score(n int64, tokens []uint32, count func(uint32) uint64) uint64 {
	ln := intmath.Log2Q16(uint64(n))
	var s uint64
	for _, t := range tokens {
		s += ln - intmath.Log2Q16(count(t))
	}
	return s
}

// Share is occurrence j's part of a score split over k occurrences:
// floor(score/k), plus one for the first score mod k occurrences.
func Share(score uint64, k, j int64) uint64 {
	s := score / uint64(k)
	if uint64(j) < score%uint64(k) {
		s++
	}
	return s
}

// Weigh turns the spans' occurrence credits into the payForCall list:
// credits are summed per contributor, sorted by credit (descending) then
// address (ascending bytes); beyond MaxContributors the tail is summed into
// one pool entry (the last; MaxContributors-1 individuals are kept) or, with
// no pool address, dropped; the kept credits are normalised to Scale with
// intmath.Normalize and entries whose weight rounds to zero are dropped.
func Weigh(spans []Span, pool common.Address, p Params) []Weight {
	credit := make(map[common.Address]uint64)
	for _, sp := range spans {
		for _, o := range sp.Occurrences {
			credit[o.Contributor] += o.Credit
		}
	}
	es := RankCredits(credit)
	ws := make([]Weight, 0, min(len(es), p.MaxContributors))
	if len(es) > p.MaxContributors {
		if pool != (common.Address{}) {
			var rest uint64
			for _, e := range es[p.MaxContributors-1:] {
				rest += e.Value
			}
			es = append(es[:p.MaxContributors-1], Credit{pool, rest})
		} else {
			es = es[:p.MaxContributors]
		}
	}
	scores := make([]uint64, len(es))
	for i, e := range es {
		scores[i] = e.Value
	}
	poolAt := -1
	if len(credit) > p.MaxContributors && pool != (common.Address{}) {
		poolAt = len(es) - 1
	}
	for i, w := range intmath.Normalize(scores, p.Scale) {
		if w > 0 {
			ws = append(ws, Weight{Contributor: es[i].Addr, Weight: w, Pool: i == poolAt})
		}
	}
	return ws
}

// Credit is a contributor's credit before normalization.
type Credit struct {
	Addr  common.Address
	Value uint64
}

// RankCredits lists the non-zero credits, largest first, ties by address:
// the order in which weights are capped and normalized, so that equal
// inputs give equal bytes.
func RankCredits(credit map[common.Address]uint64) []Credit {
	var es []Credit
	for a, c := range credit {
		if c > 0 {
			es = append(es, Credit{a, c})
		}
	}
	slices.SortFunc(es, func(x, y Credit) int {
		if c := cmp.Compare(y.Value, x.Value); c != 0 {
			return c
		}
		return bytes.Compare(x.Addr[:], y.Addr[:])
	})
	return es
}
