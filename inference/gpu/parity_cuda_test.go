//go:build cuda

package gpu

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/internal/testutil"
)

// These tests need a CUDA device and `make kernels`; they skip without a
// device. Run: make kernels && go test -tags cuda ./inference/gpu/...

func openTest(t *testing.T, o Options) *Device {
	t.Helper()
	if DeviceCount() == 0 {
		t.Skip("no CUDA device")
	}
	if o.KVBlockSize == 0 {
		o = Options{Deterministic: true, KVBlockSize: 16, KVBlocks: 256, MaxBatchTokens: 64, MaxSeqs: 16, MaxBlocksPerSeq: 64, SplitKV: 64, AdapterSlots: 4}
	}
	d, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	return d
}

func randVec(r *rand.Rand, n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(r.NormFloat64())
	}
	return v
}

func closeRel(t *testing.T, what string, got, want []float32, tol float64) {
	t.Helper()
	for i := range want {
		d := math.Abs(float64(got[i]) - float64(want[i]))
		if d > tol*math.Max(1, math.Abs(float64(want[i]))) || math.IsNaN(float64(got[i])) {
			t.Fatalf("%s[%d]: got %v, want %v (tol %g)", what, i, got[i], want[i], tol)
		}
	}
}

// The device PRNG is bit-identical to sample.Uniform.
func TestDeviceUniform(t *testing.T) {
	d := openTest(t, Options{})
	r := rand.New(rand.NewPCG(5, 6))
	const n = 4096
	keys, pos, out := make([]uint64, n), make([]int32, n), make([]float64, n)
	seeds, ids := make([]uint64, n), make([]string, n)
	for i := range keys {
		seeds[i], ids[i] = r.Uint64(), string(rune('a'+i%26))+string(rune('A'+i%17))
		keys[i], pos[i] = RequestKey(seeds[i], ids[i]), int32(r.IntN(1<<20))
	}
	if err := d.testUniform(keys, pos, out); err != nil {
		t.Fatal(err)
	}
	for i := range out {
		if want := sample.Uniform(seeds[i], ids[i], int(pos[i])); out[i] != want {
			t.Fatalf("%d: device %v, sample.Uniform %v", i, out[i], want)
		}
	}
}

// Fused residual + RMSNorm against the CPU formula (fp32 tolerance: the
// device sums squares in a different order).
func TestDeviceRMSNorm(t *testing.T) {
	d := openTest(t, Options{})
	r := rand.New(rand.NewPCG(7, 8))
	const rows, dim = 5, 2048
	x, res, w := randVec(r, rows*dim), randVec(r, rows*dim), randVec(r, dim)
	out, sum := make([]float32, rows*dim), make([]float32, rows*dim)
	if err := d.testRMSNorm(x, res, w, rows, dim, 1e-5, out, sum); err != nil {
		t.Fatal(err)
	}
	want, wsum := make([]float32, rows*dim), make([]float32, rows*dim)
	for i := 0; i < rows; i++ {
		var ss float64
		for j := 0; j < dim; j++ {
			v := x[i*dim+j] + res[i*dim+j]
			wsum[i*dim+j] = v
			ss += float64(v) * float64(v)
		}
		inv := 1 / math.Sqrt(ss/dim+1e-5)
		for j := 0; j < dim; j++ {
			want[i*dim+j] = float32(float64(w[j]) * float64(wsum[i*dim+j]) * inv)
		}
	}
	closeRel(t, "residual", sum, wsum, 0)
	closeRel(t, "rmsnorm", out, want, 1e-5)
}

// RoPE in both layouts against the CPU engine's arithmetic.
func TestDeviceRoPE(t *testing.T) {
	d := openTest(t, Options{})
	r := rand.New(rand.NewPCG(9, 10))
	for _, inter := range []bool{false, true} {
		const rows, heads, hd = 7, 4, 64
		x := randVec(r, rows*heads*hd)
		pos := make([]int32, rows)
		for i := range pos {
			pos[i] = int32(r.IntN(8192))
		}
		inv := make([]float32, hd/2)
		for i := range inv {
			inv[i] = float32(1 / math.Pow(500000, float64(2*i)/hd))
		}
		want := append([]float32(nil), x...)
		for i := 0; i < rows; i++ {
			for h := 0; h < heads; h++ {
				v := want[(i*heads+h)*hd : (i*heads+h+1)*hd]
				for j := 0; j < hd/2; j++ {
					a := float64(float32(pos[i]) * inv[j])
					c, s := float32(math.Cos(a)), float32(math.Sin(a))
					i0, i1 := j, j+hd/2
					if inter {
						i0, i1 = 2*j, 2*j+1
					}
					p, q := v[i0], v[i1]
					v[i0] = float32(p*c) - float32(q*s)
					v[i1] = float32(q*c) + float32(p*s)
				}
			}
		}
		if err := d.testRoPE(x, pos, inv, rows, heads, hd, inter); err != nil {
			t.Fatal(err)
		}
		closeRel(t, "rope", x, want, 1e-6)
	}
}

func TestDeviceSwiGLU(t *testing.T) {
	d := openTest(t, Options{})
	r := rand.New(rand.NewPCG(11, 12))
	g, u := randVec(r, 10000), randVec(r, 10000)
	out := make([]float32, len(g))
	if err := d.testSwiGLU(g, u, out); err != nil {
		t.Fatal(err)
	}
	want := make([]float32, len(g))
	for i := range g {
		want[i] = g[i] * float32(1/(1+math.Exp(-float64(g[i])))) * u[i]
	}
	closeRel(t, "swiglu", out, want, 1e-6)
}

// SGMV and BGMV agree bit for bit (checked inside pk_test_sgmv) and match a
// float64 reference.
func TestDeviceSGMV(t *testing.T) {
	d := openTest(t, Options{})
	r := rand.New(rand.NewPCG(13, 14))
	const rank, in, out = 16, 512, 384
	seg := []int32{0, 1, 9, 10, 30}
	ns, rows := len(seg)-1, int(seg[len(seg)-1])
	x, a, b := randVec(r, rows*in), randVec(r, ns*rank*in), randVec(r, ns*out*rank)
	y := randVec(r, rows*out)
	want := append([]float32(nil), y...)
	for s := 0; s < ns; s++ {
		for row := int(seg[s]); row < int(seg[s+1]); row++ {
			tmp := make([]float64, rank)
			for j := range tmp {
				for i := 0; i < in; i++ {
					tmp[j] += float64(a[(s*rank+j)*in+i]) * float64(x[row*in+i])
				}
			}
			for o := 0; o < out; o++ {
				var acc float64
				for j := range tmp {
					acc += float64(b[(s*out+o)*rank+j]) * tmp[j]
				}
				want[row*out+o] += float32(0.5 * acc)
			}
		}
	}
	if err := d.testSGMV(x, a, b, seg, rank, in, out, 0.5, y); err != nil {
		t.Fatal(err)
	}
	closeRel(t, "sgmv", y, want, 1e-3)
}

// Paged split-KV attention against a float64 reference, and batch
// invariance: a row's output is the same bits alone or with others.
func TestDevicePagedAttention(t *testing.T) {
	o := Options{Deterministic: true, KVBlockSize: 16, KVBlocks: 64, MaxBatchTokens: 64, MaxSeqs: 1, MaxBlocksPerSeq: 64, SplitKV: 64}
	d := openTest(t, o)
	r := rand.New(rand.NewPCG(15, 16))
	const heads, kvHeads, hd = 8, 2, 64
	kvd := kvHeads * hd
	k, v := randVec(r, o.KVBlocks*o.KVBlockSize*kvd), randVec(r, o.KVBlocks*o.KVBlockSize*kvd)
	bt := make([]int32, o.MaxBlocksPerSeq)
	for i, p := range r.Perm(o.KVBlocks) {
		bt[i] = int32(p)
	}
	for _, window := range []int{0, 100} {
		pos := []int32{0, 1, 63, 64, 65, 300, 1000}
		q := randVec(r, len(pos)*heads*hd)
		out := make([]float32, len(q))
		if err := d.testPagedAttention(q, k, v, bt, pos, heads, kvHeads, hd, o.KVBlocks, window, out); err != nil {
			t.Fatal(err)
		}
		for i, p := range pos {
			start := 0
			if window > 0 {
				start = max(0, int(p)-window+1)
			}
			for h := 0; h < heads; h++ {
				kvh := h / (heads / kvHeads)
				qv := q[(i*heads+h)*hd : (i*heads+h+1)*hd]
				sc := make([]float64, int(p)+1-start)
				m := math.Inf(-1)
				for t2 := start; t2 <= int(p); t2++ {
					off := (int(bt[t2/o.KVBlockSize])*o.KVBlockSize+t2%o.KVBlockSize)*kvd + kvh*hd
					var s float64
					for j := 0; j < hd; j++ {
						s += float64(qv[j]) * float64(k[off+j])
					}
					sc[t2-start] = s / math.Sqrt(hd)
					m = math.Max(m, sc[t2-start])
				}
				var l float64
				for j := range sc {
					sc[j] = math.Exp(sc[j] - m)
					l += sc[j]
				}
				want := make([]float32, hd)
				for j := 0; j < hd; j++ {
					var acc float64
					for t2 := start; t2 <= int(p); t2++ {
						off := (int(bt[t2/o.KVBlockSize])*o.KVBlockSize+t2%o.KVBlockSize)*kvd + kvh*hd
						acc += sc[t2-start] * float64(v[off+j])
					}
					want[j] = float32(acc / l)
				}
				closeRel(t, "attention", out[(i*heads+h)*hd:(i*heads+h+1)*hd], want, 1e-4)
			}
			alone := make([]float32, heads*hd)
			if err := d.testPagedAttention(q[i*heads*hd:(i+1)*heads*hd], k, v, bt, pos[i:i+1], heads, kvHeads, hd, o.KVBlocks, window, alone); err != nil {
				t.Fatal(err)
			}
			for j := range alone {
				if math.Float32bits(alone[j]) != math.Float32bits(out[i*heads*hd+j]) {
					t.Fatalf("row %d: alone %v, in batch %v: not batch-invariant", i, alone[j], out[i*heads*hd+j])
				}
			}
		}
	}
}

// End to end: greedy tokens of a synthetic Llama-3.2-1B-shaped model (fp32
// weights, deterministic mode) equal the CPU engine's for 32 tokens.
func TestDeviceGreedyMatchesCPU(t *testing.T) {
	if testing.Short() {
		t.Skip("5 GB synthetic model")
	}
	const n = 32
	o := Options{Deterministic: true, KVBlockSize: 16, KVBlocks: 64, MaxBatchTokens: 64, MaxSeqs: 1, MaxBlocksPerSeq: 64}
	d := openTest(t, o)
	m, err := model.NewSynthetic(model.OneBConfig, 1)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(m, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	prompt := []int{1, 450, 4996, 17354, 1701, 432, 17204}
	want, _, err := eng.Generate(context.Background(), &engine.Request{ID: "e2e", Prompt: prompt, Params: sample.Params{MaxTokens: n}})
	if err != nil {
		t.Fatal(err)
	}
	gm, err := d.UploadModel(m, F32)
	if err != nil {
		t.Fatal(err)
	}
	defer gm.Free()
	bt := make([]int32, o.MaxBlocksPerSeq)
	for i := range bt {
		bt[i] = int32(i)
	}
	toks := append([]int(nil), prompt...)
	var got []int
	next := 0 // first position not yet in the KV cache
	for len(got) < len(want) {
		b := &Batch{BlockTables: [][]int32{bt}}
		for p := next; p < len(toks); p++ {
			b.Tokens = append(b.Tokens, int32(toks[p]))
			b.Positions = append(b.Positions, int32(p))
			b.RowSeq = append(b.RowSeq, 0)
		}
		b.Segments = []Segment{{Start: 0, End: len(b.Tokens)}}
		b.LogitRows = []int32{int32(len(b.Tokens) - 1)}
		tk, err := d.Step(gm, b, o.MaxBlocksPerSeq, nil, []SampleParams{{Position: len(toks)}})
		if err != nil {
			t.Fatal(err)
		}
		next = len(toks)
		toks = append(toks, int(tk[0]))
		got = append(got, int(tk[0]))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("token %d: device %d, CPU %d (device %v, CPU %v)", i, got[i], want[i], got, want)
		}
	}
}

// TestTorchOracle: PyTorch + transformers + peft, an implementation that
// shares no code with ours, reads the synthetic model and adapter our Go
// code writes and must produce the device's greedy tokens. Skips when
// python3 cannot import torch, transformers and peft.
func TestTorchOracle(t *testing.T) {
	if err := exec.Command("python3", "-c", "import torch, transformers, peft").Run(); err != nil {
		t.Skip("python3 with torch, transformers and peft not available")
	}
	const n = 24
	o := Options{Deterministic: true, KVBlockSize: 16, KVBlocks: 64, MaxBatchTokens: 64, MaxSeqs: 1, MaxBlocksPerSeq: 64, AdapterSlots: 1}
	d := openTest(t, o)
	cfg := model.TinyConfig // llama, GQA; widened so the kernels see realistic strides
	cfg.Dim, cfg.HiddenDim, cfg.NLayers, cfg.NHeads, cfg.NKVHeads, cfg.HeadDim = 256, 688, 4, 8, 2, 32
	cfg.VocabSize, cfg.MaxSeqLen = 1024, 512
	mdir, adir := t.TempDir(), t.TempDir()
	if err := model.WriteSynthetic(mdir, cfg, 3); err != nil {
		t.Fatal(err)
	}
	if err := lora.WriteSynthetic(adir, cfg, 8, 16, lora.Modules[:], 4, false); err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(mdir)
	if err != nil {
		t.Fatal(err)
	}
	ad, err := lora.Load(adir, cfg.NLayers)
	if err != nil {
		t.Fatal(err)
	}
	prompt := []int{1, 17, 300, 42, 999}
	ids := make([]string, len(prompt))
	for i, p := range prompt {
		ids[i] = strconv.Itoa(p)
	}
	root := testutil.RepoRoot(t)
	out, err := exec.Command("python3", filepath.Join(root, "kernels/tests/torch_oracle.py"), "--model", mdir, "--adapter", adir,
		"--prompt", strings.Join(ids, ","), "--tokens", strconv.Itoa(n)).Output()
	if err != nil {
		t.Fatalf("torch oracle: %v", err)
	}
	var want struct{ Tokens []int }
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("torch oracle output %q: %v", out, err)
	}
	gm, err := d.UploadModel(m, F32)
	if err != nil {
		t.Fatal(err)
	}
	defer gm.Free()
	ga, err := d.UploadAdapter(gm, ad)
	if err != nil {
		t.Fatal(err)
	}
	defer ga.Free()
	bt := make([]int32, o.MaxBlocksPerSeq)
	for i := range bt {
		bt[i] = int32(i)
	}
	toks := append([]int(nil), prompt...)
	next := 0
	for len(toks)-len(prompt) < n {
		b := &Batch{BlockTables: [][]int32{bt}}
		for p := next; p < len(toks); p++ {
			b.Tokens = append(b.Tokens, int32(toks[p]))
			b.Positions = append(b.Positions, int32(p))
			b.RowSeq = append(b.RowSeq, 0)
		}
		b.Segments = []Segment{{Start: 0, End: len(b.Tokens), Adapter: ga}}
		b.LogitRows = []int32{int32(len(b.Tokens) - 1)}
		tk, err := d.Step(gm, b, o.MaxBlocksPerSeq, nil, []SampleParams{{Position: len(toks)}})
		if err != nil {
			t.Fatal(err)
		}
		next = len(toks)
		toks = append(toks, int(tk[0]))
	}
	got := toks[len(prompt):]
	for i := range want.Tokens {
		if got[i] != want.Tokens[i] {
			t.Fatalf("token %d: device %d, torch %d (device %v, torch %v)", i, got[i], want.Tokens[i], got, want.Tokens)
		}
	}
}
