package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/paichain/paichain/internal/testutil"
)

// The addresses the walkthrough talks to.
const (
	walkRegistry    = "0x0000000000000000000000000000000000000A01"
	walkAttribution = "0x0000000000000000000000000000000000000A02"
	walkInference   = "0x0000000000000000000000000000000000000A03"
)

// The walkthrough's data: three stories, one spam text, a question.
var (
	walkTexts = map[string]string{
		"alice": "Lily had a red kite. She flew it high over the hill until the wind took it away.\n",
		"bob":   "Tom and his dog Max went to the park. Max dug a hole and found an old bone.\n",
		"carol": "Ben built a big sand castle at the beach. A wave came and washed it into the sea.\n",
		"dave":  "BUY CHEAP TOKENS NOW!!! visit spam.example\n",
	}
	walkContributors = []string{"alice", "bob", "carol"}
	walkQuestion     = "Where did Max find the bone?"
	walkStake        = big.NewInt(10_000_000_000_000_000) // 0.01 ether, the Datanet's minimum
	walkValue        = big.NewInt(1_000_000_000_000_000)  // 0.001 ether paid for the inference
)

// TestWalkthrough runs docs/walkthrough.md with the built binary and cast,
// step by step as a new user would: a dev node with the sequencer, a
// Datanet with three accepted stories and a flagged spam text whose stake
// is slashed into the pool, a published version, a synthetic model and an
// adapter registered with that version's root, a sidecar attributing to
// the Datanet, a paid infer transaction, and the claims. It checks the
// receipt transaction is the one right before the user's in the same
// block and signed by the inference signer, that the on-chain contributors
// and weights are the sidecar's attribution, every credit against the fee
// policy, the pool's split of the slashed stake by listed bytes, and that
// every claim moves the ether.
func TestWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a node, a sidecar and about 30 transactions")
	}
	w := &walkthrough{t: t, cast: testutil.ToolFile(t, ".bin/cast"), bin: paichainBinary(t), dir: t.TempDir(), home: t.TempDir()}
	start := time.Now()

	// 0. Keys: geth's public dev key, and toy keys derived from names.
	if err := os.WriteFile(w.path("dev.key"), []byte("0xb71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := map[string]string{"dev": devAccount}
	for _, who := range []string{"signer", "alice", "bob", "carol", "dave", "trainer"} {
		key := w.castOut("keccak", "walkthrough-"+who)
		if err := os.WriteFile(w.path(who+".key"), []byte(key+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		addr[who] = w.castOut("wallet", "address", "--private-key", key)
	}

	// 1. The dev node with the sequencer; its sidecar starts later.
	sidecarPort := freePort(t)
	node := w.start("node", "node", "--dev", "--http", "--http.port", freePort(t), "--http.api", "eth,net,web3,paichain",
		"--authrpc.port", freePort(t), "--ipcdisable", "--datadir", w.path("chain"),
		"--sequencer.sidecar", "http://127.0.0.1:"+sidecarPort, "--sequencer.signer.key", "signer.key")
	w.rpc = "http://127.0.0.1:" + node.port
	waitForRPC(t, w.rpc, node.exited)
	if !waitLog(node, "Sequencer includes inference receipts", 10*time.Second) || !strings.Contains(node.String(), addr["signer"]) {
		t.Fatalf("node log does not announce the sequencer with signer %s", addr["signer"])
	}

	// 2. Fund the accounts from the unlocked dev account.
	for _, who := range []string{"alice", "bob", "carol", "dave", "trainer"} {
		w.castSend(addr[who], "--value", "1ether", "--from", devAccount, "--unlocked")
	}

	// 3. Deploy the DatanetRegistry and create a Datanet that asks 0.01 ether of stake.
	registry := w.match(w.paichain("datanet", "deploy", "--rpc", w.rpc, "--key", "dev.key"), `DatanetRegistry deployed at (0x[0-9a-fA-F]{40})`)[1]
	w.env = append(w.env, "PAICHAIN_DATANET_REGISTRY="+registry)
	out := w.paichain("datanet", "create", "--rpc", w.rpc, "--key", "dev.key", "--name", "tiny-stories",
		"--license", "https://creativecommons.org/licenses/by/4.0/", "--min-stake", walkStake.String())
	pool := w.match(out, `datanet 1 created, owner `+devAccount+`, pool (0x[0-9a-fA-F]{40})`)[1]

	// 4. Contribute: three stories and a spam text, each staking 0.01 ether.
	for i, who := range []string{"alice", "bob", "carol", "dave"} {
		if err := os.WriteFile(w.path(who+".txt"), []byte(walkTexts[who]), 0o644); err != nil {
			t.Fatal(err)
		}
		out := w.paichain("datanet", "contribute", "--rpc", w.rpc, "--key", who+".key", "--datanet", "1", "--file", who+".txt",
			"--stake", walkStake.String(), "--store", "store")
		w.match(out, fmt.Sprintf(`contribution %d submitted to datanet 1: content %s, %d bytes, stake %s wei \(pending review\)`,
			i+1, crypto.Keccak256Hash([]byte(walkTexts[who])).Hex(), len(walkTexts[who]), walkStake))
	}

	// 5. Review: accept the stories, flag the spam (its stake goes to the pool).
	for id := 1; id <= 3; id++ {
		w.match(w.paichain("datanet", "review", "--rpc", w.rpc, "--key", "dev.key", "--contribution", fmt.Sprint(id), "--accept", "--reason", "a good story"),
			fmt.Sprintf(`contribution %d accepted`, id))
	}
	w.match(w.paichain("datanet", "review", "--rpc", w.rpc, "--key", "dev.key", "--contribution", "4", "--flag", "--reason", "spam"),
		`contribution 4 flagged; `+walkStake.String()+` wei of stake slashed into the pool`)
	if c := w.status(addr["dave"]).Contributor.Contributions; len(c) != 1 || c[0].ID != 4 || c[0].Status != "flagged" || c[0].Stake.Sign() != 0 || c[0].Reason != "spam" {
		t.Fatalf("dave's contributions after the flag: %+v", c)
	}

	// 6. A synthetic model and adapter.
	var synth synthOutput
	if err := json.Unmarshal([]byte(w.paichain("synth", "--out", "synth", "--seed", "7")), &synth); err != nil {
		t.Fatalf("paichain synth output: %v", err)
	}

	// 7. Export, build with the model's tokenizer and the Datanet's pool, publish.
	w.match(w.paichain("datanet", "export", "--rpc", w.rpc, "--datanet", "1", "--content", "store", "--out", "contributions.jsonl"),
		`3 accepted contributions written to contributions.jsonl`)
	if st := w.status(""); !strings.EqualFold(st.Pool.Address, pool) {
		t.Fatalf("status pool %s, created %s", st.Pool.Address, pool)
	}
	out = w.paichain("datanet", "build", "--tokenizer", "synth/model/tokenizer.json", "--contributions", "contributions.jsonl",
		"--name", "tiny-stories", "--pool", pool, "--out", "dn")
	root := w.match(out, `datanet dn: 3 documents, .*\nroot (0x[0-9a-f]{64})`)[1]
	w.match(w.paichain("datanet", "publish", "--rpc", w.rpc, "--key", "dev.key", "--datanet", "1", "--manifest", "dn"),
		`datanet 1 version 1 published: root `+root+`, 3 documents`)

	// 8. The slashed stake is spread over the listed stories by bytes.
	shares := map[string]int64{}
	var totalShares int64
	for _, who := range walkContributors {
		shares[who] = int64(len(walkTexts[who]))
		totalShares += shares[who]
	}
	accPerShare := new(big.Int).Div(new(big.Int).Mul(walkStake, e24), big.NewInt(totalShares))
	poolShare := func(who string) *big.Int {
		return new(big.Int).Div(new(big.Int).Mul(big.NewInt(shares[who]), accPerShare), e24)
	}
	st := w.status(addr["carol"])
	if st.Pool.TotalShares.Int64() != totalShares || st.Pool.TotalIncome.Cmp(walkStake) != 0 || st.Pool.Undistributed.Sign() != 0 {
		t.Fatalf("pool after publish: %+v; want %d shares, income %s, nothing undistributed", st.Pool, totalShares, walkStake)
	}
	if st.Contributor.PoolShares.Int64() != shares["carol"] || st.Contributor.PoolPending.Cmp(poolShare("carol")) != 0 {
		t.Fatalf("carol: %d shares, %s pending; want %d, %s", st.Contributor.PoolShares, st.Contributor.PoolPending, shares["carol"], poolShare("carol"))
	}

	// 9. Register the model and an adapter whose datanetRoot is the published root.
	w.castSend(walkRegistry, "registerModel(string,bytes32,string)", "synthetic-tiny", synth.Model.Hash.Hex(), "paichain synth --seed 7",
		"--private-key", w.key("trainer"))
	w.castSend(walkRegistry, "registerAdapter(uint256,bytes32,string,bytes32)", "1", synth.Adapter.Hash.Hex(), "paichain synth --seed 7", root,
		"--private-key", w.key("trainer"))
	out = w.castOut("call", walkRegistry, "getAdapter(uint256)((address,uint256,bytes32,bytes32,uint256,uint64,string))", "1", "--rpc-url", w.rpc)
	if want := fmt.Sprintf("(%s, 1, %s, %s, 0, ", addr["trainer"], synth.Adapter.Hash.Hex(), root); !strings.HasPrefix(out, want) {
		t.Fatalf("getAdapter(1) = %s; want prefix %s", out, want)
	}
	if out := w.castOut("call", registry, "versionOfRoot(bytes32)(uint256,uint256)", root, "--rpc-url", w.rpc); out != "1\n1" {
		t.Fatalf("versionOfRoot = %q; want datanet 1 version 1", out)
	}

	// 10. The sidecar: the synthetic model and adapter, attributing to the Datanet.
	sidecar := w.start("infer", "infer", "--model", "synth/model", "--served-model-name", "synthetic-tiny", "--adapters", "synth/adapters",
		"--datanet", "dn", "--datanet.adapter", "synthetic-lora=tiny-stories", "--rag", "--rag.k", "2", "--rag.chunk-tokens", "64",
		"--http.port", sidecarPort)
	sidecarURL := "http://127.0.0.1:" + sidecarPort
	health := waitHealth(t, sidecarURL, sidecar.exited)
	if !strings.Contains(health, `"model_hash":"`+synth.Model.Hash.Hex()+`"`) {
		t.Fatalf("synth printed model hash %s, the sidecar serves %s", synth.Model.Hash.Hex(), health)
	}
	if models := httpGet(t, sidecarURL+"/v1/models"); !strings.Contains(models, `"adapter:`+strings.TrimPrefix(synth.Adapter.Hash.Hex(), "0x")+`"`) {
		t.Fatalf("synth printed adapter hash %s, the sidecar lists %s", synth.Adapter.Hash.Hex(), models)
	}

	// 11. Pay for an inference: a direct call of infer with the adapter.
	out = w.castSend(walkInference, "infer(uint256,uint256[],uint256[],bytes,(uint32,uint32,uint32,uint32,uint32,uint64))",
		"1", "[1]", "[1000000]", w.castOut("from-utf8", walkQuestion), "(0,1000,0,1000,24,42)",
		"--value", "0.001ether", "--from", devAccount, "--unlocked")
	tx, block, index := castField(out, "transactionHash"), castField(out, "blockNumber"), castField(out, "transactionIndex")
	if index == "0" || index == "" {
		t.Fatalf("infer transaction at index %q: no room for its receipt transaction before it", index)
	}

	// 12. The receipt transaction is the one right before it, from the inference signer.
	var blk struct {
		Transactions []string `json:"transactions"`
	}
	w.castJSON(&blk, "block", block, "--json", "--rpc-url", w.rpc)
	i := slices.Index(blk.Transactions, tx)
	if i < 1 {
		t.Fatalf("block %s transactions %v: infer transaction %s missing or first", block, blk.Transactions, tx)
	}
	rtx := blk.Transactions[i-1]
	if from := w.castOut("tx", rtx, "from", "--rpc-url", w.rpc); !strings.EqualFold(from, addr["signer"]) {
		t.Fatalf("transaction before the infer call is from %s, not the inference signer %s", from, addr["signer"])
	}
	if to := w.castOut("tx", rtx, "to", "--rpc-url", w.rpc); !strings.EqualFold(to, walkInference) {
		t.Fatalf("transaction before the infer call goes to %s, not the Inference precompile", to)
	}
	if s := w.castOut("call", walkInference, "inferenceSigner()(address)", "--rpc-url", w.rpc); !strings.EqualFold(s, addr["signer"]) {
		t.Fatalf("inferenceSigner() = %s, want %s", s, addr["signer"])
	}

	// 13. paichain_getInferenceReceipt, by the request id of infer's
	// InferenceServed log: consumed, both transactions, the contributors.
	var served struct {
		Logs []struct {
			Address common.Address `json:"address"`
			Topics  []common.Hash  `json:"topics"`
		} `json:"logs"`
	}
	w.castJSON(&served, "receipt", tx, "--json", "--rpc-url", w.rpc)
	var requestID string
	for _, l := range served.Logs {
		if l.Address == common.HexToAddress(walkInference) && len(l.Topics) > 1 {
			requestID = l.Topics[1].Hex()
		}
	}
	var rec struct {
		RequestID, Status            string
		FulfillTxHash, ConsumeTxHash common.Hash
		Payer                        common.Address
		Amount                       *hexutil.Big
		Contributors                 []common.Address
		Weights                      []*hexutil.Big
		Commitment                   struct{ PromptTokens, OutputTokens int }
	}
	w.castJSON(&rec, "rpc", "paichain_getInferenceReceipt", requestID, "--rpc-url", w.rpc)
	if rec.RequestID != requestID || rec.Status != "consumed" || rec.FulfillTxHash != common.HexToHash(rtx) || rec.ConsumeTxHash != common.HexToHash(tx) ||
		rec.Payer != common.HexToAddress(devAccount) || rec.Amount.ToInt().Cmp(walkValue) != 0 || rec.Commitment.OutputTokens == 0 {
		t.Fatalf("paichain_getInferenceReceipt(%q) = %+v; want consumed by %s after %s, paid %s", requestID, rec, tx, rtx, walkValue)
	}
	if len(rec.Contributors) == 0 || len(rec.Contributors) != len(rec.Weights) {
		t.Fatalf("receipt credits %v with weights %v: want someone", rec.Contributors, rec.Weights)
	}
	chainContributors := rec.Contributors
	chainWeights := make([]*big.Int, len(rec.Weights))
	for i, wt := range rec.Weights {
		chainWeights[i] = wt.ToInt()
	}

	// 14. The same request at the sidecar gives the same attribution, with citations.
	body := fmt.Sprintf(`{"model":"adapter:%s","prompt":%q,"max_tokens":24,"temperature":0,"top_p":1,"top_k":0,"repetition_penalty":1,"seed":42,"request_id":%q}`,
		strings.TrimPrefix(synth.Adapter.Hash.Hex(), "0x"), walkQuestion, requestID)
	var resp struct {
		Attribution struct {
			Contributors []struct {
				Address common.Address `json:"address"`
				Weight  string         `json:"weight"`
			} `json:"contributors"`
			Citations []struct {
				ContributionID string         `json:"contributionId"`
				Contributor    common.Address `json:"contributor"`
			} `json:"citations"`
		} `json:"attribution"`
	}
	if err := json.Unmarshal(postJSON(t, sidecarURL, body), &resp); err != nil {
		t.Fatal(err)
	}
	if len(resp.Attribution.Contributors) != len(chainContributors) || len(resp.Attribution.Citations) == 0 {
		t.Fatalf("sidecar attribution %+v; the receipt credits %v", resp.Attribution, chainContributors)
	}
	for i, c := range resp.Attribution.Contributors {
		if c.Address != chainContributors[i] || c.Weight != chainWeights[i].String() {
			t.Fatalf("contributor %d: sidecar %s/%s, receipt %s/%s", i, c.Address, c.Weight, chainContributors[i], chainWeights[i])
		}
	}

	// 15. Credits: 10 % protocol (dev), 20 % model owner + 20 % adapter owner
	// (trainer), 50 % split over the receipt's contributors by weight.
	claimable := func(who string) *big.Int {
		return w.castBig("call", walkAttribution, "claimable(address)(uint256)", addr[who], "--rpc-url", w.rpc)
	}
	sumW := new(big.Int)
	for _, wt := range chainWeights {
		sumW.Add(sumW, wt)
	}
	half := new(big.Int).Div(walkValue, big.NewInt(2))
	credited, paid := map[string]*big.Int{}, new(big.Int)
	for _, who := range walkContributors {
		want := new(big.Int)
		if j := slices.Index(chainContributors, common.HexToAddress(addr[who])); j >= 0 {
			want.Div(new(big.Int).Mul(half, chainWeights[j]), sumW)
		}
		if got := claimable(who); got.Cmp(want) != 0 {
			t.Fatalf("%s: claimable %s, want %s", who, got, want)
		}
		credited[who] = want
		paid.Add(paid, want)
	}
	ownerShare := new(big.Int).Div(new(big.Int).Mul(walkValue, big.NewInt(4)), big.NewInt(10))
	if got := claimable("trainer"); got.Cmp(ownerShare) != 0 {
		t.Fatalf("trainer (model and adapter owner): claimable %s, want %s", got, ownerShare)
	}
	paid.Add(paid, ownerShare)
	if got, want := claimable("dev"), new(big.Int).Sub(walkValue, paid); got.Cmp(want) != 0 {
		t.Fatalf("dev (protocol fee recipient): claimable %s, want the rest %s", got, want)
	}
	if c := w.status(addr["bob"]).Contributor; c.PoolPending.Cmp(poolShare("bob")) != 0 || c.AttributionClaimable.Cmp(credited["bob"]) != 0 {
		t.Fatalf("bob's status: pool %s, credits %s; want %s, %s", c.PoolPending, c.AttributionClaimable, poolShare("bob"), credited["bob"])
	}

	// 16. Claims: each contributor's pool share and credits; the trainer's credits.
	var poolPaid = new(big.Int)
	for _, who := range walkContributors {
		before := w.beforeClaim(who, addr[who])
		out := w.paichain("datanet", "claim", "--rpc", w.rpc, "--key", who+".key", "--datanet", "1")
		w.match(out, `pool of datanet 1 paid `+poolShare(who).String()+` wei`)
		if credited[who].Sign() > 0 {
			w.match(out, `attribution credits paid `+credited[who].String()+` wei`)
		} else if strings.Contains(out, "attribution credits") {
			t.Fatalf("%s had no credits: %s", who, out)
		}
		w.expectPaid(before, new(big.Int).Add(poolShare(who), credited[who]))
		if c := claimable(who); c.Sign() != 0 {
			t.Fatalf("%s: %s still claimable after the claim", who, c)
		}
		poolPaid.Add(poolPaid, poolShare(who))
	}
	before := w.beforeClaim("trainer", addr["trainer"])
	w.castSend(walkAttribution, "claim()", "--private-key", w.key("trainer"))
	w.expectPaid(before, ownerShare)
	st = w.status("")
	if st.Pool.TotalClaimed.Cmp(poolPaid) != 0 || new(big.Int).Sub(walkStake, poolPaid).Cmp(big.NewInt(int64(len(walkContributors)))) > 0 {
		t.Fatalf("pool: claimed %s of %s, the contributors were paid %s (at most 1 wei of dust each)", st.Pool.TotalClaimed, walkStake, poolPaid)
	}

	w.stop(sidecar)
	w.stop(node)
	t.Logf("walkthrough: %s from key generation to shutdown", time.Since(start).Round(time.Millisecond))
}

var e24 = new(big.Int).Exp(big.NewInt(10), big.NewInt(24), nil)

// claimed is a claim's bookkeeping: the account's balance and the head
// before it, to check afterwards that exactly the claimed amount arrived.
type claimed struct {
	who     string
	account common.Address
	balance *big.Int
	head    uint64
}

func (w *walkthrough) beforeClaim(who, account string) claimed {
	w.t.Helper()
	c := claimed{who: who, account: common.HexToAddress(account), balance: w.balance(account)}
	head, err := w.eth().BlockNumber(context.Background())
	if err != nil {
		w.t.Fatal(err)
	}
	c.head = head
	return c
}

// expectPaid checks that the balance grew by exactly want less the fees
// of the account's transactions since beforeClaim.
func (w *walkthrough) expectPaid(c claimed, want *big.Int) {
	w.t.Helper()
	ctx := context.Background()
	ec := w.eth()
	head, err := ec.BlockNumber(ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	fees := new(big.Int)
	txs := 0
	for n := c.head + 1; n <= head; n++ {
		b, err := ec.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			w.t.Fatal(err)
		}
		for _, tx := range b.Transactions() {
			from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
			if err != nil || from != c.account {
				continue
			}
			r, err := ec.TransactionReceipt(ctx, tx.Hash())
			if err != nil {
				w.t.Fatal(err)
			}
			fees.Add(fees, new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice))
			txs++
		}
	}
	after := w.balance(c.account.Hex())
	got := new(big.Int).Add(new(big.Int).Sub(after, c.balance), fees)
	if want.Sign() <= 0 || txs == 0 || got.Cmp(want) != 0 {
		w.t.Fatalf("%s: balance %s -> %s with %s wei of fees in %d transactions: received %s, claimed %s", c.who, c.balance, after, fees, txs, got, want)
	}
}

// walkthrough runs the commands of docs/walkthrough.md in one directory.
type walkthrough struct {
	t         *testing.T
	cast, bin string
	dir, home string
	rpc       string
	env       []string
	client    *ethclient.Client
}

// eth is a JSON-RPC client of the node, for the test's own bookkeeping.
func (w *walkthrough) eth() *ethclient.Client {
	w.t.Helper()
	if w.client == nil {
		c, err := ethclient.Dial(w.rpc)
		if err != nil {
			w.t.Fatal(err)
		}
		w.client = c
		w.t.Cleanup(c.Close)
	}
	return w.client
}

func (w *walkthrough) path(name string) string { return filepath.Join(w.dir, name) }

func (w *walkthrough) key(who string) string {
	b, err := os.ReadFile(w.path(who + ".key"))
	if err != nil {
		w.t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// run runs a command in the walkthrough directory and returns its stdout;
// a failure ends the test with both streams.
func (w *walkthrough) run(name string, args ...string) string {
	w.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = w.dir
	cmd.Env = append(os.Environ(), append([]string{"HOME=" + w.home, "NO_COLOR=1"}, w.env...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	w.t.Logf("%s %s\n%s", filepath.Base(name), strings.Join(args, " "), stdout.String())
	if err != nil {
		w.t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

func (w *walkthrough) paichain(args ...string) string { return w.run(w.bin, args...) }

func (w *walkthrough) castOut(args ...string) string {
	w.t.Helper()
	return strings.TrimSpace(w.run(w.cast, args...))
}

// castSend sends a transaction and requires it to succeed.
func (w *walkthrough) castSend(to string, args ...string) string {
	w.t.Helper()
	out := w.castOut(append([]string{"send", to}, append(args, "--rpc-url", w.rpc)...)...)
	if castField(out, "status") != "1" {
		w.t.Fatalf("cast send %s %v: not successful:\n%s", to, args, out)
	}
	return out
}

func (w *walkthrough) castJSON(v any, args ...string) {
	w.t.Helper()
	if err := json.Unmarshal([]byte(w.castOut(args...)), v); err != nil {
		w.t.Fatalf("cast %v: %v", args, err)
	}
}

// castBig reads a uint256 that cast prints as "n" or "n [1.2e14]".
func (w *walkthrough) castBig(args ...string) *big.Int {
	w.t.Helper()
	out := w.castOut(args...)
	v, ok := new(big.Int).SetString(strings.Fields(out + " x")[0], 10)
	if !ok {
		w.t.Fatalf("cast %v: %q is not a number", args, out)
	}
	return v
}

func (w *walkthrough) balance(a string) *big.Int {
	w.t.Helper()
	return w.castBig("balance", a, "--rpc-url", w.rpc)
}

// walkStatus is the part of `paichain datanet status` the test reads.
type walkStatus struct {
	Pool struct {
		Address                                               string
		TotalShares, TotalIncome, TotalClaimed, Undistributed *big.Int
	} `json:"pool"`
	Contributor struct {
		PoolShares, PoolPending, AttributionClaimable *big.Int
		Contributions                                 []struct {
			ID     uint64
			Status string
			Stake  *big.Int
			Reason string
		}
	} `json:"contributor"`
}

// status runs `paichain datanet status` for Datanet 1.
func (w *walkthrough) status(contributor string) walkStatus {
	w.t.Helper()
	args := []string{"datanet", "status", "--rpc", w.rpc, "--datanet", "1"}
	if contributor != "" {
		args = append(args, "--contributor", contributor)
	}
	var st walkStatus
	if err := json.Unmarshal([]byte(w.paichain(args...)), &st); err != nil {
		w.t.Fatalf("datanet status: %v", err)
	}
	return st
}

// match requires the regular expression in out and returns its groups.
func (w *walkthrough) match(out, re string) []string {
	w.t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(out)
	if m == nil {
		w.t.Fatalf("output does not match %s:\n%s", re, out)
	}
	return m
}

// castField is a field of cast's table output ("status 1 (success)" → "1").
func castField(out, name string) string {
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == name {
			return f[1]
		}
	}
	return ""
}

// syncBuffer is a bytes.Buffer a running process writes while the test
// reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// process is a background paichain command with its combined output.
type process struct {
	name   string
	cmd    *exec.Cmd
	port   string
	log    syncBuffer
	exited chan error
	done   bool
}

func (p *process) String() string { return p.log.String() }

// start runs `paichain args...` in the background; the test's end stops it.
func (w *walkthrough) start(name string, args ...string) *process {
	w.t.Helper()
	p := &process{name: name, exited: make(chan error, 1)}
	for i, a := range args {
		if a == "--http.port" && i+1 < len(args) {
			p.port = args[i+1]
		}
	}
	p.cmd = exec.Command(w.bin, args...)
	p.cmd.Dir = w.dir
	p.cmd.Env = append(os.Environ(), "HOME="+w.home)
	p.cmd.Stdout, p.cmd.Stderr = &p.log, &p.log
	if err := p.cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	w.t.Cleanup(func() {
		if !p.done {
			p.cmd.Process.Kill()
			<-p.exited
		}
		if w.t.Failed() {
			w.t.Logf("%s log:\n%s", name, p.String())
		}
	})
	return p
}

// stop sends SIGINT and requires a clean exit.
func (w *walkthrough) stop(p *process) {
	w.t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		w.t.Fatal(err)
	}
	select {
	case err := <-p.exited:
		p.done = true
		if err != nil {
			w.t.Fatalf("%s exited with %v", p.name, err)
		}
	case <-time.After(30 * time.Second):
		// A goroutine dump in the log (printed below) shows what hangs.
		p.cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-p.exited:
			p.done = true
		case <-time.After(5 * time.Second):
		}
		w.t.Fatalf("%s did not stop within 30 s of SIGINT; its goroutines are at the end of its log", p.name)
	}
}

func waitLog(p *process, s string, d time.Duration) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if strings.Contains(p.String(), s) {
			return true
		}
	}
	return false
}

// waitHealth polls the sidecar's /health and returns its body.
func waitHealth(t *testing.T, url string, exited <-chan error) string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(url + "/health"); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return string(b)
			}
		}
		select {
		case err := <-exited:
			t.Fatalf("sidecar exited: %v", err)
		default:
		}
	}
	t.Fatal("sidecar not healthy within 30 s")
	return ""
}

func httpGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
