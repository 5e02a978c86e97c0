package sequencer

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"

	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/precompiles/inferencetx"
)

var inferenceRequired = inferenceABI.Errors["InferenceRequired"]

// detection is one infer call that reverted with InferenceRequired.
type detection struct {
	id        common.Hash
	modelID   *big.Int
	origin    common.Address
	nonce     uint64
	callIndex uint32
	input     []byte
}

// inferTracer catches calls to the Inference precompile that exit with
// InferenceRequired, at any depth, including calls whose revert the calling
// contract swallows.
type inferTracer struct {
	chainID *big.Int
	frames  []frame
	found   []detection
}

type frame struct {
	to    common.Address
	input []byte
}

func (t *inferTracer) hooks() *tracing.Hooks {
	return &tracing.Hooks{
		OnEnter: func(_ int, _ byte, _, to common.Address, input []byte, _ uint64, _ *big.Int) {
			f := frame{to: to}
			if to == precompiles.InferenceAddress {
				f.input = bytes.Clone(input)
			}
			t.frames = append(t.frames, f)
		},
		OnExit: func(_ int, output []byte, _ uint64, _ error, reverted bool) {
			if len(t.frames) == 0 {
				return
			}
			f := t.frames[len(t.frames)-1]
			t.frames = t.frames[:len(t.frames)-1]
			if f.to != precompiles.InferenceAddress || !reverted {
				return
			}
			if d, ok := decodeRequired(t.chainID, f.input, output); ok {
				t.found = append(t.found, d)
			}
		},
	}
}

// decodeRequired reads InferenceRequired revert data and checks that the
// request id is the one the rule gives for this call.
func decodeRequired(chainID *big.Int, input, output []byte) (detection, bool) {
	if len(output) < 4 || !bytes.Equal(output[:4], inferenceRequired.ID[:4]) || len(input) < 4 {
		return detection{}, false
	}
	vals, err := inferenceRequired.Inputs.Unpack(output[4:])
	if err != nil || len(vals) != 5 {
		return detection{}, false
	}
	d := detection{
		id:        vals[0].([32]byte),
		modelID:   vals[1].(*big.Int),
		origin:    vals[2].(common.Address),
		nonce:     vals[3].(uint64),
		callIndex: vals[4].(uint32),
		input:     input,
	}
	if precompiles.RequestID(chainID, d.origin, d.nonce, d.callIndex, input[4:]) != d.id {
		return detection{}, false
	}
	return d, true
}

// preTx is a receipt transaction (or the sweep of unread receipts) to place
// before the user's.
type preTx struct {
	id      common.Hash // zero for a sweep
	fulfill []byte      // calldata
	gas     uint64      // used in simulation
}

// plan is what simulation says about a transaction.
type plan struct {
	pre []preTx // receipts to include first, in order
	// wait is the first request that has no receipt yet: the transaction
	// is held.
	wait *request
	// inference is whether the transaction called infer at all.
	inference bool
	// undeliverable: a receipt transaction, even a failed one, reverts
	// (the key is not the signer in state, or is out of funds).
	undeliverable bool
	// err: the transaction itself cannot be applied on this state (nonce,
	// balance): the miner will see the same and skip it.
	err error
}

// simulation runs transactions on a state without keeping their effects.
type simulation struct {
	s      *Sequencer
	st     *state.StateDB
	header *types.Header
	// pool: the state is the chain head's and tx may not be next for its
	// sender; its nonce is set to tx's, and fees are not checked.
	pool bool
}

func (sim *simulation) apply(msg *core.Message, hooks *tracing.Hooks) (*core.ExecutionResult, error) {
	ctx := core.NewEVMBlockContext(sim.header, sim.s.chain, &sim.header.Coinbase, sim.s.config, sim.st)
	evm := vm.NewEVM(ctx, sim.st, sim.s.config, vm.Config{Tracer: hooks, NoBaseFee: sim.pool})
	return core.ApplyMessage(evm, msg, core.NewGasPool(sim.header.GasLimit))
}

// fulfillMsg is the message of a receipt transaction.
func (sim *simulation) fulfillMsg(calldata []byte, nonce uint64) *core.Message {
	price := new(big.Int)
	if sim.header.BaseFee != nil {
		price.Set(sim.header.BaseFee)
	}
	to := precompiles.InferenceAddress
	return &core.Message{
		From: sim.s.signer, To: &to, Nonce: nonce, Value: new(big.Int),
		GasLimit: min(sim.header.GasLimit, params.MaxTxGas), GasPrice: price, GasFeeCap: price, GasTipCap: new(big.Int),
		Data: calldata,
	}
}

// run simulates tx after the receipts known so far, repeatedly: each run
// either finds the next infer call without a receipt or none. The state is
// restored after each run.
func (sim *simulation) run(tx *types.Transaction) plan {
	s := sim.s
	msg, err := core.TransactionToMessage(tx, types.MakeSigner(s.config, sim.header.Number, sim.header.Time), sim.header.BaseFee)
	if err != nil {
		return plan{err: err}
	}
	var p plan
	for {
		snap := sim.st.Snapshot()
		if sim.pool {
			sim.st.SetNonce(msg.From, tx.Nonce(), tracing.NonceChangeUnspecified)
		}
		rejected, reason := -1, ""
		base := sim.st.GetNonce(s.signer)
		for i := range p.pre {
			res, err := sim.apply(sim.fulfillMsg(p.pre[i].fulfill, base+uint64(i)), nil)
			if err != nil {
				// The signer cannot send at all (funds): no receipt
				// gets in.
				sim.st.RevertToSnapshot(snap)
				s.undeliverable(p.pre[i].id, err.Error())
				return plan{inference: true, undeliverable: true, err: fmt.Errorf("receipt transaction not applicable: %w", err)}
			}
			if res.Failed() {
				rejected, reason = i, revertReason(res)
				break
			}
			p.pre[i].gas = res.UsedGas
		}
		if rejected >= 0 {
			sim.st.RevertToSnapshot(snap)
			if !s.rejectReceipt(p.pre[rejected], reason) {
				// Not even a failed receipt gets in (the key is not the
				// signer in state): deliver none.
				return plan{inference: true, undeliverable: true, err: fmt.Errorf("receipt transaction rejected: %s", reason)}
			}
			r, ok := s.tracker.get(p.pre[rejected].id)
			if !ok { // forgotten meanwhile: the chain has settled it
				return plan{inference: true, err: errors.New("request settled during simulation")}
			}
			p.pre[rejected].fulfill = r.Fulfill
			continue
		}
		tr := &inferTracer{chainID: s.config.ChainID}
		_, err := sim.apply(msg, tr.hooks())
		var next *request
		if err == nil && len(tr.found) > 0 {
			p.inference = true
			// Only the first missing receipt is certain: after it is
			// consumed, later calls get other call indexes. A transaction
			// asking for more than its share is included as it is, and so
			// is one whose receipt in place did not satisfy the call (not
			// possible for a well-formed receipt).
			if d := tr.found[0]; len(p.pre) < s.cfg.MaxInferencesPerTx && !slicesContainsID(p.pre, d.id) {
				next = s.request(sim.st, tx, d)
			}
		}
		sim.st.RevertToSnapshot(snap)
		if err != nil {
			return plan{inference: p.inference, err: err}
		}
		if next == nil {
			return p
		}
		fulfill, ok := s.receiptFor(next)
		if !ok {
			p.wait = next
			return p
		}
		p.pre = append(p.pre, preTx{id: next.ID, fulfill: fulfill})
	}
}

func slicesContainsID(pre []preTx, id common.Hash) bool {
	for _, p := range pre {
		if p.id == id {
			return true
		}
	}
	return false
}

// revertReason names a precompile error or returns the raw revert data.
func revertReason(res *core.ExecutionResult) string {
	if name, ok := precompiles.DecodeRevert(res.Revert()); ok {
		return name
	}
	if res.Err != nil && !errors.Is(res.Err, vm.ErrExecutionReverted) {
		return res.Err.Error()
	}
	return fmt.Sprintf("reverted 0x%x", res.Revert())
}

// request returns the tracked request of d, registering (and dispatching)
// it if it is new. st is the state the call ran on: the registry is read
// there.
func (s *Sequencer) request(st *state.StateDB, tx *types.Transaction, d detection) *request {
	if r, ok := s.tracker.get(d.id); ok {
		return r
	}
	now := s.now()
	r := &request{
		ID: d.id, TxHash: tx.Hash(), Sender: d.origin, Nonce: d.nonce, CallIndex: d.callIndex,
		ModelID: new(big.Int).Set(d.modelID), Input: bytes.Clone(d.input),
		FirstSeen: now, Deadline: now.Add(s.cfg.Deadline), State: StateQueued,
	}
	if reason := resolve(st, r); reason != "" {
		// The engine cannot serve it: a failed receipt right away.
		fulfill, err := inferencetx.FailedCalldata(r.ID, s.config.ChainID, reason)
		if err != nil {
			return nil // unreachable: the reason is short
		}
		r.State, r.Fulfill, r.Reason = StateFailed, fulfill, reason
	}
	if !s.tracker.add(r) {
		r, _ = s.tracker.get(d.id) // raced with another simulation
		return r
	}
	if r.State != StateFailed {
		// A request failed at detection is not journaled: simulation
		// finds and fails it again just as cheaply.
		s.dispatch(r)
	}
	return r
}

// resolve fills in the registry hashes the sidecar request needs, or says
// why the request cannot be served (a reason for the failed receipt).
func resolve(st precompiles.StateReader, r *request) string {
	req, err := inferencetx.EngineRequest(r.ID, r.Input)
	if err != nil {
		return "invalid request: " + err.Error()
	}
	if !req.ModelID.IsUint64() {
		return fmt.Sprintf("unknown model %s", req.ModelID)
	}
	model, ok := precompiles.ReadModel(st, req.ModelID.Uint64())
	if !ok {
		return fmt.Sprintf("unknown model %s", req.ModelID)
	}
	r.ModelHash = model.WeightsHash
	r.AdapterHashes = r.AdapterHashes[:0]
	for _, id := range req.AdapterIDs {
		a, ok := precompiles.ReadAdapter(st, id.Uint64())
		if !id.IsUint64() || !ok {
			return fmt.Sprintf("unknown adapter %s", id)
		}
		if a.BaseModelID.Cmp(req.ModelID) != 0 {
			return fmt.Sprintf("adapter %s is for model %s, not %s", id, a.BaseModelID, req.ModelID)
		}
		r.AdapterHashes = append(r.AdapterHashes, a.AdapterHash)
	}
	if _, err := sidecarRequest(r); err != nil {
		return err.Error()
	}
	return ""
}

// checkPrompt is what the sidecar needs of a prompt.
func checkPrompt(p []byte) error {
	if len(p) == 0 {
		return errors.New("empty prompt")
	}
	if !utf8.Valid(p) {
		return errors.New("prompt is not UTF-8 text")
	}
	return nil
}
