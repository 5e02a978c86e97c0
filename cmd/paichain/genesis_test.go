package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/precompiles"
)

func runGenesisApp(args ...string) (string, error) {
	var out bytes.Buffer
	app := &cli.App{
		Name:           "paichain",
		Commands:       []*cli.Command{genesisCommand},
		Writer:         &out,
		ErrWriter:      &out,
		ExitErrHandler: func(*cli.Context, error) {},
	}
	err := app.RunContext(context.Background(), append([]string{"paichain", "genesis"}, args...))
	return out.String(), err
}

// storage reads a genesis alloc's storage.
type storage types.GenesisAlloc

func (s storage) GetState(a common.Address, k common.Hash) common.Hash { return s[a].Storage[k] }

func readInfo(t *testing.T, dir string) genesis.Info {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "paichain.json"))
	if err != nil {
		t.Fatal(err)
	}
	var info genesis.Info
	if err := json.Unmarshal(raw, &info); err != nil {
		t.Fatal(err)
	}
	return info
}

func TestGenesisDev(t *testing.T) {
	dir := t.TempDir()
	out, err := runGenesisApp("--dev", "--out", dir, "--l2.chainid", "4242")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	g := new(core.Genesis)
	if err := json.Unmarshal(raw, g); err != nil {
		t.Fatal(err)
	}
	// What `paichain node init` checks, plus the paichain state.
	if err := genesis.CheckPrecompiles(g); err != nil {
		t.Fatal(err)
	}
	st := storage(g.Alloc)
	info := readInfo(t, dir)
	if g.Config.ChainID.Uint64() != 4242 || info.L2ChainID != 4242 {
		t.Errorf("chain id %v / %d", g.Config.ChainID, info.L2ChainID)
	}
	if precompiles.ReadInferenceSigner(st) != info.InferenceSigner.Address {
		t.Error("paichain.json's inference signer is not the genesis one")
	}
	if m, ok := precompiles.ReadModel(st, info.Demo.ModelID); !ok || m.WeightsHash != info.Demo.ModelHash {
		t.Errorf("demo model %+v %v", m, ok)
	}
	if _, err := os.Stat(filepath.Join(dir, info.Demo.ModelDir, "model.safetensors")); err != nil {
		t.Error(err)
	}
	if !strings.Contains(out, info.InferenceSigner.Address.Hex()) || !strings.Contains(out, info.Demo.ModelHash.Hex()) {
		t.Errorf("summary lacks signer or demo hash:\n%s", out)
	}
}

func TestGenesisAllocOnly(t *testing.T) {
	dir := t.TempDir()
	gov := "0x00000000000000000000000000000000000060f0"
	if out, err := runGenesisApp("--alloc-only", "--out", dir, "--governance", gov); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "paichain-alloc.json"))
	if err != nil {
		t.Fatal(err)
	}
	var alloc types.GenesisAlloc
	if err := json.Unmarshal(raw, &alloc); err != nil {
		t.Fatal(err)
	}
	// Merged into any genesis, it carries every precompile account.
	if err := genesis.CheckPrecompiles(&core.Genesis{Alloc: alloc}); err != nil {
		t.Fatal(err)
	}
	if got := readInfo(t, dir).Governance; got != common.HexToAddress(gov) {
		t.Errorf("governance %s", got)
	}
	if acc := alloc[common.HexToAddress(gov)]; acc.Balance == nil || acc.Balance.Sign() == 0 {
		t.Error("governance not funded")
	}
}

// TestGenesisDevnetRunsPaichainDevnet checks the devnet mode's hand-off
// with a stand-in for bin/paichain-devnet that records its arguments.
func TestGenesisDevnetRunsPaichainDevnet(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	// The stand-in writes paichain.json as the real one does.
	info, err := genesis.NewInfo(77, common.HexToAddress("0x60f0"))
	if err != nil {
		t.Fatal(err)
	}
	infoJSON, _ := json.Marshal(info)
	fake := filepath.Join(dir, "paichain-devnet")
	script := "#!/bin/sh\necho \"$@\" > " + filepath.Join(dir, "args") + "\nmkdir -p " + out + "\ncat > " + filepath.Join(out, "paichain.json") + " <<'EOF'\n" + string(infoJSON) + "\nEOF\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	stdout, err := runGenesisApp("--out", out, "--l1.chainid", "1900", "--l2.chainid", "77", "--artifacts", "/x/forge-artifacts", "--devnet.bin", fake)
	if err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	args, _ := os.ReadFile(filepath.Join(dir, "args"))
	if want := "genesis --out " + out + " --l1.chainid 1900 --l2.chainid 77 --artifacts /x/forge-artifacts\n"; string(args) != want {
		t.Errorf("paichain-devnet got %q, want %q", args, want)
	}
	if !strings.Contains(stdout, info.InferenceSigner.Address.Hex()) {
		t.Errorf("no summary:\n%s", stdout)
	}

	// A failing paichain-devnet fails the command.
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := runGenesisApp("--out", t.TempDir(), "--devnet.bin", fake); err == nil || !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("failing paichain-devnet: %v", err)
	}
}

func TestGenesisErrors(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no paichain-devnet on $PATH
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--dev", "--alloc-only"}, "exclude each other"},
		{[]string{"--alloc-only", "--governance", "nope"}, "not an address"},
		{[]string{"--governance", "0x00000000000000000000000000000000000060f0"}, "--alloc-only only"},
		{[]string{"--devnet.bin", "/nonexistent/paichain-devnet"}, "--devnet.bin"},
		{[]string{"extra"}, "unexpected argument"},
		// The test binary has no paichain-devnet beside it.
		{nil, "make devnet-deps"},
	} {
		out, err := runGenesisApp(append(tc.args, "--out", t.TempDir())...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want %q\n%s", tc.args, err, tc.want, out)
		}
	}
}
