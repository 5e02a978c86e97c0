// Package devchain runs an in-process paichain dev node (the real node
// package: op-geth with the precompiles, blocks built by the simulated
// beacon) for the Datanet chain tests of datanetchain and cmd/paichain. It
// is test support: nothing in a binary uses it.
package devchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/node"
)

// Options choose how blocks are built.
type Options struct {
	// Auto builds a block as soon as a transaction arrives (`--dev`
	// behaviour, what a CLI user sees); otherwise only Commit builds one,
	// so a test decides what goes into each block.
	Auto bool
	// HTTP serves JSON-RPC on a free loopback port (Chain.URL).
	HTTP bool
}

// Chain is a started dev node; Start registers its shutdown with t.Cleanup.
type Chain struct {
	t       testing.TB
	Node    *node.Node
	RPC     *rpc.Client
	Client  *ethclient.Client
	ChainID *big.Int
	// URL is the HTTP JSON-RPC endpoint with Options.HTTP, else empty.
	URL string
}

// Start starts a dev node from genesis.Dev(cfg).
func Start(t testing.TB, cfg genesis.Config, opt Options) *Chain {
	t.Helper()
	g, err := genesis.Dev(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ethCfg := ethconfig.Defaults
	ethCfg.Genesis = g
	ethCfg.SyncMode = ethconfig.FullSync
	ethCfg.Miner.PendingFeeRecipient = cfg.Governance
	// No log index: eth_getLogs scans the (few) blocks instead, and never
	// waits on a background indexer (SyncLogIndex) in a test.
	ethCfg.LogNoHistory = true
	nodeCfg := gethnode.Config{
		Name: "paichain-devchain",
		P2P:  p2p.Config{MaxPeers: 0, NoDiscovery: true, NoDial: true, ListenAddr: ""},
	}
	if opt.HTTP {
		nodeCfg.HTTPHost, nodeCfg.HTTPPort = "127.0.0.1", 0
		nodeCfg.HTTPModules = []string{"eth", "net", "web3"}
	}
	n, err := node.New(&node.Config{Node: nodeCfg, Eth: ethCfg, Dev: &node.DevConfig{Manual: !opt.Auto}})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(); err != nil {
		n.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	rc := n.Stack.Attach()
	c := &Chain{t: t, Node: n, RPC: rc, Client: ethclient.NewClient(rc), ChainID: g.Config.ChainID}
	if opt.HTTP {
		c.URL = n.Stack.HTTPEndpoint()
	}
	return c
}

// Commit builds one block from the transaction pool and checks that it
// holds exactly want transactions (any number if want < 0).
func (c *Chain) Commit(want int) *types.Block {
	c.t.Helper()
	if err := c.Node.Eth.TxPool().Sync(); err != nil {
		c.t.Fatal(err)
	}
	c.Node.Beacon.Commit()
	head := c.Node.Eth.BlockChain().CurrentBlock()
	block := c.Node.Eth.BlockChain().GetBlock(head.Hash(), head.Number.Uint64())
	if got := len(block.Transactions()); want >= 0 && got != want {
		c.t.Fatalf("block %d has %d transactions, want %d", block.NumberU64(), got, want)
	}
	return block
}

// AdvanceTime seals an empty block d after the head's timestamp; later
// blocks continue from there. The pool must be empty.
func (c *Chain) AdvanceTime(d time.Duration) {
	c.t.Helper()
	if err := c.Node.Beacon.AdjustTime(d); err != nil {
		c.t.Fatal(err)
	}
}

// Head is the current block's header.
func (c *Chain) Head() *types.Header { return c.Node.Eth.BlockChain().CurrentBlock() }

// Opts signs with key on this chain.
func (c *Chain) Opts(key *ecdsa.PrivateKey) *bind.TransactOpts {
	c.t.Helper()
	o, err := bind.NewKeyedTransactorWithChainID(key, c.ChainID)
	if err != nil {
		c.t.Fatal(err)
	}
	o.Context = context.Background()
	return o
}

// Mine is a WaitMined for a chain without Auto: it seals the pending
// transactions into a block and returns tx's receipt.
func (c *Chain) Mine(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	if err := c.Node.Eth.TxPool().Sync(); err != nil {
		return nil, err
	}
	if pending, _ := c.Node.Eth.TxPool().Stats(); pending > 0 {
		c.Node.Beacon.Commit()
	}
	r, err := c.Client.TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("devchain: receipt of %s: %w", tx.Hash(), err)
	}
	return r, nil
}

// Receipt returns a mined transaction's receipt and checks its status.
func (c *Chain) Receipt(tx *types.Transaction, wantStatus uint64) *types.Receipt {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, err := c.Client.TransactionReceipt(ctx, tx.Hash())
	if err != nil {
		c.t.Fatalf("receipt of %s: %v", tx.Hash(), err)
	}
	if r.Status != wantStatus {
		c.t.Fatalf("tx %s: status %d, want %d", tx.Hash(), r.Status, wantStatus)
	}
	return r
}
