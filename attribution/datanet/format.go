// Package datanet stores one version of a Datanet — the contributions a
// model may be attributed to — as four committed files plus a manifest:
//
//	tokens.bin  the token array: every contribution's token ids, 3 bytes
//	            little-endian each, each document followed by sa.Sentinel
//	sa.bin      the suffix array over it (package sa), 4 or 5 bytes per entry
//	docs.bin    the document table: one 64-byte record per contribution
//	counts.bin  unigram counts: uint64 little-endian per token id
//
// Every file starts with a 16-byte header (8-byte magic, uint32 element
// width, uint32 zero); the Merkle root (package merkle) of each file is
// taken over its body, the bytes after the header. manifest.json records
// sizes, roots, the tokenizer's hash and the Datanet root binding them all.
// *.mtree files keep each tree's levels to cut proofs; they are derived, not
// committed.
package datanet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/attribution/merkle"
)

// HeaderSize is the bytes before each file's body.
const HeaderSize = 16

// DocRecordSize is the size of a document-table record:
//
//	start        uint64 LE  offset of the document's first token
//	length       uint32 LE  tokens (the sentinel after them not counted)
//	contributor  [20]byte   address credited for the document
//	idHash       [32]byte   keccak256 of the contribution id (UTF-8)
const DocRecordSize = 64

// DefaultLeafSize is the Merkle chunk size: a proof of one entry carries one
// 512-byte chunk plus ~20 sibling hashes for a 100M-token corpus.
const DefaultLeafSize = 512

// File names one committed file.
type File int

// The committed files.
const (
	Tokens File = iota
	SuffixArray
	Docs
	Counts
	numFiles
)

var fileNames = [numFiles]string{"tokens.bin", "sa.bin", "docs.bin", "counts.bin"}
var fileMagic = [numFiles]string{"PAITOK\x00\x01", "PAISA\x00\x00\x01", "PAIDOC\x00\x01", "PAICNT\x00\x01"}

func (f File) String() string {
	if f < 0 || f >= numFiles {
		return fmt.Sprintf("file(%d)", int(f))
	}
	return fileNames[f]
}

// ErrCorrupt is wrapped by every error about a malformed Datanet file.
var ErrCorrupt = errors.New("corrupt datanet")

// ErrTokenizer reports a tokenizer other than the one the Datanet was built with.
var ErrTokenizer = errors.New("tokenizer does not match the datanet")

func header(f File, width int) []byte {
	h := make([]byte, HeaderSize)
	copy(h, fileMagic[f])
	binary.LittleEndian.PutUint32(h[8:], uint32(width))
	return h
}

// checkHeader validates a mapped file against its manifest entry.
func checkHeader(f File, data []byte, info FileInfo) error {
	if len(data) < HeaderSize {
		return fmt.Errorf("%w: %s: %d bytes, shorter than its header", ErrCorrupt, f, len(data))
	}
	if !bytes.Equal(data[:8], []byte(fileMagic[f])) {
		return fmt.Errorf("%w: %s: wrong magic %q", ErrCorrupt, f, data[:8])
	}
	if w := binary.LittleEndian.Uint32(data[8:]); w != uint32(info.Width) || binary.LittleEndian.Uint32(data[12:]) != 0 {
		return fmt.Errorf("%w: %s: header width %d, manifest %d", ErrCorrupt, f, w, info.Width)
	}
	if body := uint64(len(data) - HeaderSize); body != info.Bytes {
		return fmt.Errorf("%w: %s: %d body bytes, manifest says %d (truncated or extended)", ErrCorrupt, f, body, info.Bytes)
	}
	if info.Width <= 0 || info.Bytes%uint64(info.Width) != 0 {
		return fmt.Errorf("%w: %s: %d bytes is not a multiple of width %d", ErrCorrupt, f, info.Bytes, info.Width)
	}
	return nil
}

// FileInfo is the manifest entry of one committed file.
type FileInfo struct {
	Path  string      `json:"path"`
	Width int         `json:"width"` // bytes per element
	Bytes uint64      `json:"bytes"` // body length (file length minus HeaderSize)
	Root  common.Hash `json:"root"`  // merkle root of the body
}

// TokenizerInfo identifies the tokenizer the corpus was built with.
type TokenizerInfo struct {
	Name      string      `json:"name"`
	Family    string      `json:"family,omitempty"`
	Hash      common.Hash `json:"hash"` // keccak256 of the tokenizer file
	VocabSize int         `json:"vocabSize"`
}

// Manifest describes and commits one Datanet version.
type Manifest struct {
	Version   int           `json:"version"`
	Name      string        `json:"name"`
	Tokenizer TokenizerInfo `json:"tokenizer"`
	// Tokens counts the token array including one sentinel per document;
	// Suffixes = Tokens - Documents is the corpus size N of the scoring rule.
	Tokens    int64          `json:"tokens"`
	Suffixes  int64          `json:"suffixes"`
	Documents int64          `json:"documents"`
	LeafSize  uint32         `json:"leafSize"`
	Pool      common.Address `json:"pool"` // credited with contributors beyond the cap
	Files     struct {
		Tokens FileInfo `json:"tokens"`
		SA     FileInfo `json:"sa"`
		Docs   FileInfo `json:"docs"`
		Counts FileInfo `json:"counts"`
	} `json:"files"`
	Root common.Hash `json:"root"`
}

// ManifestVersion is the format this package writes and reads.
const ManifestVersion = 1

// File returns the entry of f.
func (m *Manifest) File(f File) *FileInfo {
	switch f {
	case Tokens:
		return &m.Files.Tokens
	case SuffixArray:
		return &m.Files.SA
	case Docs:
		return &m.Files.Docs
	case Counts:
		return &m.Files.Counts
	}
	return nil
}

// ComputeRoot is the Datanet root a chain commits:
//
//	keccak256(tokensRoot ‖ saRoot ‖ docsRoot ‖ countsRoot ‖ tokenizerHash ‖
//	          uint64be(tokens) ‖ uint64be(documents) ‖ pool)
func (m *Manifest) ComputeRoot() common.Hash {
	var b []byte
	for f := range numFiles {
		b = append(b, m.File(f).Root[:]...)
	}
	b = append(b, m.Tokenizer.Hash[:]...)
	b = binary.BigEndian.AppendUint64(b, uint64(m.Tokens))
	b = binary.BigEndian.AppendUint64(b, uint64(m.Documents))
	b = append(b, m.Pool[:]...)
	return crypto.Keccak256Hash(b)
}

// Validate checks the manifest's internal consistency (not the files).
func (m *Manifest) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: manifest: %s", ErrCorrupt, fmt.Sprintf(format, a...))
	}
	switch {
	case m.Version != ManifestVersion:
		return bad("version %d, want %d", m.Version, ManifestVersion)
	case m.LeafSize == 0 || m.LeafSize > 1<<20:
		return bad("leaf size %d", m.LeafSize)
	case m.Tokens < 0 || m.Documents < 0 || m.Suffixes != m.Tokens-m.Documents:
		return bad("tokens %d, documents %d, suffixes %d", m.Tokens, m.Documents, m.Suffixes)
	case m.Tokenizer.VocabSize <= 0:
		return bad("vocabulary size %d", m.Tokenizer.VocabSize)
	case m.Files.Tokens.Width != 3 || m.Files.Tokens.Bytes != 3*uint64(m.Tokens):
		return bad("token array size")
	case (m.Files.SA.Width != 4 && m.Files.SA.Width != 5) || m.Files.SA.Bytes != uint64(m.Files.SA.Width)*uint64(m.Suffixes):
		return bad("suffix array size")
	case m.Files.Docs.Width != DocRecordSize || m.Files.Docs.Bytes != DocRecordSize*uint64(m.Documents):
		return bad("document table size")
	case m.Files.Counts.Width != 8 || m.Files.Counts.Bytes != 8*uint64(m.Tokenizer.VocabSize):
		return bad("counts size")
	case m.ComputeRoot() != m.Root:
		return bad("root %s does not commit the file roots (want %s)", m.Root, m.ComputeRoot())
	}
	return nil
}

// Doc is one document-table record.
type Doc struct {
	Start       int64
	Length      int64
	Contributor common.Address
	IDHash      common.Hash
}

// DecodeDoc parses a record.
func DecodeDoc(b []byte) Doc {
	var d Doc
	d.Start = int64(binary.LittleEndian.Uint64(b))
	d.Length = int64(binary.LittleEndian.Uint32(b[8:]))
	copy(d.Contributor[:], b[12:32])
	copy(d.IDHash[:], b[32:64])
	return d
}

func (d Doc) encode() []byte {
	b := binary.LittleEndian.AppendUint64(nil, uint64(d.Start))
	b = binary.LittleEndian.AppendUint32(b, uint32(d.Length))
	b = append(b, d.Contributor[:]...)
	return append(b, d.IDHash[:]...)
}

// IDHash is the document-table hash of a contribution id.
func IDHash(id string) common.Hash { return crypto.Keccak256Hash([]byte(id)) }

// LeafOf is the Merkle leaf holding byte off of a file body.
func (m *Manifest) LeafOf(off uint64) uint64 { return off / uint64(m.LeafSize) }

// VerifyLeaf checks a chunk of file f against the manifest's root.
func (m *Manifest) VerifyLeaf(f File, leaf uint64, chunk []byte, path []merkle.Hash) error {
	info := m.File(f)
	if info == nil {
		return fmt.Errorf("unknown file %d", f)
	}
	if err := merkle.Verify(info.Root, info.Bytes, m.LeafSize, leaf, chunk, path); err != nil {
		return fmt.Errorf("%s leaf %d: %w", f, leaf, err)
	}
	return nil
}
