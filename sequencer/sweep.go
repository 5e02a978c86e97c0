package sequencer

import (
	"bytes"
	"slices"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/log"

	"github.com/paichain/paichain/precompiles"
)

// A receipt that its transaction did not consume (a failed receipt, whose
// infer reverts; or a transaction that reverted for another reason) stays in
// the precompile's storage until someone sweeps it in a later block. The
// sequencer sweeps its own: the ids collect finds in that state go first in
// the next bundle it builds, as one sweep transaction.

// maxSweep bounds the ids of one sweep transaction.
const maxSweep = 64

type sweeper struct {
	mu  sync.Mutex
	ids map[common.Hash]struct{}
}

func newSweeper() *sweeper { return &sweeper{ids: make(map[common.Hash]struct{})} }

func (w *sweeper) add(id common.Hash) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ids[id] = struct{}{}
}

// due returns the ids whose receipt in st is unread and from an earlier
// block than number, and forgets the ids that are settled in st.
func (w *sweeper) due(st precompiles.StateReader, number uint64) []common.Hash {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []common.Hash
	for id := range w.ids {
		rec := precompiles.ReadReceipt(st, id)
		switch {
		case rec.Status != precompiles.StatusFulfilled && rec.Status != precompiles.StatusFailed:
			delete(w.ids, id)
		case rec.FulfilledAt < number:
			out = append(out, id)
		}
	}
	slices.SortFunc(out, func(a, b common.Hash) int { return bytes.Compare(a[:], b[:]) })
	return out[:min(len(out), maxSweep)]
}

// withSweep puts a sweep of the due receipts before pre, if it applies.
func (s *Sequencer) withSweep(header *types.Header, st *state.StateDB, pre []preTx) []preTx {
	ids := s.sweeps.due(st, header.Number.Uint64())
	if len(ids) == 0 {
		return pre
	}
	ids32 := make([][32]byte, len(ids))
	for i, id := range ids {
		ids32[i] = id
	}
	data, err := inferenceABI.Pack("sweep", ids32)
	if err != nil {
		return pre
	}
	sim := &simulation{s: s, st: st, header: header}
	snap := st.Snapshot()
	res, err := sim.apply(sim.fulfillMsg(data, st.GetNonce(s.signer)), nil)
	st.RevertToSnapshot(snap)
	if err != nil || res.Failed() {
		log.Warn("Sweep of unread receipts does not apply", "ids", len(ids), "err", err)
		return pre
	}
	return append([]preTx{{fulfill: data, gas: res.UsedGas}}, pre...)
}

var inferenceABI = precompiles.InferenceABI()
