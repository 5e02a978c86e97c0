package datanet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/merkle"
)

func testContributions(r *rand.Rand, docs, vocab int) []Contribution {
	var cs []Contribution
	for i := range docs {
		toks := make([]int, 1+r.IntN(50))
		for j := range toks {
			toks[j] = r.IntN(vocab)
		}
		cs = append(cs, Contribution{
			ID:          "doc-" + string(rune('a'+i%26)) + "-" + strings.Repeat("x", i/26),
			Contributor: common.BigToAddress(big.NewInt(int64(1 + i%5))),
			Tokens:      toks,
		})
	}
	return cs
}

func build(t *testing.T, cs []Contribution, vocab int) (*Manifest, string) {
	t.Helper()
	dir := t.TempDir()
	m, err := Build(Config{Dir: dir, Name: "test", Tokenizer: TokenizerInfo{Name: "ids", VocabSize: vocab}, LeafSize: 64,
		Pool: common.HexToAddress("0x9000")}, Slice(cs))
	if err != nil {
		t.Fatal(err)
	}
	return m, dir
}

func TestBuildOpenCheck(t *testing.T) {
	cs := testContributions(rand.New(rand.NewPCG(1, 1)), 60, 20)
	m, dir := build(t, cs, 20)
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	if d.Manifest.Root != m.Root || m.Documents != 60 {
		t.Fatal("manifest round trip")
	}
	var total int64
	for i, c := range cs {
		doc := d.Doc(int64(i))
		if doc.Length != int64(len(c.Tokens)) || doc.Contributor != c.Contributor || d.ContributionID(int64(i)) != c.ID {
			t.Fatalf("doc %d = %+v", i, doc)
		}
		for j, tok := range c.Tokens {
			if d.Text.At(doc.Start+int64(j)) != uint32(tok) || d.DocAt(doc.Start+int64(j)) != int64(i) {
				t.Fatalf("doc %d token %d", i, j)
			}
		}
		total += int64(len(c.Tokens))
	}
	if m.Suffixes != total || m.Tokens != total+60 {
		t.Fatalf("sizes %d %d", m.Suffixes, m.Tokens)
	}
	for tok := range uint32(20) {
		lo, hi := d.UnigramRange(tok)
		for i := lo; i < hi; i++ {
			if d.Text.At(d.SA.At(i)) != tok {
				t.Fatalf("unigram range of %d", tok)
			}
		}
	}
	chunk, path, err := d.Leaf(SuffixArray, 3)
	if err != nil || m.VerifyLeaf(SuffixArray, 3, chunk, path) != nil {
		t.Fatalf("leaf proof: %v", err)
	}
	if err := d.CheckTokenizer(TokenizerInfo{Name: "other", Hash: common.HexToHash("0x1")}); !errors.Is(err, ErrTokenizer) {
		t.Fatalf("mismatched tokenizer: %v", err)
	}
}

// recommit rewrites a file body and its tree, manifest roots and Datanet
// root, as a dishonest builder would: only Check can tell.
func recommit(t *testing.T, dir string, f File, mutate func([]byte)) {
	t.Helper()
	path := filepath.Join(dir, f.String())
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mutate(b[HeaderSize:])
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	m, _, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	tb := merkle.NewBuilder(m.LeafSize)
	tb.Write(b[HeaderSize:])
	tree := tb.Tree()
	if err := saveTree(path+".mtree", tree); err != nil {
		t.Fatal(err)
	}
	m.File(f).Root = tree.Root()
	m.Root = m.ComputeRoot()
	if err := writeJSON(filepath.Join(dir, ManifestFile), m); err != nil {
		t.Fatal(err)
	}
}

func TestCorruptFiles(t *testing.T) {
	cs := testContributions(rand.New(rand.NewPCG(2, 2)), 30, 10)
	for _, tc := range []struct {
		name   string
		mutate func(t *testing.T, dir string)
		atOpen bool // else found by Check
	}{
		{"truncated tokens", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "tokens.bin")
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)-3], 0o644)
		}, true},
		{"wrong magic", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "sa.bin")
			b, _ := os.ReadFile(p)
			b[0] = 'X'
			os.WriteFile(p, b, 0o644)
		}, true},
		{"empty file", func(t *testing.T, dir string) { os.WriteFile(filepath.Join(dir, "docs.bin"), nil, 0o644) }, true},
		{"tampered manifest root", func(t *testing.T, dir string) {
			p := filepath.Join(dir, ManifestFile)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(b, []byte(`"documents": 30`), []byte(`"documents": 31`), 1), 0o644)
		}, true},
		{"missing tree", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "counts.bin.mtree")) }, true},
		{"flipped token byte", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "tokens.bin")
			b, _ := os.ReadFile(p)
			b[HeaderSize] ^= 1
			os.WriteFile(p, b, 0o644)
		}, false},
		{"SA not a permutation", func(t *testing.T, dir string) {
			recommit(t, dir, SuffixArray, func(b []byte) { copy(b[4:8], b[0:4]) })
		}, false},
		{"SA out of order", func(t *testing.T, dir string) {
			recommit(t, dir, SuffixArray, func(b []byte) {
				x := bytes.Clone(b[0:4])
				copy(b[0:4], b[8:12])
				copy(b[8:12], x)
			})
		}, false},
		{"document table gap", func(t *testing.T, dir string) {
			recommit(t, dir, Docs, func(b []byte) {
				binary.LittleEndian.PutUint64(b[DocRecordSize:], binary.LittleEndian.Uint64(b[DocRecordSize:])+1)
			})
		}, false},
		{"wrong counts", func(t *testing.T, dir string) {
			recommit(t, dir, Counts, func(b []byte) { b[0]++; b[8]-- })
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, dir := build(t, cs, 10)
			tc.mutate(t, dir)
			d, err := Open(dir)
			if tc.atOpen {
				if !errors.Is(err, ErrCorrupt) && !errors.Is(err, os.ErrNotExist) {
					t.Fatalf("Open = %v, want a corruption error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer d.Close()
			// VerifyRoots catches bytes that no longer hash to their root;
			// a recommitted file hashes fine and only Check finds it.
			recommitted := !strings.HasPrefix(tc.name, "flipped")
			if err := d.VerifyRoots(); recommitted != (err == nil) {
				t.Fatalf("VerifyRoots = %v", err)
			}
			if err := d.Check(); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Check = %v, want ErrCorrupt", err)
			}
			t.Log(d.Check())
		})
	}
}

func TestBuildRejects(t *testing.T) {
	addr := common.HexToAddress("0x1")
	for name, cs := range map[string][]Contribution{
		"duplicate id":   {{ID: "a", Contributor: addr, Tokens: []int{1}}, {ID: "a", Contributor: addr, Tokens: []int{2}}},
		"empty id":       {{ID: "", Contributor: addr, Tokens: []int{1}}},
		"no contributor": {{ID: "a", Tokens: []int{1}}},
		"no tokens":      {{ID: "a", Contributor: addr, Tokens: []int{}}},
		"out of vocab":   {{ID: "a", Contributor: addr, Tokens: []int{10}}},
		"negative id":    {{ID: "a", Contributor: addr, Tokens: []int{-1}}},
		"text, no tok":   {{ID: "a", Contributor: addr, Text: "hello"}},
	} {
		_, err := Build(Config{Dir: t.TempDir(), Tokenizer: TokenizerInfo{VocabSize: 10}}, Slice(cs))
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestReadJSONL(t *testing.T) {
	next := ReadJSONL(strings.NewReader(`{"id":"a","contributor":"0x0000000000000000000000000000000000000001","text":"hi"}
{"id":"b","contributor":"0x0000000000000000000000000000000000000002","tokens":[1,2]}`))
	var got []Contribution
	for {
		c, ok, err := next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		got = append(got, c)
	}
	if len(got) != 2 || got[0].Text != "hi" || len(got[1].Tokens) != 2 {
		t.Fatalf("%+v", got)
	}
	if _, _, err := ReadJSONL(strings.NewReader(`{"id":`))(); err == nil {
		t.Fatal("truncated JSONL accepted")
	}
}

// FuzzOpen replaces one committed file of a valid Datanet with fuzzed bytes
// (recommitting it, so the readers see them): Open and Check must fail
// cleanly or accept, never panic.
func FuzzOpen(f *testing.F) {
	f.Add(uint8(0), []byte("PAITOK\x00\x01\x03\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\xff\xff\xff"))
	f.Add(uint8(1), []byte("PAISA\x00\x00\x01\x04\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00"))
	f.Add(uint8(2), []byte{})
	cs := []Contribution{{ID: "a", Contributor: common.HexToAddress("0x1"), Tokens: []int{1, 2, 1}},
		{ID: "b", Contributor: common.HexToAddress("0x2"), Tokens: []int{2, 1}}}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		_, dir := build(t, cs, 4)
		file := File(which % uint8(numFiles))
		path := filepath.Join(dir, file.String())
		os.WriteFile(path, data, 0o644)
		if len(data) >= HeaderSize {
			m, _, _ := ReadManifest(dir)
			tb := merkle.NewBuilder(m.LeafSize)
			tb.Write(data[HeaderSize:])
			tree := tb.Tree()
			saveTree(path+".mtree", tree)
			m.File(file).Root = tree.Root()
			m.File(file).Bytes = tree.Length
			m.Root = m.ComputeRoot()
			writeJSON(filepath.Join(dir, ManifestFile), m)
		}
		d, err := Open(dir)
		if err != nil {
			return
		}
		defer d.Close()
		d.Check()
	})
}

func FuzzManifest(f *testing.F) {
	f.Add([]byte(`{"version":1,"leafSize":512}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, ManifestFile), data, 0o644)
		ReadManifest(dir)
	})
}
