package chaintest

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/paichain/paichain/genesis"
)

func TestDebugGen(t *testing.T) {
	for _, withTx := range []bool{false, true} {
		g, _ := genesis.Dev(genesis.Config{Governance: genesis.DevAddress(0), GasLimit: 200_000_000})
		_, blocks, _ := core.GenerateChainWithGenesis(g, beacon.New(ethash.NewFaker()), 1, func(i int, b *core.BlockGen) {
			if withTx {
				to := common.Address{1}
				tx := types.MustSignNewTx(genesis.DevKey(0), types.LatestSigner(g.Config), &types.DynamicFeeTx{ChainID: g.Config.ChainID, Gas: 21000, GasFeeCap: big.NewInt(10e9), GasTipCap: big.NewInt(1), To: &to, Value: big.NewInt(1)})
				b.AddTx(tx)
			}
		})
		bc, err := core.NewBlockChain(rawdb.NewMemoryDatabase(), g, beacon.New(ethash.NewFaker()), core.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		_, err = bc.InsertChain(blocks)
		t.Logf("withTx=%v: %v", withTx, err)
		bc.Stop()
	}
}
