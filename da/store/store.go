// Package store is a crash-safe content store on local disk: one file per
// key, written to a temp file, fsynced and renamed into place, so after a
// crash (kill -9, power loss) every key whose Put returned is intact and no
// torn file is ever visible. The directory tree is the index: there is no
// separate index file to fall out of step with the data.
package store

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// Errors callers test for.
var (
	ErrNotFound = errors.New("store: not found")
	ErrCorrupt  = errors.New("store: corrupt entry")
)

// Entry layout: magic | uint32 meta length | uint64 data length | meta |
// data | sha256 of everything before it.
var magic = [8]byte{'p', 'a', 'i', 'd', 'a', 0, 0, 1}

const (
	headerSize = len(magic) + 4 + 8
	tmpDir     = "tmp"
	maxMeta    = 1 << 20
)

// Store is a directory of immutable entries keyed by 32-byte keys. Safe for
// concurrent use; concurrent Puts of one key are harmless (same content
// wins, the rename is atomic).
type Store struct {
	dir     string
	entries atomic.Int64
	bytes   atomic.Int64
	shardMu sync.Mutex // serialises shard directory creation

	// beforeRename, when set by tests, runs after the temp file is durable
	// and before it is renamed into place: a crash point.
	beforeRename func() error
}

// Open opens or creates a store in dir. Temp files a crashed writer left
// behind are removed; they were never visible under a key.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, tmpDir), 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	tmps, err := os.ReadDir(filepath.Join(dir, tmpDir))
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	for _, e := range tmps {
		if err := os.Remove(filepath.Join(dir, tmpDir, e.Name())); err != nil {
			return nil, fmt.Errorf("store: remove stale temp file: %w", err)
		}
	}
	s := &Store{dir: dir}
	shards, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	for _, sh := range shards {
		if !sh.IsDir() || len(sh.Name()) != 2 {
			continue
		}
		files, err := os.ReadDir(filepath.Join(dir, sh.Name()))
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		for _, f := range files {
			if info, err := f.Info(); err == nil && len(f.Name()) == 64 {
				s.entries.Add(1)
				s.bytes.Add(info.Size())
			}
		}
	}
	return s, nil
}

// Len is the number of entries; Size their total bytes on disk.
func (s *Store) Len() int64  { return s.entries.Load() }
func (s *Store) Size() int64 { return s.bytes.Load() }

func (s *Store) path(key [32]byte) string {
	h := hex.EncodeToString(key[:])
	return filepath.Join(s.dir, h[:2], h)
}

// Has reports whether key is stored.
func (s *Store) Has(key [32]byte) bool {
	_, err := os.Stat(s.path(key))
	return err == nil
}

// Put durably stores meta and data under key. A key that already exists is
// left as it is: entries are immutable.
func (s *Store) Put(key [32]byte, meta, data []byte) error {
	if len(meta) > maxMeta {
		return fmt.Errorf("store: meta is %d bytes, max %d", len(meta), maxMeta)
	}
	final := s.path(key)
	if _, err := os.Stat(final); err == nil {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Join(s.dir, tmpDir), "put-*")
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(tmp, h), 1<<20)
	var hdr [headerSize]byte
	copy(hdr[:], magic[:])
	binary.BigEndian.PutUint32(hdr[len(magic):], uint32(len(meta)))
	binary.BigEndian.PutUint64(hdr[len(magic)+4:], uint64(len(data)))
	w.Write(hdr[:])
	w.Write(meta)
	w.Write(data)
	if err := w.Flush(); err != nil {
		return fmt.Errorf("store: write: %w", err)
	}
	if _, err := tmp.Write(h.Sum(nil)); err != nil {
		return fmt.Errorf("store: write: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("store: fsync: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	if err := s.ensureShard(filepath.Dir(final)); err != nil {
		return err
	}
	if s.beforeRename != nil {
		if err := s.beforeRename(); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return fmt.Errorf("store: rename: %w", err)
	}
	committed = true
	// The rename is durable once the directory entry is.
	if err := syncDir(filepath.Dir(final)); err != nil {
		return err
	}
	s.entries.Add(1)
	s.bytes.Add(int64(headerSize + len(meta) + len(data) + sha256.Size))
	return nil
}

func (s *Store) ensureShard(shard string) error {
	s.shardMu.Lock()
	defer s.shardMu.Unlock()
	if _, err := os.Stat(shard); err == nil {
		return nil
	}
	if err := os.Mkdir(shard, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("store: %w", err)
	}
	return syncDir(s.dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("store: fsync dir: %w", err)
	}
	return nil
}

// Get returns the meta and data stored under key, after checking the
// entry's checksum.
func (s *Store) Get(key [32]byte) (meta, data []byte, err error) {
	b, err := os.ReadFile(s.path(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, ErrNotFound
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	if len(b) < headerSize+sha256.Size || !bytes.Equal(b[:len(magic)], magic[:]) {
		return nil, nil, fmt.Errorf("%w: %x: bad header", ErrCorrupt, key)
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, nil, fmt.Errorf("%w: %x: checksum mismatch", ErrCorrupt, key)
	}
	ml := uint64(binary.BigEndian.Uint32(b[len(magic):]))
	dl := binary.BigEndian.Uint64(b[len(magic)+4:])
	if uint64(headerSize)+ml+dl != uint64(len(body)) {
		return nil, nil, fmt.Errorf("%w: %x: length mismatch", ErrCorrupt, key)
	}
	meta = body[headerSize : headerSize+int(ml)]
	data = body[headerSize+int(ml):]
	return meta, data, nil
}

// Keys lists every stored key (for tools and tests; it walks the tree).
func (s *Store) Keys() ([][32]byte, error) {
	var keys [][32]byte
	shards, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	for _, sh := range shards {
		if !sh.IsDir() || len(sh.Name()) != 2 {
			continue
		}
		files, err := os.ReadDir(filepath.Join(s.dir, sh.Name()))
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		for _, f := range files {
			raw, err := hex.DecodeString(f.Name())
			if err != nil || len(raw) != 32 || !strings.HasPrefix(f.Name(), sh.Name()) {
				continue
			}
			keys = append(keys, [32]byte(raw))
		}
	}
	return keys, nil
}
