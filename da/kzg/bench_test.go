package kzg_test

import (
	"math/rand/v2"
	"testing"

	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/kzg"
)

// The 1 MiB figures: a 1,048,576-byte payload is a 65,536-symbol blob.

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
	for b.Loop() {
		if _, err := c.Encode(p); err != nil {
			b.Fatal(err)
		}
	}
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
	b.ResetTimer()
	for b.Loop() {
		if _, err := srs.Commit(coeffs); err != nil {
			b.Fatal(err)
		}
	}
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
	b.ResetTimer()
	for b.Loop() {
		if _, err := srs.CommitAll(coeffs); err != nil {
			b.Fatal(err)
		}
	}
}
