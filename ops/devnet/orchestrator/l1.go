package orchestrator

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"path/filepath"
	"time"

	"github.com/ethereum-optimism/optimism/op-e2e/e2eutils/blobstore"
	"github.com/ethereum-optimism/optimism/op-e2e/e2eutils/fakebeacon"
	"github.com/ethereum-optimism/optimism/op-e2e/e2eutils/geth"
	"github.com/ethereum-optimism/optimism/op-service/clock"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/cmd/utils"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"
)

// L1 block production: one block every l1BlockTime seconds (the deploy
// config's l1BlockTime); blocks this far behind the head count as
// finalized, as in op-e2e (short, so the proposer and withdrawals need not
// wait long).
const (
	l1BlockTime         = 2
	l1FinalizedDistance = 8
)

// l1 is the in-process L1: a go-ethereum node (persisted under the data
// dir) with FakePoS producing blocks through the Engine API, and a beacon
// API stub for op-node. It is the ops/devnet binary's go-ethereum, i.e. our
// patched fork: the paichain precompiles are registered on L1 too, which
// no L1 transaction of the devnet touches.
type l1 struct {
	node   *node.Node
	eth    *eth.Ethereum
	beacon *fakebeacon.FakeBeacon
}

// startL1 opens (or creates) the L1 chain in dir and starts it.
func startL1(dir string, g *core.Genesis, ports Ports, jwtPath string, lg log.Logger) (*l1, error) {
	beacon := fakebeacon.NewBeacon(lg.New("component", "beacon"), blobstore.New(), g.Timestamp, l1BlockTime)
	if err := beacon.Start(fmt.Sprintf("127.0.0.1:%d", ports.L1Beacon)); err != nil {
		return nil, fmt.Errorf("L1 beacon API: %w", err)
	}
	modules := []string{"eth", "net", "web3", "debug", "txpool", "admin"}
	n, err := node.New(&node.Config{
		Name:        "geth",
		DataDir:     dir,
		HTTPHost:    "127.0.0.1",
		HTTPPort:    ports.L1RPC,
		HTTPModules: modules,
		// Sharing the HTTP port: geth serves WebSocket upgrades there.
		WSHost:    "127.0.0.1",
		WSPort:    ports.L1RPC,
		WSModules: modules,
		AuthAddr:  "127.0.0.1",
		AuthPort:  ports.L1Auth,
		JWTSecret: jwtPath,
		P2P:       p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""},
	})
	if err != nil {
		beacon.Close()
		return nil, fmt.Errorf("L1 node: %w", err)
	}
	ecfg := ethconfig.Defaults
	ecfg.NetworkId = g.Config.ChainID.Uint64()
	ecfg.Genesis = g
	ecfg.SyncMode = ethconfig.FullSync
	// An archive with the hash scheme commits every block's state, so a
	// killed orchestrator loses no L1 blocks; the chain is small.
	ecfg.StateScheme = rawdb.HashScheme
	ecfg.NoPruning = true
	ecfg.DatabaseCache = 64
	ecfg.TrieCleanCache = 32
	ecfg.TrieDirtyCache = 32
	ecfg.SnapshotCache = 0
	ecfg.BlobPool.Datadir = filepath.Join(dir, "blobpool")
	ecfg.Miner.Recommit = 400 * time.Millisecond
	backend, err := eth.New(n, &ecfg)
	if err != nil {
		n.Close()
		beacon.Close()
		return nil, fmt.Errorf("L1 chain in %s: %w", dir, err)
	}
	utils.RegisterFilterAPI(n, backend.APIBackend, &ecfg)
	if err := catalyst.Register(n, backend); err != nil {
		n.Close()
		beacon.Close()
		return nil, fmt.Errorf("L1 Engine API: %w", err)
	}
	pos := geth.NewFakePoS(&chainHeaders{backend.BlockChain()}, catalyst.NewConsensusAPI(backend), clock.SystemClock,
		lg.New("component", "fakepos"), l1BlockTime, l1FinalizedDistance, beacon, backend.BlockChain().Config())
	n.RegisterLifecycle(pos)
	if err := n.Start(); err != nil {
		n.Close()
		beacon.Close()
		return nil, fmt.Errorf("L1 node: %w", err)
	}
	return &l1{node: n, eth: backend, beacon: beacon}, nil
}

func (l *l1) close() error {
	err := l.beacon.Close()
	// FakeBeacon closes its listener after the server that already closed
	// it.
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return errors.Join(l.node.Close(), err)
}

// chainHeaders gives FakePoS the heads it builds on, read straight from the
// chain (no RPC round trip).
type chainHeaders struct{ chain *core.BlockChain }

func (c *chainHeaders) HeaderByNumber(_ context.Context, num *big.Int) (*types.Header, error) {
	var h *types.Header
	switch {
	case num == nil:
		h = c.chain.CurrentBlock()
	case num.Sign() >= 0:
		h = c.chain.GetHeaderByNumber(num.Uint64())
	case num.Int64() == int64(rpc.LatestBlockNumber):
		h = c.chain.CurrentBlock()
	case num.Int64() == int64(rpc.SafeBlockNumber):
		h = c.chain.CurrentSafeBlock()
	case num.Int64() == int64(rpc.FinalizedBlockNumber):
		h = c.chain.CurrentFinalBlock()
	}
	if h == nil {
		return nil, ethereum.NotFound
	}
	return h, nil
}
