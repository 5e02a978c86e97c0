package smoke

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum-optimism/optimism/op-service/eth"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/ops/devnet/altdafailover"
	"github.com/paichain/paichain/ops/devnet/orchestrator"
	"github.com/paichain/paichain/precompiles"
)

// wait bounds every single wait; the whole test takes about 2–3 minutes.
const wait = 2 * time.Minute

// report is what DEVNET_SMOKE_REPORT receives. Derived* are L2 tx sent →
// verifier derived it from L1 (+ DA), one value per sample
// (DEVNET_SMOKE_SAMPLES, default 1).
type report struct {
	StartSeconds     float64   `json:"startSeconds"`
	DepositSeconds   float64   `json:"depositSeconds"`
	DerivedDA        []float64 `json:"derivedDASeconds"`
	DerivedCalldata  []float64 `json:"derivedCalldataSeconds"`
	DerivedDADown    []float64 `json:"derivedDADownSeconds"`
	DerivedRecovered []float64 `json:"derivedRecoveredSeconds"`
	TotalSeconds     float64   `json:"totalSeconds"`
}

// env is a running devnet with clients.
type env struct {
	t        *testing.T
	ctx      context.Context
	d        *orchestrator.Devnet
	l1, seq  *ethclient.Client
	ver      *ethclient.Client
	verNode  *rpc.Client
	l1ID     *big.Int
	l2ID     *big.Int
	inbox    common.Address
	batcher  common.Address
	l1Scan   uint64 // next L1 block inboxTxs has not looked at
	inboxLog []inboxTx
}

type inboxTx struct {
	block uint64
	data  []byte
}

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// prerequisites returns bin/paichain and the forge artifacts, skipping
// unless PAICHAIN_SMOKE=1 and failing if that is set but they are missing.
func prerequisites(t *testing.T) (paichain, artifacts string) {
	if os.Getenv("PAICHAIN_SMOKE") != "1" {
		t.Skip("devnet smoke test: starts a whole devnet (~2–3 min); run `make devnet-smoke` (sets PAICHAIN_SMOKE=1)")
	}
	root := repoRoot(t)
	paichain = filepath.Join(root, "bin", "paichain")
	if p := os.Getenv("PAICHAIN_BIN"); p != "" {
		paichain = p
	}
	artifacts = filepath.Join(root, "build", "contracts-bedrock", "forge-artifacts")
	if _, err := os.Stat(paichain); err != nil {
		t.Fatalf("%v: run `make build`", err)
	}
	if _, err := os.Stat(filepath.Join(artifacts, "L2Genesis.s.sol")); err != nil {
		t.Fatalf("forge artifacts: %v: run `make devnet-deps`", err)
	}
	return paichain, artifacts
}

// hasSidecar reports whether `paichain node` has the inference sidecar
// flag of issue #6.
func hasSidecar(paichain string) bool {
	out, err := exec.Command(paichain, "node", "--help").CombinedOutput()
	return err == nil && strings.Contains(string(out), "--sequencer.sidecar")
}

// logWriter turns the orchestrator's progress lines into test log lines.
type logWriter struct{ t *testing.T }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func TestSmoke(t *testing.T) {
	paichain, artifacts := prerequisites(t)
	began := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 9*time.Minute)
	defer cancel()

	ports, err := orchestrator.FreePorts()
	if err != nil {
		t.Fatal(err)
	}
	sidecar := hasSidecar(paichain)
	cfg := orchestrator.DefaultConfig()
	// The data dir (logs included) is kept when the test fails.
	dataDir, err := os.MkdirTemp("", "paichain-smoke-")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DataDir = dataDir
	cfg.Paichain = paichain
	cfg.ArtifactsDir = artifacts
	cfg.Ports = ports
	cfg.Inference = sidecar // the sidecar costs a CPU-bound process; only start it when it is used
	cfg.BatcherSetup = altdafailover.BatcherSetup
	cfg.Progress = logWriter{t}
	d, err := orchestrator.Start(ctx, cfg)
	if err != nil {
		dumpLogTails(t, filepath.Join(dataDir, "logs"))
		t.Fatalf("devnet start: %v (data dir kept: %s)", err, dataDir)
	}
	defer func() {
		if err := d.Stop(context.Background()); err != nil {
			t.Errorf("devnet stop: %v", err)
		}
		if t.Failed() {
			dumpLogTails(t, d.LogDir)
			t.Logf("devnet data dir and logs kept in %s", dataDir)
			return
		}
		os.RemoveAll(dataDir)
	}()
	e := newEnv(t, ctx, d)
	rep := report{StartSeconds: d.Started.Seconds()}

	t.Run("deposit", func(t *testing.T) { rep.DepositSeconds = e.deposit(t) })
	var registered uint64
	t.Run("model registry", func(t *testing.T) { registered = e.modelRegistry(t) })
	t.Run("inference", func(t *testing.T) {
		if !sidecar {
			t.Skip("bin/paichain node has no --sequencer.sidecar yet (issue #6): inference receipts are not delivered")
		}
		if !strings.HasPrefix(d.Sidecar, "on") {
			t.Fatalf("the node has --sequencer.sidecar but the devnet runs without it: %s", d.Sidecar)
		}
		e.inference(t)
	})
	t.Run("batches via DA", func(t *testing.T) { rep.DerivedDA = e.batchesViaDA(t, registered) })
	t.Run("failover to calldata", func(t *testing.T) {
		rep.DerivedCalldata, rep.DerivedDADown, rep.DerivedRecovered = e.failover(t)
	})
	select {
	case <-d.Failed():
		t.Fatalf("a devnet component failed: %v", d.Err())
	default:
	}
	rep.TotalSeconds = time.Since(began).Seconds()
	t.Logf("timings: %+v", rep)
	if path := os.Getenv("DEVNET_SMOKE_REPORT"); path != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Error(err)
		}
	}
}

func newEnv(t *testing.T, ctx context.Context, d *orchestrator.Devnet) *env {
	dial := func(url string) *ethclient.Client {
		c, err := ethclient.DialContext(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
		return c
	}
	verNode, err := rpc.DialContext(ctx, d.Endpoints.OpNodeVerRPC)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(verNode.Close)
	e := &env{
		t: t, ctx: ctx, d: d,
		l1: dial(d.Endpoints.L1RPC), seq: dial(d.Endpoints.L2SequencerRPC), ver: dial(d.Endpoints.L2VerifierRPC),
		verNode: verNode,
		l1ID:    new(big.Int).SetUint64(d.L1ChainID), l2ID: d.Rollup.L2ChainID,
		inbox: d.Rollup.BatchInboxAddress, batcher: d.BatcherKey.Address,
	}
	if d.Paichain == nil {
		t.Fatal("the devnet genesis has no paichain.json")
	}
	return e
}

// poll calls cond until it reports done, failing after wait.
func (e *env) poll(t *testing.T, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(wait)
	var last error
	for {
		done, err := cond()
		if done {
			return
		}
		if err != nil {
			last = err
		}
		select {
		case <-e.d.Failed():
			t.Fatalf("%s: devnet failed: %v", what, e.d.Err())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s (last error: %v)", wait, what, last)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// send signs and sends a dynamic-fee transaction and waits for its receipt.
func (e *env) send(t *testing.T, c *ethclient.Client, chainID *big.Int, key *ecdsa.PrivateKey, to common.Address, value *big.Int, data []byte, gas uint64) *types.Receipt {
	t.Helper()
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := c.PendingNonceAt(e.ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	head, err := c.HeaderByNumber(e.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip := big.NewInt(1_000_000_000)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	if gas == 0 {
		if gas, err = c.EstimateGas(e.ctx, ethereumCall(from, to, value, data)); err != nil {
			t.Fatalf("estimate gas: %v", err)
		}
		gas = gas * 3 / 2
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: &to, Value: value, Data: data,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SendTransaction(e.ctx, tx); err != nil {
		t.Fatalf("send: %v", err)
	}
	var rc *types.Receipt
	e.poll(t, "receipt of "+tx.Hash().Hex(), func() (bool, error) {
		rc, err = c.TransactionReceipt(e.ctx, tx.Hash())
		return err == nil, err
	})
	return rc
}

// deposit sends ether through the OptimismPortal on L1 to a fresh address
// and waits for it on L2; it returns the L1 inclusion → L2 balance time.
func (e *env) deposit(t *testing.T) float64 {
	portalABI, err := abi.JSON(strings.NewReader(`[{"type":"function","name":"depositTransaction","stateMutability":"payable","inputs":[
		{"name":"_to","type":"address"},{"name":"_value","type":"uint256"},{"name":"_gasLimit","type":"uint64"},
		{"name":"_isCreation","type":"bool"},{"name":"_data","type":"bytes"}],"outputs":[]}]`))
	if err != nil {
		t.Fatal(err)
	}
	to := crypto.PubkeyToAddress(newKey(t).PublicKey)
	value := big.NewInt(123_000_000_000_000_000) // 0.123 ether
	data, err := portalABI.Pack("depositTransaction", to, value, uint64(100_000), false, []byte{})
	if err != nil {
		t.Fatal(err)
	}
	rc := e.send(t, e.l1, e.l1ID, genesis.DevKey(3), e.d.L1Contracts.OptimismPortalProxy, value, data, 0)
	if rc.Status != types.ReceiptStatusSuccessful || len(rc.Logs) == 0 {
		t.Fatalf("deposit on L1: status %d, %d logs", rc.Status, len(rc.Logs))
	}
	start := time.Now()
	e.poll(t, "the deposit on L2", func() (bool, error) {
		bal, err := e.seq.BalanceAt(e.ctx, to, nil)
		return err == nil && bal.Cmp(value) == 0, err
	})
	took := time.Since(start).Seconds()
	t.Logf("deposit of %v wei to %s reached L2 %.1fs after its L1 receipt", value, to, took)
	return took
}

// modelRegistry checks the genesis demo registration and registers a
// model; it returns the L2 block the registration landed in.
func (e *env) modelRegistry(t *testing.T) uint64 {
	reg := precompiles.ModelRegistryABI()
	info := e.d.Paichain
	// The genesis registered the demo model with the hash `paichain infer`
	// serves for it.
	out := e.call(t, e.seq, precompiles.ModelRegistryAddress, reg, "getModel", new(big.Int).SetUint64(info.Demo.ModelID))
	m := *abi.ConvertType(out[0], new(precompiles.Model)).(*precompiles.Model)
	if common.Hash(m.WeightsHash) != info.Demo.ModelHash || m.Owner != info.Demo.Owner.Address {
		t.Fatalf("genesis demo model %+v, want hash %s owner %s", m, info.Demo.ModelHash, info.Demo.Owner.Address)
	}

	var weights [32]byte
	copy(weights[:], crypto.Keccak256([]byte("smoke "+time.Now().String())))
	data, err := reg.Pack("registerModel", "smoke-model", weights, "smoke://model")
	if err != nil {
		t.Fatal(err)
	}
	key := genesis.DevKey(4)
	rc := e.send(t, e.seq, e.l2ID, key, precompiles.ModelRegistryAddress, new(big.Int), data, 0)
	if rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("registerModel reverted (gas used %d)", rc.GasUsed)
	}
	id := e.call(t, e.seq, precompiles.ModelRegistryAddress, reg, "modelIdByWeightsHash", weights)[0].(*big.Int)
	if id.Uint64() < 2 {
		t.Fatalf("registered model id %v", id)
	}
	out = e.call(t, e.seq, precompiles.ModelRegistryAddress, reg, "getModel", id)
	if got := abi.ConvertType(out[0], new(precompiles.Model)).(*precompiles.Model); got.Owner != crypto.PubkeyToAddress(key.PublicKey) || got.RegisteredAt != rc.BlockNumber.Uint64() {
		t.Fatalf("model %v = %+v", id, got)
	}
	t.Logf("registerModel landed in L2 block %d (model id %v, %d gas)", rc.BlockNumber, id, rc.GasUsed)
	return rc.BlockNumber.Uint64()
}

// inference sends an infer transaction for the demo model and adapter and
// checks that the sequencer put the receipt transaction before it.
func (e *env) inference(t *testing.T) {
	info := e.d.Paichain
	req := precompiles.InferRequest{
		ModelID:        new(big.Int).SetUint64(info.Demo.ModelID),
		AdapterIDs:     []*big.Int{new(big.Int).SetUint64(info.Demo.AdapterID)},
		AdapterWeights: []*big.Int{big.NewInt(1_000_000)},
		Prompt:         []byte("hello chain"),
		Params:         precompiles.InferenceParams{TopPMilli: 1000, RepetitionPenaltyMilli: 1000, MaxTokens: 8, Seed: 1},
	}
	data, err := req.Calldata()
	if err != nil {
		t.Fatal(err)
	}
	value := big.NewInt(10_000_000_000_000) // above the demo model + adapter prices
	// infer reverts until the sequencer delivers the receipt, so gas
	// estimation cannot be used.
	rc := e.send(t, e.seq, e.l2ID, genesis.DevKey(5), precompiles.InferenceAddress, value, data, 3_000_000)
	if rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("infer transaction reverted in block %d", rc.BlockNumber)
	}
	served := precompiles.InferenceABI().Events["InferenceServed"].ID
	var found bool
	for _, l := range rc.Logs {
		found = found || (l.Address == precompiles.InferenceAddress && len(l.Topics) > 0 && l.Topics[0] == served)
	}
	if !found {
		t.Fatal("infer transaction has no InferenceServed log")
	}
	// The receipt transaction from the inference signer comes first in the
	// same block.
	block, err := e.seq.BlockByNumber(e.ctx, rc.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	signer := types.LatestSignerForChainID(e.l2ID)
	idx := int(rc.TransactionIndex)
	if idx == 0 {
		t.Fatal("infer transaction is first in its block: no receipt transaction before it")
	}
	prev := block.Transactions()[idx-1]
	from, err := types.Sender(signer, prev)
	if err != nil || from != info.InferenceSigner.Address || prev.To() == nil || *prev.To() != precompiles.InferenceAddress {
		t.Fatalf("transaction before infer: from %s to %v (%v), want the inference signer %s to Inference", from, prev.To(), err, info.InferenceSigner.Address)
	}
	// The verifier replays it from the batch alone.
	e.waitDerived(t, rc.BlockNumber.Uint64())
}

// batchesViaDA finds the batch carrying block (or a later one) on L1 as an
// Alt-DA commitment, reads it back from the DA server, and waits until the
// verifier derived the block; it returns the derivation latency.
func (e *env) batchesViaDA(t *testing.T, block uint64) []float64 {
	l1From := e.l1Head(t)
	derived := e.latencies(t)
	e.waitDerived(t, block)

	var comm []byte
	e.poll(t, "an Alt-DA commitment in the batch inbox", func() (bool, error) {
		for _, tx := range e.inboxTxs(t) {
			if tx.block >= l1From && bytes.HasPrefix(tx.data, []byte{0x01, 0x01, 0x00}) {
				comm = tx.data
				return true, nil
			}
		}
		return false, nil
	})
	// The commitment is the DA server's, and it serves the frame back.
	resp, err := http.Get(e.d.Endpoints.DAServer + "/get/0x" + hex.EncodeToString(comm[1:]))
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || len(payload) < 2 || payload[0] != 0x00 {
		t.Fatalf("DA server get of the L1 commitment: %d, %d bytes", resp.StatusCode, len(payload))
	}
	for _, tx := range e.inboxLog {
		if tx.block >= l1From && len(tx.data) > 0 && tx.data[0] == 0x00 {
			t.Fatalf("plain calldata batch in L1 block %d while the DA server was up", tx.block)
		}
	}
	t.Logf("batch inbox: commitment %x… (%d bytes) served back as a %d-byte frame; L2 tx → verifier-derived in %.1fs",
		comm[:8], len(comm), len(payload), derived)
	return derived
}

// failover makes the DA server refuse puts (503): batches must go to L1 as
// plain calldata and the verifier derive them; then the DA server goes
// down entirely (every get 503 too) and the verifier must still derive;
// then it recovers and batches return to DA. It returns the three
// tx → derived latencies.
func (e *env) failover(t *testing.T) (calldata, daDown, recovered []float64) {
	e.faults(t, `{"put_error_rate":1}`)
	l1From := e.l1Head(t)
	calldata = e.latencies(t)
	var first inboxTx
	e.poll(t, "a plain calldata batch in the batch inbox", func() (bool, error) {
		for _, tx := range e.inboxTxs(t) {
			if tx.block >= l1From && len(tx.data) > 1 && tx.data[0] == 0x00 {
				first = tx
				return true, nil
			}
		}
		return false, nil
	})
	t.Logf("DA puts refused: frame of %d bytes posted as calldata in L1 block %d; L2 tx → verifier-derived in %.1fs", len(first.data), first.block, calldata)

	// Every Alt-DA commitment on L1 precedes that calldata transaction
	// (the batcher sends in order, one DA request at a time); once the
	// verifier has read past its L1 block, it needs no DA server at all.
	e.poll(t, "the verifier to read past the calldata batch", func() (bool, error) {
		st, err := e.syncStatus()
		return err == nil && st.CurrentL1.Number > first.block, err
	})
	e.faults(t, `{"failover":true}`)
	daDown = e.latencies(t)
	t.Logf("DA server down (every request 503): L2 tx → verifier-derived from L1 alone in %.1fs", daDown)
	for _, tx := range e.inboxTxs(t) {
		if tx.block > first.block && len(tx.data) > 0 && tx.data[0] != 0x00 {
			t.Fatalf("L1 block %d has batch data %x… while the DA server refused puts", tx.block, tx.data[:min(8, len(tx.data))])
		}
	}

	// Recovery: batches go through the DA server again.
	e.faults(t, `{}`)
	l1From = e.l1Head(t)
	recovered = e.latencies(t)
	e.poll(t, "an Alt-DA commitment after recovery", func() (bool, error) {
		for _, tx := range e.inboxTxs(t) {
			if tx.block >= l1From && bytes.HasPrefix(tx.data, []byte{0x01, 0x01, 0x00}) {
				return true, nil
			}
		}
		return false, nil
	})
	t.Logf("DA server back: L2 tx → verifier-derived in %.1fs", recovered)
	return calldata, daDown, recovered
}

// latencies sends DEVNET_SMOKE_SAMPLES (default 1) L2 transfers one after
// the other and returns, for each, the seconds from sending it until the
// verifier derived its block with the sequencer's hash.
func (e *env) latencies(t *testing.T) []float64 {
	t.Helper()
	n := 1
	if s := os.Getenv("DEVNET_SMOKE_SAMPLES"); s != "" {
		if _, err := fmt.Sscan(s, &n); err != nil || n < 1 {
			t.Fatalf("DEVNET_SMOKE_SAMPLES=%q: want a positive count", s)
		}
	}
	out := make([]float64, n)
	for i := range out {
		start := time.Now()
		rc := e.transfer(t)
		e.waitDerived(t, rc.BlockNumber.Uint64())
		out[i] = time.Since(start).Seconds()
	}
	return out
}

// transfer sends a small L2 value transfer and returns its receipt.
func (e *env) transfer(t *testing.T) *types.Receipt {
	t.Helper()
	to := crypto.PubkeyToAddress(newKey(t).PublicKey)
	rc := e.send(t, e.seq, e.l2ID, genesis.DevKey(6), to, big.NewInt(1), nil, 21_000)
	if rc.Status != types.ReceiptStatusSuccessful {
		t.Fatal("transfer failed")
	}
	return rc
}

// waitDerived waits until the verifier's op-node has derived L2 block n
// from L1 (+ DA) and checks that the verifier's block n is the
// sequencer's.
func (e *env) waitDerived(t *testing.T, n uint64) {
	t.Helper()
	e.poll(t, fmt.Sprintf("the verifier to derive L2 block %d", n), func() (bool, error) {
		st, err := e.syncStatus()
		return err == nil && st.SafeL2.Number >= n, err
	})
	want, err := e.seq.HeaderByNumber(e.ctx, new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.ver.HeaderByNumber(e.ctx, new(big.Int).SetUint64(n))
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash() != want.Hash() {
		t.Fatalf("L2 block %d: verifier derived %s, sequencer has %s", n, got.Hash(), want.Hash())
	}
}

func (e *env) syncStatus() (*eth.SyncStatus, error) {
	var st eth.SyncStatus
	err := e.verNode.CallContext(e.ctx, &st, "optimism_syncStatus")
	return &st, err
}

func (e *env) l1Head(t *testing.T) uint64 {
	n, err := e.l1.BlockNumber(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// inboxTxs scans new L1 blocks for the batcher's batch inbox transactions
// and returns all found so far.
func (e *env) inboxTxs(t *testing.T) []inboxTx {
	head := e.l1Head(t)
	signer := types.LatestSignerForChainID(e.l1ID)
	for ; e.l1Scan <= head; e.l1Scan++ {
		b, err := e.l1.BlockByNumber(e.ctx, new(big.Int).SetUint64(e.l1Scan))
		if err != nil {
			t.Fatal(err)
		}
		for _, tx := range b.Transactions() {
			if tx.To() == nil || *tx.To() != e.inbox {
				continue
			}
			if from, err := types.Sender(signer, tx); err != nil || from != e.batcher {
				continue
			}
			e.inboxLog = append(e.inboxLog, inboxTx{block: e.l1Scan, data: tx.Data()})
		}
	}
	return e.inboxLog
}

// faults sets the DA server's fault injection (docs/da.md).
func (e *env) faults(t *testing.T, body string) {
	t.Helper()
	resp, err := http.Post(e.d.Endpoints.DAServer+"/admin/faults", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("DA faults %s: %d %s", body, resp.StatusCode, msg)
	}
}

func (e *env) call(t *testing.T, c *ethclient.Client, to common.Address, a abi.ABI, method string, args ...any) []any {
	t.Helper()
	in, err := a.Pack(method, args...)
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.CallContract(e.ctx, ethereumCall(common.Address{}, to, nil, in), nil)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	vals, err := a.Unpack(method, out)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	return vals
}

func ethereumCall(from, to common.Address, value *big.Int, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{From: from, To: &to, Value: value, Data: data}
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// dumpLogTails logs the end of every component log after a failure.
func dumpLogTails(t *testing.T, dir string) {
	ents, _ := os.ReadDir(dir)
	for _, en := range ents {
		b, err := os.ReadFile(filepath.Join(dir, en.Name()))
		if err != nil {
			continue
		}
		if len(b) > 3000 {
			b = b[len(b)-3000:]
		}
		t.Logf("=== %s (tail)\n%s", en.Name(), b)
	}
}
