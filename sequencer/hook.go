package sequencer

import (
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

	"github.com/paichain/paichain/precompiles"
)

// hook is the miner's inclusion hook (node/patches/0003): for each
// candidate pool transaction of a block being built it returns the receipt
// transactions to place right before it, or hold to leave it in the pool
// for a later block. It simulates on the block's own state (CPU only) and
// never waits for the sidecar.
func (s *Sequencer) hook(header *types.Header, st *state.StateDB, tx *types.Transaction) ([]*types.Transaction, bool) {
	from, err := types.Sender(types.MakeSigner(s.config, header.Number, header.Time), tx)
	if err != nil || from == s.signer {
		return nil, false
	}
	var parentRoot common.Hash
	if parent := s.chain.GetHeaderByHash(header.ParentHash); parent != nil {
		parentRoot = parent.Root
		if s.classes.plain(tx.Hash(), parentRoot) {
			return nil, false // simulated on the parent state: no inference
		}
	}
	sim := &simulation{s: s, st: st, header: header}
	p := sim.run(tx)
	switch {
	case p.undeliverable:
		// Its receipts cannot be delivered (see rejectReceipt). Hold it
		// until its deadline, then let it in without them: it reverts (or
		// copes) deterministically instead of waiting forever.
		if r := s.oldestRequest(tx.Hash()); r != nil && !s.now().After(r.Deadline) {
			return nil, true
		}
		return nil, false
	case p.err != nil:
		return nil, false // the miner will find the same error
	case p.wait != nil:
		return nil, true
	case !p.inference:
		if parentRoot != (common.Hash{}) {
			s.classes.set(tx.Hash(), parentRoot, false)
		}
		return nil, false
	}
	if len(p.pre) == 0 {
		return nil, false
	}
	pre, err := s.sign(header, st, s.withSweep(header, st, p.pre))
	if err != nil {
		log.Error("Cannot sign receipt transactions", "tx", tx.Hash(), "err", err)
		return nil, true
	}
	return pre, false
}

// oldestRequest is the earliest tracked request of a transaction.
func (s *Sequencer) oldestRequest(txHash common.Hash) *request {
	var out *request
	for _, r := range s.tracker.all() {
		if r.TxHash == txHash && (out == nil || r.FirstSeen.Before(out.FirstSeen)) {
			out = r
		}
	}
	return out
}

// sign builds the receipt transactions: consecutive nonces of the signer
// from the block's state, paying exactly the base fee (no tip: the
// sequencer includes them itself), with the simulated gas plus a margin.
func (s *Sequencer) sign(header *types.Header, st *state.StateDB, pre []preTx) ([]*types.Transaction, error) {
	signer := types.MakeSigner(s.config, header.Number, header.Time)
	nonce := st.GetNonce(s.signer)
	to := precompiles.InferenceAddress
	out := make([]*types.Transaction, 0, len(pre))
	for i, p := range pre {
		// The simulated gas is exact (the precompile charges cold
		// prices always); the margin only guards against surprises.
		gas := min(p.gas+p.gas/5+5_000, params.MaxTxGas, header.GasLimit)
		var inner types.TxData
		if header.BaseFee != nil {
			inner = &types.DynamicFeeTx{
				ChainID: s.config.ChainID, Nonce: nonce + uint64(i), GasTipCap: new(big.Int),
				GasFeeCap: new(big.Int).Set(header.BaseFee), Gas: gas, To: &to, Data: p.fulfill,
			}
		} else {
			inner = &types.LegacyTx{Nonce: nonce + uint64(i), GasPrice: new(big.Int), Gas: gas, To: &to, Data: p.fulfill}
		}
		tx, err := types.SignNewTx(s.cfg.SignerKey, signer, inner)
		if err != nil {
			return nil, err
		}
		out = append(out, tx)
	}
	return out, nil
}

// classCache remembers which transactions do not call infer, per state
// root they were simulated on, so the hook need not simulate them again.
type classCache struct {
	mu sync.Mutex
	m  map[common.Hash]classEntry
}

type classEntry struct {
	root      common.Hash
	inference bool
}

func newClassCache() *classCache { return &classCache{m: make(map[common.Hash]classEntry)} }

// plain reports whether tx was found not to call infer on root.
func (c *classCache) plain(tx, root common.Hash) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[tx]
	return ok && e.root == root && !e.inference
}

func (c *classCache) has(tx, root common.Hash) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[tx]
	return ok && e.root == root
}

func (c *classCache) set(tx, root common.Hash, inference bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[tx] = classEntry{root: root, inference: inference}
}

// prune drops entries for other roots than keep.
func (c *classCache) prune(keep common.Hash) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for tx, e := range c.m {
		if e.root != keep {
			delete(c.m, tx)
		}
	}
}
