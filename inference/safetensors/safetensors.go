// Package safetensors reads and writes the safetensors format
// (https://huggingface.co/docs/safetensors): an 8-byte little-endian header
// length, a JSON header naming every tensor's dtype, shape and byte range, then
// the raw little-endian tensor bytes.
//
// The reader maps the file read-only (syscall.Mmap) and validates the header
// strictly before handing out any tensor: known dtypes only, no duplicate
// names, byte ranges that match dtype×shape, lie inside the file, and cover the
// data section exactly (no holes, no overlaps), as the format requires.
package safetensors

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"syscall"
)

// MaxHeaderSize bounds the JSON header (the reference implementation uses the
// same 100 MB limit) so a corrupt length cannot make us allocate gigabytes.
const MaxHeaderSize = 100 << 20

// MetadataKey is the reserved header entry holding string→string metadata.
const MetadataKey = "__metadata__"

// ErrFormat wraps every validation failure, so callers can tell a corrupt file
// from an I/O error with errors.Is.
var ErrFormat = errors.New("safetensors: invalid file")

// DType is a tensor element type, spelled as in the header ("F32", "BF16", ...).
type DType string

// The dtypes of the format. Float32 conversion supports F32, F16, BF16 and F64.
const (
	F64  DType = "F64"
	F32  DType = "F32"
	F16  DType = "F16"
	BF16 DType = "BF16"
	I64  DType = "I64"
	I32  DType = "I32"
	I16  DType = "I16"
	I8   DType = "I8"
	U64  DType = "U64"
	U32  DType = "U32"
	U16  DType = "U16"
	U8   DType = "U8"
	Bool DType = "BOOL"
	F8E4 DType = "F8_E4M3"
	F8E5 DType = "F8_E5M2"
)

// Size is the element size in bytes, 0 for an unknown dtype.
func (d DType) Size() int {
	switch d {
	case F64, I64, U64:
		return 8
	case F32, I32, U32:
		return 4
	case F16, BF16, I16, U16:
		return 2
	case I8, U8, Bool, F8E4, F8E5:
		return 1
	}
	return 0
}

// Tensor is one named tensor. Data holds the raw little-endian bytes; for a
// tensor from a File it aliases the read-only mapping and is valid until Close.
type Tensor struct {
	Name  string
	DType DType
	Shape []int
	Data  []byte
}

// NumElements is the product of the shape (1 for a scalar).
func (t Tensor) NumElements() int {
	n := 1
	for _, d := range t.Shape {
		n *= d
	}
	return n
}

// Float32 converts the tensor to a new []float32.
func (t Tensor) Float32() ([]float32, error) {
	n := t.NumElements()
	if sz := t.DType.Size(); sz == 0 || len(t.Data) != n*sz {
		return nil, fmt.Errorf("safetensors: tensor %q: %d bytes for %d elements of %s: %w", t.Name, len(t.Data), n, t.DType, ErrFormat)
	}
	out := make([]float32, n)
	b := t.Data
	switch t.DType {
	case F32:
		for i := range out {
			out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		}
	case F16:
		for i := range out {
			out[i] = F16ToF32(binary.LittleEndian.Uint16(b[2*i:]))
		}
	case BF16:
		for i := range out {
			out[i] = math.Float32frombits(uint32(binary.LittleEndian.Uint16(b[2*i:])) << 16)
		}
	case F64:
		for i := range out {
			out[i] = float32(math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:])))
		}
	default:
		return nil, fmt.Errorf("safetensors: tensor %q: dtype %s is not a float type", t.Name, t.DType)
	}
	return out, nil
}

// F16ToF32 converts an IEEE half-precision value exactly.
func F16ToF32(h uint16) float32 {
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	mant := uint32(h) & 0x3ff
	switch {
	case exp == 0x1f: // inf / nan
		return math.Float32frombits(sign | 0x7f800000 | mant<<13)
	case exp == 0:
		if mant == 0 {
			return math.Float32frombits(sign)
		}
		// Subnormal: value = mant * 2^-24.
		f := float32(mant) * (1.0 / (1 << 24))
		if sign != 0 {
			f = -f
		}
		return f
	}
	return math.Float32frombits(sign | (exp+112)<<23 | mant<<13)
}

// F32ToF16 rounds to nearest-even half precision (for writing test models).
func F32ToF16(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	exp := int32(b>>23&0xff) - 127 + 15
	mant := b & 0x7fffff
	if b&0x7fffffff >= 0x7f800000 { // inf/nan
		if b&0x7fffffff > 0x7f800000 {
			return sign | 0x7e00
		}
		return sign | 0x7c00
	}
	if exp >= 0x1f {
		return sign | 0x7c00
	}
	if exp <= 0 {
		if exp < -10 {
			return sign
		}
		mant |= 0x800000
		shift := uint32(14 - exp)
		h := mant >> shift
		rem := mant & (1<<shift - 1)
		half := uint32(1) << (shift - 1)
		if rem > half || (rem == half && h&1 == 1) {
			h++
		}
		return sign | uint16(h)
	}
	h := uint32(exp)<<10 | mant>>13
	rem := mant & 0x1fff
	if rem > 0x1000 || (rem == 0x1000 && h&1 == 1) {
		h++
	}
	return sign | uint16(h)
}

// F32ToBF16 rounds to nearest-even bfloat16.
func F32ToBF16(f float32) uint16 {
	b := math.Float32bits(f)
	if b&0x7fffffff > 0x7f800000 {
		return uint16(b>>16) | 0x40
	}
	b += 0x7fff + (b>>16)&1
	return uint16(b >> 16)
}

// File is an open, validated safetensors file.
type File struct {
	path     string
	mapped   []byte // whole file, read-only
	tensors  map[string]Tensor
	names    []string
	metadata map[string]string
}

// Open maps path and validates its header.
func Open(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("safetensors: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("safetensors: %w", err)
	}
	size := st.Size()
	if size < 8 {
		return nil, fmt.Errorf("safetensors: %s: file of %d bytes is shorter than the 8-byte header length: %w", path, size, ErrFormat)
	}
	if size > math.MaxInt {
		return nil, fmt.Errorf("safetensors: %s: file too large to map", path)
	}
	mapped, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("safetensors: mmap %s: %w", path, err)
	}
	tensors, names, meta, err := Parse(mapped)
	if err != nil {
		syscall.Munmap(mapped)
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &File{path: path, mapped: mapped, tensors: tensors, names: names, metadata: meta}, nil
}

// Close unmaps the file; tensors obtained from it must not be used afterwards.
func (f *File) Close() error {
	if f.mapped == nil {
		return nil
	}
	err := syscall.Munmap(f.mapped)
	f.mapped = nil
	f.tensors = nil
	return err
}

// Path is the file's path.
func (f *File) Path() string { return f.path }

// Names lists the tensor names in sorted order.
func (f *File) Names() []string { return append([]string(nil), f.names...) }

// Metadata is the header's __metadata__ map (possibly empty).
func (f *File) Metadata() map[string]string { return f.metadata }

// Tensor returns the named tensor; its Data aliases the mapping.
func (f *File) Tensor(name string) (Tensor, error) {
	if f.mapped == nil {
		return Tensor{}, fmt.Errorf("safetensors: %s is closed", f.path)
	}
	t, ok := f.tensors[name]
	if !ok {
		return Tensor{}, fmt.Errorf("safetensors: %s: no tensor %q", f.path, name)
	}
	return t, nil
}

type headerEntry struct {
	DType       DType    `json:"dtype"`
	Shape       []int64  `json:"shape"`
	DataOffsets []uint64 `json:"data_offsets"`
}

// Parse validates a complete safetensors image held in memory and returns its
// tensors (aliasing buf), their sorted names and the metadata.
func Parse(buf []byte) (map[string]Tensor, []string, map[string]string, error) {
	if len(buf) < 8 {
		return nil, nil, nil, fmt.Errorf("safetensors: %d bytes is shorter than the header length: %w", len(buf), ErrFormat)
	}
	hlen := binary.LittleEndian.Uint64(buf)
	if hlen > MaxHeaderSize {
		return nil, nil, nil, fmt.Errorf("safetensors: header length %d exceeds the %d-byte limit: %w", hlen, MaxHeaderSize, ErrFormat)
	}
	if hlen > uint64(len(buf)-8) {
		return nil, nil, nil, fmt.Errorf("safetensors: header length %d runs past the end of the %d-byte file: %w", hlen, len(buf), ErrFormat)
	}
	header := buf[8 : 8+hlen]
	data := buf[8+hlen:]
	entries, meta, err := parseHeader(header)
	if err != nil {
		return nil, nil, nil, err
	}
	type span struct {
		name       string
		begin, end uint64
	}
	spans := make([]span, 0, len(entries))
	tensors := make(map[string]Tensor, len(entries))
	names := make([]string, 0, len(entries))
	for name, e := range entries {
		size := uint64(e.DType.Size())
		if size == 0 {
			return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: unknown dtype %q: %w", name, e.DType, ErrFormat)
		}
		if len(e.DataOffsets) != 2 {
			return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: data_offsets must have 2 entries, has %d: %w", name, len(e.DataOffsets), ErrFormat)
		}
		n := uint64(1)
		shape := make([]int, len(e.Shape))
		for i, d := range e.Shape {
			if d < 0 {
				return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: negative dimension %d: %w", name, d, ErrFormat)
			}
			if d != 0 && n > math.MaxInt64/uint64(d) {
				return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: shape %v overflows: %w", name, e.Shape, ErrFormat)
			}
			n *= uint64(d)
			shape[i] = int(d)
		}
		if n > math.MaxInt64/size {
			return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: shape %v overflows: %w", name, e.Shape, ErrFormat)
		}
		begin, end := e.DataOffsets[0], e.DataOffsets[1]
		if begin > end {
			return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: data_offsets [%d, %d] are reversed: %w", name, begin, end, ErrFormat)
		}
		if end > uint64(len(data)) {
			return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: data_offsets end %d is past the %d-byte data section: %w", name, end, len(data), ErrFormat)
		}
		if end-begin != n*size {
			return nil, nil, nil, fmt.Errorf("safetensors: tensor %q: %d bytes but %s%v needs %d: %w", name, end-begin, e.DType, e.Shape, n*size, ErrFormat)
		}
		spans = append(spans, span{name, begin, end})
		tensors[name] = Tensor{Name: name, DType: e.DType, Shape: shape, Data: data[begin:end:end]}
		names = append(names, name)
	}
	// The data section must be covered exactly, in order, by the tensors.
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].begin != spans[j].begin {
			return spans[i].begin < spans[j].begin
		}
		return spans[i].end < spans[j].end
	})
	var pos uint64
	for _, s := range spans {
		if s.begin != pos {
			if s.begin < pos {
				return nil, nil, nil, fmt.Errorf("safetensors: tensor %q overlaps the previous tensor (starts at %d, previous ends at %d): %w", s.name, s.begin, pos, ErrFormat)
			}
			return nil, nil, nil, fmt.Errorf("safetensors: hole in data section at bytes [%d, %d) before tensor %q: %w", pos, s.begin, s.name, ErrFormat)
		}
		pos = s.end
	}
	if pos != uint64(len(data)) {
		return nil, nil, nil, fmt.Errorf("safetensors: %d trailing bytes after the last tensor: %w", uint64(len(data))-pos, ErrFormat)
	}
	sort.Strings(names)
	return tensors, names, meta, nil
}

// parseHeader decodes the header object token by token so that duplicate
// names, unknown fields and trailing garbage are rejected rather than
// silently resolved the way encoding/json's map decoding would.
func parseHeader(header []byte) (map[string]headerEntry, map[string]string, error) {
	// The format allows trailing spaces as padding; nothing else may follow.
	trimmed := bytes.TrimRight(header, " ")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, nil, fmt.Errorf("safetensors: header is not a JSON object: %w", ErrFormat)
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	if _, err := dec.Token(); err != nil {
		return nil, nil, fmt.Errorf("safetensors: header JSON: %v: %w", err, ErrFormat)
	}
	entries := make(map[string]headerEntry)
	var meta map[string]string
	seenMeta := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("safetensors: header JSON: %v: %w", err, ErrFormat)
		}
		name, ok := tok.(string)
		if !ok {
			return nil, nil, fmt.Errorf("safetensors: header JSON: expected a name, got %v: %w", tok, ErrFormat)
		}
		if name == MetadataKey {
			if seenMeta {
				return nil, nil, fmt.Errorf("safetensors: duplicate %s: %w", MetadataKey, ErrFormat)
			}
			seenMeta = true
			if err := dec.Decode(&meta); err != nil {
				return nil, nil, fmt.Errorf("safetensors: %s must map strings to strings: %v: %w", MetadataKey, err, ErrFormat)
			}
			continue
		}
		if _, dup := entries[name]; dup {
			return nil, nil, fmt.Errorf("safetensors: duplicate tensor %q: %w", name, ErrFormat)
		}
		var e headerEntry
		if err := dec.Decode(&e); err != nil {
			return nil, nil, fmt.Errorf("safetensors: tensor %q: %v: %w", name, err, ErrFormat)
		}
		if e.DType == "" || e.Shape == nil || e.DataOffsets == nil {
			return nil, nil, fmt.Errorf("safetensors: tensor %q: dtype, shape and data_offsets are required: %w", name, ErrFormat)
		}
		entries[name] = e
	}
	if _, err := dec.Token(); err != nil {
		return nil, nil, fmt.Errorf("safetensors: header JSON: %v: %w", err, ErrFormat)
	}
	if dec.More() {
		return nil, nil, fmt.Errorf("safetensors: trailing data after the header object: %w", ErrFormat)
	}
	if _, err := dec.Token(); err == nil {
		return nil, nil, fmt.Errorf("safetensors: trailing data after the header object: %w", ErrFormat)
	}
	if meta == nil {
		meta = map[string]string{}
	}
	return entries, meta, nil
}

// Encode serialises tensors (sorted by name, contiguous) with metadata.
// Shapes must match the data length.
func Encode(tensors map[string]Tensor, metadata map[string]string) ([]byte, error) {
	names := make([]string, 0, len(tensors))
	for name := range tensors {
		if name == MetadataKey || name == "" {
			return nil, fmt.Errorf("safetensors: invalid tensor name %q", name)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	type entry struct {
		DType       DType    `json:"dtype"`
		Shape       []int    `json:"shape"`
		DataOffsets []uint64 `json:"data_offsets"`
	}
	// json.Marshal sorts map keys, which gives a canonical header.
	hdr := make(map[string]any, len(tensors)+1)
	if len(metadata) > 0 {
		hdr[MetadataKey] = metadata
	}
	var off uint64
	for _, name := range names {
		t := tensors[name]
		sz := t.DType.Size()
		if sz == 0 {
			return nil, fmt.Errorf("safetensors: tensor %q: unknown dtype %q", name, t.DType)
		}
		shape := t.Shape
		if shape == nil {
			shape = []int{}
		}
		if t.NumElements()*sz != len(t.Data) {
			return nil, fmt.Errorf("safetensors: tensor %q: %d bytes do not match %s%v", name, len(t.Data), t.DType, t.Shape)
		}
		hdr[name] = entry{t.DType, shape, []uint64{off, off + uint64(len(t.Data))}}
		off += uint64(len(t.Data))
	}
	js, err := json.Marshal(hdr)
	if err != nil {
		return nil, fmt.Errorf("safetensors: header: %w", err)
	}
	// Pad so the data section starts 8-byte aligned.
	for (8+len(js))%8 != 0 {
		js = append(js, ' ')
	}
	out := make([]byte, 8, 8+len(js)+int(off))
	binary.LittleEndian.PutUint64(out, uint64(len(js)))
	out = append(out, js...)
	for _, name := range names {
		out = append(out, tensors[name].Data...)
	}
	return out, nil
}

// Write writes tensors to path (see Encode). The tensors' Name fields are
// ignored; the map keys name them.
func Write(path string, tensors map[string]Tensor, metadata map[string]string) error {
	buf, err := Encode(tensors, metadata)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		return fmt.Errorf("safetensors: %w", err)
	}
	return nil
}

// FromFloat32 builds a tensor of dtype d (F32, F16 or BF16) from values.
func FromFloat32(name string, d DType, shape []int, vals []float32) (Tensor, error) {
	t := Tensor{Name: name, DType: d, Shape: append([]int(nil), shape...)}
	if t.NumElements() != len(vals) {
		return Tensor{}, fmt.Errorf("safetensors: tensor %q: %d values for shape %v", name, len(vals), shape)
	}
	switch d {
	case F32:
		t.Data = make([]byte, 4*len(vals))
		for i, v := range vals {
			binary.LittleEndian.PutUint32(t.Data[4*i:], math.Float32bits(v))
		}
	case F16:
		t.Data = make([]byte, 2*len(vals))
		for i, v := range vals {
			binary.LittleEndian.PutUint16(t.Data[2*i:], F32ToF16(v))
		}
	case BF16:
		t.Data = make([]byte, 2*len(vals))
		for i, v := range vals {
			binary.LittleEndian.PutUint16(t.Data[2*i:], F32ToBF16(v))
		}
	default:
		return Tensor{}, fmt.Errorf("safetensors: tensor %q: cannot encode float32 as %s", name, d)
	}
	return t, nil
}
