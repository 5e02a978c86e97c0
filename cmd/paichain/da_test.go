package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/urfave/cli/v2"
)

// TestDAServe runs `paichain da serve --backend devnet` in process and
// round-trips a payload, then checks the admin endpoint flips it to 503.
func TestDAServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	app := &cli.App{Commands: []*cli.Command{daCommand}}
	done := make(chan error, 1)
	go func() {
		done <- app.RunContext(ctx, []string{"paichain", "da", "serve", "--backend", "devnet",
			"--http.port", fmt.Sprint(port), "--datadir", t.TempDir(), "--cache"})
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/health")
		if err == nil && resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not come up: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	payload := []byte("a batch for the devnet")
	resp, err := http.Post(base+"/put", "application/octet-stream", bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	comm, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || comm[0] != 0x01 || comm[1] != 0x00 {
		t.Fatalf("put: %d %x", resp.StatusCode, comm)
	}
	resp, err = http.Get(base + "/get/0x" + hex.EncodeToString(comm))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(got, payload) {
		t.Fatalf("get: %d %q", resp.StatusCode, got)
	}
	resp, err = http.Post(base+"/admin/faults", "application/json", bytes.NewReader([]byte(`{"failover":true}`)))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("admin: %v", err)
	}
	resp.Body.Close()
	resp, err = http.Post(base+"/put", "application/octet-stream", bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("failover put: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not shut down")
	}
}

func TestDAUnknownBackend(t *testing.T) {
	app := &cli.App{Commands: []*cli.Command{daCommand}}
	err := app.Run([]string{"paichain", "da", "serve", "--backend", "nope", "--datadir", t.TempDir()})
	if err == nil {
		t.Fatal("unknown backend accepted")
	}
}
