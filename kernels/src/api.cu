// api.cu: the C ABI (paichain_kernels.h): context, model and adapter
// lifetime, and pk_step, which runs one engine step layer by layer on the
// compute stream. Adapter uploads use a separate copy stream; a step waits
// only on the events of the adapters it uses.
#include <string.h>

#include "pk_internal.cuh"

#include <algorithm>  // after the CUDA headers: clang wraps it with __host__ __device__

namespace pk {

namespace {
thread_local std::string init_err;
}

pk_status fail(const pk_ctx *ctx, pk_status st, const std::string &msg) {
	(ctx != nullptr ? ctx->err : init_err) = msg;
	return st;
}

}  // namespace pk

using pk::fail;

extern "C" {

int32_t pk_abi_version(void) { return PK_ABI_VERSION; }

int32_t pk_device_count(void) {
	int n = 0;
	if (cudaGetDeviceCount(&n) != cudaSuccess) {
		return 0;
	}
	return n;
}

const char *pk_status_string(pk_status s) {
	switch (s) {
	case PK_OK: return "ok";
	case PK_ERR_INVALID: return "invalid argument";
	case PK_ERR_NO_DEVICE: return "no CUDA device";
	case PK_ERR_CUDA: return "CUDA error";
	case PK_ERR_CUBLAS: return "cuBLASLt error";
	case PK_ERR_OOM: return "out of device memory";
	case PK_ERR_UNSUPPORTED: return "unsupported";
	}
	return "unknown status";
}

const char *pk_last_error(const pk_ctx *ctx) { return (ctx != nullptr ? ctx->err : pk::init_err).c_str(); }

pk_status pk_init(const pk_init_params *p, pk_ctx **out) {
	if (p == nullptr || out == nullptr) {
		return fail(nullptr, PK_ERR_INVALID, "pk_init: null argument");
	}
	pk_init_params q = *p;
	if (q.split_kv == 0) {
		q.split_kv = pk::kDefaultSplitKV;
	}
	if (q.kv_block_size <= 0 || q.kv_num_blocks <= 0 || q.max_batch_tokens <= 0 || q.max_seqs <= 0 ||
	    q.max_blocks_per_seq <= 0 || q.split_kv < 1 || q.split_kv > pk::kMaxSplitKV || q.adapter_slots < 0) {
		return fail(nullptr, PK_ERR_INVALID, "pk_init: limits must be positive and split_kv <= 8192");
	}
	if (q.use_graphs) {
		return fail(nullptr, PK_ERR_UNSUPPORTED, "pk_init: CUDA graph capture is not implemented in this build");
	}
	if (pk_device_count() <= q.device || q.device < 0) {
		return fail(nullptr, PK_ERR_NO_DEVICE, "pk_init: no CUDA device " + std::to_string(q.device));
	}
	pk_ctx *c = new pk_ctx();
	c->p = q;
	pk_status st = PK_OK;
	cudaError_t e = cudaSetDevice(q.device);
	if (e == cudaSuccess) e = cudaStreamCreateWithFlags(&c->stream, cudaStreamNonBlocking);
	if (e == cudaSuccess) e = cudaStreamCreateWithFlags(&c->copy_stream, cudaStreamNonBlocking);
	c->lt_ws_size = 32u << 20;
	if (e == cudaSuccess) e = cudaMalloc(&c->lt_ws, c->lt_ws_size);
	if (e != cudaSuccess) {
		st = fail(nullptr, PK_ERR_CUDA, std::string("pk_init: ") + cudaGetErrorString(e));
	} else if (cublasLtCreate(&c->lt) != CUBLAS_STATUS_SUCCESS) {
		st = fail(nullptr, PK_ERR_CUBLAS, "pk_init: cublasLtCreate failed");
	}
	if (st != PK_OK) {
		pk_free(c);
		return st;
	}
	*out = c;
	return PK_OK;
}

void pk_free(pk_ctx *c) {
	if (c == nullptr) {
		return;
	}
	if (c->lt != nullptr) cublasLtDestroy(c->lt);
	if (c->lt_ws != nullptr) cudaFree(c->lt_ws);
	if (c->stream != nullptr) cudaStreamDestroy(c->stream);
	if (c->copy_stream != nullptr) cudaStreamDestroy(c->copy_stream);
	delete c;
}

}  // extern "C"

namespace {

// Tensor slots for the "every tensor uploaded" check.
constexpr int kGlobalSlots = 4, kLayerSlots = 12;

int slot_of(const pk_model *m, int layer, pk_tensor t) {
	if (layer < 0) {
		return (t >= PK_T_EMBED && t <= PK_T_INV_FREQ) ? (int)t : -1;
	}
	if (layer >= m->cfg.n_layers || t < PK_T_ATTN_NORM || t > PK_T_W_DOWN) {
		return -1;
	}
	return kGlobalSlots + layer * kLayerSlots + (t - PK_T_ATTN_NORM);
}

template <class T>
cudaError_t dalloc(T **p, size_t n) {
	return cudaMalloc((void **)p, n * sizeof(T));
}

// Step descriptor layout inside d_ints / h_ints (R = max_batch_tokens).
struct Offsets {
	size_t tokens, positions, row_seq, row_seg, logit_rows, seg_start, tiles, block_tables, total;
	explicit Offsets(const pk_init_params &p) {
		const size_t R = (size_t)p.max_batch_tokens;
		tokens = 0;
		positions = R;
		row_seq = 2 * R;
		row_seg = 3 * R;
		logit_rows = 4 * R;
		seg_start = 5 * R;
		tiles = 6 * R + 1;
		block_tables = 8 * R + 1;
		total = block_tables + (size_t)p.max_seqs * p.max_blocks_per_seq;
	}
};

}  // namespace

extern "C" {

pk_status pk_model_create(pk_ctx *ctx, const pk_model_config *cfg, pk_model **out) {
	if (ctx == nullptr || cfg == nullptr || out == nullptr) {
		return fail(ctx, PK_ERR_INVALID, "pk_model_create: null argument");
	}
	const pk_model_config &c = *cfg;
	if (c.dim <= 0 || c.hidden_dim <= 0 || c.n_layers <= 0 || c.n_heads <= 0 || c.n_kv_heads <= 0 ||
	    c.n_heads % c.n_kv_heads != 0 || c.head_dim <= 0 || c.head_dim % 2 != 0 || c.head_dim > pk::kMaxHeadDim ||
	    c.vocab_size <= 0 || c.max_seq_len <= 0) {
		return fail(ctx, PK_ERR_INVALID, "pk_model_create: bad shape (head_dim must be even and <= 256)");
	}
	if (c.weight_dtype != PK_WEIGHTS_BF16 && c.weight_dtype != PK_WEIGHTS_F32) {
		return fail(ctx, PK_ERR_UNSUPPORTED, "pk_model_create: FP8 and INT8 weights are not implemented in this build");
	}
	pk_model *m = new pk_model();
	m->ctx = ctx;
	m->cfg = c;
	m->f32 = c.weight_dtype == PK_WEIGHTS_F32;
	m->layers.resize(c.n_layers);
	m->uploaded.assign(kGlobalSlots + (size_t)c.n_layers * kLayerSlots, 0);
	if (c.tied_embeddings) {
		m->uploaded[PK_T_LM_HEAD] = 1;
	}
	if (!c.attention_bias) {
		for (int l = 0; l < c.n_layers; l++) {
			for (pk_tensor t : {PK_T_BQ, PK_T_BK, PK_T_BV}) {
				m->uploaded[slot_of(m, l, t)] = 1;
			}
		}
	}
	const pk_init_params &p = ctx->p;
	const size_t R = (size_t)p.max_batch_tokens;
	const size_t qdim = (size_t)c.n_heads * c.head_dim, kvdim = (size_t)c.n_kv_heads * c.head_dim;
	const size_t wide = std::max(std::max((size_t)c.hidden_dim, (size_t)c.dim), qdim);
	const size_t kv = (size_t)c.n_layers * p.kv_num_blocks * p.kv_block_size * kvdim;
	m->max_splits = c.max_seq_len / p.split_kv + 2;
	const Offsets off(p);
	cudaError_t e = cudaSuccess;
	auto chk = [&](cudaError_t r) {
		if (e == cudaSuccess) e = r;
	};
	chk(dalloc(&m->k_cache, kv));
	chk(dalloc(&m->v_cache, kv));
	chk(dalloc(&m->x, R * c.dim));
	chk(dalloc(&m->xn, R * c.dim));
	chk(dalloc(&m->xg, R * c.dim));
	chk(dalloc(&m->q, R * qdim));
	chk(dalloc(&m->k, R * kvdim));
	chk(dalloc(&m->v, R * kvdim));
	chk(dalloc(&m->att, R * qdim));
	chk(dalloc(&m->h1, R * wide));
	chk(dalloc(&m->h2, R * wide));
	chk(dalloc(&m->lora_t, R * pk::kMaxRank));
	chk(dalloc(&m->act16, R * wide));
	chk(dalloc(&m->logits, R * c.vocab_size));
	chk(dalloc(&m->split_o, R * c.n_heads * m->max_splits * c.head_dim));
	chk(dalloc(&m->split_ml, R * c.n_heads * m->max_splits * 2));
	chk(dalloc(&m->d_ints, off.total));
	chk(dalloc(&m->d_segs, R));
	chk(dalloc(&m->d_tokens_out, R));
	chk(dalloc(&m->d_sp, R));
	chk(cudaHostAlloc((void **)&m->h_ints, off.total * sizeof(int32_t), cudaHostAllocDefault));
	chk(cudaHostAlloc((void **)&m->h_segs, R * sizeof(pk::SegLora), cudaHostAllocDefault));
	if (e != cudaSuccess) {
		pk_model_free(m);
		return fail(ctx, e == cudaErrorMemoryAllocation ? PK_ERR_OOM : PK_ERR_CUDA,
		            std::string("pk_model_create: ") + cudaGetErrorString(e));
	}
	*out = m;
	return PK_OK;
}

pk_status pk_model_upload(pk_model *m, int32_t layer, pk_tensor t, const float *data, size_t n) {
	if (m == nullptr || data == nullptr) {
		return fail(m != nullptr ? m->ctx : nullptr, PK_ERR_INVALID, "pk_model_upload: null argument");
	}
	pk_ctx *ctx = m->ctx;
	const pk_model_config &c = m->cfg;
	const int slot = slot_of(m, layer, t);
	if (slot < 0) {
		return fail(ctx, PK_ERR_INVALID, "pk_model_upload: tensor " + std::to_string((int)t) + " at layer " + std::to_string(layer));
	}
	const size_t qdim = (size_t)c.n_heads * c.head_dim, kvdim = (size_t)c.n_kv_heads * c.head_dim;
	size_t want = 0, in = 0;
	bool weight = false;
	switch (t) {
	case PK_T_EMBED: want = (size_t)c.vocab_size * c.dim; weight = true; break;
	case PK_T_LM_HEAD: want = (size_t)c.vocab_size * c.dim; in = c.dim; weight = true; break;
	case PK_T_NORM: case PK_T_ATTN_NORM: case PK_T_FFN_NORM: want = c.dim; break;
	case PK_T_INV_FREQ: want = c.head_dim / 2; break;
	case PK_T_WQ: want = qdim * c.dim; in = c.dim; weight = true; break;
	case PK_T_WK: case PK_T_WV: want = kvdim * c.dim; in = c.dim; weight = true; break;
	case PK_T_WO: want = (size_t)c.dim * qdim; in = qdim; weight = true; break;
	case PK_T_BQ: want = qdim; break;
	case PK_T_BK: case PK_T_BV: want = kvdim; break;
	case PK_T_W_GATE: case PK_T_W_UP: want = (size_t)c.hidden_dim * c.dim; in = c.dim; weight = true; break;
	case PK_T_W_DOWN: want = (size_t)c.dim * c.hidden_dim; in = c.hidden_dim; weight = true; break;
	}
	if (n != want) {
		return fail(ctx, PK_ERR_INVALID, "pk_model_upload: tensor " + std::to_string((int)t) + " has " + std::to_string(n) +
		                                     " elements, want " + std::to_string(want));
	}
	if ((t == PK_T_BQ || t == PK_T_BK || t == PK_T_BV) && !c.attention_bias) {
		return fail(ctx, PK_ERR_INVALID, "pk_model_upload: bias given for a model without attention bias");
	}
	void *dst = nullptr;
	if (weight && !m->f32) {
		// Round to bf16 on the host (RNE), then copy.
		std::vector<uint16_t> h(n);
		for (size_t i = 0; i < n; i++) {
			uint32_t u;
			memcpy(&u, &data[i], sizeof u);
			h[i] = pk::f32_to_bf16(u);
		}
		PK_CUDA(ctx, cudaMalloc(&dst, n * sizeof(uint16_t)));
		PK_CUDA(ctx, cudaMemcpy(dst, h.data(), n * sizeof(uint16_t), cudaMemcpyHostToDevice));
	} else {
		PK_CUDA(ctx, cudaMalloc(&dst, n * sizeof(float)));
		PK_CUDA(ctx, cudaMemcpy(dst, data, n * sizeof(float), cudaMemcpyHostToDevice));
	}
	float *f = (float *)dst;
	if (layer < 0) {
		switch (t) {
		case PK_T_EMBED: m->embed = dst; break;
		case PK_T_LM_HEAD: m->lm_head = dst; break;
		case PK_T_NORM: m->norm = f; break;
		default: m->inv_freq = f; break;
		}
	} else {
		pk::Layer &L = m->layers[layer];
		auto set = [&](pk::Weight &w, int out) {
			w.w = dst;
			w.in = (int)in;
			w.out = out;
		};
		switch (t) {
		case PK_T_ATTN_NORM: L.attn_norm = f; break;
		case PK_T_FFN_NORM: L.ffn_norm = f; break;
		case PK_T_WQ: set(L.q, (int)qdim); break;
		case PK_T_WK: set(L.k, (int)kvdim); break;
		case PK_T_WV: set(L.v, (int)kvdim); break;
		case PK_T_WO: set(L.o, c.dim); break;
		case PK_T_BQ: L.q.bias = f; break;
		case PK_T_BK: L.k.bias = f; break;
		case PK_T_BV: L.v.bias = f; break;
		case PK_T_W_GATE: set(L.gate, c.hidden_dim); break;
		case PK_T_W_UP: set(L.up, c.hidden_dim); break;
		default: set(L.down, c.dim); break;
		}
	}
	m->uploaded[slot] = 1;
	return PK_OK;
}

void pk_model_free(pk_model *m) {
	if (m == nullptr) {
		return;
	}
	pk::gemm_free(m);
	for (void *p : {(void *)m->embed, (void *)m->norm, (void *)m->inv_freq, (void *)m->k_cache, (void *)m->v_cache,
	                (void *)m->x, (void *)m->xn, (void *)m->xg, (void *)m->q, (void *)m->k, (void *)m->v,
	                (void *)m->att, (void *)m->h1, (void *)m->h2, (void *)m->lora_t, (void *)m->act16,
	                (void *)m->logits, (void *)m->split_o, (void *)m->split_ml, (void *)m->d_ints,
	                (void *)m->d_segs, (void *)m->d_tokens_out, (void *)m->d_sp}) {
		cudaFree(p);
	}
	if (!m->cfg.tied_embeddings) {
		cudaFree(m->lm_head);
	}
	for (pk::Layer &L : m->layers) {
		for (void *p : {(void *)L.attn_norm, (void *)L.ffn_norm, L.q.w, L.k.w, L.v.w, L.o.w, L.gate.w, L.up.w, L.down.w,
		                (void *)L.q.bias, (void *)L.k.bias, (void *)L.v.bias}) {
			cudaFree(p);
		}
	}
	cudaFreeHost(m->h_ints);
	cudaFreeHost(m->h_segs);
	delete m;
}

pk_status pk_adapter_create(pk_ctx *ctx, const pk_model *m, int32_t rank, float scale, pk_adapter **out) {
	if (ctx == nullptr || m == nullptr || out == nullptr || rank <= 0 || rank > pk::kMaxRank) {
		return fail(ctx, PK_ERR_INVALID, "pk_adapter_create: null argument or rank outside [1, 256]");
	}
	pk_adapter *a = new pk_adapter();
	a->ctx = ctx;
	a->model = m;
	a->rank = rank;
	a->scale = scale;
	a->host_table.assign((size_t)m->cfg.n_layers * PK_NUM_MODULES * 2, nullptr);
	cudaError_t e = cudaEventCreateWithFlags(&a->ready, cudaEventDisableTiming);
	if (e == cudaSuccess) e = cudaMalloc((void **)&a->table, a->host_table.size() * sizeof(float *));
	if (e != cudaSuccess) {
		pk_adapter_free(a);
		return fail(ctx, PK_ERR_CUDA, std::string("pk_adapter_create: ") + cudaGetErrorString(e));
	}
	*out = a;
	return PK_OK;
}

pk_status pk_adapter_upload(pk_adapter *a, int32_t layer, pk_module mod, const float *A, const float *B, int32_t r,
                            int32_t in, int32_t out) {
	if (a == nullptr || A == nullptr || B == nullptr) {
		return fail(a != nullptr ? a->ctx : nullptr, PK_ERR_INVALID, "pk_adapter_upload: null argument");
	}
	pk_ctx *ctx = a->ctx;
	const pk_model_config &c = a->model->cfg;
	const int qdim = c.n_heads * c.head_dim, kvdim = c.n_kv_heads * c.head_dim;
	static const int kIn[PK_NUM_MODULES] = {0, 0, 0, 1, 0, 0, 2};   // 0 dim, 1 qdim, 2 hidden
	static const int kOut[PK_NUM_MODULES] = {1, 3, 3, 0, 2, 2, 0};  // 0 dim, 1 qdim, 2 hidden, 3 kvdim
	if (a->committed || layer < 0 || layer >= c.n_layers || mod < 0 || mod >= PK_NUM_MODULES || r != a->rank) {
		return fail(ctx, PK_ERR_INVALID, "pk_adapter_upload: committed adapter, bad layer/module, or rank mismatch");
	}
	const int dims[4] = {c.dim, qdim, c.hidden_dim, kvdim};
	if (in != dims[kIn[mod]] || out != dims[kOut[mod]]) {
		return fail(ctx, PK_ERR_INVALID, "pk_adapter_upload: factor shape does not match the model");
	}
	const size_t na = (size_t)r * in, nb = (size_t)out * r, bytes = (na + nb) * sizeof(float);
	void *stage = nullptr, *dev = nullptr;
	PK_CUDA(ctx, cudaHostAlloc(&stage, bytes, cudaHostAllocDefault));
	a->staging.push_back(stage);
	memcpy(stage, A, na * sizeof(float));
	memcpy((float *)stage + na, B, nb * sizeof(float));
	PK_CUDA(ctx, cudaMalloc(&dev, bytes));
	a->device_blocks.push_back(dev);
	PK_CUDA(ctx, cudaMemcpyAsync(dev, stage, bytes, cudaMemcpyHostToDevice, ctx->copy_stream));
	const size_t at = ((size_t)layer * PK_NUM_MODULES + mod) * 2;
	a->host_table[at] = (const float *)dev;
	a->host_table[at + 1] = (const float *)dev + na;
	return PK_OK;
}

pk_status pk_adapter_commit(pk_adapter *a) {
	if (a == nullptr || a->committed) {
		return fail(a != nullptr ? a->ctx : nullptr, PK_ERR_INVALID, "pk_adapter_commit: null or already committed");
	}
	pk_ctx *ctx = a->ctx;
	// The table copy is synchronous from pageable memory, so host_table may
	// be reused; the factor copies stay queued on the copy stream.
	PK_CUDA(ctx, cudaMemcpyAsync(a->table, a->host_table.data(), a->host_table.size() * sizeof(float *),
	                             cudaMemcpyHostToDevice, ctx->copy_stream));
	PK_CUDA(ctx, cudaEventRecord(a->ready, ctx->copy_stream));
	a->committed = true;
	return PK_OK;
}

void pk_adapter_free(pk_adapter *a) {
	if (a == nullptr) {
		return;
	}
	if (a->ready != nullptr) {
		cudaEventSynchronize(a->ready);  // uploads done before their buffers go
		cudaEventDestroy(a->ready);
	}
	for (void *p : a->staging) cudaFreeHost(p);
	for (void *p : a->device_blocks) cudaFree(p);
	cudaFree(a->table);
	delete a;
}

}  // extern "C"
