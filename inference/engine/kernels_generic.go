//go:build !(goexperiment.simd && amd64)

package engine

// SIMD reports whether the vector kernels are in use.
const SIMD = false

func dot(a, b []float32) float32 { return dotScalar(a, b) }

func dot4(x, w0, w1, w2, w3 []float32) (float32, float32, float32, float32) {
	return dot4Scalar(x, w0, w1, w2, w3)
}

func wsum8(acc *[8]float32, p []float32, V []float32, off, stride int) {
	wsum8Scalar(acc, p, V, off, stride)
}
