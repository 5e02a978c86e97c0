package kzg_test

import (
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/kzg"
	"github.com/paichain/paichain/internal/cputime"
)

// The 1 MiB figures: a 1,048,576-byte payload is a 65,536-symbol blob.

// loop runs op b.N times and reports CPU ms per op next to ns/op.
func loop(b *testing.B, op func() error) {
	b.ResetTimer()
	c0 := cputime.Process()
	n := 0
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(cputime.Process()-c0)/float64(time.Millisecond)/float64(n), "cpu-ms/op")
}

func payload1MiB() []byte {
	rng := rand.New(rand.NewPCG(1, 1))
	p := make([]byte, 1<<20)
	for i := range p {
		p[i] = byte(rng.Uint32())
	}
	return p
}

func BenchmarkEncode1MiB(b *testing.B) {
	var c codec.Codec
	p := payload1MiB()
	b.SetBytes(int64(len(p)))
	loop(b, func() error { _, err := c.Encode(p); return err })
}

func openSRS(b *testing.B, n int) *kzg.SRS {
	srs, err := kzg.Open(srsDir(b), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	// Load the points outside the timed loop.
	if _, err := srs.G1(n); err != nil {
		b.Fatal(err)
	}
	return srs
}

// BenchmarkCommit1MiB is the G1 KZG commitment (one MSM over 65,536 points).
func BenchmarkCommit1MiB(b *testing.B) {
	var c codec.Codec
	p := payload1MiB()
	coeffs, err := c.Encode(p)
	if err != nil {
		b.Fatal(err)
	}
	srs := openSRS(b, len(coeffs))
	b.SetBytes(int64(len(p)))
	loop(b, func() error { _, err := srs.Commit(coeffs); return err })
}

// BenchmarkCommitAll1MiB adds the two G2 MSMs (length commitment and proof)
// a dispersal needs.
func BenchmarkCommitAll1MiB(b *testing.B) {
	var c codec.Codec
	p := payload1MiB()
	coeffs, err := c.Encode(p)
	if err != nil {
		b.Fatal(err)
	}
	srs := openSRS(b, len(coeffs))
	if _, err := srs.G2(len(coeffs)); err != nil {
		b.Fatal(err)
	}
	if _, err := srs.G2Trailing(len(coeffs)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(p)))
	loop(b, func() error { _, err := srs.CommitAll(coeffs); return err })
}

// BenchmarkLoadSRS1MiB is the first use of a 65,536-symbol blob size: hash
// the source files, read and decompress 65,536 G1 and 2x65,536 G2 points,
// write the decompressed cache. The cached sub-benchmark is the same load in
// a later process, from that cache.
func BenchmarkLoadSRS1MiB(b *testing.B) {
	const n = 1 << 16
	load := func(srs *kzg.SRS) error {
		if _, err := srs.G1(n); err != nil {
			return err
		}
		if _, err := srs.G2(n); err != nil {
			return err
		}
		_, err := srs.G2Trailing(n)
		return err
	}
	var cache string // a cache a cold load filled
	parent := b
	b.Run("cold", func(b *testing.B) {
		loop(b, func() error {
			dir, err := os.MkdirTemp("", "paichain-srs-bench-")
			if err != nil {
				return err
			}
			cache = dir
			parent.Cleanup(func() { os.RemoveAll(dir) })
			srs, err := kzg.Open(srsDir(b), cache)
			if err != nil {
				return err
			}
			return load(srs)
		})
	})
	b.Run("cached", func(b *testing.B) {
		loop(b, func() error {
			srs, err := kzg.Open(srsDir(b), cache)
			if err != nil {
				return err
			}
			return load(srs)
		})
	})
}
