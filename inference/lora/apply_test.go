package lora

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paichain/paichain/inference/model"
)

// batchCase is a batch of rows, each with its own adapter (nil = none).
type batchCase struct {
	x        []float32
	adapters []*Adapter
}

func randomRows(rng *rand.Rand, rows, dim int) []float32 {
	x := make([]float32, rows*dim)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

// segmentsOf groups consecutive rows sharing an adapter into segments.
func segmentsOf(adapters []*Adapter) []Segment {
	var segs []Segment
	for i, a := range adapters {
		if n := len(segs); n > 0 && segs[n-1].Adapter == a && segs[n-1].End == i {
			segs[n-1].End++
			continue
		}
		segs = append(segs, Segment{Start: i, End: i + 1, Adapter: a})
	}
	return segs
}

func TestApplySegmentsBatchInvariant(t *testing.T) {
	cfg := model.TinyConfig
	var pool []*Adapter
	for i, r := range []int{1, 4, 8, 16, 3} {
		targets := []string(nil)
		if i == 4 {
			targets = []string{"q_proj", "down_proj"} // no v_proj / gate_proj
		}
		a, err := Synthetic(cfg, r, float64(2*r), targets, uint64(i), i%2 == 1)
		if err != nil {
			t.Fatal(err)
		}
		pool = append(pool, a)
	}
	pool = append(pool, nil)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, module := range Modules {
		in, out, _ := cfg.LinearShape(module)
		for trial := 0; trial < 6; trial++ {
			rows := []int{1, 7, 64, 300}[trial%4]
			adapters := make([]*Adapter, rows)
			for i := range adapters {
				adapters[i] = pool[rng.IntN(len(pool))]
			}
			if trial == 5 { // long runs: real SGMV segments
				for i := range adapters {
					adapters[i] = pool[(i*len(pool))/rows]
				}
			}
			x := randomRows(rng, rows, in)
			y0 := randomRows(rng, rows, out)
			layer := trial % cfg.NLayers

			batched := append([]float32(nil), y0...)
			ApplySegments(layer, module, x, in, batched, out, segmentsOf(adapters))

			// 1. A straightforward per-request loop: each row alone.
			for i := 0; i < rows; i++ {
				yi := append([]float32(nil), y0[i*out:(i+1)*out]...)
				ApplySegmentsAt(layer, mustIndex(module), x[i*in:(i+1)*in], in, yi, out, []Segment{{0, 1, adapters[i]}}, 1)
				for o := range yi {
					if math.Float32bits(yi[o]) != math.Float32bits(batched[i*out+o]) {
						t.Fatalf("%s rows=%d: row %d col %d: batched %v, alone %v", module, rows, i, o, batched[i*out+o], yi[o])
					}
				}
			}

			// 2. Another composition: rows reversed, one segment per row,
			// serial; each row's result must be bit-identical.
			rx, ry := make([]float32, len(x)), make([]float32, len(y0))
			radapters := make([]*Adapter, rows)
			for i := 0; i < rows; i++ {
				j := rows - 1 - i
				copy(rx[j*in:], x[i*in:(i+1)*in])
				copy(ry[j*out:], y0[i*out:(i+1)*out])
				radapters[j] = adapters[i]
			}
			var oneEach []Segment
			for i, a := range radapters {
				oneEach = append(oneEach, Segment{i, i + 1, a})
			}
			ApplySegmentsAt(layer, mustIndex(module), rx, in, ry, out, oneEach, 1)
			for i := 0; i < rows; i++ {
				j := rows - 1 - i
				for o := 0; o < out; o++ {
					if math.Float32bits(ry[j*out+o]) != math.Float32bits(batched[i*out+o]) {
						t.Fatalf("%s: reversed batch differs at row %d", module, i)
					}
				}
			}

			// 3. The dense reference y += scale·(B·A)·x in float64.
			for i := 0; i < rows; i++ {
				a := adapters[i]
				p := a.Pair(layer, module)
				for o := 0; o < out; o++ {
					want := float64(y0[i*out+o])
					if p != nil {
						var d float64
						for k := 0; k < in; k++ {
							var w float64
							for r := 0; r < p.R; r++ {
								w += float64(p.B[o*p.R+r]) * float64(p.A[r*in+k])
							}
							d += w * float64(x[i*in+k])
						}
						want += float64(a.Scale) * d
					}
					if got := float64(batched[i*out+o]); math.Abs(got-want) > 1e-4*(1+math.Abs(want)) {
						t.Fatalf("%s row %d col %d: %v, dense reference %v", module, i, o, got, want)
					}
				}
			}
		}
	}
}

func mustIndex(module string) int {
	mi, ok := ModuleIndex(module)
	if !ok {
		panic(module)
	}
	return mi
}

func TestApplySegmentsParallelSplit(t *testing.T) {
	// Large enough to use every worker; the result must not depend on the
	// worker count.
	cfg := model.Stories15MConfig
	var pool []*Adapter
	for i := 0; i < 4; i++ {
		a, _ := Synthetic(cfg, 16, 32, []string{"gate_proj"}, uint64(i), false)
		pool = append(pool, a)
	}
	in, out, _ := cfg.LinearShape("gate_proj")
	rng := rand.New(rand.NewPCG(3, 4))
	rows := 200
	adapters := make([]*Adapter, rows)
	for i := range adapters {
		adapters[i] = pool[rng.IntN(len(pool))]
	}
	x := randomRows(rng, rows, in)
	var ref []float32
	for _, w := range []int{1, 2, 3, 8, 0} {
		y := make([]float32, rows*out)
		ApplySegmentsAt(0, 4, x, in, y, out, segmentsOf(adapters), w)
		if ref == nil {
			ref = y
			continue
		}
		for i := range y {
			if math.Float32bits(y[i]) != math.Float32bits(ref[i]) {
				t.Fatalf("workers=%d: element %d differs", w, i)
			}
		}
	}
}

func TestApplySegmentsNoOpAndPanics(t *testing.T) {
	cfg := model.TinyConfig
	a, _ := Synthetic(cfg, 2, 2, []string{"q_proj"}, 1, false)
	x, y := make([]float32, 2*64), make([]float32, 2*64)
	for i := range x {
		x[i] = 1
	}
	ApplySegments(0, "k_proj", x, 64, y, 32*0+64, []Segment{{0, 2, a}}) // q-only adapter: k untouched
	ApplySegments(0, "q_proj", x, 64, y, 64, []Segment{{0, 2, nil}})
	for _, v := range y {
		if v != 0 {
			t.Fatal("no-op segments changed y")
		}
	}
	for name, f := range map[string]func(){
		"bad module":  func() { ApplySegments(0, "x_proj", x, 64, y, 64, nil) },
		"bad segment": func() { ApplySegments(0, "q_proj", x, 64, y, 64, []Segment{{1, 3, a}}) },
		"bad shape":   func() { ApplySegments(0, "q_proj", x, 32, y[:64], 32, []Segment{{0, 1, a}}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
