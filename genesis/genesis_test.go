package genesis

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/genesis/demo"
	"github.com/paichain/paichain/precompiles"
)

func TestDev(t *testing.T) {
	gov := DevAddress(0)
	for _, tc := range []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"minimal", Config{Governance: gov}, ""},
		{"prefund and chain id", Config{Governance: gov, Prefund: []common.Address{DevAddress(1)}, ChainID: big.NewInt(901), GasLimit: 30_000_000}, ""},
		{"no governance", Config{}, "governance"},
		{"governance prefunded twice", Config{Governance: gov, Prefund: []common.Address{gov}}, "already allocated"},
		{"prefund on a precompile", Config{Governance: gov, Prefund: []common.Address{precompiles.ModelRegistryAddress}}, "already allocated"},
		{"zero chain id", Config{Governance: gov, ChainID: big.NewInt(0)}, "chain id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Dev(tc.cfg)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := CheckPrecompiles(g); err != nil {
				t.Fatal(err)
			}
			for _, addr := range precompiles.Addresses() {
				acc := g.Alloc[addr]
				if acc.Nonce != 1 || !bytes.Equal(acc.Code, []byte{0xfe}) {
					t.Errorf("precompile %s account = nonce %d code %x", addr, acc.Nonce, acc.Code)
				}
			}
			// Governance is written into the Attribution precompile's storage.
			var found bool
			for _, v := range g.Alloc[precompiles.AttributionAddress].Storage {
				found = found || common.BytesToAddress(v.Bytes()) == gov
			}
			if !found {
				t.Error("governance address not in the attribution precompile's genesis storage")
			}
			for _, a := range append([]common.Address{gov}, tc.cfg.Prefund...) {
				if g.Alloc[a].Balance.Cmp(DevBalance) != 0 {
					t.Errorf("%s balance %v, want %v", a, g.Alloc[a].Balance, DevBalance)
				}
			}
			if tc.cfg.ChainID != nil && g.Config.ChainID.Cmp(tc.cfg.ChainID) != 0 {
				t.Errorf("chain id %v", g.Config.ChainID)
			}
			if tc.cfg.GasLimit != 0 && g.GasLimit != tc.cfg.GasLimit {
				t.Errorf("gas limit %d", g.GasLimit)
			}
			// The dev chain is post-merge at genesis, as the simulated beacon needs.
			if g.Config.TerminalTotalDifficulty == nil || g.Config.TerminalTotalDifficulty.Sign() != 0 || g.Difficulty.Sign() != 0 {
				t.Error("dev genesis is not merged at block 0")
			}
			// Two builds of the same config are the same chain.
			g2, _ := Dev(tc.cfg)
			if g.ToBlock().Hash() != g2.ToBlock().Hash() {
				t.Error("Dev is not deterministic")
			}
		})
	}
}

func TestAddAndCheckPrecompiles(t *testing.T) {
	g := &core.Genesis{Alloc: types.GenesisAlloc{}}
	if err := CheckPrecompiles(g); err == nil {
		t.Fatal("CheckPrecompiles accepted a genesis without precompile accounts")
	}
	// An empty account at a precompile address is as bad as none.
	g.Alloc[precompiles.ModelRegistryAddress] = types.Account{Balance: big.NewInt(1)}
	if err := CheckPrecompiles(g); err == nil {
		t.Fatal("CheckPrecompiles accepted an empty precompile account")
	}
	if err := AddPrecompiles(g, precompiles.DefaultGenesisConfig(DevAddress(0))); err == nil {
		t.Fatal("AddPrecompiles overwrote an allocated address")
	}
	g = &core.Genesis{}
	if err := AddPrecompiles(g, precompiles.DefaultGenesisConfig(DevAddress(0))); err != nil {
		t.Fatal(err)
	}
	if err := CheckPrecompiles(g); err != nil {
		t.Fatal(err)
	}
	bad := precompiles.DefaultGenesisConfig(DevAddress(0))
	bad.FeePolicy.ProtocolBps = 9999
	if err := AddPrecompiles(&core.Genesis{}, bad); err == nil {
		t.Fatal("AddPrecompiles accepted an invalid fee policy")
	}
}

func TestDevKeys(t *testing.T) {
	seen := map[common.Address]bool{}
	for i := range 16 {
		a := DevAddress(i)
		if seen[a] {
			t.Fatalf("dev address %d repeats", i)
		}
		seen[a] = true
		if crypto.PubkeyToAddress(DevKey(i).PublicKey) != a {
			t.Fatalf("dev key %d does not match its address", i)
		}
	}
}

// allocState reads storage straight from a genesis alloc.
type allocState types.GenesisAlloc

func (s allocState) GetState(addr common.Address, slot common.Hash) common.Hash {
	return s[addr].Storage[slot]
}

func TestDevnetExtras(t *testing.T) {
	gov := common.HexToAddress("0x60f0")
	ex, err := DevnetExtras(gov)
	if err != nil {
		t.Fatal(err)
	}
	alloc, err := ex.Alloc()
	if err != nil {
		t.Fatal(err)
	}
	st := allocState(alloc)
	if got := precompiles.ReadInferenceSigner(st); got != DevAddress(InferenceSignerKey) {
		t.Errorf("inference signer %s, want %s", got, DevAddress(InferenceSignerKey))
	}
	hashes, err := demo.ComputeHashes()
	if err != nil {
		t.Fatal(err)
	}
	m, ok := precompiles.ReadModel(st, 1)
	if !ok || m.WeightsHash != hashes.Model || m.Owner != DevAddress(DemoOwnerKey) || m.Name != demo.ModelName || m.WeiPerCall.Cmp(demo.ModelPrice) != 0 {
		t.Errorf("model 1 = %+v, %v", m, ok)
	}
	a, ok := precompiles.ReadAdapter(st, 1)
	if !ok || a.AdapterHash != hashes.Adapter || a.BaseModelID.Uint64() != 1 || a.Owner != DevAddress(DemoOwnerKey) {
		t.Errorf("adapter 1 = %+v, %v", a, ok)
	}
	if precompiles.ReadModelCount(st) != 1 || precompiles.ReadAdapterCount(st) != 1 {
		t.Error("registry counts")
	}
	// Governance, the signer (it pays for receipt transactions) and every
	// dev account are funded.
	for _, addr := range append([]common.Address{gov, DevAddress(InferenceSignerKey)}, devAddresses()...) {
		if alloc[addr].Balance == nil || alloc[addr].Balance.Cmp(DevBalance) != 0 {
			t.Errorf("%s balance %v", addr, alloc[addr].Balance)
		}
	}
	if _, err := DevnetExtras(common.Address{}); err == nil {
		t.Error("DevnetExtras accepted no governance")
	}
	// Governance may be a dev account: it is funded once.
	if _, err := DevnetExtras(DevAddress(3)); err != nil {
		t.Errorf("governance = dev account 3: %v", err)
	}
}

func devAddresses() []common.Address {
	var out []common.Address
	for i := range DevAccounts {
		out = append(out, DevAddress(i))
	}
	return out
}

func TestExtrasApplyConflicts(t *testing.T) {
	ex, err := DevnetExtras(DevAddress(0))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		taken common.Address
		edit  func(*Extras)
	}{
		{"prefunded account taken", DevAddress(5), nil},
		{"precompile taken", precompiles.InferenceAddress, nil},
		{"listed twice", common.Address{}, func(e *Extras) { e.Prefund = append(e.Prefund, DevAddress(2)) }},
		{"prefund on a precompile", common.Address{}, func(e *Extras) { e.Prefund = append(e.Prefund, precompiles.AttributionAddress) }},
		{"invalid registrations", common.Address{}, func(e *Extras) { e.Precompiles.Adapters[0].BaseModelID = 7 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := ex
			e.Prefund = append([]common.Address(nil), ex.Prefund...)
			e.Precompiles.Adapters = append([]precompiles.GenesisAdapter(nil), ex.Precompiles.Adapters...)
			if tc.edit != nil {
				tc.edit(&e)
			}
			g := &core.Genesis{Alloc: types.GenesisAlloc{}}
			if tc.taken != (common.Address{}) {
				g.Alloc[tc.taken] = types.Account{Balance: big.NewInt(7)}
			}
			before := len(g.Alloc)
			if err := e.Apply(g); err == nil {
				t.Fatal("Apply accepted a conflicting genesis")
			}
			if len(g.Alloc) != before {
				t.Fatalf("failed Apply changed the genesis: %d accounts, had %d", len(g.Alloc), before)
			}
		})
	}
}

func TestDevWithSignerAndDemo(t *testing.T) {
	signer, owner := DevAddress(InferenceSignerKey), DevAddress(DemoOwnerKey)
	g, err := Dev(Config{Governance: common.HexToAddress("0x60f0"), InferenceSigner: signer, DemoOwner: owner})
	if err != nil {
		t.Fatal(err)
	}
	st := allocState(g.Alloc)
	if precompiles.ReadInferenceSigner(st) != signer {
		t.Error("dev genesis lacks the inference signer")
	}
	if m, ok := precompiles.ReadModel(st, 1); !ok || m.Owner != owner {
		t.Errorf("dev genesis demo model %+v %v", m, ok)
	}
	for _, a := range []common.Address{signer, owner} {
		if g.Alloc[a].Balance.Cmp(DevBalance) != 0 {
			t.Errorf("%s not prefunded", a)
		}
	}
	if _, err := Dev(Config{Governance: owner, DemoOwner: owner}); err == nil {
		t.Error("Dev accepted governance = demo owner prefunded twice")
	}
}

func TestDevConfigAndInfo(t *testing.T) {
	g, err := Dev(DevConfig(DevnetL2ChainID))
	if err != nil {
		t.Fatal(err)
	}
	if g.Config.ChainID.Uint64() != DevnetL2ChainID {
		t.Errorf("chain id %v", g.Config.ChainID)
	}
	for _, a := range devAddresses() {
		if g.Alloc[a].Balance == nil || g.Alloc[a].Balance.Cmp(DevBalance) != 0 {
			t.Errorf("dev account %s not prefunded", a)
		}
	}
	st := allocState(g.Alloc)
	if precompiles.ReadInferenceSigner(st) != DevAddress(InferenceSignerKey) || precompiles.ReadModelCount(st) != 1 {
		t.Error("dev genesis lacks signer or demo model")
	}

	dir := t.TempDir()
	info, err := NewInfo(DevnetL2ChainID, DevAddress(GovernanceKey))
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteInfo(dir, info); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "paichain.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back Info
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	// Every key in the file signs for its address.
	for _, k := range append([]Key{back.InferenceSigner, back.Demo.Owner}, back.DevAccounts...) {
		priv, err := crypto.ToECDSA(k.PrivateKey)
		if err != nil || crypto.PubkeyToAddress(priv.PublicKey) != k.Address {
			t.Fatalf("key for %s does not match (%v)", k.Address, err)
		}
	}
	m, _ := precompiles.ReadModel(st, back.Demo.ModelID)
	if m.WeightsHash != back.Demo.ModelHash || len(back.DevAccounts) != DevAccounts {
		t.Errorf("info demo %+v, genesis model %x", back.Demo, m.WeightsHash)
	}
	for _, p := range []string{back.Demo.ModelDir + "/model.safetensors", back.Demo.ModelDir + "/tokenizer.json", back.Demo.AdaptersDir + "/" + back.Demo.AdapterName + "/adapter_config.json"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("demo file: %v", err)
		}
	}
}
