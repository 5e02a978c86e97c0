package sample

import (
	"errors"
	"math"
	"testing"
)

func TestValidate(t *testing.T) {
	ok := []Params{{}, {Temperature: 0.7, TopK: 50, TopP: 0.9, RepetitionPenalty: 1.2, MaxTokens: 10, StopTokens: []int{0, 9}}}
	for _, p := range ok {
		if err := p.Validate(10); err != nil {
			t.Errorf("%+v: %v", p, err)
		}
	}
	bad := []Params{
		{Temperature: -0.1}, {Temperature: float32(math.NaN())}, {Temperature: 1000},
		{TopK: -1}, {TopP: 1.5}, {TopP: -0.5}, {RepetitionPenalty: -1}, {MaxTokens: -3},
		{StopTokens: []int{10}}, {StopTokens: []int{-1}},
	}
	for _, p := range bad {
		if err := p.Validate(10); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: got %v, want ErrInvalid", p, err)
		}
	}
}

func TestGreedy(t *testing.T) {
	var s Sampler
	logits := []float32{1, 3, 3, float32(math.NaN()), 2}
	if got := s.Sample(logits, Params{}, nil, "r", 0); got != 1 {
		t.Fatalf("argmax with tie = %d, want lowest index 1", got)
	}
	if Argmax([]float32{float32(math.NaN()), -5}) != 1 {
		t.Fatal("NaN won argmax")
	}
	// Repetition penalty (HF rule): positive logits divided, negative multiplied.
	l := []float32{2.0, 1.9, -1}
	if got := s.Sample(l, Params{RepetitionPenalty: 1.5}, []int{0, 0, 2}, "r", 0); got != 1 {
		t.Fatalf("penalized argmax = %d, want 1", got)
	}
	if l[0] != 2.0/1.5 || l[2] != -1.5 {
		t.Fatalf("penalty applied wrongly: %v", l)
	}
}

func TestUniform(t *testing.T) {
	const n = 200000
	var buckets [10]int
	for i := 0; i < n; i++ {
		u := Uniform(7, "req", i)
		if u < 0 || u >= 1 {
			t.Fatalf("Uniform out of range: %v", u)
		}
		buckets[int(u*10)]++
	}
	for i, b := range buckets {
		if math.Abs(float64(b)-n/10) > 5*math.Sqrt(n/10) {
			t.Fatalf("bucket %d has %d of %d", i, b, n)
		}
	}
	if Uniform(7, "req", 3) != Uniform(7, "req", 3) {
		t.Fatal("not deterministic")
	}
	if Uniform(7, "req", 3) == Uniform(8, "req", 3) || Uniform(7, "req", 3) == Uniform(7, "reR", 3) || Uniform(7, "req", 3) == Uniform(7, "req", 4) {
		t.Fatal("key parts ignored")
	}
}

// TestDistribution: temperature sampling follows softmax(logits/T), and
// top-k / top-p never pick outside their sets.
func TestDistribution(t *testing.T) {
	var s Sampler
	logits := []float32{2, 1, 0.5, 0, -1, -3}
	const n = 60000
	counts := make([]int, len(logits))
	p := Params{Temperature: 0.8, Seed: 1}
	for i := 0; i < n; i++ {
		counts[s.Sample(append([]float32(nil), logits...), p, nil, "d", i)]++
	}
	var z float64
	for _, l := range logits {
		z += math.Exp(float64(l) / 0.8)
	}
	for i, l := range logits {
		want := math.Exp(float64(l)/0.8) / z * n
		if math.Abs(float64(counts[i])-want) > 5*math.Sqrt(want)+5 {
			t.Fatalf("token %d: %d draws, want ≈%.0f", i, counts[i], want)
		}
	}
	for i := 0; i < 5000; i++ {
		if tok := s.Sample(append([]float32(nil), logits...), Params{Temperature: 5, TopK: 2, Seed: 3}, nil, "k", i); tok > 1 {
			t.Fatalf("top-k 2 picked %d", tok)
		}
		// softmax(logits/1): p0≈.57, p1≈.21, p2≈.13 → top_p 0.7 keeps {0, 1}.
		if tok := s.Sample(append([]float32(nil), logits...), Params{Temperature: 1, TopP: 0.7, Seed: 3}, nil, "p", i); tok > 1 {
			t.Fatalf("top-p 0.7 picked %d", tok)
		}
	}
}

func TestStop(t *testing.T) {
	p := Params{StopTokens: []int{2, 7}}
	if !p.IsStop(7) || p.IsStop(3) {
		t.Fatal("IsStop")
	}
}
