// Package poa is Proof of Attribution for one completion: span matching
// (package span) over the output tokens, plus the chunks retrieval
// (package rag) put into the prompt, combined into the capped, integer
// contributor list an inference receipt settles (IInference.fulfill,
// IAttribution.payForCall). Everything is a pure function of the output
// tokens, the retrieval query and the committed Datanet, so Verify replays
// it byte for byte. The rule is in docs/attribution.md ("Attribution of a
// completion").
package poa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/intmath"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/attribution/span"
)

// Version is the attribution format this package writes and reads.
const Version = 1

// Methods, as recorded in Attribution.Method.
const (
	MethodSpan = "span"     // span matching only
	MethodBoth = "span+rag" // span matching and retrieval
	MethodNone = "none"     // no Datanet applies to the completion
)

// TemplateV1 names the RAG prompt template (rag.PromptWithContext).
const TemplateV1 = "paichain-rag/v1"

// Bounds of one attribution.
const (
	MaxK = 16 // retrieved chunks per completion
	// DefaultRAGShare is the part of the weights (of span.Params.Scale)
	// given to retrieved chunks when span matching credits someone too.
	DefaultRAGShare = 500_000
	// DefaultMaxEvidenceBytes caps the evidence JSON of one completion.
	DefaultMaxEvidenceBytes = 8 << 20
	// MaxScale bounds span.Params.Scale here: Combine's credits sum to
	// Scale^2, which must fit in 64 bits.
	MaxScale = 1<<32 - 1
)

// ErrEvidenceTooLarge reports evidence over the cap: the completion cannot
// be attributed, so nothing is credited.
var ErrEvidenceTooLarge = errors.New("attribution evidence too large")

// ErrMismatch is wrapped by every Verify failure.
var ErrMismatch = errors.New("attribution does not verify")

// Weight is a contributor weight, written as a JSON decimal string (the
// chain takes uint96; JavaScript numbers lose precision above 2^53).
type Weight uint64

// MarshalJSON writes the decimal string.
func (w Weight) MarshalJSON() ([]byte, error) {
	return strconv.AppendQuote(nil, strconv.FormatUint(uint64(w), 10)), nil
}

// UnmarshalJSON accepts only a canonical decimal string.
func (w *Weight) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("weight must be a decimal string: %w", err)
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil || strconv.FormatUint(v, 10) != s {
		return fmt.Errorf("weight %q is not a canonical decimal integer", s)
	}
	*w = Weight(v)
	return nil
}

// Contributor is one entry of the list a receipt settles: exactly the
// {address, weight} pairs of fulfill(…, contributors, weights).
type Contributor struct {
	Address common.Address `json:"address"`
	Weight  Weight         `json:"weight"`
}

// SpanRef summarises one matched span of the output for people (the
// evidence carries the proofs).
type SpanRef struct {
	Start   int    `json:"start"` // [Start, End) in the output tokens
	End     int    `json:"end"`
	Text    string `json:"text"`
	Score   uint64 `json:"score"`
	Matches int64  `json:"matches"` // occurrences in the corpus (hi - lo)
}

// Message is one chat message as the request sent it.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Retrieval records what RAG did, so a verifier can redo it: the query,
// k and chunking re-retrieve the same chunks, and the template (with the
// conversation for chat) rebuilds the prompt the receipt committed.
type Retrieval struct {
	Query       string `json:"query"`
	K           int    `json:"k"`
	ChunkTokens int    `json:"chunk_tokens"`
	Template    string `json:"template"`
	// Chat requests: the conversation before augmentation (the last user
	// message is the query) and the chat template it was rendered with.
	Messages     []Message `json:"messages,omitempty"`
	ChatTemplate string    `json:"chat_template,omitempty"`
}

// Attribution is the attribution of one completion, returned next to its
// receipt. Contributors is what the sequencer settles.
type Attribution struct {
	Version int          `json:"version"`
	Datanet *common.Hash `json:"datanet"` // root; null when Method is none
	Method  string       `json:"method"`
	Reason  string       `json:"reason,omitempty"` // why none
	// ReceiptHash binds the attribution to the completion's receipt.
	ReceiptHash common.Hash `json:"receipt_hash"`
	// Pool receives the aggregated tail beyond the cap (zero: none).
	Pool         common.Address `json:"pool"`
	RAGShare     uint64         `json:"rag_share"`
	Contributors []Contributor  `json:"contributors"`
	Spans        []SpanRef      `json:"spans"`
	Citations    []rag.Citation `json:"citations"`
	RAG          *Retrieval     `json:"rag,omitempty"`
	Evidence     *span.Evidence `json:"evidence,omitempty"`
}

// Payees returns the contributors as fulfill's (and payForCall's)
// contributors and weights arguments.
func (a *Attribution) Payees() ([]common.Address, []*big.Int) {
	addrs := make([]common.Address, len(a.Contributors))
	weights := make([]*big.Int, len(a.Contributors))
	for i, c := range a.Contributors {
		addrs[i], weights[i] = c.Address, new(big.Int).SetUint64(uint64(c.Weight))
	}
	return addrs, weights
}

// MaxBytes bounds a decoded attribution: the evidence's cap plus room for
// citations and the retrieval record.
const MaxBytes = span.MaxEvidenceBytes + 16<<20

// Decode reads attribution JSON, refusing documents over MaxBytes, unknown
// fields and trailing data.
func Decode(r io.Reader) (*Attribution, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("poa: read attribution: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrMismatch, MaxBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var a Attribution
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMismatch, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data", ErrMismatch)
	}
	return &a, nil
}

// None is the attribution of a completion no Datanet applies to: no
// contributors (payForCall then gives the data share to the adapter or
// model owner).
func None(receiptHash common.Hash, reason string) *Attribution {
	return &Attribution{Version: Version, Method: MethodNone, Reason: reason, ReceiptHash: receiptHash,
		Contributors: []Contributor{}, Spans: []SpanRef{}, Citations: []rag.Citation{}}
}

// Combine is the contributor list of a completion, from the span-match
// weights (each list sums to p.Scale or is empty) and the retrieved
// citations' relevance weights:
//
//  1. S(a) = span weight of a, R(a) = sum of a's citation weights, each
//     list renormalised to Scale (intmath.Normalize; a no-op for the lists
//     span.Weigh and rag.Retrieve make).
//  2. c(a) = (Scale - ragShare)*S(a) + ragShare*R(a) when both lists are
//     non-empty; c = S or c = R when only one is; no contributors when both
//     are empty.
//  3. Sort by c descending, then address ascending (bytes). Beyond
//     MaxContributors entries: with a pool address, the pool's own entry
//     (if any) is taken out, the first MaxContributors-1 others kept, and
//     the pool credited with its own c plus the rest's, as the last entry;
//     with no pool, the first MaxContributors are kept.
//  4. Weights = intmath.Normalize(c, Scale); zero weights are dropped.
//
// The credits sum to Scale^2, so Scale must be below 2^32 (MaxScale).
func Combine(spanWeights []span.Weight, cites []rag.Citation, pool common.Address, ragShare uint64, p span.Params) []Contributor {
	s := map[common.Address]uint64{}
	for _, w := range spanWeights {
		s[w.Contributor] += w.Weight
	}
	r := map[common.Address]uint64{}
	for _, c := range cites {
		r[c.Contributor] += c.Weight
	}
	s, r = renormalize(s, p.Scale), renormalize(r, p.Scale)
	credit := map[common.Address]uint64{}
	switch {
	case len(s) > 0 && len(r) > 0:
		ragShare = min(ragShare, p.Scale)
		for a, v := range s {
			credit[a] += (p.Scale - ragShare) * v
		}
		for a, v := range r {
			credit[a] += ragShare * v
		}
	case len(s) > 0:
		credit = s
	default:
		credit = r
	}
	es := span.RankCredits(credit)
	if len(es) > p.MaxContributors {
		if pool != (common.Address{}) {
			pc := credit[pool]
			es = slices.DeleteFunc(es, func(e span.Credit) bool { return e.Addr == pool })
			for _, e := range es[p.MaxContributors-1:] {
				pc += e.Value
			}
			es = append(es[:p.MaxContributors-1], span.Credit{Addr: pool, Value: pc})
		} else {
			es = es[:p.MaxContributors]
		}
	}
	cs := make([]uint64, len(es))
	for i, e := range es {
		cs[i] = e.Value
	}
	out := []Contributor{}
	for i, w := range intmath.Normalize(cs, p.Scale) {
		if w > 0 {
			out = append(out, Contributor{Address: es[i].Addr, Weight: Weight(w)})
		}
	}
	return out
}

// renormalize scales one method's weights to sum to scale, in address
// order so the largest-remainder ties are deterministic.
func renormalize(m map[common.Address]uint64, scale uint64) map[common.Address]uint64 {
	addrs := make([]common.Address, 0, len(m))
	for a, v := range m {
		if v > 0 {
			addrs = append(addrs, a)
		}
	}
	slices.SortFunc(addrs, func(x, y common.Address) int { return bytes.Compare(x[:], y[:]) })
	vs := make([]uint64, len(addrs))
	for i, a := range addrs {
		vs[i] = m[a]
	}
	out := map[common.Address]uint64{}
	for i, w := range intmath.Normalize(vs, scale) {
		if w > 0 {
			out[addrs[i]] = w
		}
	}
	return out
}
