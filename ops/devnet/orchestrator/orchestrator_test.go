package orchestrator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum-optimism/optimism/op-batcher/batcher"
	batcherflags "github.com/ethereum-optimism/optimism/op-batcher/flags"
	proposerflags "github.com/ethereum-optimism/optimism/op-proposer/flags"
	"github.com/ethereum-optimism/optimism/op-proposer/proposer"
	"github.com/urfave/cli/v2"
)

func TestPorts(t *testing.T) {
	def := DefaultPorts()
	off := def.Offset(1000)
	if off.L1RPC != def.L1RPC+1000 || off.Inference != def.Inference+1000 || def.L1RPC != 8545 {
		t.Fatalf("Offset: %+v from %+v", off, def)
	}
	free, err := FreePorts()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, f := range free.fields() {
		if *f.port == 0 || seen[*f.port] {
			t.Fatalf("FreePorts gave %s port %d twice or zero: %+v", f.name, *f.port, free)
		}
		seen[*f.port] = true
	}
	if err := checkPorts(free); err != nil {
		t.Fatalf("free ports reported busy: %v", err)
	}
	// A listener on one of them must be reported with its component.
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", free.DA))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	err = checkPorts(free)
	if err == nil || !strings.Contains(err.Error(), "DA server") || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("busy DA port: err = %v", err)
	}
}

func TestConfigCheck(t *testing.T) {
	tests := []struct {
		name    string
		mod     func(*Config)
		wantErr string
	}{
		{"default", func(*Config) {}, ""},
		{"no data dir", func(c *Config) { c.DataDir = "" }, "no data dir"},
		{"same chain ids", func(c *Config) { c.L2ChainID = c.L1ChainID }, "distinct"},
		{"zero chain id", func(c *Config) { c.L1ChainID = 0 }, "distinct and non-zero"},
		{"shared port", func(c *Config) { c.Ports.DA = c.Ports.L1RPC }, "share port 8545"},
		{"port out of range", func(c *Config) { c.Ports.Inference = 70000 }, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.mod(&cfg)
			err := cfg.check()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !filepath.IsAbs(cfg.DataDir) || !filepath.IsAbs(cfg.Paichain) || cfg.Progress == nil {
					t.Fatalf("check left relative paths or no progress writer: %+v", cfg)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestCheckBinary(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "exe")
	plain := filepath.Join(dir, "plain")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, wantErr string }{
		{exe, ""},
		{filepath.Join(dir, "missing"), "not found: run `make build`"},
		{plain, "not an executable"},
		{dir, "not an executable"},
	} {
		err := checkBinary(tt.path, "build")
		if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("checkBinary(%s) = %v, want %q", tt.path, err, tt.wantErr)
		}
	}
}

// TestListenersLoopback checks that every listener the devnet configures,
// in process or in a child, binds 127.0.0.1.
func TestListenersLoopback(t *testing.T) {
	p := DefaultPorts()
	c := &chain{dir: "/g"}
	keys, err := newDevKeys(900)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string][]string{
		"l2":        l2ELArgs(l2ELSpec{dataDir: "/d", rpcPort: p.SeqRPC, authPort: p.SeqAuth}, "/jwt"),
		"op-node":   opNodeArgs(true, c, p, "/jwt", "/safedb", "http://127.0.0.1:3100"),
		"op-batch":  batcherArgs(p, keys, "http://127.0.0.1:3100"),
		"op-propos": proposerArgs(p, keys, "0x0000000000000000000000000000000000000001"),
	}
	for name, args := range lists {
		addrs := 0
		for i, a := range args {
			flag, val, ok := strings.Cut(a, "=")
			if !ok && i+1 < len(args) {
				val = args[i+1]
			}
			if strings.HasSuffix(flag, ".addr") {
				addrs++
				if val != "127.0.0.1" {
					t.Errorf("%s: %s = %q, want 127.0.0.1", name, flag, val)
				}
			}
			if strings.HasPrefix(val, "http://") && !strings.HasPrefix(val, "http://127.0.0.1:") {
				t.Errorf("%s: %s points off loopback: %s", name, flag, val)
			}
		}
		if addrs == 0 {
			t.Errorf("%s: no listen address flags in %v", name, args)
		}
	}
}

// TestServiceFlagsParse runs the batcher's and proposer's argument lists
// through upstream's own flag parsers and config checks: a renamed or
// mistyped flag fails here rather than at devnet start.
func TestServiceFlagsParse(t *testing.T) {
	p, err := FreePorts()
	if err != nil {
		t.Fatal(err)
	}
	keys, err := newDevKeys(900)
	if err != nil {
		t.Fatal(err)
	}
	var bcfg *batcher.CLIConfig
	err = parseFlags("op-batcher", batcherflags.Flags, batcherArgs(p, keys, "http://127.0.0.1:3100"), func(c *cli.Context) error {
		if err := batcherflags.CheckRequired(c); err != nil {
			return err
		}
		bcfg = batcher.NewConfig(c)
		return bcfg.Check()
	})
	if err != nil {
		t.Fatalf("batcher: %v", err)
	}
	if !bcfg.AltDA.Enabled || !bcfg.AltDA.GenericDA || bcfg.DataAvailabilityType != batcherflags.CalldataType || bcfg.TxMgrConfig.NumConfirmations != 1 {
		t.Fatalf("batcher config: %+v", bcfg)
	}
	var pcfg *proposer.CLIConfig
	err = parseFlags("op-proposer", proposerflags.Flags, proposerArgs(p, keys, "0x0000000000000000000000000000000000000001"), func(c *cli.Context) error {
		if err := proposerflags.CheckRequired(c); err != nil {
			return err
		}
		pcfg = proposer.NewConfig(c)
		return pcfg.Check()
	})
	if err != nil {
		t.Fatalf("proposer: %v", err)
	}
	if pcfg.DisputeGameType != superPermissionedGameType || len(pcfg.SuperRootRpcs) != 1 {
		t.Fatalf("proposer config: %+v", pcfg)
	}
	// A bad flag is an error, not a silently ignored argument.
	err = parseFlags("op-batcher", batcherflags.Flags, []string{"--no-such-flag"}, func(*cli.Context) error { return nil })
	if err == nil {
		t.Fatal("unknown flag accepted")
	}
}

func TestChildStop(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		script  string
		wantErr string
	}{
		// The scripts print "up2", which their own text (logged first) lacks.
		{"exits on SIGTERM", `echo up$((1+1)); exec sleep 30`, ""},
		{"killed after ignoring SIGTERM", `trap "" TERM; echo up$((1+1)); while :; do sleep 0.1; done`, "ignored SIGTERM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logPath := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".log")
			c, err := startChild("test", logPath, "/bin/sh", "-c", tt.script)
			if err != nil {
				t.Fatal(err)
			}
			// Wait for the script to be running (its trap installed).
			if err := waitFor(context.Background(), c, 10*time.Second, func(context.Context) error {
				b, _ := os.ReadFile(logPath)
				if !strings.Contains(string(b), "up2") {
					return errors.New("not started")
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			err = c.stop(500 * time.Millisecond)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("stop = %v, want %q", err, tt.wantErr)
			}
			if !c.exited() || time.Since(start) > 5*time.Second {
				t.Fatalf("child still running after stop (%s)", time.Since(start))
			}
			if c.unexpected() {
				t.Fatal("a stopped child counts as an unexpected exit")
			}
			b, _ := os.ReadFile(logPath)
			if !strings.Contains(string(b), "=== ") || !strings.Contains(string(b), "up2") {
				t.Fatalf("log lacks the command line or output: %q", b)
			}
		})
	}
}

func TestWaitForChildExit(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "x.log")
	c, err := startChild("crasher", logPath, "/bin/sh", "-c", "echo 'fatal: bad config'; exit 3")
	if err != nil {
		t.Fatal(err)
	}
	err = waitFor(context.Background(), c, 10*time.Second, func(context.Context) error { return errors.New("not yet") })
	if err == nil || !strings.Contains(err.Error(), "crasher") || !strings.Contains(err.Error(), "exit status 3") ||
		!strings.Contains(err.Error(), "fatal: bad config") || !strings.Contains(err.Error(), logPath) {
		t.Fatalf("err = %v, want the exit status, log path and log tail", err)
	}
	if !c.unexpected() {
		t.Fatal("an exit nobody asked for is not unexpected")
	}
	// A permanent error ends the wait at once.
	start := time.Now()
	err = waitFor(context.Background(), nil, time.Minute, func(context.Context) error { return permanent(errors.New("wrong genesis")) })
	if err == nil || err.Error() != "wrong genesis" || time.Since(start) > time.Second {
		t.Fatalf("permanent: %v after %s", err, time.Since(start))
	}
}

// sleeper starts a process that sleeps, for pid file tests; its exit
// status arrives on the returned channel (it is reaped at once, as a
// devnet's processes are by their own parents).
func sleeper(t *testing.T) (int, <-chan error) {
	t.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd.Process.Pid, done
}

func TestPidFile(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadPidFile(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("no pid file: %v", err)
	}
	if err := claimPidFile(dir); err != nil {
		t.Fatal(err)
	}
	p, err := ReadPidFile(dir)
	if err != nil || p.PID != os.Getpid() || !Running(p) || p.Ready {
		t.Fatalf("claimed pid file: %+v, %v", p, err)
	}
	// Held by a live process running the recorded program: refused.
	other, _ := sleeper(t)
	if err := writeJSONFile(pidFilePath(dir), PidFile{PID: other, Command: "sleep"}); err != nil {
		t.Fatal(err)
	}
	if err := claimPidFile(dir); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("claim over a live devnet: %v", err)
	}
	// The same pid recorded for another program (pid reuse): taken over.
	if err := writeJSONFile(pidFilePath(dir), PidFile{PID: other, Command: "paichain-devnet"}); err != nil {
		t.Fatal(err)
	}
	if err := claimPidFile(dir); err != nil {
		t.Fatalf("claim over a reused pid: %v", err)
	}
	// Garbage from a crash: replaced.
	if err := os.WriteFile(pidFilePath(dir), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := claimPidFile(dir); err != nil {
		t.Fatalf("claim over a corrupt file: %v", err)
	}
}

func TestDown(t *testing.T) {
	dir := t.TempDir()
	ran, err := Down(dir, time.Second, func(string) {})
	if ran || err != nil {
		t.Fatalf("Down without a devnet: %v, %v", ran, err)
	}
	orch, orchDone := sleeper(t)
	child, childDone := sleeper(t)
	if err := writeJSONFile(pidFilePath(dir), PidFile{
		PID: orch, Command: "sleep",
		Children: map[string]int{"l2-sequencer": child}, ChildCommand: "sleep",
	}); err != nil {
		t.Fatal(err)
	}
	var said []string
	ran, err = Down(dir, 5*time.Second, func(s string) { said = append(said, s) })
	if !ran || err != nil {
		t.Fatalf("Down: %v, %v", ran, err)
	}
	for _, done := range []<-chan error{orchDone, childDone} {
		if err := <-done; err == nil || !strings.Contains(err.Error(), "terminated") {
			t.Errorf("%v, want terminated by SIGTERM", err)
		}
	}
	if len(said) != 2 {
		t.Errorf("messages: %q", said)
	}
	if _, err := os.Stat(pidFilePath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("pid file left: %v", err)
	}
	// Our own process is never signalled.
	if err := writeJSONFile(pidFilePath(dir), PidFile{PID: os.Getpid(), Command: self()}); err != nil {
		t.Fatal(err)
	}
	if _, err := Down(dir, time.Second, func(string) {}); err == nil {
		t.Fatal("Down signalled its own process")
	}
}

func TestEnsureGenesisRefusesOrphanChainData(t *testing.T) {
	dirs := dataDirs(t.TempDir())
	if dirs.hasChainData() {
		t.Fatal("empty data dir has chain data")
	}
	if err := os.MkdirAll(dirs.l1, 0o755); err != nil {
		t.Fatal(err)
	}
	if !dirs.hasChainData() {
		t.Fatal("L1 dir not seen")
	}
	prog := newProgress(io.Discard)
	gcfg, err := GenesisConfig(filepath.Join(t.TempDir(), "no-artifacts"), 900, 901, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(gcfg.L1Prefund) < 10 {
		t.Fatalf("L1 prefund covers %d accounts", len(gcfg.L1Prefund))
	}
	_, _, err = ensureGenesis(context.Background(), dirs.genesis, true, gcfg, prog)
	if err == nil || !strings.Contains(err.Error(), "holds chain data") {
		t.Fatalf("err = %v", err)
	}
	// A fresh dir without artifacts names the make target.
	_, _, err = ensureGenesis(context.Background(), dirs.genesis, false, gcfg, prog)
	if err == nil || !strings.Contains(err.Error(), "make devnet-deps") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(dirs.genesis); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a failed generation left %s: %v", dirs.genesis, err)
	}
}

func TestUsage(t *testing.T) {
	if got := parseKB(" 1234 kB"); got != 1234<<10 {
		t.Fatalf("parseKB = %d", got)
	}
	if got := parseKB("junk"); got != 0 {
		t.Fatalf("parseKB(junk) = %d", got)
	}
	// Burn some CPU so that our own CPU time is visible.
	deadline := time.Now().Add(50 * time.Millisecond)
	for x := 0; time.Now().Before(deadline); x++ {
		_ = x * x
	}
	procs := map[string]int{"self": os.Getpid(), "gone": 1 << 30}
	u := SampleUsage(procs)
	if len(u) != 1 || u[0].Name != "self" || u[0].RSS == 0 || u[0].PeakRSS < u[0].RSS || u[0].CPU <= 0 {
		t.Fatalf("usage: %+v", u)
	}
	later := []ProcUsage{u[0]}
	later[0].CPU += 500 * time.Millisecond
	out := FormatUsage(u, later, time.Second)
	if !strings.Contains(out, "self") || !strings.Contains(out, "50.0") || !strings.Contains(out, "total") {
		t.Fatalf("FormatUsage:\n%s", out)
	}
}

func TestLatencySummary(t *testing.T) {
	l := &Latency{
		Included: []time.Duration{3 * time.Second, time.Second, 2 * time.Second},
		Derived:  []time.Duration{6 * time.Second, 4 * time.Second, 5 * time.Second},
	}
	want := "3 txs: included min 1.00s median 2.00s max 3.00s; derived by verifier min 4.00s median 5.00s max 6.00s"
	if got := l.Summary(); got != want {
		t.Fatalf("Summary = %q", got)
	}
}

func TestIsDataDir(t *testing.T) {
	dir := t.TempDir()
	if IsDataDir(dir) {
		t.Fatal("empty dir taken for a data dir")
	}
	if err := os.WriteFile(filepath.Join(dir, "l1"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if IsDataDir(dir) {
		t.Fatal("a file named l1 taken for chain data")
	}
	if err := os.MkdirAll(filepath.Join(dir, "logs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if !IsDataDir(dir) {
		t.Fatal("logs/ not recognised")
	}
}
