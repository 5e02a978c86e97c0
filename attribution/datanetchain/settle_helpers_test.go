package datanetchain_test

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/precompiles/inferencetx"
)

// market is a model and one adapter trained on a Datanet version.
type market struct {
	modelID, adapterID       *big.Int
	weightsHash, adapterHash [32]byte
	price                    *big.Int // model + adapter weiPerCall
	registry                 *bindings.ModelRegistry
	attribution              *bindings.Attribution
}

// setupMarket registers a model (model owner) and an adapter whose
// datanetRoot is root (adapter owner), prices them, and makes kSigner the
// inference signer (governance).
func (w *world) setupMarket(root common.Hash, salt string) market {
	w.t.Helper()
	c := w.chain
	reg, err := bindings.NewModelRegistry(precompiles.ModelRegistryAddress, c.Client)
	if err != nil {
		w.t.Fatal(err)
	}
	at, err := bindings.NewAttribution(precompiles.AttributionAddress, c.Client)
	if err != nil {
		w.t.Fatal(err)
	}
	m := market{
		weightsHash: crypto.Keccak256Hash([]byte("stories260K weights " + salt)),
		adapterHash: crypto.Keccak256Hash([]byte("lora on the datanet " + salt)),
		registry:    reg, attribution: at,
	}
	if _, err := reg.RegisterModel(c.Opts(key(kModelOwner)), "stories260K", m.weightsHash, "ipfs://model"); err != nil {
		w.t.Fatal(err)
	}
	signer := inferenceABI.Methods["setInferenceSigner"]
	args, _ := signer.Inputs.Pack(addr(kSigner))
	w.rawTx(kGov, precompiles.InferenceAddress, nil, append(signer.ID, args...), 100_000, gwei(1))
	c.Commit(2)
	count, _ := reg.ModelCount(nil)
	m.modelID = count
	modelPrice, adapterPrice := big.NewInt(3e15), big.NewInt(2e15)
	if _, err := reg.SetModelPrice(c.Opts(key(kModelOwner)), m.modelID, modelPrice); err != nil {
		w.t.Fatal(err)
	}
	if _, err := reg.RegisterAdapter(c.Opts(key(kAdapterOwner)), m.modelID, m.adapterHash, "ipfs://lora", root); err != nil {
		w.t.Fatal(err)
	}
	c.Commit(2)
	m.adapterID, _ = reg.AdapterCount(nil)
	if _, err := reg.SetAdapterPrice(c.Opts(key(kAdapterOwner)), m.adapterID, adapterPrice); err != nil {
		w.t.Fatal(err)
	}
	c.Commit(1)
	a, err := reg.GetAdapter(nil, m.adapterID)
	if err != nil || a.DatanetRoot != root || a.BaseModelId.Cmp(m.modelID) != 0 {
		w.t.Fatalf("adapter = %+v, %v", a, err)
	}
	m.price = new(big.Int).Add(modelPrice, adapterPrice)
	return m
}

var inferenceABI = precompiles.InferenceABI()

// rawTx signs and sends a dynamic-fee transaction with an explicit gas
// limit and tip (the miner orders a block by tip).
func (w *world) rawTx(k int, to common.Address, value *big.Int, data []byte, gas uint64, tip *big.Int) *types.Transaction {
	w.t.Helper()
	nonce, err := w.chain.Client.PendingNonceAt(w.ctx, addr(k))
	if err != nil {
		w.t.Fatal(err)
	}
	return w.rawTxNonce(k, nonce, to, value, data, gas, tip)
}

// rawTxNonce is rawTx with the nonce given (for a burst of transactions
// from one account).
func (w *world) rawTxNonce(k int, nonce uint64, to common.Address, value *big.Int, data []byte, gas uint64, tip *big.Int) *types.Transaction {
	w.t.Helper()
	c := w.chain
	if value == nil {
		value = new(big.Int)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(c.Head().BaseFee, big.NewInt(2)), tip)
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{
		ChainID: c.ChainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: &to, Value: value, Data: data,
	}), types.LatestSignerForChainID(c.ChainID), key(k))
	if err != nil {
		w.t.Fatal(err)
	}
	if err := c.Client.SendTransaction(w.ctx, tx); err != nil {
		w.t.Fatal(err)
	}
	return tx
}

// call is one paid inference: the sequencer's receipt transaction and the
// user's infer transaction, sent for the same block.
type call struct {
	requestID       common.Hash
	fulfill, infer  *types.Transaction
	fulfillCalldata []byte
	inferCalldata   []byte
}

// sendInference sends, for the next block, the receipt transaction of an
// engine receipt (output ids out, text from decode) crediting contributors
// by weights, followed by the user's infer paying value. The receipt
// transaction has the higher tip, so the miner puts it first.
func (w *world) sendInference(m market, out []int, text string, contributors []common.Address, weights []*big.Int, value *big.Int) call {
	w.t.Helper()
	req := precompiles.InferRequest{
		ModelID: m.modelID, AdapterIDs: []*big.Int{m.adapterID}, AdapterWeights: bigs(1_000_000),
		Prompt: []byte("Tell me a story about a dog."),
		Params: precompiles.InferenceParams{TemperatureMilli: 0, TopPMilli: 1000, TopK: 0, RepetitionPenaltyMilli: 1000, MaxTokens: 4096, Seed: 7},
	}
	inferData, err := req.Calldata()
	if err != nil {
		w.t.Fatal(err)
	}
	nonce, err := w.chain.Client.PendingNonceAt(w.ctx, addr(kUser))
	if err != nil {
		w.t.Fatal(err)
	}
	id := precompiles.RequestID(w.chain.ChainID, addr(kUser), nonce, 0, inferData[4:])
	ereq, err := inferencetx.EngineRequest(id, inferData)
	if err != nil {
		w.t.Fatal(err)
	}
	r := &receipt.Receipt{
		RequestID: ereq.RequestID, ModelHash: receipt.Hash(m.weightsHash),
		Adapters:       []receipt.AdapterRef{{Hash: receipt.Hash(m.adapterHash), Weight: ereq.Weights[0]}},
		PromptTokenIDs: []int{1, 2, 3}, Sampler: ereq.Sampler, EngineVersion: "datanetchain-test", Determinism: "fp32",
		OutputTokenIDs: out, OutputText: text, FinishReason: "stop",
	}
	if err := r.Seal(); err != nil {
		w.t.Fatal(err)
	}
	fulfillData, err := inferencetx.FulfillCalldata(id, w.chain.ChainID, r, contributors, weights)
	if err != nil {
		w.t.Fatal(err)
	}
	f := w.rawTx(kSigner, precompiles.InferenceAddress, nil, fulfillData, 8_000_000, gwei(3))
	i := w.rawTx(kUser, precompiles.InferenceAddress, value, inferData, 4_000_000, gwei(1))
	return call{requestID: id, fulfill: f, infer: i, fulfillCalldata: fulfillData, inferCalldata: inferData}
}

// credits sums a receipt's Attribution Credited logs per account, checking
// each names modelID.
func (w *world) credits(m market, r *types.Receipt) (map[common.Address]*big.Int, map[common.Address]uint8) {
	w.t.Helper()
	sum, role := map[common.Address]*big.Int{}, map[common.Address]uint8{}
	for _, l := range r.Logs {
		ev, err := m.attribution.ParseCredited(*l)
		if err != nil || l.Address != precompiles.AttributionAddress {
			continue
		}
		if ev.ModelId.Cmp(m.modelID) != 0 {
			w.t.Fatalf("Credited for model %v, want %v", ev.ModelId, m.modelID)
		}
		if sum[ev.Account] == nil {
			sum[ev.Account] = new(big.Int)
		}
		sum[ev.Account].Add(sum[ev.Account], ev.Amount)
		role[ev.Account] = ev.Role
	}
	return sum, role
}

// split is the Attribution precompile's fee split (docs/precompiles.md, Fee
// policy) for a call with an adapter: what each account is credited.
func (w *world) split(m market, value *big.Int, contributors []common.Address, weights []*big.Int) map[common.Address]*big.Int {
	w.t.Helper()
	p, err := m.attribution.FeePolicy(nil)
	if err != nil {
		w.t.Fatal(err)
	}
	part := func(bps uint16) *big.Int {
		v := new(big.Int).Mul(value, big.NewInt(int64(bps)))
		return v.Div(v, big.NewInt(10_000))
	}
	out := map[common.Address]*big.Int{}
	add := func(a common.Address, v *big.Int) {
		if out[a] == nil {
			out[a] = new(big.Int)
		}
		out[a].Add(out[a], v)
	}
	protocol, model, adapter, data := part(p.ProtocolBps), part(p.ModelOwnerBps), part(p.AdapterOwnerBps), part(p.DataContributorsBps)
	add(addr(kModelOwner), model)
	add(addr(kAdapterOwner), adapter)
	total := new(big.Int)
	for _, wt := range weights {
		total.Add(total, wt)
	}
	paid := new(big.Int).Add(protocol, model)
	paid.Add(paid, adapter)
	for i, a := range contributors {
		c := new(big.Int).Mul(data, weights[i])
		c.Div(c, total)
		add(a, c)
		paid.Add(paid, c)
	}
	add(addr(kGov), protocol.Add(protocol, new(big.Int).Sub(value, paid))) // protocol share + all dust
	return out
}

// claimable reads Attribution balances.
func (w *world) claimable(m market, accounts ...common.Address) map[common.Address]*big.Int {
	w.t.Helper()
	out := map[common.Address]*big.Int{}
	for _, a := range accounts {
		v, err := m.attribution.Claimable(nil, a)
		if err != nil {
			w.t.Fatal(err)
		}
		out[a] = v
	}
	return out
}
