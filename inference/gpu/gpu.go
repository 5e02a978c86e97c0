// Package gpu is the CUDA backend of the inference engine: Go bindings
// (build tag cuda, cgo) over the C ABI of kernels/include/paichain_kernels.h,
// implemented by the library `make kernels` builds with nvcc, and the backend
// selection `paichain infer --backend` uses. Without the tag the package
// still builds: Probe reports ErrNoCUDA and selection falls back to the CPU
// engine.
package gpu

import (
	"errors"
	"fmt"
)

// Backend names accepted by Select.
const (
	Auto = "auto"
	CPU  = "cpu"
	CUDA = "cuda"
)

// ErrNoCUDA means the binary was built without the cuda build tag.
var ErrNoCUDA = errors.New("paichain was built without CUDA support (build tag cuda); rebuild with `make kernels && go build -tags cuda`")

// ErrNoDevice means the CUDA build found no usable device.
var ErrNoDevice = errors.New("gpu: no CUDA device (or driver) available")

// ErrEngineHook means the device works but the scheduler cannot drive it
// yet: inference/engine has no device backend hook, so a step cannot be
// routed to pk_step (docs/kernels.md, "What remains").
var ErrEngineHook = errors.New("gpu: the engine scheduler has no device backend hook yet; the CUDA step cannot serve requests")

// Choice is the outcome of Select.
type Choice struct {
	Backend string // CPU or CUDA
	// Reason says why auto fell back to the CPU ("" otherwise).
	Reason string
}

// Select resolves a --backend value. auto picks CUDA when Probe passes and
// the CPU otherwise (with the reason, for the log); cuda fails with Probe's
// error when CUDA cannot serve; cpu always succeeds.
func Select(name string) (Choice, error) {
	switch name {
	case CPU:
		return Choice{Backend: CPU}, nil
	case Auto:
		if err := Probe(); err != nil {
			return Choice{Backend: CPU, Reason: err.Error()}, nil
		}
		return Choice{Backend: CUDA}, nil
	case CUDA:
		if err := Probe(); err != nil {
			return Choice{}, fmt.Errorf("backend cuda: %w", err)
		}
		return Choice{Backend: CUDA}, nil
	default:
		return Choice{}, fmt.Errorf("unknown backend %q (want auto, cpu or cuda)", name)
	}
}
