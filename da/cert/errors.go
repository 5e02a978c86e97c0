package cert

import (
	"encoding/json"
	"fmt"

	"github.com/paichain/paichain/da"
)

// Derivation status codes, as EigenDA defines them for the JSON body of an
// HTTP 418 (coretypes.DerivationError): a rollup's derivation pipeline drops
// the cert on any of them.
const (
	StatusCertParsingFailed  uint8 = 1 // the cert does not decode
	StatusRecencyCheckFailed uint8 = 2 // the cert is too old for its L1 inclusion block
	StatusInvalidCert        uint8 = 3 // the cert does not verify
	StatusBlobDecodingFailed uint8 = 4 // the blob does not decode to a payload
)

// DerivationError is an invalid cert, with the status code eigenda-proxy
// returns in its 418 body. It matches da.ErrInvalidCert with errors.Is.
type DerivationError struct {
	StatusCode uint8  `json:"StatusCode"`
	Msg        string `json:"Msg"`
}

func (e DerivationError) Error() string {
	return fmt.Sprintf("invalid cert (status %d): %s", e.StatusCode, e.Msg)
}

// Unwrap makes errors.Is(err, da.ErrInvalidCert) hold.
func (e DerivationError) Unwrap() error { return da.ErrInvalidCert }

// JSON is the 418 response body: {"StatusCode":n,"Msg":"..."}.
func (e DerivationError) JSON() []byte {
	b, _ := json.Marshal(e) // two plain fields; cannot fail
	return b
}

// Invalid returns a DerivationError with the given status.
func Invalid(status uint8, format string, args ...any) error {
	return DerivationError{StatusCode: status, Msg: fmt.Sprintf(format, args...)}
}

func parsingFailed(format string, args ...any) error {
	return Invalid(StatusCertParsingFailed, format, args...)
}
