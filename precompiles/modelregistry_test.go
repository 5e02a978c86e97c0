package precompiles

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestRegisterModel(t *testing.T) {
	c := defaultChain(t)
	in := pack(t, regABI, "registerModel", "llama-3.2-1b", h(1), "ipfs://bafy")
	r := c.mustCall(alice, ModelRegistryAddress, 0, in)
	if id := unpack(t, regABI, "registerModel", r.ret)[0].(*big.Int); id.Uint64() != 1 {
		t.Fatalf("first model id = %v, want 1", id)
	}
	if id := c.registerModel(bob, "qwen3-0.6b", 2, 0); id != 2 {
		t.Fatalf("second model id = %d, want 2", id)
	}

	// Views through the ABI, from another account.
	r = c.mustCall(carol, ModelRegistryAddress, 0, pack(t, regABI, "getModel", big.NewInt(1)))
	got := *abi.ConvertType(unpack(t, regABI, "getModel", r.ret)[0], new(Model)).(*Model)
	want := Model{Owner: alice, WeightsHash: h(1), WeiPerCall: new(big.Int), RegisteredAt: 7, Name: "llama-3.2-1b", URI: "ipfs://bafy"}
	if got.Owner != want.Owner || got.WeightsHash != want.WeightsHash || got.WeiPerCall.Sign() != 0 ||
		got.RegisteredAt != want.RegisteredAt || got.Name != want.Name || got.URI != want.URI {
		t.Fatalf("getModel = %+v, want %+v", got, want)
	}
	// The typed off-chain reader agrees.
	if m, ok := ReadModel(c.st, 1); !ok || m.Name != want.Name || m.Owner != alice {
		t.Fatalf("ReadModel = %+v, %v", m, ok)
	}
	if _, ok := ReadModel(c.st, 3); ok {
		t.Fatal("ReadModel(3) found an unregistered model")
	}
	r = c.mustCall(carol, ModelRegistryAddress, 0, pack(t, regABI, "modelCount"))
	if n := unpack(t, regABI, "modelCount", r.ret)[0].(*big.Int); n.Uint64() != 2 || ReadModelCount(c.st) != 2 {
		t.Fatalf("modelCount = %v", n)
	}
	r = c.mustCall(carol, ModelRegistryAddress, 0, pack(t, regABI, "modelIdByWeightsHash", h(2)))
	if id := unpack(t, regABI, "modelIdByWeightsHash", r.ret)[0].(*big.Int); id.Uint64() != 2 {
		t.Fatalf("modelIdByWeightsHash = %v, want 2", id)
	}

	// The event: ModelRegistered(uint256 indexed, address indexed, bytes32).
	logs := c.st.Logs()
	if len(logs) != 2 {
		t.Fatalf("%d logs, want 2", len(logs))
	}
	l := logs[0]
	ev := regABI.Events["ModelRegistered"]
	if l.Address != ModelRegistryAddress || len(l.Topics) != 3 || l.Topics[0] != ev.ID ||
		l.Topics[1] != common.BigToHash(big.NewInt(1)) || l.Topics[2] != common.BytesToHash(alice.Bytes()) ||
		common.Hash(l.Data) != h(1) || l.BlockNumber != 7 {
		t.Fatalf("log = %+v", l)
	}
}

func TestRegisterModelRejects(t *testing.T) {
	c := defaultChain(t)
	c.registerModel(alice, "taken", 9, 0)
	before := c.root()
	for _, tc := range []struct {
		name, model, uri string
		hash             [32]byte
		err              string
		args             []any
	}{
		{"empty name", "", "u", h(1), "InvalidInput", nil},
		{"zero hash", "m", "u", [32]byte{}, "InvalidInput", nil},
		{"name too long", strings.Repeat("x", MaxNameLength+1), "u", h(1), "TooLong", []any{big.NewInt(MaxNameLength + 1), big.NewInt(MaxNameLength)}},
		{"uri too long", "m", strings.Repeat("x", MaxURILength+1), h(1), "TooLong", []any{big.NewInt(MaxURILength + 1), big.NewInt(MaxURILength)}},
		{"duplicate weights", "m", "u", h(9), "DuplicateModel", []any{h(9), big.NewInt(1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.call(bob, ModelRegistryAddress, 0, pack(t, regABI, "registerModel", tc.model, tc.hash, tc.uri))
			wantRevert(t, r, regABI, tc.err, tc.args...)
		})
	}
	if c.root() != before {
		t.Fatal("rejected registrations changed state")
	}
	// The bounds themselves are accepted.
	c.registerModel(bob, strings.Repeat("n", MaxNameLength), 3, 0)
	if m, _ := ReadModel(c.st, 2); len(m.Name) != MaxNameLength || m.URI != "ipfs://weights/"+m.Name {
		t.Fatalf("model at bounds read back as %+v", m)
	}
}

func TestRegisterAdapter(t *testing.T) {
	c := defaultChain(t)
	model := c.registerModel(alice, "base", 1, 0)
	r := c.mustCall(bob, ModelRegistryAddress, 0, pack(t, regABI, "registerAdapter", big.NewInt(int64(model)), h(5), "hf://lora", h(0xda)))
	if id := unpack(t, regABI, "registerAdapter", r.ret)[0].(*big.Int); id.Uint64() != 1 {
		t.Fatalf("adapter id = %v", id)
	}
	r = c.mustCall(carol, ModelRegistryAddress, 0, pack(t, regABI, "getAdapter", big.NewInt(1)))
	a := *abi.ConvertType(unpack(t, regABI, "getAdapter", r.ret)[0], new(Adapter)).(*Adapter)
	if a.Owner != bob || a.BaseModelID.Uint64() != model || a.AdapterHash != h(5) || a.DatanetRoot != h(0xda) || a.URI != "hf://lora" || a.RegisteredAt != 7 {
		t.Fatalf("getAdapter = %+v", a)
	}
	if n := ReadAdapterCount(c.st); n != 1 {
		t.Fatalf("adapter count %d", n)
	}
	ev := regABI.Events["AdapterRegistered"]
	l := c.st.Logs()[len(c.st.Logs())-1]
	if l.Topics[0] != ev.ID || l.Topics[1] != common.BigToHash(big.NewInt(1)) || l.Topics[2] != common.BigToHash(big.NewInt(int64(model))) ||
		l.Topics[3] != common.BytesToHash(bob.Bytes()) || len(l.Data) != 64 {
		t.Fatalf("AdapterRegistered log %+v", l)
	}

	wantRevert(t, c.call(bob, ModelRegistryAddress, 0, pack(t, regABI, "registerAdapter", big.NewInt(42), h(6), "", h(0))), regABI, "UnknownModel", big.NewInt(42))
	wantRevert(t, c.call(bob, ModelRegistryAddress, 0, pack(t, regABI, "registerAdapter", big.NewInt(1), h(5), "", h(0))), regABI, "DuplicateAdapter", h(5), big.NewInt(1))
	wantRevert(t, c.call(bob, ModelRegistryAddress, 0, pack(t, regABI, "registerAdapter", big.NewInt(1), [32]byte{}, "", h(0))), regABI, "InvalidInput")
	wantRevert(t, c.call(carol, ModelRegistryAddress, 0, pack(t, regABI, "getAdapter", big.NewInt(2))), regABI, "UnknownAdapter", big.NewInt(2))
	wantRevert(t, c.call(carol, ModelRegistryAddress, 0, pack(t, regABI, "getModel", big.NewInt(0))), regABI, "UnknownModel", big.NewInt(0))
}

func TestOwnerOnlySetters(t *testing.T) {
	c := defaultChain(t)
	model := big.NewInt(int64(c.registerModel(alice, "m", 1, 0)))
	adapter := big.NewInt(int64(c.registerAdapter(bob, model.Uint64(), 2, 0)))
	price := big.NewInt(12345)
	for _, tc := range []struct {
		name   string
		from   common.Address
		method string
		args   []any
		err    string
		errArg []any
	}{
		{"model price by stranger", carol, "setModelPrice", []any{model, price}, "NotOwner", nil},
		{"model price unknown", alice, "setModelPrice", []any{big.NewInt(9), price}, "UnknownModel", []any{big.NewInt(9)}},
		{"model price", alice, "setModelPrice", []any{model, price}, "", nil},
		{"transfer model by stranger", carol, "transferModel", []any{model, carol}, "NotOwner", nil},
		{"transfer model to zero", alice, "transferModel", []any{model, common.Address{}}, "InvalidInput", nil},
		{"transfer model", alice, "transferModel", []any{model, carol}, "", nil},
		{"old owner locked out", alice, "setModelPrice", []any{model, price}, "NotOwner", nil},
		{"new owner prices", carol, "setModelPrice", []any{model, big.NewInt(777)}, "", nil},
		{"adapter price by model owner", carol, "setAdapterPrice", []any{adapter, price}, "NotOwner", nil},
		{"adapter price unknown", bob, "setAdapterPrice", []any{big.NewInt(5), price}, "UnknownAdapter", []any{big.NewInt(5)}},
		{"adapter price", bob, "setAdapterPrice", []any{adapter, price}, "", nil},
		{"transfer adapter", bob, "transferAdapter", []any{adapter, alice}, "", nil},
		{"old adapter owner locked out", bob, "transferAdapter", []any{adapter, bob}, "NotOwner", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nlogs := len(c.st.Logs())
			r := c.call(tc.from, ModelRegistryAddress, 0, pack(t, regABI, tc.method, tc.args...))
			if tc.err != "" {
				wantRevert(t, r, regABI, tc.err, tc.errArg...)
				if len(c.st.Logs()) != nlogs {
					t.Fatal("reverted call left a log")
				}
				return
			}
			if r.err != nil {
				t.Fatalf("%s: %v %x", tc.method, r.err, r.ret)
			}
			if len(c.st.Logs()) != nlogs+1 {
				t.Fatalf("%s emitted %d logs", tc.method, len(c.st.Logs())-nlogs)
			}
		})
	}
	m, _ := ReadModel(c.st, 1)
	a, _ := ReadAdapter(c.st, 1)
	if m.Owner != carol || m.WeiPerCall.Uint64() != 777 || a.Owner != alice || a.WeiPerCall.Cmp(price) != 0 {
		t.Fatalf("final model %+v adapter %+v", m, a)
	}
	// ModelTransferred(id, from, to) names both owners.
	var moved bool
	for _, l := range c.st.Logs() {
		if l.Topics[0] == regABI.Events["ModelTransferred"].ID {
			moved = l.Topics[2] == common.BytesToHash(alice.Bytes()) && l.Topics[3] == common.BytesToHash(carol.Bytes())
		}
	}
	if !moved {
		t.Fatal("no ModelTransferred(alice -> carol) log")
	}
}

// TestStorageLayout pins the documented slots (docs/precompiles.md): tools
// that read state directly rely on them.
func TestStorageLayout(t *testing.T) {
	c := defaultChain(t)
	c.registerModel(alice, "layout", 1, 99)
	word := func(v int64) common.Hash { return common.BigToHash(big.NewInt(v)) }
	base := crypto.Keccak256Hash(word(1).Bytes(), word(2).Bytes()) // models[1], mapping at slot 2
	at := func(i int64) common.Hash { return common.BigToHash(new(big.Int).Add(base.Big(), big.NewInt(i))) }
	var name common.Hash
	copy(name[:], "layout")
	weights := h(1)
	for slot, want := range map[common.Hash]common.Hash{
		word(0): word(1),                           // modelCount
		at(0):   common.BytesToHash(alice.Bytes()), // owner
		at(1):   h(1),                              // weightsHash
		at(2):   word(99),                          // weiPerCall
		at(3):   word(7),                           // registeredAt
		at(4):   word(6),                           // name length
		at(5):   name,                              // name data
		crypto.Keccak256Hash(weights[:], word(4).Bytes()): word(1), // modelIdByWeightsHash
	} {
		if got := c.st.GetState(ModelRegistryAddress, slot); got != want {
			t.Errorf("slot %x = %x, want %x", slot, got, want)
		}
	}
	claim := crypto.Keccak256Hash(common.BytesToHash(gov.Bytes()).Bytes(), word(3).Bytes())
	if claim != claimableSlot(gov) {
		t.Fatalf("claimable slot %x, want %x", claimableSlot(gov), claim)
	}
}
