package datanetchain_test

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/datanetchain"
	"github.com/paichain/paichain/contracts/bindings"
)

// Gas is deterministic, so these benchmarks measure one pass (run them
// with -benchtime 1x) and report gas, not time:
//
//	go test -run '^$' -bench 'Gas$' -benchtime 1x ./attribution/datanetchain/

// BenchmarkSettlementGas settles inference receipts with 1, 16 and 64
// contributors (distinct addresses) through the real chain:
// the sequencer's fulfill transaction and the user's infer transaction in
// one block, gas and calldata of each, for contributors credited for the
// first time (fresh claimable slots) and again (existing balances), plus
// payForCall with the same list for comparison.
func BenchmarkSettlementGas(b *testing.B) {
	w := newWorld(b)
	_, _, poolAddr, dn, tok := w.publishedDatanet()
	m := w.setupMarket(dn.Manifest.Root, "bench")
	out, err := tok.Encode(stories[1] + " " + stories[0])
	if err != nil {
		b.Fatal(err)
	}
	out = out[:64]
	text := tok.Decode(out)
	// A first call credits the owners and the protocol, so every
	// measured call sees the same warm owner balances.
	w.settle(m, out, text, []common.Address{poolAddr}, bigs(1))

	var table strings.Builder
	fmt.Fprintf(&table, "\n| contributors | credits | fulfill gas | fulfill calldata B | infer gas | infer calldata B | payForCall gas |\n|---:|---|---:|---:|---:|---:|---:|\n")
	for _, n := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("contributors=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				// One list for infer, another for payForCall, so that both
				// see fresh contributors in the first round.
				list := func(kind string) ([]common.Address, []*big.Int) {
					var contributors []common.Address
					var weights []*big.Int
					for j := 0; j < n; j++ {
						contributors = append(contributors, common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("%s contributor %d/%d/%d", kind, n, i, j)))))
						weights = append(weights, big.NewInt(int64(1_000_000-j*1000)))
					}
					return contributors, weights
				}
				contributors, weights := list("infer")
				payList, payWeights := list("payForCall")
				for _, round := range []string{"fresh", "repeat"} {
					fr, ir, c := w.settle(m, out, text, contributors, weights)
					pay := w.payForCall(m, payList, payWeights)
					b.ReportMetric(float64(fr.GasUsed), round+"-fulfill-gas")
					b.ReportMetric(float64(ir.GasUsed), round+"-infer-gas")
					b.ReportMetric(float64(pay.GasUsed), round+"-payForCall-gas")
					if round == "fresh" {
						b.ReportMetric(float64(len(c.fulfillCalldata)), "fulfill-bytes")
						b.ReportMetric(float64(len(c.inferCalldata)), "infer-bytes")
					}
					if i == 0 {
						fmt.Fprintf(&table, "| %d | %s | %d | %d | %d | %d | %d |\n", n, round, fr.GasUsed, len(c.fulfillCalldata), ir.GasUsed, len(c.inferCalldata), pay.GasUsed)
					}
				}
			}
		})
	}
	// b.Log output of benchmarks is cut to a few lines; the table goes to stdout.
	fmt.Printf("settlement gas: output %d tokens, %d bytes of text; infer pays model + adapter%s", len(out), len(text), table.String())
}

// settle runs one inference call (receipt tx + infer tx in one block).
func (w *world) settle(m market, out []int, text string, contributors []common.Address, weights []*big.Int) (*types.Receipt, *types.Receipt, call) {
	w.t.Helper()
	c := w.sendInference(m, out, text, contributors, weights, m.price)
	w.chain.Commit(2)
	return w.chain.Receipt(c.fulfill, types.ReceiptStatusSuccessful), w.chain.Receipt(c.infer, types.ReceiptStatusSuccessful), c
}

func (w *world) payForCall(m market, contributors []common.Address, weights []*big.Int) *types.Receipt {
	w.t.Helper()
	o := w.chain.Opts(key(kUser))
	o.Value = m.price
	tx, err := m.attribution.PayForCall(o, m.modelID, m.adapterID, contributors, weights)
	if err != nil {
		w.t.Fatal(err)
	}
	w.chain.Commit(1)
	return w.chain.Receipt(tx, types.ReceiptStatusSuccessful)
}

// BenchmarkDatanetGas measures each DatanetRegistry and DatanetPool
// operation once, and publish listing 1, 16 and 64 contributions of
// distinct contributors (each a first listing: new pool shares), then
// re-listing the 64 in a second version.
func BenchmarkDatanetGas(b *testing.B) {
	for i := 0; i < b.N; i++ {
		datanetGas(b, i == 0)
	}
}

func datanetGas(b *testing.B, log bool) {
	w := newWorld(b)
	c := w.chain
	rows := [][2]any{}
	measure := func(what string) func(*types.Transaction, error) *types.Receipt {
		return func(tx *types.Transaction, err error) *types.Receipt {
			b.Helper()
			if err != nil {
				b.Fatalf("%s: %v", what, datanetchain.Explain(what, err))
			}
			c.Commit(-1)
			r := c.Receipt(tx, types.ReceiptStatusSuccessful)
			rows = append(rows, [2]any{what, r.GasUsed})
			b.ReportMetric(float64(r.GasUsed), strings.ReplaceAll(what, " ", "_")+"-gas")
			return r
		}
	}
	reg := w.as(kOwner).Registry
	cfg := testConfig
	cfg.DailyLimit = 1000
	measure("create")(reg.Create(c.Opts(key(kOwner)), cfg))
	one := big.NewInt(1)
	submit := func(k *ecdsa.PrivateKey, dnID *big.Int, text string) (*types.Transaction, error) {
		o := c.Opts(k)
		o.Value = milliEth(1)
		return reg.Submit(o, dnID, datanetchain.ContentHash([]byte(text)), uint64(len(text)), "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")
	}
	measure("submit (first of contributor)")(submit(key(kAlice), one, stories[0]))
	measure("submit (next)")(submit(key(kAlice), one, stories[1]))
	measure("submit (next)")(submit(key(kAlice), one, stories[2]))
	measure("review accept")(reg.Review(c.Opts(key(kOwner)), big.NewInt(1), true, ""))
	measure("review reject (reason)")(reg.Review(c.Opts(key(kOwner)), big.NewInt(2), false, "duplicate of an earlier story"))
	measure("flag pending (slash into empty pool)")(reg.Flag(c.Opts(key(kOwner)), big.NewInt(3), "spam"))
	measure("withdrawStake (rejected)")(reg.WithdrawStake(c.Opts(key(kAlice)), big.NewInt(2)))

	// Contributors 1..64, funded by governance.
	keys := make([]*ecdsa.PrivateKey, 64)
	nonce, err := c.Client.PendingNonceAt(w.ctx, addr(kGov))
	if err != nil {
		b.Fatal(err)
	}
	for i := range keys {
		keys[i], _ = crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("bench contributor %d", i))))
		w.rawTxNonce(kGov, nonce+uint64(i), crypto.PubkeyToAddress(keys[i].PublicKey), milliEth(100), nil, 21_000, gwei(1))
	}
	c.Commit(64)
	tok, info := tok512(b)
	var big64 *datanet.Datanet
	var ids64 []*big.Int
	for _, k := range []int{1, 16, 64} {
		if _, err := reg.Create(c.Opts(key(kOwner)), cfg); err != nil {
			b.Fatal(err)
		}
		c.Commit(1)
		dnID, _ := reg.DatanetCount(nil)
		d, _ := reg.GetDatanet(nil, dnID)
		var cs []datanet.Contribution
		first, _ := reg.ContributionCount(nil)
		for i := 0; i < k; i++ {
			text := fmt.Sprintf("%s (story %d of contributor %d)", stories[i%len(stories)], i, i)
			if _, err := submit(keys[i], dnID, text); err != nil {
				b.Fatal(err)
			}
			id := new(big.Int).Add(first, big.NewInt(int64(i+1)))
			cs = append(cs, datanet.Contribution{ID: id.String(), Contributor: crypto.PubkeyToAddress(keys[i].PublicKey), Text: text})
		}
		c.Commit(k)
		ownerNonce, err := c.Client.PendingNonceAt(w.ctx, addr(kOwner))
		if err != nil {
			b.Fatal(err)
		}
		for i := range cs {
			id, _ := new(big.Int).SetString(cs[i].ID, 10)
			o := c.Opts(key(kOwner))
			o.Nonce = new(big.Int).SetUint64(ownerNonce + uint64(i)) // the pool's pending nonce lags a burst
			if _, err := reg.Review(o, id, true, ""); err != nil {
				b.Fatal(err)
			}
		}
		c.Commit(k)
		dn := buildFor(b, cs, tok, info, d.Pool, 64)
		ids, _ := datanetchain.DocumentIDs(dn)
		in, _ := datanetchain.ManifestInput(dn.Manifest, "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")
		measure(fmt.Sprintf("publish %d ids (first listing)", k))(reg.Publish(c.Opts(key(kOwner)), dnID, in, ids))
		if k == 64 {
			big64, ids64 = dn, ids
			// Version 2: the same contributions again (another leaf size,
			// so another root), in two pages.
			dn2 := buildFor(b, cs, tok, info, d.Pool, 128)
			in2, _ := datanetchain.ManifestInput(dn2.Manifest, "")
			measure("publish 32 ids (already listed)")(reg.Publish(c.Opts(key(kOwner)), dnID, in2, ids[:32]))
			measure("extendVersion 32 ids (already listed)")(reg.ExtendVersion(c.Opts(key(kOwner)), dnID, ids[32:]))
		}
	}
	dnID, _ := reg.DatanetCount(nil)
	d, _ := reg.GetDatanet(nil, dnID)
	pool, _ := bindings.NewDatanetPool(d.Pool, c.Client)
	// Income: a direct transfer, then Attribution credits.
	w.rawTx(kUser, d.Pool, milliEth(10), nil, 100_000, gwei(1))
	c.Commit(1)
	m := w.setupMarket(big64.Manifest.Root, "datanet bench")
	w.payForCall(m, []common.Address{d.Pool}, bigs(1))
	measure("pool collect (Attribution claim)")(pool.Collect(c.Opts(key(kStranger))))
	measure("pool claim (nothing to collect)")(pool.Claim(c.Opts(keys[0])))
	w.payForCall(m, []common.Address{d.Pool}, bigs(1))
	measure("pool claim (collects first)")(pool.Claim(c.Opts(keys[1])))
	measure("flag listed contribution (remove shares, slash)")(reg.Flag(c.Opts(key(kOwner)), ids64[5], "bad"))
	if log {
		var t strings.Builder
		t.WriteString("\n| operation | gas |\n|---|---:|\n")
		for _, r := range rows {
			fmt.Fprintf(&t, "| %s | %d |\n", r[0], r[1])
		}
		fmt.Printf("datanet operations gas:%s", t.String())
	}
}

func buildFor(b *testing.B, cs []datanet.Contribution, tok interface{ Encode(string) ([]int, error) }, info datanet.TokenizerInfo, pool common.Address, leaf uint32) *datanet.Datanet {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "dn")
	if _, err := datanet.Build(datanet.Config{Dir: dir, Tokenizer: info, Tokenize: tok.Encode, LeafSize: leaf, Pool: pool}, datanet.Slice(cs)); err != nil {
		b.Fatal(err)
	}
	dn, err := datanet.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { dn.Close() })
	return dn
}
