//go:build goexperiment.simd && amd64

package engine

import "simd/archsimd"

// SIMD reports whether the vector kernels are in use (AVX2 present).
var SIMD = archsimd.X86.AVX2()

// dot is dotScalar computed with one 8-lane vector: lane j is dotScalar's
// partial sum s_j (multiply, round, add — never fused), reduced by the same
// tree, so the result is bit-identical.
func dot(a, b []float32) float32 {
	if !SIMD {
		return dotScalar(a, b)
	}
	n := len(a)
	b = b[:n]
	var acc archsimd.Float32x8
	i := 0
	for ; i+8 <= n; i += 8 {
		acc = acc.Add(archsimd.LoadFloat32x8Slice(a[i : i+8]).Mul(archsimd.LoadFloat32x8Slice(b[i : i+8])))
	}
	var s [8]float32
	acc.Store(&s)
	// Leave AVX state clean before scalar SSE code (transition penalty).
	archsimd.ClearAVXUpperBits()
	r := ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]))
	for ; i < n; i++ {
		r += float32(a[i] * b[i])
	}
	return r
}

// dot4 is four dots sharing the x loads; four independent accumulators
// hide the add latency.
func dot4(x, w0, w1, w2, w3 []float32) (float32, float32, float32, float32) {
	if !SIMD {
		return dot4Scalar(x, w0, w1, w2, w3)
	}
	n := len(x)
	w0, w1, w2, w3 = w0[:n], w1[:n], w2[:n], w3[:n]
	var a0, a1, a2, a3 archsimd.Float32x8
	i := 0
	for ; i+8 <= n; i += 8 {
		vx := archsimd.LoadFloat32x8Slice(x[i : i+8])
		a0 = a0.Add(vx.Mul(archsimd.LoadFloat32x8Slice(w0[i : i+8])))
		a1 = a1.Add(vx.Mul(archsimd.LoadFloat32x8Slice(w1[i : i+8])))
		a2 = a2.Add(vx.Mul(archsimd.LoadFloat32x8Slice(w2[i : i+8])))
		a3 = a3.Add(vx.Mul(archsimd.LoadFloat32x8Slice(w3[i : i+8])))
	}
	var s0, s1, s2, s3 [8]float32
	a0.Store(&s0)
	a1.Store(&s1)
	a2.Store(&s2)
	a3.Store(&s3)
	archsimd.ClearAVXUpperBits()
	return reduce8(&s0, x, w0, i), reduce8(&s1, x, w1, i), reduce8(&s2, x, w2, i), reduce8(&s3, x, w3, i)
}

// reduce8 combines the lanes like dotScalar and adds the tail from i.
func reduce8(s *[8]float32, x, w []float32, i int) float32 {
	r := ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]))
	for ; i < len(x); i++ {
		r += float32(x[i] * w[i])
	}
	return r
}

// wsum8 is wsum8Scalar with the eight columns in one vector lane each.
func wsum8(acc *[8]float32, p []float32, V []float32, off, stride int) {
	if !SIMD {
		wsum8Scalar(acc, p, V, off, stride)
		return
	}
	a := archsimd.LoadFloat32x8(acc)
	for _, pj := range p {
		a = a.Add(archsimd.BroadcastFloat32x8(pj).Mul(archsimd.LoadFloat32x8Slice(V[off : off+8])))
		off += stride
	}
	a.Store(acc)
	archsimd.ClearAVXUpperBits()
}
