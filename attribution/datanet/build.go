package datanet

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/merkle"
	"github.com/paichain/paichain/attribution/sa"
)

// Contribution is one document offered to the Datanet.
type Contribution struct {
	ID          string         `json:"id"`
	Contributor common.Address `json:"contributor"`
	Text        string         `json:"text,omitempty"`
	// Tokens, when set, are used as they are instead of tokenizing Text.
	Tokens []int `json:"tokens,omitempty"`
}

// Config parameterises Build.
type Config struct {
	Dir       string // output directory (created)
	Name      string
	Tokenizer TokenizerInfo
	Tokenize  func(string) ([]int, error)
	LeafSize  uint32 // 0: DefaultLeafSize
	Pool      common.Address
	SA        sa.Options
}

// MaxDocTokens bounds one document (its length field is 32 bits).
const MaxDocTokens = 1<<32 - 1

// Build writes a Datanet version from the contributions next yields (false
// at the end) and returns its manifest. Memory stays bounded by the suffix
// array's chunk (sa.Options) plus 8 bytes per vocabulary entry and one hash
// per contribution id (to reject duplicates); the token array is written
// and then memory-mapped.
func Build(cfg Config, next func() (Contribution, bool, error)) (*Manifest, error) {
	if cfg.LeafSize == 0 {
		cfg.LeafSize = DefaultLeafSize
	}
	vocab := cfg.Tokenizer.VocabSize
	if vocab <= 0 || vocab > sa.MaxToken+1 {
		return nil, fmt.Errorf("datanet: vocabulary size %d outside 1..%d", vocab, sa.MaxToken+1)
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("datanet: %w", err)
	}
	m := &Manifest{Version: ManifestVersion, Name: cfg.Name, Tokenizer: cfg.Tokenizer, LeafSize: cfg.LeafSize, Pool: cfg.Pool}
	counts := make([]uint64, vocab)
	seen := make(map[common.Hash]bool)
	var ids []string

	tokW, err := newBodyWriter(cfg.Dir, Tokens, 3, cfg.LeafSize)
	if err != nil {
		return nil, err
	}
	defer tokW.abort()
	docW, err := newBodyWriter(cfg.Dir, Docs, DocRecordSize, cfg.LeafSize)
	if err != nil {
		return nil, err
	}
	defer docW.abort()
	var tok [3]byte
	for {
		c, ok, err := next()
		if err != nil {
			return nil, fmt.Errorf("datanet: read contribution %d: %w", m.Documents, err)
		}
		if !ok {
			break
		}
		h := IDHash(c.ID)
		if c.ID == "" || seen[h] {
			return nil, fmt.Errorf("datanet: contribution %d: empty or duplicate id %q", m.Documents, c.ID)
		}
		if c.Contributor == (common.Address{}) {
			return nil, fmt.Errorf("datanet: contribution %q: no contributor address", c.ID)
		}
		seen[h] = true
		ids = append(ids, c.ID)
		toks := c.Tokens
		if toks == nil {
			if cfg.Tokenize == nil {
				return nil, fmt.Errorf("datanet: contribution %q has text but no tokenizer is set", c.ID)
			}
			if toks, err = cfg.Tokenize(c.Text); err != nil {
				return nil, fmt.Errorf("datanet: tokenize %q: %w", c.ID, err)
			}
		}
		if len(toks) == 0 || len(toks) > MaxDocTokens {
			return nil, fmt.Errorf("datanet: contribution %q has %d tokens", c.ID, len(toks))
		}
		d := Doc{Start: m.Tokens, Length: int64(len(toks)), Contributor: c.Contributor, IDHash: h}
		for _, t := range toks {
			if t < 0 || t >= vocab {
				return nil, fmt.Errorf("datanet: contribution %q: token %d outside vocabulary of %d", c.ID, t, vocab)
			}
			counts[t]++
			tok = [3]byte{byte(t), byte(t >> 8), byte(t >> 16)}
			tokW.Write(tok[:])
		}
		tokW.Write([]byte{0xff, 0xff, 0xff})
		m.Tokens += int64(len(toks)) + 1
		m.Suffixes += int64(len(toks))
		m.Documents++
		docW.Write(d.encode())
	}
	if err := tokW.finish(m, cfg.Dir); err != nil {
		return nil, err
	}
	if err := docW.finish(m, cfg.Dir); err != nil {
		return nil, err
	}

	tokens, unmap, err := mapFile(filepath.Join(cfg.Dir, Tokens.String()))
	if err != nil {
		return nil, fmt.Errorf("datanet: %w", err)
	}
	defer unmap()
	width := sa.WidthFor(m.Tokens)
	saW, err := newBodyWriter(cfg.Dir, SuffixArray, width, cfg.LeafSize)
	if err != nil {
		return nil, err
	}
	defer saW.abort()
	if cfg.SA.TempDir == "" {
		cfg.SA.TempDir = cfg.Dir
	}
	n, err := sa.Build(sa.Text(tokens[HeaderSize:]), saW, width, cfg.SA)
	if err != nil {
		return nil, fmt.Errorf("datanet: %w", err)
	}
	if n != m.Suffixes {
		return nil, fmt.Errorf("datanet: suffix array has %d entries, want %d", n, m.Suffixes)
	}
	if err := saW.finish(m, cfg.Dir); err != nil {
		return nil, err
	}

	cntW, err := newBodyWriter(cfg.Dir, Counts, 8, cfg.LeafSize)
	if err != nil {
		return nil, err
	}
	defer cntW.abort()
	for _, c := range counts {
		cntW.Write(binary.LittleEndian.AppendUint64(nil, c))
	}
	if err := cntW.finish(m, cfg.Dir); err != nil {
		return nil, err
	}

	if err := writeJSON(filepath.Join(cfg.Dir, idsFile), ids); err != nil {
		return nil, err
	}
	m.Root = m.ComputeRoot()
	if err := writeJSON(filepath.Join(cfg.Dir, ManifestFile), m); err != nil {
		return nil, err
	}
	return m, nil
}

// ManifestFile is the manifest's name inside a Datanet directory.
const ManifestFile = "manifest.json"

const idsFile = "ids.json"

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("datanet: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("datanet: %w", err)
	}
	return nil
}

// bodyWriter writes a committed file through a buffer while hashing its body.
type bodyWriter struct {
	f     *os.File
	w     *bufio.Writer
	tree  *merkle.Builder
	file  File
	width int
	err   error
	done  bool
}

func newBodyWriter(dir string, f File, width int, leafSize uint32) (*bodyWriter, error) {
	fh, err := os.Create(filepath.Join(dir, f.String()))
	if err != nil {
		return nil, fmt.Errorf("datanet: %w", err)
	}
	b := &bodyWriter{f: fh, w: bufio.NewWriterSize(fh, 1<<20), tree: merkle.NewBuilder(leafSize), file: f, width: width}
	_, b.err = b.w.Write(header(f, width))
	return b, nil
}

func (b *bodyWriter) Write(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	b.tree.Write(p)
	_, b.err = b.w.Write(p)
	return len(p), b.err
}

// finish flushes the file, stores its tree and fills its manifest entry.
func (b *bodyWriter) finish(m *Manifest, dir string) error {
	b.done = true
	if b.err == nil {
		b.err = b.w.Flush()
	}
	if err := errors.Join(b.err, b.f.Close()); err != nil {
		return fmt.Errorf("datanet: write %s: %w", b.file, err)
	}
	t := b.tree.Tree()
	*m.File(b.file) = FileInfo{Path: b.file.String(), Width: b.width, Bytes: t.Length, Root: t.Root()}
	return saveTree(filepath.Join(dir, b.file.String()+".mtree"), t)
}

func (b *bodyWriter) abort() {
	if !b.done {
		b.f.Close()
	}
}

func saveTree(path string, t *merkle.Tree) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("datanet: %w", err)
	}
	w := bufio.NewWriter(f)
	_, err = t.WriteTo(w)
	if err = errors.Join(err, w.Flush(), f.Close()); err != nil {
		return fmt.Errorf("datanet: write %s: %w", path, err)
	}
	return nil
}

// ReadJSONL returns a contribution source reading one JSON object per line.
func ReadJSONL(r io.Reader) func() (Contribution, bool, error) {
	dec := json.NewDecoder(r)
	return func() (Contribution, bool, error) {
		var c Contribution
		if err := dec.Decode(&c); err == io.EOF {
			return c, false, nil
		} else if err != nil {
			return c, false, err
		}
		return c, true, nil
	}
}

// Slice returns a contribution source over cs.
func Slice(cs []Contribution) func() (Contribution, bool, error) {
	i := 0
	return func() (Contribution, bool, error) {
		if i == len(cs) {
			return Contribution{}, false, nil
		}
		i++
		return cs[i-1], true, nil
	}
}
