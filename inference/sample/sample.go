// Package sample picks the next token from logits: greedy, temperature,
// top-k, top-p and repetition penalty, drawing randomness from a
// counter-based PRNG keyed by (seed, request id, position) so a seeded request
// samples the same tokens no matter how it is batched or scheduled.
package sample

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Params are a request's sampling parameters.
type Params struct {
	Temperature       float32 // 0 => greedy (argmax, lowest id wins ties)
	TopK              int     // 0 => off
	TopP              float32 // 0 or 1 => off
	RepetitionPenalty float32 // 0 or 1 => off; >1 discourages repeats (HF/CTRL rule)
	Seed              uint64
	// MaxTokens caps generated tokens; 0 means "up to the context length".
	MaxTokens int
	// StopTokens end generation when sampled. The stop token itself is not
	// emitted as output: the engine reports it on the final event only.
	StopTokens []int
}

// Limits on parameters, to reject absurd requests early.
const (
	MaxTemperature = 100
	MaxPenalty     = 100
)

// ErrInvalid wraps every Params validation failure.
var ErrInvalid = errors.New("sample: invalid parameters")

// Validate checks p for a vocabulary of the given size.
func (p Params) Validate(vocab int) error {
	t := float64(p.Temperature)
	switch {
	case math.IsNaN(t) || t < 0 || t > MaxTemperature:
		return fmt.Errorf("%w: temperature %v must be in [0, %d]", ErrInvalid, p.Temperature, MaxTemperature)
	case p.TopK < 0:
		return fmt.Errorf("%w: top_k %d is negative", ErrInvalid, p.TopK)
	case math.IsNaN(float64(p.TopP)) || p.TopP < 0 || p.TopP > 1:
		return fmt.Errorf("%w: top_p %v must be in [0, 1]", ErrInvalid, p.TopP)
	case math.IsNaN(float64(p.RepetitionPenalty)) || p.RepetitionPenalty < 0 || p.RepetitionPenalty > MaxPenalty:
		return fmt.Errorf("%w: repetition_penalty %v must be in [0, %d]", ErrInvalid, p.RepetitionPenalty, MaxPenalty)
	case p.MaxTokens < 0:
		return fmt.Errorf("%w: max_tokens %d is negative", ErrInvalid, p.MaxTokens)
	}
	for _, s := range p.StopTokens {
		if s < 0 || s >= vocab {
			return fmt.Errorf("%w: stop token %d outside vocabulary of %d", ErrInvalid, s, vocab)
		}
	}
	return nil
}

// IsStop reports whether tok is one of p's stop tokens.
func (p Params) IsStop(tok int) bool {
	for _, s := range p.StopTokens {
		if s == tok {
			return true
		}
	}
	return false
}

// Greedy reports whether p always picks the argmax.
func (p Params) Greedy() bool { return p.Temperature == 0 || p.TopK == 1 }

// Sampler holds scratch space; one per goroutine. The zero value is ready.
type Sampler struct {
	idx   []int
	probs []float64
	seen  map[int]struct{}
}

// Sample picks the next token from logits (which it may modify: the
// repetition penalty is applied in place). history is the request's prompt and
// generated tokens so far (for the penalty); requestID and position key the
// PRNG — position is the index in the sequence of the token being sampled.
//
// Order of operations: repetition penalty, then greedy argmax or
// temperature scaling, top-k, softmax (float64, fixed order), top-p, and an
// inverse-CDF draw with Uniform(seed, requestID, position).
func (s *Sampler) Sample(logits []float32, p Params, history []int, requestID string, position int) int {
	if p.RepetitionPenalty > 0 && p.RepetitionPenalty != 1 && len(history) > 0 {
		if s.seen == nil {
			s.seen = map[int]struct{}{}
		}
		clear(s.seen)
		pen := p.RepetitionPenalty
		for _, t := range history {
			if t < 0 || t >= len(logits) {
				continue
			}
			if _, ok := s.seen[t]; ok {
				continue
			}
			s.seen[t] = struct{}{}
			if logits[t] > 0 {
				logits[t] /= pen
			} else {
				logits[t] *= pen
			}
		}
	}
	if p.Greedy() {
		return Argmax(logits)
	}
	// Candidates sorted by logit descending, ties by lower id: a total order,
	// so the result never depends on sort stability.
	if cap(s.idx) < len(logits) {
		s.idx = make([]int, len(logits))
		s.probs = make([]float64, len(logits))
	}
	idx := s.idx[:len(logits)]
	for i := range idx {
		idx[i] = i
	}
	less := func(a, b int) bool {
		if logits[a] != logits[b] {
			return logits[a] > logits[b]
		}
		return a < b
	}
	// A full sort (not partial selection) keeps this obviously deterministic;
	// it costs ~10 ms on a 128k vocabulary, only for non-greedy requests.
	sort.Slice(idx, func(i, j int) bool { return less(idx[i], idx[j]) })
	n := len(idx)
	if p.TopK > 0 && p.TopK < n {
		n = p.TopK
	}
	idx = idx[:n]
	probs := s.probs[:n]
	inv := 1 / float64(p.Temperature)
	maxL := float64(logits[idx[0]])
	var sum float64
	for i, t := range idx {
		e := math.Exp((float64(logits[t]) - maxL) * inv)
		probs[i] = e
		sum += e
	}
	if p.TopP > 0 && p.TopP < 1 {
		// Keep the smallest prefix whose mass reaches top_p (at least one).
		var cum float64
		cut := n
		for i := range probs {
			cum += probs[i] / sum
			if cum >= float64(p.TopP) {
				cut = i + 1
				break
			}
		}
		idx, probs = idx[:cut], probs[:cut]
		sum = 0
		for _, v := range probs {
			sum += v
		}
	}
	u := Uniform(p.Seed, requestID, position) * sum
	var cum float64
	for i, v := range probs {
		cum += v
		if u < cum {
			return idx[i]
		}
	}
	return idx[len(idx)-1]
}

// Argmax returns the index of the largest value, the lowest index on ties.
// NaNs never win.
func Argmax(v []float32) int {
	best := 0
	for i := 1; i < len(v); i++ {
		if v[i] > v[best] || (v[best] != v[best] && v[i] == v[i]) {
			best = i
		}
	}
	return best
}

// SplitMix64 is the SplitMix64 finalizer (Steele, Lea, Flood 2014).
func SplitMix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// Uniform returns a deterministic float64 in [0, 1) keyed by (seed, request
// id, position):
//
//	k = SplitMix64(seed + γ) ^ FNV-1a-64(requestID)
//	x = SplitMix64(SplitMix64(k) + γ·(position+1))
//	u = (x >> 11) · 2⁻⁵³
//
// with γ = 0x9e3779b97f4a7c15. It is a pure function: no generator state
// exists, so scheduling cannot change a request's random stream.
func Uniform(seed uint64, requestID string, position int) float64 {
	const gamma = 0x9e3779b97f4a7c15
	h := uint64(14695981039346656037)
	for i := 0; i < len(requestID); i++ {
		h = (h ^ uint64(requestID[i])) * 1099511628211
	}
	k := SplitMix64(seed+gamma) ^ h
	x := SplitMix64(SplitMix64(k) + gamma*uint64(position+1))
	return float64(x>>11) * (1.0 / (1 << 53))
}
