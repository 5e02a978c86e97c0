package sequencer_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/server"
	"github.com/paichain/paichain/internal/testutil"
	"github.com/paichain/paichain/node"
	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/sequencer"
)

// sidecar is a real inference server (inference/server on the CPU engine,
// a seeded synthetic model with tok512's vocabulary and one adapter)
// behind a proxy that counts completion requests and can hold them.
type sidecar struct {
	url         string // the proxy: what the sequencer is given
	direct      string // the server itself
	modelHash   common.Hash
	adapterHash common.Hash
	gate        *gate
	hits        atomic.Int64
	// took records how long each completion took at the server, by
	// request_id.
	took sync.Map
}

func startSidecar(t testing.TB) *sidecar {
	t.Helper()
	return startSidecarWith(t, tinyModel)
}

// Synthetic models with tok512's vocabulary: tinyModel answers in
// milliseconds, slowModel takes about a hundred times longer per token.
var (
	tinyModel = func() model.Config {
		c := model.TinyConfig
		c.VocabSize, c.MaxSeqLen = 512, 512
		return c
	}()
	slowModel = func() model.Config {
		c := tinyModel
		c.Dim, c.HiddenDim, c.NLayers, c.NHeads, c.NKVHeads, c.HeadDim = 512, 1536, 8, 8, 8, 64
		return c
	}()
)

func startSidecarWith(t testing.TB, cfg model.Config) *sidecar {
	t.Helper()
	dir := t.TempDir()
	mdir := filepath.Join(dir, "model")
	if err := model.WriteSynthetic(mdir, cfg, 11); err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(mdir)
	if err != nil {
		t.Fatal(err)
	}
	store, err := adapters.Open(adapters.StoreConfig{
		HostBudget: -1,
		Fetchers:   []adapters.Fetcher{adapters.DirFetcher{Root: filepath.Join(dir, "source")}},
	}, m.Config)
	if err != nil {
		t.Fatal(err)
	}
	adir := filepath.Join(dir, "adapter")
	if err := lora.WriteSynthetic(adir, m.Config, 4, 64, []string{"q_proj", "v_proj"}, 100, false); err != nil {
		t.Fatal(err)
	}
	ah, err := store.Register(adir)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(m, engine.Options{MaxBatch: 16})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := server.LoadTokenizer(testutil.SharedFile(t, "testdata/llama2c/tok512.bin"), "", m.Config.VocabSize)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Engine: eng, Tokenizer: tok, Store: store, ModelName: "synth"})
	if err != nil {
		t.Fatal(err)
	}
	direct := httptest.NewServer(srv)
	sc := &sidecar{direct: direct.URL, modelHash: m.Hash, adapterHash: ah, gate: newGate()}
	proxy := httptest.NewServer(http.HandlerFunc(sc.forward))
	sc.url = proxy.URL
	t.Cleanup(func() {
		sc.gate.open()
		proxy.Close()
		direct.Close()
		eng.Close()
		store.Close()
	})
	return sc
}

func (sc *sidecar) forward(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/v1/completions" {
		sc.hits.Add(1)
		if !sc.gate.wait(r.Context()) {
			return
		}
	}
	body, _ := io.ReadAll(r.Body)
	var sent struct {
		RequestID string `json:"request_id"`
	}
	json.Unmarshal(body, &sent)
	start := time.Now()
	defer func() {
		if sent.RequestID != "" {
			sc.took.Store(sent.RequestID, time.Since(start))
		}
	}()
	req, err := http.NewRequestWithContext(r.Context(), r.Method, sc.direct+r.URL.Path, bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req.Header = r.Header.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// gate holds requests while shut.
type gate struct {
	mu sync.Mutex
	ch chan struct{}
}

func newGate() *gate {
	g := &gate{ch: make(chan struct{})}
	close(g.ch)
	return g
}

func (g *gate) shut() {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.ch:
		g.ch = make(chan struct{})
	default:
	}
}

func (g *gate) open() {
	g.mu.Lock()
	defer g.mu.Unlock()
	select {
	case <-g.ch:
	default:
		close(g.ch)
	}
}

func (g *gate) wait(ctx context.Context) bool {
	g.mu.Lock()
	ch := g.ch
	g.mu.Unlock()
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		return false
	}
}

// catcher is a contract that forwards its calldata and value to the
// Inference precompile, swallows a revert, and stores the call's success
// (slot 0) and its return data size (slot 1):
//
//	CALLDATACOPY(0, 0, CALLDATASIZE)
//	ok := CALL(GAS, 0x0A03, CALLVALUE, 0, CALLDATASIZE, 0, 0)
//	SSTORE(0, ok); SSTORE(1, RETURNDATASIZE); STOP
//
// twice does the same call twice and stores the two successes in slots 0
// and 1: the second call is the transaction's second infer (call index 1).
var (
	catcherAddr = common.HexToAddress("0xCA7C4E5000000000000000000000000000000001")
	catcherCode = common.FromHex("0x3660006000376000600036600034610a035af16000553d60015500")
	twiceAddr   = common.HexToAddress("0xCA7C4E5000000000000000000000000000000002")
	twiceCode   = common.FromHex("0x366000600037" + "6000600036600034610a035af1" + "600055" + "6000600036600034610a035af1" + "600155" + "00")
)

// chain is an in-process dev node whose blocks the test builds with
// commit, optionally with a sequencer.
type chain struct {
	t       testing.TB
	n       *node.Node
	genesis genesis.Config
	chainID *big.Int
	gov     *ecdsa.PrivateKey
	signer  *ecdsa.PrivateKey
	users   []*ecdsa.PrivateKey
	nonces  map[common.Address]uint64
}

// Key indexes: 0 governance, 1 inference signer, 2.. users.
const firstUser = 2

func chainGenesis(users int) (genesis.Config, []*ecdsa.PrivateKey) {
	cfg := genesis.Config{Governance: genesis.DevAddress(0), InferenceSigner: genesis.DevAddress(1)}
	var keys []*ecdsa.PrivateKey
	for i := range users {
		cfg.Prefund = append(cfg.Prefund, genesis.DevAddress(firstUser+i))
		keys = append(keys, genesis.DevKey(firstUser+i))
	}
	return cfg, keys
}

func devGenesis(t testing.TB, cfg genesis.Config) *core.Genesis {
	t.Helper()
	g, err := genesis.Dev(cfg)
	if err != nil {
		t.Fatal(err)
	}
	g.Alloc[catcherAddr] = types.Account{Code: catcherCode, Balance: new(big.Int)}
	g.Alloc[twiceAddr] = types.Account{Code: twiceCode, Balance: new(big.Int)}
	return g
}

// startChain starts a dev node with users prefunded accounts and, if seq
// is non-nil, a sequencer (its SignerKey is filled in).
func startChain(t testing.TB, users int, seq *sequencer.Config) *chain {
	t.Helper()
	return startChainWith(t, users, seq, nil)
}

// startChainWith is startChain with a hook to change the genesis.
func startChainWith(t testing.TB, users int, seq *sequencer.Config, edit func(*genesis.Config)) *chain {
	t.Helper()
	gcfg, keys := chainGenesis(users)
	if edit != nil {
		edit(&gcfg)
	}
	ethCfg := ethconfig.Defaults
	ethCfg.Genesis = devGenesis(t, gcfg)
	ethCfg.SyncMode = ethconfig.FullSync
	ethCfg.Miner.PendingFeeRecipient = gcfg.Governance
	ethCfg.TxPool.AccountSlots = 64 // 10 pending transactions per sender and more
	// The simulated beacon waits for the full payload with an unconditional
	// cond.Wait: when the first build finishes before it starts waiting, only
	// the next rebuild wakes it (after Recommit, default 2 s, or never when
	// the 2 s payload window closes first). Fast rebuilds bound that.
	ethCfg.Miner.Recommit = 100 * time.Millisecond
	cfg := &node.Config{
		Node: gethnode.Config{Name: "paichain-seq-test", P2P: p2p.Config{MaxPeers: 0, NoDiscovery: true, NoDial: true}},
		Eth:  ethCfg,
		Dev:  &node.DevConfig{Manual: true},
	}
	if seq != nil {
		seq.SignerKey = genesis.DevKey(1)
		cfg.Sequencer = seq
	}
	n, err := node.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		n.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	return &chain{
		t: t, n: n, genesis: gcfg, chainID: ethCfg.Genesis.Config.ChainID,
		gov: genesis.DevKey(0), signer: genesis.DevKey(1), users: keys, nonces: make(map[common.Address]uint64),
	}
}

func (c *chain) bc() *core.BlockChain { return c.n.Eth.BlockChain() }

// send signs a transaction from key (nonces tracked here) and adds it to
// the pool.
func (c *chain) send(key *ecdsa.PrivateKey, to common.Address, value *big.Int, data []byte, gas uint64) *types.Transaction {
	c.t.Helper()
	from := addrOf(key)
	nonce, ok := c.nonces[from]
	if !ok {
		st, err := c.bc().State()
		if err != nil {
			c.t.Fatal(err)
		}
		nonce = st.GetNonce(from)
	}
	c.nonces[from] = nonce + 1
	tx := c.sign(key, nonce, to, value, data, gas)
	c.add(tx)
	return tx
}

func (c *chain) sign(key *ecdsa.PrivateKey, nonce uint64, to common.Address, value *big.Int, data []byte, gas uint64) *types.Transaction {
	c.t.Helper()
	if value == nil {
		value = new(big.Int)
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: nonce, GasTipCap: big.NewInt(params.GWei), GasFeeCap: big.NewInt(20 * params.GWei),
		Gas: gas, To: &to, Value: value, Data: data,
	})
	if err != nil {
		c.t.Fatal(err)
	}
	return tx
}

func (c *chain) add(txs ...*types.Transaction) {
	c.t.Helper()
	for i, err := range c.n.Eth.TxPool().Add(txs, true) {
		if err != nil {
			c.t.Fatalf("pool rejected %s: %v", txs[i].Hash(), err)
		}
	}
}

// commit builds one block and returns it with its receipts.
func (c *chain) commit() (*types.Block, types.Receipts) {
	c.t.Helper()
	before := c.bc().CurrentBlock().Number.Uint64()
	c.n.Beacon.Commit()
	head := c.bc().CurrentBlock()
	if head.Number.Uint64() != before+1 {
		c.t.Fatalf("commit: head %d after %d", head.Number.Uint64(), before)
	}
	return c.bc().GetBlock(head.Hash(), head.Number.Uint64()), c.bc().GetReceiptsByHash(head.Hash())
}

// registerModel registers the sidecar's model (id 1) and adapter (id 1)
// in one block.
func (c *chain) registerModel(sc *sidecar) {
	c.t.Helper()
	reg := precompiles.ModelRegistryABI()
	m, err := reg.Pack("registerModel", "synth", [32]byte(sc.modelHash), "test://synth")
	if err != nil {
		c.t.Fatal(err)
	}
	a, err := reg.Pack("registerAdapter", big.NewInt(1), [32]byte(sc.adapterHash), "test://adapter", [32]byte{})
	if err != nil {
		c.t.Fatal(err)
	}
	c.send(c.gov, precompiles.ModelRegistryAddress, nil, m, 1_000_000)
	c.send(c.gov, precompiles.ModelRegistryAddress, nil, a, 1_000_000)
	block, receipts := c.commit()
	if len(block.Transactions()) != 2 || receipts[0].Status != 1 || receipts[1].Status != 1 {
		c.t.Fatalf("registration block: %d txs", len(block.Transactions()))
	}
}

// blocks returns blocks 1..head.
func (c *chain) blocks() []*types.Block {
	var out []*types.Block
	for i := uint64(1); i <= c.bc().CurrentBlock().Number.Uint64(); i++ {
		out = append(out, c.bc().GetBlockByNumber(i))
	}
	return out
}

// replay imports the chain's blocks into an independent replica (no
// sidecar, no sequencer, the engine a post-merge verifier uses) and
// requires the same head state root.
func (c *chain) replay() {
	c.t.Helper()
	replica, err := core.NewBlockChain(rawdb.NewMemoryDatabase(), devGenesis(c.t, c.genesis), beacon.New(ethash.NewFaker()), core.DefaultConfig())
	if err != nil {
		c.t.Fatal(err)
	}
	defer replica.Stop()
	blocks := c.blocks()
	if n, err := replica.InsertChain(blocks); err != nil {
		c.t.Fatalf("replica rejected block %d: %v", n, err)
	}
	want := c.bc().CurrentBlock()
	got := replica.CurrentBlock()
	if got.Hash() != want.Hash() || got.Root != want.Root {
		c.t.Fatalf("replica head %d %s root %s, sequencer %d %s root %s", got.Number, got.Hash(), got.Root, want.Number, want.Hash(), want.Root)
	}
}

func (c *chain) rpc() *rpc.Client { return c.n.Stack.Attach() }

func addrOf(key *ecdsa.PrivateKey) common.Address {
	return crypto.PubkeyToAddress(key.PublicKey)
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t testing.TB, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	waitForSeq(t, nil, what, timeout, cond)
}

// waitForSeq is waitFor that shows s's queue when it times out.
func waitForSeq(t testing.TB, s *sequencer.Sequencer, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			var queue string
			if s != nil {
				for _, p := range s.PendingInferences() {
					queue += fmt.Sprintf("\n  %s tx %s nonce %d: %s %s", p.RequestID, p.TxHash, p.Nonce, p.State, p.Reason)
				}
			}
			t.Fatalf("timed out after %s waiting for %s%s", timeout, what, queue)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
