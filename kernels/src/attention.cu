// attention.cu: attention over the paged KV cache.
//
// Decode (and, in deterministic mode, every row): split-KV with a FIXED
// partition of absolute positions (pk_split_range), one block per (row,
// head, split), then a combine in ascending split order. A row's partition
// depends only on its own attended range, and every reduction inside a split
// has a fixed shape, so a row's output is the same bits in any batch.
//
// Prefill (fast mode): flash-style tiles of up to 16 consecutive query rows
// of one sequence against 16-position K/V tiles with an online softmax.
#include "pk_internal.cuh"

namespace pk {

namespace {

constexpr int kAttnThreads = 128;
constexpr int kAttnWarps = kAttnThreads / kWarp;
static_assert(kAttnWarps == 4, "the split's sum below is written out for four warps");

__global__ void __launch_bounds__(kAttnThreads)
    decode_split_kernel(const float *q, const float *k_cache, const float *v_cache, const int32_t *positions,
                        const int32_t *row_seq, const int32_t *block_tables, int max_blocks, int n_heads,
                        int n_kv_heads, int head_dim, int block_size, int window, int split, int max_splits,
                        float *split_o, float *split_ml) {
	extern __shared__ float sm[];  // q [head_dim], scores [split]
	__shared__ float red_m[kAttnWarps], red_l[kAttnWarps];
	const int r = blockIdx.x, h = blockIdx.y, si = blockIdx.z;
	const int pos = positions[r];
	const int start = pk_attn_start(pos, window);
	if (si >= pk_num_splits(start, pos, split)) {
		return;  // uniform across the block
	}
	int lo, hi;
	pk_split_range(start, pos, split, si, &lo, &hi);
	const int tid = threadIdx.x, warp = tid / kWarp, lane = tid % kWarp;
	const int kv_dim = n_kv_heads * head_dim;
	const int kvh = h / (n_heads / n_kv_heads);
	const float div = (float)sqrt((double)head_dim);
	float *qs = sm, *sc = sm + head_dim;
	const float *qrow = q + ((int64_t)r * n_heads + h) * head_dim;
	for (int d = tid; d < head_dim; d += kAttnThreads) {
		qs[d] = qrow[d];
	}
	__syncthreads();
	const int32_t *bt = block_tables + (int64_t)row_seq[r] * max_blocks;
	// Scores: one warp per position, lanes stride head_dim, butterfly sum.
	for (int t = lo + warp; t <= hi; t += kAttnWarps) {
		const float *kp = k_cache + pk_kv_row(bt, block_size, kv_dim, t) + kvh * head_dim;
		float acc = 0;
		for (int d = lane; d < head_dim; d += kWarp) {
			acc += qs[d] * kp[d];
		}
		acc = warp_sum(acc);
		if (lane == 0) {
			sc[t - lo] = acc / div;
		}
	}
	__syncthreads();
	const int n = hi - lo + 1;
	float m = -INFINITY;
	for (int i = tid; i < n; i += kAttnThreads) {
		m = fmaxf(m, sc[i]);
	}
	m = warp_max(m);
	if (lane == 0) {
		red_m[warp] = m;
	}
	__syncthreads();
	m = red_m[0];
	for (int w = 1; w < kAttnWarps; w++) {
		m = fmaxf(m, red_m[w]);
	}
	float l = 0;
	for (int i = tid; i < n; i += kAttnThreads) {
		const float e = expf(sc[i] - m);
		sc[i] = e;
		l += e;
	}
	l = warp_sum(l);
	if (lane == 0) {
		red_l[warp] = l;
	}
	__syncthreads();  // also publishes the exponentiated scores
	l = (red_l[0] + red_l[1]) + (red_l[2] + red_l[3]);
	const int64_t idx = ((int64_t)r * n_heads + h) * max_splits + si;
	// Unnormalized partial output, positions in ascending order.
	for (int d = tid; d < head_dim; d += kAttnThreads) {
		float acc = 0;
		for (int i = 0; i < n; i++) {
			acc += sc[i] * v_cache[pk_kv_row(bt, block_size, kv_dim, lo + i) + kvh * head_dim + d];
		}
		split_o[idx * head_dim + d] = acc;
	}
	if (tid == 0) {
		split_ml[2 * idx] = m;
		split_ml[2 * idx + 1] = l;
	}
}

// Combine the splits of one (row, head) in ascending split order.
__global__ void combine_kernel(const float *split_o, const float *split_ml, const int32_t *positions, int n_heads,
                               int head_dim, int window, int split, int max_splits, float *out) {
	const int r = blockIdx.x, h = blockIdx.y;
	const int pos = positions[r];
	const int ns = pk_num_splits(pk_attn_start(pos, window), pos, split);
	const int64_t base = ((int64_t)r * n_heads + h) * max_splits;
	float M = -INFINITY;
	for (int i = 0; i < ns; i++) {
		M = fmaxf(M, split_ml[2 * (base + i)]);
	}
	float L = 0;
	for (int i = 0; i < ns; i++) {
		L += split_ml[2 * (base + i) + 1] * expf(split_ml[2 * (base + i)] - M);
	}
	for (int d = threadIdx.x; d < head_dim; d += blockDim.x) {
		float o = 0;
		for (int i = 0; i < ns; i++) {
			o += split_o[(base + i) * head_dim + d] * expf(split_ml[2 * (base + i)] - M);
		}
		out[((int64_t)r * n_heads + h) * head_dim + d] = o / L;
	}
}

constexpr int kBQ = 16, kBK = 16;

// One block per (tile of <= 16 consecutive rows of one sequence, head).
// tiles[2t] is the tile's first row, tiles[2t+1] its row count.
__global__ void __launch_bounds__(kAttnThreads)
    flash_prefill_kernel(const float *q, const float *k_cache, const float *v_cache, const int32_t *tiles,
                         const int32_t *positions, const int32_t *row_seq, const int32_t *block_tables,
                         int max_blocks, int n_heads, int n_kv_heads, int head_dim, int block_size, int window,
                         float *out) {
	extern __shared__ float sm[];
	float *Qs = sm;                      // [kBQ][head_dim]
	float *Ks = Qs + kBQ * head_dim;     // [kBK][head_dim]
	float *Vs = Ks + kBK * head_dim;     // [kBK][head_dim]
	float *Os = Vs + kBK * head_dim;     // [kBQ][head_dim]
	float *S = Os + kBQ * head_dim;      // [kBQ][kBK]
	float *mrow = S + kBQ * kBK, *lrow = mrow + kBQ, *alpha = lrow + kBQ;
	const int row0 = tiles[2 * blockIdx.x], nq = tiles[2 * blockIdx.x + 1];
	const int h = blockIdx.y, tid = threadIdx.x;
	const int kv_dim = n_kv_heads * head_dim, kvh = h / (n_heads / n_kv_heads);
	const float div = (float)sqrt((double)head_dim);
	const int32_t *bt = block_tables + (int64_t)row_seq[row0] * max_blocks;
	const int pos0 = positions[row0], pos_last = positions[row0 + nq - 1];
	for (int e = tid; e < kBQ * head_dim; e += kAttnThreads) {
		const int i = e / head_dim, d = e % head_dim;
		Qs[e] = i < nq ? q[((int64_t)(row0 + i) * n_heads + h) * head_dim + d] : 0.f;
		Os[e] = 0;
	}
	if (tid < kBQ) {
		mrow[tid] = -INFINITY;
		lrow[tid] = 0;
	}
	for (int t0 = pk_attn_start(pos0, window); t0 <= pos_last; t0 += kBK) {
		__syncthreads();
		for (int e = tid; e < kBK * head_dim; e += kAttnThreads) {
			const int j = e / head_dim, d = e % head_dim, t = t0 + j;
			if (t <= pos_last) {
				const int64_t off = pk_kv_row(bt, block_size, kv_dim, t) + kvh * head_dim + d;
				Ks[e] = k_cache[off];
				Vs[e] = v_cache[off];
			} else {
				Ks[e] = 0;
				Vs[e] = 0;
			}
		}
		__syncthreads();
		for (int e = tid; e < kBQ * kBK; e += kAttnThreads) {
			const int i = e / kBK, j = e % kBK, t = t0 + j;
			float s = -INFINITY;
			if (i < nq) {
				const int p = pos0 + i;
				if (t <= p && t >= pk_attn_start(p, window)) {
					float acc = 0;
					for (int d = 0; d < head_dim; d++) {
						acc += Qs[i * head_dim + d] * Ks[j * head_dim + d];
					}
					s = acc / div;
				}
			}
			S[e] = s;
		}
		__syncthreads();
		if (tid < kBQ) {
			const int i = tid;
			float mt = mrow[i];
			for (int j = 0; j < kBK; j++) {
				mt = fmaxf(mt, S[i * kBK + j]);
			}
			if (mt == -INFINITY) {
				alpha[i] = 1;  // nothing attended yet
				for (int j = 0; j < kBK; j++) {
					S[i * kBK + j] = 0;
				}
			} else {
				const float a = expf(mrow[i] - mt);  // 0 when mrow is -inf
				float ls = 0;
				for (int j = 0; j < kBK; j++) {
					const float p = expf(S[i * kBK + j] - mt);  // 0 when masked
					S[i * kBK + j] = p;
					ls += p;
				}
				alpha[i] = a;
				lrow[i] = lrow[i] * a + ls;
				mrow[i] = mt;
			}
		}
		__syncthreads();
		for (int e = tid; e < kBQ * head_dim; e += kAttnThreads) {
			const int i = e / head_dim, d = e % head_dim;
			float o = Os[e] * alpha[i];
			for (int j = 0; j < kBK; j++) {
				o += S[i * kBK + j] * Vs[j * head_dim + d];
			}
			Os[e] = o;
		}
	}
	__syncthreads();
	for (int e = tid; e < nq * head_dim; e += kAttnThreads) {
		const int i = e / head_dim, d = e % head_dim;
		out[((int64_t)(row0 + i) * n_heads + h) * head_dim + d] = Os[e] / lrow[i];
	}
}

}  // namespace

cudaError_t paged_attention_decode(const float *q, const float *k_cache, const float *v_cache, const int32_t *positions,
                                   const int32_t *row_seq, const int32_t *block_tables, int max_blocks, int rows,
                                   int n_heads, int n_kv_heads, int head_dim, int block_size, int window, int split,
                                   int max_splits, float *split_o, float *split_ml, float *out, cudaStream_t s) {
	if (rows == 0) {
		return cudaSuccess;
	}
	const size_t shmem = sizeof(float) * (size_t)(head_dim + split);
	decode_split_kernel<<<dim3(rows, n_heads, max_splits), kAttnThreads, shmem, s>>>(
	    q, k_cache, v_cache, positions, row_seq, block_tables, max_blocks, n_heads, n_kv_heads, head_dim, block_size,
	    window, split, max_splits, split_o, split_ml);
	combine_kernel<<<dim3(rows, n_heads), 128, 0, s>>>(split_o, split_ml, positions, n_heads, head_dim, window, split,
	                                                   max_splits, out);
	return cudaGetLastError();
}

size_t flash_prefill_shmem(int head_dim) {
	return sizeof(float) * ((size_t)(2 * kBQ + 2 * kBK) * head_dim + kBQ * kBK + 3 * kBQ);
}

cudaError_t flash_prefill(const float *q, const float *k_cache, const float *v_cache, const int32_t *tiles, int n_tiles,
                          const int32_t *positions, const int32_t *row_seq, const int32_t *block_tables,
                          int max_blocks, int n_heads, int n_kv_heads, int head_dim, int block_size, int window,
                          float *out, cudaStream_t s) {
	if (n_tiles == 0) {
		return cudaSuccess;
	}
	flash_prefill_kernel<<<dim3(n_tiles, n_heads), kAttnThreads, flash_prefill_shmem(head_dim), s>>>(
	    q, k_cache, v_cache, tiles, positions, row_seq, block_tables, max_blocks, n_heads, n_kv_heads, head_dim,
	    block_size, window, out);
	return cudaGetLastError();
}

}  // namespace pk
