package inferencetx

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/precompiles"
)

var (
	gov       = common.HexToAddress("0x60f0")
	signer    = common.HexToAddress("0x5e9")
	user      = common.HexToAddress("0xa11ce")
	dataOwner = common.HexToAddress("0xd1")
	modelW    = receipt.Hash{0x11}
	adapterW  = receipt.Hash{0x22}
)

// TestABITypesAgree: the precompile's receipt tuple is the engine's.
func TestABITypesAgree(t *testing.T) {
	got := precompiles.InferenceABI().Methods["fulfill"].Inputs[3].Type.String()
	if got != receipt.ABIType {
		t.Fatalf("IInference.Commitment %s\nreceipt.ABIType          %s", got, receipt.ABIType)
	}
}

// engineReceipt is what the engine returns for req (a stand-in for the
// server: the fields the chain checks are derived exactly as the engine's
// receipt package does).
func engineReceipt(t *testing.T, req Request, output string, ids []int) *receipt.Receipt {
	t.Helper()
	r := &receipt.Receipt{
		RequestID: req.RequestID, ModelHash: modelW, PromptTokenIDs: []int{1, 2, 3},
		Sampler: req.Sampler, EngineVersion: "test", Determinism: "fp32",
		OutputTokenIDs: ids, OutputText: output, FinishReason: "stop",
	}
	for _, w := range req.Weights {
		r.Adapters = append(r.Adapters, receipt.AdapterRef{Hash: adapterW, Weight: w})
	}
	if err := r.Seal(); err != nil {
		t.Fatal(err)
	}
	return r
}

type evmChain struct {
	st  *state.StateDB
	evm *vm.EVM
}

func newChain(t *testing.T) *evmChain {
	st, err := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
	if err != nil {
		t.Fatal(err)
	}
	cfg := precompiles.DefaultGenesisConfig(gov)
	cfg.InferenceSigner = signer
	for addr, acc := range precompiles.GenesisAlloc(cfg) {
		st.SetNonce(addr, acc.Nonce, tracing.NonceChangeGenesis)
		st.SetCode(addr, acc.Code, tracing.CodeChangeGenesis)
		for k, v := range acc.Storage {
			st.SetState(addr, k, v)
		}
	}
	for _, a := range []common.Address{gov, signer, user} {
		st.SetNonce(a, 1, tracing.NonceChangeGenesis)
		st.AddBalance(a, uint256.NewInt(1e18), tracing.BalanceChangeUnspecified)
	}
	st.Finalise(true)
	ctx := vm.BlockContext{CanTransfer: core.CanTransfer, Transfer: core.Transfer, BlockNumber: big.NewInt(100),
		Time: 1_700_000_000, Difficulty: new(big.Int), BaseFee: new(big.Int), GasLimit: 60_000_000, Random: &common.Hash{}}
	return &evmChain{st: st, evm: vm.NewEVM(ctx, st, params.OptimismTestConfig, vm.Config{})}
}

// tx runs a call as a transaction: nonce bumped first, origin set.
func (c *evmChain) tx(t *testing.T, from, to common.Address, value uint64, input []byte) ([]byte, error) {
	t.Helper()
	c.st.SetNonce(from, c.st.GetNonce(from)+1, tracing.NonceChangeEoACall)
	c.evm.TxContext = vm.TxContext{Origin: from, GasPrice: new(uint256.Int)}
	ret, _, err := c.evm.Call(from, to, input, 30_000_000, uint256.NewInt(value))
	c.st.Finalise(true)
	return ret, err
}

// TestSequencerFlow drives the precompile the way the sequencer will:
// simulate, catch InferenceRequired, build the engine request from the
// calldata, turn the engine's receipt into a receipt transaction, then run
// the user's transaction after it in the same block.
func TestSequencerFlow(t *testing.T) {
	c := newChain(t)
	reg, infABI := precompiles.ModelRegistryABI(), precompiles.InferenceABI()
	mustPack := func(method string, args ...any) []byte {
		b, err := reg.Pack(method, args...)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, in := range [][]byte{
		mustPack("registerModel", "tiny", [32]byte(modelW), "ipfs://m"),
		mustPack("setModelPrice", big.NewInt(1), big.NewInt(1000)),
		mustPack("registerAdapter", big.NewInt(1), [32]byte(adapterW), "ipfs://a", [32]byte{}),
	} {
		if _, err := c.tx(t, gov, precompiles.ModelRegistryAddress, 0, in); err != nil {
			t.Fatal(err)
		}
	}
	call, err := precompiles.InferRequest{
		ModelID: big.NewInt(1), AdapterIDs: []*big.Int{big.NewInt(1)}, AdapterWeights: []*big.Int{big.NewInt(750_000)},
		Prompt: []byte("Once upon a time"), Params: precompiles.InferenceParams{TemperatureMilli: 800, TopPMilli: 900, TopK: 40, RepetitionPenaltyMilli: 1100, MaxTokens: 64, Seed: 7},
	}.Calldata()
	if err != nil {
		t.Fatal(err)
	}

	// 1. Simulation: the user's transaction reverts with InferenceRequired.
	nonce := c.st.GetNonce(user)
	simState := c.st.Copy()
	sim := &evmChain{st: simState, evm: vm.NewEVM(c.evm.Context, simState, params.OptimismTestConfig, vm.Config{})}
	ret, err := sim.tx(t, user, precompiles.InferenceAddress, 1000, call)
	e := infABI.Errors["InferenceRequired"]
	if err == nil || len(ret) < 4 || !bytes.Equal(ret[:4], e.ID[:4]) {
		t.Fatalf("simulation: %v %x", err, ret)
	}
	vals, err := e.Inputs.Unpack(ret[4:])
	if err != nil {
		t.Fatal(err)
	}
	id := common.Hash(vals[0].([32]byte))
	if want := precompiles.RequestID(params.OptimismTestConfig.ChainID, user, nonce, 0, call[4:]); id != want || vals[3].(uint64) != nonce {
		t.Fatalf("request id %s, off-chain %s", id, want)
	}

	// 2. The engine runs the request; its receipt becomes the receipt tx.
	req, err := EngineRequest(id, call)
	if err != nil {
		t.Fatal(err)
	}
	if req.Weights[0] != 0.75 || req.Sampler.Temperature != float32(0.8) || req.Sampler.RepetitionPenalty != float32(1.1) {
		t.Fatalf("engine request %+v", req)
	}
	r := engineReceipt(t, req, "there was a tiny model.", []int{90, 91, 92, 93, 2})
	fulfill, err := FulfillCalldata(id, params.OptimismTestConfig.ChainID, r, []common.Address{dataOwner}, []*big.Int{big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.tx(t, signer, precompiles.InferenceAddress, 0, fulfill); err != nil {
		t.Fatalf("receipt tx: %v", err)
	}

	// 3. The user's transaction, right after it in the same block.
	ret, err = c.tx(t, user, precompiles.InferenceAddress, 1000, call)
	if err != nil {
		t.Fatalf("user tx: %v %x", err, ret)
	}
	out, err := infABI.Unpack("infer", ret)
	if err != nil {
		t.Fatal(err)
	}
	if string(out[0].([]byte)) != r.OutputText || common.Hash(out[1].([32]byte)) != common.Hash(r.ReceiptHash) {
		t.Fatalf("infer returned %q %x, receipt %s", out[0], out[1], r.ReceiptHash)
	}
	if precompiles.ReadClaimable(c.st, dataOwner).Sign() == 0 {
		t.Fatal("data contributor not credited")
	}
}

func TestFulfillmentMatchesReceipt(t *testing.T) {
	id := common.HexToHash("0x01")
	req := Request{RequestID: id.Hex(), Weights: []float64{1}, Sampler: receipt.Sampler{Temperature: 0.5, MaxTokens: 8}}
	r := engineReceipt(t, req, "abc", []int{3, 4})
	f, err := Fulfillment(id, big.NewInt(10), r, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	rid, err := precompiles.ReceiptID(f.Receipt)
	if err != nil || rid != common.Hash(r.ReceiptHash) {
		t.Fatalf("receipt id %s, engine %s (%v)", rid, r.ReceiptHash, err)
	}
	if crypto.Keccak256Hash(f.OutputTokenIDs) != common.Hash(r.OutputHash) || crypto.Keccak256Hash(f.Output) != common.Hash(receipt.TextHash(r.OutputText)) {
		t.Fatal("output encodings disagree with the receipt's hashes")
	}
	if _, err := Fulfillment(common.HexToHash("0x02"), big.NewInt(10), r, nil, nil); err == nil {
		t.Fatal("accepted a receipt for another request")
	}
	r.OutputText = "abd" // hashes no longer match
	if _, err := Fulfillment(id, big.NewInt(10), r, nil, nil); err == nil {
		t.Fatal("accepted an invalid receipt")
	}
	in, err := FailedCalldata(id, big.NewInt(10), "deadline")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := precompiles.DecodeFulfill(in); err != nil || got.Status != precompiles.StatusFailed || got.Receipt.FinishReason != "deadline" {
		t.Fatalf("failed receipt %+v %v", got, err)
	}
	if _, err := EngineRequest(id, in); err == nil {
		t.Fatal("EngineRequest decoded fulfill calldata")
	}
}
