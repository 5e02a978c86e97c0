package safetensors

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sample(t *testing.T) map[string]Tensor {
	t.Helper()
	vals := []float32{1, -2.5, 0.333, 65504, -0, 1e-7}
	out := map[string]Tensor{}
	for _, d := range []DType{F32, F16, BF16} {
		tt, err := FromFloat32("w."+string(d), d, []int{2, 3}, vals)
		if err != nil {
			t.Fatal(err)
		}
		out[tt.Name] = tt
	}
	out["ids"] = Tensor{DType: I32, Shape: []int{2}, Data: []byte{1, 0, 0, 0, 2, 0, 0, 0}}
	out["scalar"] = Tensor{DType: F32, Shape: []int{}, Data: []byte{0, 0, 128, 63}}
	return out
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.safetensors")
	in := sample(t)
	if err := Write(path, in, map[string]string{"format": "pt"}); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.Names(), ","); got != "ids,scalar,w.BF16,w.F16,w.F32" {
		t.Fatalf("names %s", got)
	}
	if f.Metadata()["format"] != "pt" {
		t.Fatalf("metadata %v", f.Metadata())
	}
	want := map[DType][]float32{
		F32:  {1, -2.5, 0.333, 65504, 0, 1e-7},
		F16:  {1, -2.5, 0.33300781, 65504, 0, 1.1920929e-07},
		BF16: {1, -2.5, 0.33203125, 65536, 0, 1.0011718e-07},
	}
	for d, w := range want {
		tt, err := f.Tensor("w." + string(d))
		if err != nil {
			t.Fatal(err)
		}
		got, err := tt.Float32()
		if err != nil {
			t.Fatal(err)
		}
		for i := range w {
			if got[i] != w[i] {
				t.Errorf("%s[%d] = %v, want %v", d, i, got[i], w[i])
			}
		}
	}
	s, _ := f.Tensor("scalar")
	if v, _ := s.Float32(); len(v) != 1 || v[0] != 1 {
		t.Fatalf("scalar %v", v)
	}
	ids, _ := f.Tensor("ids")
	if _, err := ids.Float32(); err == nil {
		t.Fatal("I32 converted to float32")
	}
	if _, err := f.Tensor("nope"); err == nil {
		t.Fatal("missing tensor found")
	}
}

func TestHalfConversions(t *testing.T) {
	// Every half value converts exactly and rounds back to itself.
	for h := 0; h < 1<<16; h++ {
		f := F16ToF32(uint16(h))
		if f != f { // NaN
			continue
		}
		if back := F32ToF16(f); back != uint16(h) {
			t.Fatalf("f16 %#04x -> %v -> %#04x", h, f, back)
		}
	}
	if F32ToBF16(1.00390625) != 0x3f80 || F32ToBF16(1.01171875) != 0x3f82 { // ties to even
		t.Fatal("bf16 rounding")
	}
}

// image builds a raw file from a header string and a data length.
func image(header string, data int) []byte {
	b := make([]byte, 8, 8+len(header)+data)
	binary.LittleEndian.PutUint64(b, uint64(len(header)))
	b = append(b, header...)
	return append(b, make([]byte, data)...)
}

func TestCorrupt(t *testing.T) {
	huge := make([]byte, 8)
	binary.LittleEndian.PutUint64(huge, MaxHeaderSize+1)
	past := make([]byte, 16)
	binary.LittleEndian.PutUint64(past, 100)
	cases := []struct {
		name string
		buf  []byte
		want string
	}{
		{"empty", nil, "shorter than"},
		{"header too large", huge, "exceeds"},
		{"header past end", past, "past the end"},
		{"not json", image("nope", 0), "not a JSON object"},
		{"array", image("[]", 0), "not a JSON object"},
		{"truncated json", image(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}`, 4), "header JSON"},
		{"trailing garbage", image(`{} x`, 0), "trailing"},
		{"duplicate", image(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}`, 8), "duplicate tensor"},
		{"unknown dtype", image(`{"a":{"dtype":"F12","shape":[1],"data_offsets":[0,4]}}`, 4), "unknown dtype"},
		{"unknown field", image(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}}`, 4), "unknown field"},
		{"missing offsets", image(`{"a":{"dtype":"F32","shape":[1]}}`, 4), "required"},
		{"negative dim", image(`{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}`, 4), "negative"},
		{"reversed offsets", image(`{"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}`, 4), "reversed"},
		{"offset past data", image(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, 4), "past the"},
		{"size mismatch", image(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}`, 4), "needs 8"},
		{"shape overflow", image(`{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}}`, 4), "overflows"},
		{"hole", image(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}`, 8), "hole"},
		{"overlap", image(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}`, 8), "overlaps"},
		{"trailing bytes", image(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, 12), "trailing bytes"},
		{"bad metadata", image(`{"__metadata__":{"a":1}}`, 0), "strings to strings"},
		{"three offsets", image(`{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4,4]}}`, 4), "2 entries"},
	}
	for _, c := range cases {
		_, _, _, err := Parse(c.buf)
		if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want ErrFormat containing %q", c.name, err, c.want)
		}
	}
	// The same checks through Open, and nothing is left mapped on failure.
	path := filepath.Join(t.TempDir(), "bad.safetensors")
	if err := os.WriteFile(path, image(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}`, 4), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open corrupt: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Fatal("Open missing file succeeded")
	}
}

func TestEncodeRejects(t *testing.T) {
	if _, err := Encode(map[string]Tensor{"a": {DType: F32, Shape: []int{2}, Data: make([]byte, 4)}}, nil); err == nil {
		t.Fatal("shape/data mismatch encoded")
	}
	if _, err := Encode(map[string]Tensor{"__metadata__": {DType: F32, Shape: []int{}, Data: make([]byte, 4)}}, nil); err == nil {
		t.Fatal("reserved name encoded")
	}
	if _, err := FromFloat32("x", I8, []int{1}, []float32{1}); err == nil {
		t.Fatal("float32 encoded as I8")
	}
}

// FuzzParse: arbitrary bytes never panic, and anything accepted satisfies the
// invariants and survives a re-encode.
func FuzzParse(f *testing.F) {
	good, _ := Encode(map[string]Tensor{
		"a": {DType: F32, Shape: []int{2}, Data: make([]byte, 8)},
		"b": {DType: BF16, Shape: []int{1, 3}, Data: make([]byte, 6)},
	}, map[string]string{"k": "v"})
	f.Add(good)
	f.Add(image(`{}`, 0))
	f.Add(image(`{"a":{"dtype":"F16","shape":[],"data_offsets":[0,2]}}`, 2))
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, buf []byte) {
		tensors, names, _, err := Parse(buf)
		if err != nil {
			return
		}
		for _, n := range names {
			tt := tensors[n]
			if tt.NumElements()*tt.DType.Size() != len(tt.Data) {
				t.Fatalf("tensor %q: %d bytes for %v %s", n, len(tt.Data), tt.Shape, tt.DType)
			}
			if _, err := tt.Float32(); err != nil && (tt.DType == F32 || tt.DType == F16 || tt.DType == BF16) {
				t.Fatalf("float tensor %q does not convert: %v", n, err)
			}
		}
		re, err := Encode(tensors, nil)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		back, _, _, err := Parse(re)
		if err != nil || len(back) != len(tensors) {
			t.Fatalf("re-parse: %v", err)
		}
	})
}
