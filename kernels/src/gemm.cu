// gemm.cu: base-model GEMMs through cuBLASLt. y[m][n] = x[m][k] · W^T with W
// row-major [n][k] is, column-major, D(n×m) = op_T(W(k×n)) · X(k×m).
//
// Determinism: per weight shape (n, k) ONE algorithm is chosen (heuristic
// for m = max_batch_tokens), forced to split-K 1, and pinned for every m, so
// an output element's k-reduction does not depend on how many rows the step
// has. In fast mode each m gets its own heuristic pick.
//
// Weights: bf16 (activations converted to bf16, fp32 accumulate and output)
// or fp32 (pedantic fp32 compute, no TF32: the bit-parity mode). FP8 e4m3
// and INT8 weight-only are declared in the ABI but refused here
// (PK_ERR_UNSUPPORTED) until they are written and measured.
#include "pk_internal.cuh"

namespace pk {

namespace {

#define PK_LT(call)                                                                  \
	do {                                                                             \
		cublasStatus_t st_ = (call);                                                 \
		if (st_ != CUBLAS_STATUS_SUCCESS) {                                          \
			return fail(ctx, PK_ERR_CUBLAS, std::string(#call) + ": status " + std::to_string((int)st_)); \
		}                                                                            \
	} while (0)

pk_status make_plan(pk_ctx *ctx, bool f32, int m, int n, int k, Gemm *g) {
	g->m = m;
	g->n = n;
	g->k = k;
	const cudaDataType_t ab = f32 ? CUDA_R_32F : CUDA_R_16BF;
	PK_LT(cublasLtMatmulDescCreate(&g->desc, f32 ? CUBLAS_COMPUTE_32F_PEDANTIC : CUBLAS_COMPUTE_32F, CUDA_R_32F));
	const cublasOperation_t t = CUBLAS_OP_T, nn = CUBLAS_OP_N;
	PK_LT(cublasLtMatmulDescSetAttribute(g->desc, CUBLASLT_MATMUL_DESC_TRANSA, &t, sizeof t));
	PK_LT(cublasLtMatmulDescSetAttribute(g->desc, CUBLASLT_MATMUL_DESC_TRANSB, &nn, sizeof nn));
	PK_LT(cublasLtMatrixLayoutCreate(&g->la, ab, (uint64_t)k, (uint64_t)n, k));
	PK_LT(cublasLtMatrixLayoutCreate(&g->lb, ab, (uint64_t)k, (uint64_t)m, k));
	PK_LT(cublasLtMatrixLayoutCreate(&g->lc, CUDA_R_32F, (uint64_t)n, (uint64_t)m, n));
	return PK_OK;
}

pk_status pick_algo(pk_ctx *ctx, Gemm *g) {
	cublasLtMatmulPreference_t pref;
	PK_LT(cublasLtMatmulPreferenceCreate(&pref));
	const size_t ws = ctx->lt_ws_size;
	cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &ws, sizeof ws);
	cublasLtMatmulHeuristicResult_t res[8];
	int got = 0;
	const cublasStatus_t st = cublasLtMatmulAlgoGetHeuristic(ctx->lt, g->desc, g->la, g->lb, g->lc, g->lc, pref, 8, res, &got);
	cublasLtMatmulPreferenceDestroy(pref);
	if (st != CUBLAS_STATUS_SUCCESS || got == 0) {
		return fail(ctx, PK_ERR_CUBLAS, "no cuBLASLt algorithm for " + std::to_string(g->m) + "x" + std::to_string(g->n) + "x" + std::to_string(g->k));
	}
	for (int i = 0; i < got; i++) {
		cublasLtMatmulAlgo_t a = res[i].algo;
		const int32_t one = 1;
		if (cublasLtMatmulAlgoConfigSetAttribute(&a, CUBLASLT_ALGO_CONFIG_SPLITK_NUM, &one, sizeof one) != CUBLAS_STATUS_SUCCESS) {
			continue;
		}
		cublasLtMatmulHeuristicResult_t chk;
		if (cublasLtMatmulAlgoCheck(ctx->lt, g->desc, g->la, g->lb, g->lc, g->lc, &a, &chk) == CUBLAS_STATUS_SUCCESS &&
		    chk.workspaceSize <= ctx->lt_ws_size) {
			g->algo = a;
			return PK_OK;
		}
	}
	return fail(ctx, PK_ERR_CUBLAS, "no split-K-free cuBLASLt algorithm for " + std::to_string(g->n) + "x" + std::to_string(g->k));
}

// plan returns the cached plan for (m, n, k), creating it: in deterministic
// mode with the algorithm pinned for (n, k).
pk_status plan(pk_ctx *ctx, pk_model *mdl, int m, int n, int k, Gemm **out) {
	const int mref = ctx->p.max_batch_tokens;
	bool have_ref = false;
	cublasLtMatmulAlgo_t pinned{};
	for (Gemm &g : mdl->gemms) {
		if (g.n == n && g.k == k) {
			if (g.m == m) {
				*out = &g;
				return PK_OK;
			}
			if (g.m == mref) {
				have_ref = true;
				pinned = g.algo;
			}
		}
	}
	pk_status st;
	if (ctx->p.deterministic && !have_ref) {
		Gemm r;
		if ((st = make_plan(ctx, mdl->f32, mref, n, k, &r)) != PK_OK || (st = pick_algo(ctx, &r)) != PK_OK) {
			return st;
		}
		mdl->gemms.push_back(r);
		if (m == mref) {
			*out = &mdl->gemms.back();
			return PK_OK;
		}
		pinned = r.algo;
	}
	Gemm g;
	if ((st = make_plan(ctx, mdl->f32, m, n, k, &g)) != PK_OK) {
		return st;
	}
	if (ctx->p.deterministic) {
		cublasLtMatmulHeuristicResult_t chk;
		if (cublasLtMatmulAlgoCheck(ctx->lt, g.desc, g.la, g.lb, g.lc, g.lc, &pinned, &chk) != CUBLAS_STATUS_SUCCESS) {
			return fail(ctx, PK_ERR_CUBLAS, "pinned cuBLASLt algorithm rejects m=" + std::to_string(m));
		}
		g.algo = pinned;
	} else if ((st = pick_algo(ctx, &g)) != PK_OK) {
		return st;
	}
	mdl->gemms.push_back(g);
	*out = &mdl->gemms.back();
	return PK_OK;
}

}  // namespace

pk_status gemm(pk_ctx *ctx, pk_model *mdl, const void *W, const float *x, int rows, int n, int k, float *y,
               cudaStream_t s) {
	if (rows == 0) {
		return PK_OK;
	}
	Gemm *g = nullptr;
	pk_status st = plan(ctx, mdl, rows, n, k, &g);
	if (st != PK_OK) {
		return st;
	}
	const void *B = x;
	if (!mdl->f32) {
		const cudaError_t e = to_bf16(x, rows * k, mdl->act16, s);
		if (e != cudaSuccess) {
			return fail(ctx, PK_ERR_CUDA, std::string("bf16 conversion: ") + cudaGetErrorString(e));
		}
		B = mdl->act16;
	}
	const float alpha = 1, beta = 0;
	PK_LT(cublasLtMatmul(ctx->lt, g->desc, &alpha, W, g->la, B, g->lb, &beta, y, g->lc, y, g->lc, &g->algo, ctx->lt_ws,
	                     ctx->lt_ws_size, s));
	return PK_OK;
}

void gemm_free(pk_model *mdl) {
	for (Gemm &g : mdl->gemms) {
		cublasLtMatrixLayoutDestroy(g.la);
		cublasLtMatrixLayoutDestroy(g.lb);
		cublasLtMatrixLayoutDestroy(g.lc);
		cublasLtMatmulDescDestroy(g.desc);
	}
	mdl->gemms.clear();
}

}  // namespace pk
