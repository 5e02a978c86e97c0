package server_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cert"
	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/devnet"
	"github.com/paichain/paichain/da/faults"
	"github.com/paichain/paichain/da/kzg"
	"github.com/paichain/paichain/da/kzg/kzgtest"
	"github.com/paichain/paichain/da/server"
)

var srs *kzg.SRS

func TestMain(m *testing.M) {
	os.Exit(kzgtest.Main(m, &srs))
}

type fixture struct {
	dir    string
	srv    *httptest.Server
	faults *faults.Backend
	dev    *devnet.Backend
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	dev, err := devnet.Open(devnet.Config{Dir: dir, SRS: srs})
	if err != nil {
		t.Fatal(err)
	}
	fb, err := faults.Wrap(dev, faults.Config{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Backend: fb, Faults: fb, Version: "test", RecencyWindow: 100}))
	t.Cleanup(srv.Close)
	return &fixture{dir: dir, srv: srv, faults: fb, dev: dev}
}

func (f *fixture) do(t testing.TB, method, path string, body []byte) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func (f *fixture) put(t testing.TB, payload []byte) []byte {
	t.Helper()
	code, b := f.do(t, http.MethodPost, "/put", payload)
	if code != http.StatusOK {
		t.Fatalf("put: %d %s", code, b)
	}
	return b
}

func (f *fixture) setFaults(t testing.TB, cfg string) {
	t.Helper()
	if code, b := f.do(t, http.MethodPost, "/admin/faults", []byte(cfg)); code != http.StatusOK {
		t.Fatalf("set faults: %d %s", code, b)
	}
}

// TestStatusCodes covers every status code the server answers with.
func TestStatusCodes(t *testing.T) {
	f := newFixture(t)
	other := newFixture(t)
	payload := []byte("hello alt-da")
	comm := f.put(t, payload)
	if comm[0] != 0x01 || comm[1] != 0x00 || comm[2] != da.CertV2 {
		t.Fatalf("commitment prefix %x", comm[:3])
	}
	foreign := other.put(t, []byte("only on the other server"))
	tampered := bytes.Clone(comm)
	tampered[len(tampered)/2] ^= 0x40
	std := f.do
	_ = std

	for _, tc := range []struct {
		name   string
		method string
		path   string
		body   []byte
		faults string
		want   int
		check  func(t *testing.T, body []byte)
	}{
		{name: "get ok", method: "GET", path: "/get/0x" + hex.EncodeToString(comm), want: 200,
			check: func(t *testing.T, b []byte) {
				if !bytes.Equal(b, payload) {
					t.Fatalf("payload %q", b)
				}
			}},
		{name: "get ok without 0x", method: "GET", path: "/get/" + hex.EncodeToString(comm), want: 200},
		{name: "put with trailing slash", method: "POST", path: "/put/", body: []byte("x"), want: 200},
		{name: "standard mode get", method: "GET", path: "/get/0x" + hex.EncodeToString(comm[2:]) + "?commitment_mode=standard", want: 200},
		{name: "standard mode put", method: "POST", path: "/put?commitment_mode=standard", body: []byte("std"), want: 200,
			check: func(t *testing.T, b []byte) {
				if b[0] != da.CertV2 {
					t.Fatalf("standard commitment starts %x", b[0])
				}
			}},
		{name: "recent enough", method: "GET", path: "/get/0x" + hex.EncodeToString(comm) + "?l1_inclusion_block_number=100", want: 200},
		{name: "too old", method: "GET", path: "/get/0x" + hex.EncodeToString(comm) + "?l1_inclusion_block_number=101", want: 418,
			check: func(t *testing.T, b []byte) {
				var de cert.DerivationError
				if err := json.Unmarshal(b, &de); err != nil || de.StatusCode != cert.StatusRecencyCheckFailed {
					t.Fatalf("418 body %s: %v", b, err)
				}
			}},
		{name: "bad l1 block", method: "GET", path: "/get/0x" + hex.EncodeToString(comm) + "?l1_inclusion_block_number=x", want: 400},
		{name: "health", method: "GET", path: "/health", want: 200},
		{name: "config", method: "GET", path: "/config", want: 200,
			check: func(t *testing.T, b []byte) {
				var ci server.ConfigInfo
				if err := json.Unmarshal(b, &ci); err != nil || ci.Backend != "devnet" || ci.MaxPayloadBytes != codec.MaxPayloadSize {
					t.Fatalf("config %s: %v", b, err)
				}
			}},
		{name: "metrics", method: "GET", path: "/metrics", want: 200,
			check: func(t *testing.T, b []byte) {
				if !strings.Contains(string(b), "paichain_da_requests_total") {
					t.Fatal("metrics missing request counter")
				}
			}},
		{name: "bad hex", method: "GET", path: "/get/0x01zz", want: 400},
		{name: "odd hex", method: "GET", path: "/get/0x010", want: 400},
		{name: "unknown commitment type", method: "GET", path: "/get/0x02000100", want: 400},
		{name: "short generic commitment", method: "GET", path: "/get/0x0100", want: 400},
		{name: "keccak commitment", method: "GET", path: "/get/0x00" + strings.Repeat("ab", 32), want: 403},
		{name: "other da layer", method: "GET", path: "/get/0x01ff01c0", want: 404},
		{name: "unknown blob", method: "GET", path: "/get/0x" + hex.EncodeToString(foreign), want: 404},
		{name: "put is POST only", method: "GET", path: "/put", want: 405},
		{name: "empty payload", method: "POST", path: "/put", body: nil, want: 200},
		{name: "over max payload", method: "POST", path: "/put", body: make([]byte, codec.MaxPayloadSize+1), want: 413},
		{name: "tampered cert", method: "GET", path: "/get/0x" + hex.EncodeToString(tampered), want: 418,
			check: func(t *testing.T, b []byte) {
				var de cert.DerivationError
				if err := json.Unmarshal(b, &de); err != nil || de.StatusCode == 0 {
					t.Fatalf("418 body %s: %v", b, err)
				}
			}},
		{name: "unknown cert version", method: "GET", path: "/get/0x010003" + hex.EncodeToString(comm[3:]), want: 418,
			check: func(t *testing.T, b []byte) {
				var de cert.DerivationError
				if err := json.Unmarshal(b, &de); err != nil || de.StatusCode != cert.StatusCertParsingFailed {
					t.Fatalf("418 body %s: %v", b, err)
				}
			}},
		{name: "undecodable cert", method: "GET", path: "/get/0x010001deadbeef", want: 418},
		{name: "rate limited", method: "POST", path: "/put", body: []byte("x"), faults: `{"rate_limit":true}`, want: 429},
		{name: "failover put", method: "POST", path: "/put", body: []byte("x"), faults: `{"failover":true}`, want: 503},
		{name: "failover get", method: "GET", path: "/get/0x" + hex.EncodeToString(comm), faults: `{"failover":true}`, want: 503},
		{name: "random put errors", method: "POST", path: "/put", body: []byte("x"), faults: `{"put_error_rate":1}`, want: 503},
		{name: "random get errors", method: "GET", path: "/get/0x" + hex.EncodeToString(comm), faults: `{"get_error_rate":1}`, want: 503},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.faults != "" {
				f.setFaults(t, tc.faults)
				defer f.setFaults(t, `{}`)
			}
			code, body := f.do(t, tc.method, tc.path, tc.body)
			if code != tc.want {
				t.Fatalf("status %d, want %d (%s)", code, tc.want, truncate(body))
			}
			if tc.check != nil {
				tc.check(t, body)
			}
		})
	}
}

func truncate(b []byte) string {
	if len(b) > 200 {
		b = b[:200]
	}
	return string(b)
}

// TestOversizeNotRead sends a body that declares a huge length but never
// arrives: the server must answer 413 from the header alone.
func TestOversizeNotRead(t *testing.T) {
	f := newFixture(t)
	pr, pw := io.Pipe()
	defer pw.Close()
	req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/put", pr)
	req.ContentLength = 1 << 40
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// A chunked body (no declared length) is cut off at the limit.
	code, _ := f.do(t, http.MethodPost, "/put", nil)
	if code != http.StatusOK {
		t.Fatalf("empty put: %d", code)
	}
	chunked, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/put", io.MultiReader(bytes.NewReader(make([]byte, codec.MaxPayloadSize)), strings.NewReader("!")))
	chunked.ContentLength = -1
	resp, err = http.DefaultClient.Do(chunked)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("chunked oversize: %d", resp.StatusCode)
	}
}

// TestCorruptStoreIs500: a stored blob damaged on disk is an internal
// error, never served and never blamed on the cert.
func TestCorruptStoreIs500(t *testing.T) {
	f := newFixture(t)
	comm := f.put(t, []byte("will be damaged"))
	files, err := filepath.Glob(filepath.Join(f.dir, "blobs", "??", "*"))
	if err != nil || len(files) != 1 {
		t.Fatalf("stored files: %v %v", files, err)
	}
	b, _ := os.ReadFile(files[0])
	b[len(b)/2] ^= 0xff
	if err := os.WriteFile(files[0], b, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, body := f.do(t, http.MethodGet, "/get/0x"+hex.EncodeToString(comm), nil); code != http.StatusInternalServerError {
		t.Fatalf("status %d (%s)", code, truncate(body))
	}
}

func TestAdminFaults(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		body string
		want int
	}{
		{`{"put_latency":"5ms","get_error_rate":0.5}`, 200},
		{`{"put_error_rate":2}`, 400},
		{`{"put_latency":5}`, 400},
		{`{"bogus":true}`, 400},
		{`not json`, 400},
	} {
		if code, b := f.do(t, http.MethodPost, "/admin/faults", []byte(tc.body)); code != tc.want {
			t.Fatalf("%s: %d %s", tc.body, code, b)
		}
	}
	code, b := f.do(t, http.MethodGet, "/admin/faults", nil)
	var cfg faults.Config
	if code != 200 || json.Unmarshal(b, &cfg) != nil || cfg.GetErrorRate != 0.5 {
		t.Fatalf("get faults: %d %s", code, b)
	}
	// Bad input changed nothing.
	if cfg.PutErrorRate != 0 {
		t.Fatal("a rejected config was applied")
	}
}
