package precompiles

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

// A real EVM over a real (in-memory) StateDB, with an OP Stack chain config
// where every production fork is active.

var (
	gov     = common.HexToAddress("0x00000000000000000000000000000000000060f0")
	alice   = common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	bob     = common.HexToAddress("0x0000000000000000000000000000000000000b0b")
	carol   = common.HexToAddress("0x00000000000000000000000000000000000ca201")
	payer   = common.HexToAddress("0x00000000000000000000000000000000000ba1e5")
	regABI  = ModelRegistryABI()
	attrABI = AttributionABI()
)

const callGas = 30_000_000

type chain struct {
	t   testing.TB
	st  *state.StateDB
	evm *vm.EVM
}

type result struct {
	ret  []byte
	used uint64
	err  error
}

// newChain starts a state with funded test accounts and, if cfg is non-nil,
// the precompiles' genesis accounts.
func newChain(t testing.TB, cfg *GenesisConfig) *chain {
	t.Helper()
	st, err := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
	if err != nil {
		t.Fatalf("state: %v", err)
	}
	if cfg != nil {
		for addr, acc := range GenesisAlloc(*cfg) {
			st.SetNonce(addr, acc.Nonce, tracing.NonceChangeGenesis)
			st.SetCode(addr, acc.Code, tracing.CodeChangeGenesis)
			for k, v := range acc.Storage {
				st.SetState(addr, k, v)
			}
		}
	}
	for _, a := range []common.Address{gov, alice, bob, carol, payer} {
		st.SetNonce(a, 1, tracing.NonceChangeGenesis)
		st.AddBalance(a, uint256.NewInt(1e18), tracing.BalanceChangeUnspecified)
	}
	st.Finalise(true)
	return &chain{t: t, st: st, evm: newEVM(st, params.OptimismTestConfig)}
}

func defaultChain(t testing.TB) *chain {
	cfg := DefaultGenesisConfig(gov)
	return newChain(t, &cfg)
}

func newEVM(st vm.StateDB, cfg *params.ChainConfig) *vm.EVM {
	blockCtx := vm.BlockContext{
		CanTransfer: core.CanTransfer,
		Transfer:    core.Transfer,
		BlockNumber: big.NewInt(7),
		Time:        1_700_000_000,
		Difficulty:  new(big.Int),
		BaseFee:     new(big.Int),
		GasLimit:    60_000_000,
		Random:      &common.Hash{},
	}
	return vm.NewEVM(blockCtx, st, cfg, vm.Config{})
}

func pack(t testing.TB, a abi.ABI, method string, args ...any) []byte {
	t.Helper()
	in, err := a.Pack(method, args...)
	if err != nil {
		t.Fatalf("pack %s: %v", method, err)
	}
	return in
}

// call sends a CALL from an account, finalising like the end of a
// transaction (empty accounts are deleted, EIP-158).
func (c *chain) call(from, to common.Address, value uint64, input []byte) result {
	ret, left, err := c.evm.Call(from, to, input, callGas, uint256.NewInt(value))
	c.st.Finalise(true)
	return result{ret: ret, used: callGas - left, err: err}
}

func (c *chain) static(from, to common.Address, input []byte) result {
	ret, left, err := c.evm.StaticCall(from, to, input, callGas)
	return result{ret: ret, used: callGas - left, err: err}
}

// mustCall calls and fails the test on any error.
func (c *chain) mustCall(from, to common.Address, value uint64, input []byte) result {
	c.t.Helper()
	r := c.call(from, to, value, input)
	if r.err != nil {
		c.t.Fatalf("call %x from %s: %v (return %x)", input[:min(4, len(input))], from, r.err, r.ret)
	}
	return r
}

// unpack decodes a method's return data into out.
func unpack(t testing.TB, a abi.ABI, method string, ret []byte) []any {
	t.Helper()
	vals, err := a.Unpack(method, ret)
	if err != nil {
		t.Fatalf("unpack %s(%x): %v", method, ret, err)
	}
	return vals
}

// wantRevert checks a revert with the named custom error and arguments.
func wantRevert(t testing.TB, r result, a abi.ABI, name string, args ...any) {
	t.Helper()
	if !errors.Is(r.err, vm.ErrExecutionReverted) {
		t.Fatalf("want revert %s, got err %v (return %x)", name, r.err, r.ret)
	}
	e := a.Errors[name]
	want, err := e.Inputs.Pack(args...)
	if err != nil {
		t.Fatalf("pack error %s: %v", name, err)
	}
	want = append(common.CopyBytes(e.ID[:4]), want...)
	if string(r.ret) != string(want) {
		got := "?"
		if len(r.ret) >= 4 {
			for n, e := range a.Errors {
				if string(e.ID[:4]) == string(r.ret[:4]) {
					got = n
				}
			}
		}
		t.Fatalf("want revert %s %x, got %s %x", name, want, got, r.ret)
	}
	if r.used >= callGas {
		t.Fatalf("revert %s burned all gas", name)
	}
}

// root is the state root, to show that a failed call changed nothing.
func (c *chain) root() common.Hash { return c.st.IntermediateRoot(true) }

// registerModel registers a model from owner and returns its id.
func (c *chain) registerModel(owner common.Address, name string, hash byte, price uint64) uint64 {
	c.t.Helper()
	r := c.mustCall(owner, ModelRegistryAddress, 0, pack(c.t, regABI, "registerModel", name, h(hash), "ipfs://weights/"+name))
	id := unpack(c.t, regABI, "registerModel", r.ret)[0].(*big.Int).Uint64()
	if price > 0 {
		c.mustCall(owner, ModelRegistryAddress, 0, pack(c.t, regABI, "setModelPrice", new(big.Int).SetUint64(id), new(big.Int).SetUint64(price)))
	}
	return id
}

func (c *chain) registerAdapter(owner common.Address, model uint64, hash byte, price uint64) uint64 {
	c.t.Helper()
	r := c.mustCall(owner, ModelRegistryAddress, 0, pack(c.t, regABI, "registerAdapter", new(big.Int).SetUint64(model), h(hash), "ipfs://adapter", h(0xda)))
	id := unpack(c.t, regABI, "registerAdapter", r.ret)[0].(*big.Int).Uint64()
	if price > 0 {
		c.mustCall(owner, ModelRegistryAddress, 0, pack(c.t, regABI, "setAdapterPrice", new(big.Int).SetUint64(id), new(big.Int).SetUint64(price)))
	}
	return id
}

func h(b byte) [32]byte {
	var x [32]byte
	x[0], x[31] = b, b
	return x
}

func bigs(vs ...uint64) []*big.Int {
	out := make([]*big.Int, len(vs))
	for i, v := range vs {
		out[i] = new(big.Int).SetUint64(v)
	}
	return out
}

func claimableOf(c *chain, a common.Address) uint64 { return ReadClaimable(c.st, a).Uint64() }

// proxyCode is hand-assembled bytecode that forwards its calldata (and, for
// CALL and CALLCODE, its callvalue) to target with op and bubbles up the
// result: return data on success, revert data on failure.
func proxyCode(op vm.OpCode, target common.Address) []byte {
	code := []byte{
		byte(vm.CALLDATASIZE), byte(vm.PUSH1), 0, byte(vm.PUSH1), 0, byte(vm.CALLDATACOPY),
		byte(vm.PUSH1), 0, byte(vm.PUSH1), 0, // retSize, retOffset
		byte(vm.CALLDATASIZE), byte(vm.PUSH1), 0, // argsSize, argsOffset
	}
	if op == vm.CALL || op == vm.CALLCODE {
		code = append(code, byte(vm.CALLVALUE))
	}
	code = append(code, byte(vm.PUSH20))
	code = append(code, target.Bytes()...)
	code = append(code, byte(vm.GAS), byte(op),
		byte(vm.RETURNDATASIZE), byte(vm.PUSH1), 0, byte(vm.PUSH1), 0, byte(vm.RETURNDATACOPY))
	dest := byte(len(code) + 3 + 4) // PUSH1 dest, JUMPI; RETURNDATASIZE, PUSH1 0, REVERT
	code = append(code, byte(vm.PUSH1), dest, byte(vm.JUMPI),
		byte(vm.RETURNDATASIZE), byte(vm.PUSH1), 0, byte(vm.REVERT),
		byte(vm.JUMPDEST), byte(vm.RETURNDATASIZE), byte(vm.PUSH1), 0, byte(vm.RETURN))
	return code
}

// deploy puts code at a fresh address.
func (c *chain) deploy(addr common.Address, code []byte) common.Address {
	c.st.SetNonce(addr, 1, tracing.NonceChangeGenesis)
	c.st.SetCode(addr, code, tracing.CodeChangeGenesis)
	c.st.Finalise(true)
	return addr
}
