//go:build cuda

package gpu

/*
#cgo CFLAGS: -I${SRCDIR}/../../kernels/include
#cgo LDFLAGS: -L${SRCDIR}/../../build/kernels -lpaichain_kernels -Wl,-rpath,${SRCDIR}/../../build/kernels
#include <stdlib.h>
#include "paichain_kernels.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
)

// Built reports whether this binary links the CUDA kernels.
const Built = true

// Probe reports why the CUDA backend cannot serve requests, or nil.
func Probe() error {
	if C.pk_abi_version() != C.PK_ABI_VERSION {
		return fmt.Errorf("gpu: kernel library ABI %d, bindings expect %d: rebuild with `make kernels`", int(C.pk_abi_version()), int(C.PK_ABI_VERSION))
	}
	if C.pk_device_count() <= 0 {
		return ErrNoDevice
	}
	return ErrEngineHook
}

// StatusError is a failed kernel-library call.
type StatusError struct {
	Op     string
	Status int
	Msg    string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("gpu: %s: %s: %s", e.Op, C.GoString(C.pk_status_string(C.pk_status(e.Status))), e.Msg)
}

// Options configure a Device; they mirror engine.Options where both exist.
type Options struct {
	Device          int
	Deterministic   bool
	KVBlockSize     int
	KVBlocks        int
	MaxBatchTokens  int
	MaxSeqs         int
	MaxBlocksPerSeq int
	SplitKV         int // positions per split-KV partition; 0 = the library's default (256)
	Graphs          bool
	AdapterSlots    int
}

// Device is one initialized CUDA context: streams, workspaces, KV cache.
// Its methods must not be called concurrently (the engine's scheduler
// goroutine owns it, as it owns the CPU forward pass).
type Device struct {
	ctx   *C.pk_ctx
	arena unsafe.Pointer // C memory for step descriptors (cgo forbids Go pointers inside them)
	size  int
}

// Open initializes device o.Device.
func Open(o Options) (*Device, error) {
	p := C.pk_init_params{
		device: C.int32_t(o.Device), kv_block_size: C.int32_t(o.KVBlockSize), kv_num_blocks: C.int32_t(o.KVBlocks),
		max_batch_tokens: C.int32_t(o.MaxBatchTokens), max_seqs: C.int32_t(o.MaxSeqs),
		max_blocks_per_seq: C.int32_t(o.MaxBlocksPerSeq), split_kv: C.int32_t(o.SplitKV),
		adapter_slots: C.int32_t(o.AdapterSlots),
	}
	if o.Deterministic {
		p.deterministic = 1
	}
	if o.Graphs {
		p.use_graphs = 1
	}
	var ctx *C.pk_ctx
	if st := C.pk_init(&p, &ctx); st != C.PK_OK {
		return nil, &StatusError{Op: "init", Status: int(st), Msg: C.GoString(C.pk_last_error(nil))}
	}
	return &Device{ctx: ctx}, nil
}

func (d *Device) err(op string, st C.pk_status) error {
	if st == C.PK_OK {
		return nil
	}
	return &StatusError{Op: op, Status: int(st), Msg: C.GoString(C.pk_last_error(d.ctx))}
}

// Close frees the context and everything on the device.
func (d *Device) Close() {
	if d.ctx != nil {
		C.pk_free(d.ctx)
		d.ctx = nil
	}
	if d.arena != nil {
		C.free(d.arena)
		d.arena = nil
	}
}

// Model is a base model resident on a Device.
type Model struct {
	m   *C.pk_model
	cfg model.Config
}

// WeightDType selects the storage of the base GEMM weights.
type WeightDType int

// Weight dtypes (pk_weight_dtype).
const (
	BF16    WeightDType = C.PK_WEIGHTS_BF16
	FP8E4M3 WeightDType = C.PK_WEIGHTS_FP8_E4M3
	INT8    WeightDType = C.PK_WEIGHTS_INT8
	F32     WeightDType = C.PK_WEIGHTS_F32 // bit-parity mode
)

// UploadModel copies m's weights to the device, converting the linear
// weights to dt.
func (d *Device) UploadModel(m *model.Model, dt WeightDType) (*Model, error) {
	c := m.Config
	cfg := C.pk_model_config{
		dim: C.int32_t(c.Dim), hidden_dim: C.int32_t(c.HiddenDim), n_layers: C.int32_t(c.NLayers),
		n_heads: C.int32_t(c.NHeads), n_kv_heads: C.int32_t(c.NKVHeads), head_dim: C.int32_t(c.HeadDim),
		vocab_size: C.int32_t(c.VocabSize), max_seq_len: C.int32_t(c.MaxSeqLen), rms_eps: C.float(c.RMSEps),
		rope_interleaved: cbool(c.RopeInterleaved), attention_bias: cbool(c.AttentionBias),
		sliding_window: C.int32_t(c.SlidingWindow), tied_embeddings: cbool(c.TieEmbeddings),
		weight_dtype: C.pk_weight_dtype(dt),
	}
	var pm *C.pk_model
	if err := d.err("model create", C.pk_model_create(d.ctx, &cfg, &pm)); err != nil {
		return nil, err
	}
	out := &Model{m: pm, cfg: c}
	inv := c.InvFreq()
	inv32 := make([]float32, len(inv))
	for i, v := range inv {
		inv32[i] = float32(v) // the engine's RoPE tables use float32(inv_freq)
	}
	up := func(layer int, t C.pk_tensor, w []float32) error {
		if len(w) == 0 {
			return nil
		}
		st := C.pk_model_upload(pm, C.int32_t(layer), t, (*C.float)(unsafe.Pointer(&w[0])), C.size_t(len(w)))
		return d.err(fmt.Sprintf("upload tensor %d of layer %d", int(t), layer), st)
	}
	errs := []error{up(-1, C.PK_T_EMBED, m.Embed), up(-1, C.PK_T_NORM, m.Norm), up(-1, C.PK_T_INV_FREQ, inv32)}
	if !c.TieEmbeddings {
		errs = append(errs, up(-1, C.PK_T_LM_HEAD, m.LMHead))
	}
	for l, ly := range m.Layers {
		errs = append(errs,
			up(l, C.PK_T_ATTN_NORM, ly.AttnNorm), up(l, C.PK_T_FFN_NORM, ly.FFNNorm),
			up(l, C.PK_T_WQ, ly.Q.W), up(l, C.PK_T_WK, ly.K.W), up(l, C.PK_T_WV, ly.V.W), up(l, C.PK_T_WO, ly.O.W),
			up(l, C.PK_T_BQ, ly.Q.B), up(l, C.PK_T_BK, ly.K.B), up(l, C.PK_T_BV, ly.V.B),
			up(l, C.PK_T_W_GATE, ly.Gate.W), up(l, C.PK_T_W_UP, ly.Up.W), up(l, C.PK_T_W_DOWN, ly.Down.W))
	}
	if err := errors.Join(errs...); err != nil {
		C.pk_model_free(pm)
		return nil, err
	}
	return out, nil
}

// Free releases the model's device memory.
func (m *Model) Free() {
	if m.m != nil {
		C.pk_model_free(m.m)
		m.m = nil
	}
}

// Adapter is a LoRA adapter resident on a Device.
type Adapter struct{ a *C.pk_adapter }

// UploadAdapter copies a's factors on the copy stream; steps that use the
// adapter wait for the upload, steps that do not keep running.
func (d *Device) UploadAdapter(m *Model, a *lora.Adapter) (*Adapter, error) {
	var pa *C.pk_adapter
	if err := d.err("adapter create", C.pk_adapter_create(d.ctx, m.m, C.int32_t(a.Config.R), C.float(a.Scale), &pa)); err != nil {
		return nil, err
	}
	for l := 0; l < m.cfg.NLayers; l++ {
		for mi := 0; mi < lora.NumModules; mi++ {
			p := a.PairAt(l, mi)
			if p == nil {
				continue
			}
			st := C.pk_adapter_upload(pa, C.int32_t(l), C.pk_module(mi),
				(*C.float)(unsafe.Pointer(&p.A[0])), (*C.float)(unsafe.Pointer(&p.B[0])),
				C.int32_t(p.R), C.int32_t(p.In), C.int32_t(p.Out))
			if err := d.err(fmt.Sprintf("adapter upload layer %d %s", l, lora.Modules[mi]), st); err != nil {
				C.pk_adapter_free(pa)
				return nil, err
			}
		}
	}
	if err := d.err("adapter commit", C.pk_adapter_commit(pa)); err != nil {
		C.pk_adapter_free(pa)
		return nil, err
	}
	return &Adapter{a: pa}, nil
}

// Free releases the adapter's device memory.
func (a *Adapter) Free() {
	if a.a != nil {
		C.pk_adapter_free(a.a)
		a.a = nil
	}
}

// Segment is a run of batch rows [Start, End) sharing one adapter (nil =
// base model), as lora.Segment.
type Segment struct {
	Start, End int
	Adapter    *Adapter
}

// Batch is one step: the same rows, positions and block tables the CPU
// forward pass gets.
type Batch struct {
	Tokens, Positions, RowSeq []int32
	BlockTables               [][]int32 // per sequence; padded to MaxBlocksPerSeq
	Segments                  []Segment
	LogitRows                 []int32
}

// SampleParams are one logit row's device sampling parameters.
type SampleParams struct {
	Temperature float32
	TopK        int
	TopP        float32
	Position    int
	Key         uint64 // RequestKey(seed, request id)
}

// Step runs one forward step. logits (len(LogitRows)×vocab, or nil) receives
// the logits; with sp non-nil the rows are also sampled on the device and the
// tokens returned.
func (d *Device) Step(m *Model, b *Batch, width int, logits []float32, sp []SampleParams) ([]int32, error) {
	rows, seqs, nl := len(b.Tokens), len(b.BlockTables), len(b.LogitRows)
	if len(b.Positions) != rows || len(b.RowSeq) != rows {
		return nil, fmt.Errorf("gpu: step: %d tokens, %d positions, %d row sequences", rows, len(b.Positions), len(b.RowSeq))
	}
	if logits != nil && len(logits) != nl*m.cfg.VocabSize {
		return nil, fmt.Errorf("gpu: step: logits buffer %d, want %d", len(logits), nl*m.cfg.VocabSize)
	}
	if sp != nil && len(sp) != nl {
		return nil, fmt.Errorf("gpu: step: %d sample params for %d logit rows", len(sp), nl)
	}
	for i, s := range b.Segments {
		prev := 0
		if i > 0 {
			prev = b.Segments[i-1].End
		}
		if s.Start != prev || s.End <= s.Start || (i == len(b.Segments)-1 && s.End != rows) {
			return nil, fmt.Errorf("gpu: step: segments must tile the %d rows in order; segment %d is [%d, %d)", rows, i, s.Start, s.End)
		}
	}
	// Lay the int32 arrays out in C memory, then the adapter pointers.
	n32 := 3*rows + seqs*width + len(b.Segments) + 1 + nl
	aoff := (4*n32 + 7) &^ 7 // adapter pointers are 8-aligned
	need := aoff + 8*len(b.Segments)
	if need > d.size {
		C.free(d.arena)
		d.arena, d.size = C.malloc(C.size_t(need)), need
		if d.arena == nil {
			d.size = 0
			return nil, fmt.Errorf("gpu: step: allocating %d bytes of descriptors", need)
		}
	}
	ints := unsafe.Slice((*int32)(d.arena), n32)
	off := 0
	at := func(i int) *C.int32_t {
		if i >= len(ints) {
			return nil // an empty trailing array
		}
		return (*C.int32_t)(unsafe.Pointer(&ints[i]))
	}
	put := func(v []int32) *C.int32_t {
		p := at(off)
		off += copy(ints[off:], v)
		return p
	}
	var cb C.pk_batch
	cb.n_rows, cb.n_seqs, cb.n_logits = C.int32_t(rows), C.int32_t(seqs), C.int32_t(nl)
	cb.tokens, cb.positions, cb.row_seq = put(b.Tokens), put(b.Positions), put(b.RowSeq)
	cb.block_tables = at(off)
	for _, bt := range b.BlockTables {
		if len(bt) > width {
			return nil, fmt.Errorf("gpu: step: block table of %d blocks, width %d", len(bt), width)
		}
		copy(ints[off:off+width], bt)
		clear(ints[off+len(bt) : off+width])
		off += width
	}
	cb.n_segments = C.int32_t(len(b.Segments))
	cb.seg_start = at(off)
	for i, s := range b.Segments {
		ints[off+i] = int32(s.Start)
	}
	ints[off+len(b.Segments)] = int32(rows)
	off += len(b.Segments) + 1
	cb.logit_rows = put(b.LogitRows)
	adp := unsafe.Slice((**C.pk_adapter)(unsafe.Add(d.arena, aoff)), len(b.Segments))
	for i, s := range b.Segments {
		adp[i] = nil
		if s.Adapter != nil {
			adp[i] = s.Adapter.a
		}
	}
	if len(adp) > 0 {
		cb.seg_adapter = &adp[0]
	}
	var lp *C.float
	if logits != nil {
		lp = (*C.float)(unsafe.Pointer(&logits[0]))
	}
	var (
		csp    *C.pk_sample_params
		tokens []int32
		tp     *C.int32_t
	)
	if sp != nil && nl > 0 {
		cs := make([]C.pk_sample_params, nl)
		for i, p := range sp {
			cs[i] = C.pk_sample_params{temperature: C.float(p.Temperature), top_k: C.int32_t(p.TopK),
				top_p: C.float(p.TopP), position: C.int32_t(p.Position), key: C.uint64_t(p.Key)}
		}
		csp = &cs[0]
		tokens = make([]int32, nl)
		tp = (*C.int32_t)(unsafe.Pointer(&tokens[0]))
	}
	if err := d.err("step", C.pk_step(d.ctx, m.m, &cb, lp, csp, tp)); err != nil {
		return nil, err
	}
	return tokens, nil
}

func cbool(b bool) C.int32_t {
	if b {
		return 1
	}
	return 0
}

// DeviceCount reports usable CUDA devices (0 without a driver).
func DeviceCount() int { return int(C.pk_device_count()) }
