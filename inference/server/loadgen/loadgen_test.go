package loadgen

import (
	"context"
	"testing"
)

func TestSummarize(t *testing.T) {
	v := make([]float64, 100)
	for i := range v {
		v[i] = float64(100 - i) // unsorted input
	}
	s := summarize(v)
	if s.N != 100 || s.P50 != 51 || s.P99 != 100 || s.Max != 100 || s.Mean != 50.5 {
		t.Fatalf("%+v", s)
	}
	if (summarize(nil) != Summary{}) {
		t.Fatal("empty summary")
	}
}

func TestPeakRSS(t *testing.T) {
	if PeakRSS() <= 0 {
		t.Skip("no /proc/self/status")
	}
}

func TestRunRejectsBadConfig(t *testing.T) {
	if _, err := Run(context.Background(), Config{URL: "http://127.0.0.1:1"}); err == nil {
		t.Fatal("accepted a config without clients")
	}
}
