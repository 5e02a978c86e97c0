package precompiles

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/paichain/paichain/internal/testutil"
)

// TestABIMatchesSolidity recompiles contracts/interfaces with the pinned
// solc-js (0.8.28) and checks that the embedded ABIs are its exact output,
// so the Go precompiles and the published Solidity interfaces cannot drift.
func TestABIMatchesSolidity(t *testing.T) {
	if testing.Short() {
		t.Skip("runs solcjs (~4 s)")
	}
	root := testutil.RepoRoot(t)
	solcjs := testutil.ToolFile(t, ".bin/solcjs")
	out := t.TempDir()
	cmd := exec.Command(solcjs, "--abi", "-o", out,
		"contracts/interfaces/IModelRegistry.sol", "contracts/interfaces/IAttribution.sol", "contracts/interfaces/IInference.sol")
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("solcjs: %v\n%s", err, msg)
	}
	for _, tc := range []struct{ solc, embedded string }{
		{"contracts_interfaces_IModelRegistry_sol_IModelRegistry.abi", "IModelRegistry.abi.json"},
		{"contracts_interfaces_IAttribution_sol_IAttribution.abi", "IAttribution.abi.json"},
		{"contracts_interfaces_IInference_sol_IInference.abi", "IInference.abi.json"},
	} {
		fresh, err := os.ReadFile(filepath.Join(out, tc.solc))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join("abi", tc.embedded))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fresh, committed) {
			t.Errorf("precompiles/abi/%s is stale: run `make precompiles-abi`", tc.embedded)
		}
	}
}
