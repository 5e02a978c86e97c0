# paichain build. Everything the build needs comes from the Go module proxy,
# Debian packages or npm; outputs live in the git-ignored build/ and bin/.
GO      ?= go
TOOLS   := build/tools/.installed
FORK    := build/op-geth/.paichain-fork
PATCHES := $(wildcard node/patches/*.patch)

.PHONY: all build fork tools lint test test-fork fuzz-smoke fuzz devnet clean

all: build

## fork: patched op-geth tree in build/op-geth (pristine module + node/patches)
fork: $(FORK)
$(FORK): node/fork.sh node/upstream/go.mod node/upstream/go.sum $(PATCHES)
	node/fork.sh

## tools: pinned npm tools (solc-js, cast, tokenizer vocabularies) in build/tools
tools: $(TOOLS)
$(TOOLS): ops/tools/package.json ops/tools/package-lock.json
	mkdir -p build/tools
	cp ops/tools/package.json ops/tools/package-lock.json build/tools/
	cd build/tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## build: bin/paichain
build: $(FORK)
	$(GO) build -o bin/paichain ./cmd/paichain

lint: $(FORK)
	@bad=$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go')); \
	  if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags cuda ./inference/gpu/...   # cgo bindings against kernels/include (gcc only, no link)

## test: the whole CI suite (no GPU, loopback only)
test: $(FORK) $(TOOLS) lint devnet-smoke
	$(GO) test -timeout 25m ./...
	cd da/interop && $(GO) test -timeout 10m ./...   # op-alt-da DAClient interop (own module)
	contracts/bindings.sh --check   # committed Go bindings match the Solidity sources
	ops/scripts/fuzz-smoke.sh

## test-fork: op-geth's own core/vm tests on the patched tree
test-fork: $(FORK)
	cd build/op-geth && $(GO) test ./core/vm/... ./miner/...

## fuzz-smoke: every Fuzz target for a few seconds (FUZZTIME=3s)
fuzz-smoke: $(FORK)
	ops/scripts/fuzz-smoke.sh

## fuzz: long fuzz runs (FUZZTIME=5m), not part of make test
fuzz: $(FORK)
	FUZZTIME=$${FUZZTIME:-5m} ops/scripts/fuzz-smoke.sh

## devnet: the whole OP Stack devnet on 127.0.0.1 (docs/devnet.md): L1,
## sequencer + verifier, op-nodes, batcher, proposer, DA server, inference
## sidecar; prints the endpoints and dev keys, runs until Ctrl-C or
## `make devnet-down`. Data in build/devnet/data, reused by the next start;
## extra flags via DEVNET_FLAGS (e.g. DEVNET_FLAGS=--reset).
devnet: devnet-deps build
	bin/paichain devnet up $(DEVNET_FLAGS)

## devnet-down: stop the devnet `make devnet` started (from another shell)
.PHONY: devnet-down
devnet-down:
	@if [ -x bin/paichain-devnet ]; then bin/paichain-devnet down; else echo "no bin/paichain-devnet: no devnet to stop"; fi

## devnet-deps: OP Stack pieces of the full devnet (docs/devnet.md): optimism
## v1.19.6 copy, contracts-bedrock forge artifacts, bin/paichain-devnet
DEVNET_TOOLS := build/devnet-tools/.installed
.PHONY: devnet-deps devnet-genesis test-devnet
$(DEVNET_TOOLS): ops/devnet/package.json ops/devnet/package-lock.json
	mkdir -p build/devnet-tools
	cp ops/devnet/package.json ops/devnet/package-lock.json build/devnet-tools/
	cd build/devnet-tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@
devnet-deps: $(FORK) $(DEVNET_TOOLS)
	ops/devnet/optimism.sh
	ops/devnet/contracts.sh
	cd ops/devnet && $(GO) build -o ../../bin/paichain-devnet ./cmd/paichain-devnet

## devnet-genesis: L1 state with the OP contracts + L2 genesis/rollup config in build/devnet/genesis
devnet-genesis: devnet-deps
	bin/paichain-devnet genesis --out build/devnet/genesis

## test-devnet: ops/devnet's own tests (separate module; needs devnet-deps)
test-devnet: devnet-deps
	cd ops/devnet && $(GO) test ./...

## devnet-smoke: the whole devnet end to end (ops/devnet/smoke; docs/devnet.md):
## L1 deposit, ModelRegistry tx, inference receipt, batches via the DA server,
## verifier derivation, DA failover to L1 calldata; plus the failover unit
## tests and the rest of ops/devnet's tests. Part of make test.
.PHONY: devnet-smoke
devnet-smoke: build devnet-deps
	cd ops/devnet && PAICHAIN_SMOKE=1 $(GO) test -count=1 -timeout 15m ./...

## bindings: regenerate contracts/bindings (solc-js 0.8.28 + abigen from the fork)
.PHONY: bindings
bindings: $(FORK) $(TOOLS)
	contracts/bindings.sh

## precompiles-abi: regenerate precompiles/abi/*.abi.json from contracts/interfaces
.PHONY: precompiles-abi
precompiles-abi: $(TOOLS)
	rm -rf build/precompiles-abi
	build/tools/node_modules/.bin/solcjs --abi -o build/precompiles-abi contracts/interfaces/IModelRegistry.sol contracts/interfaces/IAttribution.sol contracts/interfaces/IInference.sol
	cp build/precompiles-abi/contracts_interfaces_IModelRegistry_sol_IModelRegistry.abi precompiles/abi/IModelRegistry.abi.json
	cp build/precompiles-abi/contracts_interfaces_IAttribution_sol_IAttribution.abi precompiles/abi/IAttribution.abi.json
	cp build/precompiles-abi/contracts_interfaces_IInference_sol_IInference.abi precompiles/abi/IInference.abi.json

clean:
	rm -rf build bin

## kernels: the CUDA kernel library build/kernels/libpaichain_kernels.so for
## `go build -tags cuda` (nvcc, CUDA 12.x; sm_80 and sm_90a, PTX for newer).
## See docs/kernels.md. The default CPU build needs none of this.
NVCC         ?= nvcc
CLANGXX      ?= clang++
KERNEL_SRCS  := $(wildcard kernels/src/*.cu)
KERNEL_HDRS  := $(wildcard kernels/include/*.h kernels/src/*.cuh)
KERNEL_ARCHS ?= -gencode arch=compute_80,code=sm_80 -gencode arch=compute_90a,code=sm_90a -gencode arch=compute_90,code=compute_90
.PHONY: kernels kernels-check
kernels: build/kernels/libpaichain_kernels.so
build/kernels/libpaichain_kernels.so: $(KERNEL_SRCS) $(KERNEL_HDRS)
	@command -v $(NVCC) >/dev/null 2>&1 || { echo "make kernels: nvcc not found: install the CUDA 12 toolkit (or set NVCC=/path/to/nvcc); the default CPU build does not need it" >&2; exit 1; }
	mkdir -p build/kernels
	$(NVCC) -O3 -std=c++17 --expt-relaxed-constexpr -Xcompiler -fPIC,-Wall -shared $(KERNEL_ARCHS) \
	  -Ikernels/include -Ikernels/src $(KERNEL_SRCS) -lcublasLt -o $@

## kernels-check: clang's CUDA front end over kernels/src with our own
## declaration shim (kernels/check), no nvcc and no GPU: syntax and types only
kernels-check:
	@command -v $(CLANGXX) >/dev/null 2>&1 || { echo "make kernels-check: $(CLANGXX) not found (apt-get install clang)" >&2; exit 1; }
	@for f in $(KERNEL_SRCS); do echo "check $$f"; \
	  $(CLANGXX) -x cuda --cuda-gpu-arch=sm_80 -nocudainc -nocudalib -fsyntax-only -std=c++17 -Wall -Werror \
	    -DPK_SYNTAX_CHECK -include __clang_cuda_builtin_vars.h -Ikernels/check -Ikernels/include -Ikernels/src $$f || exit 1; done
