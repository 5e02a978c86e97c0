package codec

import (
	"bytes"
	"errors"
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

func TestSizes(t *testing.T) {
	if MaxPayloadSize != 16_252_897 {
		t.Fatalf("max payload %d", MaxPayloadSize)
	}
	for _, tc := range []struct{ payload, symbols int }{
		{0, 1}, {1, 2}, {31, 2}, {32, 4}, {93, 4}, {94, 8},
		{1 << 20, 65536}, {MaxPayloadSize, MaxBlobSymbols}, {MaxPayloadSize + 1, 2 * MaxBlobSymbols},
	} {
		if got := BlobSymbols(tc.payload); got != tc.symbols {
			t.Errorf("BlobSymbols(%d) = %d, want %d", tc.payload, got, tc.symbols)
		}
	}
	if _, err := Evaluations(make([]byte, MaxPayloadSize+1)); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("oversize: %v", err)
	}
}

func TestRoundTrip(t *testing.T) {
	var c Codec
	for _, n := range []int{0, 1, 30, 31, 32, 62, 1000, 4096} {
		p := bytes.Repeat([]byte{0xff, 0x00, 0x7f}, n/3+1)[:n]
		coeffs, err := c.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		blob := Serialize(coeffs)
		back, err := Deserialize(blob)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Decode(back)
		if err != nil || !bytes.Equal(got, p) {
			t.Fatalf("%d bytes: %v", n, err)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	var c Codec
	good, _ := Evaluations([]byte("hello"))
	mutate := func(f func(e []fr.Element)) []fr.Element {
		e := make([]fr.Element, len(good))
		copy(e, good)
		f(e)
		return e
	}
	var big [32]byte
	big[0] = 1
	for name, evals := range map[string][]fr.Element{
		"empty":          nil,
		"bad version":    mutate(func(e []fr.Element) { h := e[0].Bytes(); h[1] = 1; e[0].SetBytes(h[:]) }),
		"length too big": mutate(func(e []fr.Element) { h := e[0].Bytes(); h[2] = 0xff; e[0].SetBytes(h[:]) }),
		"header padding": mutate(func(e []fr.Element) { h := e[0].Bytes(); h[31] = 1; e[0].SetBytes(h[:]) }),
		"wide symbol":    mutate(func(e []fr.Element) { e[1].SetBytes(big[:]) }),
	} {
		if _, err := DecodeEvaluations(evals); !errors.Is(err, ErrBadBlob) {
			t.Errorf("%s: want ErrBadBlob, got %v", name, err)
		}
	}
	if _, err := c.Decode(make([]fr.Element, 3)); !errors.Is(err, ErrBadSymbols) {
		t.Fatalf("non power of two: %v", err)
	}
	// Trailing data past the payload is not silently dropped.
	longer, _ := Evaluations(bytes.Repeat([]byte{1}, 100))
	h := longer[0].Bytes()
	h[5] = 10 // claim 10 bytes
	longer[0].SetBytes(h[:])
	if _, err := DecodeEvaluations(longer); !errors.Is(err, ErrBadBlob) {
		t.Fatalf("trailing data: %v", err)
	}
	if _, err := Deserialize(make([]byte, 33)); !errors.Is(err, ErrBadBlob) {
		t.Fatal("ragged blob accepted")
	}
	ff := bytes.Repeat([]byte{0xff}, 32)
	if _, err := Deserialize(ff); !errors.Is(err, ErrBadBlob) {
		t.Fatal("non-canonical element accepted")
	}
}

// FuzzBlob decodes untrusted blob bytes (what a relay returns): never a
// panic, and whatever decodes re-encodes to the same blob.
func FuzzBlob(f *testing.F) {
	var c Codec
	for _, p := range [][]byte{nil, []byte("x"), bytes.Repeat([]byte{9}, 100)} {
		coeffs, _ := c.Encode(p)
		f.Add(Serialize(coeffs))
	}
	f.Fuzz(func(t *testing.T, blob []byte) {
		if len(blob) > 64*SymbolSize {
			return
		}
		coeffs, err := Deserialize(blob)
		if err != nil {
			return
		}
		p, err := c.Decode(coeffs)
		if err != nil {
			return
		}
		again, err := c.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(again) == len(coeffs) && !bytes.Equal(Serialize(again), blob) {
			t.Fatal("decoded blob does not re-encode to itself")
		}
	})
}
