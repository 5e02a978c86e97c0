package precompiles

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

// Fuzzing the ABI decoders through the real EVM: whatever the input, value
// and call kind, a precompile never panics (a recovered panic would show as
// a revert without data), reverts only with one of its declared custom
// errors, leaves state and logs untouched when it fails, and returns output
// that decodes against its ABI when it succeeds.

func FuzzModelRegistryInput(f *testing.F) {
	for _, in := range [][]byte{
		pack(f, regABI, "registerModel", "m", h(9), "u"),
		pack(f, regABI, "registerAdapter", big.NewInt(1), h(9), "u", h(1)),
		pack(f, regABI, "setModelPrice", big.NewInt(1), big.NewInt(5)),
		pack(f, regABI, "transferModel", big.NewInt(1), bob),
		pack(f, regABI, "setAdapterPrice", big.NewInt(1), big.NewInt(5)),
		pack(f, regABI, "transferAdapter", big.NewInt(1), bob),
		pack(f, regABI, "getModel", big.NewInt(1)),
		pack(f, regABI, "getAdapter", big.NewInt(1)),
		pack(f, regABI, "modelCount"),
		pack(f, regABI, "adapterCount"),
		pack(f, regABI, "modelIdByWeightsHash", h(1)),
		pack(f, regABI, "adapterIdByHash", h(2)),
		{0x01, 0x02},
	} {
		f.Add(in, byte(0))
	}
	base := fuzzBase(f)
	f.Fuzz(func(t *testing.T, input []byte, mode byte) {
		fuzzCall(t, base, ModelRegistryAddress, regABI, input, mode)
	})
}

func FuzzAttributionInput(f *testing.F) {
	addrs, weights := contributors(3)
	for _, in := range [][]byte{
		pack(f, attrABI, "payForCall", big.NewInt(1), big.NewInt(1), addrs, weights),
		pack(f, attrABI, "payForCall", big.NewInt(1), big.NewInt(0), []common.Address{}, []*big.Int{}),
		pack(f, attrABI, "quote", big.NewInt(1), big.NewInt(1)),
		pack(f, attrABI, "claim"),
		pack(f, attrABI, "claimable", alice),
		pack(f, attrABI, "feePolicy"),
		pack(f, attrABI, "governance"),
		pack(f, attrABI, "protocolFeeRecipient"),
		pack(f, attrABI, "setFeePolicy", uint16(1000), uint16(2000), uint16(2000), uint16(5000)),
		pack(f, attrABI, "setGovernance", bob),
		pack(f, attrABI, "setProtocolFeeRecipient", bob),
	} {
		f.Add(in, byte(1))
	}
	base := fuzzBase(f)
	f.Fuzz(func(t *testing.T, input []byte, mode byte) {
		fuzzCall(t, base, AttributionAddress, attrABI, input, mode)
	})
}

// fuzzBase is a chain holding a model, an adapter and a payment; each fuzz
// input runs on a copy of it.
func fuzzBase(f *testing.F) *chain {
	c := defaultChain(f)
	model := c.registerModel(alice, "m", 1, 0)
	c.registerAdapter(bob, model, 2, 0)
	c.mustCall(payer, AttributionAddress, 1000, pack(f, attrABI, "payForCall", big.NewInt(1), big.NewInt(1), []common.Address{carol}, bigs(1)))
	c.root()
	return c
}

// fuzzCall runs input on a copy of base. mode picks the caller (owner and
// governance, or a stranger), whether one wei is sent and the call kind.
func fuzzCall(t *testing.T, base *chain, to common.Address, a abi.ABI, input []byte, mode byte) {
	st := base.st.Copy()
	c := &chain{t: t, st: st, evm: newEVM(st, params.OptimismTestConfig)}
	from := []common.Address{alice, gov}[mode&1]
	value := uint256.NewInt(uint64(mode>>1) & 1)
	before, nlogs := c.root(), len(c.st.Logs())

	var ret []byte
	var left uint64
	var err error
	switch kind := (mode >> 2) % 3; kind {
	case 0:
		ret, left, err = c.evm.Call(from, to, input, callGas, value)
	case 1:
		ret, left, err = c.evm.StaticCall(from, to, input, callGas)
	default:
		ret, left, err = c.evm.DelegateCall(from, from, to, input, callGas, value)
	}
	c.st.Finalise(true)
	if left > callGas {
		t.Fatalf("gas left %d exceeds gas given", left)
	}
	if err == nil {
		m, merr := a.MethodById(input)
		if merr != nil {
			t.Fatalf("success for unknown selector %x", input)
		}
		if _, uerr := m.Outputs.Unpack(ret); uerr != nil {
			t.Fatalf("%s returned undecodable %x: %v", m.Name, ret, uerr)
		}
		return
	}
	if c.root() != before || len(c.st.Logs()) != nlogs {
		t.Fatalf("failed call (%v) changed state or logged", err)
	}
	if !errors.Is(err, vm.ErrExecutionReverted) {
		t.Fatalf("unexpected error %v", err) // inputs here never run out of gas
	}
	if len(ret) < 4 {
		t.Fatalf("revert without custom error (a recovered panic?): %x", ret)
	}
	for _, e := range a.Errors {
		if string(e.ID[:4]) == string(ret[:4]) {
			if _, uerr := e.Inputs.Unpack(ret[4:]); uerr != nil {
				t.Fatalf("error %s with bad arguments %x", e.Name, ret)
			}
			return
		}
	}
	t.Fatalf("revert with undeclared data %x", ret)
}

func FuzzInferenceInput(f *testing.F) {
	c := fuzzBase(f)
	c.mustCall(gov, InferenceAddress, 0, pack(f, infABI, "setInferenceSigner", alice))
	// The fuzz EVM has a zero origin with nonce 0: seed a receipt infer can
	// consume and one fulfill that passes every check.
	req := InferRequest{ModelID: big.NewInt(1), AdapterIDs: bigs(1), AdapterWeights: bigs(1_000_000), Prompt: []byte("p"),
		Params: InferenceParams{TemperatureMilli: 1000, MaxTokens: 8, Seed: 1}}
	in := mustCalldata(f, req)
	id := RequestID(chainID(), common.Address{}, 0, 0, in[4:])
	store := receiptFor(f, id, req, "o", tokens(1), []common.Address{carol}, bigs(1))
	store.Receipt.ModelHash, store.Receipt.AdapterHashes = h(1), [][32]byte{h(2)}
	c.mustCall(alice, InferenceAddress, 0, mustCalldata(f, store))
	fresh := store
	fresh.RequestID = h(0x42)
	fresh.Receipt.RequestId = common.Hash(h(0x42)).Hex()
	failed := Fulfillment{RequestID: h(0x43), ChainID: chainID(), Status: StatusFailed,
		Receipt: ReceiptCommitment{Version: ReceiptVersion, RequestId: common.Hash(h(0x43)).Hex()}}
	c.root()
	for _, in := range [][]byte{
		in,
		mustCalldata(f, fresh),
		mustCalldata(f, failed),
		pack(f, infABI, "sweep", [][32]byte{id, h(1)}),
		pack(f, infABI, "getReceipt", [32]byte(id)),
		pack(f, infABI, "inferenceSigner"),
		pack(f, infABI, "setInferenceSigner", bob),
		pack(f, infABI, "requestIdFor", alice, uint64(1), uint32(0), req.ModelID, req.AdapterIDs, req.AdapterWeights, req.Prompt, req.Params),
	} {
		f.Add(in, byte(0))
	}
	f.Fuzz(func(t *testing.T, input []byte, mode byte) {
		fuzzCall(t, c, InferenceAddress, infABI, input, mode)
	})
}

// FuzzInferenceCodec runs the Go decoders the sequencer uses on receipt
// and request calldata: they never panic, and what they accept re-encodes
// to the same bytes.
func FuzzInferenceCodec(f *testing.F) {
	req := InferRequest{ModelID: big.NewInt(1), AdapterIDs: bigs(1), AdapterWeights: bigs(1), Prompt: []byte("p")}
	f.Add(mustCalldata(f, req))
	f.Add(mustCalldata(f, receiptFor(f, h(1), req, "o", tokens(2), []common.Address{carol}, bigs(1))))
	f.Fuzz(func(t *testing.T, in []byte) {
		if r, err := DecodeInfer(in); err == nil {
			if again := mustCalldata(t, r); string(again) != string(in) {
				t.Fatalf("infer re-encodes differently")
			}
		}
		if r, err := DecodeFulfill(in); err == nil {
			if again := mustCalldata(t, r); string(again) != string(in) {
				t.Fatalf("fulfill re-encodes differently")
			}
			if _, err := ReceiptID(r.Receipt); err != nil {
				t.Fatal(err)
			}
		}
	})
}
