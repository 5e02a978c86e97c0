package paichainapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/holiman/uint256"
)

// The estimator hands a caller's arguments unchanged to geth's own
// eth_estimateGas (whose argument types live in go-ethereum's internal
// packages, which other modules cannot import), so the arguments are kept
// as JSON. Only a call that needs inference is run here, from the same
// fields geth reads (internal/ethapi's TransactionArgs, StateOverride and
// BlockOverrides); what this package does not implement sends the call
// back to geth's path.

// errUnsupported marks arguments only geth's own path handles.
var errUnsupported = errors.New("unsupported")

// CallArgs is an eth_call transaction object, kept verbatim. Decoding
// never fails here: malformed objects are geth's to reject, with geth's
// error.
type CallArgs struct{ raw json.RawMessage }

// UnmarshalJSON implements json.Unmarshaler.
func (c *CallArgs) UnmarshalJSON(b []byte) error {
	c.raw = append(json.RawMessage(nil), b...)
	return nil
}

// MarshalJSON returns the object as received.
func (c CallArgs) MarshalJSON() ([]byte, error) {
	if c.raw == nil {
		return []byte("null"), nil
	}
	return c.raw, nil
}

// txArgs are the fields of internal/ethapi.TransactionArgs a message needs.
type txArgs struct {
	From                 *common.Address              `json:"from"`
	To                   *common.Address              `json:"to"`
	Gas                  *hexutil.Uint64              `json:"gas"`
	GasPrice             *hexutil.Big                 `json:"gasPrice"`
	MaxFeePerGas         *hexutil.Big                 `json:"maxFeePerGas"`
	MaxPriorityFeePerGas *hexutil.Big                 `json:"maxPriorityFeePerGas"`
	Value                *hexutil.Big                 `json:"value"`
	Nonce                *hexutil.Uint64              `json:"nonce"`
	Data                 *hexutil.Bytes               `json:"data"`
	Input                *hexutil.Bytes               `json:"input"`
	AccessList           *types.AccessList            `json:"accessList"`
	ChainID              *hexutil.Big                 `json:"chainId"`
	AuthorizationList    []types.SetCodeAuthorization `json:"authorizationList"`
	// Blob transactions never call infer usefully; geth handles them.
	BlobFeeCap *hexutil.Big    `json:"maxFeePerBlobGas"`
	BlobHashes []common.Hash   `json:"blobVersionedHashes"`
	Blobs      []hexutil.Bytes `json:"blobs"`
}

func (c CallArgs) parse() (*txArgs, error) {
	var a txArgs
	if len(c.raw) == 0 || string(c.raw) == "null" {
		return nil, errUnsupported
	}
	if err := json.Unmarshal(c.raw, &a); err != nil {
		return nil, errUnsupported
	}
	if a.Data != nil && a.Input != nil && !bytes.Equal(*a.Data, *a.Input) {
		return nil, errUnsupported
	}
	if a.BlobFeeCap != nil || a.BlobHashes != nil || a.Blobs != nil {
		return nil, errUnsupported
	}
	return &a, nil
}

func (a *txArgs) data() []byte {
	switch {
	case a.Input != nil:
		return *a.Input
	case a.Data != nil:
		return *a.Data
	}
	return nil
}

// message is TransactionArgs.CallDefaults then ToMessage as
// eth_estimateGas calls them: a gas limit of zero unless given (the
// estimator then searches up to the block's), capped by gasCap; fees
// 1559-style on a chain with a base fee.
func (a *txArgs) message(gasCap uint64, baseFee, chainID *big.Int) (*core.Message, error) {
	if a.GasPrice != nil && (a.MaxFeePerGas != nil || a.MaxPriorityFeePerGas != nil) {
		return nil, errUnsupported // geth rejects it
	}
	if a.ChainID != nil && a.ChainID.ToInt().Cmp(chainID) != 0 {
		return nil, errUnsupported
	}
	var gas uint64
	if a.Gas != nil {
		gas = uint64(*a.Gas)
		if gasCap > 0 && gas > gasCap {
			gas = gasCap
		}
	}
	value := new(big.Int)
	if a.Value != nil {
		value = a.Value.ToInt()
	}
	var nonce uint64
	if a.Nonce != nil {
		nonce = uint64(*a.Nonce)
	}
	gasPrice, feeCap, tip := new(big.Int), new(big.Int), new(big.Int)
	switch {
	case a.GasPrice != nil:
		gasPrice = a.GasPrice.ToInt()
		feeCap, tip = gasPrice, gasPrice
	case baseFee != nil:
		if a.MaxFeePerGas != nil {
			feeCap = a.MaxFeePerGas.ToInt()
		}
		if a.MaxPriorityFeePerGas != nil {
			tip = a.MaxPriorityFeePerGas.ToInt()
		}
		if feeCap.BitLen() > 0 || tip.BitLen() > 0 {
			gasPrice = new(big.Int).Add(tip, baseFee)
			if gasPrice.Cmp(feeCap) > 0 {
				gasPrice = feeCap
			}
		}
	}
	var from common.Address
	if a.From != nil {
		from = *a.From
	}
	var al types.AccessList
	if a.AccessList != nil {
		al = *a.AccessList
	}
	return &core.Message{
		From: from, To: a.To, Value: value, Nonce: nonce, GasLimit: gas,
		GasPrice: gasPrice, GasFeeCap: feeCap, GasTipCap: tip, Data: a.data(), AccessList: al,
		SetCodeAuthorizations: a.AuthorizationList, SkipNonceChecks: true, SkipTransactionChecks: true,
	}, nil
}

// StateOverride is eth_call's state override set (address => balance,
// nonce, code, state, stateDiff, movePrecompileToAddress), kept as JSON.
type StateOverride map[common.Address]json.RawMessage

// overrideAccount is internal/ethapi/override.OverrideAccount.
type overrideAccount struct {
	Nonce            *hexutil.Uint64             `json:"nonce"`
	Code             *hexutil.Bytes              `json:"code"`
	Balance          *hexutil.Big                `json:"balance"`
	State            map[common.Hash]common.Hash `json:"state"`
	StateDiff        map[common.Hash]common.Hash `json:"stateDiff"`
	MovePrecompileTo *common.Address             `json:"movePrecompileToAddress"`
}

// apply writes the overrides into st as geth does. Overriding or moving a
// precompile (which geth implements by swapping the EVM's precompile set)
// is left to geth.
func (o StateOverride) apply(st *state.StateDB, precompiles vm.PrecompiledContracts) error {
	for addr, raw := range o {
		var acc overrideAccount
		if err := json.Unmarshal(raw, &acc); err != nil {
			return errUnsupported
		}
		if _, ok := precompiles[addr]; ok || acc.MovePrecompileTo != nil {
			return errUnsupported
		}
		if acc.State != nil && acc.StateDiff != nil {
			return errUnsupported
		}
		if acc.Nonce != nil {
			st.SetNonce(addr, uint64(*acc.Nonce), tracing.NonceChangeUnspecified)
		}
		if acc.Code != nil {
			st.SetCode(addr, *acc.Code, tracing.CodeChangeUnspecified)
		}
		if acc.Balance != nil {
			b, overflow := uint256.FromBig(acc.Balance.ToInt())
			if overflow {
				return errUnsupported
			}
			st.SetBalance(addr, b, tracing.BalanceChangeUnspecified)
		}
		if acc.State != nil {
			st.SetStorage(addr, acc.State)
		}
		for k, v := range acc.StateDiff {
			st.SetState(addr, k, v)
		}
	}
	st.Finalise(false)
	return nil
}

// BlockOverrides is eth_call's block override object, kept as JSON.
type BlockOverrides json.RawMessage

// MarshalJSON and UnmarshalJSON keep the object verbatim.
func (o BlockOverrides) MarshalJSON() ([]byte, error) {
	if o == nil {
		return []byte("null"), nil
	}
	return o, nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (o *BlockOverrides) UnmarshalJSON(b []byte) error {
	*o = append((*o)[:0], b...)
	return nil
}

// blockOverrides is internal/ethapi/override.BlockOverrides, less the
// fields only geth's path handles (blobBaseFee, beaconRoot, withdrawals).
type blockOverrides struct {
	Number        *hexutil.Big    `json:"number"`
	Difficulty    *hexutil.Big    `json:"difficulty"`
	Time          *hexutil.Uint64 `json:"time"`
	GasLimit      *hexutil.Uint64 `json:"gasLimit"`
	FeeRecipient  *common.Address `json:"feeRecipient"`
	PrevRandao    *common.Hash    `json:"prevRandao"`
	BaseFeePerGas *hexutil.Big    `json:"baseFeePerGas"`
}

// apply returns a copy of h with the overrides; the EVM's block context
// derives number, time, gas limit, coinbase, randomness and base fee from
// these header fields.
func (o BlockOverrides) apply(h *types.Header) (*types.Header, error) {
	h = types.CopyHeader(h)
	if len(o) == 0 || string(o) == "null" {
		return h, nil
	}
	dec := json.NewDecoder(bytes.NewReader(o))
	dec.DisallowUnknownFields()
	var b blockOverrides
	if err := dec.Decode(&b); err != nil {
		return nil, errUnsupported
	}
	if b.Number != nil {
		if b.Number.ToInt().Sign() < 0 || !b.Number.ToInt().IsUint64() || b.Number.ToInt().Uint64() > math.MaxInt64 {
			return nil, errUnsupported
		}
		h.Number = b.Number.ToInt()
	}
	if b.Difficulty != nil {
		h.Difficulty = b.Difficulty.ToInt()
	}
	if b.Time != nil {
		h.Time = uint64(*b.Time)
	}
	if b.GasLimit != nil {
		h.GasLimit = uint64(*b.GasLimit)
	}
	if b.FeeRecipient != nil {
		h.Coinbase = *b.FeeRecipient
	}
	if b.PrevRandao != nil {
		h.MixDigest = *b.PrevRandao
	}
	if b.BaseFeePerGas != nil {
		h.BaseFee = b.BaseFeePerGas.ToInt()
	}
	return h, nil
}

// revertError is geth's eth_call/eth_estimateGas revert error: code 3,
// message "execution reverted: <decoded reason>", data the revert bytes.
type revertError struct {
	msg  string
	data string
}

func newRevertError(revert []byte) *revertError {
	return &revertError{msg: revertMessage(revert), data: hexutil.Encode(revert)}
}

func (e *revertError) Error() string          { return e.msg }
func (e *revertError) ErrorCode() int         { return 3 }
func (e *revertError) ErrorData() interface{} { return e.data }

func revertMessage(revert []byte) string {
	if reason, err := abi.UnpackRevert(revert); err == nil {
		return fmt.Sprintf("%v: %v", vm.ErrExecutionReverted, reason)
	}
	return vm.ErrExecutionReverted.Error()
}
