// Package sequencer makes the block builder include inference receipts
// natively. A contract's call to the Inference precompile (0x…0A03) reverts
// with InferenceRequired until a receipt for its request id is in state; the
// sequencer
//
//   - pre-simulates transactions as they enter the pool (watcher.go), with a
//     tracer that catches InferenceRequired even when the calling contract
//     swallows the revert (simulate.go);
//   - dispatches each request to the inference sidecar (inference/server, the
//     OpenAI-compatible HTTP API) asynchronously, with bounded concurrency
//     (dispatch.go, sidecar.go), journaling requests and results so that a
//     crash loses nothing (journal.go);
//   - answers op-geth's miner through the inclusion hook of
//     node/patches/0003: a transaction whose receipts are ready goes into the
//     block right after its receipt transactions (fulfill, signed by the
//     inference signer); one whose inference is still running is held for
//     this block, keeping its sender's nonce order; past the deadline it is
//     included after a failed receipt and reverts with InferenceUnavailable.
//
// Block production never waits on the sidecar: the hook only simulates
// (CPU) and reads what the dispatcher has finished. docs/sequencer.md
// describes the design and its failure behaviour.
package sequencer

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/miner"
	"github.com/ethereum/go-ethereum/params"

	"github.com/paichain/paichain/precompiles"
)

// Defaults of Config.
const (
	DefaultDeadline           = 30 * time.Second
	DefaultConcurrency        = 4
	DefaultMaxInferencesPerTx = 4
)

// Config configures a Sequencer.
type Config struct {
	// SidecarURL is the base URL of the inference server (`paichain
	// infer`), e.g. http://127.0.0.1:8000.
	SidecarURL string
	// SignerKey signs the receipt transactions; its address must be the
	// Inference precompile's signer in state.
	SignerKey *ecdsa.PrivateKey
	// Deadline is how long a transaction may wait for its inference, from
	// when the sequencer first saw the request; then it is included with a
	// failed receipt. 0 means DefaultDeadline.
	Deadline time.Duration
	// JournalDir keeps the crash-safe journal of requests and results; ""
	// keeps them in memory only.
	JournalDir string
	// Concurrency bounds the requests in flight at the sidecar; 0 means
	// DefaultConcurrency.
	Concurrency int
	// MaxInferencesPerTx bounds the receipts one transaction gets (a
	// transaction may call infer several times); 0 means
	// DefaultMaxInferencesPerTx. Beyond it the transaction is included
	// with what it has and reverts or handles the missing receipt itself.
	MaxInferencesPerTx int
	// HTTPClient talks to the sidecar; nil means a default client.
	HTTPClient *http.Client
}

func (c *Config) withDefaults() (Config, error) {
	out := *c
	if out.SidecarURL == "" {
		return out, errors.New("sequencer: no sidecar URL")
	}
	if out.SignerKey == nil {
		return out, errors.New("sequencer: no inference signer key")
	}
	if out.Deadline <= 0 {
		out.Deadline = DefaultDeadline
	}
	if out.Concurrency <= 0 {
		out.Concurrency = DefaultConcurrency
	}
	if out.MaxInferencesPerTx <= 0 {
		out.MaxInferencesPerTx = DefaultMaxInferencesPerTx
	}
	if out.HTTPClient == nil {
		out.HTTPClient = &http.Client{}
	}
	out.SidecarURL = strings.TrimRight(out.SidecarURL, "/")
	return out, nil
}

// LoadKey reads a hex-encoded secp256k1 private key (64 hex digits, an
// optional 0x, surrounding white space allowed) from a file.
func LoadKey(path string) (*ecdsa.PrivateKey, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("sequencer: signer key: %w", err)
	}
	if fi.Size() > 1024 {
		return nil, fmt.Errorf("sequencer: signer key file %s is %d bytes; want 64 hex digits", path, fi.Size())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sequencer: signer key: %w", err)
	}
	s := strings.TrimPrefix(strings.TrimSpace(string(b)), "0x")
	if len(s) != 64 {
		return nil, fmt.Errorf("sequencer: signer key file %s: want 64 hex digits, got %d characters", path, len(s))
	}
	key, err := crypto.HexToECDSA(s)
	if err != nil {
		// The error would not name the key, but keep key material out of
		// logs entirely.
		return nil, fmt.Errorf("sequencer: signer key file %s: not a valid hex private key", path)
	}
	return key, nil
}

// Backend is what the sequencer needs from the node (*eth.Ethereum).
type Backend interface {
	BlockChain() *core.BlockChain
	TxPool() *txpool.TxPool
	Miner() *miner.Miner
}

// Sequencer includes inference receipts in the blocks its node builds.
// Start installs it as the miner's inclusion hook; Close removes it.
type Sequencer struct {
	cfg     Config
	backend Backend
	chain   *core.BlockChain
	config  *params.ChainConfig
	signer  common.Address
	sidecar *sidecar
	tracker *tracker
	classes *classCache
	sweeps  *sweeper
	journal *journal
	sem     chan struct{}
	now     func() time.Time

	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	subs   []interface{ Unsubscribe() }
	closed sync.Once
}

// New creates a sequencer for backend's chain. Start it to take effect.
func New(backend Backend, cfg Config) (*Sequencer, error) {
	c, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	chain := backend.BlockChain()
	return &Sequencer{
		cfg:     c,
		backend: backend,
		chain:   chain,
		config:  chain.Config(),
		signer:  crypto.PubkeyToAddress(c.SignerKey.PublicKey),
		sidecar: newSidecar(c.SidecarURL, c.HTTPClient),
		tracker: newTracker(),
		classes: newClassCache(),
		sweeps:  newSweeper(),
		sem:     make(chan struct{}, c.Concurrency),
		now:     time.Now,
		ctx:     ctx,
		cancel:  cancel,
	}, nil
}

// Signer is the address of the receipt transactions.
func (s *Sequencer) Signer() common.Address { return s.signer }

// Start replays the journal (re-dispatching unfinished requests), starts
// the pool watcher and installs the miner hook.
func (s *Sequencer) Start() error {
	if s.cfg.JournalDir != "" {
		j, reqs, err := openJournal(s.cfg.JournalDir)
		if err != nil {
			return err
		}
		s.journal = j
		for _, r := range reqs {
			s.tracker.add(r)
			if !r.State.Finished() {
				s.dispatch(r)
			}
		}
		if len(reqs) > 0 {
			log.Info("Sequencer resumed inference requests from its journal", "requests", len(reqs), "dir", s.cfg.JournalDir)
		}
	}
	head := s.chain.CurrentBlock()
	if st, err := s.chain.StateAt(head.Root); err == nil {
		if onChain := precompiles.ReadInferenceSigner(st); onChain != s.signer {
			log.Error("The sequencer's key is not the inference signer: receipts will be rejected until governance sets it",
				"key", s.signer, "signer", onChain)
		}
	}
	s.startWatcher()
	s.backend.Miner().SetInclusionHook(s.hook)
	log.Info("Sequencer includes inference receipts", "sidecar", s.cfg.SidecarURL, "signer", s.signer,
		"deadline", s.cfg.Deadline, "concurrency", s.cfg.Concurrency)
	return nil
}

// Stop is Close (node.Lifecycle).
func (s *Sequencer) Stop() error { return s.Close() }

// Close removes the miner hook, stops the watcher and the dispatcher and
// compacts the journal. Unfinished requests stay in the journal and are
// dispatched again by the next Start.
func (s *Sequencer) Close() error {
	var err error
	s.closed.Do(func() {
		s.backend.Miner().SetInclusionHook(nil)
		s.stop()
		if s.journal != nil {
			err = s.journal.compact(s.tracker.all)
			if cerr := s.journal.close(); err == nil {
				err = cerr
			}
		}
	})
	return err
}

func (s *Sequencer) stop() {
	s.cancel()
	for _, sub := range s.subs {
		sub.Unsubscribe()
	}
	s.wg.Wait()
}

// PendingInference is one inference request the sequencer has seen and not
// yet seen included.
type PendingInference struct {
	RequestID common.Hash
	TxHash    common.Hash // the user's transaction
	Sender    common.Address
	Nonce     uint64
	ModelID   *big.Int
	State     State // queued, running, ready or failed
	FirstSeen time.Time
	Deadline  time.Time // then the transaction is included with a failed receipt
	Reason    string    // why it failed, if it did
}

// PendingInferences lists the requests the sequencer tracks, oldest first.
func (s *Sequencer) PendingInferences() []PendingInference {
	now := s.now()
	reqs := s.tracker.all()
	out := make([]PendingInference, 0, len(reqs))
	for _, r := range reqs {
		st, reason := r.State, r.Reason
		if !st.Finished() && now.After(r.Deadline) {
			st, reason = StateFailed, deadlineReason(s.cfg.Deadline)
		}
		out = append(out, PendingInference{
			RequestID: r.ID, TxHash: r.TxHash, Sender: r.Sender, Nonce: r.Nonce,
			ModelID: new(big.Int).Set(r.ModelID), State: st, FirstSeen: r.FirstSeen, Deadline: r.Deadline, Reason: reason,
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FirstSeen.Before(out[j].FirstSeen) })
	return out
}

// DefaultJournalDir is where a node keeps the journal: <datadir>/sequencer.
func DefaultJournalDir(datadir string) string {
	if datadir == "" {
		return ""
	}
	return filepath.Join(datadir, "sequencer")
}
