package chaintest

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/precompiles"
)

// TestPrecompilesThroughTheChain drives both precompiles, from EOAs and from
// a Solidity contract, through blocks the node's miner builds, checks the
// results over JSON-RPC (eth_call, eth_estimateGas, receipts, logs,
// debug_traceTransaction), then replays the blocks into an independent
// replica and requires identical state roots.
func TestPrecompilesThroughTheChain(t *testing.T) {
	gov, alice, bob, carol := genesis.DevKey(0), genesis.DevKey(1), genesis.DevKey(2), genesis.DevKey(3)
	dave, erin := genesis.DevAddress(4), genesis.DevAddress(5)
	cfg := genesis.Config{
		Governance: genesis.DevAddress(0),
		Prefund:    []common.Address{genesis.DevAddress(1), genesis.DevAddress(2), genesis.DevAddress(3)},
	}
	c := startDevChain(t, cfg)
	ctx := context.Background()

	registry, err := bindings.NewModelRegistry(precompiles.ModelRegistryAddress, c.client)
	if err != nil {
		t.Fatal(err)
	}
	attribution, err := bindings.NewAttribution(precompiles.AttributionAddress, c.client)
	if err != nil {
		t.Fatal(err)
	}
	registryABI := mustABI(t, bindings.ModelRegistryMetaData)
	attributionABI := mustABI(t, bindings.AttributionMetaData)
	callerABI := mustABI(t, bindings.PaidModelCallerMetaData)

	// Block 1: an EOA registers a model; governance deploys the app contract.
	llamaHash, loraHash, mistralHash := hash32("llama weights"), hash32("lora weights"), hash32("mistral weights")
	regTx, err := registry.RegisterModel(c.opts(alice), "llama", llamaHash, "ipfs://llama")
	if err != nil {
		t.Fatal(err)
	}
	callerAddr, deployTx, caller, err := bindings.DeployPaidModelCaller(c.opts(gov), c.client)
	if err != nil {
		t.Fatal(err)
	}
	c.commit(2)
	r := c.receipt(regTx, types.ReceiptStatusSuccessful)
	ev, err := registry.ParseModelRegistered(*r.Logs[0])
	if err != nil || ev.ModelId.Uint64() != 1 || ev.Owner != genesis.DevAddress(1) || ev.WeightsHash != llamaHash {
		t.Fatalf("ModelRegistered = %+v, %v", ev, err)
	}
	c.receipt(deployTx, types.ReceiptStatusSuccessful)
	// bind set the gas limit from eth_estimateGas: it covered the
	// precompile's own charge (well above the intrinsic ~22k) and sufficed.
	if regTx.Gas() < 100_000 || r.GasUsed > regTx.Gas() {
		t.Fatalf("registerModel: estimated gas %d, used %d", regTx.Gas(), r.GasUsed)
	}

	// eth_estimateGas went through the precompile (bind estimated the
	// registration above); a duplicate now fails estimation with the
	// decoded custom error.
	_, err = registry.RegisterModel(c.opts(bob), "copy", llamaHash, "")
	if name, args := revertError(t, err, registryABI); name != "DuplicateModel" || args[1].(*big.Int).Uint64() != 1 {
		t.Fatalf("duplicate registration: %s%v", name, args)
	}

	// Block 2: adapter, prices, and a model owned by the contract.
	adapterTx, err := registry.RegisterAdapter(c.opts(bob), big.NewInt(1), loraHash, "ipfs://lora", hash32("datanet"))
	if err != nil {
		t.Fatal(err)
	}
	modelPrice, adapterPrice, contractPrice := big.NewInt(1e15), big.NewInt(6e14), big.NewInt(5e14)
	priceTx, err := registry.SetModelPrice(c.opts(alice), big.NewInt(1), modelPrice)
	if err != nil {
		t.Fatal(err)
	}
	// The adapter is registered in this same block, so estimation (run
	// against the head) would see UnknownAdapter: give the gas explicitly.
	adapterPriceOpts := c.opts(bob)
	adapterPriceOpts.GasLimit = 100_000
	adapterPriceTx, err := registry.SetAdapterPrice(adapterPriceOpts, big.NewInt(1), adapterPrice)
	if err != nil {
		t.Fatal(err)
	}
	createTx, err := caller.CreateModel(c.opts(gov), "mistral", mistralHash, "ipfs://mistral", contractPrice)
	if err != nil {
		t.Fatal(err)
	}
	// A non-owner's price change: estimation reports NotOwner; sent anyway
	// with a fixed gas limit it is mined as a failed transaction that
	// returns its unused gas (REVERT, not an exceptional halt).
	_, err = registry.SetModelPrice(c.opts(bob), big.NewInt(1), big.NewInt(1))
	if name, _ := revertError(t, err, registryABI); name != "NotOwner" {
		t.Fatalf("non-owner setModelPrice: %s", name)
	}
	badOpts := c.opts(bob)
	badOpts.GasLimit = 200_000
	badTx, err := registry.SetModelPrice(badOpts, big.NewInt(1), big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	c.commit(5)
	for _, tx := range []*types.Transaction{adapterTx, priceTx, adapterPriceTx, createTx} {
		c.receipt(tx, types.ReceiptStatusSuccessful)
	}
	if r := c.receipt(badTx, types.ReceiptStatusFailed); r.GasUsed >= badOpts.GasLimit/2 {
		t.Fatalf("failed setModelPrice used %d of %d gas: revert did not refund", r.GasUsed, badOpts.GasLimit)
	}
	contractModel, err := caller.ModelId(nil)
	if err != nil || contractModel.Uint64() != 2 {
		t.Fatalf("contract's model id = %v, %v", contractModel, err)
	}
	m, err := registry.GetModel(nil, contractModel)
	if err != nil || m.Owner != callerAddr || m.WeiPerCall.Cmp(contractPrice) != 0 || m.Name != "mistral" {
		t.Fatalf("contract's model = %+v, %v (want owner %s)", m, err, callerAddr)
	}

	// Block 3: payments from an EOA and through the contract.
	quote, err := attribution.Quote(nil, big.NewInt(1), big.NewInt(1))
	if err != nil || quote.Cmp(new(big.Int).Add(modelPrice, adapterPrice)) != 0 {
		t.Fatalf("quote = %v, %v", quote, err)
	}
	short := c.opts(carol)
	short.Value = new(big.Int).Sub(quote, big.NewInt(1))
	_, err = attribution.PayForCall(short, big.NewInt(1), big.NewInt(1), []common.Address{dave, erin}, []*big.Int{big.NewInt(3), big.NewInt(1)})
	if name, args := revertError(t, err, attributionABI); name != "InsufficientPayment" || args[0].(*big.Int).Cmp(quote) != 0 {
		t.Fatalf("short payment: %s%v", name, args)
	}
	pay := c.opts(carol)
	pay.Value = quote
	payTx, err := attribution.PayForCall(pay, big.NewInt(1), big.NewInt(1), []common.Address{dave, erin}, []*big.Int{big.NewInt(3), big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	rejected := c.opts(carol)
	rejected.Value = big.NewInt(1)
	rejectTx, err := caller.PayOrRefund(rejected, contractModel, big.NewInt(0), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	viaContract := c.opts(carol)
	viaContract.Value = contractPrice
	viaContractTx, err := caller.PayOrRefund(viaContract, contractModel, big.NewInt(0), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.commit(3)
	c.receipt(payTx, types.ReceiptStatusSuccessful)
	r = c.receipt(rejectTx, types.ReceiptStatusSuccessful)
	var sawReject bool
	for _, l := range r.Logs {
		if e, err := caller.ParsePaymentRejected(*l); err == nil {
			sawReject = true
			if e.Selector != selectorOf(t, attributionABI, "InsufficientPayment") || e.Required.Cmp(contractPrice) != 0 || e.Refunded.Int64() != 1 {
				t.Fatalf("PaymentRejected = %+v", e)
			}
		}
	}
	if !sawReject {
		t.Fatal("the contract's try/catch did not report the rejected payment")
	}
	r = c.receipt(viaContractTx, types.ReceiptStatusSuccessful)
	if _, err := caller.ParseCallPaid(*r.Logs[len(r.Logs)-1]); err != nil {
		t.Fatalf("payment through the contract: no CallPaid event: %v", err)
	}

	// The split (default policy 10/20/20/50 with contributor weights 3:1;
	// without adapter and contributors the model owner takes 90%).
	want := map[common.Address]*big.Int{
		genesis.DevAddress(0): big.NewInt(1.6e14 + 5e13), // protocol share of both payments
		genesis.DevAddress(1): big.NewInt(3.2e14),
		genesis.DevAddress(2): big.NewInt(3.2e14),
		dave:                  big.NewInt(6e14),
		erin:                  big.NewInt(2e14),
		callerAddr:            big.NewInt(4.5e14),
	}
	total := new(big.Int)
	for who, amount := range want {
		got, err := attribution.Claimable(nil, who)
		if err != nil || got.Cmp(amount) != 0 {
			t.Errorf("claimable(%s) = %v, %v; want %v", who, got, err, amount)
		}
		total.Add(total, got)
	}
	held, err := c.client.BalanceAt(ctx, precompiles.AttributionAddress, nil)
	if err != nil || held.Cmp(total) != 0 || total.Cmp(new(big.Int).Add(quote, contractPrice)) != 0 {
		t.Fatalf("attribution holds %v, claimable total %v, paid %v+%v", held, total, quote, contractPrice)
	}

	// Block 4: claims, by an EOA and by the contract (forwarding to its owner).
	before, _ := c.client.BalanceAt(ctx, genesis.DevAddress(1), nil)
	claimTx, err := attribution.Claim(c.opts(alice))
	if err != nil {
		t.Fatal(err)
	}
	forwardTx, err := caller.ClaimAndForward(c.opts(gov))
	if err != nil {
		t.Fatal(err)
	}
	c.commit(2)
	r = c.receipt(claimTx, types.ReceiptStatusSuccessful)
	after, _ := c.client.BalanceAt(ctx, genesis.DevAddress(1), nil)
	fee := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	if gained := new(big.Int).Sub(after, before); gained.Add(gained, fee).Cmp(want[genesis.DevAddress(1)]) != 0 {
		t.Fatalf("claim paid %v (+fee %v), want %v", new(big.Int).Sub(after, before), fee, want[genesis.DevAddress(1)])
	}
	r = c.receipt(forwardTx, types.ReceiptStatusSuccessful)
	fwd, err := caller.ParseForwarded(*r.Logs[len(r.Logs)-1])
	if err != nil || fwd.Amount.Cmp(want[callerAddr]) != 0 || fwd.To != genesis.DevAddress(0) {
		t.Fatalf("Forwarded = %+v, %v", fwd, err)
	}
	_, err = attribution.Claim(c.opts(alice))
	if name, _ := revertError(t, err, attributionABI); name != "NothingToClaim" {
		t.Fatalf("second claim: %s", name)
	}

	// eth_call paths: views, decoded errors, try/catch in a view, and the
	// call-kind rules (STATICCALL write, DELEGATECALL).
	if n, err := registry.ModelCount(nil); err != nil || n.Uint64() != 2 {
		t.Fatalf("modelCount = %v, %v", n, err)
	}
	_, err = registry.GetModel(nil, big.NewInt(99))
	if name, args := revertError(t, err, registryABI); name != "UnknownModel" || args[0].(*big.Int).Uint64() != 99 {
		t.Fatalf("getModel(99): %s%v", name, args)
	}
	if res, err := caller.ModelOwner(nil, big.NewInt(99)); err != nil || res.Exists {
		t.Fatalf("contract modelOwner(99) = %+v, %v", res, err)
	}
	if res, err := caller.ModelOwner(nil, big.NewInt(1)); err != nil || !res.Exists || res.ModelOwner != genesis.DevAddress(1) {
		t.Fatalf("contract modelOwner(1) = %+v, %v", res, err)
	}
	var probe []any
	raw := &bindings.PaidModelCallerRaw{Contract: caller}
	if err := raw.Call(&bind.CallOpts{}, &probe, "probeForbiddenCalls"); err != nil {
		t.Fatal(err)
	}
	if s, d := probe[0].([4]byte), probe[1].([4]byte); s != selectorOf(t, registryABI, "WriteProtection") || d != selectorOf(t, registryABI, "DelegateCallNotAllowed") {
		t.Fatalf("probeForbiddenCalls = %x, %x", s, d)
	}
	_ = callerABI

	// debug_traceTransaction sees the precompile frames: the contract's
	// payment is a CALL with value into 0x...0A02, and the rejected one a
	// reverted CALL carrying InsufficientPayment.
	for _, tc := range []struct {
		tx       *types.Transaction
		value    *big.Int
		reverted bool
	}{{viaContractTx, contractPrice, false}, {rejectTx, big.NewInt(1), true}} {
		var frame callFrame
		if err := c.rpc.Call(&frame, "debug_traceTransaction", tc.tx.Hash(), map[string]any{"tracer": "callTracer"}); err != nil {
			t.Fatal(err)
		}
		sub := frame.find(precompiles.AttributionAddress)
		if sub == nil {
			t.Fatalf("trace of %s has no call into the attribution precompile: %+v", tc.tx.Hash(), frame)
		}
		if sub.Type != "CALL" || sub.Value == nil || (*big.Int)(sub.Value).Cmp(tc.value) != 0 || (sub.Error != "") != tc.reverted {
			t.Fatalf("precompile frame = %+v", sub)
		}
	}

	// An independent replica imports the miner's blocks and arrives at the
	// same state.
	blocks := c.blocks()
	replica := newReplica(t, cfg)
	if replica.Genesis().Hash() != c.node.Eth.BlockChain().Genesis().Hash() {
		t.Fatal("replica genesis differs")
	}
	if n, err := replica.InsertChain(blocks); err != nil {
		t.Fatalf("replica import failed at block %d: %v", n, err)
	}
	for _, b := range blocks {
		got := replica.GetHeaderByNumber(b.NumberU64())
		if got == nil || got.Root != b.Root() || got.Hash() != b.Hash() {
			t.Fatalf("replica block %d differs from the miner's", b.NumberU64())
		}
	}
	st, err := replica.State()
	if err != nil {
		t.Fatal(err)
	}
	if got := st.GetBalance(precompiles.AttributionAddress).ToBig(); got.Cmp(new(big.Int).Sub(total, new(big.Int).Add(want[genesis.DevAddress(1)], want[callerAddr]))) != 0 {
		t.Fatalf("replica attribution balance %v", got)
	}
	if st.GetNonce(precompiles.ModelRegistryAddress) != 1 || len(st.GetCode(precompiles.ModelRegistryAddress)) != 1 {
		t.Fatal("replica lost the precompile account")
	}
}

// callFrame is the part of callTracer's output the test reads.
type callFrame struct {
	Type  string         `json:"type"`
	To    common.Address `json:"to"`
	Value *hexBig        `json:"value"`
	Error string         `json:"error"`
	Calls []callFrame    `json:"calls"`
}

func (f *callFrame) find(to common.Address) *callFrame {
	if f.To == to {
		return f
	}
	for i := range f.Calls {
		if g := f.Calls[i].find(to); g != nil {
			return g
		}
	}
	return nil
}

type hexBig big.Int

func (h *hexBig) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, ok := new(big.Int).SetString(s, 0)
	if !ok {
		return &json.UnsupportedValueError{Str: s}
	}
	*h = hexBig(*v)
	return nil
}
