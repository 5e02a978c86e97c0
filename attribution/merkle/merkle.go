// Package merkle commits a file to a keccak256 Merkle root over fixed-size
// chunks and proves single chunks against it. The layout is simple enough
// to re-check in Solidity (abi.encodePacked + keccak256):
//
//	leaf(i, chunk)  = keccak256(0x00 ‖ uint64be(i) ‖ chunk)
//	node(l, r)      = keccak256(0x01 ‖ l ‖ r)
//	root(file)      = keccak256(0x02 ‖ uint64be(len(file)) ‖ uint32be(leafSize) ‖ top)
//
// Chunk i holds bytes [i*leafSize, (i+1)*leafSize) of the file (the last one
// may be shorter). Each level pairs nodes left to right; an odd last node is
// carried up unchanged. top is the single node left, or 32 zero bytes for an
// empty file. Binding the index into each leaf and the length into the root
// makes every (offset, byte) pair unambiguous.
package merkle

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Hash is a keccak256 digest.
type Hash = common.Hash

// MaxPath bounds a proof's length (a 2^64-leaf tree has 64 levels).
const MaxPath = 64

// ErrProof is wrapped by every proof that does not match its root.
var ErrProof = errors.New("merkle proof does not match the root")

// LeafHash is the hash of chunk index i.
func LeafHash(i uint64, chunk []byte) Hash {
	var b [9]byte
	binary.BigEndian.PutUint64(b[1:], i)
	return crypto.Keccak256Hash(b[:], chunk)
}

// NodeHash is the hash of two children.
func NodeHash(l, r Hash) Hash { return crypto.Keccak256Hash([]byte{1}, l[:], r[:]) }

// RootOf binds the tree top to the file length and the chunk size.
func RootOf(length uint64, leafSize uint32, top Hash) Hash {
	var b [13]byte
	b[0] = 2
	binary.BigEndian.PutUint64(b[1:], length)
	binary.BigEndian.PutUint32(b[9:], leafSize)
	return crypto.Keccak256Hash(b[:], top[:])
}

// NumLeaves is the chunk count of a file of length bytes.
func NumLeaves(length uint64, leafSize uint32) uint64 {
	return (length + uint64(leafSize) - 1) / uint64(leafSize)
}

// Tree is every level of a file's tree, leaves first, kept to cut proofs.
type Tree struct {
	Length   uint64
	LeafSize uint32
	Levels   [][]Hash
}

// Root is the file's commitment.
func (t *Tree) Root() Hash {
	var top Hash
	if n := len(t.Levels); n > 0 && len(t.Levels[n-1]) == 1 {
		top = t.Levels[n-1][0]
	}
	return RootOf(t.Length, t.LeafSize, top)
}

// Path returns the sibling hashes from leaf i up to the top.
func (t *Tree) Path(i uint64) ([]Hash, error) {
	if len(t.Levels) == 0 || i >= uint64(len(t.Levels[0])) {
		return nil, fmt.Errorf("merkle: leaf %d out of range", i)
	}
	var path []Hash
	for _, lvl := range t.Levels[:len(t.Levels)-1] {
		if s := i ^ 1; s < uint64(len(lvl)) {
			path = append(path, lvl[s])
		}
		i >>= 1
	}
	return path, nil
}

// Builder hashes a file streamed through Write into a Tree.
type Builder struct {
	leafSize uint32
	buf      []byte
	leaves   []Hash
	length   uint64
}

// NewBuilder starts a tree with the given chunk size.
func NewBuilder(leafSize uint32) *Builder {
	return &Builder{leafSize: leafSize, buf: make([]byte, 0, leafSize)}
}

// Write appends file bytes; it never fails.
func (b *Builder) Write(p []byte) (int, error) {
	n := len(p)
	b.length += uint64(n)
	for len(p) > 0 {
		k := min(int(b.leafSize)-len(b.buf), len(p))
		b.buf = append(b.buf, p[:k]...)
		p = p[k:]
		if len(b.buf) == int(b.leafSize) {
			b.flush()
		}
	}
	return n, nil
}

func (b *Builder) flush() {
	b.leaves = append(b.leaves, LeafHash(uint64(len(b.leaves)), b.buf))
	b.buf = b.buf[:0]
}

// Tree finishes the file and builds the upper levels.
func (b *Builder) Tree() *Tree {
	if len(b.buf) > 0 {
		b.flush()
	}
	t := &Tree{Length: b.length, LeafSize: b.leafSize}
	lvl := b.leaves
	if len(lvl) == 0 {
		return t
	}
	t.Levels = append(t.Levels, lvl)
	for len(lvl) > 1 {
		next := make([]Hash, (len(lvl)+1)/2)
		for i := range next {
			if 2*i+1 < len(lvl) {
				next[i] = NodeHash(lvl[2*i], lvl[2*i+1])
			} else {
				next[i] = lvl[2*i]
			}
		}
		t.Levels = append(t.Levels, next)
		lvl = next
	}
	return t
}

// TreeOfFile hashes body bytes [off, off+length) of a file.
func TreeOfFile(path string, off int64, leafSize uint32) (*Tree, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("merkle: %w", err)
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil, fmt.Errorf("merkle: %w", err)
	}
	b := NewBuilder(leafSize)
	if _, err := io.Copy(b, f); err != nil {
		return nil, fmt.Errorf("merkle: hash %s: %w", path, err)
	}
	return b.Tree(), nil
}

// Verify checks that chunk is leaf i of the file committed by root, whose
// length and chunk size are known to the verifier.
func Verify(root Hash, length uint64, leafSize uint32, i uint64, chunk []byte, path []Hash) error {
	if leafSize == 0 {
		return fmt.Errorf("%w: zero leaf size", ErrProof)
	}
	n := NumLeaves(length, leafSize)
	if i >= n {
		return fmt.Errorf("%w: leaf %d of %d", ErrProof, i, n)
	}
	want := uint64(leafSize)
	if i == n-1 {
		want = length - i*uint64(leafSize)
	}
	if uint64(len(chunk)) != want {
		return fmt.Errorf("%w: leaf %d has %d bytes, want %d", ErrProof, i, len(chunk), want)
	}
	if len(path) > MaxPath {
		return fmt.Errorf("%w: path of %d hashes", ErrProof, len(path))
	}
	h := LeafHash(i, chunk)
	for c := n; c > 1; c = (c + 1) / 2 {
		if s := i ^ 1; s < c {
			if len(path) == 0 {
				return fmt.Errorf("%w: path too short", ErrProof)
			}
			if i&1 == 0 {
				h = NodeHash(h, path[0])
			} else {
				h = NodeHash(path[0], h)
			}
			path = path[1:]
		}
		i >>= 1
	}
	if len(path) != 0 {
		return fmt.Errorf("%w: %d extra path hashes", ErrProof, len(path))
	}
	if RootOf(length, leafSize, h) != root {
		return ErrProof
	}
	return nil
}

// WriteTo stores the tree: header (length, leaf size, level count, level
// sizes) then every level's hashes.
func (t *Tree) WriteTo(w io.Writer) (int64, error) {
	hdr := binary.LittleEndian.AppendUint64(nil, t.Length)
	hdr = binary.LittleEndian.AppendUint32(hdr, t.LeafSize)
	hdr = binary.LittleEndian.AppendUint32(hdr, uint32(len(t.Levels)))
	for _, l := range t.Levels {
		hdr = binary.LittleEndian.AppendUint64(hdr, uint64(len(l)))
	}
	n, err := w.Write(hdr)
	total := int64(n)
	for _, l := range t.Levels {
		for _, h := range l {
			if err != nil {
				return total, err
			}
			n, err = w.Write(h[:])
			total += int64(n)
		}
	}
	return total, err
}

// ReadTree loads a stored tree and checks that its shape fits its length.
func ReadTree(data []byte) (*Tree, error) {
	bad := func(why string) (*Tree, error) { return nil, fmt.Errorf("merkle: bad tree file: %s", why) }
	if len(data) < 16 {
		return bad("short header")
	}
	t := &Tree{Length: binary.LittleEndian.Uint64(data), LeafSize: binary.LittleEndian.Uint32(data[8:])}
	nl := binary.LittleEndian.Uint32(data[12:])
	if t.LeafSize == 0 || nl > MaxPath+1 {
		return bad("header")
	}
	data = data[16:]
	if uint64(len(data)) < 8*uint64(nl) {
		return bad("short level table")
	}
	sizes := make([]uint64, nl)
	want := NumLeaves(t.Length, t.LeafSize)
	for i := range sizes {
		sizes[i] = binary.LittleEndian.Uint64(data[8*i:])
		if sizes[i] != want {
			return bad("level size")
		}
		want = (want + 1) / 2
	}
	if nl > 0 && sizes[nl-1] != 1 || nl == 0 && t.Length != 0 {
		return bad("levels")
	}
	data = data[8*nl:]
	for _, s := range sizes {
		if s > uint64(len(data))/32 {
			return bad("truncated")
		}
		lvl := make([]Hash, s)
		for i := range lvl {
			copy(lvl[i][:], data[32*i:])
		}
		t.Levels = append(t.Levels, lvl)
		data = data[32*s:]
	}
	if len(data) != 0 {
		return bad("trailing bytes")
	}
	return t, nil
}
