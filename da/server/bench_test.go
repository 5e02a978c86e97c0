package server_test

import (
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"testing"

	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/devnet"
	"github.com/paichain/paichain/da/server"
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
		var comm []byte
		b.Run(fmt.Sprintf("put/%d", size), func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; b.Loop(); i++ {
				payload[0] = byte(i) // a fresh blob each time, no dedup
				comm = f.put(b, payload)
			}
		})
		b.Run(fmt.Sprintf("get/%d", size), func(b *testing.B) {
			b.SetBytes(int64(size))
			path := "/get/0x" + hex.EncodeToString(comm)
			for b.Loop() {
				code, body := f.do(b, http.MethodGet, path, nil)
				if code != http.StatusOK || len(body) != size {
					b.Fatalf("get: %d", code)
				}
			}
		})
	}
}

// BenchmarkDevnetStart measures what `paichain da serve --backend devnet`
// does before it answers: open the store and SRS, build the server, listen,
// and serve the first /health.
func BenchmarkDevnetStart(b *testing.B) {
	for b.Loop() {
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
