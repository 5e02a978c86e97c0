/*
 * pk_index.h: the pure integer/float index math shared by the CUDA kernels
 * and the host: the counter-based sampling PRNG (a port of
 * inference/sample.Uniform), paged-KV block-table addressing (a port of
 * kvcache.Cache.Row), the fixed split-KV partition and bf16 rounding. Plain C99, usable from
 * host C, host C++ and device code; kernels/tests/index_check.c and the Go
 * test inference/gpu/index_test.go pin it to the Go implementation.
 */
#ifndef PK_INDEX_H
#define PK_INDEX_H

#include <stddef.h>
#include <stdint.h>

#if defined(__CUDACC__) || defined(__CUDA__)
#define PK_HD __host__ __device__ __forceinline__
#else
#define PK_HD static inline
#endif

#define PK_GAMMA 0x9e3779b97f4a7c15ULL
#define PK_FNV_OFFSET 14695981039346656037ULL
#define PK_FNV_PRIME 1099511628211ULL

/* SplitMix64 finalizer (Steele, Lea, Flood 2014), as sample.SplitMix64. */
PK_HD uint64_t pk_splitmix64(uint64_t z) {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* FNV-1a-64 of a request id's bytes. Host-side: the id is hashed once per
 * request and only the 64-bit key travels to the device. */
PK_HD uint64_t pk_fnv1a64(const unsigned char *s, size_t n) {
	uint64_t h = PK_FNV_OFFSET;
	for (size_t i = 0; i < n; i++) {
		h = (h ^ (uint64_t)s[i]) * PK_FNV_PRIME;
	}
	return h;
}

/* pk_request_key = SplitMix64(seed + γ) ^ FNV-1a-64(request id). */
PK_HD uint64_t pk_request_key(uint64_t seed, uint64_t fnv) {
	return pk_splitmix64(seed + PK_GAMMA) ^ fnv;
}

/* pk_uniform is sample.Uniform: (SplitMix64(SplitMix64(k) + γ·(position+1)) >> 11)·2⁻⁵³.
 * Unsigned wrap-around matches Go's uint64 arithmetic, including Go's
 * uint64(position+1) conversion of a negative int. */
PK_HD double pk_uniform(uint64_t key, int64_t position) {
	uint64_t x = pk_splitmix64(pk_splitmix64(key) + PK_GAMMA * (uint64_t)(position + 1));
	return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

/* pk_kv_row is the element offset of position pos's K (or V) vector in one
 * layer's [num_blocks][block_size][kv_dim] cache: kvcache.Cache.Row. */
PK_HD int64_t pk_kv_row(const int32_t *block_table, int32_t block_size, int32_t kv_dim, int32_t pos) {
	return ((int64_t)block_table[pos / block_size] * block_size + pos % block_size) * kv_dim;
}

/* pk_attn_start is the first position row pos attends to: 0, or with a
 * sliding window w the engine's max(0, pos-w+1). */
PK_HD int32_t pk_attn_start(int32_t pos, int32_t window) {
	if (window > 0 && pos - window + 1 > 0) {
		return pos - window + 1;
	}
	return 0;
}

/*
 * Split-KV partitioning. The attended range [start, end] (inclusive) is cut
 * at absolute positions that are multiples of split, never relative to the
 * batch: partition i covers [max(start, (s0+i)·split), min(end, (s0+i+1)·split-1)]
 * with s0 = start/split. A row's partition (and so its reduction order)
 * depends only on its own start and end, which is what makes the decode
 * kernel batch-invariant.
 */
PK_HD int32_t pk_num_splits(int32_t start, int32_t end, int32_t split) {
	return end / split - start / split + 1;
}

PK_HD void pk_split_range(int32_t start, int32_t end, int32_t split, int32_t i, int32_t *lo, int32_t *hi) {
	int32_t s = start / split + i;
	int32_t a = s * split, b = (s + 1) * split - 1;
	*lo = a > start ? a : start;
	*hi = b < end ? b : end;
}

/* pk_bf16_bits rounds float32 bits to bfloat16 (nearest even, NaN kept
 * quiet): safetensors.F32ToBF16, used when weights are uploaded as bf16. */
PK_HD uint16_t pk_bf16_bits(uint32_t u) {
	if ((u & 0x7fffffffu) > 0x7f800000u) {
		return (uint16_t)((u >> 16) | 0x40u);
	}
	return (uint16_t)((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}

#endif /* PK_INDEX_H */
