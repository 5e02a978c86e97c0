// testing.cu: pk_test_* single-kernel entry points for the parity tests in
// inference/gpu (build tag cuda). Synchronous, host buffers in and out; they
// launch exactly the kernels pk_step launches.
#include <string.h>

#include "pk_internal.cuh"

#include <algorithm>  // after the CUDA headers

using pk::fail;

namespace {

// Buf is a device copy of a host array, freed on scope exit.
template <class T>
struct Buf {
	T *d = nullptr;
	size_t n = 0;
	cudaError_t err = cudaSuccess;
	Buf(const T *h, size_t count) : n(count) {
		err = cudaMalloc((void **)&d, (n > 0 ? n : 1) * sizeof(T));
		if (err == cudaSuccess && h != nullptr && n > 0) {
			err = cudaMemcpy(d, h, n * sizeof(T), cudaMemcpyHostToDevice);
		}
	}
	~Buf() { cudaFree(d); }
	cudaError_t to_host(T *h) const { return cudaMemcpy(h, d, n * sizeof(T), cudaMemcpyDeviceToHost); }
};

pk_status done(pk_ctx *ctx, cudaError_t e, const char *what) {
	if (e == cudaSuccess) {
		e = cudaStreamSynchronize(ctx->stream);
	}
	if (e != cudaSuccess) {
		return fail(ctx, PK_ERR_CUDA, std::string(what) + ": " + cudaGetErrorString(e));
	}
	return PK_OK;
}

template <class... B>
cudaError_t first_err(const B &...bufs) {
	cudaError_t e = cudaSuccess;
	((e = e != cudaSuccess ? e : bufs.err), ...);
	return e;
}

__global__ void uniform_kernel(const uint64_t *keys, const int32_t *positions, int n, double *out) {
	const int i = blockIdx.x * blockDim.x + threadIdx.x;
	if (i < n) {
		out[i] = pk_uniform(keys[i], positions[i]);
	}
}

}  // namespace

extern "C" {

pk_status pk_test_rmsnorm(pk_ctx *ctx, const float *x, const float *residual, const float *w, int32_t rows, int32_t dim,
                          float eps, float *out, float *resid_out) {
	const size_t n = (size_t)rows * dim;
	Buf<float> dx(x, n), dr(residual, residual != nullptr ? n : 0), dw(w, dim), dout(nullptr, n);
	cudaError_t e = first_err(dx, dr, dw, dout);
	if (e == cudaSuccess) e = pk::rmsnorm(dx.d, residual != nullptr ? dr.d : nullptr, dw.d, rows, dim, eps, dx.d, dout.d, ctx->stream);
	if (e == cudaSuccess) e = cudaStreamSynchronize(ctx->stream);
	if (e == cudaSuccess) e = dout.to_host(out);
	if (e == cudaSuccess && resid_out != nullptr) e = dx.to_host(resid_out);
	return done(ctx, e, "pk_test_rmsnorm");
}

pk_status pk_test_rope(pk_ctx *ctx, float *x, const int32_t *positions, const float *inv_freq, int32_t rows,
                       int32_t n_heads, int32_t head_dim, int32_t interleaved) {
	Buf<float> dx(x, (size_t)rows * n_heads * head_dim), df(inv_freq, head_dim / 2);
	Buf<int32_t> dp(positions, rows);
	cudaError_t e = first_err(dx, df, dp);
	if (e == cudaSuccess) e = pk::rope(dx.d, dp.d, df.d, rows, n_heads, head_dim, interleaved != 0, ctx->stream);
	if (e == cudaSuccess) e = cudaStreamSynchronize(ctx->stream);
	if (e == cudaSuccess) e = dx.to_host(x);
	return done(ctx, e, "pk_test_rope");
}

pk_status pk_test_swiglu(pk_ctx *ctx, const float *gate, const float *up, int32_t n, float *out) {
	Buf<float> dg(gate, n), du(up, n);
	cudaError_t e = first_err(dg, du);
	if (e == cudaSuccess) e = pk::swiglu(dg.d, du.d, n, ctx->stream);
	if (e == cudaSuccess) e = cudaStreamSynchronize(ctx->stream);
	if (e == cudaSuccess) e = dg.to_host(out);
	return done(ctx, e, "pk_test_swiglu");
}

// A is [n_segments][rank][in], B [n_segments][out][rank]: segment s uses
// factor pair s, as layer 0 / module q of a one-layer adapter.
pk_status pk_test_sgmv(pk_ctx *ctx, const float *x, const float *A, const float *B, const int32_t *seg_start,
                       int32_t n_segments, int32_t rank, int32_t in, int32_t out, float scale, float *y) {
	if (rank <= 0 || rank > pk::kMaxRank || n_segments <= 0) {
		return fail(ctx, PK_ERR_INVALID, "pk_test_sgmv: rank or segments out of range");
	}
	const int rows = seg_start[n_segments];
	Buf<float> dx(x, (size_t)rows * in), dA(A, (size_t)n_segments * rank * in), dB(B, (size_t)n_segments * out * rank);
	Buf<float> dy(y, (size_t)rows * out), dt(nullptr, (size_t)rows * rank);
	Buf<int32_t> dseg(seg_start, n_segments + 1);
	std::vector<int32_t> row_seg(rows);
	for (int s = 0; s < n_segments; s++) {
		for (int r = seg_start[s]; r < seg_start[s + 1]; r++) row_seg[r] = s;
	}
	Buf<int32_t> drs(row_seg.data(), rows);
	// Per segment a one-layer table {A, B} for module 0.
	std::vector<const float *> tables((size_t)n_segments * PK_NUM_MODULES * 2, nullptr);
	for (int s = 0; s < n_segments; s++) {
		tables[(size_t)s * PK_NUM_MODULES * 2] = dA.d + (size_t)s * rank * in;
		tables[(size_t)s * PK_NUM_MODULES * 2 + 1] = dB.d + (size_t)s * out * rank;
	}
	Buf<const float *> dtab(tables.data(), tables.size());
	std::vector<pk::SegLora> segs(n_segments);
	for (int s = 0; s < n_segments; s++) {
		segs[s] = pk::SegLora{dtab.d + (size_t)s * PK_NUM_MODULES * 2, rank, scale};
	}
	Buf<pk::SegLora> dsegs(segs.data(), segs.size());
	Buf<float> dy2(y, (size_t)rows * out);
	cudaError_t e = first_err(dx, dA, dB, dy, dt, dseg, drs, dtab, dsegs, dy2);
	// SGMV path into dy, BGMV path into dy2: both must give the same bits.
	if (e == cudaSuccess) e = pk::lora_shrink(dx.d, in, drs.d, dseg.d, n_segments, dsegs.d, 0, 0, rank, dt.d, true, rows, ctx->stream);
	if (e == cudaSuccess) e = pk::lora_expand(dt.d, drs.d, rows, dsegs.d, 0, 0, rank, out, dy.d, ctx->stream);
	if (e == cudaSuccess) e = pk::lora_shrink(dx.d, in, drs.d, dseg.d, n_segments, dsegs.d, 0, 0, rank, dt.d, false, rows, ctx->stream);
	if (e == cudaSuccess) e = pk::lora_expand(dt.d, drs.d, rows, dsegs.d, 0, 0, rank, out, dy2.d, ctx->stream);
	if (e == cudaSuccess) e = cudaStreamSynchronize(ctx->stream);
	if (e != cudaSuccess) return done(ctx, e, "pk_test_sgmv");
	std::vector<float> a((size_t)rows * out), b2((size_t)rows * out);
	if ((e = dy.to_host(a.data())) == cudaSuccess) e = dy2.to_host(b2.data());
	if (e != cudaSuccess) return done(ctx, e, "pk_test_sgmv");
	if (memcmp(a.data(), b2.data(), a.size() * sizeof(float)) != 0) {
		return fail(ctx, PK_ERR_CUDA, "pk_test_sgmv: SGMV and BGMV results differ");
	}
	memcpy(y, a.data(), a.size() * sizeof(float));
	return PK_OK;
}

// One sequence (block_table) per row; out is [rows][n_heads][head_dim].
pk_status pk_test_paged_attention(pk_ctx *ctx, const float *q, const float *k_cache, const float *v_cache,
                                  const int32_t *block_table, const int32_t *positions, int32_t rows, int32_t n_heads,
                                  int32_t n_kv_heads, int32_t head_dim, int32_t num_blocks, int32_t sliding_window,
                                  float *out) {
	const pk_init_params &p = ctx->p;
	const size_t kv = (size_t)num_blocks * p.kv_block_size * n_kv_heads * head_dim;
	int maxpos = 0;
	for (int r = 0; r < rows; r++) maxpos = std::max(maxpos, (int)positions[r]);
	const int max_splits = maxpos / p.split_kv + 2;
	Buf<float> dq(q, (size_t)rows * n_heads * head_dim), dk(k_cache, kv), dv(v_cache, kv);
	Buf<float> dout(nullptr, (size_t)rows * n_heads * head_dim);
	Buf<float> so(nullptr, (size_t)rows * n_heads * max_splits * head_dim), sml(nullptr, (size_t)rows * n_heads * max_splits * 2);
	Buf<int32_t> dbt(block_table, p.max_blocks_per_seq), dp(positions, rows), drs(nullptr, rows);
	cudaError_t e = first_err(dq, dk, dv, dout, so, sml, dbt, dp, drs);
	if (e == cudaSuccess) e = cudaMemsetAsync(drs.d, 0, rows * sizeof(int32_t), ctx->stream);  // all rows: sequence 0
	if (e == cudaSuccess)
		e = pk::paged_attention_decode(dq.d, dk.d, dv.d, dp.d, drs.d, dbt.d, p.max_blocks_per_seq, rows, n_heads, n_kv_heads,
		                               head_dim, p.kv_block_size, sliding_window, p.split_kv, max_splits, so.d, sml.d,
		                               dout.d, ctx->stream);
	if (e == cudaSuccess) e = cudaStreamSynchronize(ctx->stream);
	if (e == cudaSuccess) e = dout.to_host(out);
	return done(ctx, e, "pk_test_paged_attention");
}

pk_status pk_test_uniform(pk_ctx *ctx, const uint64_t *keys, const int32_t *positions, int32_t n, double *out) {
	Buf<uint64_t> dk(keys, n);
	Buf<int32_t> dp(positions, n);
	Buf<double> dout(nullptr, n);
	cudaError_t e = first_err(dk, dp, dout);
	if (e == cudaSuccess) {
		uniform_kernel<<<(n + 255) / 256, 256, 0, ctx->stream>>>(dk.d, dp.d, n, dout.d);
		e = cudaGetLastError();
	}
	if (e == cudaSuccess) e = cudaStreamSynchronize(ctx->stream);
	if (e == cudaSuccess) e = dout.to_host(out);
	return done(ctx, e, "pk_test_uniform");
}

}  // extern "C"
