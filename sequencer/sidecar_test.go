package sequencer

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/server"
	"github.com/paichain/paichain/precompiles"
)

func inferRequest(t *testing.T, prompt []byte, maxTokens uint32, weightsPPM ...int64) *request {
	t.Helper()
	in := precompiles.InferRequest{
		ModelID: big.NewInt(1), Prompt: prompt,
		Params: precompiles.InferenceParams{TemperatureMilli: 700, TopPMilli: 900, TopK: 50, RepetitionPenaltyMilli: 1100, MaxTokens: maxTokens, Seed: math.MaxUint64},
	}
	r := &request{ID: common.Hash{0x42}, ModelID: big.NewInt(1), ModelHash: common.Hash{0xaa}}
	for i, w := range weightsPPM {
		in.AdapterIDs = append(in.AdapterIDs, big.NewInt(int64(i+1)))
		in.AdapterWeights = append(in.AdapterWeights, big.NewInt(w))
		r.AdapterHashes = append(r.AdapterHashes, common.Hash{byte(0xb0 + i)})
	}
	data, err := in.Calldata()
	if err != nil {
		t.Fatal(err)
	}
	r.Input = data
	return r
}

func TestSidecarRequest(t *testing.T) {
	h0 := strings.TrimPrefix(common.Hash{0xb0}.Hex(), "0x")
	h1 := strings.TrimPrefix(common.Hash{0xb1}.Hex(), "0x")
	for _, tc := range []struct {
		name      string
		r         *request
		wantModel string
		wantErr   string
	}{
		{"base", inferRequest(t, []byte("hi"), 8), "base", ""},
		{"one adapter as trained", inferRequest(t, []byte("hi"), 8, 1_000_000), "adapter:" + h0, ""},
		{"one weighted adapter", inferRequest(t, []byte("hi"), 8, 500_000), "adapter:" + h0 + "*0.5", ""},
		{"merge", inferRequest(t, []byte("hi"), 8, 700_000, 1_000_000), "adapter:" + h0 + "*0.7+adapter:" + h1 + "*1", ""},
		{"no max tokens", inferRequest(t, []byte("hi"), 0), "", "maxTokens"},
		{"empty prompt", inferRequest(t, nil, 8), "", "empty prompt"},
		{"binary prompt", inferRequest(t, []byte{0xff, 0xfe}, 8), "", "UTF-8"},
		{"zero weight", inferRequest(t, []byte("hi"), 8, 0), "", "weight"},
		{"heavy weight", inferRequest(t, []byte("hi"), 8, 17_000_000), "", "weight"},
		{"too many adapters", inferRequest(t, []byte("hi"), 8, 1, 2, 3, 4, 5, 6, 7, 8, 9), "", "at most 8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := sidecarRequest(tc.r)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Model != tc.wantModel || got.RequestID != tc.r.ID.Hex() || got.Seed != math.MaxUint64 || got.MaxTokens != 8 {
				t.Fatalf("got %+v", got)
			}
			// The server reads back the engine's exact values.
			b, _ := json.Marshal(got)
			_, _, samp, aerr := server.ParseCompletionRequest(b)
			if aerr != nil {
				t.Fatal(aerr)
			}
			spec, perr := server.ParseModelSpec(samp.Model, "synth")
			if perr != nil || len(spec.Terms) != len(tc.r.AdapterHashes) {
				t.Fatalf("model spec %q: %+v %v", samp.Model, spec, perr)
			}
			if samp.Temperature != precompiles.MilliToFloat32(700) || samp.TopP != precompiles.MilliToFloat32(900) ||
				samp.RepetitionPenalty != precompiles.MilliToFloat32(1100) || samp.Seed != math.MaxUint64 || samp.RequestID != tc.r.ID.Hex() {
				t.Fatalf("server parsed %+v", samp)
			}
		})
	}
}

// TestSamplerFloatsRoundTrip: every Milli value the chain can ask for in
// the server's ranges reaches the engine as the precompile's float32.
func TestSamplerFloatsRoundTrip(t *testing.T) {
	for milli := uint32(1); milli <= 2000; milli++ {
		want := precompiles.MilliToFloat32(milli)
		b, err := json.Marshal(completionRequest{
			Model: "base", Prompt: "x", MaxTokens: 1, Temperature: float64(want), TopP: float64(min(want, 1)),
			RepetitionPenalty: float64(want), RequestID: common.Hash{1}.Hex(),
		})
		if err != nil {
			t.Fatal(err)
		}
		_, _, samp, aerr := server.ParseCompletionRequest(b)
		if aerr != nil {
			t.Fatalf("milli %d: %v", milli, aerr)
		}
		if samp.Temperature != want || samp.RepetitionPenalty != want || samp.TopP != min(want, 1) {
			t.Fatalf("milli %d: server has %v %v, chain %v", milli, samp.Temperature, samp.RepetitionPenalty, want)
		}
	}
}

// sealedReceipt is a receipt as the sidecar would return it for r.
func sealedReceipt(t testing.TB, r *request, sent completionRequest) *receipt.Receipt {
	t.Helper()
	rc := &receipt.Receipt{
		RequestID: r.ID.Hex(), ModelHash: receipt.Hash(r.ModelHash), PromptTokenIDs: []int{1, 5, 9},
		Sampler: receipt.Sampler{
			Temperature: float32(sent.Temperature), TopP: float32(sent.TopP), TopK: sent.TopK,
			RepetitionPenalty: float32(sent.RepetitionPenalty), Seed: sent.Seed, MaxTokens: sent.MaxTokens,
		},
		EngineVersion: "test", Determinism: "test", OutputTokenIDs: []int{7, 8}, OutputText: "ok", FinishReason: "length",
	}
	for _, h := range r.AdapterHashes {
		rc.Adapters = append(rc.Adapters, receipt.AdapterRef{Hash: receipt.Hash(h), Weight: 1})
	}
	if err := rc.Seal(); err != nil {
		t.Fatal(err)
	}
	return rc
}

func completionBody(t testing.TB, rc *receipt.Receipt, attribution string) []byte {
	t.Helper()
	raw, err := json.Marshal(rc)
	if err != nil {
		t.Fatal(err)
	}
	body := `{"id":"x","choices":[],"receipt":` + string(raw)
	if attribution != "" {
		body += `,"attribution":` + attribution
	}
	return []byte(body + "}")
}

func TestParseCompletion(t *testing.T) {
	r := inferRequest(t, []byte("hi"), 8, 1_000_000)
	sent, err := sidecarRequest(r)
	if err != nil {
		t.Fatal(err)
	}
	good := sealedReceipt(t, r, sent)
	other := *r
	other.ID = common.Hash{0x43}
	wrongID := sealedReceipt(t, &other, sent)
	otherSampler := sent
	otherSampler.Seed = 1
	wrongSampler := sealedReceipt(t, r, otherSampler)
	alice := common.HexToAddress("0xa11ce")
	many := `{"contributors":[` + strings.Repeat(`{"address":"0x00000000000000000000000000000000000000a1","weight":"1"},`, 64) + `{"address":"0x00000000000000000000000000000000000000a1","weight":"1"}]}`
	for _, tc := range []struct {
		name        string
		body        []byte
		wantErr     string
		wantWeights []string
	}{
		{"no attribution", completionBody(t, good, ""), "", nil},
		{"attribution", completionBody(t, good, `{"contributors":[{"address":"`+alice.Hex()+`","weight":"79228162514264337593543950335"},{"address":"0x00000000000000000000000000000000000000b2","weight":"3"}],"spans":[]}`), "",
			[]string{"79228162514264337593543950335", "3"}},
		{"null attribution", completionBody(t, good, "null"), "", nil},
		{"zero weights dropped", completionBody(t, good, `{"contributors":[{"address":"`+alice.Hex()+`","weight":"0"},{"address":"0x00000000000000000000000000000000000000b2","weight":"5"}]}`), "", []string{"5"}},
		{"bound to the receipt", completionBody(t, good, `{"receipt_hash":"`+common.Hash(good.ReceiptHash).Hex()+`","contributors":[]}`), "", nil},
		{"bound to another receipt", completionBody(t, good, `{"receipt_hash":"`+common.Hash{9}.Hex()+`","contributors":[]}`), "attribution is for receipt", nil},
		{"zero address", completionBody(t, good, `{"contributors":[{"address":"0x0000000000000000000000000000000000000000","weight":"1"}]}`), "never claim", nil},
		{"precompile", completionBody(t, good, `{"contributors":[{"address":"`+precompiles.AttributionAddress.Hex()+`","weight":"1"}]}`), "never claim", nil},
		{"weight too large", completionBody(t, good, `{"contributors":[{"address":"`+alice.Hex()+`","weight":"79228162514264337593543950336"}]}`), "2^96", nil},
		{"weight not decimal", completionBody(t, good, `{"contributors":[{"address":"`+alice.Hex()+`","weight":"0x10"}]}`), "decimal", nil},
		{"too many contributors", completionBody(t, good, many), "65 contributors", nil},
		{"no receipt", []byte(`{"id":"x"}`), "no receipt", nil},
		{"not json", []byte(`<html>`), "sidecar response", nil},
		{"other request", completionBody(t, wrongID, ""), "is for request", nil},
		{"other sampler", completionBody(t, wrongSampler, ""), "sampler", nil},
		{"tampered receipt", []byte(strings.Replace(string(completionBody(t, good, "")), `"output_text":"ok"`, `"output_text":"no"`, 1)), "sidecar receipt", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := parseCompletion(tc.body, r, sent)
			if tc.wantErr != "" {
				var perm *permanentError
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !asPermanent(err, &perm) {
					t.Fatalf("err %v, want permanent %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.receipt.ReceiptHash != good.ReceiptHash || len(res.weights) != len(tc.wantWeights) || len(res.contributors) != len(tc.wantWeights) {
				t.Fatalf("result %+v", res)
			}
			for i, w := range tc.wantWeights {
				if res.weights[i].String() != w {
					t.Fatalf("weight %d = %s, want %s", i, res.weights[i], w)
				}
			}
		})
	}
}

func asPermanent(err error, target **permanentError) bool { return errors.As(err, target) }

func FuzzParseCompletion(f *testing.F) {
	r := &request{ID: common.Hash{0x42}, ModelID: big.NewInt(1), ModelHash: common.Hash{0xaa}}
	sent := completionRequest{Temperature: 1, TopP: 1, RepetitionPenalty: 1, MaxTokens: 8, RequestID: r.ID.Hex()}
	f.Add(completionBody(f, sealedReceipt(f, r, sent), `{"contributors":[{"address":"0x00000000000000000000000000000000000000b2","weight":"3"}]}`))
	f.Add([]byte(`{"receipt":{}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := parseCompletion(body, r, sent)
		if err != nil {
			if _, ok := err.(*permanentError); !ok {
				t.Fatalf("non-permanent error %v", err)
			}
			return
		}
		if res.receipt.RequestID != r.ID.Hex() || common.Hash(res.receipt.ModelHash) != r.ModelHash || len(res.contributors) != len(res.weights) {
			t.Fatalf("accepted a receipt for something else: %+v", res.receipt)
		}
		for _, w := range res.weights {
			if w.Sign() < 0 || w.BitLen() > 96 {
				t.Fatalf("weight %s out of range", w)
			}
		}
	})
}

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	const hexKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	for _, tc := range []struct {
		name, content, wantErr string
	}{
		{"plain", hexKey, ""},
		{"0x and newline", "0x" + hexKey + "\n", ""},
		{"short", hexKey[:60], "64 hex digits"},
		{"not hex", strings.Repeat("zz", 32), "not a valid hex private key"},
		{"huge", strings.Repeat("a", 2000), "bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			if err := os.WriteFile(p, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			key, err := LoadKey(p)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || strings.Contains(err.Error(), hexKey[:16]) {
					t.Fatalf("err %v, want %q (without the key)", err, tc.wantErr)
				}
				return
			}
			if err != nil || key == nil {
				t.Fatal(err)
			}
		})
	}
	if _, err := LoadKey(filepath.Join(dir, "missing")); err == nil {
		t.Fatal("missing file accepted")
	}
}
