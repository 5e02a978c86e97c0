#!/usr/bin/env bash
# Regenerates the Go bindings in contracts/bindings from the Solidity sources:
# solc-js 0.8.28 (make tools) compiles contracts/src and the precompile
# interfaces, abigen from the op-geth fork writes one file per contract.
# With --check it regenerates into a temp dir and fails if the committed
# bindings differ (CI).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
solcjs=build/tools/node_modules/.bin/solcjs
[[ -x $solcjs ]] || { echo "bindings: $solcjs missing; run make tools" >&2; exit 1; }

out=contracts/bindings
check=0
if [[ ${1:-} == --check ]]; then
	check=1
	out=$(mktemp -d)
	trap 'rm -rf "$out" "$sol"' EXIT
fi
sol=$(mktemp -d)
[[ $check == 1 ]] || trap 'rm -rf "$sol"' EXIT

"$solcjs" --optimize --abi --bin --base-path . -o "$sol" \
	contracts/src/PaidModelCaller.sol contracts/src/PlainModelRegistry.sol contracts/src/InferenceQA.sol \
	contracts/src/DatanetRegistry.sol contracts/src/DatanetPool.sol \
	contracts/interfaces/IModelRegistry.sol contracts/interfaces/IAttribution.sol >/dev/null

gen() { # gen <solc output prefix> <type> <file>
	local args=(--abi "$sol/$1.abi" --pkg bindings --type "$2" --out "$out/$3")
	# Interfaces have no bytecode; contracts get a Deploy function.
	if [[ -s "$sol/$1.bin" ]]; then args+=(--bin "$sol/$1.bin"); fi
	go run github.com/ethereum/go-ethereum/cmd/abigen "${args[@]}"
}
mkdir -p "$out"
gen contracts_src_PaidModelCaller_sol_PaidModelCaller PaidModelCaller paid_model_caller.go
gen contracts_src_PlainModelRegistry_sol_PlainModelRegistry PlainModelRegistry plain_model_registry.go
gen contracts_src_InferenceQA_sol_InferenceQA InferenceQA inference_qa.go
gen contracts_interfaces_IModelRegistry_sol_IModelRegistry ModelRegistry model_registry.go
gen contracts_interfaces_IAttribution_sol_IAttribution Attribution attribution.go
gen contracts_src_DatanetRegistry_sol_DatanetRegistry DatanetRegistry datanet_registry.go
gen contracts_src_DatanetPool_sol_DatanetPool DatanetPool datanet_pool.go

if [[ $check == 1 ]]; then
	for f in "$out"/*.go; do
		if ! cmp -s "$f" "contracts/bindings/$(basename "$f")"; then
			echo "bindings: contracts/bindings/$(basename "$f") is stale; run make bindings" >&2
			exit 1
		fi
	done
	echo "bindings: up to date"
fi
