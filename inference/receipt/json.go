package receipt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxJSONSize bounds ParseJSON's input.
const MaxJSONSize = 64 << 20

// ParseJSON decodes and validates a JSON receipt. Unknown fields, trailing
// data and any hash that does not match its payload are errors.
func ParseJSON(b []byte) (*Receipt, error) {
	r, err := DecodeJSON(b)
	if err != nil {
		return nil, err
	}
	if err := r.VerifyHashes(); err != nil {
		return nil, err
	}
	return r, nil
}

// DecodeJSON decodes a JSON receipt strictly (unknown fields, trailing data,
// bounds) but does not check its hashes, so that `infer verify` can still
// replay a receipt whose payload was edited and show where it diverges.
func DecodeJSON(b []byte) (*Receipt, error) {
	if len(b) > MaxJSONSize {
		return nil, fmt.Errorf("receipt: json input of %d bytes over %d", len(b), MaxJSONSize)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var r Receipt
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("receipt: json: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("receipt: json: trailing data after the receipt object")
	}
	if err := r.Check(); err != nil {
		return nil, err
	}
	return &r, nil
}

// JSON returns the receipt as indented JSON, the form `infer verify` reads.
func (r *Receipt) JSON() ([]byte, error) {
	return json.MarshalIndent(r, "", "  ")
}
