//go:build !cuda

package gpu

// Built reports whether this binary links the CUDA kernels.
const Built = false

// Probe reports why the CUDA backend cannot serve: always ErrNoCUDA here.
func Probe() error { return ErrNoCUDA }
