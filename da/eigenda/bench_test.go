package eigenda

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/Layr-Labs/eigenda/encoding/kzg"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/eigenda/fakes"
	"github.com/paichain/paichain/internal/cputime"
)

// BenchmarkDecodeCertV2 measures parsing and curve-checking a real cert
// (one non-signer, 3-level inclusion proof).
func BenchmarkDecodeCertV2(b *testing.B) {
	c, _ := benchCert(b)
	b.SetBytes(int64(len(c.Body)))
	for b.Loop() {
		if _, err := DecodeCertV2(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOfflineVerify measures the offline checks of a decoded cert:
// Merkle inclusion plus one BLS pairing check.
func BenchmarkOfflineVerify(b *testing.B) {
	c, _ := benchCert(b)
	cert, err := DecodeCertV2(c)
	if err != nil {
		b.Fatal(err)
	}
	v := &OfflineVerifier{Quorums: []uint8{0, 1}, ConfirmationThreshold: 55}
	for b.Loop() {
		if err := v.VerifyCertV2(context.Background(), cert); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutGet is a full Put and Get through the v0.9.2 clients against
// the loopback fakes: client KZG commitments, the fake's recomputation and
// BLS signing, status polling (1 ms), relay fetch and the commitment check
// on the way back. It measures the client side's CPU cost, not EigenDA's
// network latency.
func BenchmarkPutGet(b *testing.B) {
	for _, size := range []int{1 << 10, 32 << 10, (testSRSPoints - 1) * 31} {
		b.Run(fmt.Sprintf("%dB", size), func(b *testing.B) {
			e := newBenchEnv(b)
			payload := randomPayload(b, size)
			b.SetBytes(int64(size))
			// The load on a shared box inflates wall time; process CPU
			// time (client and fakes together) does not.
			cpu0 := cputime.Process()
			for b.Loop() {
				payload[0]++ // a new blob each time
				c, err := e.b.Put(context.Background(), payload)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := e.b.Get(context.Background(), c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cputime.Process()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

func newBenchEnv(b *testing.B) *env {
	b.Helper()
	return newEnvTB(b, func(c *Config) { c.PollInterval = time.Millisecond }, fakes.DisperserConfig{Operators: 4, NonSigners: 1, BatchSize: 8})
}

func benchCert(b *testing.B) (da.Cert, *env) {
	b.Helper()
	e := newBenchEnv(b)
	c, err := e.b.Put(context.Background(), randomPayload(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	return c, e
}

// BenchmarkLoadSRS measures start-up: reading and decompressing the
// default 32,768 SRS points, either all three files into EigenDA's prover
// or G1 only (--eigenda.disperser-commitments).
func BenchmarkLoadSRS(b *testing.B) {
	dir := DefaultSRSDir()
	if dir == "" {
		b.Fatal("no SRS in the module cache")
	}
	for _, tt := range []struct {
		name string
		load func() error
	}{
		{"prover", func() error { _, err := LoadProver(dir, DefaultSRSPoints); return err }},
		{"g1-only", func() error {
			_, err := kzg.ReadG1Points(filepath.Join(dir, "g1.point"), DefaultSRSPoints, uint64(runtime.GOMAXPROCS(0)))
			return err
		}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			cpu0 := cputime.Process()
			for b.Loop() {
				if err := tt.load(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cputime.Process()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
