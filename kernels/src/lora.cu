// lora.cu: multi-LoRA deltas for a batch grouped by adapter. SGMV (one block
// per segment and rank index, walking the segment's rows: prefill) and BGMV
// (one block per row, gathering its adapter: decode) shrink x to rank r;
// one expand kernel adds scale · B t. Every element of t is the same warp dot
// in both shrink kernels, so which one runs never changes a bit.
#include "pk_internal.cuh"

namespace pk {

namespace {

constexpr int kLoraThreads = 128;
constexpr int kLoraWarps = kLoraThreads / kWarp;

__device__ __forceinline__ const float *factor(const SegLora &s, int layer, int module, int which) {
	return s.table == nullptr ? nullptr : s.table[((int64_t)layer * PK_NUM_MODULES + module) * 2 + which];
}

// A row's rank-j coordinate: lanes stride the input, butterfly sum.
__device__ __forceinline__ float lora_dot(const float *a, const float *x, int in, int lane) {
	float acc = 0;
	for (int i = lane; i < in; i += kWarp) {
		acc += a[i] * x[i];
	}
	return warp_sum(acc);
}

__global__ void __launch_bounds__(kLoraThreads)
    sgmv_shrink_kernel(const float *x, int in, const int32_t *seg_start, const SegLora *segs, int layer, int module,
                       int max_rank, float *t) {
	const int sg = blockIdx.x, j = blockIdx.y;
	const SegLora s = segs[sg];
	const float *A = factor(s, layer, module, 0);
	if (A == nullptr || j >= s.rank) {
		return;
	}
	const int warp = threadIdx.x / kWarp, lane = threadIdx.x % kWarp;
	for (int r = seg_start[sg] + warp; r < seg_start[sg + 1]; r += kLoraWarps) {
		const float v = lora_dot(A + (int64_t)j * in, x + (int64_t)r * in, in, lane);
		if (lane == 0) {
			t[(int64_t)r * max_rank + j] = v;
		}
	}
}

__global__ void __launch_bounds__(kLoraThreads)
    bgmv_shrink_kernel(const float *x, int in, const int32_t *row_seg, const SegLora *segs, int layer, int module,
                       int max_rank, float *t) {
	const int r = blockIdx.x;
	const SegLora s = segs[row_seg[r]];
	const float *A = factor(s, layer, module, 0);
	if (A == nullptr) {
		return;
	}
	const int warp = threadIdx.x / kWarp, lane = threadIdx.x % kWarp;
	for (int j = warp; j < s.rank; j += kLoraWarps) {
		const float v = lora_dot(A + (int64_t)j * in, x + (int64_t)r * in, in, lane);
		if (lane == 0) {
			t[(int64_t)r * max_rank + j] = v;
		}
	}
}

// One thread per (row, output): y += scale · Σ_j B[o][j] t[j], j ascending.
__global__ void expand_kernel(const float *t, const int32_t *row_seg, int rows, const SegLora *segs, int layer,
                              int module, int max_rank, int out, float *y) {
	const int64_t id = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;
	if (id >= (int64_t)rows * out) {
		return;
	}
	const int r = (int)(id / out), o = (int)(id % out);
	const SegLora s = segs[row_seg[r]];
	const float *B = factor(s, layer, module, 1);
	if (B == nullptr) {
		return;
	}
	float acc = 0;
	for (int j = 0; j < s.rank; j++) {
		acc += B[(int64_t)o * s.rank + j] * t[(int64_t)r * max_rank + j];
	}
	y[id] += s.scale * acc;
}

}  // namespace

cudaError_t lora_shrink(const float *x, int in, const int32_t *row_seg, const int32_t *seg_start, int n_segments,
                        const SegLora *segs, int layer, int module, int max_rank, float *t, bool sgmv, int rows,
                        cudaStream_t s) {
	if (rows == 0 || max_rank == 0) {
		return cudaSuccess;
	}
	if (sgmv) {
		sgmv_shrink_kernel<<<dim3(n_segments, max_rank), kLoraThreads, 0, s>>>(x, in, seg_start, segs, layer, module,
		                                                                      max_rank, t);
	} else {
		bgmv_shrink_kernel<<<rows, kLoraThreads, 0, s>>>(x, in, row_seg, segs, layer, module, max_rank, t);
	}
	return cudaGetLastError();
}

cudaError_t lora_expand(const float *t, const int32_t *row_seg, int rows, const SegLora *segs, int layer,
                        int module, int max_rank, int out, float *y, cudaStream_t s) {
	if (rows == 0 || max_rank == 0) {
		return cudaSuccess;
	}
	const int64_t n = (int64_t)rows * out;
	expand_kernel<<<(unsigned)((n + 255) / 256), 256, 0, s>>>(t, row_seg, rows, segs, layer, module, max_rank, out, y);
	return cudaGetLastError();
}

}  // namespace pk
