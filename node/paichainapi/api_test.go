package paichainapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/node/paichainapi"
	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/precompiles/inferencetx"
)

// TestReceiptLifecycle follows one request id through every status over
// paichain_getInferenceReceipt: unknown (null), fulfilled in block N (from
// state), expired after N, swept (output from the receipt transaction), and
// a failed receipt. The infer call comes straight from an EOA.
func TestReceiptLifecycle(t *testing.T) {
	w := newWorld(t, nil)
	ctx := context.Background()
	infer := func(prompt string) ethereum.CallMsg {
		data, err := precompiles.InferRequest{
			ModelID: w.modelID, AdapterIDs: []*big.Int{w.adptID}, AdapterWeights: []*big.Int{big.NewInt(1e6)},
			Prompt: []byte(prompt), Params: precompiles.InferenceParams{MaxTokens: 8, Seed: 1},
		}.Calldata()
		if err != nil {
			t.Fatal(err)
		}
		return ethereum.CallMsg{From: user, To: &precompiles.InferenceAddress, Value: big.NewInt(4000), Data: data}
	}
	getReceipt := func(id common.Hash, block any) *paichainapi.InferenceReceipt {
		t.Helper()
		var r *paichainapi.InferenceReceipt
		args := []any{id}
		if block != nil {
			args = append(args, block)
		}
		if err := w.rpc.Call(&r, "paichain_getInferenceReceipt", args...); err != nil {
			t.Fatal(err)
		}
		return r
	}

	if r := getReceipt(common.Hash{0x42}, nil); r != nil {
		t.Fatalf("unknown id: %+v", r)
	}
	for _, bad := range []any{"0x1234", "hello", 5, nil} {
		var r any
		err := w.rpc.Call(&r, "paichain_getInferenceReceipt", bad)
		var re rpc.Error
		if !errors.As(err, &re) || re.ErrorCode() != -32602 {
			t.Errorf("request id %v: %v, want a -32602 error", bad, err)
		}
	}

	// Direct from an EOA: eth_call names the error; the estimate works.
	msg := infer("Once upon a time")
	if _, err := w.client.CallContract(ctx, msg, nil); err == nil || !strings.Contains(err.Error(), "execution reverted: InferenceRequired(") {
		t.Fatalf("eth_call: %v", err)
	}
	if gas, err := w.client.EstimateGas(ctx, msg); err != nil || gas < 100_000 {
		t.Fatalf("estimate of a direct infer: %d, %v", gas, err)
	}
	// A request no receipt can serve keeps geth's error, with the reason.
	unknown, _ := precompiles.InferRequest{ModelID: big.NewInt(99), Prompt: []byte("p")}.Calldata()
	_, err := w.client.EstimateGas(ctx, ethereum.CallMsg{From: user, To: &precompiles.InferenceAddress, Data: unknown})
	if err == nil || !strings.Contains(err.Error(), "execution reverted: InferenceRequired(") || !strings.Contains(err.Error(), "unknown model 99") {
		t.Fatalf("estimate for an unknown model: %v", err)
	}
	reqs := w.required(msg, "latest")
	if len(reqs) != 1 || reqs[0].Caller != user || reqs[0].Origin != user {
		t.Fatalf("required %+v", reqs)
	}
	id := reqs[0].RequestID

	// Fulfilled in block N and not consumed.
	fulfilTx, rc := w.fulfil(reqs[0], w.nonce(signer))
	blockN := w.commit(1)
	w.receipt(fulfilTx, types.ReceiptStatusSuccessful)
	r := getReceipt(id, nil)
	if r == nil || r.Status != "fulfilled" || r.Expired || uint64(r.FulfilledAt) != blockN.NumberU64() ||
		r.Output == nil || string(*r.Output) != rc.OutputText || len(r.Contributors) != 2 || r.Contributors[1] != dave ||
		len(r.AdapterIDs) != 1 || r.AdapterIDs[0].ToInt().Cmp(w.adptID) != 0 || r.ModelID.ToInt().Cmp(w.modelID) != 0 ||
		r.Commitment == nil || r.FulfillTxHash == nil || *r.FulfillTxHash != fulfilTx.Hash() || r.ConsumeTxHash != nil || r.Payer != nil {
		t.Fatalf("fulfilled receipt %+v", r)
	}

	// Block N+1: the receipt has expired; at block N it had not.
	w.commit(0)
	if r := getReceipt(id, nil); r == nil || r.Status != "fulfilled" || !r.Expired {
		t.Fatalf("at N+1: %+v", r)
	}
	if r := getReceipt(id, hexutil.Uint64(blockN.NumberU64())); r == nil || r.Expired {
		t.Fatalf("at N: %+v", r)
	}
	if _, err := w.client.CallContract(ctx, msg, nil); err == nil || !strings.Contains(err.Error(), "ReceiptExpired(") {
		t.Fatalf("eth_call after expiry: %v", err)
	}

	// A failed receipt for a second request.
	reqs2 := w.required(infer("A second story"), "latest")
	if len(reqs2) != 1 {
		t.Fatalf("required %+v", reqs2)
	}
	id2 := reqs2[0].RequestID
	var failed []byte
	failed, err = inferencetx.FailedCalldata(id2, w.chainID, "deadline")
	if err != nil {
		t.Fatal(err)
	}
	w.sendRaw(signerKey, w.nonce(signer), precompiles.InferenceAddress, nil, failed, 2e9)
	w.commit(1)
	if r := getReceipt(id2, "latest"); r == nil || r.Status != "failed" || r.Output == nil || len(*r.Output) != 0 || r.OutputText == nil ||
		r.Commitment == nil || r.Commitment.FinishReason != "deadline" {
		t.Fatalf("failed receipt %+v", r)
	}

	// Anyone sweeps both in a later block; the output of the swept
	// receipt is still readable from its receipt transaction.
	sweep, err := inferenceABI.Pack("sweep", [][32]byte{id, id2})
	if err != nil {
		t.Fatal(err)
	}
	w.commit(0)
	w.sendRaw(userKey, w.nonce(user), precompiles.InferenceAddress, nil, sweep, 1e9)
	w.commit(1)
	r = getReceipt(id, nil)
	if r == nil || r.Status != "swept" || r.Expired || r.Output == nil || string(*r.Output) != rc.OutputText || len(r.Contributors) != 2 ||
		len(r.AdapterIDs) != 1 || r.AdapterIDs[0].ToInt().Cmp(w.adptID) != 0 || r.ModelID.ToInt().Cmp(w.modelID) != 0 {
		t.Fatalf("swept receipt %+v", r)
	}
	if r := getReceipt(id2, nil); r == nil || r.Status != "swept" {
		t.Fatalf("swept failed receipt %+v", r)
	}
}

// TestEstimateMatchesGethForPlainCalls: calls that need no inference get
// exactly geth's answer (value or error, with code and data), overrides and
// block tags included; the override is what the node serves as
// eth_estimateGas.
func TestEstimateMatchesGethForPlainCalls(t *testing.T) {
	c := startChain(t, nil)
	ctx := context.Background()
	reg, err := bindings.NewModelRegistry(precompiles.ModelRegistryAddress, c.client)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.RegisterModel(c.opts(aliceKey), "m", [32]byte{1}, ""); err != nil {
		t.Fatal(err)
	}
	c.commit(1)
	regABI := precompiles.ModelRegistryABI()
	pack := func(method string, args ...any) hexutil.Bytes {
		b, err := regABI.Pack(method, args...)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	qaABI, _ := bindings.InferenceQAMetaData.GetAbi()
	deploy, err := qaABI.Pack("", big.NewInt(1), big.NewInt(0), uint32(0), uint32(0), uint32(8), uint64(0))
	if err != nil {
		t.Fatal(err)
	}
	deploy = append(common.FromHex(bindings.InferenceQAMetaData.Bin), deploy...)
	poor := common.HexToAddress("0x9009")
	for _, tc := range []struct {
		name  string
		args  map[string]any
		block any
		ov    map[string]any
	}{
		{"transfer", map[string]any{"from": user, "to": carol, "value": "0x1"}, nil, nil},
		{"transfer at pending", map[string]any{"from": user, "to": carol, "value": "0x1"}, "pending", nil},
		{"precompile call", map[string]any{"from": alice, "to": precompiles.ModelRegistryAddress, "input": pack("registerModel", "n", [32]byte{2}, "")}, nil, nil},
		{"contract creation", map[string]any{"from": user, "input": hexutil.Bytes(deploy)}, "latest", nil},
		{"custom error", map[string]any{"from": alice, "to": precompiles.ModelRegistryAddress, "input": pack("setModelPrice", big.NewInt(9), big.NewInt(1))}, nil, nil},
		{"insufficient funds", map[string]any{"from": poor, "to": carol, "value": "0x1"}, nil, nil},
		{"state override", map[string]any{"from": poor, "to": carol, "value": "0x1"}, nil, map[string]any{poor.Hex(): map[string]any{"balance": "0xde0b6b3a7640000"}}},
		{"bad argument", map[string]any{"from": user, "to": carol, "value": "1"}, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			params := []any{tc.args, tc.block}
			if tc.ov != nil {
				params = append(params, tc.ov)
			}
			var ours, mine hexutil.Uint64
			errOurs := c.rpc.CallContext(ctx, &ours, "eth_estimateGas", params...)
			errMine := c.rpc.CallContext(ctx, &mine, "paichain_estimateGas", params...)
			geth, err := paichainapi.GethClient(c.api)
			if err != nil {
				t.Fatal(err)
			}
			var want hexutil.Uint64
			errWant := geth.CallContext(ctx, &want, "eth_estimateGas", params...)
			if ours != want || mine != want || !sameError(errOurs, errWant) || !sameError(errMine, errWant) {
				t.Fatalf("eth_estimateGas %d (%v), paichain_estimateGas %d (%v); geth's %d (%v)", ours, errOurs, mine, errMine, want, errWant)
			}
			t.Logf("%d %v", want, errWant)
		})
	}

	// An inference call that cannot be served (no inference signer on
	// this chain) keeps geth's error, with the reason.
	data, _ := precompiles.InferRequest{ModelID: big.NewInt(1), Prompt: []byte("p")}.Calldata()
	_, err = c.client.EstimateGas(ctx, ethereum.CallMsg{From: user, To: &precompiles.InferenceAddress, Data: data})
	var de rpc.DataError
	if err == nil || !strings.Contains(err.Error(), "InferenceRequired(") || !strings.Contains(err.Error(), "no inference signer") || !errors.As(err, &de) {
		t.Fatalf("unservable inference: %v", err)
	}
}

// sameError: both nil, or the same message, code and data.
func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	code := func(err error) int {
		var re rpc.Error
		if errors.As(err, &re) {
			return re.ErrorCode()
		}
		return 0
	}
	data := func(err error) any {
		var de rpc.DataError
		if errors.As(err, &de) {
			return de.ErrorData()
		}
		return nil
	}
	return a.Error() == b.Error() && code(a) == code(b) && data(a) == data(b)
}

// TestEstimatePending: a wallet that estimates at "pending" while its
// previous inference transaction is still in the pool gets request ids and
// receipts for the pending block (the sender's pending nonce, the pending
// block number), which debug_traceCall alone cannot do.
func TestEstimatePending(t *testing.T) {
	w := newWorld(t, nil)
	ctx := context.Background()
	qaAddr, _, qa, err := bindings.DeployInferenceQA(w.opts(govKey), w.client, w.modelID, big.NewInt(0), 0, 0, 8, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.commit(1)
	opts := w.opts(userKey)
	opts.Value = big.NewInt(3000)
	if _, err := qa.Ask(opts, [32]byte{1}, "first"); err != nil {
		t.Fatal(err)
	}
	qaABI, _ := bindings.InferenceQAMetaData.GetAbi()
	data, _ := qaABI.Pack("ask", [32]byte{2}, "second")
	msg := ethereum.CallMsg{From: user, To: &qaAddr, Value: big.NewInt(3000), Data: data}
	// The miner caches its pending block for a couple of seconds: wait
	// until it holds the first ask.
	pendingNonce := w.nonce(user)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		st, _, err := w.node.Eth.APIBackend.StateAndHeaderByNumberOrHash(ctx, rpc.BlockNumberOrHashWithNumber(rpc.PendingBlockNumber))
		if err != nil {
			t.Fatal(err)
		}
		if st.GetNonce(user) == pendingNonce {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the pending block never included the first ask")
		}
	}
	reqs := w.required(msg, "pending")
	if len(reqs) != 1 || uint64(reqs[0].Nonce) != pendingNonce {
		t.Fatalf("required at pending %+v, pending nonce %d", reqs, pendingNonce)
	}
	latestReqs := w.required(msg, "latest")
	if len(latestReqs) != 1 || uint64(latestReqs[0].Nonce) != pendingNonce-1 || latestReqs[0].RequestID == reqs[0].RequestID {
		t.Fatalf("required at latest %+v", latestReqs)
	}
	var gas hexutil.Uint64
	if err := w.rpc.CallContext(ctx, &gas, "eth_estimateGas", callArg(msg), "pending"); err != nil || gas < 100_000 {
		t.Fatalf("eth_estimateGas at pending: %d, %v", gas, err)
	}
	pending := rpc.BlockNumberOrHashWithNumber(rpc.PendingBlockNumber)
	if _, err := paichainapi.GethEstimate(w.api, ctx, argsOf(t, msg), &pending); err == nil || !strings.Contains(err.Error(), "InferenceRequired(") {
		t.Fatalf("geth's estimate at pending: %v", err)
	}
}

type fakePending []paichainapi.PendingInference

func (f fakePending) PendingInferences() []paichainapi.PendingInference { return f }

// TestRegistryAndPending covers paichain_getModel/getAdapter (id argument
// forms, unknown ids, invalid ids) and paichain_pendingInferences.
func TestRegistryAndPending(t *testing.T) {
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 6_000_000, time.FixedZone("X", 3600))
	src := fakePending{
		{RequestID: common.Hash{2}, TxHash: common.Hash{0x22}, Sender: bob, Nonce: 7, ModelID: big.NewInt(1), State: paichainapi.PendingRunning, FirstSeen: t0.Add(time.Second), Deadline: t0.Add(time.Minute)},
		{RequestID: common.Hash{1}, TxHash: common.Hash{0x11}, Sender: alice, Nonce: 3, ModelID: big.NewInt(2), State: paichainapi.PendingQueued, FirstSeen: t0, Deadline: t0.Add(time.Minute)},
	}
	c := startChain(t, src)
	reg, err := bindings.NewModelRegistry(precompiles.ModelRegistryAddress, c.client)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.RegisterModel(c.opts(aliceKey), "tiny", [32]byte{7}, "ipfs://tiny"); err != nil {
		t.Fatal(err)
	}
	c.commit(1)
	if _, err := reg.RegisterAdapter(c.opts(bobKey), big.NewInt(1), [32]byte{8}, "ipfs://a", [32]byte{9}); err != nil {
		t.Fatal(err)
	}
	block := c.commit(1)

	for _, id := range []any{1, "1", "0x1", json.RawMessage(`1`)} {
		var m *paichainapi.Model
		if err := c.rpc.Call(&m, "paichain_getModel", id); err != nil {
			t.Fatalf("getModel(%v): %v", id, err)
		}
		if m == nil || m.Owner != alice || m.WeightsHash != (common.Hash{7}) || m.Name != "tiny" || m.URI != "ipfs://tiny" || m.ModelID.ToInt().Int64() != 1 {
			t.Fatalf("getModel(%v) = %+v", id, m)
		}
	}
	var a *paichainapi.Adapter
	if err := c.rpc.Call(&a, "paichain_getAdapter", "0x1", "latest"); err != nil || a == nil || a.Owner != bob ||
		a.BaseModelID.ToInt().Int64() != 1 || a.AdapterHash != (common.Hash{8}) || a.DatanetRoot != (common.Hash{9}) ||
		uint64(a.RegisteredAt) != block.NumberU64() {
		t.Fatalf("getAdapter = %+v, %v", a, err)
	}
	// Before the adapter's block it did not exist.
	if err := c.rpc.Call(&a, "paichain_getAdapter", 1, hexutil.Uint64(block.NumberU64()-1)); err != nil || a != nil {
		t.Fatalf("getAdapter before registration = %+v, %v", a, err)
	}
	for _, id := range []any{2, "99", "0x" + strings.Repeat("f", 64)} {
		var m *paichainapi.Model
		if err := c.rpc.Call(&m, "paichain_getModel", id); err != nil || m != nil {
			t.Fatalf("getModel(%v) = %+v, %v; want null", id, m, err)
		}
	}
	for _, id := range []any{-1, 1.5, "1e3", "0x", "one", true, "0x" + strings.Repeat("f", 65), nil} {
		var m any
		err := c.rpc.Call(&m, "paichain_getModel", id)
		var re rpc.Error
		if !errors.As(err, &re) || re.ErrorCode() != -32602 {
			t.Errorf("getModel(%v): %v, want -32602", id, err)
		}
	}

	var pending []map[string]any
	if err := c.rpc.Call(&pending, "paichain_pendingInferences"); err != nil {
		t.Fatal(err)
	}
	if len(pending) != 2 || pending[0]["requestId"] != (common.Hash{1}).Hex() || pending[0]["state"] != "queued" ||
		pending[0]["nonce"] != "0x3" || pending[0]["modelId"] != "0x2" || pending[0]["firstSeen"] != "2025-01-02T02:04:05.006Z" ||
		!strings.EqualFold(pending[1]["sender"].(string), bob.Hex()) || pending[1]["state"] != "running" {
		t.Fatalf("pending %v", pending)
	}
	if got := new(paichainapi.API).PendingInferences(); got == nil || len(got) != 0 {
		t.Fatalf("replica pending list %v, want []", got)
	}
}
