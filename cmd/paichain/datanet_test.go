package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/datanetchain"
	"github.com/paichain/paichain/attribution/datanetchain/devchain"
	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/internal/testutil"
)

// TestDatanetChainCommands drives the on-chain Datanet subcommands against
// an in-process dev node serving JSON-RPC on loopback, as a user would:
// deploy the registry, create a Datanet, contribute files, review, export
// the accepted ones, `datanet build` them with the Datanet's pool, publish,
// read the status, claim pool income and withdraw a refunded stake.
func TestDatanetChainCommands(t *testing.T) {
	owner, alice, bob, stranger := 1, 2, 3, 4
	chain := devchain.Start(t, genesis.Config{
		Governance: genesis.DevAddress(0),
		Prefund:    []common.Address{genesis.DevAddress(owner), genesis.DevAddress(alice), genesis.DevAddress(bob), genesis.DevAddress(stranger)},
	}, devchain.Options{Auto: true, HTTP: true})
	dir := t.TempDir()
	keyFile := func(i int) string {
		p := filepath.Join(dir, "key"+string(rune('0'+i)))
		if err := os.WriteFile(p, []byte("0x"+hex.EncodeToString(crypto.FromECDSA(genesis.DevKey(i)))+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rpcFlags := []string{"--rpc", chain.URL}
	run := func(args ...string) (string, error) {
		t.Helper()
		return runAttribution(t, append(append([]string{"datanet"}, args...), rpcFlags...)...)
	}
	must := func(args ...string) string {
		t.Helper()
		out, err := run(args...)
		if err != nil {
			t.Fatalf("datanet %v: %v\n%s", args, err, out)
		}
		return out
	}
	find := func(re, out string) string {
		t.Helper()
		m := regexp.MustCompile(re).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("%q not in %q", re, out)
		}
		return m[1]
	}

	out := must("deploy", "--key", keyFile(owner))
	registry := find(`deployed at (0x[0-9a-fA-F]{40})`, out)
	reg := []string{"--registry", registry}
	out = must(append([]string{"create", "--key", keyFile(owner), "--name", "tiny-stories", "--license", "https://creativecommons.org/licenses/by/4.0/",
		"--daily-limit", "5", "--min-stake", "1000", "--stake-lock", "1h"}, reg...)...)
	if find(`datanet (\d+) created`, out) != "1" {
		t.Fatalf("create: %s", out)
	}
	pool := find(`pool (0x[0-9a-fA-F]{40})`, out)

	store := filepath.Join(dir, "store")
	texts := map[string]string{
		"lily.txt": "Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her red ball.",
		"tom.txt":  "Tom had a big dog. The dog liked to run and jump. One day the dog found a bone under the tree.",
		"spam.txt": "buy cheap tokens now buy cheap tokens now",
	}
	contribute := func(who int, name string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(texts[name]), 0o644)
		out := must(append([]string{"contribute", "--key", keyFile(who), "--datanet", "1", "--file", p, "--uri", "ipfs://" + name,
			"--stake", "1000", "--store", store}, reg...)...)
		return find(`contribution (\d+) submitted`, out)
	}
	lily, spam, tom := contribute(alice, "lily.txt"), contribute(alice, "spam.txt"), contribute(bob, "tom.txt")

	// Refusals carry the contract's error.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"review", "--key", keyFile(stranger), "--contribution", lily, "--accept"}, "NotCurator"},
		{[]string{"review", "--key", keyFile(owner), "--contribution", lily, "--accept", "--reject"}, "exactly one of"},
		{[]string{"review", "--key", keyFile(owner), "--accept"}, "--contribution is required"},
		{[]string{"contribute", "--key", keyFile(bob), "--datanet", "1", "--file", filepath.Join(dir, "tom.txt"), "--stake", "1000"}, "DuplicateContent"},
		{[]string{"contribute", "--key", keyFile(bob), "--datanet", "1", "--file", filepath.Join(dir, "lily.txt"), "--stake", "1"}, "InsufficientStake"},
		{[]string{"contribute", "--key", filepath.Join(dir, "missing"), "--datanet", "1", "--file", filepath.Join(dir, "tom.txt")}, "--key"},
		{[]string{"status", "--datanet", "7"}, "UnknownDatanet"},
	} {
		out, err := run(append(tc.args, reg...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Fatalf("datanet %v: want error %q, got %v\n%s", tc.args, tc.want, err, out)
		}
	}
	if _, err := run("status", "--datanet", "1", "--registry", "0x12"); err == nil || !strings.Contains(err.Error(), "--registry") {
		t.Fatalf("bad --registry: %v", err)
	}

	must(append([]string{"review", "--key", keyFile(owner), "--contribution", lily, "--accept", "--reason", "lovely"}, reg...)...)
	must(append([]string{"review", "--key", keyFile(owner), "--contribution", tom, "--accept"}, reg...)...)
	must(append([]string{"review", "--key", keyFile(owner), "--contribution", spam, "--reject", "--reason", "spam"}, reg...)...)

	// Export + build + publish. A build without the pool is refused.
	jsonl := filepath.Join(dir, "contributions.jsonl")
	out = must(append([]string{"export", "--datanet", "1", "--content", store, "--out", jsonl}, reg...)...)
	if !strings.Contains(out, "2 accepted contributions") || !strings.Contains(out, "--pool "+pool) {
		t.Fatalf("export: %s", out)
	}
	tok := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")
	noPool := filepath.Join(dir, "dn-nopool")
	if out, err := runAttribution(t, "datanet", "build", "--tokenizer", tok, "--contributions", jsonl, "--out", noPool); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	if _, err := run(append([]string{"publish", "--key", keyFile(owner), "--datanet", "1", "--manifest", noPool}, reg...)...); err == nil || !strings.Contains(err.Error(), "--pool "+pool) {
		t.Fatalf("publish without pool: %v", err)
	}
	dn := filepath.Join(dir, "dn")
	if out, err := runAttribution(t, "datanet", "build", "--tokenizer", tok, "--contributions", jsonl, "--out", dn, "--pool", pool, "--leaf-size", "64"); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out = must(append([]string{"publish", "--key", keyFile(owner), "--datanet", "1", "--manifest", dn, "--uri", "file://" + dn, "--page", "1"}, reg...)...)
	m, _, err := datanet.ReadManifest(dn)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "version 1 published: root "+m.Root.Hex()) {
		t.Fatalf("publish: %s", out)
	}

	// Status as JSON.
	out = must(append([]string{"status", "--datanet", "1", "--contributor", genesis.DevAddress(alice).Hex()}, reg...)...)
	var st datanetchain.DatanetStatus
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status JSON: %v\n%s", err, out)
	}
	cs := st.Contributor
	if st.Latest == nil || common.Hash(st.Latest.Input.Root) != m.Root || st.Latest.Listed != 2 || cs == nil ||
		cs.Accepted != 1 || cs.Rejected != 1 || cs.PoolShares.Int64() != int64(len(texts["lily.txt"])) ||
		len(cs.Contributions) != 2 || cs.Contributions[0].Reason != "lovely" || cs.Contributions[1].StatusName != "rejected" ||
		cs.Contributions[1].MetadataURI != "ipfs://spam.txt" || st.Pool.Address.Hex() != pool {
		t.Fatalf("status = %s", out)
	}

	// Claims: nothing yet; then the pool receives 1 ether directly and
	// alice takes her bytes' share.
	if _, err := run(append([]string{"claim", "--key", keyFile(alice), "--datanet", "1"}, reg...)...); err == nil || !strings.Contains(err.Error(), "nothing to claim") {
		t.Fatalf("empty claim: %v", err)
	}
	ctx := context.Background()
	nonce, _ := chain.Client.PendingNonceAt(ctx, genesis.DevAddress(owner))
	head, _ := chain.Client.HeaderByNumber(ctx, nil)
	to := common.HexToAddress(pool)
	oneEther := big.NewInt(1e18)
	tx, _ := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: chain.ChainID, Nonce: nonce, GasTipCap: big.NewInt(1e9),
		GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), big.NewInt(1e9)), Gas: 100_000, To: &to, Value: oneEther}),
		types.LatestSignerForChainID(chain.ChainID), genesis.DevKey(owner))
	if err := chain.Client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	waitReceipt(t, chain, tx)
	out = must(append([]string{"claim", "--key", keyFile(alice), "--datanet", "1"}, reg...)...)
	lilyBytes, tomBytes := int64(len(texts["lily.txt"])), int64(len(texts["tom.txt"]))
	share := new(big.Int).Div(new(big.Int).Mul(oneEther, big.NewInt(lilyBytes)), big.NewInt(lilyBytes+tomBytes))
	paid, ok := new(big.Int).SetString(find(`paid (\d+) wei`, out), 10)
	if !ok || new(big.Int).Sub(share, paid).Cmp(big.NewInt(1)) > 0 || paid.Cmp(share) > 0 {
		t.Fatalf("alice's pool claim %v, want %v: %s", paid, share, out)
	}

	out = must(append([]string{"withdraw-stake", "--key", keyFile(alice), "--contribution", spam}, reg...)...)
	if !strings.Contains(out, "returned: 1000 wei") {
		t.Fatalf("withdraw-stake: %s", out)
	}
	if _, err := run(append([]string{"withdraw-stake", "--key", keyFile(alice), "--contribution", lily}, reg...)...); err == nil || !strings.Contains(err.Error(), "StakeLocked") {
		t.Fatalf("locked stake: %v", err)
	}
}

// waitReceipt waits for tx on an auto-mining chain.
func waitReceipt(t *testing.T, chain *devchain.Chain, tx *types.Transaction) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r, err := bind.WaitMined(ctx, chain.Client, tx)
	if err != nil || r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("tx %s: %v, %+v", tx.Hash(), err, r)
	}
}
