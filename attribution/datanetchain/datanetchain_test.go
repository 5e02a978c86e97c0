package datanetchain_test

import (
	"bytes"
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/datanetchain"
	"github.com/paichain/paichain/contracts/bindings"
)

// TestExpectedRootIsTheManifestRoot: the root the registry recomputes from
// a version's parts and the pool is the Datanet root `datanet build`
// writes, and any changed part changes it.
func TestExpectedRootIsTheManifestRoot(t *testing.T) {
	pool := common.HexToAddress("0x00000000000000000000000000000000000000fe")
	tok, info := tok512(t)
	dir := filepath.Join(t.TempDir(), "dn")
	m, err := datanet.Build(datanet.Config{Dir: dir, Tokenizer: info, Tokenize: tok.Encode, Pool: pool},
		datanet.Slice([]datanet.Contribution{{ID: "1", Contributor: common.HexToAddress("0xa1"), Text: stories[0]}, {ID: "2", Contributor: common.HexToAddress("0xa2"), Text: stories[1]}}))
	if err != nil {
		t.Fatal(err)
	}
	in, err := datanetchain.ManifestInput(m, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := datanetchain.ExpectedRoot(in, pool); got != m.Root {
		t.Fatalf("ExpectedRoot = %s, manifest root %s", got, m.Root)
	}
	for name, mutate := range map[string]func(*datanetchain.VersionInput){
		"tokens root": func(v *datanetchain.VersionInput) { v.TokensRoot[31] ^= 1 },
		"sa root":     func(v *datanetchain.VersionInput) { v.SaRoot[0] ^= 1 },
		"docs root":   func(v *datanetchain.VersionInput) { v.DocsRoot[5] ^= 1 },
		"counts root": func(v *datanetchain.VersionInput) { v.CountsRoot[9] ^= 1 },
		"tokenizer":   func(v *datanetchain.VersionInput) { v.TokenizerHash[1] ^= 1 },
		"tokens":      func(v *datanetchain.VersionInput) { v.Tokens++ },
		"documents":   func(v *datanetchain.VersionInput) { v.Documents++ },
	} {
		v := in
		mutate(&v)
		if datanetchain.ExpectedRoot(v, pool) == m.Root {
			t.Errorf("%s changed, root did not", name)
		}
	}
	if datanetchain.ExpectedRoot(in, common.HexToAddress("0xfd")) == m.Root {
		t.Error("another pool, same root")
	}
	if _, err := datanetchain.ManifestInput(&datanet.Manifest{}, ""); err == nil {
		t.Error("empty manifest accepted")
	}
}

// TestDocumentIDs: a build's ids must be increasing decimal contribution ids.
func TestDocumentIDs(t *testing.T) {
	tok, info := tok512(t)
	for _, tc := range []struct {
		ids  []string
		want string
	}{
		{[]string{"1", "2", "10"}, ""},
		{[]string{"2", "1"}, "does not follow"},
		{[]string{"1", "1x"}, "not an on-chain contribution id"},
		{[]string{"01"}, "not an on-chain contribution id"},
		{[]string{"0"}, "not an on-chain contribution id"},
		{[]string{"-3"}, "not an on-chain contribution id"},
		{[]string{"lily.txt"}, "not an on-chain contribution id"},
	} {
		var cs []datanet.Contribution
		for i, id := range tc.ids {
			cs = append(cs, datanet.Contribution{ID: id, Contributor: common.HexToAddress("0xa1"), Text: stories[i]})
		}
		dir := filepath.Join(t.TempDir(), "dn")
		if _, err := datanet.Build(datanet.Config{Dir: dir, Tokenizer: info, Tokenize: tok.Encode}, datanet.Slice(cs)); err != nil {
			t.Fatal(err)
		}
		dn, err := datanet.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := datanetchain.DocumentIDs(dn)
		dn.Close()
		if tc.want == "" {
			if err != nil || len(ids) != len(tc.ids) || ids[2].Int64() != 10 {
				t.Fatalf("%v: %v, %v", tc.ids, ids, err)
			}
		} else if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Fatalf("%v: want error %q, got %v", tc.ids, tc.want, err)
		}
	}
}

// TestContributionsHash pins the hash chain against its definition.
func TestContributionsHash(t *testing.T) {
	if h := datanetchain.ContributionsHash(nil); h != (common.Hash{}) {
		t.Fatalf("empty list hash %s", h)
	}
	ids := []*big.Int{big.NewInt(3), big.NewInt(700)}
	h1 := crypto.Keccak256Hash(make([]byte, 32), common.LeftPadBytes([]byte{3}, 32))
	h2 := crypto.Keccak256Hash(h1[:], common.LeftPadBytes(big.NewInt(700).Bytes(), 32))
	if got := datanetchain.ContributionsHash(ids); got != h2 {
		t.Fatalf("ContributionsHash = %s, want %s", got, h2)
	}
}

// TestDecodeRevertData decodes the contracts' custom errors and nothing else.
func TestDecodeRevertData(t *testing.T) {
	a, err := bindings.DatanetRegistryMetaData.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	e := a.Errors["DailyLimitReached"]
	args, _ := e.Inputs.Pack(big.NewInt(2), big.NewInt(20000))
	name, got, ok := datanetchain.DecodeRevertData(append(e.ID[:4:4], args...))
	if !ok || name != "DailyLimitReached" || got[0].(*big.Int).Int64() != 2 || got[1].(*big.Int).Int64() != 20000 {
		t.Fatalf("decoded %s%v, %v", name, got, ok)
	}
	for _, bad := range [][]byte{nil, {1, 2, 3}, {0xde, 0xad, 0xbe, 0xef}, append(e.ID[:4:4], 1, 2)} {
		if name, _, ok := datanetchain.DecodeRevertData(bad); ok {
			t.Fatalf("%x decoded as %s", bad, name)
		}
	}
	re := &datanetchain.RevertError{Op: "submit", Name: "DuplicateContent", Args: []any{[32]byte{0xab}, big.NewInt(3)}}
	if want := "datanetchain: submit reverted: DuplicateContent(0xab" + strings.Repeat("0", 62) + ", 3)"; re.Error() != want {
		t.Fatalf("RevertError text %q, want %q", re.Error(), want)
	}
	err = datanetchain.Explain("op", errors.New("connection refused"))
	if datanetchain.IsRevert(err, "DailyLimitReached") || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("plain error: %v", err)
	}
}

// FuzzDecodeRevertData: revert data comes from the node; any bytes give a
// decoded error of one of the contracts' ABIs (selector and arguments all
// present) or ok=false, never a panic.
func FuzzDecodeRevertData(f *testing.F) {
	known := map[string]abi.Error{}
	for _, md := range []*bind.MetaData{bindings.DatanetRegistryMetaData, bindings.DatanetPoolMetaData, bindings.AttributionMetaData} {
		a, err := md.GetAbi()
		if err != nil {
			f.Fatal(err)
		}
		for n, e := range a.Errors {
			known[n] = e
			f.Add(append(e.ID[:4:4], make([]byte, 32*len(e.Inputs))...))
		}
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		name, args, ok := datanetchain.DecodeRevertData(data)
		if !ok {
			return
		}
		e, found := known[name]
		if !found || !bytes.Equal(data[:4], e.ID[:4]) || len(args) != len(e.Inputs) || len(data) < 4+32*len(e.Inputs) {
			t.Fatalf("decoded %q%v from %x", name, args, data)
		}
	})
}
