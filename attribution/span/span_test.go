package span

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanet"
)

type corpus struct {
	dn   *datanet.Datanet
	docs [][]int
}

func addr(i int) common.Address { return common.BigToAddress(big.NewInt(int64(1000 + i))) }

// newCorpus builds a Datanet of docs documents over a small vocabulary,
// skewed so that frequent and rare tokens both occur, from contributors
// contributors.
func newCorpus(t testing.TB, seed uint64, docs, vocab, contributors int, pool common.Address) *corpus {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed))
	c := &corpus{}
	var cs []datanet.Contribution
	for i := range docs {
		toks := make([]int, 5+r.IntN(60))
		for j := range toks {
			toks[j] = min(r.IntN(vocab), r.IntN(vocab)) // skewed to small ids
		}
		c.docs = append(c.docs, toks)
		cs = append(cs, datanet.Contribution{ID: "c" + strconv.Itoa(i), Contributor: addr(i % contributors), Tokens: toks})
	}
	dir := t.TempDir()
	if _, err := datanet.Build(datanet.Config{Dir: dir, Tokenizer: datanet.TokenizerInfo{Name: "ids", VocabSize: vocab},
		LeafSize: 128, Pool: pool}, datanet.Slice(cs)); err != nil {
		t.Fatal(err)
	}
	dn, err := datanet.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dn.Close() })
	c.dn = dn
	return c
}

// output copies stretches of corpus documents between random tokens.
func (c *corpus) output(r *rand.Rand, n, vocab int) []int {
	var out []int
	for len(out) < n {
		if r.IntN(2) == 0 {
			d := c.docs[r.IntN(len(c.docs))]
			a := r.IntN(len(d))
			out = append(out, d[a:min(len(d), a+3+r.IntN(12))]...)
		} else {
			out = append(out, r.IntN(vocab))
		}
	}
	return out[:n]
}

// naiveLongest is the longest prefix of out[i:] inside any document.
func (c *corpus) naiveLongest(out []int, i int) (int, int) {
	best, count := 0, 0
	for _, d := range c.docs {
		for s := range d {
			l := 0
			for i+l < len(out) && s+l < len(d) && d[s+l] == out[i+l] {
				l++
			}
			if l > best {
				best, count = l, 0
			}
			if l == best {
				count++
			}
		}
	}
	return best, count
}

func TestAttributeMatchesNaive(t *testing.T) {
	const vocab = 30
	c := newCorpus(t, 1, 150, vocab, 7, common.Address{})
	r := rand.New(rand.NewPCG(9, 9))
	p := DefaultParams()
	p.MinSpan = 3
	for trial := range 20 {
		out := c.output(r, 64, vocab)
		ev, err := Attribute(c.dn, out, p)
		if err != nil {
			t.Fatal(err)
		}
		// Reference: maximal spans from naive longest matches.
		var want []Span
		reach := 0
		for i := range out {
			l, n := c.naiveLongest(out, i)
			if l == 0 || i+l <= reach {
				continue
			}
			reach = i + l
			if l >= p.MinSpan {
				want = append(want, Span{Start: i, End: i + l, Hi: int64(n)})
			}
		}
		if len(ev.Spans) != len(want) {
			t.Fatalf("trial %d: %d spans, want %d", trial, len(ev.Spans), len(want))
		}
		var total uint64
		for i, sp := range ev.Spans {
			if sp.Start != want[i].Start || sp.End != want[i].End || sp.Hi-sp.Lo != want[i].Hi {
				t.Fatalf("trial %d span %d = [%d,%d) x%d, want [%d,%d) x%d", trial, i, sp.Start, sp.End, sp.Hi-sp.Lo, want[i].Start, want[i].End, want[i].Hi)
			}
			for _, o := range sp.Occurrences {
				doc := c.docs[o.Doc]
				start := o.Offset - c.dn.Doc(o.Doc).Start
				if !slices.Equal(doc[start:start+int64(sp.End-sp.Start)], out[sp.Start:sp.End]) {
					t.Fatalf("occurrence %+v does not hold the span", o)
				}
				if o.Contributor != addr(int(o.Doc)%7) {
					t.Fatalf("occurrence credited to %s", o.Contributor)
				}
			}
		}
		for _, w := range ev.Weights {
			total += w.Weight
		}
		if len(ev.Spans) > 0 && total != p.Scale {
			t.Fatalf("weights sum to %d", total)
		}
		ws, err := Verify(c.dn.Manifest, roundTrip(t, ev), p)
		if err != nil {
			t.Fatalf("trial %d: Verify: %v", trial, err)
		}
		if !slices.Equal(ws, ev.Weights) {
			t.Fatal("verified weights differ")
		}
		if err := Replay(c.dn, roundTrip(t, ev)); err != nil {
			t.Fatal(err)
		}
	}
}

func roundTrip(t testing.TB, ev *Evidence) *Evidence {
	t.Helper()
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	ev2, err := Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return ev2
}

func TestScoreRule(t *testing.T) {
	counts := map[uint32]uint64{1: 1, 2: 4, 3: 1024}
	// N = 1024: -log2(1/1024) = 10, -log2(4/1024) = 8, -log2(1) = 0.
	got := Score(1024, []uint32{1, 2, 3, 2}, func(t uint32) uint64 { return counts[t] })
	if got != (10+8+0+8)<<16 {
		t.Fatalf("Score = %d", got)
	}
	var sum uint64
	for j := range int64(3) {
		sum += Share(100, 3, j)
	}
	if Share(100, 3, 0) != 34 || Share(100, 3, 1) != 33 || sum != 100 {
		t.Fatal("Share")
	}
}

func TestWeighCapAndPool(t *testing.T) {
	var spans []Span
	for i := range 10 {
		spans = append(spans, Span{Occurrences: []Occurrence{{Contributor: addr(i), Credit: uint64(100 - i)}}})
	}
	p := DefaultParams()
	p.MaxContributors = 4
	pool := common.HexToAddress("0xfeed")
	ws := Weigh(spans, pool, p)
	if len(ws) != 4 || !ws[3].Pool || ws[3].Contributor != pool || ws[0].Contributor != addr(0) {
		t.Fatalf("%+v", ws)
	}
	var sum uint64
	for _, w := range ws {
		sum += w.Weight
	}
	if sum != p.Scale {
		t.Fatal("sum")
	}
	// rest = 97+96+...+91 = 658 of 955
	if want := uint64(658) * 1_000_000 / 955; ws[3].Weight != want && ws[3].Weight != want+1 {
		t.Fatalf("pool weight %d", ws[3].Weight)
	}
	ws = Weigh(spans, common.Address{}, p)
	if len(ws) != 4 || ws[3].Pool || ws[3].Contributor != addr(3) {
		t.Fatalf("no pool: %+v", ws)
	}
	// Ties are broken by address, so map order never matters.
	tie := []Span{{Occurrences: []Occurrence{{Contributor: addr(5), Credit: 1}, {Contributor: addr(2), Credit: 1}, {Contributor: addr(9), Credit: 1}}}}
	ws = Weigh(tie, pool, DefaultParams())
	if ws[0].Contributor != addr(2) || ws[0].Weight != 333334 {
		t.Fatalf("ties: %+v", ws)
	}
}

func TestPoolWithManyContributors(t *testing.T) {
	pool := common.HexToAddress("0xfeed")
	c := newCorpus(t, 4, 300, 12, 100, pool)
	p := DefaultParams()
	p.MaxContributors, p.MaxOccurrences, p.MinSpan = 8, 64, 2
	out := c.output(rand.New(rand.NewPCG(5, 5)), 200, 12)
	ev, err := Attribute(c.dn, out, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Weights) != 8 || !ev.Weights[7].Pool {
		t.Fatalf("weights %+v", ev.Weights)
	}
	if _, err := Verify(c.dn.Manifest, ev, p); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyRejects(t *testing.T) {
	const vocab = 30
	c := newCorpus(t, 2, 120, vocab, 5, common.Address{})
	p := DefaultParams()
	p.MinSpan = 3
	out := c.output(rand.New(rand.NewPCG(3, 3)), 128, vocab)
	good, err := Attribute(c.dn, out, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(good.Spans) < 2 {
		t.Fatalf("only %d spans", len(good.Spans))
	}
	for _, tc := range []struct {
		name   string
		tamper func(ev *Evidence)
	}{
		{"weight inflated", func(ev *Evidence) { ev.Weights[0].Weight++; ev.Weights[len(ev.Weights)-1].Weight-- }},
		{"weight redirected", func(ev *Evidence) { ev.Weights[0].Contributor = addr(99) }},
		{"proof chunk byte", func(ev *Evidence) { ev.Proofs.SA[0].Data[0] ^= 1 }},
		{"proof path", func(ev *Evidence) { ev.Proofs.Docs[0].Path[0][0] ^= 1 }},
		{"proof dropped", func(ev *Evidence) { ev.Proofs.Tokens = ev.Proofs.Tokens[1:] }},
		{"proof duplicated", func(ev *Evidence) { ev.Proofs.Counts = append(ev.Proofs.Counts, ev.Proofs.Counts[0]) }},
		{"range widened", func(ev *Evidence) { ev.Spans[0].Hi++ }},
		{"range narrowed", func(ev *Evidence) { ev.Spans[0].Lo++ }},
		{"span tokens", func(ev *Evidence) { ev.Spans[0].Tokens[0]++ }},
		{"span shorter than min", func(ev *Evidence) {
			ev.Spans[0].End = ev.Spans[0].Start + 2
			ev.Spans[0].Tokens = ev.Spans[0].Tokens[:2]
		}},
		{"score", func(ev *Evidence) { ev.Spans[0].Score++ }},
		{"occurrence contributor", func(ev *Evidence) { ev.Spans[0].Occurrences[0].Contributor = addr(42) }},
		{"occurrence doc", func(ev *Evidence) { ev.Spans[0].Occurrences[0].Doc++ }},
		{"occurrence id", func(ev *Evidence) { ev.Spans[0].Occurrences[0].ContributionID = "x" }},
		{"occurrence credit", func(ev *Evidence) { ev.Spans[0].Occurrences[0].Credit++ }},
		{"occurrence dropped", func(ev *Evidence) { ev.Spans[0].Occurrences = ev.Spans[0].Occurrences[1:] }},
		{"span duplicated", func(ev *Evidence) { ev.Spans = append(ev.Spans, ev.Spans[len(ev.Spans)-1]) }},
		{"output changed", func(ev *Evidence) { ev.Output[ev.Spans[0].Start]++ }},
		{"params", func(ev *Evidence) { ev.Params.MaxOccurrences = 1 }},
		{"datanet", func(ev *Evidence) { ev.Datanet[0] ^= 1 }},
		{"version", func(ev *Evidence) { ev.Version = 2 }},
		{"output too long", func(ev *Evidence) { ev.Output = make([]uint32, MaxOutput+1) }},
		{"too many weights", func(ev *Evidence) {
			for range 64 {
				ev.Weights = append(ev.Weights, Weight{Contributor: addr(1), Weight: 0})
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := roundTrip(t, good)
			tc.tamper(ev)
			ws, err := Verify(c.dn.Manifest, ev, p)
			if !errors.Is(err, ErrEvidence) || ws != nil {
				t.Fatalf("Verify = %v, %v; want ErrEvidence and no weights", ws, err)
			}
		})
	}
	if _, err := Verify(c.dn.Manifest, roundTrip(t, good), p); err != nil {
		t.Fatalf("untampered evidence rejected: %v", err)
	}
	// Omitting a span passes the proofs but not a replay.
	ev := roundTrip(t, good)
	ev.Spans = ev.Spans[1:]
	ev.Weights = Weigh(ev.Spans, common.Address{}, p)
	if err := Replay(c.dn, ev); !errors.Is(err, ErrEvidence) {
		t.Fatalf("Replay of incomplete evidence = %v", err)
	}
}

func TestDecodeRejects(t *testing.T) {
	for name, in := range map[string]string{
		"unknown field": `{"version":1,"bogus":1}`,
		"trailing":      `{"version":1} {}`,
		"not json":      `hello`,
		"oversized":     `{"version":1,"output":[` + strings.Repeat("1,", MaxEvidenceBytes/2) + `1]}`,
	} {
		if _, err := Decode(strings.NewReader(in)); !errors.Is(err, ErrEvidence) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestAttributeRejects(t *testing.T) {
	c := newCorpus(t, 3, 10, 8, 2, common.Address{})
	if _, err := Attribute(c.dn, []int{1, 8}, DefaultParams()); err == nil {
		t.Error("out-of-vocabulary output accepted")
	}
	if _, err := Attribute(c.dn, make([]int, MaxOutput+1), DefaultParams()); err == nil {
		t.Error("oversized output accepted")
	}
	bad := DefaultParams()
	bad.MaxContributors = 65
	if _, err := Attribute(c.dn, []int{1}, bad); err == nil {
		t.Error("65 contributors accepted")
	}
}

// FuzzVerify feeds mutated evidence through Decode and Verify: it must be
// rejected cleanly or verified, never panic.
func FuzzVerify(f *testing.F) {
	c := newCorpus(f, 7, 40, 10, 3, common.Address{})
	p := DefaultParams()
	p.MinSpan = 2
	ev, err := Attribute(c.dn, c.output(rand.New(rand.NewPCG(1, 1)), 40, 10), p)
	if err != nil {
		f.Fatal(err)
	}
	b, _ := json.Marshal(ev)
	f.Add(b)
	f.Add([]byte(`{"version":1,"spans":[{"start":0,"end":2,"lo":-1,"hi":99999999999}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		Verify(c.dn.Manifest, ev, p)
	})
}

func TestEmptyDatanet(t *testing.T) {
	dir := t.TempDir()
	if _, err := datanet.Build(datanet.Config{Dir: dir, Tokenizer: datanet.TokenizerInfo{Name: "ids", VocabSize: 8}}, datanet.Slice(nil)); err != nil {
		t.Fatal(err)
	}
	dn, err := datanet.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer dn.Close()
	if err := dn.Check(); err != nil {
		t.Fatal(err)
	}
	ev, err := Attribute(dn, []int{1, 2, 3, 4, 5}, DefaultParams())
	if err != nil || len(ev.Spans) != 0 || len(ev.Weights) != 0 {
		t.Fatalf("%+v %v", ev, err)
	}
	if ws, err := Verify(dn.Manifest, roundTrip(t, ev), DefaultParams()); err != nil || len(ws) != 0 {
		t.Fatalf("Verify = %v, %v", ws, err)
	}
}
