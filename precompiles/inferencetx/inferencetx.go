// Package inferencetx bridges the inference engine's receipts
// (inference/receipt) and the Inference precompile (0x…0A03): it builds the
// calldata of the sequencer's receipt transactions (fulfill) from a sealed
// receipt, and the engine request from an on-chain infer call. It lives
// apart from package precompiles so that the node's precompiles do not
// depend on the engine's packages.
package inferencetx

import (
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/precompiles"
)

// Commitment converts the engine's receipt commitment to the precompile's
// tuple (the same ABI type; TestABITypesAgree pins that).
func Commitment(c receipt.Commitment) precompiles.ReceiptCommitment {
	return precompiles.ReceiptCommitment{
		Version: c.Version, RequestId: c.RequestId, ModelHash: c.ModelHash,
		AdapterHashes: c.AdapterHashes, AdapterWeights: c.AdapterWeights,
		MergeMethod: c.MergeMethod, MergeSeed: c.MergeSeed,
		PromptHash: c.PromptHash, PromptTokens: c.PromptTokens,
		Sampler: precompiles.ReceiptSampler{
			Temperature: c.Sampler.Temperature, TopP: c.Sampler.TopP, TopK: c.Sampler.TopK,
			RepetitionPenalty: c.Sampler.RepetitionPenalty, Seed: c.Sampler.Seed, MaxTokens: c.Sampler.MaxTokens,
			StopTokens: c.Sampler.StopTokens, Stop: c.Sampler.Stop,
		},
		EngineVersion: c.EngineVersion, Determinism: c.Determinism,
		OutputHash: c.OutputHash, OutputTokens: c.OutputTokens, OutputTextHash: c.OutputTextHash,
		FinishReason: c.FinishReason,
	}
}

// Fulfillment is the receipt transaction's payload for a completed
// inference: r must be a valid receipt (Validate) whose request id is
// requestID's lower-case hex, as the engine is asked to use (EngineRequest).
// contributors and weights are the attribution of the output (at most
// precompiles.MaxContributors, weights below 2^96).
func Fulfillment(requestID common.Hash, chainID *big.Int, r *receipt.Receipt, contributors []common.Address, weights []*big.Int) (precompiles.Fulfillment, error) {
	if err := r.Validate(); err != nil {
		return precompiles.Fulfillment{}, fmt.Errorf("inferencetx: %w", err)
	}
	if r.RequestID != requestID.Hex() {
		return precompiles.Fulfillment{}, fmt.Errorf("inferencetx: receipt is for request %q, not %s", r.RequestID, requestID.Hex())
	}
	ids := make([]uint32, len(r.OutputTokenIDs))
	for i, id := range r.OutputTokenIDs {
		ids[i] = uint32(id) // Validate bounds ids to uint32
	}
	return precompiles.Fulfillment{
		RequestID:      requestID,
		ChainID:        chainID,
		Status:         precompiles.StatusFulfilled,
		Receipt:        Commitment(r.Commitment()),
		Output:         []byte(r.OutputText),
		OutputTokenIDs: precompiles.PackTokenIDs(ids),
		Contributors:   contributors,
		Weights:        weights,
	}, nil
}

// FulfillCalldata is Fulfillment's calldata, ready to sign and send to
// precompiles.InferenceAddress.
func FulfillCalldata(requestID common.Hash, chainID *big.Int, r *receipt.Receipt, contributors []common.Address, weights []*big.Int) ([]byte, error) {
	f, err := Fulfillment(requestID, chainID, r, contributors, weights)
	if err != nil {
		return nil, err
	}
	return f.Calldata()
}

// FailedCalldata reports that the inference for requestID could not be
// served (deadline passed, engine error): infer then reverts with
// InferenceUnavailable in this block. reason goes into finishReason.
func FailedCalldata(requestID common.Hash, chainID *big.Int, reason string) ([]byte, error) {
	if len(reason) > receipt.MaxStringLen {
		return nil, errors.New("inferencetx: failure reason too long")
	}
	return precompiles.Fulfillment{
		RequestID: requestID,
		ChainID:   chainID,
		Status:    precompiles.StatusFailed,
		Receipt:   precompiles.ReceiptCommitment{Version: precompiles.ReceiptVersion, RequestId: requestID.Hex(), FinishReason: reason},
	}.Calldata()
}

// Request is what the engine must run for one infer call.
type Request struct {
	RequestID string // the on-chain request id's hex: keys the engine's PRNG and the receipt
	ModelID   *big.Int
	// AdapterIDs and Weights are the registry ids and engine merge
	// weights; the sequencer resolves ids to adapter hashes in the registry.
	AdapterIDs []*big.Int
	Weights    []float64
	Prompt     []byte
	Sampler    receipt.Sampler
}

// EngineRequest turns the calldata of an infer call, as seen in a traced
// simulation that reverted with InferenceRequired(requestID, ...), into the
// engine request whose receipt infer will accept.
func EngineRequest(requestID common.Hash, inferCalldata []byte) (Request, error) {
	in, err := precompiles.DecodeInfer(inferCalldata)
	if err != nil {
		return Request{}, fmt.Errorf("inferencetx: %w", err)
	}
	p := in.Params
	if p.TopK > math.MaxInt32 || p.MaxTokens > math.MaxInt32 {
		return Request{}, errors.New("inferencetx: topK or maxTokens out of range")
	}
	req := Request{
		RequestID:  requestID.Hex(),
		ModelID:    in.ModelID,
		AdapterIDs: in.AdapterIDs,
		Prompt:     in.Prompt,
		Sampler: receipt.Sampler{
			Temperature:       precompiles.MilliToFloat32(p.TemperatureMilli),
			TopP:              precompiles.MilliToFloat32(p.TopPMilli),
			TopK:              int(p.TopK),
			RepetitionPenalty: precompiles.MilliToFloat32(p.RepetitionPenaltyMilli),
			Seed:              p.Seed,
			MaxTokens:         int(p.MaxTokens),
		},
	}
	for _, w := range in.AdapterWeights {
		if !w.IsUint64() || w.Uint64() > precompiles.MaxAdapterWeightPPM {
			return Request{}, fmt.Errorf("inferencetx: adapter weight %s out of range", w)
		}
		req.Weights = append(req.Weights, precompiles.PPMToFloat64(w.Uint64()))
	}
	return req, nil
}
