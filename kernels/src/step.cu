// step.cu: pk_step, one engine step layer by layer on the compute stream,
// and the single-kernel entry points of the parity tests.
#include <string.h>

#include "pk_internal.cuh"

#include <algorithm>  // after the CUDA headers: clang wraps it with __host__ __device__

using pk::fail;

namespace {

// validate checks a batch against the context's limits and the model before
// anything is enqueued, so a bad batch changes nothing on the device.
pk_status validate(const pk_ctx *ctx, const pk_model *m, const pk_batch *b) {
	const pk_init_params &p = ctx->p;
	if (b->n_rows < 0 || b->n_rows > p.max_batch_tokens || b->n_seqs < 0 || b->n_seqs > p.max_seqs ||
	    b->n_segments < 0 || b->n_segments > b->n_rows || b->n_logits < 0 || b->n_logits > b->n_rows) {
		return fail(ctx, PK_ERR_INVALID, "pk_step: batch exceeds the context's limits");
	}
	for (size_t s = 0; s < m->uploaded.size(); s++) {
		if (!m->uploaded[s]) {
			return fail(ctx, PK_ERR_INVALID, "pk_step: model tensor slot " + std::to_string(s) + " was never uploaded");
		}
	}
	const int64_t capacity = (int64_t)p.max_blocks_per_seq * p.kv_block_size;
	for (int r = 0; r < b->n_rows; r++) {
		const int sq = b->row_seq[r], pos = b->positions[r];
		if (b->tokens[r] < 0 || b->tokens[r] >= m->cfg.vocab_size || sq < 0 || sq >= b->n_seqs || pos < 0 ||
		    pos >= m->cfg.max_seq_len || pos >= capacity) {
			return fail(ctx, PK_ERR_INVALID, "pk_step: row " + std::to_string(r) + " has a bad token, sequence or position");
		}
		const int32_t blk = b->block_tables[(int64_t)sq * p.max_blocks_per_seq + pos / p.kv_block_size];
		if (blk < 0 || blk >= p.kv_num_blocks) {
			return fail(ctx, PK_ERR_INVALID, "pk_step: row " + std::to_string(r) + " maps to KV block " + std::to_string(blk));
		}
	}
	if (b->n_rows > 0 && (b->n_segments == 0 || b->seg_start[0] != 0 || b->seg_start[b->n_segments] != b->n_rows)) {
		return fail(ctx, PK_ERR_INVALID, "pk_step: segments must cover the rows");
	}
	for (int s = 0; s < b->n_segments; s++) {
		if (b->seg_start[s] >= b->seg_start[s + 1]) {
			return fail(ctx, PK_ERR_INVALID, "pk_step: empty or unordered segment");
		}
		const pk_adapter *a = b->seg_adapter[s];
		if (a != nullptr && (!a->committed || a->model != m)) {
			return fail(ctx, PK_ERR_INVALID, "pk_step: adapter not committed or for another model");
		}
	}
	for (int i = 0; i < b->n_logits; i++) {
		if (b->logit_rows[i] < 0 || b->logit_rows[i] >= b->n_rows || (i > 0 && b->logit_rows[i] <= b->logit_rows[i - 1])) {
			return fail(ctx, PK_ERR_INVALID, "pk_step: logit rows must be ascending row indices");
		}
	}
	return PK_OK;
}

// One LoRA module: shrink then expand onto y, if any segment has an adapter.
pk_status lora(pk_ctx *ctx, pk_model *m, const int32_t *d_row_seg, const int32_t *d_seg_start, int n_seg, int rows,
               int max_rank, bool sgmv, int layer, int mod, const float *x, int in, float *y, int out) {
	if (max_rank == 0) {
		return PK_OK;
	}
	PK_CUDA(ctx, pk::lora_shrink(x, in, d_row_seg, d_seg_start, n_seg, m->d_segs, layer, mod, max_rank, m->lora_t, sgmv,
	                             rows, ctx->stream));
	PK_CUDA(ctx, pk::lora_expand(m->lora_t, d_row_seg, rows, m->d_segs, layer, mod, max_rank, out, y, ctx->stream));
	return PK_OK;
}

pk_status linear(pk_ctx *ctx, pk_model *m, const pk::Weight &w, const float *x, int rows, float *y) {
	PK_TRY(pk::gemm(ctx, m, w.w, x, rows, w.out, w.in, y, ctx->stream));
	if (w.bias != nullptr) {
		PK_CUDA(ctx, pk::add_bias(y, w.bias, rows, w.out, ctx->stream));
	}
	return PK_OK;
}

}  // namespace

extern "C" pk_status pk_step(pk_ctx *ctx, const pk_model *cm, const pk_batch *b, float *logits,
                             const pk_sample_params *sp, int32_t *tokens) {
	if (ctx == nullptr || cm == nullptr || b == nullptr || cm->ctx != ctx) {
		return fail(ctx, PK_ERR_INVALID, "pk_step: null argument or model of another context");
	}
	pk_model *m = const_cast<pk_model *>(cm);  // scratch and plan caches only
	PK_TRY(validate(ctx, m, b));
	const pk_init_params &p = ctx->p;
	const pk_model_config &c = m->cfg;
	const int rows = b->n_rows, R = p.max_batch_tokens, W = p.max_blocks_per_seq;
	if (rows == 0) {
		return PK_OK;
	}
	const int qdim = c.n_heads * c.head_dim, kvdim = c.n_kv_heads * c.head_dim;
	// Stage the descriptors: fixed offsets in one pinned buffer, one copy.
	int32_t *h = m->h_ints;
	int32_t *h_tokens = h, *h_pos = h + R, *h_row_seq = h + 2 * R, *h_row_seg = h + 3 * R, *h_logit = h + 4 * R;
	int32_t *h_seg = h + 5 * R, *h_tiles = h + 6 * R + 1, *h_bt = h + 8 * R + 1;
	memcpy(h_tokens, b->tokens, rows * sizeof(int32_t));
	memcpy(h_pos, b->positions, rows * sizeof(int32_t));
	memcpy(h_row_seq, b->row_seq, rows * sizeof(int32_t));
	memcpy(h_logit, b->logit_rows, b->n_logits * sizeof(int32_t));
	memcpy(h_seg, b->seg_start, (b->n_segments + 1) * sizeof(int32_t));
	memcpy(h_bt, b->block_tables, (size_t)b->n_seqs * W * sizeof(int32_t));
	int max_rank = 0;
	for (int s = 0; s < b->n_segments; s++) {
		const pk_adapter *a = b->seg_adapter[s];
		m->h_segs[s] = pk::SegLora{a != nullptr ? a->table : nullptr, a != nullptr ? a->rank : 0, a != nullptr ? a->scale : 0.f};
		if (a != nullptr) {
			max_rank = std::max(max_rank, (int)a->rank);
			PK_CUDA(ctx, cudaStreamWaitEvent(ctx->stream, a->ready, 0));
		}
		for (int r = b->seg_start[s]; r < b->seg_start[s + 1]; r++) {
			h_row_seg[r] = s;
		}
	}
	// Prefill tiles: runs of <= 16 consecutive positions of one sequence.
	int n_tiles = 0;
	for (int r = 0; r < rows;) {
		int n = 1;
		while (r + n < rows && n < 16 && b->row_seq[r + n] == b->row_seq[r] && b->positions[r + n] == b->positions[r] + n) {
			n++;
		}
		h_tiles[2 * n_tiles] = r;
		h_tiles[2 * n_tiles + 1] = n;
		n_tiles++;
		r += n;
	}
	const size_t total = (size_t)8 * R + 1 + (size_t)b->n_seqs * W;
	// On any early return the stream is drained first, so the pinned
	// staging is never rewritten under a pending copy.
	struct Drain {
		cudaStream_t s;
		~Drain() { cudaStreamSynchronize(s); }
	} drain{ctx->stream};
	PK_CUDA(ctx, cudaMemcpyAsync(m->d_ints, h, total * sizeof(int32_t), cudaMemcpyHostToDevice, ctx->stream));
	PK_CUDA(ctx, cudaMemcpyAsync(m->d_segs, m->h_segs, b->n_segments * sizeof(pk::SegLora), cudaMemcpyHostToDevice, ctx->stream));
	int32_t *d = m->d_ints;
	const int32_t *d_tokens = d, *d_pos = d + R, *d_row_seq = d + 2 * R, *d_row_seg = d + 3 * R, *d_logit = d + 4 * R;
	const int32_t *d_seg = d + 5 * R, *d_tiles = d + 6 * R + 1, *d_bt = d + 8 * R + 1;
	const bool sgmv = rows > b->n_segments;  // some segment has several rows
	const bool flash = !p.deterministic && c.head_dim <= 128;
	const size_t layer_kv = (size_t)p.kv_num_blocks * p.kv_block_size * kvdim;
	cudaStream_t s = ctx->stream;

	PK_CUDA(ctx, pk::embed_rows(m->embed, m->f32, d_tokens, rows, c.dim, m->x, s));
	const float *delta = nullptr;  // residual branch output not yet added to x
	for (int l = 0; l < c.n_layers; l++) {
		const pk::Layer &L = m->layers[l];
		float *kc = m->k_cache + l * layer_kv, *vc = m->v_cache + l * layer_kv;
		PK_CUDA(ctx, pk::rmsnorm(m->x, delta, L.attn_norm, rows, c.dim, c.rms_eps, m->x, m->xn, s));
		PK_TRY(linear(ctx, m, L.q, m->xn, rows, m->q));
		PK_TRY(linear(ctx, m, L.k, m->xn, rows, m->k));
		PK_TRY(linear(ctx, m, L.v, m->xn, rows, m->v));
		PK_TRY(lora(ctx, m, d_row_seg, d_seg, b->n_segments, rows, max_rank, sgmv, l, PK_M_Q, m->xn, c.dim, m->q, qdim));
		PK_TRY(lora(ctx, m, d_row_seg, d_seg, b->n_segments, rows, max_rank, sgmv, l, PK_M_K, m->xn, c.dim, m->k, kvdim));
		PK_TRY(lora(ctx, m, d_row_seg, d_seg, b->n_segments, rows, max_rank, sgmv, l, PK_M_V, m->xn, c.dim, m->v, kvdim));
		PK_CUDA(ctx, pk::rope(m->q, d_pos, m->inv_freq, rows, c.n_heads, c.head_dim, c.rope_interleaved, s));
		PK_CUDA(ctx, pk::rope(m->k, d_pos, m->inv_freq, rows, c.n_kv_heads, c.head_dim, c.rope_interleaved, s));
		PK_CUDA(ctx, pk::write_kv(m->k, m->v, d_pos, d_row_seq, d_bt, W, rows, p.kv_block_size, kvdim, kc, vc, s));
		if (flash) {
			PK_CUDA(ctx, pk::flash_prefill(m->q, kc, vc, d_tiles, n_tiles, d_pos, d_row_seq, d_bt, W, c.n_heads,
			                               c.n_kv_heads, c.head_dim, p.kv_block_size, c.sliding_window, m->att, s));
		} else {
			PK_CUDA(ctx, pk::paged_attention_decode(m->q, kc, vc, d_pos, d_row_seq, d_bt, W, rows, c.n_heads, c.n_kv_heads,
			                                        c.head_dim, p.kv_block_size, c.sliding_window, p.split_kv,
			                                        m->max_splits, m->split_o, m->split_ml, m->att, s));
		}
		PK_TRY(linear(ctx, m, L.o, m->att, rows, m->h1));
		PK_TRY(lora(ctx, m, d_row_seg, d_seg, b->n_segments, rows, max_rank, sgmv, l, PK_M_O, m->att, qdim, m->h1, c.dim));
		PK_CUDA(ctx, pk::rmsnorm(m->x, m->h1, L.ffn_norm, rows, c.dim, c.rms_eps, m->x, m->xn, s));
		PK_TRY(linear(ctx, m, L.gate, m->xn, rows, m->h1));
		PK_TRY(linear(ctx, m, L.up, m->xn, rows, m->h2));
		PK_TRY(lora(ctx, m, d_row_seg, d_seg, b->n_segments, rows, max_rank, sgmv, l, PK_M_GATE, m->xn, c.dim, m->h1, c.hidden_dim));
		PK_TRY(lora(ctx, m, d_row_seg, d_seg, b->n_segments, rows, max_rank, sgmv, l, PK_M_UP, m->xn, c.dim, m->h2, c.hidden_dim));
		PK_CUDA(ctx, pk::swiglu(m->h1, m->h2, rows * c.hidden_dim, s));
		PK_TRY(linear(ctx, m, L.down, m->h1, rows, m->h2));
		PK_TRY(lora(ctx, m, d_row_seg, d_seg, b->n_segments, rows, max_rank, sgmv, l, PK_M_DOWN, m->h1, c.hidden_dim, m->h2, c.dim));
		delta = m->h2;
	}
	const int nl = b->n_logits;
	if (nl > 0) {
		PK_CUDA(ctx, pk::rmsnorm(m->x, delta, m->norm, rows, c.dim, c.rms_eps, m->x, m->xn, s));
		PK_CUDA(ctx, pk::gather_rows(m->xn, d_logit, nl, c.dim, m->xg, s));
		const void *head = c.tied_embeddings ? m->embed : m->lm_head;
		PK_TRY(pk::gemm(ctx, m, head, m->xg, nl, c.vocab_size, c.dim, m->logits, s));
		if (sp != nullptr && tokens != nullptr) {
			PK_CUDA(ctx, cudaMemcpyAsync(m->d_sp, sp, nl * sizeof(pk_sample_params), cudaMemcpyHostToDevice, s));
			PK_CUDA(ctx, pk::sample_rows(m->logits, nl, c.vocab_size, m->d_sp, m->d_tokens_out, s));
			PK_CUDA(ctx, cudaMemcpyAsync(tokens, m->d_tokens_out, nl * sizeof(int32_t), cudaMemcpyDeviceToHost, s));
		}
		if (logits != nullptr) {
			PK_CUDA(ctx, cudaMemcpyAsync(logits, m->logits, (size_t)nl * c.vocab_size * sizeof(float), cudaMemcpyDeviceToHost, s));
		}
	}
	PK_CUDA(ctx, cudaStreamSynchronize(s));
	return PK_OK;
}
