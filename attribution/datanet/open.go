package datanet

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/paichain/paichain/attribution/merkle"
	"github.com/paichain/paichain/attribution/sa"
)

// Datanet is an opened Datanet version: files memory-mapped, trees loaded.
// It is read-only, so safe for concurrent use.
type Datanet struct {
	Manifest *Manifest
	Text     sa.Text
	SA       sa.SA
	docs     []byte
	counts   []byte
	bodies   [numFiles][]byte
	trees    [numFiles]*merkle.Tree
	ids      []string
	cum      []int64 // cum[t] = suffixes starting with an id below t
	unmap    []func() error
}

// ReadManifest reads and validates a manifest (a file or a Datanet directory).
func ReadManifest(path string) (*Manifest, string, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, ManifestFile)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("datanet: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, "", fmt.Errorf("%w: manifest %s: %v", ErrCorrupt, path, err)
	}
	if err := m.Validate(); err != nil {
		return nil, "", err
	}
	return &m, filepath.Dir(path), nil
}

// Open maps a Datanet and checks every file's header, size and stored tree
// against the manifest. It does not rehash the data (see Check).
func Open(path string) (_ *Datanet, err error) {
	m, dir, err := ReadManifest(path)
	if err != nil {
		return nil, err
	}
	d := &Datanet{Manifest: m}
	defer func() {
		if err != nil {
			d.Close()
		}
	}()
	for f := range numFiles {
		info := m.File(f)
		if filepath.Base(info.Path) != info.Path || info.Path != f.String() {
			return nil, fmt.Errorf("%w: manifest names %q for %s", ErrCorrupt, info.Path, f)
		}
		data, unmap, err := mapFile(filepath.Join(dir, info.Path))
		if err != nil {
			return nil, fmt.Errorf("datanet: %w", err)
		}
		d.unmap = append(d.unmap, unmap)
		if err := checkHeader(f, data, *info); err != nil {
			return nil, err
		}
		d.bodies[f] = data[HeaderSize:]
		tb, err := os.ReadFile(filepath.Join(dir, info.Path+".mtree"))
		if err != nil {
			return nil, fmt.Errorf("datanet: %w", err)
		}
		t, err := merkle.ReadTree(tb)
		if err != nil {
			return nil, fmt.Errorf("%w: %s.mtree: %v", ErrCorrupt, info.Path, err)
		}
		if t.Length != info.Bytes || t.LeafSize != m.LeafSize || t.Root() != info.Root {
			return nil, fmt.Errorf("%w: %s.mtree does not match the manifest root", ErrCorrupt, info.Path)
		}
		d.trees[f] = t
	}
	d.Text = sa.Text(d.bodies[Tokens])
	d.SA = sa.SA{B: d.bodies[SuffixArray], Width: m.Files.SA.Width}
	d.docs, d.counts = d.bodies[Docs], d.bodies[Counts]
	d.cum = make([]int64, m.Tokenizer.VocabSize+1)
	for t := range m.Tokenizer.VocabSize {
		d.cum[t+1] = d.cum[t] + int64(d.Count(uint32(t)))
	}
	if d.cum[m.Tokenizer.VocabSize] != m.Suffixes {
		return nil, fmt.Errorf("%w: unigram counts sum to %d, want %d", ErrCorrupt, d.cum[m.Tokenizer.VocabSize], m.Suffixes)
	}
	b, err := os.ReadFile(filepath.Join(dir, idsFile))
	if err != nil {
		return nil, fmt.Errorf("datanet: %w", err)
	}
	if err := json.Unmarshal(b, &d.ids); err != nil || int64(len(d.ids)) != m.Documents {
		return nil, fmt.Errorf("%w: %s does not list %d contribution ids", ErrCorrupt, idsFile, m.Documents)
	}
	return d, nil
}

// Close unmaps the files.
func (d *Datanet) Close() error {
	var errs []error
	for _, u := range d.unmap {
		errs = append(errs, u())
	}
	d.unmap = nil
	return errors.Join(errs...)
}

// CheckTokenizer rejects a tokenizer other than the Datanet's.
func (d *Datanet) CheckTokenizer(t TokenizerInfo) error {
	if t.Hash != d.Manifest.Tokenizer.Hash {
		return fmt.Errorf("%w: %s (%s) vs datanet's %s (%s)", ErrTokenizer, t.Name, t.Hash, d.Manifest.Tokenizer.Name, d.Manifest.Tokenizer.Hash)
	}
	return nil
}

// Doc returns record i.
func (d *Datanet) Doc(i int64) Doc { return DecodeDoc(d.docs[i*DocRecordSize:]) }

// ContributionID is the id of document i.
func (d *Datanet) ContributionID(i int64) string { return d.ids[i] }

// DocAt returns the document holding token position pos.
func (d *Datanet) DocAt(pos int64) int64 {
	n := int(d.Manifest.Documents)
	return int64(sort.Search(n, func(i int) bool { return d.Doc(int64(i)).Start > pos })) - 1
}

// Count is the corpus count of token id t (0 outside the vocabulary).
func (d *Datanet) Count(t uint32) uint64 {
	if uint64(t) >= uint64(d.Manifest.Tokenizer.VocabSize) {
		return 0
	}
	return binary.LittleEndian.Uint64(d.counts[8*t:])
}

// UnigramRange is the suffix-array range of the suffixes starting with t:
// the array is sorted by first token, so the counts' prefix sums give it.
func (d *Datanet) UnigramRange(t uint32) (int64, int64) {
	if uint64(t) >= uint64(d.Manifest.Tokenizer.VocabSize) {
		return 0, 0
	}
	return d.cum[t], d.cum[t+1]
}

// Leaf returns chunk i of file f with its Merkle path.
func (d *Datanet) Leaf(f File, i uint64) ([]byte, []merkle.Hash, error) {
	path, err := d.trees[f].Path(i)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", f, err)
	}
	ls := uint64(d.Manifest.LeafSize)
	body := d.bodies[f]
	return body[i*ls : min(uint64(len(body)), (i+1)*ls)], path, nil
}

// VerifyRoots rehashes every committed file and compares it with its
// manifest root: a flipped byte anywhere is caught (Open checks only sizes,
// headers and the stored trees). It reads every byte once but checks
// neither the suffix order nor the document table, which Check also does.
func (d *Datanet) VerifyRoots() error {
	m := d.Manifest
	for f := range numFiles {
		b := merkle.NewBuilder(m.LeafSize)
		b.Write(d.bodies[f])
		if b.Tree().Root() != m.File(f).Root {
			return fmt.Errorf("%w: %s does not hash to its manifest root", ErrCorrupt, f)
		}
	}
	return nil
}

// Check verifies everything the manifest commits: each file's Merkle root
// recomputed from its bytes, the suffix array (a sorted permutation of the
// non-sentinel positions), the document table (contiguous documents, each
// ended by the sentinel) and the unigram counts. It reads every byte.
func (d *Datanet) Check() error {
	if err := d.VerifyRoots(); err != nil {
		return err
	}
	m := d.Manifest
	var pos int64
	for i := range m.Documents {
		doc := d.Doc(i)
		if doc.Start != pos || doc.Length == 0 || doc.Start+doc.Length >= m.Tokens {
			return fmt.Errorf("%w: document %d spans [%d,+%d), expected start %d", ErrCorrupt, i, doc.Start, doc.Length, pos)
		}
		if IDHash(d.ids[i]) != doc.IDHash {
			return fmt.Errorf("%w: document %d id %q does not match its hash", ErrCorrupt, i, d.ids[i])
		}
		for p := doc.Start; p < doc.Start+doc.Length; p++ {
			if d.Text.At(p) == sa.Sentinel {
				return fmt.Errorf("%w: sentinel inside document %d at %d", ErrCorrupt, i, p)
			}
		}
		if d.Text.At(doc.Start+doc.Length) != sa.Sentinel {
			return fmt.Errorf("%w: document %d not followed by a sentinel", ErrCorrupt, i)
		}
		pos = doc.Start + doc.Length + 1
	}
	if pos != m.Tokens {
		return fmt.Errorf("%w: documents cover %d of %d tokens", ErrCorrupt, pos, m.Tokens)
	}
	counts := make([]uint64, m.Tokenizer.VocabSize)
	for p := range m.Tokens {
		t := d.Text.At(p)
		if t == sa.Sentinel {
			continue
		}
		if uint64(t) >= uint64(len(counts)) {
			return fmt.Errorf("%w: token %d at %d outside the vocabulary", ErrCorrupt, t, p)
		}
		counts[t]++
	}
	for t, c := range counts {
		if d.Count(uint32(t)) != c {
			return fmt.Errorf("%w: count of token %d is %d, corpus has %d", ErrCorrupt, t, d.Count(uint32(t)), c)
		}
	}
	if err := sa.Check(d.Text, d.SA); err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return nil
}
