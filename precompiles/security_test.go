package precompiles

import (
	"bytes"
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

// TestRegisteredOnEveryFork checks that every fork's precompile set, as the
// EVM selects it, holds our contracts (and address lists, which decide what
// is warm in the access list).
func TestRegisteredOnEveryFork(t *testing.T) {
	zero := uint64(0)
	op := *params.OptimismTestConfig
	for _, tc := range []struct {
		name  string
		rules params.Rules
	}{
		{"homestead", params.Rules{IsHomestead: true}},
		{"byzantium", params.Rules{IsByzantium: true}},
		{"istanbul", params.Rules{IsIstanbul: true}},
		{"berlin", params.Rules{IsBerlin: true}},
		{"cancun", params.Rules{IsCancun: true}},
		{"prague", params.Rules{IsPrague: true}},
		{"osaka", params.Rules{IsOsaka: true}},
		{"verkle", params.Rules{IsVerkle: true}},
		{"fjord", params.Rules{IsOptimismFjord: true}},
		{"granite", params.Rules{IsOptimismGranite: true}},
		{"isthmus", params.Rules{IsOptimismIsthmus: true}},
		{"jovian", params.Rules{IsOptimismJovian: true}},
		{"op test config", op.Rules(big.NewInt(1), true, zero)},
		{"merged test config", params.MergedTestChainConfig.Rules(big.NewInt(1), true, zero)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			contracts := vm.ActivePrecompiledContracts(tc.rules)
			for _, addr := range Addresses() {
				if _, ok := contracts[addr].(vm.StatefulPrecompiledContract); !ok {
					t.Errorf("%s missing from the precompile map", addr)
				}
				if !slices.Contains(vm.ActivePrecompiles(tc.rules), addr) && !tc.rules.IsVerkle {
					t.Errorf("%s missing from the address list", addr)
				}
			}
		})
	}
	if !slices.Contains(Addresses(), InferenceAddress) {
		t.Fatal("the inference precompile is not registered")
	}
}

func TestRegisterRefusesTakenAddress(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "already taken") {
			t.Fatalf("re-registration: recover() = %v", r)
		}
	}()
	register(modelRegistry)
}

// TestDelegateCallRefused: entered with DELEGATECALL or CALLCODE the
// precompile would run in the caller's storage context; both revert, from an
// EOA-level call and from bytecode.
func TestDelegateCallRefused(t *testing.T) {
	c := defaultChain(t)
	c.registerModel(alice, "m", 1, 0)
	for _, target := range []struct {
		addr  common.Address
		a     abi.ABI
		input []byte
	}{
		{ModelRegistryAddress, regABI, pack(t, regABI, "registerModel", "x", h(7), "")},
		{ModelRegistryAddress, regABI, pack(t, regABI, "modelCount")},
		{AttributionAddress, attrABI, pack(t, attrABI, "claim")},
	} {
		for i, op := range []vm.OpCode{vm.DELEGATECALL, vm.CALLCODE} {
			proxy := c.deploy(common.BigToAddress(big.NewInt(int64(0xde1e0+i))), proxyCode(op, target.addr))
			before := c.root()
			wantRevert(t, c.call(alice, proxy, 0, target.input), target.a, "DelegateCallNotAllowed")
			if c.root() != before {
				t.Fatalf("%v into %s changed state", op, target.addr)
			}
		}
		ret, _, err := c.evm.DelegateCall(alice, alice, target.addr, target.input, callGas, new(uint256.Int))
		wantRevert(t, result{ret: ret, err: err}, target.a, "DelegateCallNotAllowed")
		ret, _, err = c.evm.CallCode(alice, target.addr, target.input, callGas, new(uint256.Int))
		wantRevert(t, result{ret: ret, err: err}, target.a, "DelegateCallNotAllowed")
	}
}

// TestStaticCall: views work inside STATICCALL; writes revert and change
// nothing, also when the precompile is reached with CALL from a contract
// that is itself inside a STATICCALL.
func TestStaticCall(t *testing.T) {
	c := defaultChain(t)
	model := c.registerModel(alice, "m", 1, 0)
	c.mustCall(payer, AttributionAddress, 100, pack(t, attrABI, "payForCall", big.NewInt(int64(model)), big.NewInt(0), []common.Address{}, []*big.Int{}))
	static := c.deploy(common.HexToAddress("0x57a7"), proxyCode(vm.STATICCALL, ModelRegistryAddress))
	caller := c.deploy(common.HexToAddress("0xca11"), proxyCode(vm.CALL, ModelRegistryAddress))
	attrCaller := c.deploy(common.HexToAddress("0xca12"), proxyCode(vm.CALL, AttributionAddress))
	infCaller := c.deploy(common.HexToAddress("0xca13"), proxyCode(vm.CALL, InferenceAddress))

	// Views.
	r := c.call(alice, static, 0, pack(t, regABI, "getModel", big.NewInt(int64(model))))
	if r.err != nil {
		t.Fatalf("getModel via STATICCALL: %v", r.err)
	}
	if m := *abiConvert[Model](unpack(t, regABI, "getModel", r.ret)[0]); m.Name != "m" {
		t.Fatalf("getModel via STATICCALL = %+v", m)
	}
	r = c.static(alice, AttributionAddress, pack(t, attrABI, "claimable", alice))
	if r.err != nil || unpack(t, attrABI, "claimable", r.ret)[0].(*big.Int).Uint64() != 90 {
		t.Fatalf("claimable via StaticCall: %v", r.err)
	}

	before := c.root()
	for _, tc := range []struct {
		name string
		run  func() result
		a    abi.ABI
	}{
		{"register via STATICCALL opcode", func() result {
			return c.call(alice, static, 0, pack(t, regABI, "registerModel", "s", h(9), ""))
		}, regABI},
		{"register via evm.StaticCall", func() result {
			return c.static(alice, ModelRegistryAddress, pack(t, regABI, "registerModel", "s", h(9), ""))
		}, regABI},
		{"CALL nested in a STATICCALL", func() result {
			return c.static(alice, caller, pack(t, regABI, "setModelPrice", big.NewInt(int64(model)), big.NewInt(1)))
		}, regABI},
		{"claim nested in a STATICCALL", func() result {
			return c.static(alice, attrCaller, pack(t, attrABI, "claim"))
		}, attrABI},
		{"setInferenceSigner via evm.StaticCall", func() result {
			return c.static(alice, InferenceAddress, pack(t, infABI, "setInferenceSigner", alice))
		}, infABI},
		{"sweep nested in a STATICCALL", func() result {
			return c.static(alice, infCaller, pack(t, infABI, "sweep", [][32]byte{h(1)}))
		}, infABI},
		{"payForCall via evm.StaticCall", func() result {
			return c.static(payer, AttributionAddress, pack(t, attrABI, "payForCall", big.NewInt(int64(model)), big.NewInt(0), []common.Address{}, []*big.Int{}))
		}, attrABI},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantRevert(t, tc.run(), tc.a, "WriteProtection")
		})
	}
	if c.root() != before {
		t.Fatal("a write inside STATICCALL changed state")
	}
}

// TestNonPayable: value sent to anything but payForCall reverts, and the
// value goes back.
func TestNonPayable(t *testing.T) {
	c := defaultChain(t)
	bal := c.st.GetBalance(alice).Uint64()
	wantRevert(t, c.call(alice, ModelRegistryAddress, 5, pack(t, regABI, "registerModel", "m", h(1), "")), regABI, "NonPayable")
	wantRevert(t, c.call(alice, ModelRegistryAddress, 5, pack(t, regABI, "modelCount")), regABI, "NonPayable")
	wantRevert(t, c.call(alice, AttributionAddress, 5, pack(t, attrABI, "setGovernance", alice)), attrABI, "NonPayable")
	// Plain ether transfers (empty calldata) are refused too.
	wantRevert(t, c.call(alice, AttributionAddress, 5, nil), attrABI, "InvalidInput")
	wantRevert(t, c.call(alice, InferenceAddress, 5, nil), infABI, "InvalidInput")
	wantRevert(t, c.call(alice, InferenceAddress, 5, pack(t, infABI, "sweep", [][32]byte{})), infABI, "NonPayable")
	wantRevert(t, c.call(alice, InferenceAddress, 5, pack(t, infABI, "getReceipt", h(1))), infABI, "NonPayable")
	if c.st.GetBalance(alice).Uint64() != bal || !c.st.GetBalance(ModelRegistryAddress).IsZero() || !c.st.GetBalance(AttributionAddress).IsZero() || !c.st.GetBalance(InferenceAddress).IsZero() {
		t.Fatal("refused value was kept")
	}
}

// TestMalformedInput: short, unknown, truncated, non-canonical and oversized
// inputs all revert with a custom error, give back unused gas and change
// nothing.
func TestMalformedInput(t *testing.T) {
	c := defaultChain(t)
	c.registerModel(alice, "m", 1, 0)
	valid := pack(t, regABI, "registerModel", "name", h(2), "uri")
	setPrice := pack(t, regABI, "setModelPrice", big.NewInt(1), big.NewInt(1))
	transfer := pack(t, regABI, "transferModel", big.NewInt(1), bob)
	dirty := slices.Clone(transfer)
	dirty[4+32] = 0xff // high bytes of the address word
	hugeOffset := slices.Clone(valid)
	copy(hugeOffset[4:36], bytes.Repeat([]byte{0xff}, 32))
	hugeLen := slices.Clone(valid)
	hugeLen[4+96+31] = 0xff // the name's length word, past the end
	policy := pack(t, attrABI, "setFeePolicy", uint16(1), uint16(2), uint16(3), uint16(4))
	bigUint16 := slices.Clone(policy)
	bigUint16[4+29] = 1 // first argument becomes 0x010001 > 65535
	unknownSel := []byte{0xde, 0xad, 0xbe, 0xef}
	before := c.root()
	for _, tc := range []struct {
		name  string
		to    common.Address
		input []byte
		a     abi.ABI
		err   string
		args  []any
	}{
		{"empty", ModelRegistryAddress, nil, regABI, "InvalidInput", nil},
		{"three bytes", ModelRegistryAddress, valid[:3], regABI, "InvalidInput", nil},
		{"unknown selector", ModelRegistryAddress, unknownSel, regABI, "UnknownSelector", []any{[4]byte(unknownSel)}},
		{"selector only", ModelRegistryAddress, valid[:4], regABI, "InvalidInput", nil},
		{"truncated", ModelRegistryAddress, valid[:len(valid)-1], regABI, "InvalidInput", nil},
		{"truncated static", ModelRegistryAddress, setPrice[:40], regABI, "InvalidInput", nil},
		{"trailing byte", ModelRegistryAddress, append(slices.Clone(setPrice), 0), regABI, "InvalidInput", nil},
		{"trailing word", ModelRegistryAddress, append(slices.Clone(valid), make([]byte, 32)...), regABI, "InvalidInput", nil},
		{"dirty address bits", ModelRegistryAddress, dirty, regABI, "InvalidInput", nil},
		{"huge offset", ModelRegistryAddress, hugeOffset, regABI, "InvalidInput", nil},
		{"huge length", ModelRegistryAddress, hugeLen, regABI, "InvalidInput", nil},
		{"uint16 out of range", AttributionAddress, bigUint16, attrABI, "InvalidInput", nil},
		{"oversized", ModelRegistryAddress, append(slices.Clone(valid), make([]byte, MaxInputSize)...), regABI, "InvalidInput", nil},
		{"oversized attribution", AttributionAddress, make([]byte, MaxInputSize+1), attrABI, "InvalidInput", nil},
		{"oversized inference", InferenceAddress, append(slices.Clone(infABI.Methods["sweep"].ID), make([]byte, MaxInferenceInputSize)...), infABI, "InvalidInput", nil},
		{"truncated sweep", InferenceAddress, pack(t, infABI, "sweep", [][32]byte{h(1)})[:4+64+16], infABI, "InvalidInput", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantRevert(t, c.call(alice, tc.to, 0, tc.input), tc.a, tc.err, tc.args...)
		})
	}
	if c.root() != before {
		t.Fatal("malformed input changed state")
	}
}

// TestGasAccounting pins the schedule on simple calls and checks that running
// out of gas burns it all and leaves no trace.
func TestGasAccounting(t *testing.T) {
	c := defaultChain(t)
	in := pack(t, regABI, "modelCount")
	if got, want := c.call(alice, ModelRegistryAddress, 0, in).used, GasCallBase+GasPerInputWord*1+GasSload; got != want {
		t.Fatalf("modelCount used %d gas, want %d", got, want)
	}
	// registerModel("m", h, "") into fresh storage: count, owner, hash,
	// registeredAt, name length + 1 word, uri length (0: a no-op write),
	// hash index; two reads (hash index, count); one log with 3 topics and
	// 32 bytes of data.
	reg := pack(t, regABI, "registerModel", "m", h(1), "")
	want := GasCallBase + GasPerInputWord*uint64((len(reg)+31)/32) +
		2*GasSload + 7*(GasSload+GasSstoreSet) + (GasSload + GasSstoreNoop) +
		params.LogGas + 3*params.LogTopicGas + 32*params.LogDataGas
	before := c.root()
	// One gas short of the cost: out of gas, all gas burned, nothing kept.
	ret, left, err := c.evm.Call(alice, ModelRegistryAddress, reg, want-1, new(uint256.Int))
	if !errors.Is(err, vm.ErrOutOfGas) || left != 0 || ret != nil {
		t.Fatalf("short of gas: err %v, left %d", err, left)
	}
	c.st.Finalise(true)
	if c.root() != before || len(c.st.Logs()) != 0 {
		t.Fatal("out-of-gas call left state or logs behind")
	}
	if r := c.mustCall(alice, ModelRegistryAddress, 0, reg); r.used != want {
		t.Fatalf("registerModel used %d gas, want %d", r.used, want)
	}
}

// TestRecoverRevertsPanics: a panicking handler becomes a revert that burns
// the gas, never a crashed node.
func TestRecoverRevertsPanics(t *testing.T) {
	c := defaultChain(t)
	a, err := abi.JSON(strings.NewReader(`[{"type":"function","name":"boom","inputs":[],"outputs":[],"stateMutability":"view"}]`))
	if err != nil {
		t.Fatal(err)
	}
	p := newContract("test/Panics", common.HexToAddress("0xb00"), a, map[string]handler{
		"boom": {run: func(*call, []any) ([]byte, error) { panic("bug") }},
	})
	env := &vm.PrecompileEnv{EVM: c.evm, Kind: vm.CallKindCall, Caller: alice, Address: p.address, Value: new(uint256.Int)}
	ret, left, err := p.RunStateful(env, a.Methods["boom"].ID, 100_000)
	if !errors.Is(err, vm.ErrExecutionReverted) || left != 0 || ret != nil {
		t.Fatalf("panic became ret %x, left %d, err %v", ret, left, err)
	}
	if _, err := p.Run(nil); err == nil {
		t.Fatal("Run without EVM context succeeded")
	}
}

// TestContractCaller: called with CALL from bytecode, msg.sender is the
// contract and forwarded value is paid.
func TestContractCaller(t *testing.T) {
	c := defaultChain(t)
	regProxy := c.deploy(common.HexToAddress("0xc0a1"), proxyCode(vm.CALL, ModelRegistryAddress))
	attrProxy := c.deploy(common.HexToAddress("0xc0a2"), proxyCode(vm.CALL, AttributionAddress))
	r := c.mustCall(alice, regProxy, 0, pack(t, regABI, "registerModel", "via-contract", h(4), ""))
	id := unpack(t, regABI, "registerModel", r.ret)[0].(*big.Int)
	if m, ok := ReadModel(c.st, id.Uint64()); !ok || m.Owner != regProxy {
		t.Fatalf("model owner = %s, want the calling contract %s", m.Owner, regProxy)
	}
	// The proxy forwards msg.value: the Paid event names it as payer.
	c.mustCall(payer, attrProxy, 1000, pack(t, attrABI, "payForCall", id, big.NewInt(0), []common.Address{}, []*big.Int{}))
	if claimableOf(c, regProxy) != 900 || c.st.GetBalance(AttributionAddress).Uint64() != 1000 {
		t.Fatal("payment through a contract not credited")
	}
	logs := c.st.Logs()
	if paid := logs[len(logs)-1]; paid.Topics[1] != common.BytesToHash(attrProxy.Bytes()) {
		t.Fatalf("Paid payer topic %x, want %s", paid.Topics[1], attrProxy)
	}
	// Custom errors bubble up through the contract unchanged.
	wantRevert(t, c.call(alice, regProxy, 0, pack(t, regABI, "getModel", big.NewInt(99))), regABI, "UnknownModel", big.NewInt(99))
}

// Revert data of a precompile error decodes to a readable reason through
// op-geth's abi.UnpackRevert (patch 0002), as eth_call errors and traces use;
// anything but the exact encoding of a declared error is left alone.
func TestRevertReasonsDecode(t *testing.T) {
	enc := func(name string, args ...any) []byte {
		t.Helper()
		err := modelRegistry.fail(name, args...)
		var rev *revertError
		if !errors.As(err, &rev) {
			t.Fatalf("fail(%s): %v", name, err)
		}
		return rev.data
	}
	unknown := enc("UnknownModel", big.NewInt(99))
	for _, tc := range []struct {
		name string
		data []byte
		want string
		ok   bool
	}{
		{"uint arg", unknown, "UnknownModel(99)", true},
		{"no args", enc("NotOwner"), "NotOwner()", true},
		{"bytes4 arg", enc("UnknownSelector", [4]byte{0xde, 0xad, 0xbe, 0xef}), "UnknownSelector(0xdeadbeef)", true},
		{"trailing byte", append(bytes.Clone(unknown), 0), "", false},
		{"truncated", unknown[:20], "", false},
		{"unknown selector", []byte{1, 2, 3, 4}, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := abi.UnpackRevert(tc.data)
			if tc.ok != (err == nil) || got != tc.want {
				t.Fatalf("UnpackRevert = %q, %v; want %q (ok %v)", got, err, tc.want, tc.ok)
			}
		})
	}
}
