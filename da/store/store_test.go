package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func key(s string) [32]byte { return sha256.Sum256([]byte(s)) }

func TestPutGet(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, meta, data string }{
		{"empty", "", ""},
		{"meta only", "m", ""},
		{"both", "meta", "some data"},
	} {
		k := key(tc.name)
		if err := s.Put(k, []byte(tc.meta), []byte(tc.data)); err != nil {
			t.Fatal(err)
		}
		// Entries are immutable: a second Put does not overwrite.
		if err := s.Put(k, []byte("other"), []byte("other")); err != nil {
			t.Fatal(err)
		}
		m, d, err := s.Get(k)
		if err != nil || string(m) != tc.meta || string(d) != tc.data {
			t.Fatalf("%s: got %q %q %v", tc.name, m, d, err)
		}
	}
	if s.Len() != 3 {
		t.Fatalf("len %d", s.Len())
	}
	if _, _, err := s.Get(key("missing")); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing key: %v", err)
	}
}

func TestCorruptionDetected(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	k := key("x")
	if err := s.Put(k, []byte("meta"), bytes.Repeat([]byte{7}, 1000)); err != nil {
		t.Fatal(err)
	}
	p := s.path(k)
	b, _ := os.ReadFile(p)
	for _, mutate := range []func([]byte) []byte{
		func(b []byte) []byte { b = bytes.Clone(b); b[500] ^= 1; return b },
		func(b []byte) []byte { return b[:len(b)-1] },
		func(b []byte) []byte { return b[:10] },
	} {
		if err := os.WriteFile(p, mutate(b), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Get(k); !errors.Is(err, ErrCorrupt) {
			t.Fatalf("want ErrCorrupt, got %v", err)
		}
	}
}

// TestCrashBeforeRename simulates a crash after the temp file is written
// and before it is renamed: the key must be absent, earlier keys intact,
// and reopening must clean the temp file up.
func TestCrashBeforeRename(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	for i := range 10 {
		if err := s.Put(key(string(rune('a'+i))), nil, []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	crash := errors.New("crash")
	s.beforeRename = func() error {
		// Leave the temp file behind as a killed process would.
		return crash
	}
	// The deferred cleanup in Put removes the temp file on error; emulate a
	// kill by writing a stray temp file the way a dead writer leaves it.
	if err := s.Put(key("torn"), nil, []byte("torn")); !errors.Is(err, crash) {
		t.Fatalf("want crash, got %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, tmpDir, "put-dead"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(filepath.Join(dir, tmpDir)); len(left) != 0 {
		t.Fatalf("temp files not cleaned: %d", len(left))
	}
	if s2.Has(key("torn")) {
		t.Fatal("torn put is visible")
	}
	for i := range 10 {
		_, d, err := s2.Get(key(string(rune('a' + i))))
		if err != nil || !bytes.Equal(d, []byte{byte(i)}) {
			t.Fatalf("entry %d lost: %v", i, err)
		}
	}
	if s2.Len() != 10 {
		t.Fatalf("len %d after reopen", s2.Len())
	}
	keys, _ := s2.Keys()
	if len(keys) != 10 {
		t.Fatalf("keys %d", len(keys))
	}
}
