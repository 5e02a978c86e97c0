package precompiles

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// The ABIs are solc's output for contracts/interfaces/*.sol, committed so the
// build needs no compiler; TestABIMatchesSolidity checks they are current
// (regenerate with `make precompiles-abi`).
var (
	//go:embed abi/IModelRegistry.abi.json
	modelRegistryJSON string
	//go:embed abi/IAttribution.abi.json
	attributionJSON string
	//go:embed abi/IInference.abi.json
	inferenceJSON string

	modelRegistryABI = mustParseABI("IModelRegistry", modelRegistryJSON)
	attributionABI   = mustParseABI("IAttribution", attributionJSON)
	inferenceABI     = mustParseABI("IInference", inferenceJSON)
)

func mustParseABI(name, js string) abi.ABI {
	a, err := abi.JSON(strings.NewReader(js))
	if err != nil {
		panic(fmt.Sprintf("precompiles: parse %s ABI: %v", name, err))
	}
	return a
}

// ModelRegistryABIJSON is the JSON ABI of IModelRegistry (for abigen or clients).
func ModelRegistryABIJSON() string { return modelRegistryJSON }

// AttributionABIJSON is the JSON ABI of IAttribution.
func AttributionABIJSON() string { return attributionJSON }

// ModelRegistryABI returns a freshly parsed IModelRegistry ABI (the caller
// may keep or modify it; the precompile's own copy is private).
func ModelRegistryABI() abi.ABI { return mustParseABI("IModelRegistry", modelRegistryJSON) }

// AttributionABI returns a freshly parsed IAttribution ABI.
func AttributionABI() abi.ABI { return mustParseABI("IAttribution", attributionJSON) }

// InferenceABIJSON is the JSON ABI of IInference.
func InferenceABIJSON() string { return inferenceJSON }

// InferenceABI returns a freshly parsed IInference ABI.
func InferenceABI() abi.ABI { return mustParseABI("IInference", inferenceJSON) }
