package orchestrator

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// Readiness limits: a child that does not answer within this time fails
// the start with its log tail.
const childReadyTimeout = 90 * time.Second

// l2ELSpec is one paichain execution client (sequencer or verifier).
type l2ELSpec struct {
	name     string // "l2-sequencer" / "l2-verifier"
	dataDir  string
	rpcPort  int
	authPort int
	extra    []string
}

// l2ELArgs is the `paichain node` command line of an L2 execution client:
// loopback listeners, full sync driven by op-node over the Engine API, no
// peers (the verifier derives from L1 + DA, not from the sequencer's p2p),
// and an archive so outputs and withdrawal proofs work at any height.
func l2ELArgs(s l2ELSpec, jwtPath string) []string {
	apis := "eth,net,web3,debug,txpool,admin,miner"
	port := strconv.Itoa(s.rpcPort)
	args := []string{
		"node",
		"--datadir", s.dataDir,
		"--syncmode", "full", "--gcmode", "archive", "--state.scheme", "hash",
		// geth's 4 GB default cache is sized for mainnet; a devnet chain
		// is tiny, and two clients share a small host.
		"--cache", "256",
		"--http", "--http.addr", "127.0.0.1", "--http.port", port, "--http.api", apis,
		"--ws", "--ws.addr", "127.0.0.1", "--ws.port", port, "--ws.api", apis,
		"--authrpc.addr", "127.0.0.1", "--authrpc.port", strconv.Itoa(s.authPort), "--authrpc.jwtsecret", jwtPath,
		"--nodiscover", "--maxpeers", "0", "--port", "0", "--ipcdisable",
		"--verbosity", "3",
	}
	return append(args, s.extra...)
}

// initL2 writes the L2 genesis into a fresh datadir. An existing datadir
// keeps its chain; startL2 checks its genesis hash.
func initL2(bin, logPath, dataDir, genesisPath string) error {
	if _, err := os.Stat(filepath.Join(dataDir, "paichain", "chaindata")); err == nil {
		return nil
	}
	lf, err := openLog(logPath)
	if err != nil {
		return err
	}
	defer lf.Close()
	args := []string{"node", "init", "--datadir", dataDir, "--state.scheme", "hash", genesisPath}
	fmt.Fprintf(lf, "\n=== %s: %s %s\n", time.Now().Format(time.RFC3339), bin, strings.Join(args, " "))
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("paichain node init %s: %w (log: %s)%s", dataDir, err, logPath, logTail(logPath))
	}
	return nil
}

// waitL2 waits until the execution client answers on its RPC with the
// expected genesis block.
func waitL2(ctx context.Context, c *child, url, dataDir string, genesis common.Hash) error {
	return waitFor(ctx, c, childReadyTimeout, func(ctx context.Context) error {
		cl, err := rpc.DialContext(ctx, url)
		if err != nil {
			return err
		}
		defer cl.Close()
		h, err := ethclient.NewClient(cl).HeaderByNumber(ctx, common.Big0)
		if err != nil {
			return err
		}
		if h.Hash() != genesis {
			return permanent(fmt.Errorf("%s has genesis %s, but the rollup config's L2 genesis is %s: %s belongs to another chain (remove the data dir or start with --reset)", c.name, h.Hash(), genesis, dataDir))
		}
		return nil
	})
}

// waitHTTP waits for GET url to answer 200.
func waitHTTP(ctx context.Context, c *child, url string) error {
	return waitFor(ctx, c, childReadyTimeout, func(ctx context.Context) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return permanent(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		return nil
	})
}

// permanentError stops waitFor retrying.
type permanentError struct{ error }

func permanent(err error) error { return permanentError{err} }

// waitFor polls check until it succeeds, fails permanently, the child (if
// any) exits, or timeout passes. Errors carry the child's log tail.
func waitFor(ctx context.Context, c *child, timeout time.Duration, check func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		attempt, cancelAttempt := context.WithTimeout(ctx, 5*time.Second)
		last = check(attempt)
		cancelAttempt()
		var perm permanentError
		switch {
		case last == nil:
			return nil
		case errors.As(last, &perm):
			return perm.error
		}
		if c != nil && c.exited() {
			return fmt.Errorf("%w%s", c.exitError(), logTail(c.logPath))
		}
		select {
		case <-ctx.Done():
			if c != nil {
				return fmt.Errorf("%s not ready after %s: %v (log: %s)%s", c.name, timeout, last, c.logPath, logTail(c.logPath))
			}
			return fmt.Errorf("not ready after %s: %v", timeout, last)
		case <-tick.C:
		}
	}
}

// logTail returns the last lines of a log, indented, for error messages.
func logTail(path string) string {
	const maxLines, maxBytes = 12, 4096
	b, err := os.ReadFile(path)
	if err != nil || len(b) == 0 {
		return ""
	}
	if len(b) > maxBytes {
		b = b[len(b)-maxBytes:]
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > maxLines {
		lines = lines[len(lines)-maxLines:]
	}
	return "\n  last lines of the log:\n    " + strings.Join(lines, "\n    ")
}

// nodeSupports reports whether `paichain node` takes the flag (features that
// land in the node while the devnet already runs without them).
func nodeSupports(bin, flag string) bool {
	out, err := exec.Command(bin, "node", "--help").CombinedOutput()
	return err == nil && strings.Contains(string(out), "--"+flag)
}

// writeKey stores a hex private key in geth's key file format (hex, no 0x)
// with owner-only permissions.
func writeKey(path, hexKey string) error {
	k, err := crypto.HexToECDSA(strings.TrimPrefix(hexKey, "0x"))
	if err != nil {
		return fmt.Errorf("key %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("key %s: %w", path, err)
	}
	if err := crypto.SaveECDSA(path, k); err != nil {
		return fmt.Errorf("key %s: %w", path, err)
	}
	return nil
}
