package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/eigenda"
	"github.com/paichain/paichain/da/eigenda/fakes"
	"github.com/paichain/paichain/da/server"
)

// eigendaContext parses args against the eigenda flags (plus srs.dir, which
// da serve owns) the way urfave/cli would.
func eigendaContext(t *testing.T, args ...string) *cli.Context {
	t.Helper()
	set := flag.NewFlagSet("da-serve", flag.ContinueOnError)
	set.SetOutput(io.Discard)
	flags := append(eigendaFlags(), &cli.StringFlag{Name: "srs.dir"})
	for _, f := range flags {
		if err := f.Apply(set); err != nil {
			t.Fatal(err)
		}
	}
	if err := set.Parse(args); err != nil {
		t.Fatal(err)
	}
	return cli.NewContext(cli.NewApp(), set, nil)
}

// TestEigenDABackendFromFlags builds the backend from command-line flags
// and round-trips a payload through fake EigenDA peers on loopback.
func TestEigenDABackendFromFlags(t *testing.T) {
	srs := eigenda.DefaultSRSDir()
	if srs == "" {
		t.Fatal("EigenDA v0.9.2 resources/srs not in the module cache")
	}
	const points = 256 // small blobs keep SRS loading quick
	p, err := eigenda.LoadProver(srs, points)
	if err != nil {
		t.Fatal(err)
	}
	store := fakes.NewStore()
	relay, err := fakes.StartRelay(store)
	if err != nil {
		t.Fatal(err)
	}
	defer relay.Close()
	disp, err := fakes.StartDisperser(fakes.DisperserConfig{Prover: p, Store: store, RelayKeys: []uint32{5}})
	if err != nil {
		t.Fatal(err)
	}
	defer disp.Close()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}

	c := eigendaContext(t,
		"--srs.dir", srs,
		"--eigenda.disperser", disp.Addr(),
		"--eigenda.relays", "5="+relay.Addr(),
		"--eigenda.signer-key", "0x"+hex.EncodeToString(crypto.FromECDSA(key)),
		"--eigenda.srs-points", "256",
		"--eigenda.poll-interval", "10ms",
		"--eigenda.backoff", "10ms",
		"--eigenda.timeout", "60s",
	)
	backend, closer, err := eigendaDABackend().open(c, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	if backend.Name() != "eigenda" {
		t.Fatalf("backend %q", backend.Name())
	}
	payload := []byte("paichain batch over eigenda, via flags")
	cert, err := backend.Put(context.Background(), payload)
	if err != nil {
		t.Fatal(err)
	}
	got, err := backend.Get(context.Background(), cert)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("get: %q, %v", got, err)
	}
	if _, err := backend.Put(context.Background(), make([]byte, 255*31+1)); !errors.Is(err, da.ErrTooLarge) {
		t.Fatalf("oversized put: %v", err)
	}

	// The same backend behind the Alt-DA HTTP server, as op-batcher and
	// op-node use it.
	srv := httptest.NewServer(server.New(server.Config{Backend: backend}))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/put", "application/octet-stream", bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	commitment, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /put: %d %s", resp.StatusCode, commitment)
	}
	get := func(c []byte) (int, []byte) {
		resp, err := http.Get(srv.URL + "/get/0x" + hex.EncodeToString(c))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, body
	}
	if code, body := get(commitment); code != http.StatusOK || !bytes.Equal(body, payload) {
		t.Fatalf("GET /get: %d %q", code, body)
	}
	tampered := bytes.Clone(commitment)
	tampered[len(tampered)-40] ^= 1
	if code, body := get(tampered); code != http.StatusTeapot {
		t.Fatalf("GET /get with a tampered cert: %d %s, want 418", code, body)
	}
}

func TestEigenDAFlagErrors(t *testing.T) {
	key := "0x" + strings.Repeat("1", 64)
	tests := []struct {
		name, want string
		args       []string
	}{
		{"no disperser", "no disperser", []string{"--eigenda.signer-key", key, "--eigenda.relays", "127.0.0.1:1"}},
		{"no key", "no signer key", []string{"--eigenda.disperser", "127.0.0.1:1", "--eigenda.relays", "127.0.0.1:1"}},
		{"bad relays", "bad key", []string{"--eigenda.disperser", "127.0.0.1:1", "--eigenda.relays", "x=y"}},
		{"bad address", "not an address", []string{"--eigenda.disperser", "127.0.0.1:1", "--eigenda.cert-verifier", "0x12"}},
		{"bad quorum", "eigenda.quorums", []string{"--eigenda.disperser", "127.0.0.1:1", "--eigenda.quorums", "0,300"}},
		{"bad tls", "eigenda.tls", []string{"--eigenda.disperser", "127.0.0.1:1", "--eigenda.tls", "maybe"}},
		{"rpc without verifier", "cert verifier", []string{"--eigenda.disperser", "127.0.0.1:1", "--eigenda.signer-key", key,
			"--eigenda.relays", "127.0.0.1:2", "--eigenda.eth-rpc", "http://127.0.0.1:8545"}},
	}
	for _, tt := range tests {
		_, err := newEigenDABackend(eigendaContext(t, tt.args...))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func TestLoopbackHost(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:1": true, "[::1]:443": true, "localhost:1": true,
		"disperser-testnet-holesky.eigenda.xyz:443": false, "10.0.0.1:1": false, "nonsense": false,
	} {
		if got := loopbackHost(addr); got != want {
			t.Errorf("loopbackHost(%q) = %v", addr, got)
		}
	}
}
