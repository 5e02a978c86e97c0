package intmath

import (
	"math"
	"testing"
)

func TestLog2Q16(t *testing.T) {
	for _, tc := range []struct{ x, want uint64 }{
		{1, 0}, {2, 1 << 16}, {4, 2 << 16}, {1 << 40, 40 << 16}, {3, 103872}, {10, 217705},
	} {
		if got := Log2Q16(tc.x); got != tc.want {
			t.Errorf("Log2Q16(%d) = %d, want %d", tc.x, got, tc.want)
		}
	}
	// Within one unit in the last place of the real logarithm, never above it.
	for x := uint64(1); x < 200000; x += 7 {
		got := Log2Q16(x)
		real := math.Log2(float64(x)) * 65536
		if float64(got) > real+1e-6 || float64(got) < real-1.0001 {
			t.Fatalf("Log2Q16(%d) = %d, real %.3f", x, got, real)
		}
	}
	if got := Log2Q16(math.MaxUint64); got != 63<<16|0xffff {
		t.Fatalf("Log2Q16(max) = %d", got)
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct {
		scores []uint64
		total  uint64
		want   []uint64
	}{
		{[]uint64{1, 1, 1}, 10, []uint64{4, 3, 3}},
		{[]uint64{0, 0}, 10, []uint64{0, 0}},
		{[]uint64{2, 1}, 1_000_000, []uint64{666667, 333333}},
		{[]uint64{1, 2}, 1_000_000, []uint64{333333, 666667}},
		{[]uint64{5}, 1_000_000, []uint64{1_000_000}},
		{nil, 1_000_000, []uint64{}},
	} {
		got := Normalize(tc.scores, tc.total)
		if len(got) != len(tc.want) {
			t.Fatalf("Normalize(%v) = %v", tc.scores, got)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Fatalf("Normalize(%v, %d) = %v, want %v", tc.scores, tc.total, got, tc.want)
			}
		}
	}
}
