package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/paichain/paichain/internal/testutil"
)

// devAccount is geth's --dev developer account (its key is public), which
// `paichain node --dev` imports into a fresh keystore and unlocks.
const (
	devAccount = "0x71562b71999873DB5b286dF957af199Ec94617F7"
	registry   = "0x0000000000000000000000000000000000000A01"
	// An address that owns no model, for a call by a non-owner.
	stranger = "0x000000000000000000000000000000000000dEaD"
)

// TestDevNodeWithCast is the new-user walkthrough of docs/node.md: build
// bin/paichain, start `paichain node --dev --http` on a free loopback port
// with a fresh datadir, register a model with Foundry's cast from the
// unlocked dev account, read it back, see decoded custom errors, and stop
// the node with SIGINT.
func TestDevNodeWithCast(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a node")
	}
	cast := testutil.ToolFile(t, ".bin/cast")
	bin := paichainBinary(t)

	httpPort, authPort := freePort(t), freePort(t)
	var logs bytes.Buffer
	node := exec.Command(bin, "node", "--dev", "--http", "--http.addr", "127.0.0.1", "--http.port", httpPort,
		"--authrpc.port", authPort, "--ipcdisable", "--datadir", t.TempDir())
	node.Stdout, node.Stderr = &logs, &logs
	if err := node.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- node.Wait() }()
	stopped := false
	defer func() {
		if !stopped {
			node.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("node log:\n%s", logs.String())
		}
	}()
	url := "http://127.0.0.1:" + httpPort
	waitForRPC(t, url, exited)

	run := func(args ...string) (string, error) {
		if args[0] != "decode-error" {
			args = append(args, "--rpc-url", url)
		}
		cmd := exec.Command(cast, args...)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "NO_COLOR=1")
		out, err := cmd.CombinedOutput()
		t.Logf("cast %s\n%s", strings.Join(args, " "), out)
		return strings.TrimSpace(string(out)), err
	}
	weights := "0x" + strings.Repeat("01", 32)
	out, err := run("send", registry, "registerModel(string,bytes32,string)", "llama", weights, "ipfs://x",
		"--from", devAccount, "--unlocked")
	if err != nil || !regexp.MustCompile(`status\s+1 \(success\)`).MatchString(out) {
		t.Fatalf("cast send registerModel: %v\n%s", err, out)
	}
	if out, err := run("call", registry, "modelCount()(uint256)"); err != nil || out != "1" {
		t.Fatalf("cast call modelCount: %q, %v", out, err)
	}
	out, err = run("call", registry, "getModel(uint256)((address,bytes32,uint256,uint64,string,string))", "1")
	if err != nil || !strings.Contains(out, devAccount) || !strings.Contains(out, `"llama"`) {
		t.Fatalf("cast call getModel(1): %q, %v", out, err)
	}

	// The paichain_ namespace is served over HTTP by default; a replica
	// (no --sequencer.sidecar) tracks no inferences.
	if out, err := run("rpc", "paichain_pendingInferences"); err != nil || out != "[]" {
		t.Fatalf("cast rpc paichain_pendingInferences: %q, %v", out, err)
	}
	if out, err := run("rpc", "paichain_getModel", "1"); err != nil || !strings.Contains(out, `"llama"`) {
		t.Fatalf("cast rpc paichain_getModel 1: %q, %v", out, err)
	}

	// Failing calls: the node names the custom error in the RPC error
	// (patch 0002), and the revert data still carries it for
	// `cast decode-error`.
	for _, tc := range []struct {
		args   []string
		reason string
		sig    string
		want   string
	}{
		{[]string{"call", registry, "getModel(uint256)", "99"}, "UnknownModel(99)", "UnknownModel(uint256)", "99"},
		{[]string{"call", registry, "setModelPrice(uint256,uint256)", "1", "5", "--from", stranger}, "NotOwner()", "NotOwner()", ""},
		{[]string{"send", registry, "setModelPrice(uint256,uint256)", "99", "5", "--from", devAccount, "--unlocked"}, "UnknownModel(99)", "UnknownModel(uint256)", "99"},
	} {
		out, err := run(tc.args...)
		if err == nil {
			t.Fatalf("cast %v succeeded: %s", tc.args, out)
		}
		i := strings.Index(out, "execution reverted")
		if i < 0 {
			t.Fatalf("cast %v: no revert in %q", tc.args, out)
		}
		if !strings.Contains(out, "execution reverted: "+tc.reason) {
			t.Fatalf("cast %v: error does not name %s: %q", tc.args, tc.reason, out)
		}
		data := regexp.MustCompile(`0x[0-9a-fA-F]{8,}`).FindString(out[i:])
		if data == "" {
			t.Fatalf("cast %v: no revert data in %q", tc.args, out)
		}
		dec, err := run("decode-error", "--sig", tc.sig, data)
		if err != nil || dec != tc.want {
			t.Fatalf("cast decode-error --sig %s %s = %q, %v; want %q", tc.sig, data, dec, err, tc.want)
		}
	}

	// A clean shutdown on SIGINT.
	if err := node.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		stopped = true
		if err != nil {
			t.Fatalf("node exited with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("node did not stop within 30 s of SIGINT")
	}
}

func waitForRPC(t *testing.T, url string, exited <-chan error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	body := `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("node exited before serving RPC: %v", err)
		case <-ctx.Done():
			t.Fatal("node RPC not up within 60 s")
		case <-time.After(200 * time.Millisecond):
		}
	}
}
