package eigenda

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beevik/ntp"

	corev2 "github.com/Layr-Labs/eigenda/core/v2"
)

func TestParseRelays(t *testing.T) {
	tests := []struct {
		in      string
		want    map[corev2.RelayKey]string
		wantErr string
	}{
		{"", map[corev2.RelayKey]string{}, ""},
		{"127.0.0.1:1,127.0.0.1:2", map[corev2.RelayKey]string{0: "127.0.0.1:1", 1: "127.0.0.1:2"}, ""},
		{"3=relay-3.example:443, 9=relay-9.example:443", map[corev2.RelayKey]string{3: "relay-3.example:443", 9: "relay-9.example:443"}, ""},
		{"x=127.0.0.1:1", nil, "bad key"},
		{"1=nohost", nil, "missing port"},
		{"1=a:1,1=b:2", nil, "twice"},
	}
	for _, tt := range tests {
		got, err := ParseRelays(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || len(got) != len(tt.want) {
			t.Errorf("%q: %v, %v", tt.in, got, err)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%q: relay %d = %q, want %q", tt.in, k, got[k], v)
			}
		}
	}
}

func TestLoadSignerKey(t *testing.T) {
	const key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	dir := t.TempDir()
	good := filepath.Join(dir, "key")
	if err := os.WriteFile(good, []byte("0x"+key+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad")
	if err := os.WriteFile(bad, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{key, key, true},
		{"0x" + key, key, true},
		{good, key, true},
		{bad, "", false},
		{key[:62], "", false},
		{filepath.Join(dir, "missing"), "", false},
	} {
		got, err := LoadSignerKey(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("LoadSignerKey(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	base := func() Config {
		return Config{
			Disperser: "127.0.0.1:1",
			Relays:    map[corev2.RelayKey]string{0: "127.0.0.1:2"},
			SignerKey: "k",
			SRSDir:    "/srs",
		}
	}
	tests := []struct {
		name    string
		mod     func(*Config)
		wantErr string
	}{
		{"ok", func(*Config) {}, ""},
		{"no disperser", func(c *Config) { c.Disperser = "" }, "no disperser"},
		{"disperser without port", func(c *Config) { c.Disperser = "host" }, "disperser"},
		{"no key", func(c *Config) { c.SignerKey = "" }, "signer key"},
		{"no relays", func(c *Config) { c.Relays = nil }, "no relays"},
		{"rpc without verifier", func(c *Config) { c.EthRPC = "http://127.0.0.1:8545" }, "cert verifier"},
		{"srs points", func(c *Config) { c.SRSPoints = 3000 }, "power of two"},
		{"no srs", func(c *Config) { c.SRSDir = "" }, "SRS"},
		{"backoff", func(c *Config) { c.Backoff = time.Hour }, "backoff"},
	}
	for _, tt := range tests {
		c := base()
		tt.mod(&c)
		c.setDefaults()
		err := c.validate()
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestBackoffGrowsWithJitter(t *testing.T) {
	b := backoff{base: 10 * time.Millisecond, max: 80 * time.Millisecond}
	for i, ceiling := range []time.Duration{10, 20, 40, 80, 80, 80} {
		for range 50 {
			bb := b
			d := bb.next()
			if d <= 0 || d > ceiling*time.Millisecond {
				t.Fatalf("attempt %d: delay %v outside (0, %v]", i, d, ceiling*time.Millisecond)
			}
		}
		b.next()
	}
}

func TestLocalNTP(t *testing.T) {
	n, err := StartLocalNTP()
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if !strings.HasPrefix(n.Addr(), "127.0.0.1:") {
		t.Fatalf("NTP bound to %s, want loopback", n.Addr())
	}
	resp, err := ntp.QueryWithOptions(n.Addr(), ntp.QueryOptions{Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := resp.Validate(); err != nil {
		t.Fatalf("response fails the client's own validation: %v", err)
	}
	if off := resp.ClockOffset; off > 50*time.Millisecond || off < -50*time.Millisecond {
		t.Fatalf("offset %v from the host clock", off)
	}
	if n.Queries() != 1 {
		t.Fatalf("%d queries counted", n.Queries())
	}
}
