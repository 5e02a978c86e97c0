// The devnet orchestrator and its build helpers. A separate module so the
// root module never depends on the optimism monorepo. optimism is replaced by
// the copy ops/devnet/optimism.sh prepares (module + generated superchain
// configs zip), go-ethereum by our patched op-geth fork (make fork).
module github.com/paichain/paichain/ops/devnet

go 1.26.0

require (
	github.com/BurntSushi/toml v1.5.0
	github.com/ethereum-optimism/optimism v1.19.6
	github.com/paichain/paichain v0.0.0
)

replace (
	github.com/ethereum-optimism/optimism => ../../build/optimism
	github.com/ethereum/go-ethereum => ../../build/op-geth
	github.com/paichain/paichain => ../..
)
