package precompiles

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// A precompile's account carries nonce 1 and the code 0xfe (INVALID) so that
// it is never "empty" (EIP-161) and keeps its storage; the code is never run.
const accountNonce = 1

var accountCode = []byte{0xfe}

// GenesisConfig is the initial state of the precompiles.
type GenesisConfig struct {
	// Governance may change the fee policy, the protocol fee recipient and
	// itself. The zero address leaves the policy fixed forever.
	Governance common.Address
	// ProtocolFeeRecipient is credited the protocol's share of payments;
	// while zero, that share goes to the model owner.
	ProtocolFeeRecipient common.Address
	// FeePolicy is the initial split; the zero value means DefaultFeePolicy.
	FeePolicy FeePolicy
	// InferenceSigner is the sequencer's key for inference receipt
	// transactions (Inference.fulfill); governance may rotate it. The zero
	// address accepts no receipts until governance sets one.
	InferenceSigner common.Address
}

// DefaultGenesisConfig makes governance also the protocol fee recipient,
// with the default 10/20/20/50 fee policy.
func DefaultGenesisConfig(governance common.Address) GenesisConfig {
	return GenesisConfig{Governance: governance, ProtocolFeeRecipient: governance, FeePolicy: DefaultFeePolicy()}
}

// Validate checks the fee policy (a zero policy is the default and valid).
func (cfg GenesisConfig) Validate() error {
	if cfg.FeePolicy == (FeePolicy{}) {
		return nil
	}
	if err := cfg.FeePolicy.Validate(); err != nil {
		return fmt.Errorf("precompiles genesis: %w", err)
	}
	return nil
}

// GenesisAlloc returns the genesis accounts of every registered precompile:
// nonce 1, code 0xfe and the initial storage cfg describes. Merge it into
// the chain's genesis alloc. It panics if cfg fails Validate (check
// user-supplied configuration with Validate first).
func GenesisAlloc(cfg GenesisConfig) types.GenesisAlloc {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	alloc := make(types.GenesisAlloc, len(registered))
	for _, c := range registered {
		alloc[c.address] = types.Account{Nonce: accountNonce, Code: common.CopyBytes(accountCode), Balance: new(big.Int)}
	}
	storage := make(map[common.Hash]common.Hash)
	if cfg.Governance != (common.Address{}) {
		storage[slotAt(slotGovernance)] = addrWord(cfg.Governance)
	}
	if cfg.ProtocolFeeRecipient != (common.Address{}) {
		storage[slotAt(slotFeeRecipient)] = addrWord(cfg.ProtocolFeeRecipient)
	}
	if cfg.FeePolicy != (FeePolicy{}) {
		storage[slotAt(slotFeePolicy)] = cfg.FeePolicy.word()
	}
	if len(storage) > 0 {
		acc := alloc[AttributionAddress]
		acc.Storage = storage
		alloc[AttributionAddress] = acc
	}
	if cfg.InferenceSigner != (common.Address{}) {
		acc := alloc[InferenceAddress]
		acc.Storage = map[common.Hash]common.Hash{slotAt(slotInferenceSigner): addrWord(cfg.InferenceSigner)}
		alloc[InferenceAddress] = acc
	}
	return alloc
}
