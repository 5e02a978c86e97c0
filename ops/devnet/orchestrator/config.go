package orchestrator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"

	"github.com/ethereum-optimism/optimism/op-batcher/batcher"
	"github.com/ethereum/go-ethereum/log"
)

// Ports are the devnet's TCP listeners, all on 127.0.0.1. Every HTTP
// JSON-RPC port of an execution client also serves WebSocket.
type Ports struct {
	L1RPC     int // L1 execution JSON-RPC (HTTP + WS)
	L1Auth    int // L1 Engine API (used in-process by the block producer; bound for completeness)
	L1Beacon  int // L1 beacon API stub
	SeqRPC    int // L2 sequencer execution client JSON-RPC (HTTP + WS)
	SeqAuth   int // L2 sequencer Engine API
	VerRPC    int // L2 verifier execution client JSON-RPC (HTTP + WS)
	VerAuth   int // L2 verifier Engine API
	SeqNode   int // op-node (sequencer) RPC
	VerNode   int // op-node (verifier) RPC
	Batcher   int // op-batcher admin RPC
	Proposer  int // op-proposer RPC
	DA        int // paichain da serve (Alt-DA)
	Inference int // paichain infer (OpenAI-compatible API)
}

// DefaultPorts are the documented devnet ports (docs/devnet.md).
func DefaultPorts() Ports {
	return Ports{
		L1RPC: 8545, L1Auth: 8551, L1Beacon: 5052,
		SeqRPC: 9545, SeqAuth: 9551, VerRPC: 9546, VerAuth: 9552,
		SeqNode: 7545, VerNode: 7546, Batcher: 7547, Proposer: 7548,
		DA: 3100, Inference: 8000,
	}
}

// Offset returns p with n added to every port (several devnets on one host).
func (p Ports) Offset(n int) Ports {
	for _, f := range p.fields() {
		*f.port += n
	}
	return p
}

// FreePorts picks unused loopback ports for every listener (tests). A port
// could be taken between the pick and the bind; Start then fails with
// "in use".
func FreePorts() (Ports, error) {
	var p Ports
	var held []net.Listener
	defer func() {
		for _, l := range held {
			l.Close()
		}
	}()
	for _, f := range p.fields() {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return Ports{}, fmt.Errorf("orchestrator: free port: %w", err)
		}
		held = append(held, l)
		*f.port = l.Addr().(*net.TCPAddr).Port
	}
	return p, nil
}

type portField struct {
	name string
	port *int
}

// fields lists the ports with the component each belongs to, for error
// messages.
func (p *Ports) fields() []portField {
	return []portField{
		{"L1 RPC", &p.L1RPC}, {"L1 Engine API", &p.L1Auth}, {"L1 beacon API", &p.L1Beacon},
		{"L2 sequencer RPC", &p.SeqRPC}, {"L2 sequencer Engine API", &p.SeqAuth},
		{"L2 verifier RPC", &p.VerRPC}, {"L2 verifier Engine API", &p.VerAuth},
		{"op-node sequencer RPC", &p.SeqNode}, {"op-node verifier RPC", &p.VerNode},
		{"op-batcher RPC", &p.Batcher}, {"op-proposer RPC", &p.Proposer},
		{"DA server", &p.DA}, {"inference API", &p.Inference},
	}
}

// BatcherSetup adjusts the in-process op-batcher before it is built: cfg is
// the parsed op-batcher configuration (cfg.AltDA.DAServerURL, ...) and the
// returned driver options replace parts of its driver setup (for instance the
// Alt-DA client or the tx manager). cleanup, when non-nil, runs at Stop after
// the batcher has stopped.
type BatcherSetup func(ctx context.Context, cfg *batcher.CLIConfig, lg log.Logger) (opts []batcher.DriverSetupOption, cleanup func(), err error)

// Config describes one devnet.
type Config struct {
	// DataDir holds everything the devnet writes: genesis, chain data, logs,
	// keys, the pid file. Reused across restarts.
	DataDir string
	// Paichain is the paichain binary (`make build`): L2 execution clients,
	// DA server and inference sidecar run as its child processes.
	Paichain string
	// ArtifactsDir is contracts-bedrock's forge-artifacts directory (`make
	// devnet-deps`), read only when the data dir has no genesis yet.
	ArtifactsDir string
	Ports        Ports
	// L1ChainID and L2ChainID apply to a fresh data dir only.
	L1ChainID, L2ChainID uint64
	// DABackend is `paichain da serve --backend`: devnet (default) or
	// eigenda; DAArgs are extra flags for it (e.g. --eigenda.* flags).
	DABackend string
	DAArgs    []string
	// Inference starts the inference sidecar with the seeded demo model.
	Inference bool
	// BatcherSetup, when set, adjusts the op-batcher (see BatcherSetup).
	BatcherSetup BatcherSetup
	// Progress receives one line per start-up step; nil discards them.
	Progress io.Writer
	// RootLog routes go-ethereum's process-wide logger (which the in-process
	// L1 node writes to) into logs/l1.log and the standard library's into
	// logs/misc.log. It replaces global loggers, so only a program that owns
	// the process (the CLI) should set it.
	RootLog bool
}

// DefaultConfig is the configuration `paichain-devnet up` starts from.
func DefaultConfig() Config {
	return Config{
		DataDir:      "build/devnet/data",
		Paichain:     "bin/paichain",
		ArtifactsDir: "build/contracts-bedrock/forge-artifacts",
		Ports:        DefaultPorts(),
		L1ChainID:    900,
		L2ChainID:    901,
		DABackend:    "devnet",
		Inference:    true,
	}
}

// check validates cfg and makes its paths absolute (children run in other
// directories).
func (cfg *Config) check() error {
	if cfg.DataDir == "" {
		return errors.New("orchestrator: no data dir")
	}
	if cfg.L1ChainID == 0 || cfg.L2ChainID == 0 || cfg.L1ChainID == cfg.L2ChainID {
		return fmt.Errorf("orchestrator: chain ids must be distinct and non-zero (L1 %d, L2 %d)", cfg.L1ChainID, cfg.L2ChainID)
	}
	if cfg.DABackend == "" {
		cfg.DABackend = "devnet"
	}
	seen := make(map[int]string)
	for _, f := range cfg.Ports.fields() {
		if *f.port <= 0 || *f.port > 65535 {
			return fmt.Errorf("orchestrator: %s port %d out of range", f.name, *f.port)
		}
		if other, dup := seen[*f.port]; dup {
			return fmt.Errorf("orchestrator: %s and %s share port %d", other, f.name, *f.port)
		}
		seen[*f.port] = f.name
	}
	var err error
	for _, p := range []*string{&cfg.DataDir, &cfg.Paichain, &cfg.ArtifactsDir} {
		if *p == "" {
			continue
		}
		if *p, err = filepath.Abs(*p); err != nil {
			return fmt.Errorf("orchestrator: %w", err)
		}
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	return nil
}

// checkBinary reports a missing or non-executable binary with the make
// target that builds it.
func checkBinary(path, target string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s not found: run `make %s` first", path, target)
	case err != nil:
		return fmt.Errorf("%s: %w", path, err)
	case st.IsDir() || st.Mode()&0o111 == 0:
		return fmt.Errorf("%s is not an executable file: run `make %s`", path, target)
	}
	return nil
}

// checkPorts fails on the first port another process already listens on.
func checkPorts(p Ports) error {
	for _, f := range p.fields() {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *f.port))
		if err != nil {
			return fmt.Errorf("port %d (%s) on 127.0.0.1 is in use: is another devnet running (`paichain devnet down`), or pick other ports with --ports.offset", *f.port, f.name)
		}
		l.Close()
	}
	return nil
}
