package poa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/attribution/span"
)

// Check is how much of a Datanet is re-verified when it is loaded.
type Check string

// Check levels.
const (
	CheckNone  Check = "none"  // sizes, headers and stored trees only (datanet.Open)
	CheckRoots Check = "roots" // also rehash every file against its Merkle root
	CheckFull  Check = "full"  // also suffix order, document table, counts (datanet.Check)
)

// Config configures a Set.
type Config struct {
	// Dirs are Datanet version directories (or manifest.json paths).
	Dirs []string
	// Tokenizer identifies the served model's tokenizer; every Datanet must
	// have been built with it (same file hash and vocabulary).
	Tokenizer datanet.TokenizerInfo
	Tokenize  func(string) ([]int, error)
	Decode    func([]int) string
	// Pools gives a pool address to Datanets committed without one, keyed
	// by Datanet reference (name, root or directory). A Datanet whose
	// manifest commits a different pool is a configuration error.
	Pools map[string]common.Address
	// Adapters links adapter hashes to Datanet references, as the
	// registry's datanetRoot does on chain.
	Adapters    map[[32]byte]string
	Check       Check // default CheckRoots
	ChunkTokens int   // RAG chunk size; default 128
	// Span are the span-match parameters (default span.DefaultParams);
	// Scale must be at most MaxScale.
	Span     *span.Params
	RAGShare *uint64 // nil: DefaultRAGShare; at most Span.Scale
	// MaxEvidenceBytes caps one completion's evidence JSON (default
	// DefaultMaxEvidenceBytes).
	MaxEvidenceBytes int
}

// Source is one loaded Datanet version.
type Source struct {
	Name  string // the manifest's name, or the directory's
	Dir   string
	DN    *datanet.Datanet
	Index *rag.Index
	Pool  common.Address
	// Load is how long opening, checking and indexing took.
	Load time.Duration
}

// Root is the Datanet root.
func (s *Source) Root() common.Hash { return s.DN.Manifest.Root }

// Set is the Datanets a server attributes completions to. It is read-only
// once opened, so safe for concurrent use.
type Set struct {
	cfg       Config
	sources   []*Source
	byAdapter map[[32]byte]*Source
}

// Open loads every Datanet of cfg: maps it, re-verifies it to cfg.Check,
// checks its tokenizer against the served one and builds its BM25 index.
func Open(cfg Config) (_ *Set, err error) {
	if cfg.Check == "" {
		cfg.Check = CheckRoots
	}
	if cfg.ChunkTokens == 0 {
		cfg.ChunkTokens = 128
	}
	if cfg.Span == nil {
		p := span.DefaultParams()
		cfg.Span = &p
	}
	if cfg.RAGShare == nil {
		v := uint64(DefaultRAGShare)
		cfg.RAGShare = &v
	}
	if cfg.MaxEvidenceBytes <= 0 {
		cfg.MaxEvidenceBytes = DefaultMaxEvidenceBytes
	}
	switch {
	case cfg.Check != CheckNone && cfg.Check != CheckRoots && cfg.Check != CheckFull:
		return nil, fmt.Errorf("poa: check level %q (want none, roots or full)", cfg.Check)
	case cfg.ChunkTokens < 1 || cfg.ChunkTokens > 1<<16:
		return nil, fmt.Errorf("poa: RAG chunk of %d tokens (want 1..65536)", cfg.ChunkTokens)
	case cfg.Tokenize == nil || cfg.Decode == nil:
		return nil, fmt.Errorf("poa: a tokenizer is required")
	}
	if err := cfg.Span.Validate(); err != nil {
		return nil, fmt.Errorf("poa: %w", err)
	}
	if cfg.Span.Scale > MaxScale || *cfg.RAGShare > cfg.Span.Scale {
		return nil, fmt.Errorf("poa: scale %d (at most %d) or RAG share %d above it", cfg.Span.Scale, uint64(MaxScale), *cfg.RAGShare)
	}
	s := &Set{cfg: cfg, byAdapter: map[[32]byte]*Source{}}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	for _, dir := range cfg.Dirs {
		src, err := s.load(dir)
		if err != nil {
			return nil, fmt.Errorf("datanet %s: %w", dir, err)
		}
		for _, o := range s.sources {
			if o.Root() == src.Root() {
				src.DN.Close()
				return nil, fmt.Errorf("datanet %s: same Datanet (root %s) as %s", dir, src.Root(), o.Dir)
			}
		}
		s.sources = append(s.sources, src)
	}
	for ref, pool := range cfg.Pools {
		src, err := s.Lookup(ref)
		if err != nil {
			return nil, fmt.Errorf("pool for %q: %w", ref, err)
		}
		switch {
		case pool == (common.Address{}):
			return nil, fmt.Errorf("pool for %q: zero address", ref)
		case src.Pool != (common.Address{}) && src.Pool != pool:
			return nil, fmt.Errorf("pool for %q: the Datanet commits pool %s, not %s", ref, src.Pool, pool)
		}
		src.Pool = pool
	}
	for h, ref := range cfg.Adapters {
		src, err := s.Lookup(ref)
		if err != nil {
			return nil, fmt.Errorf("adapter 0x%x: %w", h, err)
		}
		s.byAdapter[h] = src
	}
	return s, nil
}

func (s *Set) load(dir string) (*Source, error) {
	start := time.Now()
	dn, err := datanet.Open(dir)
	if err != nil {
		return nil, err
	}
	src := &Source{DN: dn, Dir: dir, Pool: dn.Manifest.Pool, Name: dn.Manifest.Name}
	if src.Name == "" {
		d := filepath.Clean(dir)
		if filepath.Base(d) == datanet.ManifestFile {
			d = filepath.Dir(d)
		}
		src.Name = filepath.Base(d)
	}
	if err := s.check(src); err != nil {
		dn.Close()
		return nil, err
	}
	src.Index, err = rag.NewIndex(dn, rag.Options{ChunkTokens: s.cfg.ChunkTokens, Scale: s.cfg.Span.Scale,
		Tokenize: s.cfg.Tokenize, Decode: s.cfg.Decode})
	if err != nil {
		dn.Close()
		return nil, err
	}
	src.Load = time.Since(start)
	return src, nil
}

func (s *Set) check(src *Source) error {
	m, t := src.DN.Manifest, s.cfg.Tokenizer
	if m.Tokenizer.Hash != t.Hash || m.Tokenizer.VocabSize != t.VocabSize {
		return fmt.Errorf("%w: built with %s (hash %s, %d ids), the served model's tokenizer is %s (hash %s, %d ids)",
			datanet.ErrTokenizer, m.Tokenizer.Name, m.Tokenizer.Hash, m.Tokenizer.VocabSize, t.Name, t.Hash, t.VocabSize)
	}
	switch s.cfg.Check {
	case CheckRoots:
		return src.DN.VerifyRoots()
	case CheckFull:
		return src.DN.Check()
	}
	return nil
}

// Close unmaps every Datanet.
func (s *Set) Close() error {
	var first error
	for _, src := range s.sources {
		if err := src.DN.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Sources lists the loaded Datanets in load order.
func (s *Set) Sources() []*Source { return s.sources }

// ChunkTokens is the RAG chunk size of every index.
func (s *Set) ChunkTokens() int { return s.cfg.ChunkTokens }

// Lookup finds a loaded Datanet by root (0x + 64 hex digits), name or
// directory. A name two Datanets share is ambiguous.
func (s *Set) Lookup(ref string) (*Source, error) {
	if h := strings.TrimPrefix(strings.ToLower(ref), "0x"); len(h) == 64 && len(ref) == 66 {
		root := common.HexToHash(ref)
		for _, src := range s.sources {
			if src.Root() == root {
				return src, nil
			}
		}
		return nil, fmt.Errorf("%w: no loaded Datanet has root %s", ErrUnknownDatanet, ref)
	}
	var found []*Source
	for _, src := range s.sources {
		if src.Name == ref {
			found = append(found, src)
		}
	}
	if len(found) == 0 {
		for _, src := range s.sources {
			if filepath.Clean(src.Dir) == filepath.Clean(ref) {
				found = append(found, src)
			}
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("%w: %q is not the name, root or directory of a loaded Datanet", ErrUnknownDatanet, ref)
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("%w: %d loaded Datanets are named %q; use the root", ErrUnknownDatanet, len(found), ref)
}

// ErrUnknownDatanet is wrapped by Lookup's failures.
var ErrUnknownDatanet = errors.New("unknown datanet")

// ForAdapters picks the Datanet a completion on these adapters (none: the
// base model) is attributed to: the one Datanet the adapters are linked
// to; with no link, the only loaded Datanet. Otherwise there is none, and
// reason says why.
func (s *Set) ForAdapters(hashes [][32]byte) (src *Source, reason string) {
	for _, h := range hashes {
		if d := s.byAdapter[h]; d != nil {
			if src != nil && src != d {
				return nil, fmt.Sprintf("the adapters are linked to different Datanets (%s, %s)", src.Name, d.Name)
			}
			src = d
		}
	}
	switch {
	case src != nil:
		return src, ""
	case len(s.sources) == 1:
		return s.sources[0], ""
	}
	return nil, fmt.Sprintf("no adapter of the model is linked to a Datanet and %d are loaded (link one with --datanet.adapter)", len(s.sources))
}

// Retrieve returns the top-k chunks of src for query.
func (s *Set) Retrieve(src *Source, query string, k int) ([]rag.Citation, error) {
	if k < 1 || k > MaxK {
		return nil, fmt.Errorf("k = %d outside 1..%d", k, MaxK)
	}
	cites, err := src.Index.Retrieve(query, k)
	if err != nil {
		return nil, err
	}
	if cites == nil {
		cites = []rag.Citation{}
	}
	return cites, nil
}

// Input is what one completion's attribution is computed from.
type Input struct {
	Output      []int // the receipt's output token ids
	ReceiptHash common.Hash
	Citations   []rag.Citation // the retrieved chunks, nil without RAG
	Retrieval   *Retrieval     // nil without RAG
}

// Attribute attributes one completion to src: span matching over the
// output with Merkle evidence, the citations' rewards, and Combine.
func (s *Set) Attribute(src *Source, in Input) (*Attribution, error) {
	ev, err := span.Attribute(src.DN, in.Output, *s.cfg.Span)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(ev)
	if err != nil {
		return nil, err
	}
	if len(b) > s.cfg.MaxEvidenceBytes {
		return nil, fmt.Errorf("%w: %d spans need %d bytes of evidence, over the cap of %d", ErrEvidenceTooLarge, len(ev.Spans), len(b), s.cfg.MaxEvidenceBytes)
	}
	root := src.Root()
	att := &Attribution{
		Version: Version, Datanet: &root, Method: MethodSpan, ReceiptHash: in.ReceiptHash, Pool: src.Pool,
		RAGShare: *s.cfg.RAGShare, Spans: []SpanRef{}, Citations: []rag.Citation{}, Evidence: ev,
	}
	if in.Retrieval != nil {
		att.Method, att.RAG = MethodBoth, in.Retrieval
		if in.Citations != nil {
			att.Citations = in.Citations
		}
	}
	for _, sp := range ev.Spans {
		ids := make([]int, len(sp.Tokens))
		for i, t := range sp.Tokens {
			ids[i] = int(t)
		}
		att.Spans = append(att.Spans, SpanRef{Start: sp.Start, End: sp.End, Text: s.cfg.Decode(ids), Score: sp.Score, Matches: sp.Hi - sp.Lo})
	}
	att.Contributors = Combine(ev.Weights, att.Citations, src.Pool, *s.cfg.RAGShare, *s.cfg.Span)
	return att, nil
}

// Verify re-derives an attribution from the loaded Datanet and requires it
// to be identical: the evidence's Merkle proofs against the manifest root
// (span.Verify), every span found again (no span omitted or invented), the
// same chunks retrieved for the recorded query, and the same contributors.
// output and receiptHash come from the receipt the attribution claims.
func (s *Set) Verify(att *Attribution, output []int, receiptHash common.Hash) error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrMismatch, fmt.Sprintf(format, a...))
	}
	switch {
	case att.Version != Version:
		return bad("version %d", att.Version)
	case att.ReceiptHash != receiptHash:
		return bad("made for receipt %s, not %s", att.ReceiptHash, receiptHash)
	case att.Method == MethodNone:
		if att.Datanet != nil || len(att.Contributors) > 0 || att.Evidence != nil || att.RAG != nil {
			return bad("method none with a Datanet, contributors, evidence or retrieval")
		}
		return nil
	case att.Datanet == nil || att.Evidence == nil:
		return bad("method %q without a Datanet or evidence", att.Method)
	case att.RAGShare != *s.cfg.RAGShare:
		return bad("RAG share %d, the verifier uses %d", att.RAGShare, *s.cfg.RAGShare)
	case att.Evidence.Params != *s.cfg.Span:
		return bad("span params %+v, the verifier uses %+v", att.Evidence.Params, *s.cfg.Span)
	}
	src, err := s.Lookup(att.Datanet.Hex())
	if err != nil {
		return fmt.Errorf("%w: %v", ErrMismatch, err)
	}
	if _, err := span.Verify(src.DN.Manifest, att.Evidence, *s.cfg.Span); err != nil {
		return fmt.Errorf("%w: %v", ErrMismatch, err)
	}
	var cites []rag.Citation
	if r := att.RAG; r != nil {
		switch {
		case r.Template != TemplateV1:
			return bad("unknown RAG template %q", r.Template)
		case r.ChunkTokens != s.cfg.ChunkTokens:
			return bad("retrieval used chunks of %d tokens, the verifier's index %d", r.ChunkTokens, s.cfg.ChunkTokens)
		}
		if cites, err = s.Retrieve(src, r.Query, r.K); err != nil {
			return bad("re-retrieving: %v", err)
		}
	}
	again, err := s.Attribute(src, Input{Output: output, ReceiptHash: receiptHash, Citations: cites, Retrieval: att.RAG})
	if err != nil {
		return bad("replaying: %v", err)
	}
	for _, part := range []struct {
		name       string
		want, have any
	}{
		{"evidence", again.Evidence, att.Evidence},
		{"citations", again.Citations, att.Citations},
		{"spans", again.Spans, att.Spans},
		{"contributors", again.Contributors, att.Contributors},
		{"attribution", again, att},
	} {
		w, err1 := json.Marshal(part.want)
		h, err2 := json.Marshal(part.have)
		if err1 != nil || err2 != nil || !bytes.Equal(w, h) {
			return bad("%s differ from the replay against Datanet %s", part.name, src.Name)
		}
	}
	return nil
}
