package poa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/attribution/span"
)

func addr(i int) common.Address { return common.BigToAddress(big.NewInt(int64(i))) }

func sum(cs []Contributor) (s uint64) {
	for _, c := range cs {
		s += uint64(c.Weight)
	}
	return s
}

func TestCombine(t *testing.T) {
	p := span.DefaultParams()
	pool := addr(0xfe)
	sw := []span.Weight{{Contributor: addr(1), Weight: 600_000}, {Contributor: addr(2), Weight: 400_000}}
	cites := []rag.Citation{{Contributor: addr(2), Weight: 700_000}, {Contributor: addr(3), Weight: 200_000}, {Contributor: addr(2), Weight: 100_000}}
	many := func(n int) []span.Weight { // n contributors, distinct weights
		var ws []span.Weight
		var total uint64
		for i := range n {
			ws = append(ws, span.Weight{Contributor: addr(100 + i), Weight: uint64(1000 + i)})
			total += uint64(1000 + i)
		}
		ws[0].Weight += p.Scale - total
		return ws
	}
	for _, tc := range []struct {
		name  string
		spans []span.Weight
		cites []rag.Citation
		pool  common.Address
		share uint64
		want  []Contributor
		check func(t *testing.T, got []Contributor)
	}{
		{name: "nothing", want: []Contributor{}},
		{name: "span only is the span weights", spans: sw, share: 500_000,
			want: []Contributor{{addr(1), 600_000}, {addr(2), 400_000}}},
		{name: "rag only sums per contributor", cites: cites, share: 0,
			want: []Contributor{{addr(2), 800_000}, {addr(3), 200_000}}},
		// c = 0.5*S + 0.5*R: 1: 300k, 2: 200k+400k, 3: 100k.
		{name: "both, half each", spans: sw, cites: cites, share: 500_000,
			want: []Contributor{{addr(2), 600_000}, {addr(1), 300_000}, {addr(3), 100_000}}},
		{name: "both, rag share 0 keeps only span", spans: sw, cites: cites, share: 0,
			want: []Contributor{{addr(1), 600_000}, {addr(2), 400_000}}},
		{name: "ties sort by address", spans: []span.Weight{{Contributor: addr(9), Weight: 500_000}, {Contributor: addr(4), Weight: 500_000}},
			want: []Contributor{{addr(4), 500_000}, {addr(9), 500_000}}},
		{name: "cap with pool", spans: many(70), pool: pool, check: func(t *testing.T, got []Contributor) {
			if len(got) != 64 || got[63].Address != pool || slices.ContainsFunc(got[:63], func(c Contributor) bool { return c.Address == pool }) {
				t.Fatalf("%d entries, last %v", len(got), got[len(got)-1])
			}
			// The 63 kept are the largest: 100+7 .. 100+69 (100+0 got the remainder).
			if got[0].Address != addr(100) || slices.ContainsFunc(got, func(c Contributor) bool { return c.Address == addr(101) }) {
				t.Fatalf("wrong individuals kept: %v", got[:3])
			}
		}},
		{name: "cap with a pool that is also a contributor", spans: append(many(70)[1:], span.Weight{Contributor: pool, Weight: 2000}), pool: pool,
			check: func(t *testing.T, got []Contributor) {
				n := 0
				for _, c := range got {
					if c.Address == pool {
						n++
					}
				}
				if len(got) != 64 || n != 1 || got[63].Address != pool {
					t.Fatalf("pool entries %d, %d entries", n, len(got))
				}
			}},
		{name: "cap without pool drops the tail", spans: many(70), check: func(t *testing.T, got []Contributor) {
			if len(got) != 64 || slices.ContainsFunc(got, func(c Contributor) bool { return c.Address == addr(101) }) {
				t.Fatalf("%d entries", len(got))
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Combine(tc.spans, tc.cites, tc.pool, tc.share, p)
			if len(got) > 0 && sum(got) != p.Scale {
				t.Fatalf("weights sum to %d", sum(got))
			}
			if len(got) > 64 {
				t.Fatalf("%d contributors", len(got))
			}
			if tc.check != nil {
				tc.check(t, got)
				return
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestWeightJSON(t *testing.T) {
	b, _ := json.Marshal(Contributor{Address: addr(1), Weight: 612345})
	if string(b) != `{"address":"0x0000000000000000000000000000000000000001","weight":"612345"}` {
		t.Fatalf("%s", b)
	}
	for _, in := range []string{`612345`, `"01"`, `"-1"`, `"1e3"`, `""`, `"18446744073709551616"`, `" 1"`} {
		var w Weight
		if err := json.Unmarshal([]byte(in), &w); err == nil {
			t.Errorf("%s accepted as %d", in, w)
		}
	}
}

// words is a toy word-level tokenizer; its "file" is the word list.
type words []string

func (w words) encode(s string) ([]int, error) {
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

func (w words) info() datanet.TokenizerInfo {
	return datanet.TokenizerInfo{Name: "words", Hash: crypto.Keccak256Hash([]byte(strings.Join(w, "\n"))), VocabSize: len(w)}
}

var vocab = words(strings.Fields(`the a cat dog sat on mat ran in park apple pie is sweet and red ball girl boy
	played with big small tree under found bone sun hot beach sand castle built x y`))

var texts = []string{
	"the cat sat on the mat and the dog ran in the park",
	"the girl played with a red ball in the park",
	"apple pie is sweet and the apple is red",
	"the dog found a bone under the big tree",
	"the sun is hot and the boy built a sand castle on the beach",
}

// build writes a Datanet of texts, contributor i+1 for text i.
func build(t testing.TB, w words, name string, pool common.Address) string {
	t.Helper()
	var cs []datanet.Contribution
	for i, s := range texts {
		cs = append(cs, datanet.Contribution{ID: fmt.Sprint(name, i), Contributor: addr(i + 1), Text: s})
	}
	dir := filepath.Join(t.TempDir(), name)
	if _, err := datanet.Build(datanet.Config{Dir: dir, Name: name, Tokenizer: w.info(), Tokenize: w.encode, LeafSize: 64, Pool: pool},
		datanet.Slice(cs)); err != nil {
		t.Fatal(err)
	}
	return dir
}

func config(dirs ...string) Config {
	return Config{Dirs: dirs, Tokenizer: vocab.info(), Tokenize: vocab.encode, Decode: vocab.decode, ChunkTokens: 6}
}

func open(t testing.TB, cfg Config) *Set {
	t.Helper()
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// attribute runs a RAG + span attribution of output on s's first Datanet.
func attribute(t *testing.T, s *Set, query, output string) (*Attribution, []int) {
	t.Helper()
	src := s.Sources()[0]
	cites, err := s.Retrieve(src, query, 2)
	if err != nil {
		t.Fatal(err)
	}
	out, err := vocab.encode(output)
	if err != nil {
		t.Fatal(err)
	}
	att, err := s.Attribute(src, Input{Output: out, ReceiptHash: common.HexToHash("0xabc"), Citations: cites,
		Retrieval: &Retrieval{Query: query, K: 2, ChunkTokens: s.ChunkTokens(), Template: TemplateV1}})
	if err != nil {
		t.Fatal(err)
	}
	return att, out
}

func roundTrip(t *testing.T, a *Attribution) *Attribution {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAttributeAndVerify(t *testing.T) {
	s := open(t, config(build(t, vocab, "stories", addr(0xfe))))
	att, out := attribute(t, s, "apple pie", "x the dog found a bone under the big tree y the cat sat on the mat x")
	if att.Method != MethodBoth || *att.Datanet != s.Sources()[0].Root() || att.Pool != addr(0xfe) {
		t.Fatalf("header %+v", att)
	}
	if len(att.Spans) != 2 || att.Spans[0].Text != "the dog found a bone under the big tree" {
		t.Fatalf("spans %+v", att.Spans)
	}
	if len(att.Citations) == 0 || att.Citations[0].Contributor != addr(3) {
		t.Fatalf("citations %+v", att.Citations)
	}
	// Span credits go to the authors of texts 1 (cat) and 4 (dog), RAG
	// credits to text 3's author (apple pie): all three, nobody else.
	var who []common.Address
	for _, c := range att.Contributors {
		who = append(who, c.Address)
	}
	slices.SortFunc(who, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	if !slices.Equal(who, []common.Address{addr(1), addr(3), addr(4)}) || sum(att.Contributors) != 1_000_000 {
		t.Fatalf("contributors %v", att.Contributors)
	}
	// Deterministic: the same input gives the same bytes.
	again, _ := attribute(t, s, "apple pie", "x the dog found a bone under the big tree y the cat sat on the mat x")
	a, _ := json.Marshal(att)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
	if err := s.Verify(roundTrip(t, att), out, att.ReceiptHash); err != nil {
		t.Fatal(err)
	}
	addrs, weights := att.Payees()
	if len(addrs) != len(att.Contributors) || addrs[0] != att.Contributors[0].Address || weights[0].Uint64() != uint64(att.Contributors[0].Weight) {
		t.Fatalf("payees %v %v", addrs, weights)
	}

	other := addr(0x99)
	for name, tamper := range map[string]func(a *Attribution){
		"weight moved": func(a *Attribution) { a.Contributors[0].Weight++; a.Contributors[1].Weight-- },
		"contributor":  func(a *Attribution) { a.Contributors[0].Address = other },
		"extra":        func(a *Attribution) { a.Contributors = append(a.Contributors, Contributor{other, 0}) },
		"receipt":      func(a *Attribution) { a.ReceiptHash[0] ^= 1 },
		"rag query":    func(a *Attribution) { a.RAG.Query = "dog bone" },
		"rag k":        func(a *Attribution) { a.RAG.K = 1 },
		"rag template": func(a *Attribution) { a.RAG.Template = "other" },
		"rag dropped":  func(a *Attribution) { a.RAG = nil; a.Method = MethodSpan },
		"citation":     func(a *Attribution) { a.Citations[0].Contributor = other },
		"rag share":    func(a *Attribution) { a.RAGShare = 900_000 },
		"span dropped": func(a *Attribution) { a.Spans = a.Spans[1:] },
		"evidence span dropped": func(a *Attribution) {
			a.Evidence.Spans = a.Evidence.Spans[1:]
			a.Evidence.Weights = span.Weigh(a.Evidence.Spans, a.Pool, a.Evidence.Params)
		},
		"proof byte":   func(a *Attribution) { a.Evidence.Proofs.Tokens[0].Data[0] ^= 1 },
		"pool":         func(a *Attribution) { a.Pool = other },
		"datanet":      func(a *Attribution) { h := common.HexToHash("0x1"); a.Datanet = &h },
		"method none":  func(a *Attribution) { a.Method = MethodNone },
		"no evidence":  func(a *Attribution) { a.Evidence = nil },
		"version":      func(a *Attribution) { a.Version = 2 },
		"span params":  func(a *Attribution) { a.Evidence.Params.MinSpan = 3 },
		"span text":    func(a *Attribution) { a.Spans[0].Text = "the cat" },
		"output token": func(a *Attribution) { a.Evidence.Output[0] = 1 },
	} {
		t.Run(name, func(t *testing.T) {
			bad := roundTrip(t, att)
			tamper(bad)
			if err := s.Verify(bad, out, att.ReceiptHash); !errors.Is(err, ErrMismatch) {
				t.Fatalf("Verify = %v, want ErrMismatch", err)
			}
		})
	}
	// Another output: the attribution is not its own.
	if err := s.Verify(roundTrip(t, att), append(slices.Clone(out), 0), att.ReceiptHash); !errors.Is(err, ErrMismatch) {
		t.Fatalf("other output verified: %v", err)
	}
}

func TestAttributeWithoutRAG(t *testing.T) {
	s := open(t, config(build(t, vocab, "stories", common.Address{})))
	out, _ := vocab.encode("the cat sat on the mat")
	att, err := s.Attribute(s.Sources()[0], Input{Output: out})
	if err != nil {
		t.Fatal(err)
	}
	// Span only: the contributors are the evidence's weights, unchanged,
	// so `attribute verify` prints the same list.
	if att.Method != MethodSpan || att.RAG != nil || len(att.Citations) != 0 || len(att.Contributors) != len(att.Evidence.Weights) {
		t.Fatalf("%+v", att)
	}
	for i, w := range att.Evidence.Weights {
		if att.Contributors[i].Address != w.Contributor || uint64(att.Contributors[i].Weight) != w.Weight {
			t.Fatalf("contributor %d: %v vs %v", i, att.Contributors[i], w)
		}
	}
	if err := s.Verify(roundTrip(t, att), out, common.Hash{}); err != nil {
		t.Fatal(err)
	}
	// Nothing matches: no contributors at all.
	att, err = s.Attribute(s.Sources()[0], Input{Output: []int{0, 0, 0}})
	if err != nil || len(att.Contributors) != 0 || len(att.Spans) != 0 {
		t.Fatalf("%+v %v", att, err)
	}
	// A "none" attribution credits nobody and verifies as such.
	none := None(common.Hash{}, "no Datanet")
	if err := s.Verify(roundTrip(t, none), out, common.Hash{}); err != nil {
		t.Fatal(err)
	}
	none.Contributors = []Contributor{{addr(1), 1_000_000}}
	if err := s.Verify(none, out, common.Hash{}); !errors.Is(err, ErrMismatch) {
		t.Fatalf("none with contributors: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	dir := build(t, vocab, "stories", common.Address{})
	s := open(t, config(dir))
	src := s.Sources()[0]
	// Output ids outside the Datanet's vocabulary cannot be attributed.
	if _, err := s.Attribute(src, Input{Output: []int{len(vocab)}}); err == nil {
		t.Error("out-of-vocabulary output attributed")
	}
	// Evidence over the cap: an error, no attribution.
	cfg := config(dir)
	cfg.MaxEvidenceBytes = 100
	small := open(t, cfg)
	out, _ := vocab.encode("the cat sat on the mat")
	if _, err := small.Attribute(small.Sources()[0], Input{Output: out}); !errors.Is(err, ErrEvidenceTooLarge) {
		t.Errorf("oversized evidence: %v", err)
	}
	for _, k := range []int{0, -1, MaxK + 1} {
		if _, err := s.Retrieve(src, "apple", k); err == nil {
			t.Errorf("k=%d accepted", k)
		}
	}
	if _, err := s.Retrieve(src, "unknownword", 2); err == nil {
		t.Error("untokenizable query accepted")
	}
	// Oversized: refused after MaxBytes, before any parsing.
	if _, err := Decode(io.MultiReader(strings.NewReader(`{"version":1,"spans":[`), spaces{})); !errors.Is(err, ErrMismatch) || !strings.Contains(err.Error(), "over") {
		t.Errorf("oversized: %v", err)
	}
	for _, in := range []string{`{"version":1,"bogus":1}`, `{"version":1} {}`, `[`, `{"version":1,"contributors":[{"address":"0x01","weight":5}]}`} {
		if _, err := Decode(strings.NewReader(in)); !errors.Is(err, ErrMismatch) {
			t.Errorf("Decode(%s) = %v", in, err)
		}
	}
}

// spaces is an endless reader of blanks.
type spaces struct{}

func (spaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestOpenRejects(t *testing.T) {
	dir := build(t, vocab, "stories", addr(0xfe))
	otherVocab := append(slices.Clone(vocab), "extra")
	otherTok := build(t, otherVocab, "other", common.Address{})
	flipped := build(t, vocab, "flipped", common.Address{})
	p := filepath.Join(flipped, "tokens.bin")
	b, _ := os.ReadFile(p)
	b[datanet.HeaderSize] ^= 1 // "the" becomes "a": still a valid id
	os.WriteFile(p, b, 0o644)
	truncated := build(t, vocab, "truncated", common.Address{})
	p = filepath.Join(truncated, "sa.bin")
	b, _ = os.ReadFile(p)
	os.WriteFile(p, b[:len(b)-1], 0o644)
	for _, tc := range []struct {
		name string
		cfg  func() Config
		want error
	}{
		{"tokenizer hash", func() Config { return config(otherTok) }, datanet.ErrTokenizer},
		{"corrupt byte", func() Config { return config(flipped) }, datanet.ErrCorrupt},
		{"truncated", func() Config { c := config(truncated); c.Check = CheckNone; return c }, datanet.ErrCorrupt},
		{"missing", func() Config { return config(filepath.Join(dir, "nope")) }, nil},
		{"same datanet twice", func() Config { return config(dir, dir) }, nil},
		{"pool conflicts with the manifest", func() Config {
			c := config(dir)
			c.Pools = map[string]common.Address{"stories": addr(7)}
			return c
		}, nil},
		{"pool for an unknown datanet", func() Config {
			c := config(dir)
			c.Pools = map[string]common.Address{"nope": addr(7)}
			return c
		}, ErrUnknownDatanet},
		{"adapter linked to an unknown datanet", func() Config {
			c := config(dir)
			c.Adapters = map[[32]byte]string{{1}: "nope"}
			return c
		}, ErrUnknownDatanet},
		{"check level", func() Config { c := config(dir); c.Check = "some"; return c }, nil},
		{"rag share above scale", func() Config { c := config(dir); v := uint64(2_000_000); c.RAGShare = &v; return c }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(tc.cfg())
			if err == nil {
				s.Close()
				t.Fatal("accepted")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("%v, want %v", err, tc.want)
			}
			t.Log(err)
		})
	}
	// The flipped byte passes Open alone: only rehashing finds it.
	c := config(flipped)
	c.Check = CheckNone
	open(t, c)
}

func TestLookupAndAdapters(t *testing.T) {
	a := build(t, vocab, "alpha", common.Address{})
	b := build(t, vocab, "beta", addr(0xfe))
	cfg := config(a, b)
	cfg.Adapters = map[[32]byte]string{{1}: "alpha", {2}: "beta", {3}: "alpha"}
	cfg.Pools = map[string]common.Address{"alpha": addr(0xfd), "beta": addr(0xfe)}
	s := open(t, cfg)
	alpha, beta := s.Sources()[0], s.Sources()[1]
	if alpha.Pool != addr(0xfd) || beta.Pool != addr(0xfe) {
		t.Fatal("pools")
	}
	for ref, want := range map[string]*Source{"alpha": alpha, beta.Root().Hex(): beta, strings.ToUpper(beta.Root().Hex()[2:]): nil,
		b: beta, "gamma": nil, common.Hash{}.Hex(): nil} {
		got, err := s.Lookup(ref)
		if got != want || (want == nil) != (err != nil) {
			t.Errorf("Lookup(%s) = %v, %v", ref, got, err)
		}
	}
	for _, tc := range []struct {
		hashes [][32]byte
		want   *Source
	}{
		{[][32]byte{{1}}, alpha},
		{[][32]byte{{2}}, beta},
		{[][32]byte{{1}, {3}}, alpha},
		{[][32]byte{{1}, {9}}, alpha}, // an unlinked adapter in the merge
		{[][32]byte{{1}, {2}}, nil},   // different Datanets
		{nil, nil},                    // base model, two Datanets loaded
		{[][32]byte{{9}}, nil},
	} {
		got, reason := s.ForAdapters(tc.hashes)
		if got != tc.want || (got == nil) == (reason == "") {
			t.Errorf("ForAdapters(%v) = %v, %q", tc.hashes, got, reason)
		}
	}
	// One Datanet loaded: it is the default for every model.
	one := open(t, config(a))
	if got, _ := one.ForAdapters(nil); got != one.Sources()[0] {
		t.Fatal("single Datanet is not the default")
	}
}

// FuzzDecode feeds mutated attributions through Decode and Verify: rejected
// cleanly or verified, never a panic.
func FuzzDecode(f *testing.F) {
	dir := build(f, vocab, "stories", addr(0xfe))
	s := open(f, config(dir))
	out, _ := vocab.encode("the cat sat on the mat")
	src := s.Sources()[0]
	cites, _ := s.Retrieve(src, "apple", 2)
	att, err := s.Attribute(src, Input{Output: out, Citations: cites, Retrieval: &Retrieval{Query: "apple", K: 2, ChunkTokens: 6, Template: TemplateV1}})
	if err != nil {
		f.Fatal(err)
	}
	b, _ := json.Marshal(att)
	f.Add(b)
	f.Add([]byte(`{"version":1,"method":"span","datanet":"0x00","rag":{"k":99999,"chunk_tokens":6,"template":"paichain-rag/v1"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		s.Verify(a, out, common.Hash{})
	})
}
