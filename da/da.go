// Package da is paichain's data-availability layer: an OP Alt-DA server,
// wire-compatible with eigenda-proxy, in front of pluggable backends (the
// embedded devnet store and the real EigenDA network).
package da

import (
	"context"
	"errors"
)

// Cert versions carried in the commitment's version byte.
const (
	CertV2 byte = 0x01 // EigenDA V2 legacy cert, RLP encoded
	CertV3 byte = 0x02 // EigenDA V3 cert, ABI encoded
)

// Cert is a backend's proof that a payload was dispersed: the version byte
// and the encoded certificate that follows it in an OP generic commitment.
type Cert struct {
	Version byte
	Body    []byte
}

// Backend stores payloads and returns certs for them.
type Backend interface {
	// Name identifies the backend in logs, /config and metrics.
	Name() string
	// Put disperses payload and returns its cert.
	Put(ctx context.Context, payload []byte) (Cert, error)
	// Get returns the payload a cert commits to, after checking the cert.
	Get(ctx context.Context, c Cert) ([]byte, error)
}

// Errors backends return; the server maps them to HTTP status codes the way
// eigenda-proxy does.
var (
	ErrNotFound    = errors.New("da: blob not found")            // 404
	ErrTooLarge    = errors.New("da: payload too large")         // 413
	ErrInvalidCert = errors.New("da: invalid certificate")       // 418
	ErrRateLimited = errors.New("da: rate limited")              // 429
	ErrUnavailable = errors.New("da: data availability is down") // 503
)
