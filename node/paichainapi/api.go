// Package paichainapi is the node's `paichain_` JSON-RPC namespace: what
// wallets, explorers and applications need to use paichain's native
// inference (docs/precompiles.md, "Calling inference from a wallet or a
// contract").
//
//   - paichain_getInferenceReceipt(requestId [, block]): a stored inference
//     receipt with the transactions that fulfilled and consumed it;
//   - paichain_getModel(id [, block]), paichain_getAdapter(id [, block]):
//     ModelRegistry records;
//   - paichain_pendingInferences(): the sequencer's inference queue;
//   - paichain_requiredInferences(call [, block, overrides, blockOverrides]):
//     the receipts a call needs, found by running it;
//   - paichain_requestIdFor(origin, nonce, callIndex, inferCalldata);
//   - paichain_estimateGas, which also replaces eth_estimateGas: geth's
//     estimate, except that a call needing inference is estimated with a
//     worst-case receipt in place instead of failing with InferenceRequired.
package paichainapi

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/precompiles"
)

// Namespace is the JSON-RPC namespace of this package's API. Enable it on
// HTTP/WS with --http.api/--ws.api like any other namespace.
const Namespace = "paichain"

// States of a pending inference.
const (
	PendingQueued  = "queued"  // seen in simulation, not yet dispatched
	PendingRunning = "running" // the engine is working on it
	PendingReady   = "ready"   // receipt ready; the pair goes into the next block
	PendingFailed  = "failed"  // the engine failed or the deadline passed; a failed receipt follows
)

// PendingInference is one inference request the sequencer has seen and
// not yet included.
type PendingInference struct {
	RequestID common.Hash
	TxHash    common.Hash // the user's transaction
	Sender    common.Address
	Nonce     uint64
	ModelID   *big.Int
	State     string // PendingQueued, PendingRunning, PendingReady or PendingFailed
	FirstSeen time.Time
	Deadline  time.Time // after it the transaction is included with a failed receipt
}

// PendingSource is the sequencer's view of its inference queue. Replicas
// have none.
type PendingSource interface {
	PendingInferences() []PendingInference
}

// APIs returns the paichain namespace and the eth_estimateGas override for
// a node's RPC stack. Register them after the eth service's own APIs (node
// order: a later service replaces same-named methods of an earlier one in
// go-ethereum's rpc server). pending may be nil (a replica: the pending
// list is empty).
func APIs(backend *eth.Ethereum, pending PendingSource) []rpc.API {
	if v := reflect.ValueOf(pending); v.Kind() == reflect.Pointer && v.IsNil() {
		pending = nil // a nil *Sequencer of a replica, passed as the interface
	}
	b := newChainBackend(backend)
	est := newEstimator(backend, b)
	return []rpc.API{
		{Namespace: Namespace, Service: &API{b: b, pending: pending, est: est}},
		{Namespace: "eth", Service: &EthOverride{est: est}},
	}
}

// API is the paichain_ namespace.
type API struct {
	b       *chainBackend
	pending PendingSource
	est     *estimator
}

// latest is the default block of every method, as in the eth namespace.
var latest = rpc.BlockNumberOrHashWithNumber(rpc.LatestBlockNumber)

func blockOrLatest(b *rpc.BlockNumberOrHash) rpc.BlockNumberOrHash {
	if b == nil {
		return latest
	}
	return *b
}

// GetInferenceReceipt returns the receipt stored for requestId at the
// given block (latest by default), or null if there is none.
func (api *API) GetInferenceReceipt(ctx context.Context, requestID common.Hash, block *rpc.BlockNumberOrHash) (*InferenceReceipt, error) {
	st, header, err := api.b.stateAt(ctx, blockOrLatest(block))
	if err != nil {
		return nil, err
	}
	return api.b.inferenceReceipt(ctx, st, header, requestID)
}

// Model is a ModelRegistry model.
type Model struct {
	ModelID      *hexutil.Big   `json:"modelId"`
	Owner        common.Address `json:"owner"`
	WeightsHash  common.Hash    `json:"weightsHash"`
	WeiPerCall   *hexutil.Big   `json:"weiPerCall"`
	RegisteredAt hexutil.Uint64 `json:"registeredAt"`
	Name         string         `json:"name"`
	URI          string         `json:"uri"`
}

// GetModel returns a registered model, or null for an unknown id.
func (api *API) GetModel(ctx context.Context, id ID, block *rpc.BlockNumberOrHash) (*Model, error) {
	st, _, err := api.b.stateAt(ctx, blockOrLatest(block))
	if err != nil {
		return nil, err
	}
	n := id.Int()
	if !n.IsUint64() {
		return nil, nil // ids are counters; no registry reaches 2^64
	}
	m, ok := precompiles.ReadModel(st, n.Uint64())
	if !ok {
		return nil, nil
	}
	return &Model{
		ModelID: (*hexutil.Big)(n), Owner: m.Owner, WeightsHash: m.WeightsHash,
		WeiPerCall: (*hexutil.Big)(m.WeiPerCall), RegisteredAt: hexutil.Uint64(m.RegisteredAt),
		Name: m.Name, URI: m.URI,
	}, nil
}

// Adapter is a ModelRegistry adapter.
type Adapter struct {
	AdapterID    *hexutil.Big   `json:"adapterId"`
	Owner        common.Address `json:"owner"`
	BaseModelID  *hexutil.Big   `json:"baseModelId"`
	AdapterHash  common.Hash    `json:"adapterHash"`
	DatanetRoot  common.Hash    `json:"datanetRoot"`
	WeiPerCall   *hexutil.Big   `json:"weiPerCall"`
	RegisteredAt hexutil.Uint64 `json:"registeredAt"`
	URI          string         `json:"uri"`
}

// GetAdapter returns a registered adapter, or null for an unknown id.
func (api *API) GetAdapter(ctx context.Context, id ID, block *rpc.BlockNumberOrHash) (*Adapter, error) {
	st, _, err := api.b.stateAt(ctx, blockOrLatest(block))
	if err != nil {
		return nil, err
	}
	n := id.Int()
	if !n.IsUint64() {
		return nil, nil
	}
	a, ok := precompiles.ReadAdapter(st, n.Uint64())
	if !ok {
		return nil, nil
	}
	return &Adapter{
		AdapterID: (*hexutil.Big)(n), Owner: a.Owner, BaseModelID: (*hexutil.Big)(a.BaseModelID),
		AdapterHash: a.AdapterHash, DatanetRoot: a.DatanetRoot, WeiPerCall: (*hexutil.Big)(a.WeiPerCall),
		RegisteredAt: hexutil.Uint64(a.RegisteredAt), URI: a.URI,
	}, nil
}

// PendingInferenceJSON is a PendingInference as the RPC returns it.
type PendingInferenceJSON struct {
	RequestID common.Hash    `json:"requestId"`
	TxHash    common.Hash    `json:"txHash"`
	Sender    common.Address `json:"sender"`
	Nonce     hexutil.Uint64 `json:"nonce"`
	ModelID   *hexutil.Big   `json:"modelId"`
	State     string         `json:"state"`
	FirstSeen time.Time      `json:"firstSeen"` // RFC 3339, UTC
	Deadline  time.Time      `json:"deadline"`
}

// PendingInferences lists the sequencer's pending inference requests,
// oldest first; empty on a node without a sequencer.
func (api *API) PendingInferences() []PendingInferenceJSON {
	out := []PendingInferenceJSON{}
	if api.pending == nil {
		return out
	}
	for _, p := range api.pending.PendingInferences() {
		model := p.ModelID
		if model == nil {
			model = new(big.Int)
		}
		out = append(out, PendingInferenceJSON{
			RequestID: p.RequestID, TxHash: p.TxHash, Sender: p.Sender, Nonce: hexutil.Uint64(p.Nonce),
			ModelID: (*hexutil.Big)(new(big.Int).Set(model)), State: p.State,
			FirstSeen: p.FirstSeen.UTC(), Deadline: p.Deadline.UTC(),
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].FirstSeen.Before(out[j].FirstSeen) })
	return out
}

// RequestIdFor computes the request id infer gives a call (precompiles.RequestID):
// inferCalldata is infer's canonical calldata, selector included, as the
// contract sends it to the precompile; origin and nonce are the transaction's
// sender and nonce; callIndex counts the infer calls the transaction has
// consumed before this one. (Spelled Id, not ID: the RPC method name is the
// Go name with its first letter lowered, and IInference names it requestIdFor.)
func (api *API) RequestIdFor(origin common.Address, nonce hexutil.Uint64, callIndex hexutil.Uint, inferCalldata hexutil.Bytes) (common.Hash, error) {
	if _, err := precompiles.DecodeInfer(inferCalldata); err != nil {
		return common.Hash{}, &invalidParamsError{fmt.Sprintf("invalid argument 3: %v", err)}
	}
	if uint64(callIndex) > 1<<32-1 {
		return common.Hash{}, &invalidParamsError{"invalid argument 2: call index over 2^32-1"}
	}
	return precompiles.RequestID(api.b.config().ChainID, origin, uint64(nonce), uint32(callIndex), inferCalldata[4:]), nil
}

// RequiredInferences runs call (the arguments of eth_call) and returns
// the inference requests it needs receipts for, in the order a sequencer
// would fulfil them: each later request is found with worst-case receipts
// for the earlier ones in place. Empty if the call needs none.
func (api *API) RequiredInferences(ctx context.Context, call CallArgs, block *rpc.BlockNumberOrHash, overrides *StateOverride, blockOverrides *BlockOverrides) ([]*InferenceRequest, error) {
	reqs, err := api.est.required(ctx, call, blockOrLatest(block), overrides, blockOverrides)
	if err != nil {
		return nil, err
	}
	if reqs == nil {
		reqs = []*InferenceRequest{}
	}
	return reqs, nil
}

// EstimateGas is eth_estimateGas that accounts for inference (see
// EthOverride).
func (api *API) EstimateGas(ctx context.Context, call CallArgs, block *rpc.BlockNumberOrHash, overrides *StateOverride, blockOverrides *BlockOverrides) (hexutil.Uint64, error) {
	return api.est.estimate(ctx, call, block, overrides, blockOverrides)
}

// EthOverride replaces eth_estimateGas. A call that needs no inference is
// estimated by geth's own eth_estimateGas with the same arguments, so the
// answer is geth's. A call that reverts with InferenceRequired (directly or
// in a caught sub-call) is estimated again with a worst-case fulfilled
// receipt for every request it makes (estimator.worstCase), so that wallets
// can send inference transactions without a manual gas limit.
type EthOverride struct{ est *estimator }

// EstimateGas is eth_estimateGas.
func (o *EthOverride) EstimateGas(ctx context.Context, call CallArgs, block *rpc.BlockNumberOrHash, overrides *StateOverride, blockOverrides *BlockOverrides) (hexutil.Uint64, error) {
	return o.est.estimate(ctx, call, block, overrides, blockOverrides)
}

// invalidParamsError is a JSON-RPC -32602 error.
type invalidParamsError struct{ msg string }

func (e *invalidParamsError) Error() string  { return e.msg }
func (e *invalidParamsError) ErrorCode() int { return -32602 }

// chainBackend is what the API reads: states, headers, blocks and receipts.
type chainBackend struct{ eth *eth.Ethereum }

func newChainBackend(e *eth.Ethereum) *chainBackend { return &chainBackend{eth: e} }

func (b *chainBackend) config() *params.ChainConfig { return b.eth.BlockChain().Config() }

func (b *chainBackend) stateAt(ctx context.Context, block rpc.BlockNumberOrHash) (*state.StateDB, *types.Header, error) {
	st, header, err := b.eth.APIBackend.StateAndHeaderByNumberOrHash(ctx, block)
	if err != nil {
		return nil, nil, err
	}
	if st == nil || header == nil {
		return nil, nil, errors.New("block not found")
	}
	return st, header, nil
}
