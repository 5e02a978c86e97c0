package server

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/lora"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/inference/tokenizer"
)

// Verification is the outcome of replaying a receipt.
type Verification struct {
	receipt.Divergence
	// Replayed are the tokens the replay produced (up to the receipt's
	// length plus one, where the receipt's end is checkable).
	Replayed []int
	// TextMismatch is set when the tokens match but the receipt's output
	// text is not what they decode to.
	TextMismatch bool
	// Integrity is the receipt's own hash check (nil if its hashes match
	// its payload): an edited receipt is replayed anyway, to show where it
	// diverges, but never verifies.
	Integrity error
}

// OK reports a full match of an intact receipt.
func (v Verification) OK() bool { return v.Match && !v.TextMismatch && v.Integrity == nil }

func (v Verification) String() string {
	s := v.Divergence.String()
	if v.Match && v.TextMismatch {
		s = "tokens match, but output_text is not their decoding"
	}
	if v.Integrity != nil {
		s += "; receipt integrity: " + v.Integrity.Error()
	}
	return s
}

// VerifyReceipt re-executes a receipt's request on eng (the CPU reference
// path) with the same request id, seed and sampler, and compares the output
// tokens. The adapters come from store (nil when the receipt has none); a
// merged adapter is rebuilt with the receipt's method, weights and seed.
//
// A generation that ended on a stop token or at max_tokens must end at the
// same place on replay; one cut by a text stop sequence is compared over the
// receipt's tokens only (the engine would have gone on).
func VerifyReceipt(ctx context.Context, eng *engine.Engine, tok tokenizer.Tokenizer, store *adapters.Store, rc *receipt.Receipt) (Verification, error) {
	if err := rc.Check(); err != nil {
		return Verification{}, err
	}
	m := eng.Model()
	if rc.ModelHash != m.Hash {
		return Verification{}, fmt.Errorf("verify: receipt is for model %s, loaded model is %s", rc.ModelHash, receipt.Hash(m.Hash))
	}
	if rc.Determinism != Determinism {
		return Verification{}, fmt.Errorf("verify: receipt determinism profile %q, this engine provides %q", rc.Determinism, Determinism)
	}
	var adapter *lora.Adapter
	switch {
	case len(rc.Adapters) == 0:
	case store == nil:
		return Verification{}, errors.New("verify: the receipt uses adapters; pass --adapters")
	case rc.MergeMethod == "" && len(rc.Adapters) == 1 && rc.Adapters[0].Weight == 1:
		a, release, err := store.Acquire(ctx, rc.Adapters[0].Hash)
		if err != nil {
			return Verification{}, fmt.Errorf("verify: adapter %s: %w", rc.Adapters[0].Hash, err)
		}
		defer release()
		adapter = a
	case rc.MergeMethod == "":
		return Verification{}, errors.New("verify: weighted or multiple adapters without a merge method")
	default:
		a, err := buildMerged(ctx, nil, store, rc.MergeMethod, rc.Adapters, rc.MergeSeed)
		if err != nil {
			return Verification{}, fmt.Errorf("verify: %w", err)
		}
		adapter = a
	}
	s := rc.Sampler
	req := &engine.Request{
		ID:      rc.RequestID,
		Prompt:  rc.PromptTokenIDs,
		Adapter: adapter,
		Params: sample.Params{
			Temperature: s.Temperature, TopK: s.TopK, TopP: s.TopP, RepetitionPenalty: s.RepetitionPenalty,
			Seed: s.Seed, MaxTokens: s.MaxTokens, StopTokens: s.StopTokens,
		},
	}
	// The server cut the text at the first stop sequence, if any occurred.
	wantText := tok.Decode(rc.OutputTokenIDs)
	cut := -1
	for _, st := range s.Stop {
		if i := strings.Index(wantText, st); i >= 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	cutByText := cut >= 0
	if cutByText {
		wantText = wantText[:cut]
	}
	want := len(rc.OutputTokenIDs)
	if !cutByText {
		want++ // also check that the replay ends where the receipt does
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, err := eng.Submit(ctx, req)
	if err != nil {
		return Verification{}, fmt.Errorf("verify: replay: %w", err)
	}
	var got []int
	for ev := range ch {
		if ev.Done {
			if ev.FinishReason == engine.FinishError {
				return Verification{}, fmt.Errorf("verify: replay failed: %w", ev.Err)
			}
			break
		}
		got = append(got, ev.Token)
		if len(got) >= want {
			cancel()
			break
		}
	}
	v := Verification{Divergence: receipt.Compare(rc.OutputTokenIDs, got), Replayed: got, Integrity: rc.VerifyHashes()}
	v.TextMismatch = v.Match && wantText != rc.OutputText
	return v, nil
}
