package chaintest

import (
	"math/big"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/precompiles"
)

// importBlocks is a chain whose last block is the one measured.
type importBlocks struct {
	genesis *core.Genesis
	blocks  []*types.Block
	gasUsed uint64
	txs     int
}

// registerModelChain builds, with the miner's block generator, a block that
// deploys PlainModelRegistry and then a block of n registerModel calls sent
// to target (the precompile or the plain contract).
func registerModelChain(tb testing.TB, n int, toPrecompile bool) importBlocks {
	tb.Helper()
	key := genesis.DevKey(0)
	g, err := genesis.Dev(genesis.Config{Governance: genesis.DevAddress(0), GasLimit: 200_000_000})
	if err != nil {
		tb.Fatal(err)
	}
	plainABI, err := bindings.PlainModelRegistryMetaData.GetAbi()
	if err != nil {
		tb.Fatal(err)
	}
	plainAddr := crypto.CreateAddress(genesis.DevAddress(0), 0)
	target := plainAddr
	if toPrecompile {
		target = precompiles.ModelRegistryAddress
	}
	signer := types.LatestSigner(g.Config)
	nonce := uint64(0)
	sign := func(b *core.BlockGen, to *common.Address, data []byte, gas uint64) {
		tx := types.MustSignNewTx(key, signer, &types.DynamicFeeTx{
			ChainID: g.Config.ChainID, Nonce: nonce, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(10e9),
			Gas: gas, To: to, Data: data,
		})
		nonce++
		b.AddTx(tx)
	}
	_, blocks, receipts := core.GenerateChainWithGenesis(g, beacon.New(ethash.NewFaker()), 2, func(i int, b *core.BlockGen) {
		// The block generator leaves the EIP-4788 system call to the
		// caller; block import always makes it.
		b.SetParentBeaconRoot(common.Hash{})
		if i == 0 {
			sign(b, nil, common.FromHex(bindings.PlainModelRegistryMetaData.Bin), 2_000_000)
			return
		}
		for j := 0; j < n; j++ {
			data, err := plainABI.Pack("registerModel", "model-"+strconv.Itoa(j), crypto.Keccak256Hash([]byte(strconv.Itoa(j))), "ipfs://bafy"+strconv.Itoa(j))
			if err != nil {
				panic(err)
			}
			sign(b, &target, data, 500_000)
		}
	})
	for i, rs := range receipts {
		for _, r := range rs {
			if r.Status != types.ReceiptStatusSuccessful {
				tb.Fatalf("block %d: transaction %s failed", i+1, r.TxHash)
			}
		}
	}
	return importBlocks{genesis: g, blocks: blocks, gasUsed: blocks[1].GasUsed(), txs: len(blocks[1].Transactions())}
}

// importOnce imports the chain into a fresh in-memory node database and
// returns the time spent importing the measured (last) block.
func (c importBlocks) importOnce(tb testing.TB) time.Duration {
	if b, ok := tb.(*testing.B); ok {
		// Only the measured block's import counts towards ns/op.
		b.StopTimer()
		defer b.StartTimer()
	}
	bc, err := core.NewBlockChain(rawdb.NewMemoryDatabase(), c.genesis, beacon.New(ethash.NewFaker()), core.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	defer bc.Stop()
	last := len(c.blocks) - 1
	if _, err := bc.InsertChain(c.blocks[:last]); err != nil {
		tb.Fatal(err)
	}
	if b, ok := tb.(*testing.B); ok {
		b.StartTimer()
	}
	start := time.Now()
	_, err = bc.InsertChain(c.blocks[last:])
	d := time.Since(start)
	if b, ok := tb.(*testing.B); ok {
		b.StopTimer()
	}
	if err != nil {
		tb.Fatal(err)
	}
	if bc.CurrentBlock().Root != c.blocks[last].Root() {
		tb.Fatal("imported state root differs from the built block's")
	}
	return d
}

// BenchmarkImportRegisterModel imports a block of registerModel calls to
// the ModelRegistry precompile and an equal block of the same calls to
// PlainModelRegistry (a Solidity contract writing the same storage slots),
// interleaved in one run, and reports import throughput of each and their
// ratio (precompile / plain; above 1 the precompile block imports faster
// per unit of gas).
func BenchmarkImportRegisterModel(b *testing.B) {
	const txs = 400
	pre := registerModelChain(b, txs, true)
	plain := registerModelChain(b, txs, false)
	if pre.txs != txs || plain.txs != txs {
		b.Fatalf("measured blocks hold %d and %d transactions, want %d", pre.txs, plain.txs, txs)
	}
	var tPre, tPlain time.Duration
	ratios := make([]float64, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dPre := pre.importOnce(b)
		dPlain := plain.importOnce(b)
		tPre, tPlain = tPre+dPre, tPlain+dPlain
		ratios = append(ratios, mgasRatio(pre.gasUsed, dPre, plain.gasUsed, dPlain))
	}
	b.StopTimer()
	mgas := func(gas uint64, d time.Duration, n int) float64 {
		return float64(gas) * float64(n) / d.Seconds() / 1e6
	}
	b.ReportMetric(mgas(pre.gasUsed, tPre, b.N), "precompile-Mgas/s")
	b.ReportMetric(mgas(plain.gasUsed, tPlain, b.N), "plain-Mgas/s")
	b.ReportMetric(mgas(pre.gasUsed, tPre, b.N)/mgas(plain.gasUsed, tPlain, b.N), "Mgas/s-ratio")
	// Each iteration imports both blocks back to back; on a shared machine
	// the median of these paired ratios is steadier than the ratio of sums.
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "paired-median-ratio")
	b.ReportMetric(float64(tPre.Nanoseconds())/float64(b.N*txs), "precompile-ns/tx")
	b.ReportMetric(float64(tPlain.Nanoseconds())/float64(b.N*txs), "plain-ns/tx")
	b.ReportMetric(float64(pre.gasUsed)/txs, "precompile-gas/tx")
	b.ReportMetric(float64(plain.gasUsed)/txs, "plain-gas/tx")
}

func mgasRatio(gasA uint64, dA time.Duration, gasB uint64, dB time.Duration) float64 {
	return (float64(gasA) / dA.Seconds()) / (float64(gasB) / dB.Seconds())
}

// TestImportBlocksAreEquivalent checks the benchmark's premise on a small
// block: both blocks succeed, are importable, and write the same number of
// storage slots.
func TestImportBlocksAreEquivalent(t *testing.T) {
	const txs = 5
	pre := registerModelChain(t, txs, true)
	plain := registerModelChain(t, txs, false)
	pre.importOnce(t)
	plain.importOnce(t)
	count := func(c importBlocks, addr common.Address) int {
		bc, err := core.NewBlockChain(rawdb.NewMemoryDatabase(), c.genesis, beacon.New(ethash.NewFaker()), core.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		defer bc.Stop()
		if _, err := bc.InsertChain(c.blocks); err != nil {
			t.Fatal(err)
		}
		return storageSlots(t, bc, addr)
	}
	nPre := count(pre, precompiles.ModelRegistryAddress)
	nPlain := count(plain, crypto.CreateAddress(genesis.DevAddress(0), 0))
	if nPre != nPlain {
		t.Fatalf("precompile wrote %d storage slots, plain contract %d", nPre, nPlain)
	}
	t.Logf("%d registerModel calls: %d slots each side; gas/tx precompile %d, plain %d", txs, nPre, pre.gasUsed/txs, plain.gasUsed/txs)
}

// storageSlots counts the non-empty storage slots of addr at bc's head by
// walking its storage trie.
func storageSlots(t *testing.T, bc *core.BlockChain, addr common.Address) int {
	t.Helper()
	st, err := bc.State()
	if err != nil {
		t.Fatal(err)
	}
	root := bc.CurrentBlock().Root
	tr, err := st.Database().OpenStorageTrie(root, addr, st.GetStorageRoot(addr), nil)
	if err != nil {
		t.Fatal(err)
	}
	it, err := tr.NodeIterator(nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for it.Next(true) {
		if it.Leaf() {
			n++
		}
	}
	if it.Error() != nil {
		t.Fatal(it.Error())
	}
	return n
}
