package precompiles

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

var (
	seq    = common.HexToAddress("0x00000000000000000000000000000000000005e9")
	infABI = InferenceABI()
)

// inferenceChain is the default chain with seq as inference signer, model 1
// (alice, price 1000, hash h(1)), adapters 1 and 2 of it (bob h(2) price 500,
// carol h(3) price 300) and model 2 (hash h(4)) with adapter 3 (h(5)).
func inferenceChain(t testing.TB) *chain {
	cfg := DefaultGenesisConfig(gov)
	cfg.InferenceSigner = seq
	c := newChain(t, &cfg)
	m := c.registerModel(alice, "m", 1, 1000)
	c.registerAdapter(bob, m, 2, 500)
	c.registerAdapter(carol, m, 3, 300)
	m2 := c.registerModel(alice, "m2", 4, 0)
	c.registerAdapter(bob, m2, 5, 0)
	return c
}

// tx runs input as a transaction from `from`: origin set, nonce bumped
// before execution as the state transition does. It returns the result and
// the transaction's nonce. Transient storage persists until newTx.
func (c *chain) tx(from, to common.Address, value uint64, input []byte) (result, uint64) {
	nonce := c.st.GetNonce(from)
	c.st.SetNonce(from, nonce+1, tracing.NonceChangeEoACall)
	c.evm.TxContext = vm.TxContext{Origin: from, GasPrice: new(uint256.Int)}
	return c.call(from, to, value, input), nonce
}

// newTx starts a new transaction: transient storage is cleared.
func (c *chain) newTx() {
	rules := c.evm.ChainConfig().Rules(c.evm.Context.BlockNumber, true, c.evm.Context.Time)
	c.st.Prepare(rules, common.Address{}, common.Address{}, nil, nil, nil)
}

func (c *chain) setBlock(n int64) { c.evm.Context.BlockNumber = big.NewInt(n) }

func chainID() *big.Int { return params.OptimismTestConfig.ChainID }

var crypto256 = crypto.Keccak256Hash

func defaultRequest() InferRequest {
	return InferRequest{
		ModelID: big.NewInt(1), AdapterIDs: bigs(1), AdapterWeights: bigs(1_000_000),
		Prompt: []byte("Once upon a time"),
		Params: InferenceParams{TemperatureMilli: 700, TopPMilli: 950, TopK: 40, RepetitionPenaltyMilli: 1000, MaxTokens: 64, Seed: 42},
	}
}

func mustCalldata(t testing.TB, r interface{ Calldata() ([]byte, error) }) []byte {
	t.Helper()
	b, err := r.Calldata()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// receiptFor builds the fulfillment a correct engine would send for req.
func receiptFor(t testing.TB, id common.Hash, req InferRequest, output string, tokens []uint32, contribs []common.Address, weights []*big.Int) Fulfillment {
	t.Helper()
	hashes := map[uint64][32]byte{1: h(2), 2: h(3), 3: h(5)}
	models := map[uint64][32]byte{1: h(1), 2: h(4)}
	p := req.Params
	rc := ReceiptCommitment{
		Version: ReceiptVersion, RequestId: id.Hex(), ModelHash: models[req.ModelID.Uint64()],
		PromptHash: h(0x77), PromptTokens: 5,
		Sampler: ReceiptSampler{
			Temperature: math.Float32bits(MilliToFloat32(p.TemperatureMilli)), TopP: math.Float32bits(MilliToFloat32(p.TopPMilli)),
			TopK: p.TopK, RepetitionPenalty: math.Float32bits(MilliToFloat32(p.RepetitionPenaltyMilli)),
			Seed: p.Seed, MaxTokens: p.MaxTokens, StopTokens: []uint32{2}, Stop: []string{},
		},
		EngineVersion: "paichain-infer/1", Determinism: "batch-invariant", FinishReason: "length",
		OutputTokens: uint32(len(tokens)), OutputTextHash: [32]byte(crypto256([]byte(output))),
		OutputHash: [32]byte(crypto256(PackTokenIDs(tokens))),
	}
	for i, a := range req.AdapterIDs {
		rc.AdapterHashes = append(rc.AdapterHashes, hashes[a.Uint64()])
		rc.AdapterWeights = append(rc.AdapterWeights, math.Float64bits(PPMToFloat64(req.AdapterWeights[i].Uint64())))
	}
	return Fulfillment{
		RequestID: id, ChainID: chainID(), Status: StatusFulfilled, Receipt: rc,
		Output: []byte(output), OutputTokenIDs: PackTokenIDs(tokens), Contributors: contribs, Weights: weights,
	}
}

func tokens(n int) []uint32 {
	out := make([]uint32, n)
	for i := range out {
		out[i] = uint32(100 + i)
	}
	return out
}

// expectedID is the request id of req sent by from with nonce as the
// index-th infer call of its transaction, computed off chain.
func expectedID(t testing.TB, from common.Address, nonce uint64, index uint32, req InferRequest) common.Hash {
	return RequestID(chainID(), from, nonce, index, mustCalldata(t, req)[4:])
}

func TestInferWithoutReceiptRequiresInference(t *testing.T) {
	c := inferenceChain(t)
	req := defaultRequest()
	in := mustCalldata(t, req)
	before := c.root()
	r, nonce := c.tx(payer, InferenceAddress, 1500, in)
	id := expectedID(t, payer, nonce, 0, req)
	wantRevert(t, r, infABI, "InferenceRequired", [32]byte(id), big.NewInt(1), payer, nonce, uint32(0))
	c.st.SetNonce(payer, nonce, tracing.NonceChangeUnspecified) // only the revert's effects are compared
	if c.root() != before {
		t.Fatal("InferenceRequired changed state")
	}
	// The view computes the same id for off-chain tools.
	view := c.static(alice, InferenceAddress, pack(t, infABI, "requestIdFor", payer, nonce, uint32(0),
		req.ModelID, req.AdapterIDs, req.AdapterWeights, req.Prompt, req.Params))
	if view.err != nil || common.BytesToHash(view.ret) != id {
		t.Fatalf("requestIdFor = %x (%v), want %s", view.ret, view.err, id)
	}
	// Any change of input, sender, nonce or index changes the id.
	other := req
	other.Prompt = []byte("Once upon a time!")
	for _, o := range []common.Hash{
		expectedID(t, payer, nonce, 0, other), expectedID(t, alice, nonce, 0, req),
		expectedID(t, payer, nonce+1, 0, req), expectedID(t, payer, nonce, 1, req),
		RequestID(big.NewInt(10), payer, nonce, 0, in[4:]),
	} {
		if o == id {
			t.Fatal("request id ignores one of its inputs")
		}
	}
}

// TestFulfillThenInfer: a receipt transaction then the user transaction in
// the same block; output returned, payment split exactly, record consumed.
func TestFulfillThenInfer(t *testing.T) {
	d1, d2 := common.HexToAddress("0xd1"), common.HexToAddress("0xd2")
	for _, tc := range []struct {
		name        string
		adapters    []uint64
		weightsPPM  []uint64
		contribs    []common.Address
		cw          []*big.Int
		value       uint64
		noRecipient bool
	}{
		{"base model, no contributors", nil, nil, nil, nil, 1000, false},
		{"one adapter, two contributors", []uint64{1}, []uint64{1_000_000}, []common.Address{d1, d2}, bigs(1, 3), 1500, false},
		{"two merged adapters, overpaid", []uint64{1, 2}, []uint64{700_000, 300_000}, []common.Address{d1}, bigs(5), 10_007, false},
		{"no protocol recipient", []uint64{1, 2}, []uint64{500_000, 500_000}, []common.Address{d1, d2}, bigs(1, 1), 1_801, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := inferenceChain(t)
			if tc.noRecipient {
				c.mustCall(gov, AttributionAddress, 0, pack(t, attrABI, "setProtocolFeeRecipient", common.Address{}))
			}
			req := defaultRequest()
			req.AdapterIDs, req.AdapterWeights = bigs(tc.adapters...), bigs(tc.weightsPPM...)
			nonce := c.st.GetNonce(payer)
			id := expectedID(t, payer, nonce, 0, req)
			out := strings.Repeat("the cat sat on the mat. ", 11) // 264 bytes, 9 words
			f := receiptFor(t, id, req, out, tokens(64), tc.contribs, tc.cw)
			c.newTx()
			c.tx(seq, InferenceAddress, 0, mustCalldata(t, f))
			if got := ReadReceipt(c.st, id); got.Status != StatusFulfilled || got.FulfilledAt != 7 || string(got.Output) != out {
				t.Fatalf("stored receipt %+v", got)
			}

			watch := append([]common.Address{gov, alice, bob, carol}, tc.contribs...)
			before := make(map[common.Address]uint64)
			for _, a := range watch {
				before[a] = claimableOf(c, a)
			}
			payerBal, attrBal := c.st.GetBalance(payer).Uint64(), c.st.GetBalance(AttributionAddress).Uint64()
			c.newTx()
			r, _ := c.tx(payer, InferenceAddress, tc.value, mustCalldata(t, req))
			if r.err != nil {
				t.Fatalf("infer: %v %x", r.err, r.ret)
			}
			vals := unpack(t, infABI, "infer", r.ret)
			wantID, _ := ReceiptID(f.Receipt)
			if string(vals[0].([]byte)) != out || common.Hash(vals[1].([32]byte)) != wantID {
				t.Fatalf("infer returned %q %x", vals[0], vals[1])
			}

			// Expected split, computed independently of the EVM path.
			var ws []*uint256.Int
			for _, w := range tc.cw {
				ws = append(ws, u256(w))
			}
			s, err := SplitPayment(uint256.NewInt(tc.value), DefaultFeePolicy(), len(tc.adapters) > 0, !tc.noRecipient, ws)
			if err != nil {
				t.Fatal(err)
			}
			parts := s.ShareAdapters(len(tc.adapters), !tc.noRecipient)
			want := map[common.Address]uint64{gov: s.Protocol.Uint64(), alice: s.ModelOwner.Uint64()}
			owners := []common.Address{bob, carol}
			for i := range tc.adapters {
				want[owners[i]] += parts[i].Uint64()
			}
			for i, a := range tc.contribs {
				want[a] += s.Contributors[i].Uint64()
			}
			sum := uint64(0)
			for _, a := range watch {
				got := claimableOf(c, a) - before[a]
				if got != want[a] {
					t.Errorf("credit of %s = %d, want %d", a, got, want[a])
				}
				sum += got
			}
			if sum != tc.value {
				t.Errorf("credits sum to %d, paid %d", sum, tc.value)
			}
			if got := c.st.GetBalance(AttributionAddress).Uint64() - attrBal; got != tc.value {
				t.Errorf("attribution received %d, want %d", got, tc.value)
			}
			if payerBal-c.st.GetBalance(payer).Uint64() != tc.value || !c.st.GetBalance(InferenceAddress).IsZero() {
				t.Errorf("payer or inference balance wrong")
			}
			// Consumed: a tombstone with the receipt id, data cleared.
			got := ReadReceipt(c.st, id)
			if got.Status != StatusConsumed || got.ReceiptId != wantID || len(got.Output) != 0 || got.ModelId.Sign() != 0 {
				t.Fatalf("after infer: %+v", got)
			}
			base := receiptBase(id)
			for off := uint64(recModelID); off < recOutput+9; off++ {
				if c.st.GetState(InferenceAddress, fieldSlot(base, off)) != (common.Hash{}) {
					t.Fatalf("record word %d not cleared", off)
				}
			}
			// Logs: Paid and Credited from Attribution, InferenceServed last.
			logs := c.st.Logs()
			served := logs[len(logs)-1]
			if served.Address != InferenceAddress || served.Topics[0] != infABI.Events["InferenceServed"].ID || served.Topics[1] != id {
				t.Fatalf("last log %+v", served)
			}
			if paid := logs[len(logs)-2]; paid.Address != AttributionAddress || paid.Topics[0] != attrABI.Events["Paid"].ID {
				t.Fatalf("Paid log %+v", paid)
			}
		})
	}
}

// TestTwoInferCallsInOneTransaction: the transient call index gives each
// consumed call its own request id.
func TestTwoInferCallsInOneTransaction(t *testing.T) {
	c := inferenceChain(t)
	req := defaultRequest()
	nonce := c.st.GetNonce(payer)
	id0, id1 := expectedID(t, payer, nonce, 0, req), expectedID(t, payer, nonce, 1, req)
	c.tx(seq, InferenceAddress, 0, mustCalldata(t, receiptFor(t, id0, req, "first", tokens(2), nil, nil)))
	c.tx(seq, InferenceAddress, 0, mustCalldata(t, receiptFor(t, id1, req, "second", tokens(3), nil, nil)))
	c.newTx()
	in := mustCalldata(t, req)
	r, _ := c.tx(payer, InferenceAddress, 1500, in)
	if r.err != nil || string(unpack(t, infABI, "infer", r.ret)[0].([]byte)) != "first" {
		t.Fatalf("first call: %v %x", r.err, r.ret)
	}
	// Same transaction (same nonce, transient storage kept): second call.
	c.st.SetNonce(payer, nonce+1, tracing.NonceChangeUnspecified)
	r = c.call(payer, InferenceAddress, 1500, in)
	if r.err != nil || string(unpack(t, infABI, "infer", r.ret)[0].([]byte)) != "second" {
		t.Fatalf("second call: %v %x", r.err, r.ret)
	}
	// A third call in the same transaction needs a third receipt.
	r = c.call(payer, InferenceAddress, 1500, in)
	wantRevert(t, r, infABI, "InferenceRequired", [32]byte(expectedID(t, payer, nonce, 2, req)), big.NewInt(1), payer, nonce, uint32(2))
}

func TestFulfillRejects(t *testing.T) {
	req := defaultRequest()
	nonce := uint64(1)
	id := expectedID(t, payer, nonce, 0, req)
	good := func() Fulfillment {
		return receiptFor(t, id, req, "hello world", tokens(3), []common.Address{carol}, bigs(1))
	}
	big1 := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	many, manyW := contributors(MaxContributors + 1)
	for _, tc := range []struct {
		name   string
		from   common.Address
		mutate func(f *Fulfillment)
		err    string
		args   []any
	}{
		{"forged sender", alice, func(*Fulfillment) {}, "NotInferenceSigner", []any{alice}},
		{"governance is not the signer", gov, func(*Fulfillment) {}, "NotInferenceSigner", []any{gov}},
		{"wrong chain", seq, func(f *Fulfillment) { f.ChainID = big.NewInt(10) }, "WrongChain", []any{chainID(), big.NewInt(10)}},
		{"unknown version", seq, func(f *Fulfillment) { f.Receipt.Version = 2 }, "UnsupportedReceiptVersion", []any{uint8(2)}},
		{"receipt for another request", seq, func(f *Fulfillment) { f.Receipt.RequestId = "req-1" }, "RequestIdMismatch", []any{[32]byte(id)}},
		{"upper-case request id", seq, func(f *Fulfillment) { f.Receipt.RequestId = "0x" + strings.ToUpper(id.Hex()[2:]) }, "RequestIdMismatch", []any{[32]byte(id)}},
		{"model hash not registered", seq, func(f *Fulfillment) { f.Receipt.ModelHash = h(9) }, "UnknownModelHash", []any{h(9)}},
		{"adapter hash not registered", seq, func(f *Fulfillment) { f.Receipt.AdapterHashes[0] = h(8) }, "UnknownAdapterHash", []any{h(8)}},
		{"adapter of another model", seq, func(f *Fulfillment) { f.Receipt.AdapterHashes[0] = h(5) }, "AdapterModelMismatch", []any{big1(3), big1(1)}},
		{"adapter listed twice", seq, func(f *Fulfillment) {
			f.Receipt.AdapterHashes = append(f.Receipt.AdapterHashes, h(2))
			f.Receipt.AdapterWeights = append(f.Receipt.AdapterWeights, 0)
		}, "InvalidInput", nil},
		{"output text differs", seq, func(f *Fulfillment) { f.Output = []byte("hello World") }, "OutputMismatch", []any{[32]byte(id)}},
		{"output tokens differ", seq, func(f *Fulfillment) { f.OutputTokenIDs[3] ^= 1 }, "OutputMismatch", []any{[32]byte(id)}},
		{"token count differs", seq, func(f *Fulfillment) { f.Receipt.OutputTokens = 4 }, "OutputMismatch", []any{[32]byte(id)}},
		{"more tokens than maxTokens", seq, func(f *Fulfillment) { f.Receipt.Sampler.MaxTokens = 2 }, "OutputMismatch", []any{[32]byte(id)}},
		{"output too long", seq, func(f *Fulfillment) { f.Output = make([]byte, MaxInferenceOutput+1) }, "TooLong", []any{big1(MaxInferenceOutput + 1), big1(MaxInferenceOutput)}},
		{"too many adapters", seq, func(f *Fulfillment) {
			f.Receipt.AdapterHashes = make([][32]byte, MaxInferenceAdapters+1)
			f.Receipt.AdapterWeights = make([]uint64, MaxInferenceAdapters+1)
		}, "TooManyAdapters", []any{big1(MaxInferenceAdapters + 1), big1(MaxInferenceAdapters)}},
		{"adapter weights missing", seq, func(f *Fulfillment) { f.Receipt.AdapterWeights = nil }, "LengthMismatch", nil},
		{"too many contributors", seq, func(f *Fulfillment) { f.Contributors, f.Weights = many, manyW }, "TooManyContributors", []any{big1(MaxContributors + 1), big1(MaxContributors)}},
		{"contributor weights missing", seq, func(f *Fulfillment) { f.Weights = nil }, "LengthMismatch", nil},
		{"weight over 96 bits", seq, func(f *Fulfillment) { f.Weights = []*big.Int{new(big.Int).Lsh(big.NewInt(1), 96)} }, "InvalidInput", nil},
		{"all-zero weights", seq, func(f *Fulfillment) { f.Weights = bigs(0) }, "InvalidInput", nil},
		{"contributor is a precompile", seq, func(f *Fulfillment) { f.Contributors = []common.Address{AttributionAddress} }, "InvalidInput", nil},
		{"failed status with output", seq, func(f *Fulfillment) { f.Status = StatusFailed }, "InvalidInput", nil},
		{"status out of range", seq, func(f *Fulfillment) { f.Status = StatusConsumed }, "InvalidInput", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := inferenceChain(t)
			before := c.root()
			f := good()
			tc.mutate(&f)
			r := c.call(tc.from, InferenceAddress, 0, mustCalldata(t, f))
			wantRevert(t, r, infABI, tc.err, tc.args...)
			if c.root() != before {
				t.Fatal("rejected receipt changed state")
			}
		})
	}
	t.Run("replayed", func(t *testing.T) {
		c := inferenceChain(t)
		in := mustCalldata(t, good())
		c.mustCall(seq, InferenceAddress, 0, in)
		wantRevert(t, c.call(seq, InferenceAddress, 0, in), infABI, "AlreadyFulfilled", [32]byte(id), StatusFulfilled)
		// Also after it was consumed, and with a different receipt.
		c.newTx()
		c.st.SetNonce(payer, nonce, tracing.NonceChangeUnspecified)
		if r, _ := c.tx(payer, InferenceAddress, 1500, mustCalldata(t, req)); r.err != nil {
			t.Fatalf("infer: %v %x", r.err, r.ret)
		}
		other := receiptFor(t, id, req, "another answer", tokens(2), nil, nil)
		wantRevert(t, c.call(seq, InferenceAddress, 0, mustCalldata(t, other)), infABI, "AlreadyFulfilled", [32]byte(id), StatusConsumed)
	})
	t.Run("value", func(t *testing.T) {
		c := inferenceChain(t)
		c.st.AddBalance(seq, uint256.NewInt(1), tracing.BalanceChangeUnspecified)
		wantRevert(t, c.call(seq, InferenceAddress, 1, mustCalldata(t, good())), infABI, "NonPayable")
	})
}

// TestReceiptLifecycle: expiry in the next block, sweep, failed receipts,
// mismatched receipts and payment checks.
func TestReceiptLifecycle(t *testing.T) {
	req := defaultRequest()
	setup := func(t *testing.T, f func(id common.Hash) Fulfillment) (*chain, common.Hash, []byte) {
		c := inferenceChain(t)
		id := expectedID(t, payer, c.st.GetNonce(payer), 0, req)
		c.mustCall(seq, InferenceAddress, 0, mustCalldata(t, f(id)))
		return c, id, mustCalldata(t, req)
	}
	ok := func(id common.Hash) Fulfillment { return receiptFor(t, id, req, "out", tokens(1), nil, nil) }

	t.Run("expired next block, then swept", func(t *testing.T) {
		c, id, in := setup(t, ok)
		n := c.st.GetNonce(payer)
		// Sweeping in the fulfilment block does nothing.
		r := c.mustCall(carol, InferenceAddress, 0, pack(t, infABI, "sweep", [][32]byte{id}))
		if unpack(t, infABI, "sweep", r.ret)[0].(*big.Int).Sign() != 0 {
			t.Fatal("swept a receipt of the current block")
		}
		c.setBlock(8)
		r, _ = c.tx(payer, InferenceAddress, 1500, in)
		wantRevert(t, r, infABI, "ReceiptExpired", [32]byte(id), uint64(7))
		r = c.mustCall(carol, InferenceAddress, 0, pack(t, infABI, "sweep", [][32]byte{id, h(1)}))
		if unpack(t, infABI, "sweep", r.ret)[0].(*big.Int).Int64() != 1 {
			t.Fatal("sweep count")
		}
		if got := ReadReceipt(c.st, id); got.Status != StatusSwept || len(got.Output) != 0 {
			t.Fatalf("after sweep %+v", got)
		}
		for off := uint64(recModelID); off <= recOutput; off++ {
			if c.st.GetState(InferenceAddress, fieldSlot(receiptBase(id), off)) != (common.Hash{}) {
				t.Fatalf("word %d survived the sweep", off)
			}
		}
		c.st.SetNonce(payer, n, tracing.NonceChangeUnspecified)
		r, _ = c.tx(payer, InferenceAddress, 1500, in)
		wantRevert(t, r, infABI, "ReceiptConsumed", [32]byte(id))
		wantRevert(t, c.call(seq, InferenceAddress, 0, mustCalldata(t, ok(id))), infABI, "AlreadyFulfilled", [32]byte(id), StatusSwept)
	})
	t.Run("failed receipt is unavailable, deterministically", func(t *testing.T) {
		c, id, in := setup(t, func(id common.Hash) Fulfillment {
			return Fulfillment{RequestID: id, ChainID: chainID(), Status: StatusFailed,
				Receipt: ReceiptCommitment{Version: ReceiptVersion, RequestId: id.Hex(), FinishReason: "deadline"}}
		})
		n := c.st.GetNonce(payer)
		for range 2 {
			c.st.SetNonce(payer, n, tracing.NonceChangeUnspecified)
			r, _ := c.tx(payer, InferenceAddress, 1500, in)
			wantRevert(t, r, infABI, "InferenceUnavailable", [32]byte(id))
		}
		c.setBlock(8)
		c.mustCall(carol, InferenceAddress, 0, pack(t, infABI, "sweep", [][32]byte{id}))
		if ReadReceipt(c.st, id).Status != StatusSwept {
			t.Fatal("failed receipt not swept")
		}
	})
	for _, tc := range []struct {
		name   string
		mutate func(f *Fulfillment)
	}{
		{"other seed", func(f *Fulfillment) { f.Receipt.Sampler.Seed++ }},
		{"other temperature", func(f *Fulfillment) { f.Receipt.Sampler.Temperature = math.Float32bits(0.7000001) }},
		{"other adapter weight", func(f *Fulfillment) { f.Receipt.AdapterWeights[0] = math.Float64bits(0.5) }},
		{"other adapter", func(f *Fulfillment) { f.Receipt.AdapterHashes[0] = h(3) }},
		{"no adapter", func(f *Fulfillment) { f.Receipt.AdapterHashes, f.Receipt.AdapterWeights = nil, nil }},
	} {
		t.Run("mismatch: "+tc.name, func(t *testing.T) {
			c, id, in := setup(t, func(id common.Hash) Fulfillment { f := ok(id); tc.mutate(&f); return f })
			r, _ := c.tx(payer, InferenceAddress, 1500, in)
			wantRevert(t, r, infABI, "ReceiptMismatch", [32]byte(id))
		})
	}
	t.Run("underpaid", func(t *testing.T) {
		c, _, in := setup(t, ok)
		r, _ := c.tx(payer, InferenceAddress, 1499, in)
		wantRevert(t, r, infABI, "InsufficientPayment", big.NewInt(1500), big.NewInt(1499))
	})
	t.Run("read-only and delegatecall", func(t *testing.T) {
		c, _, in := setup(t, ok)
		wantRevert(t, c.static(payer, InferenceAddress, in), infABI, "WriteProtection")
		ret, left, err := c.evm.DelegateCall(payer, payer, InferenceAddress, in, callGas, uint256.NewInt(0))
		wantRevert(t, result{ret, callGas - left, err}, infABI, "DelegateCallNotAllowed")
		// A contract calling through STATICCALL can still read.
		proxy := c.deploy(common.HexToAddress("0x5a7c"), proxyCode(vm.STATICCALL, InferenceAddress))
		r := c.call(alice, proxy, 0, pack(t, infABI, "inferenceSigner"))
		if r.err != nil || common.BytesToAddress(r.ret) != seq {
			t.Fatalf("inferenceSigner via STATICCALL: %v %x", r.err, r.ret)
		}
	})
	t.Run("infer through a contract", func(t *testing.T) {
		c := inferenceChain(t)
		proxy := c.deploy(common.HexToAddress("0xca11"), proxyCode(vm.CALL, InferenceAddress))
		in := mustCalldata(t, req)
		nonce := c.st.GetNonce(payer)
		id := expectedID(t, payer, nonce, 0, req) // tx.origin, not the contract
		r, _ := c.tx(payer, proxy, 1500, in)
		wantRevert(t, r, infABI, "InferenceRequired", [32]byte(id), big.NewInt(1), payer, nonce, uint32(0))
		c.mustCall(seq, InferenceAddress, 0, mustCalldata(t, ok(id)))
		c.st.SetNonce(payer, nonce, tracing.NonceChangeUnspecified)
		if r, _ := c.tx(payer, proxy, 1500, in); r.err != nil {
			t.Fatalf("infer via contract: %v %x", r.err, r.ret)
		}
	})
}

func TestInferRejects(t *testing.T) {
	c := inferenceChain(t)
	big1 := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	for _, tc := range []struct {
		name   string
		mutate func(r *InferRequest)
		err    string
		args   []any
	}{
		{"prompt too long", func(r *InferRequest) { r.Prompt = make([]byte, MaxPromptSize+1) }, "TooLong", []any{big1(MaxPromptSize + 1), big1(MaxPromptSize)}},
		{"too many adapters", func(r *InferRequest) {
			r.AdapterIDs, r.AdapterWeights = make([]*big.Int, 17), make([]*big.Int, 17)
			for i := range r.AdapterIDs {
				r.AdapterIDs[i], r.AdapterWeights[i] = big1(uint64(i+1)), big1(1)
			}
		}, "TooManyAdapters", []any{big1(17), big1(MaxInferenceAdapters)}},
		{"weights missing", func(r *InferRequest) { r.AdapterWeights = nil }, "LengthMismatch", nil},
		{"adapter 0", func(r *InferRequest) { r.AdapterIDs = bigs(0) }, "InvalidInput", nil},
		{"adapter twice", func(r *InferRequest) { r.AdapterIDs, r.AdapterWeights = bigs(1, 1), bigs(1, 1) }, "InvalidInput", nil},
		{"weight not exact as float64", func(r *InferRequest) { r.AdapterWeights = bigs(MaxAdapterWeightPPM + 1) }, "InvalidInput", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := defaultRequest()
			tc.mutate(&req)
			r, _ := c.tx(payer, InferenceAddress, 0, mustCalldata(t, req))
			wantRevert(t, r, infABI, tc.err, tc.args...)
		})
	}
}

func TestInferenceSignerGovernance(t *testing.T) {
	c := inferenceChain(t)
	if ReadInferenceSigner(c.st) != seq {
		t.Fatal("genesis signer not set")
	}
	wantRevert(t, c.call(seq, InferenceAddress, 0, pack(t, infABI, "setInferenceSigner", bob)), infABI, "NotGovernance")
	c.mustCall(gov, InferenceAddress, 0, pack(t, infABI, "setInferenceSigner", bob))
	if ReadInferenceSigner(c.st) != bob {
		t.Fatal("rotation failed")
	}
	// The old key is now a forger.
	req := defaultRequest()
	id := expectedID(t, payer, 1, 0, req)
	f := mustCalldata(t, receiptFor(t, id, req, "x", tokens(1), nil, nil))
	wantRevert(t, c.call(seq, InferenceAddress, 0, f), infABI, "NotInferenceSigner", seq)
	c.mustCall(bob, InferenceAddress, 0, f)
	// Zero pauses fulfilment.
	c.mustCall(gov, InferenceAddress, 0, pack(t, infABI, "setInferenceSigner", common.Address{}))
	wantRevert(t, c.call(common.Address{}, InferenceAddress, 0, f), infABI, "NotInferenceSigner", common.Address{})
	if acc := GenesisAlloc(GenesisConfig{InferenceSigner: seq})[InferenceAddress]; wordAddr(acc.Storage[slotAt(slotInferenceSigner)]) != seq {
		t.Fatalf("genesis storage %v", acc.Storage)
	}
}

// TestInferenceStorageLayout pins the record slots docs/precompiles.md lists.
func TestInferenceStorageLayout(t *testing.T) {
	c := inferenceChain(t)
	req := defaultRequest()
	id := expectedID(t, payer, 1, 0, req)
	out := strings.Repeat("x", 33)
	c.mustCall(seq, InferenceAddress, 0, mustCalldata(t, receiptFor(t, id, req, out, tokens(2), []common.Address{carol}, bigs(7))))
	base := crypto256(id[:], common.BigToHash(big.NewInt(mapReceipts)).Bytes())
	get := func(off int64) common.Hash {
		return c.st.GetState(InferenceAddress, common.BigToHash(new(big.Int).Add(base.Big(), big.NewInt(off))))
	}
	hdr := get(0)
	if hdr[31] != StatusFulfilled || new(big.Int).SetBytes(hdr[23:31]).Int64() != 7 || new(big.Int).SetBytes(hdr[19:23]).Int64() != 33 || hdr[18] != 1 || hdr[17] != 1 {
		t.Fatalf("header %x", hdr)
	}
	aw, cw := get(4), get(20)
	if get(2).Big().Int64() != 1 || new(big.Int).SetBytes(aw[8:]).Int64() != 1 || math.Float64frombits(new(big.Int).SetBytes(aw[:8]).Uint64()) != 1.0 {
		t.Fatalf("model/adapter words %x %x", get(2), aw)
	}
	if common.BytesToAddress(cw[12:]) != carol || new(big.Int).SetBytes(cw[:12]).Int64() != 7 {
		t.Fatalf("contributor word %x", cw)
	}
	if !bytes.Equal(append(get(84).Bytes(), get(85).Bytes()[:1]...), []byte(out)) {
		t.Fatalf("output words %x %x", get(84), get(85))
	}
	if c.st.GetState(InferenceAddress, common.Hash{}) != common.BytesToHash(seq.Bytes()) {
		t.Fatal("signer slot")
	}
}

func TestInferenceCodecRoundTrip(t *testing.T) {
	req := defaultRequest()
	got, err := DecodeInfer(mustCalldata(t, req))
	if err != nil || got.Params != req.Params || string(got.Prompt) != string(req.Prompt) {
		t.Fatalf("DecodeInfer: %+v %v", got, err)
	}
	f := receiptFor(t, common.Hash{1}, req, "out", tokens(3), []common.Address{carol}, bigs(1))
	in := mustCalldata(t, f)
	back, err := DecodeFulfill(in)
	if err != nil {
		t.Fatal(err)
	}
	if again := mustCalldata(t, back); !bytes.Equal(again, in) {
		t.Fatal("fulfill round trip differs")
	}
	for _, bad := range [][]byte{nil, in[:4], in[:len(in)-1], append(bytes.Clone(in), 0), append([]byte{0, 0, 0, 0}, in[4:]...)} {
		if _, err := DecodeFulfill(bad); err == nil {
			t.Fatalf("DecodeFulfill accepted %d bytes", len(bad))
		}
	}
}

// TestInferenceGas pins the cost of a call that needs inference (what the
// sequencer's simulation pays) and checks that a fulfill one gas short runs
// out of gas and leaves nothing behind.
func TestInferenceGas(t *testing.T) {
	c := inferenceChain(t)
	req := defaultRequest()
	in := mustCalldata(t, req)
	words := func(n int) uint64 { return (uint64(n) + 31) / 32 }
	want := GasCallBase + GasPerInputWord*words(len(in)) + 100 + // TLOAD
		params.Keccak256Gas + params.Keccak256WordGas*words(len(in)-4) + params.Keccak256Gas + 5*params.Keccak256WordGas +
		GasSload // header
	if r, _ := c.tx(payer, InferenceAddress, 0, in); r.used != want {
		t.Fatalf("InferenceRequired used %d gas, want %d", r.used, want)
	}
	id := expectedID(t, payer, c.st.GetNonce(payer), 0, req)
	f := mustCalldata(t, receiptFor(t, id, req, "out", tokens(2), []common.Address{carol}, bigs(1)))
	snap := c.st.Snapshot()
	_, left, err := c.evm.Call(seq, InferenceAddress, f, callGas, new(uint256.Int))
	if err != nil {
		t.Fatal(err)
	}
	used := callGas - left
	c.st.RevertToSnapshot(snap)
	before := c.root()
	var ret []byte
	ret, left, err = c.evm.Call(seq, InferenceAddress, f, used-1, new(uint256.Int))
	if !errors.Is(err, vm.ErrOutOfGas) || left != 0 || ret != nil {
		t.Fatalf("short of gas: err %v, left %d", err, left)
	}
	c.st.Finalise(true)
	if c.root() != before {
		t.Fatal("out-of-gas fulfill left state behind")
	}
}
