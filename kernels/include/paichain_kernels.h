/*
 * paichain_kernels.h: the C ABI of paichain's CUDA inference kernels.
 *
 * A narrow, coarse interface over opaque handles: one call per model tensor
 * upload, per adapter module upload, per engine step. The library never keeps
 * a pointer to caller memory past the call that received it (host data is
 * copied into pinned staging or device memory before the call returns), so
 * Go callers may pass Go slices under the cgo pointer rules. Every call
 * returns a pk_status; pk_last_error gives the message of the last failure on
 * the calling context (or of pk_init when ctx is NULL).
 *
 * Layouts mirror the Go CPU engine (inference/engine, inference/kvcache):
 * weights row-major [out][in]; the KV cache per layer is
 * [num_blocks][block_size][kv_dim]; position p of a sequence lives at block
 * block_table[p / block_size], slot p % block_size (pk_index.h).
 */
#ifndef PAICHAIN_KERNELS_H
#define PAICHAIN_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PK_ABI_VERSION 1

typedef enum {
	PK_OK = 0,
	PK_ERR_INVALID = 1,     /* bad argument; nothing changed */
	PK_ERR_NO_DEVICE = 2,   /* no CUDA device, or the driver is missing */
	PK_ERR_CUDA = 3,        /* a CUDA runtime call failed */
	PK_ERR_CUBLAS = 4,      /* a cuBLASLt call failed or found no algorithm */
	PK_ERR_OOM = 5,         /* device or pinned memory exhausted */
	PK_ERR_UNSUPPORTED = 6  /* shape/dtype/arch this build does not handle */
} pk_status;

typedef struct pk_ctx pk_ctx;         /* one device, its streams, workspaces, KV cache */
typedef struct pk_model pk_model;     /* base weights on the device */
typedef struct pk_adapter pk_adapter; /* one LoRA adapter's factors on the device */

/* Weight storage of the base GEMMs. Norms, biases, embeddings and LoRA
 * factors stay bf16/fp32 whatever this says. */
typedef enum {
	PK_WEIGHTS_BF16 = 0,     /* bf16 weights, bf16 activations into fp32-accumulating GEMMs */
	PK_WEIGHTS_FP8_E4M3 = 1, /* reserved: per-tensor scales, sm_89+; PK_ERR_UNSUPPORTED in ABI 1 */
	PK_WEIGHTS_INT8 = 2,     /* reserved: weight-only, per-channel scales; PK_ERR_UNSUPPORTED in ABI 1 */
	PK_WEIGHTS_F32 = 3       /* fp32, pedantic fp32 GEMMs (no TF32): the CPU-parity mode */
} pk_weight_dtype;

typedef struct {
	int32_t device;             /* CUDA device ordinal */
	int32_t deterministic;      /* 1: batch-invariant (fixed split-KV, pinned GEMM algos, no split-K) */
	int32_t kv_block_size;      /* positions per KV block (engine BlockSize) */
	int32_t kv_num_blocks;      /* KV blocks per layer (engine KVBlocks) */
	int32_t max_batch_tokens;   /* rows per step */
	int32_t max_seqs;           /* sequences per step */
	int32_t max_blocks_per_seq; /* block-table width */
	int32_t split_kv;           /* positions per split-KV partition; 0 = 256 */
	int32_t use_graphs;         /* reserved: CUDA graphs per decode bucket; PK_ERR_UNSUPPORTED in ABI 1 */
	int32_t adapter_slots;      /* adapters resident at once */
} pk_init_params;

typedef struct {
	int32_t dim, hidden_dim, n_layers, n_heads, n_kv_heads, head_dim;
	int32_t vocab_size, max_seq_len;
	float rms_eps;
	int32_t rope_interleaved; /* 1: llama2.c pairs (2i, 2i+1); 0: HF rotate_half (i, i+d/2) */
	int32_t attention_bias;   /* q/k/v biases present */
	int32_t sliding_window;   /* 0 = off */
	int32_t tied_embeddings;
	pk_weight_dtype weight_dtype;
} pk_model_config;

/* Tensor ids for pk_model_upload. Per-layer tensors take a layer index;
 * global ones take layer -1. */
typedef enum {
	PK_T_EMBED = 0, PK_T_NORM = 1, PK_T_LM_HEAD = 2, PK_T_INV_FREQ = 3,
	PK_T_ATTN_NORM = 10, PK_T_FFN_NORM = 11,
	PK_T_WQ = 12, PK_T_WK = 13, PK_T_WV = 14, PK_T_WO = 15,
	PK_T_BQ = 16, PK_T_BK = 17, PK_T_BV = 18,
	PK_T_W_GATE = 19, PK_T_W_UP = 20, PK_T_W_DOWN = 21
} pk_tensor;

/* LoRA module ids, in lora.Modules order. */
typedef enum {
	PK_M_Q = 0, PK_M_K = 1, PK_M_V = 2, PK_M_O = 3,
	PK_M_GATE = 4, PK_M_UP = 5, PK_M_DOWN = 6, PK_NUM_MODULES = 7
} pk_module;

/* One engine step. Arrays are read during the call only. */
typedef struct {
	int32_t n_rows;              /* tokens this step (decode rows + prefill chunk rows) */
	const int32_t *tokens;       /* [n_rows] */
	const int32_t *positions;    /* [n_rows] position of each token in its sequence */
	const int32_t *row_seq;      /* [n_rows] index into the step's sequences */
	int32_t n_seqs;
	const int32_t *block_tables; /* [n_seqs][max_blocks_per_seq] physical KV blocks */
	int32_t n_segments;          /* rows grouped by adapter: SGMV segments */
	const int32_t *seg_start;    /* [n_segments + 1] row boundaries, ascending */
	pk_adapter *const *seg_adapter; /* [n_segments]; NULL = base model only */
	int32_t n_logits;            /* rows whose logits are wanted */
	const int32_t *logit_rows;   /* [n_logits] ascending row indices */
} pk_batch;

/* Per logit row sampling parameters. key = SplitMix64(seed + γ) ^
 * FNV-1a-64(request id), computed on the host (pk_index.h: pk_request_key). */
typedef struct {
	float temperature; /* 0 = greedy */
	int32_t top_k;     /* 0 = off */
	float top_p;       /* 0 or 1 = off */
	int32_t position;  /* index of the token being sampled */
	uint64_t key;
} pk_sample_params;

/* pk_device_count reports usable CUDA devices (0 when the driver is absent). */
int32_t pk_device_count(void);
int32_t pk_abi_version(void);

pk_status pk_init(const pk_init_params *params, pk_ctx **out);
pk_status pk_model_create(pk_ctx *ctx, const pk_model_config *cfg, pk_model **out);
/* pk_model_upload copies one float32 tensor (n elements) to the device,
 * converting to the model's weight dtype. Every tensor must be uploaded
 * before the first pk_step. */
pk_status pk_model_upload(pk_model *m, int32_t layer, pk_tensor t, const float *data, size_t n);

/* Adapters: create, upload each targeted (layer, module) pair, then commit.
 * Uploads go through pinned staging on the context's copy stream, so they
 * overlap running steps; pk_adapter_commit records the event a step using
 * the adapter waits on. */
pk_status pk_adapter_create(pk_ctx *ctx, const pk_model *m, int32_t rank, float scale, pk_adapter **out);
pk_status pk_adapter_upload(pk_adapter *a, int32_t layer, pk_module mod,
                            const float *A, const float *B, int32_t r, int32_t in, int32_t out);
pk_status pk_adapter_commit(pk_adapter *a);

/* pk_step runs one forward step: writes K/V of every row, attends, and
 * produces logits for b->logit_rows. If logits is non-NULL the n_logits x
 * vocab float32 logits are copied there; if sp and tokens are non-NULL each
 * logit row is sampled on the device (greedy or temperature/top-k/top-p,
 * the CPU sampler's order and PRNG) into tokens[n_logits]; a row the
 * device does not sample (top_k 0 or > 1024) gets -1 and must be sampled on
 * the host from its logits, as must rows with a repetition penalty. */
pk_status pk_step(pk_ctx *ctx, const pk_model *m, const pk_batch *b,
                  float *logits, const pk_sample_params *sp, int32_t *tokens);

void pk_adapter_free(pk_adapter *a);
void pk_model_free(pk_model *m);
void pk_free(pk_ctx *ctx);

/* pk_last_error returns the last failure's message on ctx (NULL ctx: the
 * last pk_init failure on this thread). Valid until the next call on ctx. */
const char *pk_last_error(const pk_ctx *ctx);
const char *pk_status_string(pk_status s);

/* Single-kernel entry points for the parity tests (host buffers in and out;
 * slow, synchronous). They run the same kernels pk_step does. */
pk_status pk_test_rmsnorm(pk_ctx *ctx, const float *x, const float *residual, const float *w,
                          int32_t rows, int32_t dim, float eps, float *out, float *resid_out);
pk_status pk_test_rope(pk_ctx *ctx, float *x, const int32_t *positions, const float *inv_freq,
                       int32_t rows, int32_t n_heads, int32_t head_dim, int32_t interleaved);
pk_status pk_test_swiglu(pk_ctx *ctx, const float *gate, const float *up, int32_t n, float *out);
pk_status pk_test_sgmv(pk_ctx *ctx, const float *x, const float *A, const float *B, const int32_t *seg_start,
                       int32_t n_segments, int32_t rank, int32_t in, int32_t out, float scale, float *y);
pk_status pk_test_paged_attention(pk_ctx *ctx, const float *q, const float *k_cache, const float *v_cache,
                                  const int32_t *block_table, const int32_t *positions, int32_t rows,
                                  int32_t n_heads, int32_t n_kv_heads, int32_t head_dim,
                                  int32_t num_blocks, int32_t sliding_window, float *out);
pk_status pk_test_uniform(pk_ctx *ctx, const uint64_t *keys, const int32_t *positions, int32_t n, double *out);

#ifdef __cplusplus
}
#endif
#endif /* PAICHAIN_KERNELS_H */
