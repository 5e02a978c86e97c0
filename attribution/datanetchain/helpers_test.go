package datanetchain_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/datanetchain"
	"github.com/paichain/paichain/attribution/datanetchain/devchain"
	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/inference/tokenizer"
	"github.com/paichain/paichain/internal/testutil"
)

// The actors of every test: governance (protocol fee recipient), the
// Datanet owner, a curator, four contributors, a stranger, a model owner,
// an adapter owner, a user paying for inference and the sequencer's
// inference signer.
const (
	kGov = iota
	kOwner
	kCurator
	kAlice
	kBob
	kCarol
	kDave
	kStranger
	kModelOwner
	kAdapterOwner
	kUser
	kSigner
	numKeys
)

func key(i int) *ecdsa.PrivateKey { return genesis.DevKey(i) }
func addr(i int) common.Address   { return genesis.DevAddress(i) }
func gwei(n int64) *big.Int       { return new(big.Int).Mul(big.NewInt(n), big.NewInt(params.GWei)) }
func milliEth(n int64) *big.Int   { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e15)) }
func bigs(v ...int64) []*big.Int {
	out := make([]*big.Int, len(v))
	for i, x := range v {
		out[i] = big.NewInt(x)
	}
	return out
}

// world is a dev chain with a deployed DatanetRegistry and one client per actor.
type world struct {
	t       testing.TB
	chain   *devchain.Chain
	ctx     context.Context
	clients [numKeys]*datanetchain.Client
}

func newWorld(t testing.TB) *world {
	t.Helper()
	var prefund []common.Address
	for i := 1; i < numKeys; i++ {
		prefund = append(prefund, addr(i))
	}
	chain := devchain.Start(t, genesis.Config{Governance: addr(kGov), Prefund: prefund}, devchain.Options{})
	w := &world{t: t, chain: chain, ctx: context.Background()}
	owner, err := datanetchain.Deploy(w.ctx, chain.Client, chain.Opts(key(kOwner)), chain.Mine)
	if err != nil {
		t.Fatal(err)
	}
	for i := range numKeys {
		c, err := datanetchain.New(w.ctx, chain.Client, owner.Address, chain.Opts(key(i)))
		if err != nil {
			t.Fatal(err)
		}
		c.WaitMined = chain.Mine
		w.clients[i] = c
	}
	return w
}

func (w *world) as(i int) *datanetchain.Client { return w.clients[i] }

// wantRevert requires err to be the named custom error.
func wantRevert(t testing.TB, err error, name string) {
	t.Helper()
	if !datanetchain.IsRevert(err, name) {
		t.Fatalf("want revert %s, got %v", name, err)
	}
}

// stories are the contributions; each test picks some.
var stories = []string{
	"Once upon a time, there was a little girl named Lily. She loved to play outside in the park with her red ball.",
	"Tom had a big dog. The dog liked to run and jump. One day the dog found a bone under the tree.",
	"The sun was hot. Ben and his mom went to the beach to swim and build a castle of sand.",
	"Sara saw a small bird with a broken wing. She made a soft bed for the bird in a box and gave it water.",
	"The old man had a garden full of carrots. Every morning the rabbit came to eat one, and the man smiled.",
	"Max wanted to fly a kite, but the wind was too weak. His sister ran fast and the kite went up high.",
}

// tok512 is the llama2.c tokenizer the tests build Datanets with.
func tok512(t testing.TB) (tokenizer.Tokenizer, datanet.TokenizerInfo) {
	t.Helper()
	path := testutil.SharedFile(t, "testdata/llama2c/tok512.bin")
	tok, err := tokenizer.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return tok, datanet.TokenizerInfo{Name: "tok512.bin", Family: tok.Family(), Hash: crypto.Keccak256Hash(b), VocabSize: tok.VocabSize()}
}

// contentStore writes texts as files of an off-chain store and indexes it.
func contentStore(t testing.TB, texts ...string) map[common.Hash]string {
	t.Helper()
	dir := t.TempDir()
	for i, s := range texts {
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	idx, err := datanetchain.ContentIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// build exports a Datanet's accepted contributions from the chain and
// builds them with tok512 (as `paichain datanet export` + `datanet build`).
func (w *world) build(datanetID *big.Int, pool common.Address, contents map[common.Hash]string) (*datanet.Datanet, tokenizer.Tokenizer) {
	w.t.Helper()
	cs, err := w.as(kStranger).Export(w.ctx, datanetID, contents)
	if err != nil {
		w.t.Fatal(err)
	}
	tok, info := tok512(w.t)
	dir := filepath.Join(w.t.TempDir(), "dn")
	if _, err := datanet.Build(datanet.Config{Dir: dir, Name: "test", Tokenizer: info, Tokenize: tok.Encode, LeafSize: 64, Pool: pool}, datanet.Slice(cs)); err != nil {
		w.t.Fatal(err)
	}
	dn, err := datanet.Open(dir)
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(func() { dn.Close() })
	return dn, tok
}

// balance is an account's balance at the head.
func (w *world) balance(a common.Address) *big.Int {
	w.t.Helper()
	b, err := w.chain.Client.BalanceAt(w.ctx, a, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

// fee is what a receipt's transaction paid for gas.
func fee(r *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
}
