package precompiles

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
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
	// Models are registered at genesis with ids 1, 2, ... in this order,
	// exactly as registerModel would record them in block 0.
	Models []GenesisModel
	// Adapters are registered after the models, with ids 1, 2, ...
	Adapters []GenesisAdapter
}

// GenesisModel is a ModelRegistry entry present from genesis.
type GenesisModel struct {
	Owner       common.Address
	Name        string // 1..MaxNameLength bytes
	WeightsHash [32]byte
	URI         string   // at most MaxURILength bytes
	WeiPerCall  *big.Int // nil means free
}

// GenesisAdapter is a ModelRegistry adapter present from genesis.
type GenesisAdapter struct {
	Owner       common.Address
	BaseModelID uint64 // id of one of GenesisConfig.Models (1-based)
	AdapterHash [32]byte
	URI         string
	DatanetRoot [32]byte
	WeiPerCall  *big.Int
}

// DefaultGenesisConfig makes governance also the protocol fee recipient,
// with the default 10/20/20/50 fee policy.
func DefaultGenesisConfig(governance common.Address) GenesisConfig {
	return GenesisConfig{Governance: governance, ProtocolFeeRecipient: governance, FeePolicy: DefaultFeePolicy()}
}

// Validate checks the fee policy (a zero policy is the default and valid)
// and the genesis registrations against the rules registerModel and
// registerAdapter enforce, so that genesis state is state a transaction
// could have written.
func (cfg GenesisConfig) Validate() error {
	if cfg.FeePolicy != (FeePolicy{}) {
		if err := cfg.FeePolicy.Validate(); err != nil {
			return fmt.Errorf("precompiles genesis: %w", err)
		}
	}
	models := make(map[[32]byte]int, len(cfg.Models))
	for i, m := range cfg.Models {
		id := i + 1
		switch {
		case m.Owner == (common.Address{}):
			return fmt.Errorf("precompiles genesis: model %d (%q) has no owner", id, m.Name)
		case len(m.Name) == 0 || len(m.Name) > MaxNameLength:
			return fmt.Errorf("precompiles genesis: model %d name %q must be 1..%d bytes", id, m.Name, MaxNameLength)
		case len(m.URI) > MaxURILength:
			return fmt.Errorf("precompiles genesis: model %d uri is %d bytes, over %d", id, len(m.URI), MaxURILength)
		case m.WeightsHash == ([32]byte{}):
			return fmt.Errorf("precompiles genesis: model %d (%q) has a zero weights hash", id, m.Name)
		}
		if prev, dup := models[m.WeightsHash]; dup {
			return fmt.Errorf("precompiles genesis: model %d has the weights hash of model %d", id, prev)
		}
		models[m.WeightsHash] = id
		if err := checkPrice(m.WeiPerCall); err != nil {
			return fmt.Errorf("precompiles genesis: model %d: %w", id, err)
		}
	}
	adapters := make(map[[32]byte]int, len(cfg.Adapters))
	for i, a := range cfg.Adapters {
		id := i + 1
		switch {
		case a.Owner == (common.Address{}):
			return fmt.Errorf("precompiles genesis: adapter %d has no owner", id)
		case a.BaseModelID == 0 || a.BaseModelID > uint64(len(cfg.Models)):
			return fmt.Errorf("precompiles genesis: adapter %d base model %d is not a genesis model (1..%d)", id, a.BaseModelID, len(cfg.Models))
		case len(a.URI) > MaxURILength:
			return fmt.Errorf("precompiles genesis: adapter %d uri is %d bytes, over %d", id, len(a.URI), MaxURILength)
		case a.AdapterHash == ([32]byte{}):
			return fmt.Errorf("precompiles genesis: adapter %d has a zero hash", id)
		}
		if prev, dup := adapters[a.AdapterHash]; dup {
			return fmt.Errorf("precompiles genesis: adapter %d has the hash of adapter %d", id, prev)
		}
		adapters[a.AdapterHash] = id
		if err := checkPrice(a.WeiPerCall); err != nil {
			return fmt.Errorf("precompiles genesis: adapter %d: %w", id, err)
		}
	}
	return nil
}

func checkPrice(p *big.Int) error {
	if p != nil && (p.Sign() < 0 || p.BitLen() > 256) {
		return errors.New("price must be a uint256")
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
	withStorage := func(addr common.Address, storage map[common.Hash]common.Hash) {
		if len(storage) > 0 {
			acc := alloc[addr]
			acc.Storage = storage
			alloc[addr] = acc
		}
	}
	attribution := make(genesisStorage)
	attribution.setAddr(slotAt(slotGovernance), cfg.Governance)
	attribution.setAddr(slotAt(slotFeeRecipient), cfg.ProtocolFeeRecipient)
	if cfg.FeePolicy != (FeePolicy{}) {
		attribution.set(slotAt(slotFeePolicy), cfg.FeePolicy.word())
	}
	withStorage(AttributionAddress, attribution)
	inference := make(genesisStorage)
	inference.setAddr(slotAt(slotInferenceSigner), cfg.InferenceSigner)
	withStorage(InferenceAddress, inference)
	withStorage(ModelRegistryAddress, registryStorage(cfg))
	return alloc
}

// genesisStorage collects non-zero words: a zero word is an absent slot.
type genesisStorage map[common.Hash]common.Hash

func (s genesisStorage) set(slot, w common.Hash) {
	if w != (common.Hash{}) {
		s[slot] = w
	}
}

func (s genesisStorage) setAddr(slot common.Hash, a common.Address) { s.set(slot, addrWord(a)) }
func (s genesisStorage) setUint(slot common.Hash, v uint64)         { s.set(slot, word(uint256.NewInt(v))) }

func (s genesisStorage) setPrice(slot common.Hash, p *big.Int) {
	if p != nil {
		s.set(slot, word(uint256.MustFromBig(p)))
	}
}

// setString lays a string out as loadString reads it: a length word, then
// the bytes left-aligned in ceil(len/32) words.
func (s genesisStorage) setString(at common.Hash, str string) {
	s.setUint(at, uint64(len(str)))
	for i := 0; i*32 < len(str); i++ {
		var w common.Hash
		copy(w[:], str[i*32:])
		s.set(fieldSlot(at, 1+uint64(i)), w)
	}
}

// registryStorage writes the genesis models and adapters where
// registerModel/registerAdapter (and setModelPrice/setAdapterPrice) would,
// with registeredAt = 0 (block 0, the zero word).
func registryStorage(cfg GenesisConfig) genesisStorage {
	s := make(genesisStorage)
	s.setUint(slotAt(slotModelCount), uint64(len(cfg.Models)))
	s.setUint(slotAt(slotAdapterCount), uint64(len(cfg.Adapters)))
	for i, m := range cfg.Models {
		id := uint256.NewInt(uint64(i + 1))
		base := modelBase(id)
		s.setAddr(fieldSlot(base, modelOwner), m.Owner)
		s.set(fieldSlot(base, modelWeightsHash), m.WeightsHash)
		s.setPrice(fieldSlot(base, modelPrice), m.WeiPerCall)
		s.setString(fieldSlot(base, modelName), m.Name)
		s.setString(fieldSlot(base, modelURI), m.URI)
		s.set(mappingSlot(m.WeightsHash, mapModelByHash), word(id))
	}
	for i, a := range cfg.Adapters {
		id := uint256.NewInt(uint64(i + 1))
		base := adapterBase(id)
		s.setAddr(fieldSlot(base, adapterOwner), a.Owner)
		s.setUint(fieldSlot(base, adapterBaseModel), a.BaseModelID)
		s.set(fieldSlot(base, adapterHash), a.AdapterHash)
		s.set(fieldSlot(base, adapterDatanetRoot), a.DatanetRoot)
		s.setPrice(fieldSlot(base, adapterPrice), a.WeiPerCall)
		s.setString(fieldSlot(base, adapterURI), a.URI)
		s.set(mappingSlot(a.AdapterHash, mapAdapterByHash), word(id))
	}
	return s
}
