package datanetchain_test

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/attribution/datanetchain"
	"github.com/paichain/paichain/contracts/bindings"
)

var testConfig = datanetchain.CreateParams{
	Name: "tiny-stories", LicenseURI: "https://creativecommons.org/licenses/by/4.0/", FileType: "text/plain",
	DailyLimit: 2, MinStake: milliEth(1), StakeLockSeconds: 3600,
}

// TestDatanetLifecycle runs a Datanet through the real chain: create,
// curators, submissions with dedup, stake and the daily limit, review,
// reject with refund, flag with slashing into the pool, contributor
// status, a publish from a real `datanet build` of the accepted
// contributions (after rejected attempts with wrong roots, pool, ids and
// caller), pool shares, a flag after publication, and pool claims.
func TestDatanetLifecycle(t *testing.T) {
	w := newWorld(t)
	ctx := w.ctx

	// Create: bad configurations revert, then the owner creates one.
	for _, tc := range []struct {
		mutate func(*datanetchain.CreateParams)
		err    string
	}{
		{func(p *datanetchain.CreateParams) { p.Name = "" }, "InvalidInput"},
		{func(p *datanetchain.CreateParams) { p.Name = strings.Repeat("n", 65) }, "TooLong"},
		{func(p *datanetchain.CreateParams) { p.LicenseURI = "" }, "InvalidInput"},
		{func(p *datanetchain.CreateParams) { p.FileType = strings.Repeat("t", 65) }, "TooLong"},
		{func(p *datanetchain.CreateParams) { p.DailyLimit = 0 }, "InvalidInput"},
	} {
		p := testConfig
		tc.mutate(&p)
		_, _, err := w.as(kOwner).Create(ctx, p)
		wantRevert(t, err, tc.err)
	}
	id, poolAddr, err := w.as(kOwner).Create(ctx, testConfig)
	if err != nil {
		t.Fatal(err)
	}
	if id.Int64() != 1 || poolAddr == (common.Address{}) {
		t.Fatalf("create = %v, %s", id, poolAddr)
	}
	pool, err := bindings.NewDatanetPool(poolAddr, w.chain.Client)
	if err != nil {
		t.Fatal(err)
	}
	if reg, err := pool.Registry(nil); err != nil || reg != w.as(kOwner).Address {
		t.Fatalf("pool registry = %s, %v", reg, err)
	}

	// Curators: only the owner appoints them.
	wantRevert(t, w.as(kStranger).SetCurator(ctx, id, addr(kStranger), true), "NotOwner")
	if err := w.as(kOwner).SetCurator(ctx, id, addr(kCurator), true); err != nil {
		t.Fatal(err)
	}

	// Submissions.
	submit := func(who int, text string, stake *big.Int) (*big.Int, error) {
		return w.as(who).Submit(ctx, id, []byte(text), "ipfs://meta/"+text[:8], stake)
	}
	mustSubmit := func(who int, text string) *big.Int {
		t.Helper()
		cid, err := submit(who, text, milliEth(1))
		if err != nil {
			t.Fatal(err)
		}
		return cid
	}
	_, err = submit(kAlice, stories[0], big.NewInt(1))
	wantRevert(t, err, "InsufficientStake")
	for _, tc := range []struct {
		hash common.Hash
		size uint64
		uri  string
		err  string
	}{
		{common.Hash{}, 10, "", "InvalidInput"},
		{common.Hash{1}, 0, "", "InvalidInput"},
		{common.Hash{1}, 1<<40 + 1, "", "TooLong"},
		{common.Hash{1}, 10, strings.Repeat("u", 257), "TooLong"},
	} {
		o := w.chain.Opts(key(kAlice))
		o.Value = milliEth(1)
		_, err := w.as(kAlice).Registry.Submit(o, id, tc.hash, tc.size, tc.uri)
		wantRevert(t, datanetchain.Explain("submit", err), tc.err)
	}
	_, err = w.as(kAlice).Submit(ctx, big.NewInt(9), []byte(stories[0]), "", milliEth(1))
	wantRevert(t, err, "UnknownDatanet")
	a1 := mustSubmit(kAlice, stories[0])
	a2 := mustSubmit(kAlice, stories[1])
	_, err = submit(kAlice, stories[2], milliEth(1))
	wantRevert(t, err, "DailyLimitReached")
	_, err = submit(kBob, stories[0], milliEth(1)) // Alice's text again
	wantRevert(t, err, "DuplicateContent")
	if got, _ := w.as(kBob).Registry.ContributionByContent(nil, id, datanetchain.ContentHash([]byte(stories[0]))); got.Cmp(a1) != 0 {
		t.Fatalf("contributionByContent = %v, want %v", got, a1)
	}
	st, err := w.as(kStranger).Status(ctx, id, addr(kAlice))
	if err != nil {
		t.Fatal(err)
	}
	if c := st.Contributor; c.Pending != 2 || c.SubmittedToday != 2 || c.DailyLimit != 2 || len(c.Contributions) != 2 ||
		c.Contributions[0].ID.Cmp(a1) != 0 || c.Contributions[0].Status != datanetchain.StatusPending {
		t.Fatalf("alice's status = %+v", c)
	}
	// A day later Alice may submit again.
	w.chain.AdvanceTime(24 * time.Hour)
	a3 := mustSubmit(kAlice, stories[2])
	b1 := mustSubmit(kBob, stories[3])
	c1 := mustSubmit(kCarol, stories[4])
	d1 := mustSubmit(kDave, stories[5])

	// Review: curators only, pending only.
	wantRevert(t, w.as(kStranger).Review(ctx, a1, true, ""), "NotCurator")
	wantRevert(t, w.as(kAlice).Review(ctx, a1, true, "self-review"), "NotCurator")
	wantRevert(t, w.as(kCurator).Review(ctx, big.NewInt(99), true, ""), "UnknownContribution")
	for _, cid := range []*big.Int{a1, a2, b1, d1} {
		if err := w.as(kCurator).Review(ctx, cid, true, "clean"); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.as(kOwner).Review(ctx, a3, false, "off topic"); err != nil {
		t.Fatal(err)
	}
	wantRevert(t, w.as(kCurator).Review(ctx, a3, true, ""), "NotPending")
	// A rejection frees the content hash (an accepted one stays taken).
	_, err = submit(kBob, stories[0], milliEth(1))
	wantRevert(t, err, "DuplicateContent")
	b2 := mustSubmit(kBob, stories[2])
	if got, _ := w.as(kBob).Registry.ContributionByContent(nil, id, datanetchain.ContentHash([]byte(stories[2]))); got.Cmp(b2) != 0 {
		t.Fatalf("contributionByContent after resubmission = %v, want %v", got, b2)
	}
	_, err = w.as(kBob).Submit(ctx, id, []byte("x"), "", milliEth(1))
	wantRevert(t, err, "DailyLimitReached")

	// Flag Carol's pending contribution: her stake is slashed into the
	// pool, which holds it undistributed (no shares yet).
	slashed, err := w.as(kCurator).Flag(ctx, c1, "copied from a paywalled book")
	if err != nil || slashed.Cmp(milliEth(1)) != 0 {
		t.Fatalf("flag = %v, %v", slashed, err)
	}
	_, err = w.as(kCurator).Flag(ctx, c1, "again")
	wantRevert(t, err, "CannotFlag")
	if u, _ := pool.Undistributed(nil); u.Cmp(milliEth(1)) != 0 || w.balance(poolAddr).Cmp(milliEth(1)) != 0 {
		t.Fatalf("pool undistributed %v, balance %v", u, w.balance(poolAddr))
	}
	cs, err := w.as(kCarol).Contributions(ctx, id, addr(kCarol))
	if err != nil || len(cs) != 1 || cs[0].ID.Cmp(c1) != 0 || cs[0].Status != datanetchain.StatusFlagged || cs[0].Stake.Sign() != 0 ||
		cs[0].Reason != "copied from a paywalled book" || cs[0].MetadataURI != "ipfs://meta/"+stories[4][:8] {
		t.Fatalf("carol's contributions = %+v, %v", cs, err)
	}

	// Stakes: rejected → refunded; accepted → locked; flagged → gone.
	before := w.balance(addr(kAlice))
	got, err := w.as(kAlice).WithdrawStake(ctx, a3)
	if err != nil || got.Cmp(milliEth(1)) != 0 {
		t.Fatalf("withdraw rejected stake = %v, %v", got, err)
	}
	if w.balance(addr(kAlice)).Cmp(before) <= 0 {
		t.Fatal("refund did not reach alice")
	}
	_, err = w.as(kAlice).WithdrawStake(ctx, a3)
	wantRevert(t, err, "NothingToWithdraw")
	_, err = w.as(kAlice).WithdrawStake(ctx, a1)
	wantRevert(t, err, "StakeLocked")
	_, err = w.as(kBob).WithdrawStake(ctx, a1)
	wantRevert(t, err, "NotContributor")
	_, err = w.as(kCarol).WithdrawStake(ctx, c1)
	wantRevert(t, err, "NothingToWithdraw")

	// Build the accepted contributions (a1, a2, b1, d1) exactly as the
	// CLI does: export from the chain + the off-chain content store.
	contents := contentStore(t, stories...)
	dn, _ := w.build(id, poolAddr, contents)
	ids, err := datanetchain.DocumentIDs(dn)
	if err != nil || len(ids) != 4 || ids[0].Cmp(a1) != 0 || ids[3].Cmp(d1) != 0 {
		t.Fatalf("document ids = %v, %v", ids, err)
	}
	in, err := datanetchain.ManifestInput(dn.Manifest, "file:///datanets/tiny/v1")
	if err != nil {
		t.Fatal(err)
	}

	// Publish refusals: nothing is stored, no shares appear.
	tampered := in
	tampered.TokensRoot[0] ^= 1 // root no longer commits the parts
	wrongCount := in
	wrongCount.Documents = 3
	for _, tc := range []struct {
		name string
		who  int
		in   datanetchain.VersionInput
		ids  []*big.Int
		err  string
	}{
		{"tampered file root", kCurator, tampered, ids, "WrongRoot"},
		{"documents changed", kCurator, wrongCount, ids[:3], "WrongRoot"},
		{"not a curator", kStranger, in, ids, "NotCurator"},
		{"rejected id", kCurator, in, []*big.Int{a1, a2, a3, d1}, "NotListable"},
		{"flagged id", kCurator, in, []*big.Int{a1, a2, b1, c1}, "NotListable"},
		{"unsorted", kCurator, in, []*big.Int{a2, a1, b1, d1}, "IdsNotIncreasing"},
		{"duplicate", kCurator, in, []*big.Int{a1, a1, b1, d1}, "IdsNotIncreasing"},
		{"too many", kCurator, in, append(ids, big.NewInt(99)), "TooManyIds"},
	} {
		_, err := w.as(tc.who).PublishInput(ctx, id, tc.in, tc.ids, 0)
		if !datanetchain.IsRevert(err, tc.err) {
			t.Fatalf("%s: want %s, got %v", tc.name, tc.err, err)
		}
	}
	// A build for another pool: refused off chain with a clear message,
	// and on chain by the root check.
	otherPool, _ := w.build(id, addr(kStranger), contents)
	if _, err := w.as(kCurator).Publish(ctx, id, otherPool, "", 0); err == nil || !strings.Contains(err.Error(), "--pool "+poolAddr.Hex()) {
		t.Fatalf("publish of a build for another pool: %v", err)
	}
	otherIn, _ := datanetchain.ManifestInput(otherPool.Manifest, "")
	_, err = w.as(kCurator).PublishInput(ctx, id, otherIn, ids, 0)
	wantRevert(t, err, "WrongRoot")
	if n, _ := pool.TotalShares(nil); n.Sign() != 0 {
		t.Fatalf("refused publishes left %v shares", n)
	}

	// Publish in pages of 3: publish lists 3, extendVersion the last.
	version, err := w.as(kCurator).Publish(ctx, id, dn, "file:///datanets/tiny/v1", 3)
	if err != nil || version.Int64() != 1 {
		t.Fatalf("publish = %v, %v", version, err)
	}
	st, err = w.as(kStranger).Status(ctx, id, common.Address{})
	if err != nil {
		t.Fatal(err)
	}
	if v := st.Latest; v == nil || v.Number != 1 || common.Hash(v.Input.Root) != dn.Manifest.Root || v.Listed != 4 || v.Input.Tokens != uint64(dn.Manifest.Tokens) ||
		v.ContributionsHash != datanetchain.ContributionsHash(ids) || v.PublishedAt == 0 || v.Input.URI != "file:///datanets/tiny/v1" {
		t.Fatalf("latest version = %+v", st.Latest)
	}
	if ref, err := w.as(kStranger).Registry.VersionOfRoot(nil, dn.Manifest.Root); err != nil || ref.DatanetId.Cmp(id) != 0 || ref.Version.Int64() != 1 {
		t.Fatalf("versionOfRoot = %+v, %v", ref, err)
	}
	_, err = w.as(kCurator).PublishInput(ctx, id, in, ids, 0)
	wantRevert(t, err, "DuplicateRoot")
	_, err = w.as(kCurator).Registry.ExtendVersion(w.chain.Opts(key(kCurator)), id, ids[:1])
	wantRevert(t, datanetchain.Explain("extendVersion", err), "NoOpenVersion")

	// Shares are the listed contributions' bytes; the slashed stake that
	// waited went to them.
	size := func(i int) int64 { return int64(len(stories[i])) }
	shares := map[int]int64{kAlice: size(0) + size(1), kBob: size(3), kDave: size(5)}
	total := shares[kAlice] + shares[kBob] + shares[kDave]
	if n, _ := pool.TotalShares(nil); n.Int64() != total {
		t.Fatalf("total shares %v, want %d", n, total)
	}
	for who, s := range shares {
		if got, _ := pool.SharesOf(nil, addr(who)); got.Int64() != s {
			t.Fatalf("shares of %d = %v, want %d", who, got, s)
		}
		want := new(big.Int).Div(new(big.Int).Mul(milliEth(1), big.NewInt(s)), big.NewInt(total))
		checkPending(t, pool, addr(who), want)
	}

	// Flag Bob's published contribution: his shares go, what he earned
	// stays, and his slashed stake is spread over Alice and Dave.
	bobEarned, _ := pool.Pending(nil, addr(kBob))
	if _, err := w.as(kCurator).Flag(ctx, b1, "plagiarism found later"); err != nil {
		t.Fatal(err)
	}
	if got, _ := pool.SharesOf(nil, addr(kBob)); got.Sign() != 0 {
		t.Fatalf("bob keeps %v shares after the flag", got)
	}
	checkPending(t, pool, addr(kBob), bobEarned)
	rest := total - shares[kBob]
	for _, who := range []int{kAlice, kDave} {
		// floor(1e15·s/total + 1e15·s/rest), exactly
		num := new(big.Int).Mul(milliEth(1), big.NewInt(shares[who]*(rest+total)))
		checkPending(t, pool, addr(who), num.Div(num, big.NewInt(total*rest)))
	}

	// Claims: each gets exactly pending; a stranger nothing; the pool
	// keeps only rounding dust.
	var paid big.Int
	for _, who := range []int{kAlice, kBob, kDave} {
		want, _ := pool.Pending(nil, addr(who))
		got, err := w.as(who).ClaimPool(ctx, id)
		if err != nil || got.Cmp(want) != 0 {
			t.Fatalf("claim of %d = %v, %v; want %v", who, got, err, want)
		}
		paid.Add(&paid, got)
	}
	_, err = w.as(kStranger).ClaimPool(ctx, id)
	wantRevert(t, err, "NothingToClaim")
	left := w.balance(poolAddr)
	if new(big.Int).Add(&paid, left).Cmp(milliEth(2)) != 0 || left.Cmp(big.NewInt(10)) > 0 {
		t.Fatalf("pool paid %v and kept %v of %v", &paid, left, milliEth(2))
	}
	if claimed, _ := pool.TotalClaimed(nil); claimed.Cmp(&paid) != 0 {
		t.Fatalf("totalClaimed %v, paid %v", claimed, &paid)
	}

	// The pool's bookkeeping entry points are the registry's alone.
	_, err = pool.AddShares(w.chain.Opts(key(kStranger)), []common.Address{addr(kStranger)}, bigs(1000), bigs(1))
	wantRevert(t, datanetchain.Explain("addShares", err), "NotRegistry")
}

// checkPending requires pool.pending(a) to be want, or want-1 (each
// settlement rounds the holder's debt up by less than a wei).
func checkPending(t *testing.T, pool *bindings.DatanetPool, a common.Address, want *big.Int) {
	t.Helper()
	got, err := pool.Pending(&bind.CallOpts{}, a)
	if err != nil {
		t.Fatal(err)
	}
	if d := new(big.Int).Sub(want, got); d.Sign() < 0 || d.Cmp(big.NewInt(2)) > 0 {
		t.Fatalf("pending(%s) = %v, want %v (at most 2 wei less)", a, got, want)
	}
}
