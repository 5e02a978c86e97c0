// Package genesis builds paichain genesis blocks: the precompile accounts
// (with their initial governance storage, inference signer and registered
// models), prefunded accounts and the chain configuration. The dev node
// (`paichain node --dev`) and the tests use Dev; a rollup genesis produced
// by other tooling (op-deployer's L2 allocs) gets paichain's accounts
// through Extras.Apply (DevnetExtras for the devnet) or AddPrecompiles.
package genesis

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/paichain/paichain/genesis/demo"
	"github.com/paichain/paichain/precompiles"
)

// DefaultGasLimit is the dev chain's block gas limit (geth --dev's default).
const DefaultGasLimit = 60_000_000

// DevBalance is what Dev credits each prefunded account: 10^6 ether, enough
// for any test while keeping balances readable.
var DevBalance = new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))

// Config describes a dev genesis.
type Config struct {
	// Governance controls the precompiles' fee policy (see precompiles.GenesisConfig);
	// it is also the protocol fee recipient and is prefunded.
	Governance common.Address
	// Prefund lists further accounts credited DevBalance.
	Prefund []common.Address
	// GasLimit of the genesis block; 0 means DefaultGasLimit.
	GasLimit uint64
	// ChainID; nil keeps geth's dev chain id 1337.
	ChainID *big.Int
	// InferenceSigner, if set, may send inference receipt transactions
	// (precompiles.GenesisConfig.InferenceSigner); it is prefunded.
	InferenceSigner common.Address
	// DemoOwner, if set, owns the demo model and adapter registered at
	// genesis (package demo); it is prefunded.
	DemoOwner common.Address
}

// Dev returns a single-node development genesis: geth's dev chain
// configuration (every Ethereum fork active at block 0, merged at genesis,
// so the simulated beacon can build blocks), the system contracts geth's
// dev genesis carries, the paichain precompile accounts, and the prefunded
// accounts.
func Dev(cfg Config) (*core.Genesis, error) {
	if cfg.Governance == (common.Address{}) {
		return nil, errors.New("genesis: dev genesis needs a governance address")
	}
	gasLimit := cfg.GasLimit
	if gasLimit == 0 {
		gasLimit = DefaultGasLimit
	}
	g := core.DeveloperGenesisBlock(gasLimit, nil)
	if cfg.ChainID != nil {
		if cfg.ChainID.Sign() <= 0 {
			return nil, fmt.Errorf("genesis: chain id %v must be positive", cfg.ChainID)
		}
		g.Config.ChainID = new(big.Int).Set(cfg.ChainID)
	}
	ex := Extras{
		Precompiles: precompiles.DefaultGenesisConfig(cfg.Governance),
		Prefund:     append([]common.Address{cfg.Governance}, cfg.Prefund...),
	}
	if cfg.InferenceSigner != (common.Address{}) {
		ex.Precompiles.InferenceSigner = cfg.InferenceSigner
		ex.Prefund = append(ex.Prefund, cfg.InferenceSigner)
	}
	if cfg.DemoOwner != (common.Address{}) {
		if err := ex.addDemo(cfg.DemoOwner); err != nil {
			return nil, err
		}
		ex.Prefund = append(ex.Prefund, cfg.DemoOwner)
	}
	if err := ex.Apply(g); err != nil {
		return nil, err
	}
	return g, nil
}

// Extras is what paichain adds to a genesis: the precompile accounts with
// their initial state, and prefunded accounts.
type Extras struct {
	Precompiles precompiles.GenesisConfig
	// Prefund lists accounts credited DevBalance.
	Prefund []common.Address
}

func (ex *Extras) addDemo(owner common.Address) error {
	models, adapters, err := demo.Registrations(owner)
	if err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	ex.Precompiles.Models = append(ex.Precompiles.Models, models...)
	ex.Precompiles.Adapters = append(ex.Precompiles.Adapters, adapters...)
	return nil
}

// Alloc returns the accounts Extras adds, to be merged into a genesis
// alloc. An address listed twice is an error.
func (ex Extras) Alloc() (types.GenesisAlloc, error) {
	g := &core.Genesis{}
	if err := ex.Apply(g); err != nil {
		return nil, err
	}
	return g.Alloc, nil
}

// Apply adds the accounts to g. An address that g already allocates, or
// that Extras lists twice, is an error, as for AddPrecompiles: merging
// would silently lose one side. On error g is unchanged.
func (ex Extras) Apply(g *core.Genesis) error {
	if err := ex.Precompiles.Validate(); err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	seen := make(map[common.Address]bool, len(ex.Prefund))
	for _, a := range ex.Prefund {
		if _, ok := g.Alloc[a]; ok || seen[a] {
			return fmt.Errorf("genesis: account %s is already allocated", a)
		}
		seen[a] = true
	}
	for _, a := range precompiles.Addresses() {
		if seen[a] {
			return fmt.Errorf("genesis: precompile address %s is already allocated", a)
		}
	}
	if err := AddPrecompiles(g, ex.Precompiles); err != nil {
		return err
	}
	for _, a := range ex.Prefund {
		g.Alloc[a] = types.Account{Balance: new(big.Int).Set(DevBalance)}
	}
	return nil
}

// AddPrecompiles adds the accounts of every registered precompile to g's
// alloc. An address that g already allocates is an error (and g is left
// unchanged): silently keeping either account would leave the precompile
// without its storage or clobber someone else's state.
func AddPrecompiles(g *core.Genesis, pc precompiles.GenesisConfig) error {
	if err := pc.Validate(); err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	if g.Alloc == nil {
		g.Alloc = make(types.GenesisAlloc)
	}
	alloc := precompiles.GenesisAlloc(pc)
	for addr := range alloc {
		if _, ok := g.Alloc[addr]; ok {
			return fmt.Errorf("genesis: precompile address %s is already allocated", addr)
		}
	}
	maps.Copy(g.Alloc, alloc)
	return nil
}

// CheckPrecompiles reports whether g carries an account for every registered
// precompile. Without it a precompile's address is an empty account whose
// storage the EVM deletes at the end of every transaction (EIP-161), so a
// chain started from such a genesis would forget every registration.
func CheckPrecompiles(g *core.Genesis) error {
	var missing []common.Address
	for _, addr := range precompiles.Addresses() {
		acc, ok := g.Alloc[addr]
		if !ok || (acc.Nonce == 0 && len(acc.Code) == 0) {
			missing = append(missing, addr)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("genesis: no non-empty account for precompile(s) %v; build the genesis with `paichain` tooling (genesis.AddPrecompiles)", missing)
	}
	return nil
}

// DevKey returns the i-th deterministic development key. These keys are
// public knowledge: use them only on dev chains and in tests.
func DevKey(i int) *ecdsa.PrivateKey {
	seed := crypto.Keccak256([]byte("paichain dev key " + strconv.Itoa(i)))
	key, err := crypto.ToECDSA(seed)
	if err != nil {
		// A keccak output is a valid secp256k1 scalar with probability
		// 1 - 2^-128; the indices used are checked by the tests.
		panic(fmt.Sprintf("genesis: dev key %d: %v", i, err))
	}
	return key
}

// DevAddress is the address of DevKey(i).
func DevAddress(i int) common.Address {
	return crypto.PubkeyToAddress(DevKey(i).PublicKey)
}
