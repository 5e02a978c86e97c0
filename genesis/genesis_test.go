package genesis

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

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
