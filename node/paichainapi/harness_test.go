package paichainapi_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/inference/tokenizer"
	"github.com/paichain/paichain/internal/testutil"
	"github.com/paichain/paichain/node"
	"github.com/paichain/paichain/node/paichainapi"
	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/precompiles/inferencetx"
)

var (
	inferenceABI    = precompiles.InferenceABI()
	inferenceReqErr = inferenceABI.Errors["InferenceRequired"]
)

// Accounts of the test chain (genesis dev keys).
var (
	govKey, aliceKey, bobKey, userKey, signerKey = genesis.DevKey(0), genesis.DevKey(1), genesis.DevKey(2), genesis.DevKey(3), genesis.DevKey(9)
	gov, alice, bob, user, signer                = genesis.DevAddress(0), genesis.DevAddress(1), genesis.DevAddress(2), genesis.DevAddress(3), genesis.DevAddress(9)
	// Data contributors credited by the test receipts; never funded.
	carol, dave = genesis.DevAddress(4), genesis.DevAddress(5)
)

// testChain is an in-process paichain dev node with this package's APIs
// registered, reached over loopback HTTP, whose blocks are built only when
// the test commits.
type testChain struct {
	t       testing.TB
	node    *node.Node
	rpc     *rpc.Client
	client  *ethclient.Client
	api     *paichainapi.API // the registered paichain API (its estimator serves eth_estimateGas)
	chainID *big.Int
}

func startChain(t testing.TB, pending paichainapi.PendingSource) *testChain {
	t.Helper()
	g, err := genesis.Dev(genesis.Config{Governance: gov, Prefund: []common.Address{alice, bob, user, signer}})
	if err != nil {
		t.Fatal(err)
	}
	ethCfg := ethconfig.Defaults
	ethCfg.Genesis = g
	ethCfg.SyncMode = ethconfig.FullSync
	ethCfg.Miner.PendingFeeRecipient = gov
	n, err := node.New(&node.Config{
		Node: gethnode.Config{
			Name:        "paichainapi-test",
			HTTPHost:    "127.0.0.1",
			HTTPPort:    0, // any free loopback port
			HTTPModules: []string{"eth", "net", paichainapi.Namespace},
			P2P:         p2p.Config{MaxPeers: 0, NoDiscovery: true, NoDial: true, ListenAddr: ""},
		},
		Eth: ethCfg,
		Dev: &node.DevConfig{Manual: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Registered last, these replace any same-named methods registered
	// before (node.New's own paichain APIs included), so the test holds
	// the instance that serves.
	apis := paichainapi.APIs(n.Eth, pending)
	n.Stack.RegisterAPIs(apis)
	if err := n.Start(); err != nil {
		n.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	rc, err := rpc.DialContext(context.Background(), n.Stack.HTTPEndpoint())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rc.Close)
	if !strings.HasPrefix(n.Stack.HTTPEndpoint(), "http://127.0.0.1:") {
		t.Fatalf("HTTP endpoint %s is not loopback", n.Stack.HTTPEndpoint())
	}
	return &testChain{t: t, node: n, rpc: rc, client: ethclient.NewClient(rc), api: apis[0].Service.(*paichainapi.API), chainID: g.Config.ChainID}
}

// commit builds one block from the pool and checks it holds want transactions.
func (c *testChain) commit(want int) *types.Block {
	c.t.Helper()
	if err := c.node.Eth.TxPool().Sync(); err != nil {
		c.t.Fatal(err)
	}
	c.node.Beacon.Commit()
	bc := c.node.Eth.BlockChain()
	head := bc.CurrentBlock()
	block := bc.GetBlock(head.Hash(), head.Number.Uint64())
	if got := len(block.Transactions()); got != want {
		c.t.Fatalf("block %d has %d transactions, want %d", block.NumberU64(), got, want)
	}
	return block
}

func (c *testChain) opts(key *ecdsa.PrivateKey) *bind.TransactOpts {
	c.t.Helper()
	o, err := bind.NewKeyedTransactorWithChainID(key, c.chainID)
	if err != nil {
		c.t.Fatal(err)
	}
	o.Context = context.Background()
	o.GasTipCap = big.NewInt(1e9)
	return o
}

func (c *testChain) receipt(tx *types.Transaction, want uint64) *types.Receipt {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err := c.client.TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		c.t.Fatalf("receipt of %s: %v", tx.Hash(), err)
	}
	if r.Status != want {
		c.t.Fatalf("tx %s: status %d, want %d", tx.Hash(), r.Status, want)
	}
	return r
}

// sendRaw signs and sends a call from key with the given tip (the dev
// miner orders a block by tip, so a receipt transaction with the higher
// tip lands before the user's). The gas limit is eth_estimateGas's.
func (c *testChain) sendRaw(key *ecdsa.PrivateKey, nonce uint64, to common.Address, value *big.Int, data []byte, tip int64) *types.Transaction {
	c.t.Helper()
	ctx := context.Background()
	from := crypto.PubkeyToAddress(key.PublicKey)
	gas, err := c.client.EstimateGas(ctx, ethereum.CallMsg{From: from, To: &to, Value: value, Data: data})
	if err != nil {
		c.t.Fatalf("estimate: %v", err)
	}
	head, err := c.client.HeaderByNumber(ctx, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(tip))
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: nonce, GasTipCap: big.NewInt(tip), GasFeeCap: feeCap, Gas: gas,
		To: &to, Value: value, Data: data,
	})
	if err != nil {
		c.t.Fatal(err)
	}
	if err := c.client.SendTransaction(ctx, tx); err != nil {
		c.t.Fatalf("send: %v", err)
	}
	return tx
}

func (c *testChain) nonce(a common.Address) uint64 {
	c.t.Helper()
	n, err := c.client.PendingNonceAt(context.Background(), a)
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

// world is a chain with a model (alice, 3000 wei per call) and an adapter
// of it (bob, 1000 wei), both real weights of a seeded synthetic LLaMA,
// and the inference signer set by governance.
type world struct {
	*testChain
	model   *model.Model
	adapter *lora.Adapter
	tok     tokenizer.Tokenizer
	eng     *engine.Engine
	modelID *big.Int
	adptID  *big.Int
}

var tinyConfig = func() model.Config {
	c := model.TinyConfig
	c.VocabSize, c.MaxSeqLen = 512, 512 // tok512's vocabulary
	return c
}()

func newWorld(t testing.TB, pending paichainapi.PendingSource) *world {
	t.Helper()
	c := startChain(t, pending)
	m, err := model.NewSynthetic(tinyConfig, 11)
	if err != nil {
		t.Fatal(err)
	}
	a, err := lora.Synthetic(tinyConfig, 4, 8, []string{"q_proj", "v_proj", "down_proj"}, 5, false)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := tokenizer.LoadLlama2c(testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), tinyConfig.VocabSize)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(m, engine.Options{MaxBatch: 2, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(eng.Close)
	w := &world{testChain: c, model: m, adapter: a, tok: tok, eng: eng, modelID: big.NewInt(1), adptID: big.NewInt(1)}

	reg, err := bindings.NewModelRegistry(precompiles.ModelRegistryAddress, c.client)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.RegisterModel(c.opts(aliceKey), "tiny", m.Hash, "synthetic:11"); err != nil {
		t.Fatal(err)
	}
	c.commit(1)
	if _, err := reg.SetModelPrice(c.opts(aliceKey), w.modelID, big.NewInt(3000)); err != nil {
		t.Fatal(err)
	}
	if _, err := reg.RegisterAdapter(c.opts(bobKey), w.modelID, a.Hash, "synthetic:5", [32]byte{0xda}); err != nil {
		t.Fatal(err)
	}
	setSigner, err := inferenceABI.Pack("setInferenceSigner", signer)
	if err != nil {
		t.Fatal(err)
	}
	c.sendRaw(govKey, c.nonce(gov), precompiles.InferenceAddress, nil, setSigner, 1e9)
	c.commit(3)
	if _, err := reg.SetAdapterPrice(c.opts(bobKey), w.adptID, big.NewInt(1000)); err != nil {
		t.Fatal(err)
	}
	c.commit(1)
	return w
}

// serve runs an engine request the way the sequencer's sidecar does and
// returns the sealed receipt: the prompt tokenized with BOS, generation
// keyed by the on-chain request id, the adapter by its registry hash.
func (w *world) serve(req inferencetx.Request) *receipt.Receipt {
	w.t.Helper()
	ids, err := w.tok.Encode(string(req.Prompt))
	if err != nil {
		w.t.Fatal(err)
	}
	ids = append([]int{w.tok.BOS()}, ids...)
	stop := append(append([]int{}, w.tok.EOS()...), w.tok.BOS())
	r := &engine.Request{ID: req.RequestID, Prompt: ids, Params: sample.Params{
		Temperature: req.Sampler.Temperature, TopK: req.Sampler.TopK, TopP: req.Sampler.TopP,
		RepetitionPenalty: req.Sampler.RepetitionPenalty, Seed: req.Sampler.Seed, MaxTokens: req.Sampler.MaxTokens,
		StopTokens: stop,
	}}
	rc := &receipt.Receipt{RequestID: req.RequestID, ModelHash: w.model.Hash, PromptTokenIDs: ids,
		EngineVersion: "paichain-engine/1 (cpu, fp32)", Determinism: "cpu-fp32-batch-invariant/v1"}
	for i, id := range req.AdapterIDs {
		if id.Cmp(w.adptID) != 0 || req.Weights[i] != 1 {
			w.t.Fatalf("request for adapter %v weight %v; the test serves adapter %v at weight 1", id, req.Weights[i], w.adptID)
		}
		r.Adapter = w.adapter
		rc.Adapters = append(rc.Adapters, receipt.AdapterRef{Hash: w.adapter.Hash, Weight: 1})
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, finish, err := w.eng.Generate(ctx, r)
	if err != nil {
		w.t.Fatalf("engine: %v", err)
	}
	rc.Sampler = receipt.Sampler{Temperature: r.Params.Temperature, TopP: r.Params.TopP, TopK: r.Params.TopK,
		RepetitionPenalty: r.Params.RepetitionPenalty, Seed: r.Params.Seed, MaxTokens: r.Params.MaxTokens, StopTokens: stop}
	rc.OutputTokenIDs, rc.OutputText, rc.FinishReason = out, w.tok.Decode(out), finish
	if err := rc.Seal(); err != nil {
		w.t.Fatal(err)
	}
	return rc
}

// fulfil sends the receipt transaction for request r, attributing the
// output to carol and dave with weights 3 and 1.
func (w *world) fulfil(r *paichainapi.InferenceRequest, nonce uint64) (*types.Transaction, *receipt.Receipt) {
	w.t.Helper()
	req, err := inferencetx.EngineRequest(r.RequestID, r.Input)
	if err != nil {
		w.t.Fatal(err)
	}
	rc := w.serve(req)
	data, err := inferencetx.FulfillCalldata(r.RequestID, w.chainID, rc, []common.Address{carol, dave}, []*big.Int{big.NewInt(3), big.NewInt(1)})
	if err != nil {
		w.t.Fatal(err)
	}
	return w.sendRaw(signerKey, nonce, precompiles.InferenceAddress, nil, data, 2e9), rc
}

// required is paichain_requiredInferences over HTTP.
func (c *testChain) required(msg ethereum.CallMsg, block string) []*paichainapi.InferenceRequest {
	c.t.Helper()
	var out []*paichainapi.InferenceRequest
	if err := c.rpc.Call(&out, "paichain_requiredInferences", callArg(msg), block); err != nil {
		c.t.Fatalf("paichain_requiredInferences: %v", err)
	}
	return out
}

// callArg is an eth_call transaction object.
func callArg(msg ethereum.CallMsg) map[string]any {
	arg := map[string]any{"from": msg.From, "input": "0x" + common.Bytes2Hex(msg.Data)}
	if msg.To != nil {
		arg["to"] = msg.To
	}
	if msg.Value != nil {
		arg["value"] = "0x" + msg.Value.Text(16)
	}
	return arg
}

// revertData returns the revert data of a JSON-RPC revert error.
func revertData(t *testing.T, err error) []byte {
	t.Helper()
	var de rpc.DataError
	if !errors.As(err, &de) {
		t.Fatalf("error without data: %v", err)
	}
	s, _ := de.ErrorData().(string)
	return common.FromHex(s)
}

// argsOf is msg as the paichainapi.CallArgs an RPC client sends.
func argsOf(t testing.TB, msg ethereum.CallMsg) paichainapi.CallArgs {
	t.Helper()
	b, err := json.Marshal(callArg(msg))
	if err != nil {
		t.Fatal(err)
	}
	var a paichainapi.CallArgs
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return a
}
