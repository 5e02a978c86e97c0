package precompiles

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// demoRegistrations are two models and two adapters, one of them priced,
// with long strings so that names and URIs span several words.
func demoRegistrations() ([]GenesisModel, []GenesisAdapter) {
	models := []GenesisModel{
		{Owner: alice, Name: "tiny", WeightsHash: h(1), URI: "file://tiny"},
		{Owner: bob, Name: strings.Repeat("n", MaxNameLength), WeightsHash: h(2), URI: strings.Repeat("u", MaxURILength), WeiPerCall: big.NewInt(1234)},
	}
	adapters := []GenesisAdapter{
		{Owner: carol, BaseModelID: 2, AdapterHash: h(3), URI: "file://lora", DatanetRoot: h(0xda), WeiPerCall: big.NewInt(56)},
		{Owner: alice, BaseModelID: 1, AdapterHash: h(4)},
	}
	return models, adapters
}

// TestGenesisRegistryMatchesTransactions registers the same models and
// adapters once through the precompile (in block 0) and once through
// genesis storage: the registry's storage must be identical, so genesis
// entries are indistinguishable from registered ones.
func TestGenesisRegistryMatchesTransactions(t *testing.T) {
	models, adapters := demoRegistrations()

	viaTx := defaultChain(t)
	viaTx.setBlock(0)
	for _, m := range models {
		r := viaTx.mustCall(m.Owner, ModelRegistryAddress, 0, pack(t, regABI, "registerModel", m.Name, m.WeightsHash, m.URI))
		id := unpack(t, regABI, "registerModel", r.ret)[0].(*big.Int)
		if m.WeiPerCall != nil {
			viaTx.mustCall(m.Owner, ModelRegistryAddress, 0, pack(t, regABI, "setModelPrice", id, m.WeiPerCall))
		}
	}
	for _, a := range adapters {
		r := viaTx.mustCall(a.Owner, ModelRegistryAddress, 0, pack(t, regABI, "registerAdapter", new(big.Int).SetUint64(a.BaseModelID), a.AdapterHash, a.URI, a.DatanetRoot))
		id := unpack(t, regABI, "registerAdapter", r.ret)[0].(*big.Int)
		if a.WeiPerCall != nil {
			viaTx.mustCall(a.Owner, ModelRegistryAddress, 0, pack(t, regABI, "setAdapterPrice", id, a.WeiPerCall))
		}
	}

	cfg := DefaultGenesisConfig(gov)
	cfg.Models, cfg.Adapters = models, adapters
	viaGenesis := newChain(t, &cfg)

	viaTx.root()
	viaGenesis.root()
	if a, b := viaTx.st.GetStorageRoot(ModelRegistryAddress), viaGenesis.st.GetStorageRoot(ModelRegistryAddress); a != b {
		t.Fatalf("registry storage root: via transactions %x, via genesis %x", a, b)
	}
	for id, m := range models {
		got, ok := ReadModel(viaGenesis.st, uint64(id+1))
		if !ok || got.Owner != m.Owner || got.Name != m.Name || got.URI != m.URI || got.WeightsHash != m.WeightsHash || got.RegisteredAt != 0 {
			t.Errorf("model %d = %+v, %v; want %+v", id+1, got, ok, m)
		}
	}
	if n := ReadAdapterCount(viaGenesis.st); n != uint64(len(adapters)) {
		t.Errorf("adapter count %d", n)
	}
	// The chain goes on from there: the next id follows the genesis ones,
	// and a genesis hash cannot be registered again.
	if id := viaGenesis.registerModel(carol, "next", 9, 0); id != 3 {
		t.Errorf("first model after genesis got id %d, want 3", id)
	}
	r := viaGenesis.call(carol, ModelRegistryAddress, 0, pack(t, regABI, "registerModel", "again", h(2), ""))
	wantRevert(t, r, regABI, "DuplicateModel", h(2), big.NewInt(2))
	r = viaGenesis.call(carol, ModelRegistryAddress, 0, pack(t, regABI, "registerAdapter", big.NewInt(1), h(3), "", h(0)))
	wantRevert(t, r, regABI, "DuplicateAdapter", h(3), big.NewInt(1))
	// Genesis prices are what quote and payments read.
	q := viaGenesis.static(payer, AttributionAddress, pack(t, attrABI, "quote", big.NewInt(2), big.NewInt(1)))
	if q.err != nil || unpack(t, attrABI, "quote", q.ret)[0].(*big.Int).Int64() != 1234+56 {
		t.Errorf("quote(2, 1) = %x, %v; want %d", q.ret, q.err, 1234+56)
	}
}

func TestGenesisSigner(t *testing.T) {
	signer := common.HexToAddress("0x5e9e")
	cfg := DefaultGenesisConfig(gov)
	cfg.InferenceSigner = signer
	c := newChain(t, &cfg)
	if got := ReadInferenceSigner(c.st); got != signer {
		t.Fatalf("inference signer %s, want %s", got, signer)
	}
	// Without registrations or a signer, the registry and inference accounts
	// have no storage: adding the feature changed no existing genesis.
	alloc := GenesisAlloc(DefaultGenesisConfig(gov))
	if len(alloc[ModelRegistryAddress].Storage) != 0 || len(alloc[InferenceAddress].Storage) != 0 {
		t.Fatal("empty registrations wrote storage")
	}
}

func TestGenesisConfigValidate(t *testing.T) {
	ok := func(*GenesisConfig) {}
	for _, tc := range []struct {
		name    string
		edit    func(*GenesisConfig)
		wantErr string
	}{
		{"valid", ok, ""},
		{"bad fee policy", func(c *GenesisConfig) { c.FeePolicy.ProtocolBps = 9999 }, "fee"},
		{"model without owner", func(c *GenesisConfig) { c.Models[0].Owner = common.Address{} }, "no owner"},
		{"empty name", func(c *GenesisConfig) { c.Models[0].Name = "" }, "name"},
		{"long name", func(c *GenesisConfig) { c.Models[0].Name = strings.Repeat("x", MaxNameLength+1) }, "name"},
		{"long uri", func(c *GenesisConfig) { c.Models[0].URI = strings.Repeat("x", MaxURILength+1) }, "uri"},
		{"zero weights", func(c *GenesisConfig) { c.Models[0].WeightsHash = [32]byte{} }, "zero weights"},
		{"duplicate weights", func(c *GenesisConfig) { c.Models[1].WeightsHash = c.Models[0].WeightsHash }, "weights hash of model 1"},
		{"negative price", func(c *GenesisConfig) { c.Models[1].WeiPerCall = big.NewInt(-1) }, "uint256"},
		{"huge price", func(c *GenesisConfig) { c.Adapters[0].WeiPerCall = new(big.Int).Lsh(big.NewInt(1), 256) }, "uint256"},
		{"adapter without owner", func(c *GenesisConfig) { c.Adapters[0].Owner = common.Address{} }, "no owner"},
		{"adapter base zero", func(c *GenesisConfig) { c.Adapters[0].BaseModelID = 0 }, "not a genesis model"},
		{"adapter base unknown", func(c *GenesisConfig) { c.Adapters[0].BaseModelID = 3 }, "not a genesis model"},
		{"adapter zero hash", func(c *GenesisConfig) { c.Adapters[1].AdapterHash = [32]byte{} }, "zero hash"},
		{"adapter duplicate", func(c *GenesisConfig) { c.Adapters[1].AdapterHash = c.Adapters[0].AdapterHash }, "hash of adapter 1"},
		{"adapter long uri", func(c *GenesisConfig) { c.Adapters[1].URI = strings.Repeat("x", MaxURILength+1) }, "uri"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultGenesisConfig(gov)
			cfg.Models, cfg.Adapters = demoRegistrations()
			tc.edit(&cfg)
			err := cfg.Validate()
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			defer func() {
				if recover() == nil {
					t.Error("GenesisAlloc accepted an invalid config")
				}
			}()
			GenesisAlloc(cfg)
		})
	}
}
