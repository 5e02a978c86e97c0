package opgenesis

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/genesis/demo"
	"github.com/paichain/paichain/precompiles"
)

// artifactsDir returns the forge artifacts contracts.sh builds, skipping when
// they are absent (they take minutes to build: `make devnet-deps`).
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../build/contracts-bedrock/forge-artifacts")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "L2Genesis.s.sol")); err != nil {
		t.Skipf("forge artifacts missing (%v): run `make devnet-deps`", err)
	}
	return dir
}

func TestBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs op-deployer's whole genesis pipeline (~10 s)")
	}
	res, err := Build(context.Background(), Config{
		ArtifactsDir:         artifactsDir(t),
		L1ChainID:            900,
		L2ChainID:            901,
		AltDAChallengeWindow: 16,
		AltDAResolveWindow:   16,
	})
	if err != nil {
		t.Fatal(err)
	}

	// The rollup config commits to the genesis that includes our accounts.
	if got, want := res.Rollup.Genesis.L2.Hash, res.L2Genesis.ToBlock().Hash(); got != want {
		t.Fatalf("rollup genesis hash %s, L2 genesis block %s", got, want)
	}
	for _, addr := range precompiles.Addresses() {
		acct, ok := res.L2Genesis.Alloc[addr]
		if !ok || acct.Nonce != 1 || len(acct.Code) != 1 || acct.Code[0] != 0xfe {
			t.Fatalf("precompile %s: %+v, present %v", addr, acct, ok)
		}
	}
	// The paichain state: the inference signer, the demo registrations and
	// the funded dev accounts and governance.
	st := allocState(res.L2Genesis.Alloc)
	if got := precompiles.ReadInferenceSigner(st); got != genesis.DevAddress(genesis.InferenceSignerKey) {
		t.Fatalf("inference signer %s", got)
	}
	hashes, err := demo.ComputeHashes()
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := precompiles.ReadModel(st, 1); !ok || m.WeightsHash != hashes.Model {
		t.Fatalf("demo model %+v %v", m, ok)
	}
	if a, ok := precompiles.ReadAdapter(st, 1); !ok || a.AdapterHash != hashes.Adapter {
		t.Fatalf("demo adapter %+v %v", a, ok)
	}
	for _, a := range []common.Address{res.Roles.L2ProxyAdminOwner, genesis.DevAddress(genesis.InferenceSignerKey), genesis.DevAddress(genesis.DevAccounts - 1)} {
		if acc := res.L2Genesis.Alloc[a]; acc.Balance == nil || acc.Balance.Sign() <= 0 {
			t.Fatalf("%s is not funded on L2", a)
		}
	}
	if res.Paichain.Governance != res.Roles.L2ProxyAdminOwner || res.Paichain.L2ChainID != 901 {
		t.Fatalf("paichain info %+v", res.Paichain)
	}
	// OP predeploys are there too (L2ToL1MessagePasser proxy).
	if acct, ok := res.L2Genesis.Alloc[common.HexToAddress("0x4200000000000000000000000000000000000016")]; !ok || len(acct.Code) == 0 {
		t.Fatal("L2ToL1MessagePasser predeploy missing")
	}
	if res.Rollup.L2ChainID.Uint64() != 901 || res.Rollup.L1ChainID.Uint64() != 900 {
		t.Fatalf("chain ids L1 %v L2 %v", res.Rollup.L1ChainID, res.Rollup.L2ChainID)
	}
	da := res.Rollup.AltDAConfig
	if da == nil || da.CommitmentType != "GenericCommitment" || da.DAChallengeAddress != (common.Address{}) || da.DAChallengeWindow != 16 {
		t.Fatalf("alt-DA config %+v", da)
	}
	if !res.Rollup.IsJovian(res.Rollup.Genesis.L2Time) {
		t.Fatal("Jovian not active at genesis")
	}
	// The L1 state holds the deployed portal.
	portal := res.State.Chains[0].OptimismPortalProxy
	if acct, ok := res.L1.Accounts[portal]; !ok || len(acct.Code) == 0 {
		t.Fatalf("OptimismPortal proxy %s has no code in the L1 state", portal)
	}

	dir := t.TempDir()
	if err := res.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"l1-allocs.json", "l2-genesis.json", "rollup.json", "deployer-state.json", "paichain.json", "demo/model/model.safetensors"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Fatalf("%s: %v", f, err)
		}
	}
}

// allocState reads storage straight from a genesis alloc.
type allocState types.GenesisAlloc

func (s allocState) GetState(addr common.Address, slot common.Hash) common.Hash {
	return s[addr].Storage[slot]
}

func TestBuildRejectsBadConfig(t *testing.T) {
	for name, cfg := range map[string]Config{
		"no artifacts":    {L1ChainID: 900, L2ChainID: 901, AltDAChallengeWindow: 1, AltDAResolveWindow: 1},
		"no l2 chain id":  {ArtifactsDir: "x", L1ChainID: 900, AltDAChallengeWindow: 1, AltDAResolveWindow: 1},
		"zero DA windows": {ArtifactsDir: "x", L1ChainID: 900, L2ChainID: 901},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Build(context.Background(), cfg); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}
