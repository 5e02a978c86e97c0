package server_test

import (
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/devnet"
	"github.com/paichain/paichain/da/server"
	"github.com/paichain/paichain/internal/cputime"
)

// Put and get through the HTTP server on the devnet backend. A put includes
// blob encoding, all three KZG commitments, signing and an fsynced write.
// SRS points are loaded before the timer starts.
func BenchmarkPutGet(b *testing.B) {
	for _, size := range []int{100_000, 1 << 20, 16 << 20} {
		if size > codec.MaxPayloadSize {
			size = codec.MaxPayloadSize // 16 MiB of payload does not fit a 16 MiB blob
		}
		rng := rand.New(rand.NewPCG(uint64(size), 7))
		payload := make([]byte, size)
		for i := range payload {
			payload[i] = byte(rng.Uint32())
		}
		f := newFixture(b)
		var comm []byte
		b.Run(fmt.Sprintf("put/%d", size), func(b *testing.B) {
			// Load this size's SRS points before the timed loop.
			n := codec.BlobSymbols(size)
			if _, err := srs.G1(n); err != nil {
				b.Fatal(err)
			}
			if _, err := srs.G2(n); err != nil {
				b.Fatal(err)
			}
			if _, err := srs.G2Trailing(n); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(size))
			c0, i := cputime.Process(), 0
			for ; b.Loop(); i++ {
				payload[0] = byte(i) // a fresh blob each time, no dedup
				comm = f.put(b, payload)
			}
			b.ReportMetric(float64(cputime.Process()-c0)/float64(time.Millisecond)/float64(i), "cpu-ms/op")
		})
		b.Run(fmt.Sprintf("get/%d", size), func(b *testing.B) {
			if comm == nil {
				b.Skip("no put ran for this size")
			}
			b.SetBytes(int64(size))
			path := "/get/0x" + hex.EncodeToString(comm)
			c0, i := cputime.Process(), 0
			for ; b.Loop(); i++ {
				code, body := f.do(b, http.MethodGet, path, nil)
				if code != http.StatusOK || len(body) != size {
					b.Fatalf("get: %d", code)
				}
			}
			b.ReportMetric(float64(cputime.Process()-c0)/float64(time.Millisecond)/float64(i), "cpu-ms/op")
		})
	}
}

// BenchmarkDevnetStart measures what `paichain da serve --backend devnet`
// does before it answers: open the store and SRS, build the server, listen,
// and serve the first /health.
func BenchmarkDevnetStart(b *testing.B) {
	c0, i := cputime.Process(), 0
	defer func() {
		b.ReportMetric(float64(cputime.Process()-c0)/float64(time.Millisecond)/float64(i), "cpu-ms/op")
	}()
	for ; b.Loop(); i++ {
		dir := b.TempDir()
		dev, err := devnet.Open(devnet.Config{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		srv := &http.Server{Handler: server.New(server.Config{Backend: dev})}
		go srv.Serve(ln)
		resp, err := http.Get("http://" + ln.Addr().String() + "/health")
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("health: %v", err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		srv.Close()
	}
}
