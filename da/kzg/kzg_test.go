package kzg_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/paichain/paichain/da/kzg"
)

type (
	bnG1 = bn254.G1Affine
	bnG2 = bn254.G2Affine
)

func srsDir(tb testing.TB) string {
	tb.Helper()
	dir, err := kzg.DefaultDir()
	if err != nil {
		tb.Fatalf("SRS: %v", err)
	}
	return dir
}

// TestSRSRejectsWrongFiles: files of the right size but the wrong content
// fail the pinned sha256 before any point is used.
func TestSRSRejectsWrongFiles(t *testing.T) {
	dir := t.TempDir()
	for name, size := range map[string]int64{kzg.G1File: 32 << 19, kzg.G2File: 64 << 19, kzg.G2TrailingFile: 64 << 19} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil { // sparse: cheap
			t.Fatal(err)
		}
		f.Close()
	}
	srs, err := kzg.Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srs.G1(4); !errors.Is(err, kzg.ErrSRS) || !strings.Contains(err.Error(), "sha256") {
		t.Fatalf("want a sha256 mismatch, got %v", err)
	}
	if err := os.Truncate(filepath.Join(dir, kzg.G1File), 100); err != nil {
		t.Fatal(err)
	}
	if _, err := kzg.Open(dir, ""); !errors.Is(err, kzg.ErrSRS) {
		t.Fatalf("short file: %v", err)
	}
}

// TestSRSCache: a damaged decompressed cache is ignored and rebuilt from
// the source files, giving the same points.
func TestSRSCache(t *testing.T) {
	cache := t.TempDir()
	a, err := kzg.Open(srsDir(t), cache)
	if err != nil {
		t.Fatal(err)
	}
	want, err := a.G2Trailing(16)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(cache, kzg.G2TrailingFile+"*.raw"))
	if len(files) != 1 {
		t.Fatalf("cache files %v", files)
	}
	b, _ := os.ReadFile(files[0])
	b[len(b)-1] ^= 1
	os.WriteFile(files[0], b, 0o644)
	c, _ := kzg.Open(srsDir(t), cache)
	got, err := c.G2Trailing(16)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !got[i].Equal(&want[i]) {
			t.Fatalf("point %d differs after cache damage", i)
		}
	}
	// The G2 generator is the first power: [tau^0]_2.
	g2, err := c.G2(1)
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, gen := bn254.Generators()
	if !g2[0].Equal(&gen) {
		t.Fatal("g2.point does not start with the generator")
	}
}
