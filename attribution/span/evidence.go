package span

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/sa"
)

// EvidenceVersion is the evidence format this package writes and reads.
const EvidenceVersion = 1

// MaxEvidenceBytes bounds an evidence document.
const MaxEvidenceBytes = 64 << 20

// Evidence is an attribution with everything needed to re-check it against
// a Datanet's committed roots.
type Evidence struct {
	Version int         `json:"version"`
	Datanet common.Hash `json:"datanet"` // the manifest root
	Params  Params      `json:"params"`
	Output  []uint32    `json:"output"`
	Spans   []Span      `json:"spans"`
	Weights []Weight    `json:"weights"`
	Proofs  Proofs      `json:"proofs"`
}

// Leaf is one proven chunk of a committed file.
type Leaf struct {
	Index uint64        `json:"index"`
	Data  hexutil.Bytes `json:"data"`
	Path  []common.Hash `json:"path"`
}

// Proofs holds the chunks a verifier reads, per file, sorted by index.
type Proofs struct {
	Tokens []Leaf `json:"tokens"`
	SA     []Leaf `json:"sa"`
	Docs   []Leaf `json:"docs"`
	Counts []Leaf `json:"counts"`
}

func (p *Proofs) of(f datanet.File) *[]Leaf {
	switch f {
	case datanet.Tokens:
		return &p.Tokens
	case datanet.SuffixArray:
		return &p.SA
	case datanet.Docs:
		return &p.Docs
	}
	return &p.Counts
}

var files = []datanet.File{datanet.Tokens, datanet.SuffixArray, datanet.Docs, datanet.Counts}

// need collects the byte ranges of each file a verifier must read.
type need map[datanet.File]map[uint64]bool

func (n need) add(m *datanet.Manifest, f datanet.File, off, length uint64) {
	if length == 0 {
		return
	}
	if n[f] == nil {
		n[f] = map[uint64]bool{}
	}
	for l := m.LeafOf(off); l <= m.LeafOf(off+length-1); l++ {
		n[f][l] = true
	}
}

// reads lists, for one span, what Verify reads: the boundary suffix-array
// entries lo-1, lo, hi-1, hi, the first K entries, the span's length of
// tokens at each boundary suffix, the documents of the occurrences and the
// counts of the span's tokens.
func reads(m *datanet.Manifest, sp *Span, k int64, entry func(int64) int64, docOf func(int64) int64) need {
	n := need{}
	w := uint64(m.Files.SA.Width)
	l := uint64(sp.End - sp.Start)
	for _, idx := range []int64{sp.Lo - 1, sp.Lo, sp.Hi - 1, sp.Hi} {
		if idx < 0 || idx >= m.Suffixes {
			continue
		}
		n.add(m, datanet.SuffixArray, uint64(idx)*w, w)
		p := uint64(entry(idx))
		n.add(m, datanet.Tokens, 3*p, 3*min(l, uint64(m.Tokens)-p))
	}
	for j := range k {
		n.add(m, datanet.SuffixArray, uint64(sp.Lo+j)*w, w)
		pos := entry(sp.Lo + j)
		n.add(m, datanet.Docs, uint64(docOf(pos))*datanet.DocRecordSize, datanet.DocRecordSize)
	}
	for _, t := range sp.Tokens {
		n.add(m, datanet.Counts, 8*uint64(t), 8)
	}
	return n
}

func (ev *Evidence) prove(dn *datanet.Datanet) error {
	all := need{}
	for i := range ev.Spans {
		sp := &ev.Spans[i]
		k := int64(len(sp.Occurrences))
		for f, ls := range reads(dn.Manifest, sp, k, dn.SA.At, dn.DocAt) {
			for l := range ls {
				all.add(dn.Manifest, f, l*uint64(dn.Manifest.LeafSize), 1)
			}
		}
	}
	for _, f := range files {
		leaves := []Leaf{}
		for _, i := range slices.Sorted(maps.Keys(all[f])) {
			data, path, err := dn.Leaf(f, i)
			if err != nil {
				return fmt.Errorf("span: prove: %w", err)
			}
			leaves = append(leaves, Leaf{Index: i, Data: slices.Clone(data), Path: path})
		}
		if len(leaves) > MaxLeaves {
			return fmt.Errorf("span: evidence needs %d %s chunks, over the cap of %d", len(leaves), f, MaxLeaves)
		}
		*ev.Proofs.of(f) = leaves
	}
	return nil
}

// Decode reads evidence JSON, refusing documents over MaxEvidenceBytes,
// unknown fields and trailing data.
func Decode(r io.Reader) (*Evidence, error) {
	lr := &io.LimitedReader{R: r, N: MaxEvidenceBytes + 1}
	data, err := io.ReadAll(lr)
	if err != nil {
		return nil, fmt.Errorf("span: read evidence: %w", err)
	}
	if len(data) > MaxEvidenceBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrEvidence, MaxEvidenceBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var ev Evidence
	if err := dec.Decode(&ev); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEvidence, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data", ErrEvidence)
	}
	return &ev, nil
}

// ErrEvidence is wrapped by every rejection of evidence: nothing it claims
// may be credited.
var ErrEvidence = errors.New("invalid attribution evidence")

// proven is the verified chunks of each file.
type proven struct {
	m      *datanet.Manifest
	leaves map[datanet.File]map[uint64][]byte
}

// read returns body bytes [off, off+n) of f from verified chunks.
func (p *proven) read(f datanet.File, off, n uint64) ([]byte, error) {
	if off+n > p.m.File(f).Bytes || off+n < off {
		return nil, fmt.Errorf("%w: %s bytes [%d,+%d) outside the file", ErrEvidence, f, off, n)
	}
	out := make([]byte, 0, n)
	ls := uint64(p.m.LeafSize)
	for n > 0 {
		chunk, ok := p.leaves[f][off/ls]
		if !ok {
			return nil, fmt.Errorf("%w: no proof for %s chunk %d", ErrEvidence, f, off/ls)
		}
		k := min(n, ls-off%ls)
		out = append(out, chunk[off%ls:off%ls+k]...)
		off, n = off+k, n-k
	}
	return out, nil
}

func (p *proven) entry(i int64) (int64, error) {
	w := uint64(p.m.Files.SA.Width)
	if i < 0 || i >= p.m.Suffixes {
		return 0, fmt.Errorf("%w: suffix-array index %d outside [0,%d)", ErrEvidence, i, p.m.Suffixes)
	}
	b, err := p.read(datanet.SuffixArray, uint64(i)*w, w)
	if err != nil {
		return 0, err
	}
	v := sa.SA{B: b, Width: int(w)}.At(0)
	if v < 0 || v >= p.m.Tokens {
		return 0, fmt.Errorf("%w: suffix-array entry %d = %d outside the token array", ErrEvidence, i, v)
	}
	return v, nil
}

// compare orders the suffix at pos against pattern on its first len(pattern)
// tokens: -1, 0 (pattern is a prefix) or +1.
func (p *proven) compare(pos int64, pattern []uint32) (int, error) {
	n := min(uint64(len(pattern)), uint64(p.m.Tokens-pos))
	b, err := p.read(datanet.Tokens, 3*uint64(pos), 3*n)
	if err != nil {
		return 0, err
	}
	for k := range n {
		t := uint32(b[3*k]) | uint32(b[3*k+1])<<8 | uint32(b[3*k+2])<<16
		if t != pattern[k] {
			if t < pattern[k] {
				return -1, nil
			}
			return 1, nil
		}
	}
	if n < uint64(len(pattern)) { // cannot happen: the array ends with a sentinel
		return 1, nil
	}
	return 0, nil
}

func (p *proven) count(t uint32) (uint64, error) {
	b, err := p.read(datanet.Counts, 8*uint64(t), 8)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

func (p *proven) doc(i int64) (datanet.Doc, error) {
	if i < 0 || i >= p.m.Documents {
		return datanet.Doc{}, fmt.Errorf("%w: document %d outside [0,%d)", ErrEvidence, i, p.m.Documents)
	}
	b, err := p.read(datanet.Docs, uint64(i)*datanet.DocRecordSize, datanet.DocRecordSize)
	if err != nil {
		return datanet.Doc{}, err
	}
	return datanet.DecodeDoc(b), nil
}

// Verify re-checks evidence against a Datanet manifest (whose Root the
// caller trusts, e.g. read from chain) under the verifier's params, and
// returns the weights to pay. It checks every Merkle proof; for each span,
// that its tokens are the output's, that the boundary suffixes prove
// [Lo, Hi) is exactly the set of suffixes starting with the span (entries
// Lo and Hi-1 start with it, Lo-1 sorts below and Hi above it), that the
// occurrences are the first K entries with the documents and contributors
// the table commits, and that the score and credits follow the rule; then
// it recomputes the weights and requires them to equal the evidence's.
// Span maximality and completeness are not provable without the corpus:
// Replay checks them where the Datanet is at hand.
func Verify(m *datanet.Manifest, ev *Evidence, want Params) ([]Weight, error) {
	bad := func(format string, a ...any) ([]Weight, error) {
		return nil, fmt.Errorf("%w: %s", ErrEvidence, fmt.Sprintf(format, a...))
	}
	switch {
	case ev.Version != EvidenceVersion:
		return bad("version %d", ev.Version)
	case ev.Datanet != m.Root:
		return bad("made for datanet %s, manifest is %s", ev.Datanet, m.Root)
	case ev.Params != want:
		return bad("params %+v, verifier requires %+v", ev.Params, want)
	case len(ev.Output) > MaxOutput:
		return bad("output of %d tokens exceeds %d", len(ev.Output), MaxOutput)
	case len(ev.Spans) > len(ev.Output):
		return bad("%d spans for %d output tokens", len(ev.Spans), len(ev.Output))
	case len(ev.Weights) > want.MaxContributors:
		return bad("%d weights exceed the cap of %d", len(ev.Weights), want.MaxContributors)
	}
	if err := want.Validate(); err != nil {
		return nil, err
	}
	pv := &proven{m: m, leaves: map[datanet.File]map[uint64][]byte{}}
	for _, f := range files {
		leaves := *ev.Proofs.of(f)
		if len(leaves) > MaxLeaves {
			return bad("%d %s chunks exceed the cap of %d", len(leaves), f, MaxLeaves)
		}
		pv.leaves[f] = map[uint64][]byte{}
		for i, l := range leaves {
			if i > 0 && l.Index <= leaves[i-1].Index {
				return bad("%s chunks not in strictly increasing order", f)
			}
			if err := m.VerifyLeaf(f, l.Index, l.Data, l.Path); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrEvidence, err)
			}
			pv.leaves[f][l.Index] = l.Data
		}
	}
	prevStart, prevEnd := -1, -1
	for i := range ev.Spans {
		sp := &ev.Spans[i]
		if err := pv.checkSpan(ev, sp, want); err != nil {
			return nil, fmt.Errorf("span %d [%d,%d): %w", i, sp.Start, sp.End, err)
		}
		if sp.Start <= prevStart || sp.End <= prevEnd {
			return bad("span %d [%d,%d) is not after span %d", i, sp.Start, sp.End, i-1)
		}
		prevStart, prevEnd = sp.Start, sp.End
	}
	ws := Weigh(ev.Spans, m.Pool, want)
	if !slices.Equal(ws, ev.Weights) {
		return bad("weights do not follow from the spans (recomputed %v)", ws)
	}
	return ws, nil
}

func (pv *proven) checkSpan(ev *Evidence, sp *Span, p Params) error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrEvidence, fmt.Sprintf(format, a...))
	}
	if sp.Start < 0 || sp.End > len(ev.Output) || sp.End-sp.Start < p.MinSpan {
		return bad("bounds outside the output or shorter than %d", p.MinSpan)
	}
	if !slices.Equal(sp.Tokens, ev.Output[sp.Start:sp.End]) {
		return bad("tokens differ from the output")
	}
	if sp.Lo < 0 || sp.Lo >= sp.Hi || sp.Hi > pv.m.Suffixes {
		return bad("suffix range [%d,%d) invalid", sp.Lo, sp.Hi)
	}
	for _, b := range []struct {
		idx  int64
		want int
	}{{sp.Lo - 1, -1}, {sp.Lo, 0}, {sp.Hi - 1, 0}, {sp.Hi, 1}} {
		if b.idx < 0 || b.idx >= pv.m.Suffixes {
			continue // the range reaches the end of the array
		}
		pos, err := pv.entry(b.idx)
		if err != nil {
			return err
		}
		c, err := pv.compare(pos, sp.Tokens)
		if err != nil {
			return err
		}
		if c != b.want {
			return bad("suffix %d (entry %d) compares %d to the span, want %d: range is not exact", pos, b.idx, c, b.want)
		}
	}
	var score uint64
	var cerr error
	score = Score(pv.m.Suffixes, sp.Tokens, func(t uint32) uint64 {
		c, err := pv.count(t)
		if err != nil && cerr == nil {
			cerr = err
		}
		if c == 0 && cerr == nil {
			cerr = bad("token %d has count 0 yet occurs", t)
		}
		return max(c, 1)
	})
	if cerr != nil {
		return cerr
	}
	if score != sp.Score {
		return bad("score %d, recomputed %d", sp.Score, score)
	}
	k := min(sp.Hi-sp.Lo, int64(p.MaxOccurrences))
	if int64(len(sp.Occurrences)) != k {
		return bad("%d occurrences, want %d", len(sp.Occurrences), k)
	}
	for j, o := range sp.Occurrences {
		pos, err := pv.entry(sp.Lo + int64(j))
		if err != nil {
			return err
		}
		if o.Rank != sp.Lo+int64(j) || o.Offset != pos {
			return bad("occurrence %d is not suffix-array entry %d (offset %d)", j, sp.Lo+int64(j), pos)
		}
		d, err := pv.doc(o.Doc)
		if err != nil {
			return err
		}
		if pos < d.Start || pos >= d.Start+d.Length {
			return bad("occurrence %d at %d is not in document %d [%d,+%d)", j, pos, o.Doc, d.Start, d.Length)
		}
		if d.Contributor != o.Contributor || datanet.IDHash(o.ContributionID) != d.IDHash {
			return bad("occurrence %d: contributor or contribution id differs from document %d's record", j, o.Doc)
		}
		if o.Credit != Share(sp.Score, k, int64(j)) {
			return bad("occurrence %d credit %d, rule gives %d", j, o.Credit, Share(sp.Score, k, int64(j)))
		}
	}
	return nil
}

// Replay recomputes the attribution from the Datanet itself and requires
// the evidence to match it exactly: this also proves that every maximal
// span was reported and none invented.
func Replay(dn *datanet.Datanet, ev *Evidence) error {
	out := make([]int, len(ev.Output))
	for i, t := range ev.Output {
		out[i] = int(t)
	}
	again, err := Attribute(dn, out, ev.Params)
	if err != nil {
		return fmt.Errorf("%w: replay: %v", ErrEvidence, err)
	}
	a, _ := json.Marshal(again)
	b, _ := json.Marshal(ev)
	if !bytes.Equal(a, b) {
		return fmt.Errorf("%w: replay against the datanet gives a different attribution", ErrEvidence)
	}
	return nil
}
