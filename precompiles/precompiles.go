// Package precompiles implements paichain's stateful precompiled contracts,
// the model registry (0x…0A01), the attribution ledger (0x…0A02) and
// inference with sequencer-delivered receipts (0x…0A03), and registers them
// with op-geth's EVM.
//
// Importing the package is enough to activate them: its init adds them to
// every per-fork precompile map and address list of core/vm, which is where
// every EVM (block import, miner, eth_call, gas estimation, tracing,
// simulation) looks its precompiles up. That init is the one global mutation
// geth requires; nothing else in the package is mutable.
//
// The contracts run through the StatefulPrecompiledContract hook that
// node/patches/0001-stateful-precompiles.patch adds to core/vm. Their
// published interfaces are contracts/interfaces/IModelRegistry.sol,
// IAttribution.sol and IInference.sol; docs/precompiles.md describes storage layout, gas
// schedule and security model.
package precompiles

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"
)

// Precompile addresses.
var (
	ModelRegistryAddress = common.HexToAddress("0x0000000000000000000000000000000000000A01")
	AttributionAddress   = common.HexToAddress("0x0000000000000000000000000000000000000A02")
	InferenceAddress     = common.HexToAddress("0x0000000000000000000000000000000000000A03")
)

// The contracts this package registers. Adding a precompile is one line here.
var (
	modelRegistry = newModelRegistry()
	attribution   = newAttribution()
	inference     = newInference()
	registered    = []*contract{modelRegistry, attribution, inference}
)

// Addresses returns the addresses of the registered precompiles in order.
func Addresses() []common.Address {
	out := make([]common.Address, len(registered))
	for i, c := range registered {
		out[i] = c.address
	}
	return out
}

func init() {
	register(registered...)
}

// register writes cs into every per-fork precompile map and address list of
// core/vm. Some exported maps are aliases of others (BLS = Prague, Verkle =
// Berlin), so each distinct map is written once. It panics if an address is
// already taken: two precompiles at one address would fork the chain.
func register(cs ...*contract) {
	forkMaps := []vm.PrecompiledContracts{
		vm.PrecompiledContractsHomestead,
		vm.PrecompiledContractsByzantium,
		vm.PrecompiledContractsIstanbul,
		vm.PrecompiledContractsBerlin,
		vm.PrecompiledContractsCancun,
		vm.PrecompiledContractsPrague,
		vm.PrecompiledContractsBLS,
		vm.PrecompiledContractsVerkle,
		vm.PrecompiledContractsOsaka,
		vm.PrecompiledContractsFjord,
		vm.PrecompiledContractsGranite,
		vm.PrecompiledContractsIsthmus,
		vm.PrecompiledContractsJovian,
	}
	addrLists := []*[]common.Address{
		&vm.PrecompiledAddressesHomestead,
		&vm.PrecompiledAddressesByzantium,
		&vm.PrecompiledAddressesIstanbul,
		&vm.PrecompiledAddressesBerlin,
		&vm.PrecompiledAddressesCancun,
		&vm.PrecompiledAddressesPrague,
		&vm.PrecompiledAddressesOsaka,
		&vm.PrecompiledAddressesFjord,
		&vm.PrecompiledAddressesGranite,
		&vm.PrecompiledAddressesIsthmus,
		&vm.PrecompiledAddressesJovian,
	}
	seen := make(map[uintptr]bool)
	for _, m := range forkMaps {
		id := reflect.ValueOf(m).Pointer()
		if seen[id] {
			continue
		}
		seen[id] = true
		for _, c := range cs {
			if prev, taken := m[c.address]; taken {
				panic(fmt.Sprintf("precompiles: %s: address %s already taken by %s", c.name, c.address, prev.Name()))
			}
			m[c.address] = c
		}
	}
	for _, l := range addrLists {
		for _, c := range cs {
			if slices.Contains(*l, c.address) {
				panic(fmt.Sprintf("precompiles: %s: address %s already listed", c.name, c.address))
			}
			*l = append(*l, c.address)
		}
	}
}
