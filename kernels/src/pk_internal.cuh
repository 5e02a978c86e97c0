// pk_internal.cuh: types and kernel entry points shared by the .cu files of
// libpaichain_kernels. Activations are fp32 (the CPU engine's precision);
// base weights are bf16 (or fp32 for the bit-parity mode); LoRA factors and
// the KV cache are fp32, laid out exactly as the CPU engine's.
#ifndef PK_INTERNAL_CUH
#define PK_INTERNAL_CUH

#ifdef PK_SYNTAX_CHECK
#include "cuda_shim.h"
#else
#include <cublasLt.h>
#include <cuda_runtime.h>
#include <math.h>  // INFINITY
#endif
#include <stdint.h>

#include <string>
#include <vector>

#include "paichain_kernels.h"
#include "pk_index.h"

namespace pk {

constexpr int kWarp = 32;
constexpr int kMaxHeadDim = 256;
constexpr int kMaxTopK = 1024;      // device sampler; larger top_k or top_k 0 sample on the host
constexpr int kDefaultSplitKV = 256;
constexpr int kMaxSplitKV = 8192;  // the decode kernel keeps a split's scores in shared memory
constexpr int kMaxRank = 256;

// bf16 storage as raw bits (pk_bf16_bits rounds).
__host__ __device__ __forceinline__ uint16_t f32_to_bf16(uint32_t u) { return pk_bf16_bits(u); }
__device__ __forceinline__ float bf16_to_f32(uint16_t h) { return __uint_as_float((uint32_t)h << 16); }

// Fixed-shape warp sum: xor butterfly, the same tree for every call, so a
// value's reduction order depends only on the lane layout (never the batch).
__device__ __forceinline__ float warp_sum(float v) {
	for (int o = kWarp / 2; o > 0; o >>= 1) {
		v += __shfl_xor_sync(0xffffffffu, v, o);
	}
	return v;
}
__device__ __forceinline__ float warp_max(float v) {
	for (int o = kWarp / 2; o > 0; o >>= 1) {
		v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
	}
	return v;
}

// Weight storage of one base linear layer.
struct Weight {
	void *w = nullptr;      // [out][in], bf16 bits or fp32
	float *bias = nullptr;  // [out] or null
	int in = 0, out = 0;
};

struct Layer {
	float *attn_norm = nullptr, *ffn_norm = nullptr;
	Weight q, k, v, o, gate, up, down;
};

// Gemm is one cuBLASLt problem shape with its algorithm chosen once and
// pinned (deterministic mode: split-K 1, the first heuristic result that
// needs no reduction scheme), so the same shape always runs the same kernel.
struct Gemm {
	int m = 0, n = 0, k = 0;  // rows, out, in
	cublasLtMatmulDesc_t desc = nullptr;
	cublasLtMatrixLayout_t la = nullptr, lb = nullptr, lc = nullptr;
	cublasLtMatmulAlgo_t algo;
};

// SegLora is one batch segment's adapter as the LoRA kernels see it.
struct SegLora {
	const float *const *table;  // adapter table [layer][module][A, B]; null = base model
	int rank;
	float scale;
};
}  // namespace pk

struct pk_ctx {
	pk_init_params p;
	cudaStream_t stream = nullptr;       // compute
	cudaStream_t copy_stream = nullptr;  // adapter uploads
	cublasLtHandle_t lt = nullptr;
	void *lt_ws = nullptr;
	size_t lt_ws_size = 0;
	mutable std::string err;
};

struct pk_model {
	pk_ctx *ctx = nullptr;
	pk_model_config cfg;
	bool f32 = false;  // weights stored fp32
	void *embed = nullptr, *lm_head = nullptr;
	float *norm = nullptr, *inv_freq = nullptr;
	std::vector<pk::Layer> layers;
	std::vector<uint8_t> uploaded;  // per tensor slot, to refuse a step on a partial model
	float *k_cache = nullptr, *v_cache = nullptr;  // [n_layers][num_blocks][block_size][kv_dim]
	// Step scratch, sized for max_batch_tokens rows.
	float *x = nullptr, *xn = nullptr, *q = nullptr, *k = nullptr, *v = nullptr, *att = nullptr;
	float *h1 = nullptr, *h2 = nullptr, *lora_t = nullptr, *logits = nullptr, *xg = nullptr;
	int32_t *h_ints = nullptr;  // pinned staging of the step descriptors
	pk::SegLora *h_segs = nullptr;
	int max_splits = 0;
	uint16_t *act16 = nullptr;  // bf16 copy of a GEMM's input rows
	float *split_o = nullptr, *split_ml = nullptr;  // split-KV partials
	int32_t *d_ints = nullptr;  // step descriptors on the device
	pk::SegLora *d_segs = nullptr;  // per segment adapter descriptors
	int32_t *d_tokens_out = nullptr;
	pk_sample_params *d_sp = nullptr;
	std::vector<pk::Gemm> gemms;
};

struct pk_adapter {
	pk_ctx *ctx = nullptr;
	const pk_model *model = nullptr;
	int32_t rank = 0;
	float scale = 0;
	// Device table [n_layers][PK_NUM_MODULES][2] of A ([r][in]) and B
	// ([out][r]) pointers, null where the adapter does not target a module.
	std::vector<const float *> host_table;
	const float **table = nullptr;
	std::vector<void *> device_blocks;
	std::vector<void *> staging;  // pinned, freed once the upload event completes
	cudaEvent_t ready = nullptr;
	bool committed = false;
};

namespace pk {

// Kernel launchers (each enqueues on s and returns the launch status).
cudaError_t embed_rows(const void *embed, bool f32, const int32_t *tokens, int rows, int dim, float *x, cudaStream_t s);
cudaError_t rmsnorm(const float *x, const float *delta, const float *w, int rows, int dim, float eps, float *x_out,
                    float *normed, cudaStream_t s);
cudaError_t rope(float *x, const int32_t *positions, const float *inv_freq, int rows, int heads, int head_dim,
                 bool interleaved, cudaStream_t s);
cudaError_t swiglu(float *gate, const float *up, int n, cudaStream_t s);
cudaError_t gather_rows(const float *x, const int32_t *rows, int n, int dim, float *out, cudaStream_t s);
cudaError_t add_bias(float *y, const float *bias, int rows, int n, cudaStream_t s);
cudaError_t to_bf16(const float *x, int n, uint16_t *out, cudaStream_t s);
cudaError_t write_kv(const float *k, const float *v, const int32_t *positions, const int32_t *row_seq,
                     const int32_t *block_tables, int max_blocks, int rows, int block_size, int kv_dim,
                     float *k_cache, float *v_cache, cudaStream_t s);
cudaError_t paged_attention_decode(const float *q, const float *k_cache, const float *v_cache, const int32_t *positions,
                                   const int32_t *row_seq, const int32_t *block_tables, int max_blocks, int rows,
                                   int n_heads, int n_kv_heads, int head_dim, int block_size, int window, int split,
                                   int max_splits, float *split_o, float *split_ml, float *out, cudaStream_t s);
// flash_prefill_shmem is the dynamic shared memory flash_prefill needs
// (head_dim <= 128 stays under the default 48 KiB).
size_t flash_prefill_shmem(int head_dim);
cudaError_t flash_prefill(const float *q, const float *k_cache, const float *v_cache, const int32_t *tiles, int n_tiles,
                          const int32_t *positions, const int32_t *row_seq, const int32_t *block_tables,
                          int max_blocks, int n_heads, int n_kv_heads, int head_dim, int block_size, int window,
                          float *out, cudaStream_t s);
// lora_shrink: t[row][0:rank] = A · x[row] for rows with an adapter
// targeting (layer, module). sgmv=true launches one block per (segment, rank
// index) walking the segment's rows (prefill); false launches one block per
// row (BGMV, decode). Both compute every element with the same warp dot, so
// the choice never changes a bit.
cudaError_t lora_shrink(const float *x, int in, const int32_t *row_seg, const int32_t *seg_start, int n_segments,
                        const SegLora *segs, int layer, int module, int max_rank, float *t, bool sgmv, int rows,
                        cudaStream_t s);
// lora_expand: y[row][o] += scale · Σ_j B[o][j] t[row][j], j ascending.
cudaError_t lora_expand(const float *t, const int32_t *row_seg, int rows, const SegLora *segs, int layer,
                        int module, int max_rank, int out, float *y, cudaStream_t s);
cudaError_t sample_rows(const float *logits, int n, int vocab, const pk_sample_params *sp, int32_t *tokens,
                        cudaStream_t s);

}  // namespace pk

namespace pk {
// GEMMs (gemm.cu): y[m][n] = x[m][k] · W^T with W row-major [n][k].
pk_status gemm(pk_ctx *ctx, pk_model *m, const void *W, const float *x, int rows, int n, int k, float *y,
               cudaStream_t s);
void gemm_free(pk_model *m);
// fail records msg as the context's (or init's) last error and returns st.
pk_status fail(const pk_ctx *ctx, pk_status st, const std::string &msg);
}  // namespace pk

// PK_CUDA returns from a pk_status function with the CUDA error named.
#define PK_CUDA(ctx, call)                                                                          \
	do {                                                                                            \
		cudaError_t e_ = (call);                                                                    \
		if (e_ != cudaSuccess) {                                                                    \
			return ::pk::fail(ctx, e_ == cudaErrorMemoryAllocation ? PK_ERR_OOM : PK_ERR_CUDA,      \
			                  std::string(#call) + ": " + cudaGetErrorString(e_));                  \
		}                                                                                           \
	} while (0)

// PK_TRY propagates a failed pk_status.
#define PK_TRY(call)                  \
	do {                              \
		pk_status st_ = (call);       \
		if (st_ != PK_OK) return st_; \
	} while (0)

#endif  // PK_INTERNAL_CUH
