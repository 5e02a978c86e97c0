// elementwise.cu: embedding gather, fused residual + RMSNorm, RoPE (both
// layouts), SwiGLU, bias, bf16 conversion and the paged K/V write. Each
// output element is computed from its own row with a fixed reduction shape,
// so results never depend on the batch.
#include "pk_internal.cuh"

namespace pk {

namespace {

constexpr int kNormThreads = 256;

__global__ void embed_kernel(const void *embed, bool f32, const int32_t *tokens, int dim, float *x) {
	const int row = blockIdx.x;
	const int64_t base = (int64_t)tokens[row] * dim;
	for (int i = threadIdx.x; i < dim; i += blockDim.x) {
		x[(int64_t)row * dim + i] = f32 ? ((const float *)embed)[base + i] : bf16_to_f32(((const uint16_t *)embed)[base + i]);
	}
}

// One block per row: x_out = x + delta (delta may be null), then
// normed = w * (x_out * 1/sqrt(mean(x_out²) + eps)). The sum of squares is
// per-thread strided partial sums combined by a fixed shared-memory tree.
__global__ void __launch_bounds__(kNormThreads) rmsnorm_kernel(const float *x, const float *delta, const float *w,
                                                               int dim, float eps, float *x_out, float *normed) {
	__shared__ float part[kNormThreads];
	const int64_t off = (int64_t)blockIdx.x * dim;
	float ss = 0;
	for (int i = threadIdx.x; i < dim; i += kNormThreads) {
		float v = x[off + i];
		if (delta != nullptr) {
			v += delta[off + i];
			x_out[off + i] = v;
		}
		ss += v * v;
	}
	part[threadIdx.x] = ss;
	__syncthreads();
	for (int s = kNormThreads / 2; s > 0; s >>= 1) {
		if ((int)threadIdx.x < s) {
			part[threadIdx.x] += part[threadIdx.x + s];
		}
		__syncthreads();
	}
	// As the CPU engine: inv = float32(1/sqrt(float64(ss/dim + eps))).
	const float inv = (float)(1.0 / sqrt((double)(part[0] / (float)dim + eps)));
	const float *src = delta != nullptr ? x_out : x;
	for (int i = threadIdx.x; i < dim; i += kNormThreads) {
		normed[off + i] = w[i] * (inv * src[off + i]);
	}
}

// One thread per (row, head, pair). The angle is float32(pos)·inv_freq in
// float32, cos/sin in double rounded to float, as the CPU engine's tables.
__global__ void rope_kernel(float *x, const int32_t *positions, const float *inv_freq, int rows, int heads,
                            int head_dim, bool interleaved) {
	const int half = head_dim / 2;
	const int64_t id = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
	if (id >= (int64_t)rows * heads * half) {
		return;
	}
	const int i = (int)(id % half);
	const int h = (int)((id / half) % heads);
	const int r = (int)(id / ((int64_t)half * heads));
	const float a = (float)positions[r] * inv_freq[i];
	const float c = (float)cos((double)a), sn = (float)sin((double)a);
	float *v = x + ((int64_t)r * heads + h) * head_dim;
	const int i0 = interleaved ? 2 * i : i;
	const int i1 = interleaved ? 2 * i + 1 : i + half;
	const float p = v[i0], q = v[i1];
	v[i0] = p * c - q * sn;
	v[i1] = q * c + p * sn;
}

// SiLU(g)·u with the CPU engine's float32(1/(1+exp(-float64(g)))).
__global__ void swiglu_kernel(float *gate, const float *up, int n) {
	const int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
	if (i < n) {
		const float g = gate[i];
		const float sig = (float)(1.0 / (1.0 + exp(-(double)g)));
		gate[i] = (g * sig) * up[i];
	}
}

__global__ void bias_kernel(float *y, const float *bias, int rows, int n) {
	const int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
	if (i < (int64_t)rows * n) {
		y[i] += bias[i % n];
	}
}

__global__ void bf16_kernel(const float *x, int n, uint16_t *out) {
	const int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
	if (i < n) {
		out[i] = f32_to_bf16(__float_as_uint(x[i]));
	}
}

// One block per row: K and V of the row go to its sequence's block table
// slot (pk_kv_row), before any row of the step attends.
__global__ void write_kv_kernel(const float *k, const float *v, const int32_t *positions, const int32_t *row_seq,
                                const int32_t *block_tables, int max_blocks, int block_size, int kv_dim,
                                float *k_cache, float *v_cache) {
	const int r = blockIdx.x;
	const int64_t dst = pk_kv_row(block_tables + (int64_t)row_seq[r] * max_blocks, block_size, kv_dim, positions[r]);
	for (int i = threadIdx.x; i < kv_dim; i += blockDim.x) {
		k_cache[dst + i] = k[(int64_t)r * kv_dim + i];
		v_cache[dst + i] = v[(int64_t)r * kv_dim + i];
	}
}

unsigned blocks_for(int64_t n, int threads) { return (unsigned)((n + threads - 1) / threads); }

}  // namespace

cudaError_t embed_rows(const void *embed, bool f32, const int32_t *tokens, int rows, int dim, float *x, cudaStream_t s) {
	embed_kernel<<<rows, 256, 0, s>>>(embed, f32, tokens, dim, x);
	return cudaGetLastError();
}

cudaError_t rmsnorm(const float *x, const float *delta, const float *w, int rows, int dim, float eps, float *x_out,
                    float *normed, cudaStream_t s) {
	rmsnorm_kernel<<<rows, kNormThreads, 0, s>>>(x, delta, w, dim, eps, x_out, normed);
	return cudaGetLastError();
}

cudaError_t rope(float *x, const int32_t *positions, const float *inv_freq, int rows, int heads, int head_dim,
                 bool interleaved, cudaStream_t s) {
	const int64_t n = (int64_t)rows * heads * (head_dim / 2);
	rope_kernel<<<blocks_for(n, 256), 256, 0, s>>>(x, positions, inv_freq, rows, heads, head_dim, interleaved);
	return cudaGetLastError();
}

cudaError_t swiglu(float *gate, const float *up, int n, cudaStream_t s) {
	swiglu_kernel<<<blocks_for(n, 256), 256, 0, s>>>(gate, up, n);
	return cudaGetLastError();
}

cudaError_t add_bias(float *y, const float *bias, int rows, int n, cudaStream_t s) {
	bias_kernel<<<blocks_for((int64_t)rows * n, 256), 256, 0, s>>>(y, bias, rows, n);
	return cudaGetLastError();
}

cudaError_t to_bf16(const float *x, int n, uint16_t *out, cudaStream_t s) {
	bf16_kernel<<<blocks_for(n, 256), 256, 0, s>>>(x, n, out);
	return cudaGetLastError();
}

cudaError_t write_kv(const float *k, const float *v, const int32_t *positions, const int32_t *row_seq,
                     const int32_t *block_tables, int max_blocks, int rows, int block_size, int kv_dim,
                     float *k_cache, float *v_cache, cudaStream_t s) {
	write_kv_kernel<<<rows, 128, 0, s>>>(k, v, positions, row_seq, block_tables, max_blocks, block_size, kv_dim,
	                                     k_cache, v_cache);
	return cudaGetLastError();
}

}  // namespace pk

namespace pk {

namespace {

__global__ void gather_kernel(const float *x, const int32_t *rows, int dim, float *out) {
	const int r = blockIdx.x;
	for (int i = threadIdx.x; i < dim; i += blockDim.x) {
		out[(int64_t)r * dim + i] = x[(int64_t)rows[r] * dim + i];
	}
}

}  // namespace

cudaError_t gather_rows(const float *x, const int32_t *rows, int n, int dim, float *out, cudaStream_t s) {
	if (n == 0) {
		return cudaSuccess;
	}
	gather_kernel<<<n, 256, 0, s>>>(x, rows, dim, out);
	return cudaGetLastError();
}

}  // namespace pk
