package receipt

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
)

// FuzzDecodeJSON covers DecodeJSON, the decoder that accepts receipts whose
// hashes do not match (`infer verify` replays them to show where they
// diverge), which FuzzReceiptJSON reaches only through ParseJSON. Whatever
// it accepts: re-encodes to a receipt that decodes identically; has an ABI
// commitment that encodes, decodes back to the same bytes and hashes as
// the receipt hash is computed; is accepted by ParseJSON exactly when
// VerifyHashes passes; and, re-sealed, keeps every payload field and then
// passes ParseJSON.
func FuzzDecodeJSON(f *testing.F) {
	good, _ := sample(f).JSON()
	f.Add(good)
	edited := sample(f)
	edited.OutputTokenIDs[0]++
	b, _ := edited.JSON()
	f.Add(b)
	f.Add([]byte(strings.Replace(string(good), `"top_k": 40`, `"top_k": -1`, 1)))
	f.Add([]byte(`{"version":1,"request_id":"x","prompt_token_ids":[1]}`))
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, in []byte) {
		r, err := DecodeJSON(in)
		if err != nil {
			if r != nil {
				t.Fatal("error with a receipt")
			}
			return
		}
		out, err := r.JSON()
		if err != nil {
			t.Fatalf("accepted receipt does not encode: %v", err)
		}
		again, err := DecodeJSON(out)
		if err != nil {
			t.Fatalf("re-encoded receipt rejected: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(again, r) {
			t.Fatalf("round trip changed the receipt:\n%+v\n%+v", r, again)
		}

		enc, err := r.Commitment().EncodeABI()
		if err != nil {
			t.Fatalf("commitment of an accepted receipt does not encode: %v", err)
		}
		c, err := DecodeABI(enc)
		if err != nil {
			t.Fatalf("commitment does not decode: %v", err)
		}
		if re, err := c.EncodeABI(); err != nil || !bytes.Equal(re, enc) {
			t.Fatalf("commitment re-encodes differently (%v)", err)
		}
		if h, err := r.Commitment().Hash(); err != nil || h != Hash(crypto.Keccak256Hash(enc)) {
			t.Fatalf("receipt hash %x is not keccak256 of the encoding (%v)", h, err)
		}

		_, perr := ParseJSON(in)
		if verr := r.VerifyHashes(); (perr == nil) != (verr == nil) {
			t.Fatalf("ParseJSON %v but VerifyHashes %v", perr, verr)
		}

		sealed := *r
		if err := sealed.Seal(); err != nil {
			t.Fatalf("Seal of a checked receipt: %v", err)
		}
		// The payload: everything but the derived fields, with absent
		// lists read as empty (Seal writes them as []).
		payload := func(x *Receipt) Receipt {
			y := *x
			y.Version, y.PromptHash, y.OutputHash, y.ReceiptHash = 0, Hash{}, Hash{}, Hash{}
			for _, l := range []*[]int{&y.PromptTokenIDs, &y.OutputTokenIDs, &y.Sampler.StopTokens} {
				if *l == nil {
					*l = []int{}
				}
			}
			if y.Adapters == nil {
				y.Adapters = []AdapterRef{}
			}
			if y.Sampler.Stop == nil {
				y.Sampler.Stop = []string{}
			}
			return y
		}
		if !reflect.DeepEqual(payload(&sealed), payload(r)) {
			t.Fatal("Seal changed the payload")
		}
		sb, err := sealed.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseJSON(sb); err != nil {
			t.Fatalf("sealed receipt rejected: %v", err)
		}
	})
}
