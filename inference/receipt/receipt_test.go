package receipt

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func sample(t testing.TB) *Receipt {
	t.Helper()
	r := &Receipt{
		RequestID: "cmpl-0123456789abcdef",
		ModelHash: Hash{1, 2, 3},
		Adapters: []AdapterRef{
			{Hash: Hash{0xaa}, Weight: 0.7},
			{Hash: Hash{0xbb}, Weight: 0.3},
		},
		MergeMethod:    "ties",
		MergeSeed:      42,
		PromptTokenIDs: []int{1, 403, 407},
		Sampler: Sampler{
			Temperature: 0.8, TopP: 0.95, TopK: 40, RepetitionPenalty: 1.1,
			Seed: 1<<63 + 5, MaxTokens: 64, StopTokens: []int{2}, Stop: []string{"\n\n"},
		},
		EngineVersion:  "paichain-cpu/1",
		Determinism:    "fp32-batch-invariant",
		OutputTokenIDs: []int{5, 6, 7, 2},
		OutputText:     "Once upon a time",
		FinishReason:   "stop",
	}
	if err := r.Seal(); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestJSONRoundTrip(t *testing.T) {
	r := sample(t)
	b, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseJSON(b)
	if err != nil {
		t.Fatalf("ParseJSON: %v\n%s", err, b)
	}
	b2, _ := got.JSON()
	if !bytes.Equal(b, b2) {
		t.Fatalf("round trip changed the receipt:\n%s\n%s", b, b2)
	}
	if !strings.Contains(string(b), `"seed": "9223372036854775813"`) {
		t.Errorf("seed not encoded as a decimal string:\n%s", b)
	}
}

func TestABIRoundTripAndHash(t *testing.T) {
	r := sample(t)
	c := r.Commitment()
	enc, err := c.EncodeABI()
	if err != nil {
		t.Fatal(err)
	}
	dec, err := DecodeABI(enc)
	if err != nil {
		t.Fatal(err)
	}
	h, err := dec.Hash()
	if err != nil {
		t.Fatal(err)
	}
	if h != r.ReceiptHash {
		t.Fatalf("hash after ABI round trip %s, receipt says %s", h, r.ReceiptHash)
	}
	// The ABI head of a single dynamic tuple is one offset word (0x20).
	if enc[31] != 0x20 {
		t.Errorf("unexpected ABI head %x", enc[:32])
	}
}

func TestValidateRejectsTampering(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(r *Receipt)
		want   string
	}{
		{"output token", func(r *Receipt) { r.OutputTokenIDs[1]++ }, "output_hash"},
		{"prompt token", func(r *Receipt) { r.PromptTokenIDs[0] = 9 }, "prompt_hash"},
		{"text", func(r *Receipt) { r.OutputText += "!" }, "receipt_hash"},
		{"weight", func(r *Receipt) { r.Adapters[0].Weight = 0.71 }, "receipt_hash"},
		{"seed", func(r *Receipt) { r.Sampler.Seed++ }, "receipt_hash"},
		{"temperature", func(r *Receipt) { r.Sampler.Temperature = 0.81 }, "receipt_hash"},
		{"version", func(r *Receipt) { r.Version = 2 }, "version"},
		{"negative token", func(r *Receipt) { r.OutputTokenIDs[0] = -1 }, "out of range"},
		{"duplicate adapter", func(r *Receipt) { r.Adapters[1].Hash = r.Adapters[0].Hash }, "twice"},
		{"no request id", func(r *Receipt) { r.RequestID = "" }, "request_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := sample(t)
			tc.mutate(r)
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseJSON(b)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ParseJSON error %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}

func TestParseJSONStrict(t *testing.T) {
	b, _ := sample(t).JSON()
	for name, in := range map[string]string{
		"unknown field": strings.Replace(string(b), `"version"`, `"bogus": 1, "version"`, 1),
		"trailing":      string(b) + "{}",
		"bad hash":      strings.Replace(string(b), `"model_hash": "0x`, `"model_hash": "0xzz`, 1),
		"empty":         "",
	} {
		if _, err := ParseJSON([]byte(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestDecodeABIRejectsNonCanonical(t *testing.T) {
	enc, err := sample(t).Commitment().EncodeABI()
	if err != nil {
		t.Fatal(err)
	}
	// Dirty the high bytes of the uint8 version word.
	bad := append([]byte{}, enc...)
	bad[32+1] = 1
	if _, err := DecodeABI(bad); err == nil {
		t.Error("dirty padding accepted")
	}
	if _, err := DecodeABI(append(append([]byte{}, enc...), make([]byte, 32)...)); err == nil {
		t.Error("trailing word accepted")
	}
	if _, err := DecodeABI(enc[:len(enc)-32]); err == nil {
		t.Error("truncated input accepted")
	}
}

func TestCompare(t *testing.T) {
	cases := []struct {
		exp, got []int
		want     Divergence
	}{
		{[]int{1, 2, 3}, []int{1, 2, 3}, Divergence{Match: true, Index: -1, Expected: -1, Got: -1}},
		{[]int{1, 2, 3}, []int{1, 9, 3}, Divergence{Index: 1, Expected: 2, Got: 9}},
		{[]int{1, 2, 3}, []int{1, 2}, Divergence{Index: 2, Expected: 3, Got: -1}},
		{[]int{1}, []int{1, 2}, Divergence{Index: 1, Expected: -1, Got: 2}},
		{nil, nil, Divergence{Match: true, Index: -1, Expected: -1, Got: -1}},
	}
	for _, tc := range cases {
		if got := Compare(tc.exp, tc.got); got != tc.want {
			t.Errorf("Compare(%v, %v) = %+v, want %+v", tc.exp, tc.got, got, tc.want)
		}
	}
}

func FuzzReceiptJSON(f *testing.F) {
	b, _ := sample(f).JSON()
	f.Add(b)
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, in []byte) {
		r, err := ParseJSON(in)
		if err != nil {
			return
		}
		// Anything accepted must re-validate after a round trip.
		out, err := r.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseJSON(out); err != nil {
			t.Fatalf("accepted receipt fails after round trip: %v", err)
		}
	})
}

func FuzzReceiptABI(f *testing.F) {
	enc, _ := sample(f).Commitment().EncodeABI()
	f.Add(enc)
	f.Add([]byte{})
	f.Add(make([]byte, 64))
	f.Fuzz(func(t *testing.T, in []byte) {
		c, err := DecodeABI(in)
		if err != nil {
			return
		}
		out, err := c.EncodeABI()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, in) {
			t.Fatal("decoded commitment re-encodes differently")
		}
	})
}

func TestDecodeJSONLeavesHashesToVerifyHashes(t *testing.T) {
	r := sample(t)
	r.OutputTokenIDs[2]++ // edited, not re-sealed
	b, _ := json.Marshal(r)
	got, err := DecodeJSON(b)
	if err != nil {
		t.Fatalf("DecodeJSON rejected an edited but well-formed receipt: %v", err)
	}
	if err := got.VerifyHashes(); err == nil || !strings.Contains(err.Error(), "output_hash") {
		t.Fatalf("VerifyHashes: %v", err)
	}
	if _, err := DecodeJSON([]byte(strings.Replace(string(b), `"version":1`, `"version":1,"x":0`, 1))); err == nil {
		t.Fatal("DecodeJSON accepted an unknown field")
	}
}
