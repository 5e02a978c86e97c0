package genesis

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/genesis/demo"
	"github.com/paichain/paichain/precompiles"
)

// Devnet chain ids: L1 (go-ethereum dev chain) and the paichain L2.
const (
	DevnetL1ChainID = 900
	DevnetL2ChainID = 901
)

// Dev key roles: indices of DevKey with a fixed job on dev chains and the
// devnet (docs/devnet.md lists the addresses).
const (
	// DemoOwnerKey owns the demo model and adapter.
	DemoOwnerKey = 0
	// InferenceSignerKey signs the sequencer's inference receipt
	// transactions (Inference.fulfill).
	InferenceSignerKey = 1
	// GovernanceKey is governance of a single-node dev genesis (`paichain
	// genesis --dev`); the devnet's governance is its L2 proxy admin owner.
	GovernanceKey = 2
	// DevAccounts is how many dev keys (DevKey(0) .. DevKey(DevAccounts-1))
	// are prefunded.
	DevAccounts = 10
)

// DevnetExtras is the devnet L2's paichain state: governance (also the
// protocol fee recipient) with the default fee policy, the inference signer
// DevAddress(InferenceSignerKey), the demo model and adapter owned by
// DevAddress(DemoOwnerKey), and governance plus DevAddress(0) ..
// DevAddress(DevAccounts-1) prefunded.
func DevnetExtras(governance common.Address) (Extras, error) {
	if governance == (common.Address{}) {
		return Extras{}, errors.New("genesis: devnet needs a governance address")
	}
	ex := Extras{Precompiles: precompiles.DefaultGenesisConfig(governance), Prefund: []common.Address{governance}}
	ex.Precompiles.InferenceSigner = DevAddress(InferenceSignerKey)
	if err := ex.addDemo(DevAddress(DemoOwnerKey)); err != nil {
		return Extras{}, err
	}
	for i := range DevAccounts {
		if a := DevAddress(i); a != governance {
			ex.Prefund = append(ex.Prefund, a)
		}
	}
	return ex, nil
}

// DevConfig is the single-node dev genesis `paichain genesis --dev` writes:
// the devnet's paichain state (signer, demo, dev accounts) with
// DevAddress(GovernanceKey) as governance.
func DevConfig(chainID uint64) Config {
	cfg := Config{
		Governance:      DevAddress(GovernanceKey),
		InferenceSigner: DevAddress(InferenceSignerKey),
		DemoOwner:       DevAddress(DemoOwnerKey),
	}
	if chainID != 0 {
		cfg.ChainID = new(big.Int).SetUint64(chainID)
	}
	for i := range DevAccounts {
		switch i {
		case GovernanceKey, InferenceSignerKey, DemoOwnerKey:
		default:
			cfg.Prefund = append(cfg.Prefund, DevAddress(i))
		}
	}
	return cfg
}

// Key is a dev account with its private key (public knowledge: dev chains
// only).
type Key struct {
	Address    common.Address `json:"address"`
	PrivateKey hexutil.Bytes  `json:"privateKey"`
}

// DevKeyInfo is DevKey(i) as a Key.
func DevKeyInfo(i int) Key {
	return Key{Address: DevAddress(i), PrivateKey: crypto.FromECDSA(DevKey(i))}
}

// Info describes a chain's paichain accounts for operators and tools; it is
// written as paichain.json next to the genesis.
type Info struct {
	L2ChainID   uint64 `json:"l2ChainId"`
	Precompiles struct {
		ModelRegistry common.Address `json:"modelRegistry"`
		Attribution   common.Address `json:"attribution"`
		Inference     common.Address `json:"inference"`
	} `json:"precompiles"`
	Governance      common.Address `json:"governance"`
	InferenceSigner Key            `json:"inferenceSigner"`
	Demo            DemoInfo       `json:"demo"`
	// DevAccounts are DevKey(0) .. DevKey(DevAccounts-1), all prefunded.
	DevAccounts []Key `json:"devAccounts"`
}

// DemoInfo names the demo registrations and the files serving them.
type DemoInfo struct {
	Owner       Key         `json:"owner"`
	ModelID     uint64      `json:"modelId"`
	ModelName   string      `json:"modelName"`
	ModelHash   common.Hash `json:"modelHash"`
	AdapterID   uint64      `json:"adapterId"`
	AdapterName string      `json:"adapterName"`
	AdapterHash common.Hash `json:"adapterHash"`
	// ModelDir and AdaptersDir are relative to paichain.json's directory:
	// `paichain infer --model <ModelDir> --adapters <AdaptersDir>`.
	ModelDir    string `json:"modelDir"`
	AdaptersDir string `json:"adaptersDir"`
}

// NewInfo describes a genesis built from DevnetExtras(governance) or
// DevConfig.
func NewInfo(l2ChainID uint64, governance common.Address) (Info, error) {
	h, err := demo.ComputeHashes()
	if err != nil {
		return Info{}, fmt.Errorf("genesis: %w", err)
	}
	info := Info{
		L2ChainID:       l2ChainID,
		Governance:      governance,
		InferenceSigner: DevKeyInfo(InferenceSignerKey),
		Demo: DemoInfo{
			Owner:   DevKeyInfo(DemoOwnerKey),
			ModelID: 1, ModelName: demo.ModelName, ModelHash: h.Model,
			AdapterID: 1, AdapterName: demo.AdapterName, AdapterHash: h.Adapter,
			ModelDir: "demo/model", AdaptersDir: "demo/adapters",
		},
	}
	info.Precompiles.ModelRegistry = precompiles.ModelRegistryAddress
	info.Precompiles.Attribution = precompiles.AttributionAddress
	info.Precompiles.Inference = precompiles.InferenceAddress
	for i := range DevAccounts {
		info.DevAccounts = append(info.DevAccounts, DevKeyInfo(i))
	}
	return info, nil
}

// WriteInfo writes dir/paichain.json and the demo model and adapter files
// it points to (dir/demo).
func WriteInfo(dir string, info Info) error {
	if _, err := demo.Write(filepath.Join(dir, "demo")); err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	return WriteJSON(filepath.Join(dir, "paichain.json"), info)
}

// WriteJSON writes v (a genesis, an alloc, an Info) as indented JSON,
// through a temporary file so that a reader never sees half a file.
func WriteJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("genesis: %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("genesis: %w", err)
	}
	return nil
}
