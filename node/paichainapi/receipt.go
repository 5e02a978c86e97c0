package paichainapi

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/holiman/uint256"

	"github.com/paichain/paichain/precompiles"
)

// InferenceReceipt is paichain_getInferenceReceipt's answer: the record
// the Inference precompile keeps for a request id, completed from the
// block it was fulfilled in. A receipt is consumed in the block it was
// fulfilled in, so that one block holds both transactions and their logs.
type InferenceReceipt struct {
	RequestID common.Hash `json:"requestId"`
	// Status is "fulfilled", "failed", "consumed" or "swept".
	Status      string         `json:"status"`
	FulfilledAt hexutil.Uint64 `json:"fulfilledAt"`
	// Expired: fulfilled or failed in an earlier block than the one
	// queried and never consumed; only sweep can clear it now.
	Expired   bool         `json:"expired"`
	ReceiptID common.Hash  `json:"receiptId"`
	ModelID   *hexutil.Big `json:"modelId"`
	// AdapterIDs, Output, Contributors and Weights come from the state
	// while the record is fulfilled (or failed: empty), from the receipt
	// transaction's calldata once it is consumed or swept (the state keeps a
	// tombstone); null if that calldata is not at hand (fulfil was not the
	// transaction's top-level call).
	AdapterIDs   []*hexutil.Big   `json:"adapterIds"`
	Output       *hexutil.Bytes   `json:"output"`
	OutputText   *string          `json:"outputText"` // null unless the output is known and valid UTF-8
	Contributors []common.Address `json:"contributors"`
	Weights      []*hexutil.Big   `json:"weights"`
	// Commitment is the engine receipt the signer submitted, decoded from
	// the receipt transaction (null if fulfil was not that transaction's
	// top-level call).
	Commitment *Commitment `json:"commitment"`

	FulfillTxHash      *common.Hash    `json:"fulfillTxHash"`
	FulfillBlockHash   *common.Hash    `json:"fulfillBlockHash"`
	ConsumeTxHash      *common.Hash    `json:"consumeTxHash"`
	ConsumeBlockNumber *hexutil.Uint64 `json:"consumeBlockNumber"`
	ConsumeBlockHash   *common.Hash    `json:"consumeBlockHash"`
	Payer              *common.Address `json:"payer"`  // msg.sender of the consuming infer call
	Amount             *hexutil.Big    `json:"amount"` // wei it paid
}

// Commitment is IInference.Commitment in JSON: the sampler's floats as
// numbers (null if not finite), adapters with their merge weights.
type Commitment struct {
	Version        uint8          `json:"version"`
	RequestID      string         `json:"requestId"`
	ModelHash      common.Hash    `json:"modelHash"`
	Adapters       []AdapterRef   `json:"adapters"`
	MergeMethod    string         `json:"mergeMethod"`
	MergeSeed      hexutil.Uint64 `json:"mergeSeed"`
	PromptHash     common.Hash    `json:"promptHash"`
	PromptTokens   uint32         `json:"promptTokens"`
	Sampler        Sampler        `json:"sampler"`
	EngineVersion  string         `json:"engineVersion"`
	Determinism    string         `json:"determinism"`
	OutputHash     common.Hash    `json:"outputHash"`
	OutputTokens   uint32         `json:"outputTokens"`
	OutputTokenIDs []uint32       `json:"outputTokenIds"`
	OutputTextHash common.Hash    `json:"outputTextHash"`
	FinishReason   string         `json:"finishReason"`
}

// AdapterRef is an adapter hash with its merge weight.
type AdapterRef struct {
	Hash   common.Hash `json:"hash"`
	Weight Float       `json:"weight"`
}

// Sampler is IInference.Sampler with float fields decoded.
type Sampler struct {
	Temperature       Float          `json:"temperature"`
	TopP              Float          `json:"topP"`
	TopK              uint32         `json:"topK"`
	RepetitionPenalty Float          `json:"repetitionPenalty"`
	Seed              hexutil.Uint64 `json:"seed"`
	MaxTokens         uint32         `json:"maxTokens"`
	StopTokens        []uint32       `json:"stopTokens"`
	Stop              []string       `json:"stop"`
}

// Float is a float32 or float64 value written with the fewest digits that
// round-trip at its precision; null if NaN or infinite.
type Float struct {
	v    float64
	bits int
}

// MarshalJSON implements json.Marshaler.
func (f Float) MarshalJSON() ([]byte, error) {
	if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatFloat(f.v, 'g', -1, f.bits)), nil
}

// UnmarshalJSON reads a number, or null as NaN.
func (f *Float) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		f.v, f.bits = math.NaN(), 64
		return nil
	}
	f.bits = 64
	return json.Unmarshal(b, &f.v)
}

// Value is the number (NaN if not finite).
func (f Float) Value() float64 { return f.v }

func float32Bits(b uint32) Float { return Float{float64(math.Float32frombits(b)), 32} }
func float64Bits(b uint64) Float { return Float{math.Float64frombits(b), 64} }

var statusNames = map[uint8]string{
	precompiles.StatusNone:      "none",
	precompiles.StatusFulfilled: "fulfilled",
	precompiles.StatusFailed:    "failed",
	precompiles.StatusConsumed:  "consumed",
	precompiles.StatusSwept:     "swept",
}

var (
	fulfilledEvent = inferenceABI.Events["InferenceFulfilled"]
	servedEvent    = inferenceABI.Events["InferenceServed"]
	registryABI    = precompiles.ModelRegistryABI()
)

func (b *chainBackend) inferenceReceipt(ctx context.Context, st *state.StateDB, header *types.Header, id common.Hash) (*InferenceReceipt, error) {
	rec := precompiles.ReadReceipt(st, id)
	if rec.Status == precompiles.StatusNone {
		return nil, nil
	}
	name, ok := statusNames[rec.Status]
	if !ok {
		name = fmt.Sprintf("unknown(%d)", rec.Status)
	}
	out := &InferenceReceipt{
		RequestID: id, Status: name, FulfilledAt: hexutil.Uint64(rec.FulfilledAt), ReceiptID: rec.ReceiptId,
		Expired: (rec.Status == precompiles.StatusFulfilled || rec.Status == precompiles.StatusFailed) && rec.FulfilledAt < header.Number.Uint64(),
		ModelID: (*hexutil.Big)(new(big.Int)),
	}
	if rec.Status == precompiles.StatusFulfilled || rec.Status == precompiles.StatusFailed {
		if rec.Status == precompiles.StatusFulfilled {
			out.ModelID = (*hexutil.Big)(rec.ModelId)
		}
		out.setPayload(rec.AdapterIds, rec.Output, rec.Contributors, rec.Weights)
	}
	block, receipts, err := b.blockWithReceipts(ctx, rec.FulfilledAt, header)
	if err != nil {
		return nil, err
	}
	if block != nil {
		b.fromBlock(out, st, header, block, receipts, rec.Status)
	}
	if out.Output != nil && utf8.Valid(*out.Output) {
		s := string(*out.Output)
		out.OutputText = &s
	}
	return out, nil
}

func (out *InferenceReceipt) setPayload(adapterIDs []*big.Int, output []byte, contributors []common.Address, weights []*big.Int) {
	out.AdapterIDs, out.Contributors, out.Weights = []*hexutil.Big{}, nonNil(contributors), []*hexutil.Big{}
	for _, a := range adapterIDs {
		out.AdapterIDs = append(out.AdapterIDs, (*hexutil.Big)(a))
	}
	o := hexutil.Bytes(common.CopyBytes(output))
	if o == nil {
		o = hexutil.Bytes{}
	}
	out.Output = &o
	for _, w := range weights {
		out.Weights = append(out.Weights, (*hexutil.Big)(w))
	}
}

// blockWithReceipts returns block number n as seen from header's chain
// (header itself may be the pending block), nil if it is not available.
func (b *chainBackend) blockWithReceipts(ctx context.Context, n uint64, header *types.Header) (*types.Block, types.Receipts, error) {
	if n > header.Number.Uint64() {
		return nil, nil, nil
	}
	if n == header.Number.Uint64() && b.eth.BlockChain().GetHeaderByHash(header.Hash()) == nil {
		// The pending block: only the miner has it.
		block, receipts, _ := b.eth.Miner().Pending()
		if block == nil || block.Hash() != header.Hash() {
			return nil, nil, nil
		}
		return block, receipts, nil
	}
	block, err := b.eth.APIBackend.BlockByNumber(ctx, rpc.BlockNumber(n))
	if err != nil || block == nil {
		return nil, nil, err
	}
	receipts, err := b.eth.APIBackend.GetReceipts(ctx, block.Hash())
	if err != nil {
		return nil, nil, fmt.Errorf("receipts of block %d: %w", n, err)
	}
	return block, receipts, nil
}

// fromBlock completes out from the logs and transactions of the block the
// receipt was fulfilled in: InferenceFulfilled names the receipt
// transaction, InferenceServed the consuming one (both are indexed by
// request id, so the block's bloom filter rules most blocks out at once).
func (b *chainBackend) fromBlock(out *InferenceReceipt, st *state.StateDB, header *types.Header, block *types.Block, receipts types.Receipts, status uint8) {
	if !types.BloomLookup(block.Bloom(), out.RequestID) || len(receipts) != len(block.Transactions()) {
		return
	}
	bh, bn := block.Hash(), hexutil.Uint64(block.NumberU64())
	for i, r := range receipts {
		tx := block.Transactions()[i]
		for _, l := range r.Logs {
			if l.Address != precompiles.InferenceAddress || len(l.Topics) != 4 || l.Topics[1] != out.RequestID || l.Topics[2] != out.ReceiptID {
				continue
			}
			switch l.Topics[0] {
			case fulfilledEvent.ID:
				h := tx.Hash()
				out.FulfillTxHash, out.FulfillBlockHash = &h, &bh
				out.ModelID = (*hexutil.Big)(l.Topics[3].Big())
				b.fromCalldata(out, st, header, tx, status)
			case servedEvent.ID:
				vals, err := servedEvent.Inputs.NonIndexed().Unpack(l.Data)
				if err != nil {
					continue
				}
				h, payer := tx.Hash(), vals[0].(common.Address)
				out.ConsumeTxHash, out.ConsumeBlockNumber, out.ConsumeBlockHash = &h, &bn, &bh
				out.Payer, out.Amount = &payer, (*hexutil.Big)(vals[1].(*big.Int))
			}
		}
	}
}

// fromCalldata decodes the receipt transaction's fulfil call, if it was the
// transaction's top-level call and matches the stored receipt id.
func (b *chainBackend) fromCalldata(out *InferenceReceipt, st *state.StateDB, header *types.Header, tx *types.Transaction, status uint8) {
	if tx.To() == nil || *tx.To() != precompiles.InferenceAddress {
		return
	}
	f, err := precompiles.DecodeFulfill(tx.Data())
	if err != nil || f.RequestID != out.RequestID {
		return
	}
	if rid, err := precompiles.ReceiptID(f.Receipt); err != nil || rid != out.ReceiptID {
		return
	}
	rc := f.Receipt
	c := &Commitment{
		Version: rc.Version, RequestID: rc.RequestId, ModelHash: rc.ModelHash, Adapters: []AdapterRef{},
		MergeMethod: rc.MergeMethod, MergeSeed: hexutil.Uint64(rc.MergeSeed), PromptHash: rc.PromptHash,
		PromptTokens: rc.PromptTokens,
		Sampler: Sampler{
			Temperature: float32Bits(rc.Sampler.Temperature), TopP: float32Bits(rc.Sampler.TopP), TopK: rc.Sampler.TopK,
			RepetitionPenalty: float32Bits(rc.Sampler.RepetitionPenalty), Seed: hexutil.Uint64(rc.Sampler.Seed),
			MaxTokens: rc.Sampler.MaxTokens, StopTokens: nonNil(rc.Sampler.StopTokens), Stop: nonNil(rc.Sampler.Stop),
		},
		EngineVersion: rc.EngineVersion, Determinism: rc.Determinism, OutputHash: rc.OutputHash,
		OutputTokens: rc.OutputTokens, OutputTokenIDs: []uint32{}, OutputTextHash: rc.OutputTextHash, FinishReason: rc.FinishReason,
	}
	for i, h := range rc.AdapterHashes {
		c.Adapters = append(c.Adapters, AdapterRef{Hash: h, Weight: float64Bits(rc.AdapterWeights[i])})
	}
	for i := 0; i+4 <= len(f.OutputTokenIDs); i += 4 {
		c.OutputTokenIDs = append(c.OutputTokenIDs, binary.BigEndian.Uint32(f.OutputTokenIDs[i:]))
	}
	out.Commitment = c
	if status != precompiles.StatusConsumed && status != precompiles.StatusSwept {
		return // the state has the record itself
	}
	ids := make([]*big.Int, len(rc.AdapterHashes))
	for i, h := range rc.AdapterHashes {
		ids[i] = b.adapterIDByHash(st, header, h)
	}
	out.setPayload(ids, f.Output, f.Contributors, f.Weights)
}

// adapterIDByHash asks the registry (an internal static call; hash → id
// never changes once registered). Zero if unknown.
func (b *chainBackend) adapterIDByHash(st *state.StateDB, header *types.Header, h common.Hash) *big.Int {
	input, err := registryABI.Pack("adapterIdByHash", [32]byte(h))
	if err != nil {
		return new(big.Int)
	}
	cfg := b.config()
	evm := vm.NewEVM(core.NewEVMBlockContext(header, b.eth.BlockChain(), nil, cfg, st), st.Copy(), cfg, vm.Config{})
	evm.SetTxContext(vm.TxContext{GasPrice: new(uint256.Int)})
	ret, _, err := evm.StaticCall(common.Address{}, precompiles.ModelRegistryAddress, input, 1_000_000)
	if err != nil {
		return new(big.Int)
	}
	vals, err := registryABI.Unpack("adapterIdByHash", ret)
	if err != nil {
		return new(big.Int)
	}
	return vals[0].(*big.Int)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
