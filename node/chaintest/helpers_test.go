package chaintest

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/beacon"
	"github.com/ethereum/go-ethereum/consensus/ethash"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/node"
)

// devChain is an in-process paichain dev node whose blocks are built only
// when the test calls commit, so a test decides what goes in each block.
type devChain struct {
	t       *testing.T
	cfg     genesis.Config
	node    *node.Node
	rpc     *rpc.Client
	client  *ethclient.Client
	chainID *big.Int
}

func startDevChain(t *testing.T, cfg genesis.Config) *devChain {
	t.Helper()
	g, err := genesis.Dev(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ethCfg := ethconfig.Defaults
	ethCfg.Genesis = g
	ethCfg.SyncMode = ethconfig.FullSync
	ethCfg.Miner.PendingFeeRecipient = cfg.Governance
	n, err := node.New(&node.Config{
		Node: gethnode.Config{
			Name: "paichain-test",
			P2P:  p2p.Config{MaxPeers: 0, NoDiscovery: true, NoDial: true, ListenAddr: ""},
		},
		Eth: ethCfg,
		Dev: &node.DevConfig{Manual: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		n.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	rc := n.Stack.Attach()
	c := &devChain{t: t, cfg: cfg, node: n, rpc: rc, client: ethclient.NewClient(rc), chainID: g.Config.ChainID}
	// Start sealed block 1 (node.DevReady). That also matters for gas
	// estimation, which runs against the head block: at genesis a
	// registration stores block.number 0 (a cheap SSTORE) and
	// under-estimates what block 1 charges for storing 1.
	if head := n.Eth.BlockChain().CurrentBlock().Number.Uint64(); head != 1 {
		t.Fatalf("dev chain starts at block %d, want 1", head)
	}
	return c
}

// commit builds one block from the transaction pool and checks that it
// holds exactly want transactions.
func (c *devChain) commit(want int) *types.Block {
	c.t.Helper()
	pool := c.node.Eth.TxPool()
	if err := pool.Sync(); err != nil {
		c.t.Fatal(err)
	}
	c.node.Beacon.Commit()
	head := c.node.Eth.BlockChain().CurrentBlock()
	block := c.node.Eth.BlockChain().GetBlock(head.Hash(), head.Number.Uint64())
	if got := len(block.Transactions()); got != want {
		c.t.Fatalf("block %d has %d transactions, want %d", block.NumberU64(), got, want)
	}
	return block
}

func (c *devChain) opts(key *ecdsa.PrivateKey) *bind.TransactOpts {
	c.t.Helper()
	o, err := bind.NewKeyedTransactorWithChainID(key, c.chainID)
	if err != nil {
		c.t.Fatal(err)
	}
	o.Context = context.Background()
	return o
}

// receipt returns the receipt of a mined transaction and checks its status.
func (c *devChain) receipt(tx *types.Transaction, wantStatus uint64) *types.Receipt {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err := c.client.TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		c.t.Fatalf("receipt of %s: %v", tx.Hash(), err)
	}
	if r.Status != wantStatus {
		c.t.Fatalf("tx %s: status %d, want %d", tx.Hash(), r.Status, wantStatus)
	}
	return r
}

// blocks returns blocks 1..head of the dev chain.
func (c *devChain) blocks() []*types.Block {
	bc := c.node.Eth.BlockChain()
	var out []*types.Block
	for i := uint64(1); i <= bc.CurrentBlock().Number.Uint64(); i++ {
		out = append(out, bc.GetBlockByNumber(i))
	}
	return out
}

// newReplica is an independent chain from the same genesis, with the
// engine a post-merge verifier uses.
func newReplica(t testing.TB, cfg genesis.Config) *core.BlockChain {
	t.Helper()
	g, err := genesis.Dev(cfg)
	if err != nil {
		t.Fatal(err)
	}
	bc, err := core.NewBlockChain(rawdb.NewMemoryDatabase(), g, beacon.New(ethash.NewFaker()), core.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(bc.Stop)
	return bc
}

// revertError decodes the custom error in err's revert data with the
// errors of the given ABIs, returning its name and arguments.
func revertError(t *testing.T, err error, abis ...*abi.ABI) (string, []any) {
	t.Helper()
	if err == nil {
		t.Fatal("expected a revert, got success")
	}
	var de rpc.DataError
	if !errors.As(err, &de) {
		t.Fatalf("error without revert data: %v", err)
	}
	s, _ := de.ErrorData().(string)
	data, derr := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if derr != nil || len(data) < 4 {
		t.Fatalf("bad revert data %q: %v", s, derr)
	}
	for _, a := range abis {
		for name, e := range a.Errors {
			if string(e.ID[:4]) == string(data[:4]) {
				args, err := e.Inputs.Unpack(data[4:])
				if err != nil {
					t.Fatalf("unpack %s: %v", name, err)
				}
				return name, args
			}
		}
	}
	t.Fatalf("unknown revert selector %x (err %v)", data[:4], err)
	return "", nil
}

func selectorOf(t *testing.T, a *abi.ABI, name string) [4]byte {
	t.Helper()
	e, ok := a.Errors[name]
	if !ok {
		t.Fatalf("no error %s in ABI", name)
	}
	var s [4]byte
	copy(s[:], e.ID[:4])
	return s
}

func mustABI(t *testing.T, md *bind.MetaData) *abi.ABI {
	t.Helper()
	a, err := md.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func eth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func hash32(s string) [32]byte { return common.BytesToHash([]byte(s)) }
