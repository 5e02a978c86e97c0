package sequencer_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/precompiles/inferencetx"
	"github.com/paichain/paichain/sequencer"
)

var inferenceABI = precompiles.InferenceABI()

// inferCall is infer's calldata: adapter i+1 at weightsPPM[i].
func inferCall(t testing.TB, prompt string, maxTokens uint32, seed uint64, weightsPPM ...int64) []byte {
	t.Helper()
	req := precompiles.InferRequest{
		ModelID: big.NewInt(1), Prompt: []byte(prompt),
		Params: precompiles.InferenceParams{TemperatureMilli: 800, TopPMilli: 950, TopK: 40, RepetitionPenaltyMilli: 1000, MaxTokens: maxTokens, Seed: seed},
	}
	for i, w := range weightsPPM {
		req.AdapterIDs = append(req.AdapterIDs, big.NewInt(int64(i+1)))
		req.AdapterWeights = append(req.AdapterWeights, big.NewInt(w))
	}
	data, err := req.Calldata()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// requestID is the id infer gives the first call of tx (callIndex 0).
func (c *chain) requestID(tx *types.Transaction, inferData []byte) common.Hash {
	from, err := types.Sender(types.LatestSignerForChainID(c.chainID), tx)
	if err != nil {
		c.t.Fatal(err)
	}
	return precompiles.RequestID(c.chainID, from, tx.Nonce(), 0, inferData[4:])
}

// fulfillBefore checks that the transaction right before user in block is
// the inference signer's receipt for id, and returns it decoded.
func (c *chain) fulfillBefore(block *types.Block, user common.Hash, id common.Hash) precompiles.Fulfillment {
	c.t.Helper()
	txs := block.Transactions()
	for i, tx := range txs {
		if tx.Hash() != user {
			continue
		}
		if i == 0 {
			c.t.Fatalf("user tx %s is first in block %d", user, block.NumberU64())
		}
		prev := txs[i-1]
		from, _ := types.Sender(types.LatestSignerForChainID(c.chainID), prev)
		if from != addrOf(c.signer) || prev.To() == nil || *prev.To() != precompiles.InferenceAddress {
			c.t.Fatalf("tx before %s is %s from %s, not a receipt transaction", user, prev.Hash(), from)
		}
		f, err := precompiles.DecodeFulfill(prev.Data())
		if err != nil {
			c.t.Fatal(err)
		}
		if f.RequestID != id {
			c.t.Fatalf("receipt before %s is for %s, want %s", user, f.RequestID, id)
		}
		return f
	}
	c.t.Fatalf("tx %s not in block %d", user, block.NumberU64())
	return precompiles.Fulfillment{}
}

func statusOf(t testing.TB, block *types.Block, receipts types.Receipts, tx common.Hash) uint64 {
	t.Helper()
	for i, btx := range block.Transactions() {
		if btx.Hash() == tx {
			return receipts[i].Status
		}
	}
	t.Fatalf("tx %s not in block %d", tx, block.NumberU64())
	return 0
}

// fulfillCounts counts receipt transactions per request id over the chain.
func (c *chain) fulfillCounts() map[common.Hash]int {
	out := make(map[common.Hash]int)
	for _, b := range c.blocks() {
		for _, tx := range b.Transactions() {
			if tx.To() != nil && *tx.To() == precompiles.InferenceAddress {
				if f, err := precompiles.DecodeFulfill(tx.Data()); err == nil {
					out[f.RequestID]++
				}
			}
		}
	}
	return out
}

func allReady(s *sequencer.Sequencer, n int) func() bool {
	return func() bool {
		p := s.PendingInferences()
		if len(p) != n {
			return false
		}
		for _, x := range p {
			if x.State != sequencer.StateReady {
				return false
			}
		}
		return true
	}
}

// readyFor reports whether the sequencer has ready receipts for ids.
func readyFor(s *sequencer.Sequencer, ids ...common.Hash) func() bool {
	return func() bool {
		ready := make(map[common.Hash]bool)
		for _, p := range s.PendingInferences() {
			ready[p.RequestID] = p.State == sequencer.StateReady
		}
		for _, id := range ids {
			if !ready[id] {
				return false
			}
		}
		return true
	}
}

// TestReceiptPrecedesUserTx: transactions calling infer (directly, with
// adapters, and through a contract that swallows the revert) land right
// after their receipt transactions and get the sidecar's output; a plain
// transfer is untouched; a replica without sidecar imports the blocks with
// equal state roots.
func TestReceiptPrecedesUserTx(t *testing.T) {
	sc := startSidecar(t)
	c := startChain(t, 2, &sequencer.Config{SidecarURL: sc.url, Deadline: 30 * time.Second})
	c.registerModel(sc)
	seq := c.n.Sequencer
	alice, bob := c.users[0], c.users[1]

	direct := inferCall(t, "Once upon a time", 8, 7)
	merged := inferCall(t, "The little dog", 6, 9, 500_000)
	single := inferCall(t, "A cat", 6, 11, 1_000_000)
	txA := c.send(alice, precompiles.InferenceAddress, nil, direct, 2_000_000)
	txA2 := c.send(alice, precompiles.InferenceAddress, nil, merged, 2_000_000)
	txB := c.send(bob, catcherAddr, nil, single, 2_000_000)
	plain := c.send(bob, common.HexToAddress("0xbeef"), big.NewInt(1), nil, 21_000)

	// The watcher dispatched them on arrival; wait for the sidecar.
	waitForSeq(t, seq, "three ready receipts", 20*time.Second, allReady(seq, 3))
	block, receipts := c.commit()
	if len(block.Transactions()) != 7 {
		t.Fatalf("block has %d transactions, want 3 receipts + 4 user", len(block.Transactions()))
	}
	for _, tx := range []*types.Transaction{txA, txA2, txB, plain} {
		if st := statusOf(t, block, receipts, tx.Hash()); st != types.ReceiptStatusSuccessful {
			t.Fatalf("tx %s failed", tx.Hash())
		}
	}
	fA := c.fulfillBefore(block, txA.Hash(), c.requestID(txA, direct))
	fA2 := c.fulfillBefore(block, txA2.Hash(), c.requestID(txA2, merged))
	c.fulfillBefore(block, txB.Hash(), c.requestID(txB, single))
	if len(fA2.Receipt.AdapterHashes) != 1 || fA2.Receipt.AdapterHashes[0] != [32]byte(sc.adapterHash) || fA2.Receipt.MergeMethod != "linear" {
		t.Fatalf("merged receipt: adapters %x method %q", fA2.Receipt.AdapterHashes, fA2.Receipt.MergeMethod)
	}

	// The output is the engine's for this request id: the sidecar asked
	// directly gives the same bytes.
	want := completeDirect(t, sc, fmt.Sprintf(`{"model":"base","prompt":"Once upon a time","max_tokens":8,"temperature":%v,"top_p":%v,"top_k":40,"repetition_penalty":1,"seed":7,"request_id":%q}`,
		float64(precompiles.MilliToFloat32(800)), float64(precompiles.MilliToFloat32(950)), c.requestID(txA, direct).Hex()))
	if string(fA.Output) != want.OutputText || fA.Receipt.OutputHash != [32]byte(want.OutputHash) {
		t.Fatalf("on-chain output %q, sidecar %q", fA.Output, want.OutputText)
	}
	// infer paid and said so; the contract got the answer in the same tx.
	var served bool
	for _, l := range receipts[indexOf(block, txA.Hash())].Logs {
		served = served || (l.Address == precompiles.InferenceAddress && l.Topics[0] == inferenceABI.Events["InferenceServed"].ID)
	}
	if !served {
		t.Fatal("no InferenceServed log in the user's receipt")
	}
	st, err := c.bc().State()
	if err != nil {
		t.Fatal(err)
	}
	if ok, size := st.GetState(catcherAddr, common.Hash{}), st.GetState(catcherAddr, common.BigToHash(big.NewInt(1))); ok.Big().Uint64() != 1 || size.Big().Sign() == 0 {
		t.Fatalf("contract call: success %d, return data %d bytes", ok.Big(), size.Big())
	}
	// Settled requests leave the queue on the next head.
	waitFor(t, "an empty queue", 10*time.Second, func() bool { return len(seq.PendingInferences()) == 0 })
	c.replay()
}

func indexOf(block *types.Block, tx common.Hash) int {
	for i, btx := range block.Transactions() {
		if btx.Hash() == tx {
			return i
		}
	}
	return -1
}

func completeDirect(t testing.TB, sc *sidecar, body string) *receipt.Receipt {
	t.Helper()
	resp, err := http.Post(sc.direct+"/v1/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Receipt json.RawMessage `json:"receipt"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 {
		t.Fatalf("sidecar: %d %v", resp.StatusCode, err)
	}
	rc, err := receipt.ParseJSON(out.Receipt)
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

// TestTwoInferencesInOneTx: a transaction calling infer twice gets two
// receipts, found one after the other (the second call's id exists only
// once the first is consumed), both before it; with MaxInferencesPerTx 1 it
// goes in with one and its second call fails.
func TestTwoInferencesInOneTx(t *testing.T) {
	sc := startSidecar(t)
	for _, tc := range []struct {
		max      int
		receipts int
		second   uint64 // the second call's success flag
	}{{0, 2, 1}, {1, 1, 0}} {
		t.Run(fmt.Sprintf("max%d", tc.max), func(t *testing.T) {
			c := startChain(t, 1, &sequencer.Config{SidecarURL: sc.url, Deadline: 30 * time.Second, MaxInferencesPerTx: tc.max})
			c.registerModel(sc)
			data := inferCall(t, "Once upon a time", 6, 3)
			tx := c.send(c.users[0], twiceAddr, nil, data, 3_000_000)
			from := addrOf(c.users[0])
			ids := []common.Hash{
				precompiles.RequestID(c.chainID, from, tx.Nonce(), 0, data[4:]),
				precompiles.RequestID(c.chainID, from, tx.Nonce(), 1, data[4:]),
			}
			var block *types.Block
			waitFor(t, "the transaction", 20*time.Second, func() bool {
				time.Sleep(20 * time.Millisecond)
				block, _ = c.commit()
				return indexOf(block, tx.Hash()) >= 0
			})
			i := indexOf(block, tx.Hash())
			if i != tc.receipts {
				t.Fatalf("transaction at index %d, want after %d receipts", i, tc.receipts)
			}
			for k := range tc.receipts {
				f, err := precompiles.DecodeFulfill(block.Transactions()[k].Data())
				if err != nil || f.RequestID != ids[k] || f.Status != precompiles.StatusFulfilled {
					t.Fatalf("receipt %d: %v %s status %d, want %s", k, err, f.RequestID, f.Status, ids[k])
				}
			}
			st, err := c.bc().State()
			if err != nil {
				t.Fatal(err)
			}
			first, second := st.GetState(twiceAddr, common.Hash{}).Big(), st.GetState(twiceAddr, common.BigToHash(big.NewInt(1))).Big()
			if first.Uint64() != 1 || second.Uint64() != tc.second {
				t.Fatalf("call results %d %d, want 1 %d", first, second, tc.second)
			}
			c.replay()
		})
	}
}

// TestManyInferenceTxs: 100 inference transactions from 10 senders, added
// concurrently, all land, each right after its receipt, in nonce order;
// none is lost or receipted twice.
func TestManyInferenceTxs(t *testing.T) {
	const senders, perSender = 10, 10
	sc := startSidecar(t)
	c := startChain(t, senders, &sequencer.Config{SidecarURL: sc.url, Deadline: 60 * time.Second, Concurrency: 8})
	c.registerModel(sc)

	type sent struct {
		tx   *types.Transaction
		id   common.Hash
		from int
	}
	var all []sent
	batches := make([][]*types.Transaction, senders)
	for s := range senders {
		for n := range perSender {
			data := inferCall(t, fmt.Sprintf("Story %d of teller %d", n, s), 4, uint64(100*s+n))
			tx := c.sign(c.users[s], uint64(n), precompiles.InferenceAddress, nil, data, 2_000_000)
			batches[s] = append(batches[s], tx)
			all = append(all, sent{tx: tx, id: c.requestID(tx, data), from: s})
		}
	}
	var wg sync.WaitGroup
	for s := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, tx := range batches[s] {
				if errs := c.n.Eth.TxPool().Add([]*types.Transaction{tx}, false); errs[0] != nil {
					t.Errorf("pool: %v", errs[0])
				}
			}
		}()
	}
	wg.Wait()

	included := make(map[common.Hash]uint64)
	deadline := time.Now().Add(45 * time.Second)
	for len(included) < len(all) {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d inference transactions included", len(included), len(all))
		}
		time.Sleep(20 * time.Millisecond)
		block, receipts := c.commit()
		for i, tx := range block.Transactions() {
			if from, _ := types.Sender(types.LatestSignerForChainID(c.chainID), tx); from != addrOf(c.signer) {
				if receipts[i].Status != types.ReceiptStatusSuccessful {
					t.Fatalf("user tx %s reverted", tx.Hash())
				}
				included[tx.Hash()] = block.NumberU64()
			}
		}
	}
	lastNonceBlock := make(map[int]uint64)
	for _, s := range all {
		bn, ok := included[s.tx.Hash()]
		if !ok {
			t.Fatalf("tx %s missing", s.tx.Hash())
		}
		if bn < lastNonceBlock[s.from] {
			t.Fatalf("sender %d: nonce %d in block %d, before its predecessor", s.from, s.tx.Nonce(), bn)
		}
		lastNonceBlock[s.from] = bn
		c.fulfillBefore(c.bc().GetBlockByNumber(bn), s.tx.Hash(), s.id)
	}
	for id, n := range c.fulfillCounts() {
		if n != 1 {
			t.Fatalf("request %s has %d receipt transactions", id, n)
		}
	}
	t.Logf("100 inference transactions in %d blocks, %d sidecar calls", len(c.blocks())-2, sc.hits.Load())
	c.replay()
}

// TestSidecarOutage: with the sidecar down (connection refused) or hanging,
// blocks keep coming without the transaction; after the deadline it is
// included right after a failed receipt and reverts with
// InferenceUnavailable.
func TestSidecarOutage(t *testing.T) {
	const deadline = time.Second
	for _, tc := range []struct {
		name string
		url  func(t *testing.T, sc *sidecar) string
	}{
		{"down", func(t *testing.T, _ *sidecar) string {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			addr := l.Addr().String()
			l.Close()
			return "http://" + addr
		}},
		{"hanging", func(t *testing.T, sc *sidecar) string {
			sc.gate.shut()
			return sc.url
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := startSidecar(t)
			c := startChain(t, 1, &sequencer.Config{SidecarURL: tc.url(t, sc), Deadline: deadline})
			c.registerModel(sc)
			data := inferCall(t, "Once upon a time", 8, 7)
			sentAt := time.Now()
			tx := c.send(c.users[0], precompiles.InferenceAddress, nil, data, 2_000_000)
			id := c.requestID(tx, data)
			var block *types.Block
			var receipts types.Receipts
			for blocks := 0; ; blocks++ {
				time.Sleep(100 * time.Millisecond)
				start := time.Now()
				block, receipts = c.commit()
				// Waiting on the sidecar would take until the deadline.
				if took := time.Since(start); took > 900*time.Millisecond {
					t.Fatalf("building a block took %s while the sidecar is %s", took, tc.name)
				}
				if indexOf(block, tx.Hash()) >= 0 {
					if blocks == 0 {
						t.Fatal("included in the first block, without waiting")
					}
					break
				}
				if time.Since(sentAt) > 5*deadline {
					t.Fatalf("not included %s after the deadline", time.Since(sentAt)-deadline)
				}
			}
			if time.Since(sentAt) < deadline {
				t.Fatalf("included after %s, before the %s deadline", time.Since(sentAt), deadline)
			}
			f := c.fulfillBefore(block, tx.Hash(), id)
			if f.Status != precompiles.StatusFailed || !strings.Contains(f.Receipt.FinishReason, "deadline") {
				t.Fatalf("receipt status %d reason %q", f.Status, f.Receipt.FinishReason)
			}
			if st := statusOf(t, block, receipts, tx.Hash()); st != types.ReceiptStatusFailed {
				t.Fatal("user tx did not revert")
			}
			if name := c.revertOf(tx.Hash()); name != "InferenceUnavailable("+id.Hex()+")" {
				t.Fatalf("user tx reverted with %q", name)
			}
			if tc.name == "hanging" {
				// The sidecar is back: the next bundle first sweeps the
				// unread failed receipt.
				sc.gate.open()
				data2 := inferCall(t, "The little dog", 8, 8)
				tx2 := c.send(c.users[0], precompiles.InferenceAddress, nil, data2, 2_000_000)
				waitForSeq(t, c.n.Sequencer, "the next receipt", 10*time.Second, readyFor(c.n.Sequencer, c.requestID(tx2, data2)))
				block, receipts := c.commit()
				txs := block.Transactions()
				if len(txs) != 3 || txs[0].To() == nil || *txs[0].To() != precompiles.InferenceAddress || receipts[0].Status != 1 {
					t.Fatalf("block after recovery: %d txs", len(txs))
				}
				if m, err := inferenceABI.MethodById(txs[0].Data()); err != nil || m.Name != "sweep" {
					t.Fatalf("first tx is not a sweep: %v", err)
				}
				st, err := c.bc().State()
				if err != nil {
					t.Fatal(err)
				}
				if got := precompiles.ReadReceipt(st, id).Status; got != precompiles.StatusSwept {
					t.Fatalf("failed receipt status %d after the sweep", got)
				}
				c.fulfillBefore(block, tx2.Hash(), c.requestID(tx2, data2))
			}
			c.replay()
		})
	}
}

// TestUndeliverableReceipts: when no receipt can get in (the sequencer's
// key is not the inference signer in state, or cannot pay for gas), the
// transaction still lands at its deadline, without a receipt (it reverts
// InferenceRequired): it is never stuck.
func TestUndeliverableReceipts(t *testing.T) {
	sc := startSidecar(t)
	for _, tc := range []struct {
		name string
		edit func(*genesis.Config)
	}{
		{"not the signer", func(g *genesis.Config) {
			g.InferenceSigner = genesis.DevAddress(9)
			g.Prefund = append(g.Prefund, genesis.DevAddress(1)) // the sequencer's key can pay
		}},
		{"unfunded", func(g *genesis.Config) {
			g.InferenceSigner = genesis.DevAddress(9) // prefunded; the sequencer's key is not
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := startChainWith(t, 1, &sequencer.Config{SidecarURL: sc.url, Deadline: time.Second}, tc.edit)
			c.registerModel(sc)
			data := inferCall(t, "Once upon a time", 8, 7)
			sentAt := time.Now()
			tx := c.send(c.users[0], precompiles.InferenceAddress, nil, data, 2_000_000)
			var block *types.Block
			var receipts types.Receipts
			waitFor(t, "the transaction", 10*time.Second, func() bool {
				time.Sleep(100 * time.Millisecond)
				block, receipts = c.commit()
				return indexOf(block, tx.Hash()) >= 0
			})
			if time.Since(sentAt) < time.Second || len(block.Transactions()) != 1 || receipts[0].Status != types.ReceiptStatusFailed {
				t.Fatalf("after %s: %d txs", time.Since(sentAt), len(block.Transactions()))
			}
			if name := c.revertOf(tx.Hash()); !strings.HasPrefix(name, "InferenceRequired(") {
				t.Fatalf("reverted with %q", name)
			}
			if n := len(c.fulfillCounts()); n != 0 {
				t.Fatalf("%d receipt transactions got in", n)
			}
			c.replay()
		})
	}
}

// revertOf names the top-level revert of a mined transaction, from
// debug_traceTransaction's call tracer (patch 0002 decodes custom errors).
func (c *chain) revertOf(tx common.Hash) string {
	c.t.Helper()
	var res struct {
		Error        string `json:"error"`
		RevertReason string `json:"revertReason"`
	}
	rc := c.rpc()
	defer rc.Close()
	if err := rc.Call(&res, "debug_traceTransaction", tx, map[string]any{"tracer": "callTracer"}); err != nil {
		c.t.Fatal(err)
	}
	return res.RevertReason
}

// TestRestartMidInference: a sequencer killed while the sidecar works on a
// request (no Close: a kill -9) is replaced by a new one on the same
// journal, which re-dispatches the request; the transaction lands with one
// receipt. A receipt that was ready when the process died is used as is,
// without asking the sidecar again.
func TestRestartMidInference(t *testing.T) {
	sc := startSidecar(t)
	cfg := sequencer.Config{SidecarURL: sc.url, Deadline: 30 * time.Second, JournalDir: t.TempDir()}
	c := startChain(t, 1, &cfg)
	c.registerModel(sc)
	restart := func(old *sequencer.Sequencer) *sequencer.Sequencer {
		old.Abandon()
		s, err := sequencer.New(c.n.Eth, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}

	// 1. Killed while the request is at the sidecar.
	sc.gate.shut()
	data := inferCall(t, "Once upon a time", 8, 7)
	tx1 := c.send(c.users[0], precompiles.InferenceAddress, nil, data, 2_000_000)
	seq1 := c.n.Sequencer
	waitFor(t, "the request to run", 10*time.Second, func() bool {
		p := seq1.PendingInferences()
		return len(p) == 1 && p[0].State == sequencer.StateRunning
	})
	if block, _ := c.commit(); len(block.Transactions()) != 0 {
		t.Fatal("the transaction went in before its receipt")
	}
	seq2 := restart(seq1)
	if p := seq2.PendingInferences(); len(p) != 1 || p[0].TxHash != tx1.Hash() || p[0].State.Finished() {
		t.Fatalf("after restart: %+v", p)
	}
	sc.gate.open()
	waitForSeq(t, seq2, "the re-dispatched request", 10*time.Second, readyFor(seq2, c.requestID(tx1, data)))
	block, receipts := c.commit()
	c.fulfillBefore(block, tx1.Hash(), c.requestID(tx1, data))
	if statusOf(t, block, receipts, tx1.Hash()) != types.ReceiptStatusSuccessful {
		t.Fatal("tx1 reverted")
	}

	// 2. Killed with a ready receipt: the next process does not run it again.
	data2 := inferCall(t, "The little dog", 8, 8)
	tx2 := c.send(c.users[0], precompiles.InferenceAddress, nil, data2, 2_000_000)
	id2 := c.requestID(tx2, data2)
	waitForSeq(t, seq2, "the second receipt", 10*time.Second, readyFor(seq2, id2))
	hits := sc.hits.Load()
	sc.gate.shut()
	seq3 := restart(seq2)
	if !readyFor(seq3, id2)() {
		t.Fatalf("ready receipt not restored: %+v", seq3.PendingInferences())
	}
	block, receipts = c.commit()
	c.fulfillBefore(block, tx2.Hash(), id2)
	if statusOf(t, block, receipts, tx2.Hash()) != types.ReceiptStatusSuccessful || sc.hits.Load() != hits {
		t.Fatalf("tx2 status, or the sidecar was asked again (%d calls, %d before)", sc.hits.Load(), hits)
	}
	sc.gate.open()
	c.commit()
	for id, n := range c.fulfillCounts() {
		if n != 1 {
			t.Fatalf("request %s has %d receipt transactions", id, n)
		}
	}
	c.replay()
}

// TestForgedAndReplayedReceipts: through the real chain, a receipt sent by
// anyone but the inference signer reverts (NotInferenceSigner) and does not
// block the real one; the signer's receipt sent again reverts
// (AlreadyFulfilled).
func TestForgedAndReplayedReceipts(t *testing.T) {
	sc := startSidecar(t)
	c := startChain(t, 2, &sequencer.Config{SidecarURL: sc.url, Deadline: 30 * time.Second})
	c.registerModel(sc)
	alice, mallory := c.users[0], c.users[1]

	sc.gate.shut()
	data := inferCall(t, "Once upon a time", 8, 7)
	tx := c.send(alice, precompiles.InferenceAddress, nil, data, 2_000_000)
	id := c.requestID(tx, data)
	// Mallory gets a genuine engine receipt for the id and sends it herself.
	rc := completeDirect(t, sc, fmt.Sprintf(`{"model":"base","prompt":"Once upon a time","max_tokens":8,"temperature":0.8,"top_p":0.95,"top_k":40,"seed":7,"request_id":%q}`, id.Hex()))
	forged, err := inferencetx.FulfillCalldata(id, c.chainID, rc, []common.Address{addrOf(mallory)}, []*big.Int{big.NewInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	ftx := c.send(mallory, precompiles.InferenceAddress, nil, forged, 3_000_000)
	block, receipts := c.commit()
	if len(block.Transactions()) != 1 || statusOf(t, block, receipts, ftx.Hash()) != types.ReceiptStatusFailed {
		t.Fatalf("forged receipt block: %d txs", len(block.Transactions()))
	}
	if name := c.revertOf(ftx.Hash()); !strings.HasPrefix(name, "NotInferenceSigner(") {
		t.Fatalf("forged receipt reverted with %q", name)
	}
	sc.gate.open()
	waitForSeq(t, c.n.Sequencer, "the receipt", 10*time.Second, readyFor(c.n.Sequencer, id))
	block, receipts = c.commit()
	f := c.fulfillBefore(block, tx.Hash(), id)
	if statusOf(t, block, receipts, tx.Hash()) != types.ReceiptStatusSuccessful {
		t.Fatal("user tx reverted")
	}
	// Replay: the signer's own receipt, again, in a later block.
	st, err := c.bc().State()
	if err != nil {
		t.Fatal(err)
	}
	calldata, err := f.Calldata()
	if err != nil {
		t.Fatal(err)
	}
	replay := c.sign(c.signer, st.GetNonce(addrOf(c.signer)), precompiles.InferenceAddress, nil, calldata, 3_000_000)
	c.add(replay)
	block, receipts = c.commit()
	if statusOf(t, block, receipts, replay.Hash()) != types.ReceiptStatusFailed {
		t.Fatal("replayed receipt accepted")
	}
	if name := c.revertOf(replay.Hash()); !strings.HasPrefix(name, "AlreadyFulfilled(") {
		t.Fatalf("replayed receipt reverted with %q", name)
	}
	c.replay()
}

// TestMinerInclusionHook drives patch 0003 through the node's miner with
// hand-written hooks: hold keeps a transaction in the pool; a bundle goes
// in front of its transaction; a bundle whose member cannot be applied is
// rolled back entirely (state, gas, receipts) and its transaction waits.
func TestMinerInclusionHook(t *testing.T) {
	c := startChain(t, 2, nil)
	u, p := c.users[0], c.users[1]
	miner := c.n.Eth.Miner()
	sink := common.HexToAddress("0x5151")
	var hook func(*types.Transaction) ([]*types.Transaction, bool)
	miner.SetInclusionHook(func(_ *types.Header, _ *state.StateDB, tx *types.Transaction) ([]*types.Transaction, bool) {
		return hook(tx)
	})
	balance := func(a common.Address) *big.Int {
		st, err := c.bc().State()
		if err != nil {
			t.Fatal(err)
		}
		return st.GetBalance(a).ToBig()
	}

	// Hold.
	tx := c.send(u, sink, big.NewInt(1), nil, 21_000)
	hook = func(*types.Transaction) ([]*types.Transaction, bool) { return nil, true }
	if block, _ := c.commit(); len(block.Transactions()) != 0 || !c.n.Eth.TxPool().Has(tx.Hash()) {
		t.Fatal("held transaction left the pool or went in")
	}
	// Bundle: p's transfer goes right before u's.
	pre := c.sign(p, 0, sink, big.NewInt(2), nil, 21_000)
	hook = func(x *types.Transaction) ([]*types.Transaction, bool) {
		if x.Hash() == tx.Hash() {
			return []*types.Transaction{pre}, false
		}
		return nil, false
	}
	block, _ := c.commit()
	if got := block.Transactions(); len(got) != 2 || got[0].Hash() != pre.Hash() || got[1].Hash() != tx.Hash() {
		t.Fatalf("bundle block: %d txs", len(got))
	}
	if balance(sink).Int64() != 3 {
		t.Fatalf("sink balance %d", balance(sink))
	}
	// A bundle member that cannot be applied (nonce too high): nothing of
	// the bundle is applied and the transaction stays in the pool.
	tx2 := c.send(u, sink, big.NewInt(4), nil, 21_000)
	bad := c.sign(p, 7, sink, big.NewInt(8), nil, 21_000)
	hook = func(*types.Transaction) ([]*types.Transaction, bool) { return []*types.Transaction{bad}, false }
	if block, _ := c.commit(); len(block.Transactions()) != 0 || !c.n.Eth.TxPool().Has(tx2.Hash()) {
		t.Fatal("failed bundle left traces")
	}
	// The bundle applies, then its transaction fails (the bundle spent
	// u's nonce): everything is rolled back, state included.
	spend := c.sign(u, tx2.Nonce(), sink, big.NewInt(16), nil, 21_000)
	okPre := c.sign(p, 1, sink, big.NewInt(32), nil, 21_000)
	hook = func(*types.Transaction) ([]*types.Transaction, bool) {
		return []*types.Transaction{okPre, spend}, false
	}
	before := balance(sink)
	if block, receipts := c.commit(); len(block.Transactions()) != 0 || len(receipts) != 0 || block.GasUsed() != 0 {
		t.Fatalf("rolled-back bundle: %d txs, %d gas", len(block.Transactions()), block.GasUsed())
	}
	if balance(sink).Cmp(before) != 0 {
		t.Fatalf("rolled-back bundle moved ether: %d -> %d", before, balance(sink))
	}
	// Without a hook the transaction goes in as usual.
	miner.SetInclusionHook(nil)
	if block, _ := c.commit(); len(block.Transactions()) != 1 || block.Transactions()[0].Hash() != tx2.Hash() {
		t.Fatal("transaction not included once the hook is gone")
	}
	c.replay()
}
