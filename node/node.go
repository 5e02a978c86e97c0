// Package node assembles paichain's execution client: op-geth's node stack,
// the eth service, the log-filter, tracing and engine APIs, and, in dev mode,
// a simulated beacon that builds blocks. It links the precompiles package, so
// every EVM the node runs (block import, miner, eth_call, eth_estimateGas,
// tracing) has the paichain precompiles.
//
// The node is assembled here from op-geth's exported packages instead of
// running op-geth's own binary so that later components can register their
// services and RPC namespaces inside the same process. With a sequencer
// configured (--sequencer.sidecar) the blocks this node builds carry
// inference receipts (package sequencer); replicas run none.
package node

import (
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/eth/tracers"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/rpc"

	// Tracer engines register themselves for debug_trace*.
	_ "github.com/ethereum/go-ethereum/eth/tracers/js"
	_ "github.com/ethereum/go-ethereum/eth/tracers/native"

	// The paichain precompiles register into core/vm on import.
	"github.com/paichain/paichain/node/paichainapi"
	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/sequencer"
)

// Config is everything New needs.
type Config struct {
	Node gethnode.Config
	Eth  ethconfig.Config
	// Dev, when set, replaces the engine API with a simulated beacon that
	// builds blocks locally (`--dev`).
	Dev *DevConfig
	// Sequencer, when set, makes the blocks this node builds (under --dev
	// or for op-node through the engine API) include inference receipts.
	Sequencer *sequencer.Config
}

// DevConfig configures the simulated beacon of a dev node.
type DevConfig struct {
	// Period between blocks in seconds; 0 builds a block as soon as a
	// transaction arrives.
	Period uint64
	// Manual disables automatic block building: blocks are built only by
	// Node.Beacon.Commit. Tests use it to put many transactions in a block.
	Manual bool
}

// Node is an assembled, not yet started, execution client.
type Node struct {
	Stack *gethnode.Node
	Eth   *eth.Ethereum
	// Beacon builds blocks in dev mode; nil otherwise.
	Beacon *catalyst.SimulatedBeacon
	// Sequencer includes inference receipts; nil on a replica.
	Sequencer *sequencer.Sequencer

	devPeriod uint64 // the beacon's block period; 0 = on demand or manual
}

// New creates the node stack and registers the execution services on it.
// Start it with n.Stack.Start (or utils.StartNode); Close releases it.
func New(cfg *Config) (*Node, error) {
	if len(precompiles.Addresses()) == 0 {
		return nil, errors.New("node: no paichain precompiles registered")
	}
	stack, err := gethnode.New(&cfg.Node)
	if err != nil {
		return nil, fmt.Errorf("node: protocol stack: %w", err)
	}
	n, err := register(stack, cfg)
	if err != nil {
		stack.Close()
		return nil, err
	}
	return n, nil
}

func register(stack *gethnode.Node, cfg *Config) (*Node, error) {
	backend, err := eth.New(stack, &cfg.Eth)
	if err != nil {
		return nil, fmt.Errorf("node: eth service: %w", err)
	}
	stack.RegisterAPIs(tracers.APIs(backend.APIBackend))
	filterSystem := filters.NewFilterSystem(backend.APIBackend, filters.Config{
		LogCacheSize:  cfg.Eth.FilterLogCacheSize,
		LogQueryLimit: cfg.Eth.LogQueryLimit,
		RangeLimit:    cfg.Eth.RangeLimit,
	})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(filterSystem)}})

	n := &Node{Stack: stack, Eth: backend}
	if cfg.Sequencer != nil {
		// Registered before the simulated beacon, so that it is running
		// when the first block is built.
		seq, err := sequencer.New(backend, *cfg.Sequencer)
		if err != nil {
			return nil, fmt.Errorf("node: %w", err)
		}
		stack.RegisterLifecycle(seq)
		n.Sequencer = seq
	}
	// The paichain_ namespace, and eth_estimateGas made inference-aware:
	// registered after the eth service, so its method replaces geth's.
	var pending paichainapi.PendingSource
	if n.Sequencer != nil {
		pending = pendingInferences{n.Sequencer}
	}
	stack.RegisterAPIs(paichainapi.APIs(backend, pending))
	if cfg.Dev == nil {
		// The rollup node (op-node) drives block building and import
		// through the authenticated engine API.
		if err := catalyst.Register(stack, backend); err != nil {
			return nil, fmt.Errorf("node: engine API: %w", err)
		}
		return n, nil
	}
	beacon, err := catalyst.NewSimulatedBeacon(cfg.Dev.Period, cfg.Eth.Miner.PendingFeeRecipient, backend)
	if err != nil {
		return nil, fmt.Errorf("node: dev-mode simulated beacon: %w", err)
	}
	if !cfg.Dev.Manual {
		// The dev_ API also starts the build-on-new-transaction loop
		// used when Period is 0.
		catalyst.RegisterSimulatedBeaconAPIs(stack, beacon)
	}
	stack.RegisterLifecycle(beacon)
	n.Beacon, n.devPeriod = beacon, cfg.Dev.Period
	return n, nil
}

// Start starts the stack and readies a dev chain (see DevReady).
func (n *Node) Start() error {
	if err := n.Stack.Start(); err != nil {
		return fmt.Errorf("node: start: %w", err)
	}
	return n.DevReady()
}

// DevReady, on a dev node whose chain is still at genesis, seals one empty
// block and waits for the transaction indexer to finish its first run.
// Until then geth answers every receipt query for a not yet mined
// transaction with "transaction indexing is in progress" instead of null,
// which makes wallets such as Foundry's cast give up on the first
// transaction sent to a fresh dev node. A no-op on other nodes.
func (n *Node) DevReady() error {
	if n.Beacon == nil {
		return nil
	}
	chain := n.Eth.BlockChain()
	deadline := time.Now().Add(30 * time.Second)
	if n.devPeriod > 0 {
		// The beacon's own loop seals the first block; a Commit racing it
		// can wait forever for a payload the loop already took.
		for chain.CurrentBlock().Number.Sign() == 0 {
			if time.Now().After(deadline) {
				return errors.New("node: dev mode sealed no block within 30 s")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if chain.CurrentBlock().Number.Sign() == 0 {
		n.Beacon.Commit()
		if chain.CurrentBlock().Number.Sign() == 0 {
			return errors.New("node: dev mode could not seal its first block")
		}
	}
	for !chain.TxIndexDone() {
		if time.Now().After(deadline) {
			return errors.New("node: transaction indexer did not finish within 30 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// Close stops the node and releases its databases.
func (n *Node) Close() error {
	return n.Stack.Close()
}

// pendingInferences lists the sequencer's tracked requests for
// paichain_pendingInferences.
type pendingInferences struct{ seq *sequencer.Sequencer }

func (p pendingInferences) PendingInferences() []paichainapi.PendingInference {
	list := p.seq.PendingInferences()
	out := make([]paichainapi.PendingInference, len(list))
	for i, r := range list {
		out[i] = paichainapi.PendingInference{
			RequestID: r.RequestID, TxHash: r.TxHash, Sender: r.Sender, Nonce: r.Nonce, ModelID: r.ModelID,
			State: string(r.State), FirstSeen: r.FirstSeen, Deadline: r.Deadline,
		}
	}
	return out
}
