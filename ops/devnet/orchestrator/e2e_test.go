package orchestrator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStartRestart brings a whole devnet up in this process, checks that
// the verifier derives L2 blocks, stops it, and starts it again from the
// same data dir: same genesis, the chain continues, ports and pid file
// released in between. It needs bin/paichain (`make build`) and the devnet
// build (`make devnet-deps`) and takes one to two minutes, so it runs only
// with PAICHAIN_DEVNET_E2E=1 (the CI smoke test, ops/devnet/smoke, covers
// the system itself).
func TestStartRestart(t *testing.T) {
	if os.Getenv("PAICHAIN_DEVNET_E2E") == "" {
		t.Skip("set PAICHAIN_DEVNET_E2E=1 to run (needs `make build devnet-deps`, 1-2 min)")
	}
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	ports, err := FreePorts()
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.DataDir = t.TempDir()
	cfg.Paichain = filepath.Join(root, "bin", "paichain")
	cfg.ArtifactsDir = filepath.Join(root, "build", "contracts-bedrock", "forge-artifacts")
	cfg.Ports = ports
	cfg.Progress = testLog{t}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	d, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if s := d.Summary(); !strings.Contains(s, d.Endpoints.L2VerifierRPC) || !strings.Contains(s, d.BatcherKey.PrivateKey) {
		t.Errorf("summary lacks endpoints or keys:\n%s", s)
	}
	if d.Endpoints.Inference == "" {
		t.Errorf("inference sidecar not running: %s", d.Sidecar)
	}
	// The verifier has no p2p: any block it holds was derived from L1 + DA.
	if err := waitBlock(ctx, nil, d.Endpoints.L2VerifierRPC, 1, 2*time.Minute); err != nil {
		t.Fatalf("verifier derived nothing: %v", err)
	}
	head, err := blockNumber(ctx, d.Endpoints.L2SequencerRPC)
	if err != nil {
		t.Fatal(err)
	}
	genesis := d.Rollup.Genesis.L2.Hash
	if p, err := ReadPidFile(cfg.DataDir); err != nil || !p.Ready || len(p.Children) < 4 {
		t.Fatalf("pid file of a running devnet: %+v, %v", p, err)
	}
	if err := d.Stop(context.Background()); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if d.Err() != nil {
		t.Fatalf("a component failed before stop: %v", d.Err())
	}
	if _, err := ReadPidFile(cfg.DataDir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("pid file after stop: %v", err)
	}
	if err := checkPorts(cfg.Ports); err != nil {
		t.Fatalf("ports after stop: %v", err)
	}

	d, err = Start(ctx, cfg)
	if err != nil {
		t.Fatalf("restart: %v", err)
	}
	defer d.Stop(context.Background())
	if d.Rollup.Genesis.L2.Hash != genesis {
		t.Fatalf("restart made a new genesis %s (was %s)", d.Rollup.Genesis.L2.Hash, genesis)
	}
	if d.FirstBlock <= head {
		t.Fatalf("restart produced block %d, the chain was at %d before", d.FirstBlock, head)
	}
}

// testLog sends progress lines to the test log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
