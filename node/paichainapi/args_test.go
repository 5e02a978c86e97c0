package paichainapi

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	gparams "github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/precompiles"
)

func TestParseID(t *testing.T) {
	max := "115792089237316195423570985008687907853269984665640564039457584007913129639935"
	for _, tc := range []struct {
		in   string
		want string // decimal; "" = error
	}{
		{`1`, "1"}, {`"1"`, "1"}, {`"0x1"`, "1"}, {`"0X1F"`, "31"}, {`0`, "0"}, {`"007"`, "7"}, {`"0x0001"`, "1"},
		{max, max}, {`"0x` + strings.Repeat("f", 64) + `"`, max},
		{`-1`, ""}, {`"-1"`, ""}, {`1.5`, ""}, {`1e3`, ""}, {`"1e3"`, ""}, {`"0x"`, ""}, {`"0xg"`, ""}, {`""`, ""},
		{`null`, ""}, {`true`, ""}, {`"one"`, ""}, {`" 1"`, ""}, {`"+1"`, ""}, {`0x1`, ""}, {`{}`, ""}, {`[1]`, ""},
		{`"0x1` + strings.Repeat("0", 64) + `"`, ""}, {max[:77] + "6", ""}, {strings.Repeat("9", 81), ""},
	} {
		var id ID
		err := json.Unmarshal([]byte(tc.in), &id)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%s: accepted as %v", tc.in, id.Int())
		case tc.want != "" && (err != nil || id.Int().String() != tc.want):
			t.Errorf("%s: %v, %v; want %s", tc.in, id.Int(), err, tc.want)
		}
	}
}

// FuzzParseID: the id argument parser never panics, accepts only values in
// [0, 2^256), and what it accepts means the same in every form.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{`1`, `"0x1f"`, `"42"`, `-1`, `1.5`, `"0x"`, `null`, `"` + strings.Repeat("9", 78) + `"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		v, err := parseID(in)
		if err != nil {
			return
		}
		if v.Sign() < 0 || v.Cmp(maxUint256) > 0 {
			t.Fatalf("%q accepted as %v", in, v)
		}
		for _, form := range []string{v.String(), `"` + v.String() + `"`, `"0x` + v.Text(16) + `"`} {
			w, err := parseID([]byte(form))
			if err != nil || w.Cmp(v) != 0 {
				t.Fatalf("%q = %v but %s = %v (%v)", in, v, form, w, err)
			}
		}
		var id ID // the RPC layer hands over valid JSON only
		if err := json.Unmarshal(in, &id); json.Valid(in) && (err != nil || id.Int().Cmp(v) != 0) {
			t.Fatalf("json.Unmarshal(%q) = %v, %v", in, id.Int(), err)
		}
		out, _ := json.Marshal(ID{v})
		var back ID
		if err := json.Unmarshal(out, &back); err != nil || back.Int().Cmp(v) != 0 {
			t.Fatalf("%s does not read back: %v", out, err)
		}
	})
}

// FuzzCallArgs: the estimator's own reading of eth_call arguments (the
// transaction object, block overrides and state overrides, all untrusted
// JSON) never panics, and anything it cannot represent is errUnsupported,
// which sends the call to geth's own path.
func FuzzCallArgs(f *testing.F) {
	f.Add([]byte(`{"from":"0x0000000000000000000000000000000000000001","to":"0x0000000000000000000000000000000000000a03","value":"0x10","input":"0x1234","gas":"0x5208","maxFeePerGas":"0x1","maxPriorityFeePerGas":"0x1"}`),
		[]byte(`{"number":"0x10","time":"0x5","baseFeePerGas":"0x0"}`),
		[]byte(`{"0x0000000000000000000000000000000000000001":{"balance":"0x1","nonce":"0x2","stateDiff":{"0x0000000000000000000000000000000000000000000000000000000000000001":"0x0000000000000000000000000000000000000000000000000000000000000002"}}}`))
	f.Add([]byte(`{"gasPrice":"0x1","maxFeePerGas":"0x1"}`), []byte(`{"withdrawals":[]}`), []byte(`{"0x0000000000000000000000000000000000000a03":{"code":"0x00"}}`))
	f.Add([]byte(`null`), []byte(`null`), []byte(`{"0x0000000000000000000000000000000000000001":{"state":{},"stateDiff":{}}}`))
	precompileSet := vm.ActivePrecompiledContracts(gparams.AllDevChainProtocolChanges.Rules(big.NewInt(0), true, 0))
	f.Fuzz(func(t *testing.T, call, block, overrides []byte) {
		var c CallArgs
		if err := json.Unmarshal(call, &c); err == nil {
			if args, err := c.parse(); err == nil {
				if _, err := args.message(50_000_000, big.NewInt(7), big.NewInt(1337)); err != nil && err != errUnsupported {
					t.Fatalf("message: %v", err)
				}
			} else if err != errUnsupported {
				t.Fatalf("parse: %v", err)
			}
		}
		bo := BlockOverrides(block)
		h := &types.Header{Number: big.NewInt(5), Difficulty: new(big.Int), BaseFee: big.NewInt(7)}
		if got, err := bo.apply(h); err == nil {
			if got == h || h.Number.Int64() != 5 {
				t.Fatal("apply modified the header it was given")
			}
		} else if err != errUnsupported {
			t.Fatalf("block overrides: %v", err)
		}
		var so StateOverride
		if err := json.Unmarshal(overrides, &so); err == nil {
			st, _ := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
			if err := so.apply(st, precompileSet); err != nil && err != errUnsupported {
				t.Fatalf("state overrides: %v", err)
			}
		}
	})
}

func TestStateOverrideOnPrecompileIsGeths(t *testing.T) {
	st, _ := state.New(types.EmptyRootHash, state.NewDatabaseForTesting())
	set := vm.ActivePrecompiledContracts(gparams.AllDevChainProtocolChanges.Rules(big.NewInt(0), true, 0))
	so := StateOverride{precompiles.InferenceAddress: json.RawMessage(`{"stateDiff":{}}`)}
	if err := so.apply(st, set); err != errUnsupported {
		t.Fatalf("override of the Inference precompile: %v, want errUnsupported", err)
	}
	a := common.HexToAddress("0x1234")
	so = StateOverride{a: json.RawMessage(`{"balance":"0x5","nonce":"0x3","code":"0x60","stateDiff":{"0x0000000000000000000000000000000000000000000000000000000000000001":"0x0000000000000000000000000000000000000000000000000000000000000002"}}`)}
	if err := so.apply(st, set); err != nil {
		t.Fatal(err)
	}
	if st.GetBalance(a).Uint64() != 5 || st.GetNonce(a) != 3 || len(st.GetCode(a)) != 1 || st.GetState(a, common.HexToHash("0x01")) != common.HexToHash("0x02") {
		t.Fatal("overrides not applied")
	}
}

type first struct{}

func (first) EstimateGas() string { return "geth" }
func (first) ChainId() string     { return "kept" }

type second struct{}

func (second) EstimateGas() string { return "paichain" }

// TestLaterServiceReplacesMethod pins the go-ethereum rpc behaviour the
// eth_estimateGas override relies on (rpc/service.go registerName: a
// service registered later under a namespace replaces the callbacks of the
// same name and keeps the others).
func TestLaterServiceReplacesMethod(t *testing.T) {
	srv := rpc.NewServer()
	defer srv.Stop()
	for _, s := range []any{first{}, second{}} {
		if err := srv.RegisterName("eth", s); err != nil {
			t.Fatal(err)
		}
	}
	c := rpc.DialInProc(srv)
	defer c.Close()
	for method, want := range map[string]string{"eth_estimateGas": "paichain", "eth_chainId": "kept"} {
		var got string
		if err := c.Call(&got, method); err != nil || got != want {
			t.Fatalf("%s = %q, %v; want %q", method, got, err, want)
		}
	}
}

type nilSource struct{}

func (*nilSource) PendingInferences() []PendingInference { panic("called on a nil source") }

func TestTypedNilPendingSourceIsAReplica(t *testing.T) {
	var src *nilSource
	api := APIs(nil, src)[0].Service.(*API)
	if got := api.PendingInferences(); got == nil || len(got) != 0 {
		t.Fatalf("pending %v, want []", got)
	}
}
