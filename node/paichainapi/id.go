package paichainapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// maxIDText bounds an ID argument's JSON text: 2^256-1 has 78 decimal
// digits, 66 characters in hex; anything longer is rejected unread.
const maxIDText = 80

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// ID is a registry id argument (model or adapter). Wallets and scripts
// write ids every which way, so it accepts a JSON number (1), a decimal
// string ("1") or a hex quantity ("0x1"); anything else, negative numbers,
// fractions, exponents or values of 2^256 and above, is an invalid argument
// (JSON-RPC error -32602).
type ID struct{ v *big.Int }

// UnmarshalJSON implements json.Unmarshaler.
func (id *ID) UnmarshalJSON(b []byte) error {
	v, err := parseID(b)
	if err != nil {
		return err
	}
	id.v = v
	return nil
}

// MarshalJSON writes the id as a hex quantity, as geth writes numbers.
func (id ID) MarshalJSON() ([]byte, error) {
	return json.Marshal((*hexutil.Big)(id.Int()))
}

// Int returns the id (zero for the zero ID).
func (id ID) Int() *big.Int {
	if id.v == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(id.v)
}

func parseID(b []byte) (*big.Int, error) {
	if len(b) > maxIDText {
		return nil, fmt.Errorf("id: %d characters, more than any 256-bit id", len(b))
	}
	s := string(b)
	quoted := len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"'
	if quoted {
		s = s[1 : len(s)-1]
	}
	if s == "" || s == "null" && !quoted {
		return nil, errors.New("id: empty; want a number, a decimal string or a 0x hex quantity")
	}
	var v *big.Int
	switch {
	case quoted && (strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")):
		digits := s[2:]
		if digits == "" || !allDigits(digits, isHex) {
			return nil, fmt.Errorf("id: %q is not a hex quantity", s)
		}
		v, _ = new(big.Int).SetString(digits, 16)
	case allDigits(s, isDecimal):
		v, _ = new(big.Int).SetString(s, 10)
	default:
		return nil, fmt.Errorf("id: %q is not a non-negative integer (want 1, \"1\" or \"0x1\")", s)
	}
	if v.Cmp(maxUint256) > 0 {
		return nil, fmt.Errorf("id: %s does not fit in uint256", s)
	}
	return v, nil
}

func isDecimal(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool { return isDecimal(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func allDigits(s string, ok func(byte) bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}
