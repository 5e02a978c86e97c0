package precompiles

import (
	"fmt"
	"math/big"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
)

// Benchmarks report gas/op and ns/gas next to ns/op. Every iteration runs
// on the same state: the call's changes are reverted, so each iteration sees
// fresh storage slots, the most expensive case. ns/op includes that revert;
// ns/gas is wall time of the call alone; cpu-ns/gas is the thread's CPU time
// over the loop (revert included), which load on the machine does not
// inflate; it advances at scheduler ticks, so it is reported only for runs
// long enough to span some (the default -benchtime 1s is).

// benchCall measures one call repeatedly; wantErr says it must fail.
func benchCall(b *testing.B, c *chain, from, to common.Address, value uint64, input []byte, wantErr bool) {
	b.Helper()
	var gas uint64
	var elapsed, cpu time.Duration
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, _ := threadCPU()
	for i := 0; i < b.N; i++ {
		snap := c.st.Snapshot()
		start := time.Now()
		_, left, err := c.evm.Call(from, to, input, callGas, uint256.NewInt(value))
		elapsed += time.Since(start)
		if (err != nil) != wantErr {
			b.Fatalf("call: err %v, want error %v", err, wantErr)
		}
		gas = callGas - left
		c.st.RevertToSnapshot(snap) // timed in ns/op, not in ns/gas
	}
	if cpu1, ok := threadCPU(); ok {
		cpu = cpu1 - cpu0 // includes the (cheap) snapshot reverts
	}
	b.ReportMetric(float64(gas), "gas/op")
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(b.N)/float64(gas), "ns/gas")
	if cpu > 0 {
		// Thread CPU time: robust against other load on the machine.
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(gas), "cpu-ns/gas")
	}
}

func contributors(n int) ([]common.Address, []*big.Int) {
	addrs := make([]common.Address, n)
	weights := make([]*big.Int, n)
	for i := range addrs {
		addrs[i] = common.BigToAddress(big.NewInt(int64(0xc0de0000 + i)))
		weights[i] = big.NewInt(int64(i + 1))
	}
	return addrs, weights
}

func BenchmarkRegisterModel(b *testing.B) {
	c := defaultChain(b)
	in := pack(b, regABI, "registerModel", strings.Repeat("n", MaxNameLength), h(1), strings.Repeat("u", MaxURILength))
	benchCall(b, c, alice, ModelRegistryAddress, 0, in, false)
}

func BenchmarkPayForCall(b *testing.B) {
	for _, n := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("contributors=%d", n), func(b *testing.B) {
			c := defaultChain(b)
			model := c.registerModel(alice, "m", 1, 1000)
			adapter := c.registerAdapter(bob, model, 2, 500)
			addrs, weights := contributors(n)
			in := pack(b, attrABI, "payForCall", new(big.Int).SetUint64(model), new(big.Int).SetUint64(adapter), addrs, weights)
			benchCall(b, c, payer, AttributionAddress, 1e15, in, false)
		})
	}
}

// inferenceBench is a chain with a model and an adapter, the request a
// payer sends as the first infer call of a transaction with its next nonce,
// and the receipt for it: 64 output tokens, 256 bytes of text, n
// contributors.
func inferenceBench(b *testing.B, n int) (*chain, InferRequest, Fulfillment) {
	c := inferenceChain(b)
	req := defaultRequest()
	id := RequestID(chainID(), payer, c.st.GetNonce(payer), 0, mustCalldata(b, req)[4:])
	addrs, weights := contributors(n)
	f := receiptFor(b, id, req, strings.Repeat("word ", 51)+"e", tokens(64), addrs, weights)
	return c, req, f
}

// txDataGas is the intrinsic calldata gas of a transaction carrying in
// (EIP-2028: 16 per non-zero byte, 4 per zero byte).
func txDataGas(in []byte) uint64 {
	var g uint64
	for _, x := range in {
		if x == 0 {
			g += 4
		} else {
			g += 16
		}
	}
	return g
}

// BenchmarkInferenceFulfill is the receipt transaction: gas of the call and
// size of its calldata.
func BenchmarkInferenceFulfill(b *testing.B) {
	for _, n := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("contributors=%d", n), func(b *testing.B) {
			c, _, f := inferenceBench(b, n)
			in := mustCalldata(b, f)
			benchCall(b, c, seq, InferenceAddress, 0, in, false)
			b.ReportMetric(float64(len(in)), "calldata-bytes")
			b.ReportMetric(float64(txDataGas(in)), "calldata-gas")
		})
	}
}

// BenchmarkInferenceInfer is the user's call consuming the receipt: read,
// clear, settle through Attribution.
func BenchmarkInferenceInfer(b *testing.B) {
	for _, n := range []int{1, 16, 64} {
		b.Run(fmt.Sprintf("contributors=%d", n), func(b *testing.B) {
			c, req, f := inferenceBench(b, n)
			c.mustCall(seq, InferenceAddress, 0, mustCalldata(b, f))
			c.st.SetNonce(payer, c.st.GetNonce(payer)+1, tracing.NonceChangeEoACall)
			c.evm.TxContext = vm.TxContext{Origin: payer, GasPrice: new(uint256.Int)}
			in := mustCalldata(b, req)
			benchCall(b, c, payer, InferenceAddress, 1500, in, false)
			b.ReportMetric(float64(len(in)), "calldata-bytes")
			b.ReportMetric(float64(txDataGas(in)), "calldata-gas")
		})
	}
}

func BenchmarkClaim(b *testing.B) {
	c := defaultChain(b)
	c.st.SetState(AttributionAddress, claimableSlot(carol), word(uint256.NewInt(1e15)))
	c.st.AddBalance(AttributionAddress, uint256.NewInt(1e15), tracing.BalanceChangeUnspecified)
	c.st.Finalise(true)
	benchCall(b, c, carol, AttributionAddress, 0, pack(b, attrABI, "claim"), false)
}

// BenchmarkNsPerGas compares the time per unit of gas of the most
// CPU-intensive precompile calls with EVM bytecode run in the same binary:
// a contract doing SSTOREs to fresh slots and an arithmetic loop.
func BenchmarkNsPerGas(b *testing.B) {
	pay64 := func(c *chain) []byte {
		model := c.registerModel(alice, "m", 1, 1000)
		adapter := c.registerAdapter(bob, model, 2, 500)
		addrs, weights := contributors(64)
		return pack(b, attrABI, "payForCall", new(big.Int).SetUint64(model), new(big.Int).SetUint64(adapter), addrs, weights)
	}
	cases := []struct {
		name    string
		to      func(c *chain) common.Address
		input   func(c *chain) []byte
		value   uint64
		wantErr bool
	}{
		{"precompile/payForCall-64", attrAddr, pay64, 1e15, false},
		{"precompile/payForCall-124-rejected", attrAddr, func(c *chain) []byte {
			// The largest input that decodes: 124 contributors, refused
			// after decoding (TooManyContributors) with no storage access.
			addrs, weights := contributors(124)
			return pack(b, attrABI, "payForCall", big.NewInt(1), big.NewInt(0), addrs, weights)
		}, 0, true},
		{"precompile/payForCall-64-bad-contributor", attrAddr, func(c *chain) []byte {
			addrs, weights := contributors(64)
			addrs[63] = common.Address{}
			return pack(b, attrABI, "payForCall", big.NewInt(1), big.NewInt(0), addrs, weights)
		}, 0, true},
		{"precompile/fulfill-max-rejected", infAddr, func(c *chain) []byte {
			// The largest receipt transaction (16 KiB text, 4096 token ids,
			// 64 contributors), from a non-signer: decoded, then refused.
			req := defaultRequest()
			addrs, weights := contributors(64)
			f := receiptFor(b, h(1), req, strings.Repeat("x", MaxInferenceOutput), tokens(MaxOutputTokenIDs), addrs, weights)
			return mustCalldata(b, f)
		}, 0, true},
		{"precompile/fulfill-stop-strings-rejected", infAddr, func(c *chain) []byte {
			// Many small dynamic elements (400 one-byte stop strings) are
			// the most decode work per input word; from a non-signer.
			f := receiptFor(b, h(1), defaultRequest(), "o", tokens(1), nil, nil)
			f.Receipt.Sampler.Stop = strings.Split(strings.Repeat("s", 400), "")
			return mustCalldata(b, f)
		}, 0, true},
		{"precompile/registerModel-max", regAddr, func(c *chain) []byte {
			return pack(b, regABI, "registerModel", strings.Repeat("n", MaxNameLength), h(1), strings.Repeat("u", MaxURILength))
		}, 0, false},
		{"precompile/getModel-max", regAddr, func(c *chain) []byte {
			c.mustCall(alice, ModelRegistryAddress, 0, pack(b, regABI, "registerModel", strings.Repeat("n", MaxNameLength), h(1), strings.Repeat("u", MaxURILength)))
			return pack(b, regABI, "getModel", big.NewInt(1))
		}, 0, false},
		{"precompile/garbage-8192", regAddr, func(c *chain) []byte {
			in := make([]byte, MaxInputSize)
			copy(in, regABI.Methods["registerModel"].ID)
			for i := 4; i < len(in); i++ {
				in[i] = byte(i)
			}
			return in
		}, 0, true},
		{"precompile/modelCount", regAddr, func(c *chain) []byte {
			return pack(b, regABI, "modelCount")
		}, 0, false},
		{"precompile/unknown-selector", regAddr, func(c *chain) []byte {
			return []byte{0xde, 0xad, 0xbe, 0xef}
		}, 0, true},
		{"evm/sstore-fresh-x200", func(c *chain) common.Address {
			return c.deploy(common.HexToAddress("0x5570"), sstoreCode(200))
		}, noInput, 0, false},
		{"evm/arith-loop", func(c *chain) common.Address {
			return c.deploy(common.HexToAddress("0xa217"), loopCode(20000))
		}, noInput, 0, false},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			c := defaultChain(b)
			to := tc.to(c)
			benchCall(b, c, payer, to, tc.value, tc.input(c), tc.wantErr)
		})
	}
}

func attrAddr(*chain) common.Address { return AttributionAddress }
func regAddr(*chain) common.Address  { return ModelRegistryAddress }
func infAddr(*chain) common.Address  { return InferenceAddress }
func noInput(*chain) []byte          { return nil }

// sstoreCode stores 1 into slots 1..n, straight-line: PUSH1 1 PUSH2 i SSTORE.
func sstoreCode(n int) []byte {
	var code []byte
	for i := 1; i <= n; i++ {
		code = append(code, byte(vm.PUSH1), 1, byte(vm.PUSH2), byte(i>>8), byte(i), byte(vm.SSTORE))
	}
	return append(code, byte(vm.STOP))
}

// loopCode counts n down to zero: 26 gas of stack arithmetic and a jump
// per iteration.
func loopCode(n int) []byte {
	return []byte{
		byte(vm.PUSH3), byte(n >> 16), byte(n >> 8), byte(n), // counter
		byte(vm.JUMPDEST), // pc 4
		byte(vm.PUSH1), 1, byte(vm.SWAP1), byte(vm.SUB),
		byte(vm.DUP1), byte(vm.PUSH1), 4, byte(vm.JUMPI),
		byte(vm.STOP),
	}
}
