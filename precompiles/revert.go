package precompiles

import (
	"bytes"
	"fmt"
	"math/big"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

func init() {
	// Patch 0002 lets abi.UnpackRevert consult this, so eth_call errors and
	// call traces read "execution reverted: UnknownModel(99)" in every tool.
	abi.RegisterRevertDecoder(DecodeRevert)
}

// DecodeRevert names a paichain precompile custom error in revert data, as
// "Name(arg, ...)". Only the exact ABI encoding of a declared error matches.
func DecodeRevert(data []byte) (string, bool) {
	if len(data) < 4 {
		return "", false
	}
	for _, c := range registered {
		for _, e := range c.abi.Errors {
			if !bytes.Equal(e.ID[:4], data[:4]) {
				continue
			}
			vals, err := e.Inputs.Unpack(data[4:])
			if err != nil {
				return "", false
			}
			if canon, err := e.Inputs.Pack(vals...); err != nil || !bytes.Equal(canon, data[4:]) {
				return "", false
			}
			args := make([]string, len(vals))
			for i, v := range vals {
				args[i] = formatArg(v)
			}
			return e.Name + "(" + strings.Join(args, ", ") + ")", true
		}
	}
	return "", false
}

// formatArg writes an ABI value the way cast prints it: integers in decimal,
// byte strings and fixed bytes in hex, addresses checksummed.
func formatArg(v any) string {
	switch x := v.(type) {
	case *big.Int:
		return x.String()
	case common.Address:
		return x.Hex()
	case []byte:
		return hexutil.Encode(x)
	case string:
		return fmt.Sprintf("%q", x)
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Array && rv.Type().Elem().Kind() == reflect.Uint8 {
		b := make([]byte, rv.Len())
		reflect.Copy(reflect.ValueOf(b), rv)
		return hexutil.Encode(b)
	}
	return fmt.Sprint(v)
}
