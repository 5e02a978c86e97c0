package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/paichain/paichain/internal/testutil"
)

// binDir holds the paichain binary that the walkthrough tests build once and
// share; TestMain removes it.
var (
	binDir   string
	binOnce  sync.Once
	binPath  string
	binError error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "paichain-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// paichainBinary builds bin/paichain from the repository once per test run,
// as a new user would with `make build`, and returns its path.
func paichainBinary(t *testing.T) string {
	t.Helper()
	root := testutil.RepoRoot(t)
	binOnce.Do(func() {
		bin := filepath.Join(binDir, "paichain")
		build := exec.Command("go", "build", "-o", bin, "./cmd/paichain")
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			binError = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		binPath = bin
	})
	if binError != nil {
		t.Fatal(binError)
	}
	return binPath
}

// freePort returns a loopback TCP port that was free a moment ago.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}
