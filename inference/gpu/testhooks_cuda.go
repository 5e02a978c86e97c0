//go:build cuda

package gpu

/*
#include "paichain_kernels.h"
*/
import "C"

import "unsafe"

// Single-kernel hooks for parity_cuda_test.go (cgo cannot appear in test
// files). Each wraps a pk_test_* entry point.

func f32p(v []float32) *C.float {
	if len(v) == 0 {
		return nil
	}
	return (*C.float)(unsafe.Pointer(&v[0]))
}

func i32p(v []int32) *C.int32_t {
	if len(v) == 0 {
		return nil
	}
	return (*C.int32_t)(unsafe.Pointer(&v[0]))
}

func (d *Device) testRMSNorm(x, residual, w []float32, rows, dim int, eps float32, out, residOut []float32) error {
	return d.err("test rmsnorm", C.pk_test_rmsnorm(d.ctx, f32p(x), f32p(residual), f32p(w), C.int32_t(rows), C.int32_t(dim),
		C.float(eps), f32p(out), f32p(residOut)))
}

func (d *Device) testRoPE(x []float32, pos []int32, invFreq []float32, rows, heads, headDim int, interleaved bool) error {
	return d.err("test rope", C.pk_test_rope(d.ctx, f32p(x), i32p(pos), f32p(invFreq), C.int32_t(rows), C.int32_t(heads),
		C.int32_t(headDim), cbool(interleaved)))
}

func (d *Device) testSwiGLU(gate, up, out []float32) error {
	return d.err("test swiglu", C.pk_test_swiglu(d.ctx, f32p(gate), f32p(up), C.int32_t(len(gate)), f32p(out)))
}

func (d *Device) testSGMV(x, a, b []float32, segStart []int32, rank, in, out int, scale float32, y []float32) error {
	return d.err("test sgmv", C.pk_test_sgmv(d.ctx, f32p(x), f32p(a), f32p(b), i32p(segStart), C.int32_t(len(segStart)-1),
		C.int32_t(rank), C.int32_t(in), C.int32_t(out), C.float(scale), f32p(y)))
}

func (d *Device) testPagedAttention(q, k, v []float32, blockTable, pos []int32, heads, kvHeads, headDim, numBlocks, window int, out []float32) error {
	return d.err("test paged attention", C.pk_test_paged_attention(d.ctx, f32p(q), f32p(k), f32p(v), i32p(blockTable), i32p(pos),
		C.int32_t(len(pos)), C.int32_t(heads), C.int32_t(kvHeads), C.int32_t(headDim), C.int32_t(numBlocks), C.int32_t(window), f32p(out)))
}

func (d *Device) testUniform(keys []uint64, pos []int32, out []float64) error {
	return d.err("test uniform", C.pk_test_uniform(d.ctx, (*C.uint64_t)(unsafe.Pointer(&keys[0])), i32p(pos), C.int32_t(len(keys)),
		(*C.double)(unsafe.Pointer(&out[0]))))
}
