package precompiles

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

// Gas schedule. Storage is always charged at EIP-2929 cold prices (no
// warm discount, no refunds): simple, deterministic and never below what the
// same work costs in EVM bytecode.
const (
	// GasCallBase is charged on entry, before anything is decoded: the
	// fixed cost of dispatch, snapshot and revert encoding.
	GasCallBase uint64 = 700
	// GasPerInputWord is charged per 32-byte word of input (rounded up), for
	// ABI decoding and the canonical-encoding check. Decoding is the most
	// CPU-heavy work per gas here; BenchmarkNsPerGas sized this so the worst
	// decode-bound call costs no more time per gas than EVM arithmetic.
	GasPerInputWord uint64 = 256
	// GasSload is charged per storage slot read.
	GasSload = params.ColdSloadCostEIP2929
	// GasSstoreSet, GasSstoreReset and GasSstoreNoop are added to GasSload
	// for a write from zero to non-zero, a change of a non-zero slot and a
	// write of the current value: EIP-2929 cold SSTORE costs.
	GasSstoreSet   = params.SstoreSetGasEIP2200
	GasSstoreReset = params.SstoreResetGasEIP2200 - params.ColdSloadCostEIP2929
	GasSstoreNoop  = params.WarmStorageReadCostEIP2929
	// GasAccountSetup is charged once when a write finds the precompile's
	// account without its nonce or code (a chain whose genesis lacks it).
	GasAccountSetup = params.CallNewAccountGas
	// GasValueTransfer is charged for moving ether out of the precompile.
	GasValueTransfer = params.CallValueTransferGas
	// MaxInputSize bounds the calldata a precompile decodes; it fits the
	// largest valid call (payForCall with 64 contributors, 4,292 bytes).
	// Inference's receipt transactions have their own, larger bound
	// (MaxInferenceInputSize).
	MaxInputSize = 8192
)

// contract is one stateful precompile: an address, its Solidity ABI and a
// handler per selector.
type contract struct {
	name     string
	address  common.Address
	abi      abi.ABI
	methods  map[[4]byte]*method
	maxInput int // calldata bound, selector included
}

type method struct {
	abi     abi.Method
	payable bool
	write   bool // changes state: refused inside STATICCALL
	run     func(c *call, args []any) ([]byte, error)
}

// handler is how a contract declares one of its ABI methods.
type handler struct {
	payable bool
	write   bool
	run     func(c *call, args []any) ([]byte, error)
}

func newContract(name string, addr common.Address, a abi.ABI, handlers map[string]handler) *contract {
	c := &contract{name: name, address: addr, abi: a, methods: make(map[[4]byte]*method), maxInput: MaxInputSize}
	for n, m := range a.Methods {
		h, ok := handlers[n]
		if !ok {
			panic(fmt.Sprintf("precompiles: %s: no handler for %s", name, m.Sig))
		}
		view := m.StateMutability == "view" || m.StateMutability == "pure"
		if h.write == view || h.payable != m.IsPayable() {
			panic(fmt.Sprintf("precompiles: %s: handler for %s disagrees with its ABI mutability %q", name, m.Sig, m.StateMutability))
		}
		c.methods[[4]byte(m.ID)] = &method{abi: m, payable: h.payable, write: h.write, run: h.run}
	}
	if len(handlers) != len(a.Methods) {
		panic(fmt.Sprintf("precompiles: %s: %d handlers for %d ABI methods", name, len(handlers), len(a.Methods)))
	}
	return c
}

// Name implements vm.PrecompiledContract.
func (c *contract) Name() string { return c.name }

// RequiredGas implements vm.PrecompiledContract. The EVM calls RunStateful,
// which meters gas itself; this is the entry charge alone.
func (c *contract) RequiredGas(input []byte) uint64 { return inputGas(input) }

// errNeedsContext is returned by Run: without the EVM there is no state.
var errNeedsContext = errors.New("precompiles: stateful precompile called without EVM context")

// Run implements vm.PrecompiledContract; the patched EVM never calls it.
func (c *contract) Run([]byte) ([]byte, error) { return nil, errNeedsContext }

func inputGas(input []byte) uint64 {
	return GasCallBase + GasPerInputWord*((uint64(len(input))+31)/32)
}

// RunStateful implements vm.StatefulPrecompiledContract. Business errors
// revert with ABI-encoded custom errors and return the unused gas; running
// out of gas burns it all like in the EVM.
func (c *contract) RunStateful(env *vm.PrecompileEnv, input []byte, suppliedGas uint64) (ret []byte, remainingGas uint64, err error) {
	cl := &call{contract: c, env: env, db: env.EVM.StateDB, gas: suppliedGas, input: input}
	defer func() {
		// Last line of defence: a bug must cost the caller its gas, not
		// crash the node. The EVM reverts the frame's state changes.
		if r := recover(); r != nil {
			log.Error("Precompile panicked", "precompile", c.name, "panic", r)
			ret, remainingGas, err = nil, 0, vm.ErrExecutionReverted
		}
	}()
	out, err := c.dispatch(cl, input)
	var rev *revertError
	switch {
	case err == nil:
		return out, cl.gas, nil
	case errors.As(err, &rev):
		return rev.data, cl.gas, vm.ErrExecutionReverted
	case errors.Is(err, vm.ErrOutOfGas):
		return nil, 0, vm.ErrOutOfGas
	default:
		log.Error("Precompile failed", "precompile", c.name, "err", err)
		return nil, 0, vm.ErrExecutionReverted
	}
}

func (c *contract) dispatch(cl *call, input []byte) ([]byte, error) {
	if err := cl.useGas(inputGas(input)); err != nil {
		return nil, err
	}
	// Running in the caller's storage context would break every invariant.
	if cl.env.Kind == vm.CallKindDelegateCall || cl.env.Kind == vm.CallKindCallCode {
		return nil, c.fail("DelegateCallNotAllowed")
	}
	if len(input) < 4 || len(input) > c.maxInput {
		return nil, c.fail("InvalidInput")
	}
	sel := [4]byte(input[:4])
	m := c.methods[sel]
	if m == nil {
		return nil, c.fail("UnknownSelector", sel)
	}
	if !m.payable && cl.env.Value != nil && !cl.env.Value.IsZero() {
		return nil, c.fail("NonPayable")
	}
	if m.write && cl.env.ReadOnly {
		return nil, c.fail("WriteProtection")
	}
	args, err := m.abi.Inputs.Unpack(input[4:])
	if err != nil {
		return nil, c.fail("InvalidInput")
	}
	// Accept only the canonical encoding (what solc, viem and cast emit):
	// no trailing bytes, dirty high bits or aliased offsets.
	canon, err := m.abi.Inputs.Pack(args...)
	if err != nil || !bytes.Equal(canon, input[4:]) {
		return nil, c.fail("InvalidInput")
	}
	return m.run(cl, args)
}

// revertError carries ABI-encoded custom-error data to return with REVERT.
type revertError struct {
	name string
	data []byte
}

func (e *revertError) Error() string { return "precompile reverted: " + e.name }

// fail returns the named custom error of c's ABI, encoded with args.
func (c *contract) fail(name string, args ...any) error {
	e, ok := c.abi.Errors[name]
	if !ok {
		return fmt.Errorf("precompiles: %s: no error %q in ABI", c.name, name)
	}
	enc, err := e.Inputs.Pack(args...)
	if err != nil {
		return fmt.Errorf("precompiles: %s: encode error %s: %w", c.name, name, err)
	}
	return &revertError{name: name, data: append(common.CopyBytes(e.ID[:4]), enc...)}
}

// returns ABI-encodes the outputs of a method.
func (c *contract) returns(method string, vals ...any) ([]byte, error) {
	out, err := c.abi.Methods[method].Outputs.Pack(vals...)
	if err != nil {
		return nil, fmt.Errorf("precompiles: %s: encode %s result: %w", c.name, method, err)
	}
	return out, nil
}

// call is the state of one precompile invocation: the gas left and the
// metered accessors to state. Every change goes through the StateDB and so
// through its journal; the EVM reverts it on any error.
type call struct {
	contract *contract
	env      *vm.PrecompileEnv
	db       vm.StateDB
	gas      uint64
	input    []byte           // the calldata, selector included (canonical once dispatched)
	ready    []common.Address // accounts checked to be non-empty
}

func (cl *call) useGas(n uint64) error {
	if cl.gas < n {
		cl.gas = 0
		return vm.ErrOutOfGas
	}
	cl.gas -= n
	return nil
}

// load reads a storage slot of any precompile, at the cold SLOAD price.
func (cl *call) load(addr common.Address, slot common.Hash) (common.Hash, error) {
	if err := cl.useGas(GasSload); err != nil {
		return common.Hash{}, err
	}
	return cl.db.GetState(addr, slot), nil
}

// store writes a slot of the running precompile's own storage.
func (cl *call) store(slot, val common.Hash) error {
	return cl.storeAt(cl.contract.address, slot, val)
}

// storeAt writes a slot of a paichain precompile's storage (Inference
// settles payments in Attribution's ledger without an external call).
func (cl *call) storeAt(addr common.Address, slot, val common.Hash) error {
	if cl.env.ReadOnly {
		return cl.contract.fail("WriteProtection")
	}
	cost := GasSload
	switch cur := cl.db.GetState(addr, slot); {
	case cur == val:
		cost += GasSstoreNoop
	case cur == (common.Hash{}):
		cost += GasSstoreSet
	default:
		cost += GasSstoreReset
	}
	if err := cl.useGas(cost); err != nil {
		return err
	}
	if err := cl.ensureAccount(addr); err != nil {
		return err
	}
	cl.db.SetState(addr, slot, val)
	return nil
}

// ensureAccount gives a precompile's account nonce 1 and code 0xfe if it
// lacks them, as GenesisAlloc does: an empty account would have its storage
// wiped at the end of the transaction (EIP-158).
func (cl *call) ensureAccount(addr common.Address) error {
	if slices.Contains(cl.ready, addr) {
		return nil
	}
	needNonce, needCode := cl.db.GetNonce(addr) == 0, cl.db.GetCodeSize(addr) == 0
	if needNonce || needCode {
		if err := cl.useGas(GasAccountSetup); err != nil {
			return err
		}
		if needNonce {
			cl.db.SetNonce(addr, accountNonce, tracing.NonceChangeUnspecified)
		}
		if needCode {
			cl.db.SetCode(addr, common.CopyBytes(accountCode), tracing.CodeChangeUnspecified)
		}
	}
	cl.ready = append(cl.ready, addr)
	return nil
}

// emit logs the named event of the running precompile's ABI. Indexed
// arguments become topics; the rest is ABI-encoded as data.
func (cl *call) emit(name string, args ...any) error {
	return cl.emitAt(cl.contract.address, cl.contract.abi, name, args...)
}

// emitAt logs an event of ABI a as if emitted by the precompile at addr
// (Inference's payments log Attribution's Paid and Credited there).
func (cl *call) emitAt(addr common.Address, a abi.ABI, name string, args ...any) error {
	if cl.env.ReadOnly {
		return cl.contract.fail("WriteProtection")
	}
	ev, ok := a.Events[name]
	if !ok || len(args) != len(ev.Inputs) {
		return fmt.Errorf("precompiles: %s: bad event %s", cl.contract.name, name)
	}
	topics := []common.Hash{ev.ID}
	var data []any
	for i, in := range ev.Inputs {
		if !in.Indexed {
			data = append(data, args[i])
			continue
		}
		t, err := topic(args[i])
		if err != nil {
			return fmt.Errorf("precompiles: %s: event %s: %w", cl.contract.name, name, err)
		}
		topics = append(topics, t)
	}
	enc, err := ev.Inputs.NonIndexed().Pack(data...)
	if err != nil {
		return fmt.Errorf("precompiles: %s: encode event %s: %w", cl.contract.name, name, err)
	}
	if err := cl.useGas(params.LogGas + params.LogTopicGas*uint64(len(topics)) + params.LogDataGas*uint64(len(enc))); err != nil {
		return err
	}
	cl.db.AddLog(&types.Log{
		Address:     addr,
		Topics:      topics,
		Data:        enc,
		BlockNumber: cl.env.EVM.Context.BlockNumber.Uint64(),
	})
	return nil
}

// topic encodes an indexed event argument of a static type.
func topic(v any) (common.Hash, error) {
	switch v := v.(type) {
	case common.Address:
		return common.BytesToHash(v.Bytes()), nil
	case *big.Int:
		return common.BigToHash(v), nil
	case [32]byte:
		return v, nil
	default:
		return common.Hash{}, fmt.Errorf("unsupported indexed type %T", v)
	}
}

// Conversions between ABI values (math/big) and words.

func u256(b *big.Int) *uint256.Int {
	v, _ := uint256.FromBig(b) // ABI-decoded uint256 values always fit
	return v
}

func word(v *uint256.Int) common.Hash       { return v.Bytes32() }
func wordOf(h common.Hash) *uint256.Int     { return new(uint256.Int).SetBytes32(h[:]) }
func addrWord(a common.Address) common.Hash { return common.BytesToHash(a.Bytes()) }
func wordAddr(h common.Hash) common.Address { return common.BytesToAddress(h[12:]) }
