package sequencer

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// State is where an inference request stands.
type State string

// Request states. A request is queued when detected, running while the
// sidecar works on it, then ready (a receipt transaction can be built) or
// failed (a failed receipt will be included: the engine refused it or the
// deadline passed).
const (
	StateQueued  State = "queued"
	StateRunning State = "running"
	StateReady   State = "ready"
	StateFailed  State = "failed"
)

// Finished reports whether the request has its receipt (ready or failed).
func (s State) Finished() bool { return s == StateReady || s == StateFailed }

// request is one inference request: an infer call of a pool transaction
// that reverted with InferenceRequired in simulation. Its JSON form is the
// journal's.
type request struct {
	ID        common.Hash    `json:"id"`
	TxHash    common.Hash    `json:"tx"`
	Sender    common.Address `json:"sender"`
	Nonce     uint64         `json:"nonce"`
	CallIndex uint32         `json:"callIndex"`
	ModelID   *big.Int       `json:"modelId"`
	Input     hexutil.Bytes  `json:"input"` // the infer calldata
	// What the registry said when the request was detected: the model's
	// weights hash and each adapter's hash, in call order.
	ModelHash     common.Hash   `json:"modelHash"`
	AdapterHashes []common.Hash `json:"adapterHashes"`
	FirstSeen     time.Time     `json:"firstSeen"`
	Deadline      time.Time     `json:"deadline"`

	State State `json:"state"`
	// Fulfill is the calldata of the receipt transaction (fulfill) once the
	// request is ready or failed.
	Fulfill hexutil.Bytes `json:"fulfill,omitempty"`
	Reason  string        `json:"reason,omitempty"`
}

func (r *request) validate() error {
	switch {
	case r.ModelID == nil || r.ModelID.Sign() < 0:
		return fmt.Errorf("request %s: bad model id", r.ID)
	case len(r.Input) < 4:
		return fmt.Errorf("request %s: no infer calldata", r.ID)
	case r.State != StateQueued && r.State != StateRunning && r.State != StateReady && r.State != StateFailed:
		return fmt.Errorf("request %s: unknown state %q", r.ID, r.State)
	case r.State.Finished() && len(r.Fulfill) < 4:
		return fmt.Errorf("request %s: %s without receipt calldata", r.ID, r.State)
	}
	return nil
}

func (r *request) clone() *request {
	c := *r
	c.ModelID = new(big.Int).Set(r.ModelID)
	c.Input = append(hexutil.Bytes(nil), r.Input...)
	c.AdapterHashes = append([]common.Hash(nil), r.AdapterHashes...)
	c.Fulfill = append(hexutil.Bytes(nil), r.Fulfill...)
	return &c
}

// tracker is the table of requests the sequencer knows, shared by the
// hook, the watcher and the dispatcher.
type tracker struct {
	mu      sync.Mutex
	reqs    map[common.Hash]*request
	cancels map[common.Hash]context.CancelFunc
}

func newTracker() *tracker {
	return &tracker{reqs: make(map[common.Hash]*request), cancels: make(map[common.Hash]context.CancelFunc)}
}

// add inserts r unless its id is known; it reports whether it did.
func (t *tracker) add(r *request) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.reqs[r.ID]; ok {
		return false
	}
	t.reqs[r.ID] = r.clone()
	return true
}

func (t *tracker) get(id common.Hash) (*request, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	r, ok := t.reqs[id]
	if !ok {
		return nil, false
	}
	return r.clone(), true
}

// setState moves an unfinished request to queued or running.
func (t *tracker) setState(id common.Hash, s State) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if r, ok := t.reqs[id]; ok && !r.State.Finished() {
		r.State = s
	}
}

// finish records a request's receipt calldata. A request that already has
// one keeps it (the first receipt wins: a deadline failure is final), and
// finish reports false.
func (t *tracker) finish(id common.Hash, s State, fulfill []byte, reason string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	r, ok := t.reqs[id]
	if !ok || r.State.Finished() {
		return false
	}
	r.State, r.Fulfill, r.Reason = s, append(hexutil.Bytes(nil), fulfill...), reason
	if cancel := t.cancels[id]; cancel != nil {
		cancel()
		delete(t.cancels, id)
	}
	return true
}

// replace swaps the receipt of a finished request (a ready receipt the
// chain rejected becomes a failed one).
func (t *tracker) replace(id common.Hash, fulfill []byte, reason string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if r, ok := t.reqs[id]; ok {
		r.State, r.Fulfill, r.Reason = StateFailed, append(hexutil.Bytes(nil), fulfill...), reason
	}
}

func (t *tracker) setCancel(id common.Hash, cancel context.CancelFunc) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cancels[id] = cancel
}

func (t *tracker) remove(id common.Hash) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if cancel := t.cancels[id]; cancel != nil {
		cancel()
	}
	delete(t.cancels, id)
	delete(t.reqs, id)
}

func (t *tracker) all() []*request {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]*request, 0, len(t.reqs))
	for _, r := range t.reqs {
		out = append(out, r.clone())
	}
	return out
}

func deadlineReason(d time.Duration) string {
	return fmt.Sprintf("deadline: no receipt within %s", d)
}
