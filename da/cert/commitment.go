package cert

import (
	"errors"
	"fmt"

	"github.com/paichain/paichain/da"
)

// Mode is how a commitment is framed, as eigenda-proxy's commitment_mode.
type Mode string

const (
	// ModeOPGeneric is OP Alt-DA's generic commitment:
	// 0x01 | da layer byte 0x00 (EigenDA) | version byte | cert.
	ModeOPGeneric Mode = "optimism_generic"
	// ModeStandard (?commitment_mode=standard, used by Arbitrum Nitro) is
	// version byte | cert.
	ModeStandard Mode = "standard"
)

// Commitment framing bytes.
const (
	CommitmentTypeKeccak  byte = 0x00 // OP keccak256 commitment (not served)
	CommitmentTypeGeneric byte = 0x01 // OP generic commitment
	DALayerEigenDA        byte = 0x00 // EigenDA's da-layer byte in generic commitments
)

// ErrCommitment is a commitment whose framing is malformed (HTTP 400).
var ErrCommitment = errors.New("cert: malformed commitment")

// EncodeCommitment frames a cert as a commitment in the given mode.
func EncodeCommitment(c da.Cert, mode Mode) []byte {
	switch mode {
	case ModeStandard:
		return append([]byte{c.Version}, c.Body...)
	default:
		return append([]byte{CommitmentTypeGeneric, DALayerEigenDA, c.Version}, c.Body...)
	}
}

// DecodeCommitment strips the framing of a commitment and returns the cert
// it carries. Framing errors wrap ErrCommitment; the cert body is not
// decoded here (see Decode).
func DecodeCommitment(b []byte, mode Mode) (da.Cert, error) {
	switch mode {
	case ModeStandard:
		if len(b) < 1 {
			return da.Cert{}, fmt.Errorf("%w: empty", ErrCommitment)
		}
		return da.Cert{Version: b[0], Body: b[1:]}, nil
	case ModeOPGeneric:
		if len(b) < 3 {
			return da.Cert{}, fmt.Errorf("%w: %d bytes, need at least 3", ErrCommitment, len(b))
		}
		if b[0] != CommitmentTypeGeneric {
			return da.Cert{}, fmt.Errorf("%w: commitment type 0x%02x is not generic (0x01)", ErrCommitment, b[0])
		}
		if b[1] != DALayerEigenDA {
			return da.Cert{}, fmt.Errorf("%w: da layer byte 0x%02x is not EigenDA (0x00)", ErrCommitment, b[1])
		}
		return da.Cert{Version: b[2], Body: b[3:]}, nil
	default:
		return da.Cert{}, fmt.Errorf("%w: unknown commitment mode %q", ErrCommitment, mode)
	}
}
