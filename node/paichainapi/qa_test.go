package paichainapi_test

import (
	"bytes"
	"context"
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/internal/testutil"
	"github.com/paichain/paichain/node/paichainapi"
	"github.com/paichain/paichain/precompiles"
)

// Labels of InferenceQA.Label.
const (
	labelUnknown uint8 = iota
	labelYes
	labelNo
)

// labelOf is InferenceQA.labelOf written independently in Go: the first
// word after leading whitespace, ASCII case-insensitive, followed by a
// non-letter or the end.
func labelOf(out []byte) uint8 {
	s := strings.TrimLeft(string(out), " \n\t\r")
	for word, label := range map[string]uint8{"yes": labelYes, "no": labelNo} {
		if len(s) < len(word) || !strings.EqualFold(s[:len(word)], word) {
			continue
		}
		if rest := s[len(word):]; rest == "" || !isLetter(rest[0]) {
			return label
		}
	}
	return labelUnknown
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func TestLabelOfMatchesGo(t *testing.T) {
	w := startChain(t, nil)
	addr, _, qa, err := bindings.DeployInferenceQA(w.opts(govKey), w.client, big.NewInt(1), big.NewInt(0), 0, 0, 8, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.commit(1)
	if code, _ := w.client.CodeAt(context.Background(), addr, nil); len(code) == 0 {
		t.Fatal("InferenceQA not deployed")
	}
	for _, in := range []string{"yes", "Yes, it is.", "  \n\tNO", "no", "nothing", "yesterday", "YES!", "", " ", "n", "maybe yes", "no.", "\xffyes", "Ye"} {
		got, err := qa.LabelOf(nil, []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if want := labelOf([]byte(in)); got != want {
			t.Errorf("labelOf(%q) = %d, Go says %d", in, got, want)
		}
	}
}

// TestInferenceQA is the example contract end to end on a real chain: the
// user's transaction is sent with the gas limit eth_estimateGas gives
// (possible only because of the override), its simulation reverts with
// InferenceRequired, the engine serves the request keyed by the on-chain
// request id, and the receipt transaction plus the user's transaction land
// in one block. The stored answer is the engine's output, the payment is
// split by the fee policy, and paichain_getInferenceReceipt shows it all.
func TestInferenceQA(t *testing.T) {
	w := newWorld(t, nil)
	ctx := context.Background()
	qaAddr, _, qa, err := bindings.DeployInferenceQA(w.opts(govKey), w.client, w.modelID, w.adptID, 800, 40, 24, 7)
	if err != nil {
		t.Fatal(err)
	}
	w.commit(1)
	price, err := qa.Price(nil)
	if err != nil || price.Int64() != 4000 {
		t.Fatalf("price %v, %v; want 4000", price, err)
	}

	question, qid := "Is the sky blue?", [32]byte{1}
	value := big.NewInt(1_000_003) // not a multiple of anything: rounding dust goes to the protocol
	qaABI, err := bindings.InferenceQAMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	askData, err := qaABI.Pack("ask", qid, question)
	if err != nil {
		t.Fatal(err)
	}
	msg := ethereum.CallMsg{From: user, To: &qaAddr, Value: value, Data: askData}

	// Without a receipt: eth_call reverts with the decoded custom error,
	// and geth's own estimate fails the same way.
	_, err = w.client.CallContract(ctx, msg, nil)
	if err == nil || !strings.Contains(err.Error(), "execution reverted: InferenceRequired(0x") {
		t.Fatalf("eth_call without receipt: %v", err)
	}
	data := revertData(t, err)
	vals, err := inferenceReqErr.Inputs.Unpack(data[4:])
	if err != nil || !bytes.Equal(data[:4], inferenceReqErr.ID[:4]) {
		t.Fatalf("revert data %x: %v", data, err)
	}
	requestID := common.Hash(vals[0].([32]byte))
	if vals[1].(*big.Int).Cmp(w.modelID) != 0 || vals[2].(common.Address) != user || vals[3].(uint64) != w.nonce(user) || vals[4].(uint32) != 0 {
		t.Fatalf("InferenceRequired%v", vals)
	}
	if _, err := paichainapi.GethEstimate(w.api, ctx, argsOf(t, msg), nil); err == nil || !strings.Contains(err.Error(), "InferenceRequired(") {
		t.Fatalf("geth's estimate of an inference call: %v", err)
	}

	// The user sends it like any transaction: bind takes the gas limit
	// from eth_estimateGas.
	before := claimables(t, w.testChain, gov, alice, bob, carol, dave)
	opts := w.opts(userKey)
	opts.Value = value
	userTx, err := qa.Ask(opts, qid, question)
	if err != nil {
		t.Fatalf("ask (estimate through eth_estimateGas): %v", err)
	}

	// What the sequencer finds in simulation: one request, the infer call
	// made by the contract.
	reqs := w.required(msg, "latest")
	if len(reqs) != 1 || reqs[0].RequestID != requestID || reqs[0].Caller != qaAddr || reqs[0].Value.ToInt().Cmp(value) != 0 {
		t.Fatalf("required inferences %+v", reqs)
	}
	var viaRPC common.Hash
	if err := w.rpc.Call(&viaRPC, "paichain_requestIdFor", user, reqs[0].Nonce, reqs[0].CallIndex, reqs[0].Input); err != nil || viaRPC != requestID {
		t.Fatalf("paichain_requestIdFor = %s, %v; want %s", viaRPC, err, requestID)
	}
	fulfilTx, rc := w.fulfil(reqs[0], w.nonce(signer))

	block := w.commit(2)
	if block.Transactions()[0].Hash() != fulfilTx.Hash() || block.Transactions()[1].Hash() != userTx.Hash() {
		t.Fatal("receipt transaction is not right before the user's")
	}
	fr := w.receipt(fulfilTx, types.ReceiptStatusSuccessful)
	ur := w.receipt(userTx, types.ReceiptStatusSuccessful)
	if ur.GasUsed > userTx.Gas() {
		t.Fatalf("gas used %d over the estimate %d", ur.GasUsed, userTx.Gas())
	}
	t.Logf("user tx: estimate %d, used %d; receipt tx: %d gas, %d calldata bytes; output %d bytes %q",
		userTx.Gas(), ur.GasUsed, fr.GasUsed, len(fulfilTx.Data()), len(rc.OutputText), rc.OutputText)

	// The contract stored the engine's output and the label derived from it.
	ans, err := qa.Answer(nil, qid)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Text != rc.OutputText || ans.Label != labelOf([]byte(rc.OutputText)) || ans.ReceiptId != [32]byte(rc.ReceiptHash) ||
		ans.Asker != user || ans.BlockNumber != block.NumberU64() {
		t.Fatalf("answer %+v; engine output %q receipt %s", ans, rc.OutputText, rc.ReceiptHash)
	}
	if len(rc.OutputText) == 0 {
		t.Fatal("engine produced no text; the test would not show the output travelling")
	}
	var answered *bindings.InferenceQAAnswered
	for _, l := range ur.Logs {
		if ev, err := qa.ParseAnswered(*l); err == nil {
			answered = ev
		}
	}
	if answered == nil || answered.QuestionId != qid || answered.ReceiptId != [32]byte(rc.ReceiptHash) || answered.Paid.Cmp(value) != 0 {
		t.Fatalf("Answered event %+v", answered)
	}

	// Payment: 10/20/20/50 of msg.value to protocol (governance) / model
	// owner / adapter owner / contributors 3:1, dust to the protocol.
	after := claimables(t, w.testChain, gov, alice, bob, carol, dave)
	v := value.Int64()
	protocol, modelPart, adapterPart, contribPart := v*1000/10000, v*2000/10000, v*2000/10000, v*5000/10000
	carolPart, davePart := contribPart*3/4, contribPart*1/4
	protocol += v - protocol - modelPart - adapterPart - carolPart - davePart
	for i, want := range []int64{protocol, modelPart, adapterPart, carolPart, davePart} {
		if got := new(big.Int).Sub(after[i], before[i]); got.Int64() != want {
			t.Errorf("claimable of account %d rose by %v, want %d", i, got, want)
		}
	}

	// paichain_getInferenceReceipt: consumed, with both transactions, the
	// output and attribution recovered from the receipt transaction.
	var got *paichainapi.InferenceReceipt
	if err := w.rpc.Call(&got, "paichain_getInferenceReceipt", requestID); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Status != "consumed" || uint64(got.FulfilledAt) != block.NumberU64() || got.Expired ||
		got.ReceiptID != common.Hash(rc.ReceiptHash) || got.ModelID.ToInt().Cmp(w.modelID) != 0 ||
		len(got.AdapterIDs) != 1 || got.AdapterIDs[0].ToInt().Cmp(w.adptID) != 0 ||
		got.Output == nil || string(*got.Output) != rc.OutputText || got.OutputText == nil || *got.OutputText != rc.OutputText ||
		len(got.Contributors) != 2 || got.Contributors[0] != carol || got.Weights[0].ToInt().Int64() != 3 ||
		*got.FulfillTxHash != fulfilTx.Hash() || *got.ConsumeTxHash != userTx.Hash() || *got.ConsumeBlockHash != block.Hash() ||
		uint64(*got.ConsumeBlockNumber) != block.NumberU64() || *got.Payer != qaAddr || got.Amount.ToInt().Cmp(value) != 0 {
		t.Fatalf("paichain_getInferenceReceipt = %+v", got)
	}
	if c := got.Commitment; c == nil || c.ModelHash != common.Hash(w.model.Hash) || len(c.Adapters) != 1 ||
		c.Adapters[0].Hash != common.Hash(w.adapter.Hash) || c.OutputHash != common.Hash(rc.OutputHash) ||
		len(c.OutputTokenIDs) != len(rc.OutputTokenIDs) || c.RequestID != requestID.Hex() {
		t.Fatalf("commitment %+v", got.Commitment)
	}
}

// TestInferenceQAAskMany: one transaction, two questions, so two requests
// (call index 0 and 1); paichain_requiredInferences finds both (the second
// only once a receipt for the first is in place), and the estimate covers
// the transaction that consumes both receipts.
func TestInferenceQAAskMany(t *testing.T) {
	w := newWorld(t, nil)
	qaAddr, _, qa, err := bindings.DeployInferenceQA(w.opts(govKey), w.client, w.modelID, big.NewInt(0), 0, 0, 16, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.commit(1)
	ids, questions := [][32]byte{{1}, {2}}, []string{"Is water wet?", "Can fish fly?"}
	opts := w.opts(userKey)
	opts.Value = big.NewInt(7001)
	userTx, err := qa.AskMany(opts, ids, questions)
	if err != nil {
		t.Fatalf("askMany: %v", err)
	}
	qaABI, _ := bindings.InferenceQAMetaData.GetAbi()
	data, _ := qaABI.Pack("askMany", ids, questions)
	reqs := w.required(ethereum.CallMsg{From: user, To: &qaAddr, Value: opts.Value, Data: data}, "latest")
	if len(reqs) != 2 || reqs[0].CallIndex != 0 || reqs[1].CallIndex != 1 || reqs[0].RequestID == reqs[1].RequestID {
		t.Fatalf("required inferences %+v", reqs)
	}
	n := w.nonce(signer)
	f0, rc0 := w.fulfil(reqs[0], n)
	f1, rc1 := w.fulfil(reqs[1], n+1)
	block := w.commit(3)
	if txs := block.Transactions(); txs[0].Hash() != f0.Hash() || txs[1].Hash() != f1.Hash() || txs[2].Hash() != userTx.Hash() {
		t.Fatal("block order is not receipt, receipt, user")
	}
	ur := w.receipt(userTx, types.ReceiptStatusSuccessful)
	if ur.GasUsed > userTx.Gas() {
		t.Fatalf("gas used %d over the estimate %d", ur.GasUsed, userTx.Gas())
	}
	for i, rc := range []*receipt.Receipt{rc0, rc1} {
		ans, err := qa.Answer(nil, ids[i])
		if err != nil || ans.Text != rc.OutputText || ans.ReceiptId != [32]byte(rc.ReceiptHash) {
			t.Fatalf("answer %d = %+v, %v; engine %q", i, ans, err, rc.OutputText)
		}
	}
	t.Logf("askMany(2): estimate %d, used %d", userTx.Gas(), ur.GasUsed)
}

// claimables reads Attribution's claimable balances over eth_call.
func claimables(t *testing.T, c *testChain, accounts ...common.Address) []*big.Int {
	t.Helper()
	attr, err := bindings.NewAttribution(precompiles.AttributionAddress, c.client)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*big.Int, len(accounts))
	for i, a := range accounts {
		if out[i], err = attr.Claimable(nil, a); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestCastSendsInference: Foundry's cast sends an inference transaction
// without --gas-limit (it estimates through eth_estimateGas), and the
// transaction lands once its receipt is placed before it.
func TestCastSendsInference(t *testing.T) {
	cast := testutil.ToolFile(t, ".bin/cast")
	w := newWorld(t, nil)
	qaAddr, _, qa, err := bindings.DeployInferenceQA(w.opts(govKey), w.client, w.modelID, w.adptID, 500, 0, 12, 3)
	if err != nil {
		t.Fatal(err)
	}
	w.commit(1)
	cmd := exec.Command(cast, "send", "--async", "--rpc-url", w.node.Stack.HTTPEndpoint(),
		"--private-key", hexutil.Encode(crypto.FromECDSA(userKey)), "--value", "5000",
		qaAddr.Hex(), "ask(bytes32,string)", common.Hash{7}.Hex(), "Does cast work?")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cast send: %v\n%s", err, out)
	}
	hash := common.HexToHash(strings.TrimSpace(string(out)))
	tx, pending, err := w.client.TransactionByHash(context.Background(), hash)
	if err != nil || !pending {
		t.Fatalf("cast's transaction %s: %v (pending %v)\n%s", hash, err, pending, out)
	}
	qaABI, _ := bindings.InferenceQAMetaData.GetAbi()
	data, _ := qaABI.Pack("ask", [32]byte{7}, "Does cast work?")
	reqs := w.required(ethereum.CallMsg{From: user, To: &qaAddr, Value: big.NewInt(5000), Data: data}, "latest")
	if len(reqs) != 1 {
		t.Fatalf("required %+v", reqs)
	}
	_, rc := w.fulfil(reqs[0], w.nonce(signer))
	w.commit(2)
	r := w.receipt(tx, types.ReceiptStatusSuccessful)
	if ans, err := qa.Answer(nil, [32]byte{7}); err != nil || ans.Text != rc.OutputText {
		t.Fatalf("answer %+v, %v; engine %q", ans, err, rc.OutputText)
	}
	t.Logf("cast's gas limit %d, used %d", tx.Gas(), r.GasUsed)
}
