// Package codec turns rollup payloads into EigenDA blobs and back, exactly as
// EigenDA's payload encoding version 0 does: a 32-byte header (0x00, version
// 0x00, big-endian uint32 payload length, zeros), the payload cut into 31-byte
// chunks each prefixed with 0x00 (so every 32 bytes is a valid BN254 field
// element), padded with zero elements to a power of two, then an inverse FFT
// over the BN254 scalar field so the blob holds polynomial coefficients whose
// evaluations are the encoded payload.
package codec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr/fft"
)

const (
	// SymbolSize is the byte size of one field element in a blob.
	SymbolSize = 32
	// chunkSize is the payload bytes carried by one field element.
	chunkSize = 31
	// headerSymbols is the encoded-payload header, one field element.
	headerSymbols = 1
	// EncodingVersion0 is the only payload encoding EigenDA defines.
	EncodingVersion0 = 0x00

	// MaxBlobSymbols is the largest blob EigenDA accepts: 16 MiB.
	MaxBlobSymbols = 1 << 19
	// MaxPayloadSize is the largest payload that fits a 16 MiB blob:
	// (2^19 - 1 header symbol) * 31 bytes = 16,252,897 bytes.
	MaxPayloadSize = (MaxBlobSymbols - headerSymbols) * chunkSize
)

// Errors callers can test for.
var (
	ErrTooLarge   = errors.New("codec: payload larger than the largest blob")
	ErrBadBlob    = errors.New("codec: blob does not decode to a payload")
	ErrBadSymbols = errors.New("codec: blob length is not a power of two")
)

// BlobSymbols is the blob length, in field elements, that a payload of n
// bytes needs: the header plus ceil(n/31) data elements, rounded up to a power
// of two.
func BlobSymbols(n int) int {
	elems := headerSymbols + (n+chunkSize-1)/chunkSize
	return nextPow2(elems)
}

// MaxPayloadForSymbols is the largest payload a blob of the given length holds.
func MaxPayloadForSymbols(symbols int) int {
	if symbols <= headerSymbols {
		return 0
	}
	return (symbols - headerSymbols) * chunkSize
}

func nextPow2(n int) int {
	if n <= 1 {
		return 1
	}
	return 1 << bits.Len(uint(n-1))
}

// Codec encodes and decodes blobs. It caches FFT domains per blob size; the
// zero value is ready to use and safe for concurrent use.
type Codec struct {
	mu      sync.Mutex
	domains map[int]*fft.Domain
}

func (c *Codec) domain(n int) *fft.Domain {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.domains == nil {
		c.domains = make(map[int]*fft.Domain)
	}
	d, ok := c.domains[n]
	if !ok {
		d = fft.NewDomain(uint64(n))
		c.domains[n] = d
	}
	return d
}

// Evaluations returns the encoded payload as field elements (header first),
// padded with zeros to the blob length: the polynomial in evaluation form.
func Evaluations(payload []byte) ([]fr.Element, error) {
	if len(payload) > MaxPayloadSize {
		return nil, fmt.Errorf("%w: %d bytes, max %d", ErrTooLarge, len(payload), MaxPayloadSize)
	}
	n := BlobSymbols(len(payload))
	evals := make([]fr.Element, n)
	var hdr [SymbolSize]byte
	hdr[1] = EncodingVersion0
	binary.BigEndian.PutUint32(hdr[2:6], uint32(len(payload)))
	evals[0].SetBytes(hdr[:])
	var sym [SymbolSize]byte
	for i, off := headerSymbols, 0; off < len(payload); i, off = i+1, off+chunkSize {
		clear(sym[:])
		copy(sym[1:], payload[off:min(off+chunkSize, len(payload))])
		// A leading zero byte keeps every symbol below the field modulus.
		evals[i].SetBytes(sym[:])
	}
	return evals, nil
}

// Encode returns the blob for payload: the coefficients of the polynomial
// whose evaluations over the blob-size roots of unity are the encoded payload.
func (c *Codec) Encode(payload []byte) ([]fr.Element, error) {
	evals, err := Evaluations(payload)
	if err != nil {
		return nil, err
	}
	d := c.domain(len(evals))
	d.FFTInverse(evals, fft.DIF)
	fft.BitReverse(evals)
	return evals, nil
}

// Decode recovers the payload from blob coefficients. It rejects blobs whose
// header, length or padding is malformed: a blob that decodes is exactly one
// that Encode can produce, up to trailing zeros.
func (c *Codec) Decode(coeffs []fr.Element) ([]byte, error) {
	n := len(coeffs)
	if n == 0 || n&(n-1) != 0 || n > MaxBlobSymbols {
		return nil, fmt.Errorf("%w: %d symbols", ErrBadSymbols, n)
	}
	evals := make([]fr.Element, n)
	copy(evals, coeffs)
	c.domain(n).FFT(evals, fft.DIF)
	fft.BitReverse(evals)
	return DecodeEvaluations(evals)
}

// DecodeEvaluations recovers the payload from the blob in evaluation form.
func DecodeEvaluations(evals []fr.Element) ([]byte, error) {
	if len(evals) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrBadBlob)
	}
	hdr := evals[0].Bytes()
	if hdr[0] != 0 || hdr[1] != EncodingVersion0 {
		return nil, fmt.Errorf("%w: header %x", ErrBadBlob, hdr[:2])
	}
	for _, b := range hdr[6:] {
		if b != 0 {
			return nil, fmt.Errorf("%w: non-zero header padding", ErrBadBlob)
		}
	}
	size := int(binary.BigEndian.Uint32(hdr[2:6]))
	if size > MaxPayloadForSymbols(len(evals)) {
		return nil, fmt.Errorf("%w: header claims %d bytes, blob holds at most %d",
			ErrBadBlob, size, MaxPayloadForSymbols(len(evals)))
	}
	out := make([]byte, 0, size+chunkSize)
	used := (size + chunkSize - 1) / chunkSize
	for i := headerSymbols; i < len(evals); i++ {
		sym := evals[i].Bytes()
		if sym[0] != 0 {
			return nil, fmt.Errorf("%w: symbol %d has a non-zero first byte", ErrBadBlob, i)
		}
		if i <= used {
			out = append(out, sym[1:]...)
			continue
		}
		if !evals[i].IsZero() {
			return nil, fmt.Errorf("%w: non-zero symbol %d past the payload", ErrBadBlob, i)
		}
	}
	for _, b := range out[size:] {
		if b != 0 {
			return nil, fmt.Errorf("%w: non-zero padding after the payload", ErrBadBlob)
		}
	}
	return out[:size], nil
}

// Serialize writes coefficients as 32-byte big-endian field elements, the
// blob byte format EigenDA disperses.
func Serialize(coeffs []fr.Element) []byte {
	out := make([]byte, len(coeffs)*SymbolSize)
	for i := range coeffs {
		b := coeffs[i].Bytes()
		copy(out[i*SymbolSize:], b[:])
	}
	return out
}

// Deserialize parses a blob of 32-byte big-endian field elements, rejecting
// values that are not canonical field elements.
func Deserialize(blob []byte) ([]fr.Element, error) {
	if len(blob)%SymbolSize != 0 {
		return nil, fmt.Errorf("%w: %d bytes is not a multiple of %d", ErrBadBlob, len(blob), SymbolSize)
	}
	out := make([]fr.Element, len(blob)/SymbolSize)
	for i := range out {
		if err := out[i].SetBytesCanonical(blob[i*SymbolSize : (i+1)*SymbolSize]); err != nil {
			return nil, fmt.Errorf("%w: symbol %d: %v", ErrBadBlob, i, err)
		}
	}
	return out, nil
}
