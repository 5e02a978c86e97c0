package chaintest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/precompiles"
)

func TestDebugReg(t *testing.T) {
	cfg := genesis.Config{Governance: genesis.DevAddress(0), Prefund: []common.Address{genesis.DevAddress(1)}}
	c := startDevChain(t, cfg)
	registry, _ := bindings.NewModelRegistry(precompiles.ModelRegistryAddress, c.client)
	o := c.opts(genesis.DevKey(1))
	tx, err := registry.RegisterModel(o, "llama", hash32("x"), "ipfs://llama")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gas limit %d", tx.Gas())
	c.commit(1)
	r, _ := c.client.TransactionReceipt(context.Background(), tx.Hash())
	t.Logf("status %d used %d", r.Status, r.GasUsed)
	var res json.RawMessage
	err = c.rpc.Call(&res, "debug_traceTransaction", tx.Hash(), map[string]any{"tracer": "callTracer"})
	t.Logf("%s %v", res, err)
	_ = types.ReceiptStatusFailed
}
