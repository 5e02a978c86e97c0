package gpu

import "github.com/paichain/paichain/inference/sample"

// RequestKey is the per-request PRNG key the device sampler takes
// (pk_sample_params.key): SplitMix64(seed + γ) ^ FNV-1a-64(requestID), the
// first half of sample.Uniform, hashed once on the host so request ids never
// travel to the device.
func RequestKey(seed uint64, requestID string) uint64 {
	const gamma = 0x9e3779b97f4a7c15
	h := uint64(14695981039346656037)
	for i := 0; i < len(requestID); i++ {
		h = (h ^ uint64(requestID[i])) * 1099511628211
	}
	return sample.SplitMix64(seed+gamma) ^ h
}
