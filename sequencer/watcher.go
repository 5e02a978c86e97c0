package sequencer

import (
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/log"

	"github.com/paichain/paichain/precompiles"
)

// The watcher pre-simulates transactions as they enter the pool, so that
// inference starts when a transaction arrives rather than when the next
// block is built, and re-classifies the pool on each new head so that the
// hook finds most transactions already classified for the block's parent.

// Bounds of the watcher's work per new head.
const (
	maxReclassify = 1024
	// gcGrace is how long a request whose transaction left the pool is
	// kept after its deadline (the transaction may come back in a reorg).
	gcGrace = time.Minute
)

func (s *Sequencer) startWatcher() {
	txs := make(chan core.NewTxsEvent, 256)
	heads := make(chan core.ChainHeadEvent, 16)
	s.subs = append(s.subs, s.backend.TxPool().SubscribeTransactions(txs, true), s.chain.SubscribeChainHeadEvent(heads))
	q := &txQueue{signal: make(chan struct{}, 1)}
	s.wg.Add(2)
	go func() {
		// Drain the feeds at once: the pool's feed blocks while a
		// subscriber lags.
		defer s.wg.Done()
		for {
			select {
			case <-s.ctx.Done():
				return
			case ev := <-txs:
				q.push(ev.Txs, false)
			case <-heads:
				q.push(nil, true)
			}
		}
	}()
	go func() {
		defer s.wg.Done()
		for {
			select {
			case <-s.ctx.Done():
				return
			case <-q.signal:
			}
			batch, head := q.take()
			if head {
				batch = append(batch, s.onHead()...)
			}
			s.presimulate(batch)
		}
	}()
}

// txQueue hands transactions from the feeds to the simulating goroutine.
type txQueue struct {
	mu     sync.Mutex
	txs    []*types.Transaction
	head   bool
	signal chan struct{}
}

func (q *txQueue) push(txs []*types.Transaction, head bool) {
	q.mu.Lock()
	q.txs = append(q.txs, txs...)
	q.head = q.head || head
	q.mu.Unlock()
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

func (q *txQueue) take() ([]*types.Transaction, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	txs, head := q.txs, q.head
	q.txs, q.head = nil, false
	return txs, head
}

// presimulate classifies txs on the head state, dispatching the inference
// requests it finds.
func (s *Sequencer) presimulate(txs []*types.Transaction) {
	if len(txs) == 0 {
		return
	}
	head := s.chain.CurrentBlock()
	st, err := s.chain.StateAt(head.Root)
	if err != nil {
		log.Debug("Sequencer cannot open the head state", "err", err)
		return
	}
	sim := &simulation{s: s, st: st, header: s.pendingHeader(head), pool: true}
	signer := types.MakeSigner(s.config, sim.header.Number, sim.header.Time)
	for _, tx := range txs {
		if s.ctx.Err() != nil {
			return
		}
		if s.classes.has(tx.Hash(), head.Root) {
			continue
		}
		if from, err := types.Sender(signer, tx); err != nil || from == s.signer {
			continue
		}
		p := sim.run(tx)
		if p.err == nil || p.undeliverable {
			s.classes.set(tx.Hash(), head.Root, p.inference)
		}
	}
}

// pendingHeader approximates the next block's header for simulation in the
// pool (fees are not checked there).
func (s *Sequencer) pendingHeader(head *types.Header) *types.Header {
	h := &types.Header{
		ParentHash: head.Hash(),
		Number:     new(big.Int).Add(head.Number, big.NewInt(1)),
		GasLimit:   head.GasLimit,
		Time:       max(head.Time+1, uint64(s.now().Unix())),
		Coinbase:   head.Coinbase,
		Difficulty: new(big.Int),
		MixDigest:  head.MixDigest,
		BaseFee:    head.BaseFee,
	}
	if head.ExcessBlobGas != nil {
		excess := *head.ExcessBlobGas
		h.ExcessBlobGas = &excess
	}
	return h
}

// onHead forgets requests the chain has settled and returns the pool's
// pending transactions for re-classification on the new head.
func (s *Sequencer) onHead() []*types.Transaction {
	head := s.chain.CurrentBlock()
	st, err := s.chain.StateAt(head.Root)
	if err != nil {
		return nil
	}
	s.collect(st)
	s.classes.prune(head.Root)
	if s.journal != nil && s.journal.needsCompaction(len(s.tracker.all())) {
		if err := s.journal.compact(s.tracker.all); err != nil {
			log.Error("Sequencer journal compaction failed", "err", err)
		}
	}
	pending, _ := s.backend.TxPool().Pending(txpool.PendingFilter{})
	var out []*types.Transaction
	for _, lazies := range pending {
		for _, lt := range lazies {
			if len(out) == maxReclassify {
				return out
			}
			if tx := lt.Resolve(); tx != nil {
				out = append(out, tx)
			}
		}
	}
	return out
}

// collect forgets requests whose receipt is in state (fulfilled or failed,
// consumed or swept), whose transaction's nonce is used (it was included, or
// replaced), or whose transaction left the pool well after the deadline.
func (s *Sequencer) collect(st *state.StateDB) {
	pool := s.backend.TxPool()
	now := s.now()
	for _, r := range s.tracker.all() {
		status := precompiles.ReadReceipt(st, r.ID).Status
		if status == precompiles.StatusFulfilled || status == precompiles.StatusFailed {
			s.sweeps.add(r.ID) // not consumed in its block
		}
		settled := status != precompiles.StatusNone ||
			st.GetNonce(r.Sender) > r.Nonce ||
			(now.After(r.Deadline.Add(gcGrace)) && !pool.Has(r.TxHash))
		if !settled {
			continue
		}
		s.tracker.remove(r.ID)
		if s.journal != nil {
			if err := s.journal.append(journalEntry{Op: opForget, ID: r.ID}); err != nil {
				log.Error("Sequencer journal write failed", "id", r.ID, "err", err)
			}
		}
	}
}
