// Package receipt defines the inference receipt: the record a paichain
// inference server returns with every completion so that anyone holding the
// same model and adapters can re-execute the request on the CPU reference
// path and check the output token by token.
//
// A receipt has two forms. The JSON form (Receipt) carries everything needed
// to replay the request: prompt and output token ids, the output text, the
// sampler parameters. The ABI form (Commitment) replaces the variable-size
// payloads by keccak256 hashes; it is what a contract stores or checks, and
// the receipt hash is keccak256 of its ABI encoding.
package receipt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/ethereum/go-ethereum/crypto"
)

// Version is the receipt format version; it is the first ABI field so a
// verifier can reject formats it does not know.
const Version = 1

// Limits on decoded receipts: a receipt is untrusted input to `infer verify`
// and to the chain side, so every list is bounded.
const (
	MaxTokens      = 1 << 20 // prompt or output token ids
	MaxAdapters    = 16
	MaxStopStrings = 16
	MaxStringLen   = 1 << 16 // request id, method, engine version, stop strings
	MaxTextLen     = 16 << 20
)

// Hash is a 32-byte digest written as 0x-prefixed hex in JSON.
type Hash [32]byte

// AdapterRef is one adapter of the request with its merge weight. A request
// on a single adapter has one ref with weight 1 and an empty merge method.
type AdapterRef struct {
	Hash   Hash    `json:"hash"`
	Weight float64 `json:"weight"`
}

// Sampler is the sampling configuration the engine ran with.
type Sampler struct {
	Temperature       float32  `json:"temperature"`
	TopP              float32  `json:"top_p"`
	TopK              int      `json:"top_k"`
	RepetitionPenalty float32  `json:"repetition_penalty"`
	Seed              uint64   `json:"seed,string"` // string: JSON numbers lose precision above 2^53 in most clients
	MaxTokens         int      `json:"max_tokens"`
	StopTokens        []int    `json:"stop_token_ids"`
	Stop              []string `json:"stop"` // text-level stop sequences, applied by the server
}

// Receipt is the full, replayable record of one completion.
type Receipt struct {
	Version        int          `json:"version"`
	RequestID      string       `json:"request_id"` // keys the engine's counter-based PRNG
	ModelHash      Hash         `json:"model_hash"`
	Adapters       []AdapterRef `json:"adapters"`
	MergeMethod    string       `json:"merge_method"` // "" unless several adapters or a weighted one are merged
	MergeSeed      uint64       `json:"merge_seed,string"`
	PromptTokenIDs []int        `json:"prompt_token_ids"`
	PromptHash     Hash         `json:"prompt_hash"`
	Sampler        Sampler      `json:"sampler"`
	EngineVersion  string       `json:"engine_version"`
	Determinism    string       `json:"determinism"`
	OutputTokenIDs []int        `json:"output_token_ids"`
	OutputHash     Hash         `json:"output_hash"`
	OutputText     string       `json:"output_text"`
	FinishReason   string       `json:"finish_reason"`
	ReceiptHash    Hash         `json:"receipt_hash"`
}

// TokenHash commits to a token id sequence: keccak256 over the ids as
// big-endian uint32s, concatenated.
func TokenHash(ids []int) Hash {
	buf := make([]byte, 4*len(ids))
	for i, id := range ids {
		binary.BigEndian.PutUint32(buf[4*i:], uint32(id))
	}
	return Hash(crypto.Keccak256Hash(buf))
}

// TextHash commits to the output text: keccak256 of its UTF-8 bytes.
func TextHash(s string) Hash { return Hash(crypto.Keccak256Hash([]byte(s))) }

// Seal fills the derived fields (version, prompt/output hashes, receipt
// hash) from the payload. Call it once the receipt is complete.
func (r *Receipt) Seal() error {
	r.Version = Version
	// Empty lists marshal as [] rather than null.
	for _, l := range []*[]int{&r.PromptTokenIDs, &r.OutputTokenIDs, &r.Sampler.StopTokens} {
		if *l == nil {
			*l = []int{}
		}
	}
	if r.Adapters == nil {
		r.Adapters = []AdapterRef{}
	}
	if r.Sampler.Stop == nil {
		r.Sampler.Stop = []string{}
	}
	r.PromptHash = TokenHash(r.PromptTokenIDs)
	r.OutputHash = TokenHash(r.OutputTokenIDs)
	r.ReceiptHash = Hash{}
	if err := r.check(); err != nil {
		return err
	}
	h, err := r.Commitment().Hash()
	if err != nil {
		return err
	}
	r.ReceiptHash = h
	return nil
}

// Validate checks a decoded receipt: Check, then VerifyHashes.
func (r *Receipt) Validate() error {
	if err := r.Check(); err != nil {
		return err
	}
	return r.VerifyHashes()
}

// Check checks the version, bounds and ranges of a receipt, but not its
// hashes: a receipt that passes can be replayed.
func (r *Receipt) Check() error {
	if r.Version != Version {
		return fmt.Errorf("receipt: unsupported version %d (want %d)", r.Version, Version)
	}
	return r.check()
}

// VerifyHashes checks that every derived hash matches the payload it
// commits to (prompt_hash, output_hash, receipt_hash).
func (r *Receipt) VerifyHashes() error {
	if got := TokenHash(r.PromptTokenIDs); got != r.PromptHash {
		return fmt.Errorf("receipt: prompt_hash %s does not match prompt_token_ids (%s)", r.PromptHash, got)
	}
	if got := TokenHash(r.OutputTokenIDs); got != r.OutputHash {
		return fmt.Errorf("receipt: output_hash %s does not match output_token_ids (%s)", r.OutputHash, got)
	}
	h, err := r.Commitment().Hash()
	if err != nil {
		return err
	}
	if h != r.ReceiptHash {
		return fmt.Errorf("receipt: receipt_hash %s does not match contents (%s)", r.ReceiptHash, h)
	}
	return nil
}

func (r *Receipt) check() error {
	switch {
	case len(r.RequestID) == 0:
		return errors.New("receipt: empty request_id")
	case len(r.RequestID) > MaxStringLen, len(r.MergeMethod) > MaxStringLen,
		len(r.EngineVersion) > MaxStringLen, len(r.Determinism) > MaxStringLen, len(r.FinishReason) > MaxStringLen:
		return errors.New("receipt: string field too long")
	case len(r.OutputText) > MaxTextLen:
		return errors.New("receipt: output_text too long")
	case len(r.PromptTokenIDs) == 0:
		return errors.New("receipt: empty prompt_token_ids")
	case len(r.PromptTokenIDs) > MaxTokens || len(r.OutputTokenIDs) > MaxTokens:
		return errors.New("receipt: too many token ids")
	case len(r.Adapters) > MaxAdapters:
		return fmt.Errorf("receipt: %d adapters (max %d)", len(r.Adapters), MaxAdapters)
	case len(r.Sampler.Stop) > MaxStopStrings:
		return fmt.Errorf("receipt: %d stop strings (max %d)", len(r.Sampler.Stop), MaxStopStrings)
	case len(r.Sampler.StopTokens) > MaxTokens:
		return errors.New("receipt: too many stop token ids")
	}
	for _, ids := range [][]int{r.PromptTokenIDs, r.OutputTokenIDs, r.Sampler.StopTokens} {
		for _, id := range ids {
			if id < 0 || id > math.MaxUint32 {
				return fmt.Errorf("receipt: token id %d out of range", id)
			}
		}
	}
	for _, s := range r.Sampler.Stop {
		if len(s) == 0 || len(s) > MaxStringLen {
			return errors.New("receipt: empty or oversized stop string")
		}
	}
	for i, a := range r.Adapters {
		if math.IsNaN(a.Weight) || math.IsInf(a.Weight, 0) {
			return fmt.Errorf("receipt: adapter %d weight is not finite", i)
		}
		if slices.ContainsFunc(r.Adapters[:i], func(b AdapterRef) bool { return b.Hash == a.Hash }) {
			return fmt.Errorf("receipt: adapter %s listed twice", a.Hash)
		}
	}
	if len(r.Adapters) == 0 && r.MergeMethod != "" {
		return errors.New("receipt: merge_method without adapters")
	}
	s := r.Sampler
	for name, v := range map[string]float32{"temperature": s.Temperature, "top_p": s.TopP, "repetition_penalty": s.RepetitionPenalty} {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) || v < 0 {
			return fmt.Errorf("receipt: sampler %s %v out of range", name, v)
		}
	}
	if s.TopK < 0 || s.TopK > math.MaxUint32 || s.MaxTokens < 0 || s.MaxTokens > math.MaxUint32 {
		return errors.New("receipt: sampler top_k or max_tokens out of range")
	}
	return nil
}

// Divergence is the outcome of comparing a replayed output with a receipt.
// Index is the first differing position; Expected/Got are the token ids
// there, -1 where that sequence had already ended.
type Divergence struct {
	Match    bool
	Index    int
	Expected int
	Got      int
}

func (d Divergence) String() string {
	if d.Match {
		return "match"
	}
	tok := func(id int) string {
		if id < 0 {
			return "<end>"
		}
		return fmt.Sprint(id)
	}
	return fmt.Sprintf("diverged at token %d: expected %s, got %s", d.Index, tok(d.Expected), tok(d.Got))
}

// Compare reports the first position where got differs from expected.
func Compare(expected, got []int) Divergence {
	n := min(len(expected), len(got))
	for i := range n {
		if expected[i] != got[i] {
			return Divergence{Index: i, Expected: expected[i], Got: got[i]}
		}
	}
	switch {
	case len(expected) > n:
		return Divergence{Index: n, Expected: expected[n], Got: -1}
	case len(got) > n:
		return Divergence{Index: n, Expected: -1, Got: got[n]}
	}
	return Divergence{Match: true, Index: -1, Expected: -1, Got: -1}
}
