package precompiles

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

func TestPayForCallSplits(t *testing.T) {
	d1 := common.HexToAddress("0xd1")
	d2 := common.HexToAddress("0xd2")
	for _, tc := range []struct {
		name        string
		recipient   *common.Address // nil: DefaultGenesisConfig (gov)
		withAdapter bool
		value       uint64
		contribs    []common.Address
		weights     []*big.Int
		want        map[common.Address]uint64
	}{
		{
			name: "adapter and contributors", withAdapter: true, value: 10_000,
			contribs: []common.Address{d1, d2}, weights: bigs(1, 3),
			// 10% / 20% / 20% / 50% split 1:3
			want: map[common.Address]uint64{gov: 1000, alice: 2000, bob: 2000, d1: 1250, d2: 3750},
		},
		{
			name: "no adapter: its share to the model owner", value: 10_000,
			contribs: []common.Address{d1}, weights: bigs(5),
			want: map[common.Address]uint64{gov: 1000, alice: 4000, d1: 5000},
		},
		{
			name: "no contributors: their share to the adapter owner", withAdapter: true, value: 10_000,
			want: map[common.Address]uint64{gov: 1000, alice: 2000, bob: 7000},
		},
		{
			name: "neither: all but protocol to the model owner", value: 10_000,
			want: map[common.Address]uint64{gov: 1000, alice: 9000},
		},
		{
			name: "rounding dust to the protocol", withAdapter: true, value: 10_007,
			contribs: []common.Address{d1, d2, carol}, weights: bigs(1, 1, 1),
			// shares 1000/2001/2001/5003 (dust 2); 5003/3 = 1667 each (dust 2)
			want: map[common.Address]uint64{gov: 1000 + 2 + 2, alice: 2001, bob: 2001, d1: 1667, d2: 1667, carol: 1667},
		},
		{
			name: "no protocol recipient: protocol share to the model owner", recipient: &common.Address{}, value: 10_000,
			contribs: []common.Address{d1}, weights: bigs(1),
			want: map[common.Address]uint64{alice: 5000, d1: 5000},
		},
		{
			name: "duplicate contributor credited twice", value: 10_000,
			contribs: []common.Address{d1, d1}, weights: bigs(1, 1),
			want: map[common.Address]uint64{gov: 1000, alice: 4000, d1: 5000},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultGenesisConfig(gov)
			if tc.recipient != nil {
				cfg.ProtocolFeeRecipient = *tc.recipient
			}
			c := newChain(t, &cfg)
			// carol is also a contributor above; she owns nothing here.
			model := c.registerModel(alice, "m", 1, 0)
			adapter := uint64(0)
			if tc.withAdapter {
				adapter = c.registerAdapter(bob, model, 2, 0)
			}
			contribs, weights := tc.contribs, tc.weights
			if contribs == nil {
				contribs, weights = []common.Address{}, []*big.Int{}
			}
			balBefore := c.st.GetBalance(payer).Uint64()
			c.mustCall(payer, AttributionAddress, tc.value, pack(t, attrABI, "payForCall",
				new(big.Int).SetUint64(model), new(big.Int).SetUint64(adapter), contribs, weights))
			var sum uint64
			for _, a := range []common.Address{gov, alice, bob, carol, d1, d2, payer} {
				got := claimableOf(c, a)
				if got != tc.want[a] {
					t.Errorf("claimable(%s) = %d, want %d", a, got, tc.want[a])
				}
				sum += got
			}
			if sum != tc.value {
				t.Errorf("credits sum to %d, paid %d", sum, tc.value)
			}
			if bal := c.st.GetBalance(AttributionAddress).Uint64(); bal != tc.value {
				t.Errorf("precompile balance %d, want %d", bal, tc.value)
			}
			if spent := balBefore - c.st.GetBalance(payer).Uint64(); spent != tc.value {
				t.Errorf("payer spent %d, want %d", spent, tc.value)
			}
			// Paid is the last log; its amounts sum to the payment.
			logs := c.st.Logs()
			paid := logs[len(logs)-1]
			if paid.Topics[0] != attrABI.Events["Paid"].ID || paid.Topics[1] != common.BytesToHash(payer.Bytes()) {
				t.Fatalf("last log is not Paid(payer): %+v", paid)
			}
			vals, err := attrABI.Events["Paid"].Inputs.NonIndexed().Unpack(paid.Data)
			if err != nil {
				t.Fatal(err)
			}
			total := new(big.Int)
			for _, v := range vals[1:] {
				total.Add(total, v.(*big.Int))
			}
			if vals[0].(*big.Int).Uint64() != tc.value || total.Uint64() != tc.value {
				t.Fatalf("Paid amounts %v", vals)
			}
		})
	}
}

func TestPayForCallRejects(t *testing.T) {
	c := defaultChain(t)
	m1 := c.registerModel(alice, "m1", 1, 1000)
	m2 := c.registerModel(alice, "m2", 2, 0)
	a1 := c.registerAdapter(bob, m1, 3, 500)
	many, manyW := contributors(MaxContributors + 1)
	one := []common.Address{carol}
	big1 := func(v uint64) *big.Int { return new(big.Int).SetUint64(v) }
	maxU := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	before := c.root()
	for _, tc := range []struct {
		name           string
		value          uint64
		model, adapter uint64
		contribs       []common.Address
		weights        []*big.Int
		err            string
		args           []any
	}{
		{"unknown model", 1000, 9, 0, one, bigs(1), "UnknownModel", []any{big1(9)}},
		{"unknown adapter", 1500, m1, 9, one, bigs(1), "UnknownAdapter", []any{big1(9)}},
		{"adapter of another model", 1500, m2, a1, one, bigs(1), "AdapterModelMismatch", []any{big1(a1), big1(m2)}},
		{"below model price", 999, m1, 0, one, bigs(1), "InsufficientPayment", []any{big1(1000), big1(999)}},
		{"below model+adapter price", 1499, m1, a1, one, bigs(1), "InsufficientPayment", []any{big1(1500), big1(1499)}},
		{"length mismatch", 1000, m1, 0, one, bigs(1, 2), "LengthMismatch", nil},
		{"too many contributors", 1000, m1, 0, many, manyW, "TooManyContributors", []any{big1(MaxContributors + 1), big1(MaxContributors)}},
		{"zero contributor", 1000, m1, 0, []common.Address{{}}, bigs(1), "InvalidInput", nil},
		{"precompile as contributor", 1000, m1, 0, []common.Address{carol, AttributionAddress}, bigs(1, 1), "InvalidInput", nil},
		{"zero weights", 1000, m1, 0, []common.Address{carol, bob}, bigs(0, 0), "InvalidInput", nil},
		{"weights overflow", 1000, m1, 0, []common.Address{carol, bob}, []*big.Int{maxU, big.NewInt(1)}, "InvalidInput", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bal := c.st.GetBalance(payer).Uint64()
			r := c.call(payer, AttributionAddress, tc.value, pack(t, attrABI, "payForCall", big1(tc.model), big1(tc.adapter), tc.contribs, tc.weights))
			wantRevert(t, r, attrABI, tc.err, tc.args...)
			if c.st.GetBalance(payer).Uint64() != bal {
				t.Fatal("reverted payment kept the value")
			}
		})
	}
	if c.root() != before {
		t.Fatal("rejected payments changed state")
	}
	// Exactly at the price, and above it, is fine; quote says what it is.
	r := c.mustCall(payer, AttributionAddress, 0, pack(t, attrABI, "quote", big1(m1), big1(a1)))
	if q := unpack(t, attrABI, "quote", r.ret)[0].(*big.Int); q.Uint64() != 1500 {
		t.Fatalf("quote = %v, want 1500", q)
	}
	c.mustCall(payer, AttributionAddress, 1500, pack(t, attrABI, "payForCall", big1(m1), big1(a1), one, bigs(1)))
	c.mustCall(payer, AttributionAddress, 0, pack(t, attrABI, "payForCall", big1(m2), big1(0), []common.Address{}, []*big.Int{}))
	c.mustCall(payer, AttributionAddress, 1, pack(t, attrABI, "payForCall", big1(m2), big1(0), many[:MaxContributors], manyW[:MaxContributors]))
}

func TestClaim(t *testing.T) {
	c := defaultChain(t)
	model := c.registerModel(alice, "m", 1, 0)
	c.mustCall(payer, AttributionAddress, 1e9, pack(t, attrABI, "payForCall", big.NewInt(int64(model)), big.NewInt(0), []common.Address{carol}, bigs(1)))
	owed := claimableOf(c, carol)
	if owed != 5e8 {
		t.Fatalf("carol is owed %d", owed)
	}
	r := c.mustCall(carol, AttributionAddress, 0, pack(t, attrABI, "claimable", carol))
	if v := unpack(t, attrABI, "claimable", r.ret)[0].(*big.Int); v.Uint64() != owed {
		t.Fatalf("claimable() = %v", v)
	}
	// Value sent to claim is refused (claim is not payable).
	wantRevert(t, c.call(carol, AttributionAddress, 1, pack(t, attrABI, "claim")), attrABI, "NonPayable")

	before := c.st.GetBalance(carol).Uint64()
	r = c.mustCall(carol, AttributionAddress, 0, pack(t, attrABI, "claim"))
	if v := unpack(t, attrABI, "claim", r.ret)[0].(*big.Int); v.Uint64() != owed {
		t.Fatalf("claim() returned %v", v)
	}
	if got := c.st.GetBalance(carol).Uint64() - before; got != owed {
		t.Fatalf("carol received %d, want %d", got, owed)
	}
	if claimableOf(c, carol) != 0 || c.st.GetBalance(AttributionAddress).Uint64() != 1e9-owed {
		t.Fatal("claim did not settle the ledger")
	}
	l := c.st.Logs()[len(c.st.Logs())-1]
	if l.Topics[0] != attrABI.Events["Claimed"].ID || l.Topics[1] != common.BytesToHash(carol.Bytes()) || new(big.Int).SetBytes(l.Data).Uint64() != owed {
		t.Fatalf("Claimed log %+v", l)
	}
	wantRevert(t, c.call(carol, AttributionAddress, 0, pack(t, attrABI, "claim")), attrABI, "NothingToClaim")

	// Everyone claims: the precompile ends with exactly nothing.
	for _, a := range []common.Address{gov, alice} {
		c.mustCall(a, AttributionAddress, 0, pack(t, attrABI, "claim"))
	}
	if bal := c.st.GetBalance(AttributionAddress); !bal.IsZero() {
		t.Fatalf("precompile keeps %v after all claims", bal)
	}
}

func TestGovernance(t *testing.T) {
	c := defaultChain(t)
	newGov := common.HexToAddress("0x9e11")
	for _, tc := range []struct {
		name   string
		from   common.Address
		method string
		args   []any
		err    string
	}{
		{"policy by stranger", alice, "setFeePolicy", []any{uint16(0), uint16(5000), uint16(0), uint16(5000)}, "NotGovernance"},
		{"policy not summing to 10000", gov, "setFeePolicy", []any{uint16(1000), uint16(1000), uint16(1000), uint16(1000)}, "InvalidFeePolicy"},
		{"policy overflowing uint16 sum", gov, "setFeePolicy", []any{uint16(65535), uint16(65535), uint16(0), uint16(0)}, "InvalidFeePolicy"},
		{"policy", gov, "setFeePolicy", []any{uint16(0), uint16(5000), uint16(0), uint16(5000)}, ""},
		{"recipient by stranger", alice, "setProtocolFeeRecipient", []any{alice}, "NotGovernance"},
		{"recipient", gov, "setProtocolFeeRecipient", []any{carol}, ""},
		{"governance to zero", gov, "setGovernance", []any{common.Address{}}, "InvalidInput"},
		{"governance by stranger", alice, "setGovernance", []any{alice}, "NotGovernance"},
		{"governance", gov, "setGovernance", []any{newGov}, ""},
		{"old governance locked out", gov, "setProtocolFeeRecipient", []any{gov}, "NotGovernance"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.call(tc.from, AttributionAddress, 0, pack(t, attrABI, tc.method, tc.args...))
			if tc.err != "" {
				wantRevert(t, r, attrABI, tc.err)
			} else if r.err != nil {
				t.Fatalf("%v %x", r.err, r.ret)
			}
		})
	}
	r := c.mustCall(alice, AttributionAddress, 0, pack(t, attrABI, "feePolicy"))
	p := *abiConvert[FeePolicy](unpack(t, attrABI, "feePolicy", r.ret)[0])
	if want := (FeePolicy{0, 5000, 0, 5000}); p != want || ReadFeePolicy(c.st) != want {
		t.Fatalf("feePolicy = %+v", p)
	}
	r = c.mustCall(alice, AttributionAddress, 0, pack(t, attrABI, "governance"))
	if g := unpack(t, attrABI, "governance", r.ret)[0].(common.Address); g != newGov || ReadGovernance(c.st) != newGov {
		t.Fatalf("governance = %s", g)
	}
	r = c.mustCall(alice, AttributionAddress, 0, pack(t, attrABI, "protocolFeeRecipient"))
	if a := unpack(t, attrABI, "protocolFeeRecipient", r.ret)[0].(common.Address); a != carol {
		t.Fatalf("protocolFeeRecipient = %s", a)
	}
	// The new policy applies: no protocol share, half to the model owner.
	model := c.registerModel(alice, "m", 1, 0)
	c.mustCall(payer, AttributionAddress, 100, pack(t, attrABI, "payForCall", big.NewInt(int64(model)), big.NewInt(0), []common.Address{bob}, bigs(1)))
	if claimableOf(c, alice) != 50 || claimableOf(c, bob) != 50 || claimableOf(c, carol) != 0 {
		t.Fatal("payment ignored the new fee policy")
	}
}

// A chain whose genesis has no precompile accounts (e.g. --dev without our
// alloc) still works: the first write gives the account nonce 1 and code
// 0xfe, so EIP-158 does not wipe its storage at the end of the transaction.
// Governance is unset there, so the policy is the default and fixed.
func TestChainWithoutGenesisAccounts(t *testing.T) {
	c := newChain(t, nil)
	model := c.registerModel(alice, "dev", 1, 0)
	if c.st.GetNonce(ModelRegistryAddress) != 1 || string(c.st.GetCode(ModelRegistryAddress)) != "\xfe" {
		t.Fatal("registry account not set up on first write")
	}
	if m, ok := ReadModel(c.st, model); !ok || m.Name != "dev" {
		t.Fatal("model lost at the end of the transaction")
	}
	c.mustCall(payer, AttributionAddress, 1000, pack(t, attrABI, "payForCall", big.NewInt(int64(model)), big.NewInt(0), []common.Address{}, []*big.Int{}))
	// No recipient: the protocol share goes to the model owner.
	if claimableOf(c, alice) != 1000 || c.st.GetNonce(AttributionAddress) != 1 {
		t.Fatal("payment lost on a chain without genesis accounts")
	}
	wantRevert(t, c.call(common.Address{}, AttributionAddress, 0, pack(t, attrABI, "setGovernance", alice)), attrABI, "NotGovernance")
}

func TestGenesisAlloc(t *testing.T) {
	alloc := GenesisAlloc(DefaultGenesisConfig(gov))
	if len(alloc) != len(Addresses()) {
		t.Fatalf("%d accounts for %d precompiles", len(alloc), len(Addresses()))
	}
	for _, a := range Addresses() {
		acc := alloc[a]
		if acc.Nonce != 1 || string(acc.Code) != "\xfe" || acc.Balance == nil || acc.Balance.Sign() != 0 {
			t.Fatalf("account %s = %+v", a, acc)
		}
	}
	st := alloc[AttributionAddress].Storage
	if wordAddr(st[slotAt(slotGovernance)]) != gov || wordAddr(st[slotAt(slotFeeRecipient)]) != gov || feePolicyOf(st[slotAt(slotFeePolicy)]) != DefaultFeePolicy() {
		t.Fatalf("attribution storage %v", st)
	}
	bad := DefaultGenesisConfig(gov)
	bad.FeePolicy.ProtocolBps++
	if bad.Validate() == nil {
		t.Fatal("invalid policy validated")
	}
	defer func() {
		if recover() == nil {
			t.Fatal("GenesisAlloc accepted an invalid policy")
		}
	}()
	GenesisAlloc(bad)
}

// abiConvert turns an ABI-decoded anonymous struct into T.
func abiConvert[T any](v any) *T { return abi.ConvertType(v, new(T)).(*T) }

// FuzzSplitPayment checks conservation: whatever the value, policy and
// weights, the credits sum to exactly the payment.
func FuzzSplitPayment(f *testing.F) {
	f.Add(uint64(10_007), uint64(0), uint16(1000), uint16(2000), uint16(2000), true, true, []byte{1, 1, 1})
	f.Add(uint64(1), uint64(1<<63), uint16(10000), uint16(0), uint16(0), false, false, []byte{})
	f.Add(^uint64(0), ^uint64(0), uint16(3333), uint16(3333), uint16(3333), true, false, []byte{255, 0, 7})
	f.Fuzz(func(t *testing.T, lo, hi uint64, p, m, a uint16, hasAdapter, hasProtocol bool, ws []byte) {
		if uint32(p)+uint32(m)+uint32(a) > BasisPoints {
			return
		}
		policy := FeePolicy{p, m, a, uint16(BasisPoints - uint32(p) - uint32(m) - uint32(a))}
		value := new(uint256.Int).SetUint64(hi)
		value.Lsh(value, 192).Or(value, uint256.NewInt(lo)) // up to ~2^256
		if len(ws) > MaxContributors {
			ws = ws[:MaxContributors]
		}
		weights := make([]*uint256.Int, len(ws))
		for i, w := range ws {
			weights[i] = new(uint256.Int).Lsh(uint256.NewInt(uint64(w)), uint(i*3))
		}
		s, err := SplitPayment(value, policy, hasAdapter, hasProtocol, weights)
		if err != nil {
			nonzero := false
			for _, w := range weights {
				nonzero = nonzero || !w.IsZero()
			}
			if nonzero {
				t.Fatalf("split refused non-zero weights: %v", err)
			}
			return
		}
		sum := new(uint256.Int).Add(s.Protocol, s.ModelOwner)
		sum.Add(sum, s.AdapterOwner).Add(sum, s.Contributed)
		contributed := new(uint256.Int)
		for _, c := range s.Contributors {
			contributed.Add(contributed, c)
		}
		if !sum.Eq(value) || !contributed.Eq(s.Contributed) {
			t.Fatalf("credits %v (contributors %v / %v) != value %v", sum, contributed, s.Contributed, value)
		}
		if !hasAdapter && !s.AdapterOwner.IsZero() || !hasProtocol && !s.Protocol.IsZero() {
			t.Fatalf("credit to an absent party: %+v", s)
		}
		if !hasAdapter {
			return
		}
		// Several merged adapters (Inference) share the adapter part; the
		// split still sums to the payment.
		parts := s.ShareAdapters(int(lo%MaxInferenceAdapters)+1, hasProtocol)
		shared := new(uint256.Int)
		for _, p := range parts {
			shared.Add(shared, p)
		}
		sum = new(uint256.Int).Add(s.Protocol, s.ModelOwner)
		sum.Add(sum, shared).Add(sum, s.Contributed)
		if !shared.Eq(s.AdapterOwner) || !sum.Eq(value) || !hasProtocol && !s.Protocol.IsZero() {
			t.Fatalf("adapter shares %v of %v, total %v != value %v", shared, s.AdapterOwner, sum, value)
		}
	})
}
