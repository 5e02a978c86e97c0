package datanetchain_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/span"
	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/inference/tokenizer"
)

// Attribution roles (IAttribution.Role).
const (
	roleProtocol = iota
	roleModelOwner
	roleAdapterOwner
	roleDataContributor
)

// publishedDatanet creates a Datanet, has alice, bob, carol and dave
// contribute stories 0, 1, 3 and 5, accepts them, builds and publishes.
func (w *world) publishedDatanet() (*big.Int, *bindings.DatanetPool, common.Address, *datanet.Datanet, tokenizer.Tokenizer) {
	w.t.Helper()
	cfg := testConfig
	id, poolAddr, err := w.as(kOwner).Create(w.ctx, cfg)
	if err != nil {
		w.t.Fatal(err)
	}
	for i, who := range map[int]int{0: kAlice, 1: kBob, 3: kCarol, 5: kDave} {
		cid, err := w.as(who).Submit(w.ctx, id, []byte(stories[i]), "", milliEth(1))
		if err != nil {
			w.t.Fatal(err)
		}
		if err := w.as(kOwner).Review(w.ctx, cid, true, ""); err != nil {
			w.t.Fatal(err)
		}
	}
	dn, tok := w.build(id, poolAddr, contentStore(w.t, stories...))
	if _, err := w.as(kOwner).Publish(w.ctx, id, dn, "", 0); err != nil {
		w.t.Fatal(err)
	}
	pool, err := bindings.NewDatanetPool(poolAddr, w.chain.Client)
	if err != nil {
		w.t.Fatal(err)
	}
	return id, pool, poolAddr, dn, tok
}

// TestSettlement pays for calls to an adapter trained on a published
// Datanet, through the Attribution precompile (payForCall) and through a
// real inference (the sequencer's receipt transaction, then the user's
// infer, in one block) whose receipt carries span-match weights verified
// from their Merkle proofs. Model owner, adapter owner, protocol,
// individual contributors and the Datanet's pool are credited exactly per
// the fee policy; an underpaid call credits nobody; contributors claim;
// the pool collects and splits its share by bytes.
func TestSettlement(t *testing.T) {
	w := newWorld(t)
	ctx := w.ctx
	id, pool, poolAddr, dn, tok := w.publishedDatanet()
	m := w.setupMarket(dn.Manifest.Root, "settle")
	everyone := []common.Address{addr(kGov), addr(kModelOwner), addr(kAdapterOwner), addr(kAlice), addr(kBob), addr(kCarol), addr(kDave), poolAddr}
	checkCredits := func(what string, r *types.Receipt, before map[common.Address]*big.Int, want map[common.Address]*big.Int) {
		t.Helper()
		got, roles := w.credits(m, r)
		after := w.claimable(m, everyone...)
		for _, a := range everyone {
			wa, ga := want[a], got[a]
			if wa == nil {
				wa = new(big.Int)
			}
			if ga == nil {
				ga = new(big.Int)
			}
			delta := new(big.Int).Sub(after[a], before[a])
			if ga.Cmp(wa) != 0 || delta.Cmp(wa) != 0 {
				t.Fatalf("%s: %s credited %v (claimable +%v), want %v", what, a, ga, delta, wa)
			}
		}
		wantRoles := map[common.Address]uint8{addr(kGov): roleProtocol, addr(kModelOwner): roleModelOwner, addr(kAdapterOwner): roleAdapterOwner, poolAddr: roleDataContributor}
		for a, role := range wantRoles {
			if roles[a] != role {
				t.Fatalf("%s: %s credited as role %d, want %d", what, a, roles[a], role)
			}
		}
	}

	// 1. payForCall listing two contributors and the pool.
	contributors := []common.Address{addr(kAlice), addr(kBob), poolAddr}
	weights := bigs(500_000, 300_000, 200_000)
	before := w.claimable(m, everyone...)
	o := w.chain.Opts(key(kUser))
	o.Value = m.price
	tx, err := m.attribution.PayForCall(o, m.modelID, m.adapterID, contributors, weights)
	if err != nil {
		t.Fatal(err)
	}
	w.chain.Commit(1)
	checkCredits("payForCall", w.chain.Receipt(tx, types.ReceiptStatusSuccessful), before, w.split(m, m.price, contributors, weights))

	// 2. A real inference. The output quotes four contributions; span
	// matching with a cap of 3 entries keeps the top two contributors and
	// aggregates the rest into the pool. The weights come from Verify,
	// i.e. from the evidence's Merkle proofs against the published root.
	text := "One day the dog found a bone under the tree. She loved to play outside in the park. " +
		"Sara saw a small bird with a broken wing. The wind was too weak."
	out, err := tok.Encode(text)
	if err != nil {
		t.Fatal(err)
	}
	params := span.Params{MinSpan: 4, MaxOccurrences: 16, MaxContributors: 3, Scale: 1_000_000}
	ev, err := span.Attribute(dn, out, params)
	if err != nil {
		t.Fatal(err)
	}
	verified, err := span.Verify(dn.Manifest, ev, params)
	if err != nil {
		t.Fatal(err)
	}
	if len(verified) != 3 || !verified[2].Pool || verified[2].Contributor != poolAddr {
		t.Fatalf("weights %+v: want two contributors and the pool", verified)
	}
	contributors, weights = nil, nil
	for _, v := range verified {
		contributors = append(contributors, v.Contributor)
		weights = append(weights, new(big.Int).SetUint64(v.Weight))
	}
	before = w.claimable(m, everyone...)
	c := w.sendInference(m, out, tok.Decode(out), contributors, weights, m.price)
	block := w.chain.Commit(2)
	if block.Transactions()[0].Hash() != c.fulfill.Hash() {
		t.Fatal("the receipt transaction is not first in the block")
	}
	w.chain.Receipt(c.fulfill, types.ReceiptStatusSuccessful)
	ir := w.chain.Receipt(c.infer, types.ReceiptStatusSuccessful)
	checkCredits("infer", ir, before, w.split(m, m.price, contributors, weights))
	// The dashboard's link from credits to the call: InferenceServed in
	// the same transaction names the request and the receipt.
	served := inferenceABI.Events["InferenceServed"]
	var sawServed bool
	for _, l := range ir.Logs {
		if len(l.Topics) == 4 && l.Topics[0] == served.ID && l.Topics[1] == c.requestID {
			sawServed = true
		}
	}
	if !sawServed {
		t.Fatal("no InferenceServed log for the request")
	}

	// 3. An underpaid call is mined as a failed transaction and credits
	// nobody (its receipt stays unconsumed).
	before = w.claimable(m, everyone...)
	short := w.sendInference(m, out, tok.Decode(out), contributors, weights, new(big.Int).Sub(m.price, big.NewInt(1)))
	w.chain.Commit(2)
	w.chain.Receipt(short.fulfill, types.ReceiptStatusSuccessful)
	w.chain.Receipt(short.infer, types.ReceiptStatusFailed)
	for a, v := range w.claimable(m, everyone...) {
		if v.Cmp(before[a]) != 0 {
			t.Fatalf("underpaid call changed %s's credit %v → %v", a, before[a], v)
		}
	}

	// 4. Claims. Alice claims her own credits from Attribution.
	aliceCredit := w.claimable(m, addr(kAlice))[addr(kAlice)]
	got, err := w.as(kAlice).ClaimAttribution(ctx)
	if err != nil || got.Cmp(aliceCredit) != 0 || aliceCredit.Sign() == 0 {
		t.Fatalf("alice's attribution claim = %v, %v; want %v", got, err, aliceCredit)
	}
	// Anyone makes the pool collect; its income is split by bytes.
	uncollected := w.claimable(m, poolAddr)[poolAddr]
	ctr, err := pool.Collect(w.chain.Opts(key(kStranger)))
	if err != nil {
		t.Fatal(err)
	}
	w.chain.Commit(1)
	r := w.chain.Receipt(ctr, types.ReceiptStatusSuccessful)
	var income *bindings.DatanetPoolIncome
	for _, l := range r.Logs {
		if e, err := pool.ParseIncome(*l); err == nil {
			income = e
		}
	}
	if income == nil || income.Amount.Cmp(uncollected) != 0 || income.Source != 0 {
		t.Fatalf("pool income = %+v, want %v from Attribution", income, uncollected)
	}
	if left := w.claimable(m, poolAddr)[poolAddr]; left.Sign() != 0 {
		t.Fatalf("pool still has %v in Attribution", left)
	}
	total, _ := pool.TotalShares(nil)
	paid := new(big.Int)
	for who, story := range map[int]int{kAlice: 0, kBob: 1, kCarol: 3, kDave: 5} {
		want := new(big.Int).Mul(uncollected, big.NewInt(int64(len(stories[story]))))
		checkPending(t, pool, addr(who), want.Div(want, total))
		p, _ := pool.Pending(nil, addr(who))
		got, err := w.as(who).ClaimPool(ctx, id)
		if err != nil || got.Cmp(p) != 0 {
			t.Fatalf("pool claim of %d = %v, %v; want %v", who, got, err, p)
		}
		paid.Add(paid, got)
	}
	if dust := w.balance(poolAddr); new(big.Int).Add(paid, dust).Cmp(uncollected) != 0 || dust.Cmp(big.NewInt(4)) > 0 {
		t.Fatalf("pool paid %v, kept %v of %v", paid, dust, uncollected)
	}
	_, err = w.as(kAlice).ClaimPool(ctx, id)
	wantRevert(t, err, "NothingToClaim")
}
