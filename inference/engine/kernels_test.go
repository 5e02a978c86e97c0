package engine

import (
	"math"
	"testing"
)

// TestKernelsMatchScalar checks dot and dot4 (vector or portable, whichever
// this build uses) return exactly dotScalar's bits for every length
// (including tails) and for awkward values.
func TestKernelsMatchScalar(t *testing.T) {
	t.Logf("SIMD kernels: %v", SIMD)
	r := uint64(1)
	rnd := func() float32 {
		r = r*6364136223846793005 + 1442695040888963407
		return float32(int64(r>>33)-(1<<30)) / (1 << 28)
	}
	for n := 0; n <= 70; n++ {
		x := make([]float32, n)
		ws := make([][]float32, 4)
		for i := range x {
			x[i] = rnd()
		}
		for k := range ws {
			ws[k] = make([]float32, n)
			for i := range ws[k] {
				ws[k][i] = rnd() * float32(math.Pow(10, float64(k-2)))
			}
		}
		d0, d1, d2, d3 := dot4(x, ws[0], ws[1], ws[2], ws[3])
		for k, d := range []float32{d0, d1, d2, d3} {
			want := dotScalar(x, ws[k])
			if math.Float32bits(d) != math.Float32bits(want) || math.Float32bits(dot(x, ws[k])) != math.Float32bits(want) {
				t.Fatalf("n=%d row %d: dot4 %v dot %v, scalar %v", n, k, d, dot(x, ws[k]), want)
			}
		}
	}
}

func TestWsum8MatchesScalar(t *testing.T) {
	V := make([]float32, 40*12)
	p := make([]float32, 40)
	for i := range V {
		V[i] = float32(math.Sin(float64(i))) * 3
	}
	for i := range p {
		p[i] = float32(math.Cos(float64(i*i))) / 7
	}
	for n := 0; n <= 40; n++ {
		var a, b [8]float32
		a[3], b[3] = 0.25, 0.25
		wsum8(&a, p[:n], V, 2, 12)
		wsum8Scalar(&b, p[:n], V, 2, 12)
		for k := range a {
			if math.Float32bits(a[k]) != math.Float32bits(b[k]) {
				t.Fatalf("n=%d lane %d: %v vs scalar %v", n, k, a[k], b[k])
			}
		}
	}
}

func TestExpf(t *testing.T) {
	worst := 0.0
	for x := float32(0); x > -87; x -= 0.000731 {
		got, want := float64(expf(x)), math.Exp(float64(x))
		ulp := float64(math.Nextafter32(float32(want), 1) - float32(want))
		if d := math.Abs(got-want) / ulp; d > worst {
			worst = d
		}
	}
	if worst > 2 {
		t.Fatalf("expf error %.2f ulp", worst)
	}
	if expf(-100) != 0 || expf(0) != 1 {
		t.Fatal("expf edge cases")
	}
	t.Logf("expf max error %.2f ulp", worst)
}

func BenchmarkExpf(b *testing.B) {
	var s float32
	for i := 0; i < b.N; i++ {
		s += expf(-float32(i&1023) * 0.01)
	}
	if s < 0 {
		b.Fatal(s)
	}
}
