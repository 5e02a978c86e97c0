package orchestrator

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum-optimism/optimism/op-service/eth"
	"github.com/ethereum/go-ethereum/rpc"
)

// Running reports whether the pid file's orchestrator is alive.
func Running(p *PidFile) bool { return runs(p.PID, p.Command) }

// Status describes the devnet of dataDir: running or not, and if so every
// endpoint with its chain head or health.
func Status(ctx context.Context, dataDir string) (string, error) {
	p, err := ReadPidFile(dataDir)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Sprintf("no devnet running from %s\n", dataDir), nil
	}
	if err != nil {
		return "", err
	}
	if !Running(p) {
		return fmt.Sprintf("no devnet running from %s (stale pid file of pid %d: it did not stop cleanly; `paichain devnet down` cleans up)\n", dataDir, p.PID), nil
	}
	if !p.Ready {
		return fmt.Sprintf("devnet starting from %s (pid %d, since %s); progress: the terminal that ran `up`, logs: %s\n",
			dataDir, p.PID, p.Started.Format(time.TimeOnly), p.LogDir), nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "devnet running from %s (pid %d, up %s)\n", dataDir, p.PID, time.Since(p.Started).Round(time.Second))
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	e := p.Endpoints
	fmt.Fprintf(w, "  L1\t%s\t%s\n", e.L1RPC, headOf(ctx, e.L1RPC))
	fmt.Fprintf(w, "  L2 sequencer\t%s\t%s\n", e.L2SequencerRPC, syncOf(ctx, e.OpNodeSeqRPC))
	fmt.Fprintf(w, "  L2 verifier\t%s\t%s\n", e.L2VerifierRPC, syncOf(ctx, e.OpNodeVerRPC))
	fmt.Fprintf(w, "  DA server\t%s\t%s\n", e.DAServer, healthOf(ctx, e.DAServer))
	if e.Inference != "" {
		fmt.Fprintf(w, "  inference\t%s\t%s\n", e.Inference, healthOf(ctx, e.Inference))
	}
	fmt.Fprintf(w, "  logs\t%s\t\n", p.LogDir)
	w.Flush()
	return b.String(), nil
}

func headOf(ctx context.Context, url string) string {
	n, err := blockNumber(ctx, url)
	if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprintf("block %d", n)
}

// syncOf is an op-node's view: unsafe, safe and finalized L2 heads.
func syncOf(ctx context.Context, url string) string {
	cl, err := rpc.DialContext(ctx, url)
	if err != nil {
		return "op-node error: " + err.Error()
	}
	defer cl.Close()
	var s eth.SyncStatus
	if err := cl.CallContext(ctx, &s, "optimism_syncStatus"); err != nil {
		return "op-node error: " + err.Error()
	}
	return fmt.Sprintf("unsafe %d, safe %d, finalized %d (L1 %d)", s.UnsafeL2.Number, s.SafeL2.Number, s.FinalizedL2.Number, s.HeadL1.Number)
}

func healthOf(ctx context.Context, url string) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"/health", nil)
	if err != nil {
		return "error: " + err.Error()
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "error: " + err.Error()
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "unhealthy: " + resp.Status
	}
	return "healthy"
}
