// sample.cu: per-row token sampling on the device with the CPU sampler's
// exact order of operations (inference/sample): greedy argmax (lowest id on
// ties, NaN never wins), or temperature, candidates in (logit desc, id asc)
// order cut to top_k, float64 softmax summed sequentially in that order,
// top_p prefix, and an inverse-CDF draw with pk_uniform(key, position), the
// same counter-based PRNG. Rows with top_k 0 or above kMaxTopK get token -1:
// the caller samples them on the host from the logits (as it does rows with
// a repetition penalty).
#include "pk_internal.cuh"

namespace pk {

namespace {

constexpr int kSampleThreads = 1024;
static_assert(kMaxTopK == kSampleThreads, "one candidate slot per thread");

// Order-preserving map of a float to uint32 (ascending); NaN maps lowest.
__device__ __forceinline__ uint32_t order_key(float f) {
	if (f != f) {
		return 0;
	}
	const uint32_t u = __float_as_uint(f);
	return (u & 0x80000000u) ? ~u : (u | 0x80000000u);
}

struct Best {
	float v;
	int i;
};

// better reports whether b beats a under the CPU Argmax rule.
__device__ __forceinline__ bool better(Best a, Best b) {
	if (b.v != b.v) {
		return a.v != a.v && b.i < a.i;
	}
	if (a.v != a.v) {
		return true;
	}
	return b.v > a.v || (b.v == a.v && b.i < a.i);
}

__global__ void __launch_bounds__(kSampleThreads)
    sample_kernel(const float *logits, int vocab, const pk_sample_params *sp, int32_t *tokens) {
	__shared__ Best best[kSampleThreads];
	__shared__ uint32_t ckey[kSampleThreads];
	__shared__ int32_t cidx[kSampleThreads];
	__shared__ double probs[kSampleThreads];
	__shared__ int count, wcnt[kSampleThreads / kWarp], wpre[kSampleThreads / kWarp], total;
	const int row = blockIdx.x, tid = threadIdx.x, lane = tid % kWarp, warp = tid / kWarp;
	const float *lg = logits + (int64_t)row * vocab;
	const pk_sample_params p = sp[row];
	if (p.temperature == 0 || p.top_k == 1) {
		Best b{__uint_as_float(0x7fc00000u), 0x7fffffff};
		for (int i = tid; i < vocab; i += kSampleThreads) {
			const Best c{lg[i], i};
			if (better(b, c)) {
				b = c;
			}
		}
		best[tid] = b;
		__syncthreads();
		for (int s = kSampleThreads / 2; s > 0; s >>= 1) {
			if (tid < s && better(best[tid], best[tid + s])) {
				best[tid] = best[tid + s];
			}
			__syncthreads();
		}
		if (tid == 0) {
			tokens[row] = best[0].i == 0x7fffffff ? 0 : best[0].i;
		}
		return;
	}
	if (p.top_k <= 0 || p.top_k > kMaxTopK) {
		if (tid == 0) {
			tokens[row] = -1;
		}
		return;
	}
	const int k = p.top_k < vocab ? p.top_k : vocab;
	// Radix select: T = the k-th largest order key.
	uint32_t prefix = 0;
	for (int bit = 31; bit >= 0; bit--) {
		const uint32_t cand = prefix | (1u << bit);
		if (tid == 0) {
			count = 0;
		}
		__syncthreads();
		int c = 0;
		for (int i = tid; i < vocab; i += kSampleThreads) {
			c += order_key(lg[i]) >= cand;
		}
		atomicAdd(&count, c);  // integer sum: order-independent
		__syncthreads();
		if (count >= k) {
			prefix = cand;
		}
		__syncthreads();
	}
	const uint32_t T = prefix;
	// Everything above T (fewer than k), in any slot order: sorted below.
	if (tid == 0) {
		count = 0;
	}
	ckey[tid] = 0;
	cidx[tid] = 0x7fffffff;
	__syncthreads();
	for (int i = tid; i < vocab; i += kSampleThreads) {
		const uint32_t key = order_key(lg[i]);
		if (key > T) {
			const int slot = atomicAdd(&count, 1);
			ckey[slot] = key;
			cidx[slot] = i;
		}
	}
	__syncthreads();
	// Ties at T: the lowest ids first, by an ordered block compaction.
	const int above = count;
	const int need = k - above;
	int taken = 0;
	for (int base = 0; base < vocab && taken < need; base += kSampleThreads) {
		const int i = base + tid;
		const bool f = i < vocab && order_key(lg[i]) == T;
		const unsigned ballot = __ballot_sync(0xffffffffu, f);
		if (lane == 0) {
			wcnt[warp] = __popc(ballot);
		}
		__syncthreads();
		if (tid == 0) {
			int acc = 0;
			for (int w = 0; w < kSampleThreads / kWarp; w++) {
				wpre[w] = acc;
				acc += wcnt[w];
			}
			total = acc;
		}
		__syncthreads();
		const int rank = taken + wpre[warp] + __popc(ballot & ((1u << lane) - 1u));
		if (f && rank < need) {
			ckey[above + rank] = T;
			cidx[above + rank] = i;
		}
		taken += total;
		__syncthreads();
	}
	// Bitonic sort of the slots: key descending, id ascending.
	for (int size = 2; size <= kSampleThreads; size <<= 1) {
		for (int stride = size / 2; stride > 0; stride >>= 1) {
			const int j = tid ^ stride;
			if (j > tid) {
				const bool desc_block = (tid & size) == 0;
				const bool j_first = ckey[j] > ckey[tid] || (ckey[j] == ckey[tid] && cidx[j] < cidx[tid]);
				if (j_first == desc_block) {
					const uint32_t tk = ckey[tid];
					const int32_t ti = cidx[tid];
					ckey[tid] = ckey[j];
					cidx[tid] = cidx[j];
					ckey[j] = tk;
					cidx[j] = ti;
				}
			}
			__syncthreads();
		}
	}
	if (tid != 0) {
		return;
	}
	// The CPU sampler's arithmetic, sequentially in candidate order.
	const double inv = 1.0 / (double)p.temperature;
	const double maxL = (double)lg[cidx[0]];
	double sum = 0;
	for (int i = 0; i < k; i++) {
		probs[i] = exp(((double)lg[cidx[i]] - maxL) * inv);
		sum += probs[i];
	}
	int n = k;
	if (p.top_p > 0 && p.top_p < 1) {
		double cum = 0;
		for (int i = 0; i < k; i++) {
			cum += probs[i] / sum;
			if (cum >= (double)p.top_p) {
				n = i + 1;
				break;
			}
		}
		sum = 0;
		for (int i = 0; i < n; i++) {
			sum += probs[i];
		}
	}
	const double u = pk_uniform(p.key, p.position) * sum;
	double cum = 0;
	for (int i = 0; i < n; i++) {
		cum += probs[i];
		if (u < cum) {
			tokens[row] = cidx[i];
			return;
		}
	}
	tokens[row] = cidx[n - 1];
}

}  // namespace

cudaError_t sample_rows(const float *logits, int n, int vocab, const pk_sample_params *sp, int32_t *tokens,
                        cudaStream_t s) {
	if (n == 0) {
		return cudaSuccess;
	}
	sample_kernel<<<n, kSampleThreads, 0, s>>>(logits, vocab, sp, tokens);
	return cudaGetLastError();
}

}  // namespace pk
