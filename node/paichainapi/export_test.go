package paichainapi

import (
	"context"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// The chain tests are in package paichainapi_test (they start a node with
// package node, which imports this package); these give them geth's own
// answers behind the eth_estimateGas override.

// GethEstimate is geth's own eth_estimateGas, as the override calls it.
func GethEstimate(api *API, ctx context.Context, call CallArgs, block *rpc.BlockNumberOrHash) (hexutil.Uint64, error) {
	return api.est.gethEstimate(ctx, call, block, nil, nil)
}

// GethClient is the in-process client of geth's own eth namespace.
func GethClient(api *API) (*rpc.Client, error) { return api.est.client() }
