package paichainapi_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/internal/cputime"
	"github.com/paichain/paichain/node/paichainapi"
	"github.com/paichain/paichain/precompiles"
)

// BenchmarkEstimateGas: what the eth_estimateGas override costs. "geth" is
// geth's own estimate (through the same in-process RPC hop the override
// uses); "paichain" is the override: one extra run of the call to look for
// infer calls, then geth's estimate, except for the inference call, which
// is run with a worst-case receipt and estimated here. A transfer to an
// account without code is handed straight to geth.
func BenchmarkEstimateGas(b *testing.B) {
	w := newWorld(b, nil)
	qaAddr, _, _, err := bindings.DeployInferenceQA(w.opts(govKey), w.client, w.modelID, w.adptID, 800, 40, 24, 7)
	if err != nil {
		b.Fatal(err)
	}
	w.commit(1)
	qaABI, _ := bindings.InferenceQAMetaData.GetAbi()
	ask, _ := qaABI.Pack("ask", [32]byte{1}, "Is the sky blue?")
	setPrice, _ := precompiles.ModelRegistryABI().Pack("setModelPrice", w.modelID, big.NewInt(5))
	cases := []struct {
		name string
		msg  ethereum.CallMsg
		geth bool // geth's own estimate succeeds
	}{
		{"transfer", ethereum.CallMsg{From: user, To: &carol, Value: big.NewInt(1)}, true},
		{"registry call", ethereum.CallMsg{From: alice, To: &precompiles.ModelRegistryAddress, Data: setPrice}, true},
		{"InferenceQA.ask", ethereum.CallMsg{From: user, To: &qaAddr, Value: big.NewInt(5000), Data: ask}, false},
	}
	ctx := context.Background()
	for _, c := range cases {
		args := argsOf(b, c.msg)
		for _, impl := range []string{"geth", "paichain"} {
			if impl == "geth" && !c.geth {
				continue
			}
			b.Run(c.name+"/"+impl, func(b *testing.B) {
				estimate := func() (hexutil.Uint64, error) { return w.api.EstimateGas(ctx, args, nil, nil, nil) }
				if impl == "geth" {
					estimate = func() (hexutil.Uint64, error) { return paichainapi.GethEstimate(w.api, ctx, args, nil) }
				}
				var gas hexutil.Uint64
				cpu := cputime.Process()
				for b.Loop() {
					if gas, err = estimate(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(gas), "gas")
				b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
			})
		}
	}
}
