package server

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paichain/paichain/inference/lora"
)

// ModelSpec is a parsed `model` field:
//
//	base | <served-name>                      the base model
//	adapter:<ref>                             one adapter, as trained
//	adapter:<ref>*<w>+adapter:<ref>*<w>...    a weighted merge (default linear)
//	...@linear | @ties | @dare | @dare_ties   merge method suffix
//
// <ref> is anything the adapter store resolves: a hash in hex (64 digits,
// optionally 0x-prefixed), "id:<n>" (an on-chain adapter id) or a name.
// Names used in merges cannot contain '+', '*' or '@'.
type ModelSpec struct {
	Terms  []SpecTerm // empty for the base model
	Method string     // lora.Merge method; "" for the base model or one unweighted adapter
}

// SpecTerm is one adapter of a ModelSpec.
type SpecTerm struct {
	Ref    string
	Weight float64
}

// MaxMergeTerms bounds the adapters of one merged request.
const MaxMergeTerms = 8

// maxMergeWeight bounds |weight|; larger values are surely mistakes.
const maxMergeWeight = 16

var mergeMethods = map[string]string{
	"linear":      lora.MergeLinear,
	"ties":        lora.MergeTIES,
	"dare":        lora.MergeDARELinear,
	"dare_linear": lora.MergeDARELinear,
	"dare_ties":   lora.MergeDARETIES,
}

const adapterPrefix = "adapter:"

// ParseModelSpec parses the model field; served is the base model's name.
func ParseModelSpec(s, served string) (ModelSpec, error) {
	if s == "base" || s == served {
		return ModelSpec{}, nil
	}
	if !strings.HasPrefix(s, adapterPrefix) {
		return ModelSpec{}, fmt.Errorf("unknown model %q: use %q (or \"base\"), \"adapter:<hash|id:<n>|name>\" or a merge like \"adapter:a*0.7+adapter:b*0.3@ties\"", s, served)
	}
	var spec ModelSpec
	body := s
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		m, ok := mergeMethods[s[i+1:]]
		if !ok {
			return ModelSpec{}, fmt.Errorf("unknown merge method %q (linear, ties, dare, dare_ties)", s[i+1:])
		}
		spec.Method, body = m, s[:i]
	}
	weighted := false
	for t := range strings.SplitSeq(body, "+") {
		ref, ok := strings.CutPrefix(t, adapterPrefix)
		if !ok {
			return ModelSpec{}, fmt.Errorf("merge term %q does not start with %q", t, adapterPrefix)
		}
		w := 1.0
		if i := strings.LastIndexByte(ref, '*'); i >= 0 {
			var err error
			if w, err = strconv.ParseFloat(ref[i+1:], 64); err != nil {
				return ModelSpec{}, fmt.Errorf("merge term %q: bad weight %q", t, ref[i+1:])
			}
			if math.IsNaN(w) || w == 0 || math.Abs(w) > maxMergeWeight {
				return ModelSpec{}, fmt.Errorf("merge term %q: weight must be non-zero and within ±%d", t, maxMergeWeight)
			}
			ref, weighted = ref[:i], true
		}
		if ref == "" {
			return ModelSpec{}, fmt.Errorf("merge term %q: empty adapter reference", t)
		}
		spec.Terms = append(spec.Terms, SpecTerm{Ref: ref, Weight: w})
		if len(spec.Terms) > MaxMergeTerms {
			return ModelSpec{}, fmt.Errorf("at most %d adapters per merge", MaxMergeTerms)
		}
	}
	if spec.Method == "" && (len(spec.Terms) > 1 || weighted) {
		spec.Method = lora.MergeLinear
	}
	return spec, nil
}
