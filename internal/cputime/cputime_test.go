package cputime

import "testing"

func TestProcessGrowsWithWork(t *testing.T) {
	before := Process()
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i ^ (x >> 3)
	}
	if x == 42 {
		t.Log(x) // keep the loop
	}
	if after := Process(); after <= before {
		t.Fatalf("CPU time did not grow: before %v, after %v", before, after)
	}
}
