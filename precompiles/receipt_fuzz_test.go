package precompiles

import (
	"bytes"
	"encoding/binary"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
)

// FuzzDecodeRevert: DecodeRevert reads revert data of any contract (patch
// 0002 registers it with abi.UnpackRevert, so every eth_call error and
// trace goes through it). It never panics, and it names only the exact
// canonical encoding of a declared error.
func FuzzDecodeRevert(f *testing.F) {
	for _, seed := range [][]byte{
		{},
		{0x01, 0x02, 0x03},
		mustPackError(f, infABI, "InferenceRequired", [32]byte{1}, big.NewInt(1), alice, uint64(3), uint32(0)),
		mustPackError(f, regABI, "UnknownModel", big.NewInt(99)),
		mustPackError(f, infABI, "TooLong", big.NewInt(5), big.NewInt(4)),
		mustPackError(f, infABI, "UnknownSelector", [4]byte{1, 2, 3, 4}),
		append(common.FromHex("0x08c379a0"), make([]byte, 64)...), // Error(string), not ours
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		name, ok := DecodeRevert(data)
		if !ok {
			if name != "" {
				t.Fatalf("no match but name %q", name)
			}
			return
		}
		for _, c := range registered {
			for _, e := range c.abi.Errors {
				if !bytes.Equal(e.ID[:4], data[:4]) || !strings.HasPrefix(name, e.Name+"(") || !strings.HasSuffix(name, ")") {
					continue
				}
				vals, err := e.Inputs.Unpack(data[4:])
				if err != nil {
					t.Fatalf("named %q but arguments do not decode: %v", name, err)
				}
				if canon, err := e.Inputs.Pack(vals...); err != nil || !bytes.Equal(canon, data[4:]) {
					t.Fatalf("named %q for a non-canonical encoding", name)
				}
				return
			}
		}
		t.Fatalf("named %q for selector %x, which no precompile declares", name, data[:4])
	})
}

func mustPackError(t testing.TB, a abi.ABI, name string, args ...any) []byte {
	t.Helper()
	e, ok := a.Errors[name]
	if !ok {
		t.Fatalf("no error %s", name)
	}
	enc, err := e.Inputs.Pack(args...)
	if err != nil {
		t.Fatal(err)
	}
	return append(common.CopyBytes(e.ID[:4]), enc...)
}

// FuzzFulfillStorage: a receipt's output, attribution and adapters go
// through fulfil's calldata decoding, the record's packing into storage
// (header fields, left-aligned output words, address|weight words) and
// back, through ReadReceipt, getReceipt and infer. Whatever the output
// bytes (trailing zeros, partial words, any length up to the bound) and
// however many contributors and weights, every reader returns exactly what
// the receipt carried, and consumption clears the record to its tombstone.
func FuzzFulfillStorage(f *testing.F) {
	f.Add([]byte("the cat sat on the mat"), uint8(2), uint64(1), true)
	f.Add([]byte{}, uint8(0), uint64(0), false)
	f.Add(make([]byte, 33), uint8(64), uint64(7), true)
	f.Add(bytes.Repeat([]byte{0xff}, MaxInferenceOutput), uint8(1), uint64(9), false)
	base := inferenceChain(f)
	base.root()
	f.Fuzz(func(t *testing.T, output []byte, nContrib uint8, seed uint64, withAdapter bool) {
		if len(output) > MaxInferenceOutput {
			output = output[:MaxInferenceOutput]
		}
		st := base.st.Copy()
		c := &chain{t: t, st: st, evm: newEVM(st, params.OptimismTestConfig)}
		req := defaultRequest()
		if !withAdapter {
			req.AdapterIDs, req.AdapterWeights = nil, nil
		}
		contribs, weights := fuzzContributors(int(nContrib)%(MaxContributors+1), seed)
		nonce := c.st.GetNonce(payer)
		id := expectedID(t, payer, nonce, 0, req)
		ful := receiptFor(t, id, req, string(output), tokens(3), contribs, weights)

		// The calldata decodes to the same fulfilment.
		in := mustCalldata(t, ful)
		dec, err := DecodeFulfill(in)
		if err != nil || !bytes.Equal(dec.Output, output) || len(dec.Contributors) != len(contribs) {
			t.Fatalf("DecodeFulfill: %v", err)
		}
		c.newTx()
		if r, _ := c.tx(seq, InferenceAddress, 0, in); r.err != nil {
			t.Fatalf("fulfil: %v %x", r.err, r.ret)
		}
		wantID, _ := ReceiptID(ful.Receipt)
		check := func(got InferenceReceipt, where string) {
			t.Helper()
			if got.Status != StatusFulfilled || got.ReceiptId != wantID || !bytes.Equal(got.Output, output) ||
				got.ModelId.Cmp(req.ModelID) != 0 || len(got.AdapterIds) != len(req.AdapterIDs) ||
				len(got.Contributors) != len(contribs) || len(got.Weights) != len(weights) {
				t.Fatalf("%s: %+v", where, got)
			}
			for i := range contribs {
				if got.Contributors[i] != contribs[i] || got.Weights[i].Cmp(weights[i]) != 0 {
					t.Fatalf("%s: contributor %d = %s/%v, want %s/%v", where, i, got.Contributors[i], got.Weights[i], contribs[i], weights[i])
				}
			}
			for i, a := range req.AdapterIDs {
				if got.AdapterIds[i].Cmp(a) != 0 {
					t.Fatalf("%s: adapter %d = %v", where, i, got.AdapterIds[i])
				}
			}
		}
		check(ReadReceipt(c.st, id), "ReadReceipt")
		view := c.static(alice, InferenceAddress, pack(t, infABI, "getReceipt", [32]byte(id)))
		if view.err != nil {
			t.Fatal(view.err)
		}
		check(*abiConvert[InferenceReceipt](unpack(t, infABI, "getReceipt", view.ret)[0]), "getReceipt")

		c.newTx()
		r, _ := c.tx(payer, InferenceAddress, 1500, mustCalldata(t, req))
		if r.err != nil {
			t.Fatalf("infer: %v %x", r.err, r.ret)
		}
		vals := unpack(t, infABI, "infer", r.ret)
		if !bytes.Equal(vals[0].([]byte), output) || common.Hash(vals[1].([32]byte)) != wantID {
			t.Fatalf("infer returned %x %x", vals[0], vals[1])
		}
		if got := ReadReceipt(c.st, id); got.Status != StatusConsumed || len(got.Output) != 0 || len(got.Contributors) != 0 {
			t.Fatalf("after infer: %+v", got)
		}
	})
}

// fuzzContributors derives n distinct, claimable addresses and non-zero
// weights below 2^96 from seed.
func fuzzContributors(n int, seed uint64) ([]common.Address, []*big.Int) {
	addrs, weights := make([]common.Address, n), make([]*big.Int, n)
	var s [8]byte
	binary.BigEndian.PutUint64(s[:], seed)
	for i := range addrs {
		h := crypto.Keccak256(s[:], []byte{byte(i)})
		addrs[i] = common.BytesToAddress(h[12:])
		weights[i] = new(big.Int).Rsh(new(big.Int).SetBytes(h[:12]), uint(seed%97)) // < 2^96
		if weights[i].Sign() == 0 {
			weights[i].SetInt64(1)
		}
	}
	return addrs, weights
}
