package sequencer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/precompiles/inferencetx"
)

// Limits of the sidecar's model field (inference/server ModelSpec).
const (
	maxMergeTerms  = 8
	maxMergeWeight = 16
	maxRespBytes   = 8 << 20
)

// completionRequest is the body of POST /v1/completions for one request.
type completionRequest struct {
	Model             string  `json:"model"`
	Prompt            string  `json:"prompt"`
	MaxTokens         int     `json:"max_tokens"`
	Temperature       float64 `json:"temperature"`
	TopP              float64 `json:"top_p"`
	TopK              int     `json:"top_k"`
	RepetitionPenalty float64 `json:"repetition_penalty"`
	Seed              uint64  `json:"seed"`
	RequestID         string  `json:"request_id"`
}

// sidecarRequest maps a request to the sidecar's API: the model field names
// the base model ("base") or the registry's adapter hashes with their merge
// weights ("adapter:<hash>*<w>+..."; a single adapter at weight 1 is
// "adapter:<hash>"); the sampler fields are the engine's float32 values,
// which survive the trip through float64 exactly.
func sidecarRequest(r *request) (completionRequest, error) {
	req, err := inferencetx.EngineRequest(r.ID, r.Input)
	if err != nil {
		return completionRequest{}, err
	}
	if err := checkPrompt(req.Prompt); err != nil {
		return completionRequest{}, err
	}
	if req.Sampler.MaxTokens == 0 {
		return completionRequest{}, errors.New("params.maxTokens is 0: the sidecar needs a bound")
	}
	if len(req.Weights) != len(r.AdapterHashes) {
		return completionRequest{}, errors.New("adapters not resolved")
	}
	model := "base"
	if len(req.Weights) > maxMergeTerms {
		return completionRequest{}, fmt.Errorf("%d adapters: the sidecar merges at most %d", len(req.Weights), maxMergeTerms)
	}
	var terms []string
	for i, w := range req.Weights {
		if w == 0 || w > maxMergeWeight {
			return completionRequest{}, fmt.Errorf("adapter weight %g outside (0, %d]", w, maxMergeWeight)
		}
		t := "adapter:" + strings.TrimPrefix(r.AdapterHashes[i].Hex(), "0x")
		if len(req.Weights) > 1 || w != 1 {
			t += "*" + strconv.FormatFloat(w, 'g', -1, 64)
		}
		terms = append(terms, t)
	}
	if len(terms) > 0 {
		model = strings.Join(terms, "+")
	}
	s := req.Sampler
	return completionRequest{
		Model: model, Prompt: string(req.Prompt), MaxTokens: s.MaxTokens,
		Temperature: float64(s.Temperature), TopP: float64(s.TopP), TopK: s.TopK,
		RepetitionPenalty: float64(s.RepetitionPenalty), Seed: s.Seed, RequestID: r.ID.Hex(),
	}, nil
}

// permanentError is a sidecar answer that retrying cannot change (a 4xx
// other than 429, or a receipt the chain would not accept).
type permanentError struct{ msg string }

func (e *permanentError) Error() string { return e.msg }

func permanent(format string, args ...any) error {
	return &permanentError{msg: fmt.Sprintf(format, args...)}
}

// sidecar is the client of the inference server.
type sidecar struct {
	base   string
	client *http.Client

	mu        sync.Mutex
	modelHash *common.Hash // served base model, from /health
}

func newSidecar(base string, client *http.Client) *sidecar {
	return &sidecar{base: base, client: client}
}

// served returns the weights hash of the sidecar's base model.
func (c *sidecar) served(ctx context.Context) (common.Hash, error) {
	c.mu.Lock()
	if h := c.modelHash; h != nil {
		c.mu.Unlock()
		return *h, nil
	}
	c.mu.Unlock()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/health", nil)
	if err != nil {
		return common.Hash{}, permanent("sidecar URL: %v", err)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return common.Hash{}, fmt.Errorf("sidecar health: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRespBytes))
	if err != nil || resp.StatusCode != http.StatusOK {
		return common.Hash{}, fmt.Errorf("sidecar health: status %d: %v", resp.StatusCode, err)
	}
	var h struct {
		ModelHash string `json:"model_hash"`
	}
	if err := json.Unmarshal(body, &h); err != nil || len(strings.TrimPrefix(h.ModelHash, "0x")) != 64 {
		return common.Hash{}, fmt.Errorf("sidecar health: no model_hash in %.200q", body)
	}
	mh := common.HexToHash(h.ModelHash)
	c.mu.Lock()
	c.modelHash = &mh
	c.mu.Unlock()
	return mh, nil
}

func (c *sidecar) forget() {
	c.mu.Lock()
	c.modelHash = nil
	c.mu.Unlock()
}

// result is a completed inference, ready for the receipt transaction.
type result struct {
	receipt      *receipt.Receipt
	contributors []common.Address
	weights      []*big.Int
}

// complete runs one request. Errors are transient (connection, 429, 5xx)
// unless they are *permanentError.
func (c *sidecar) complete(ctx context.Context, r *request) (*result, error) {
	served, err := c.served(ctx)
	if err != nil {
		return nil, err
	}
	if served != r.ModelHash {
		return nil, permanent("model %s (weights %s) is not served by the sidecar (it serves %s)", r.ModelID, r.ModelHash, served)
	}
	body, err := sidecarRequest(r)
	if err != nil {
		return nil, permanent("%v", err)
	}
	b, err := json.Marshal(body)
	if err != nil {
		return nil, permanent("encode request: %v", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/completions", bytes.NewReader(b))
	if err != nil {
		return nil, permanent("sidecar URL: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.client.Do(req)
	if err != nil {
		c.forget() // it may come back serving another model
		return nil, fmt.Errorf("sidecar: %w", err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, maxRespBytes))
	if err != nil {
		return nil, fmt.Errorf("sidecar: reading response: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		msg := apiMessage(out)
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			return nil, fmt.Errorf("sidecar: status %d: %s", resp.StatusCode, msg)
		}
		return nil, permanent("sidecar refused the request (%d): %s", resp.StatusCode, msg)
	}
	return parseCompletion(out, r, body)
}

func apiMessage(body []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		return e.Error.Message
	}
	return fmt.Sprintf("%.200q", body)
}

// completionResponse is the part of the sidecar's answer the receipt needs.
// attribution is optional: without it the output credits no data
// contributors.
type completionResponse struct {
	Receipt     json.RawMessage `json:"receipt"`
	Attribution *struct {
		ReceiptHash  *common.Hash `json:"receipt_hash"`
		Contributors []struct {
			Address common.Address `json:"address"`
			Weight  string         `json:"weight"`
		} `json:"contributors"`
	} `json:"attribution"`
}

// parseCompletion checks the sidecar's receipt against the request (the
// chain checks the same: a mismatch would only waste a block slot) and
// reads the attribution.
func parseCompletion(body []byte, r *request, sent completionRequest) (*result, error) {
	var resp completionResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, permanent("sidecar response: %v", err)
	}
	if len(resp.Receipt) == 0 {
		return nil, permanent("sidecar response has no receipt")
	}
	rc, err := receipt.ParseJSON(resp.Receipt)
	if err != nil {
		return nil, permanent("sidecar receipt: %v", err)
	}
	s := rc.Sampler
	switch {
	case rc.RequestID != r.ID.Hex():
		return nil, permanent("sidecar receipt is for request %q", rc.RequestID)
	case common.Hash(rc.ModelHash) != r.ModelHash:
		return nil, permanent("sidecar ran model %s, not %s", common.Hash(rc.ModelHash), r.ModelHash)
	case len(rc.Adapters) != len(r.AdapterHashes):
		return nil, permanent("sidecar ran %d adapters, not %d", len(rc.Adapters), len(r.AdapterHashes))
	case float64(s.Temperature) != sent.Temperature || float64(s.TopP) != sent.TopP || s.TopK != sent.TopK ||
		float64(s.RepetitionPenalty) != sent.RepetitionPenalty || s.Seed != sent.Seed || s.MaxTokens != sent.MaxTokens:
		return nil, permanent("sidecar ran other sampler settings (%+v)", s)
	case len(rc.OutputText) > precompiles.MaxInferenceOutput || len(rc.OutputTokenIDs) > precompiles.MaxOutputTokenIDs:
		return nil, permanent("output of %d bytes / %d tokens exceeds what a receipt carries (%d / %d)",
			len(rc.OutputText), len(rc.OutputTokenIDs), precompiles.MaxInferenceOutput, precompiles.MaxOutputTokenIDs)
	}
	for i, a := range rc.Adapters {
		if common.Hash(a.Hash) != r.AdapterHashes[i] {
			return nil, permanent("sidecar ran adapter %s, not %s", common.Hash(a.Hash), r.AdapterHashes[i])
		}
	}
	res := &result{receipt: rc}
	if att := resp.Attribution; att != nil {
		if att.ReceiptHash != nil && *att.ReceiptHash != (common.Hash{}) && *att.ReceiptHash != common.Hash(rc.ReceiptHash) {
			return nil, permanent("attribution is for receipt %s, not %s", *att.ReceiptHash, common.Hash(rc.ReceiptHash))
		}
		if n := len(att.Contributors); n > maxContributors {
			return nil, permanent("attribution lists %d contributors (max %d)", n, maxContributors)
		}
		for _, c := range att.Contributors {
			w, ok := new(big.Int).SetString(c.Weight, 10)
			if !ok || w.Sign() < 0 || w.BitLen() > 96 {
				return nil, permanent("attribution weight %q of %s is not a decimal below 2^96", c.Weight, c.Address)
			}
			if c.Address == (common.Address{}) || isPrecompile(c.Address) {
				return nil, permanent("attribution credits %s, which can never claim", c.Address)
			}
			if w.Sign() == 0 {
				continue // earns nothing; the chain rejects all-zero weights
			}
			res.contributors = append(res.contributors, c.Address)
			res.weights = append(res.weights, w)
		}
	}
	return res, nil
}

func isPrecompile(a common.Address) bool {
	for _, p := range precompiles.Addresses() {
		if a == p {
			return true
		}
	}
	return false
}

// maxContributors is the precompile's limit on a receipt's contributors.
const maxContributors = 64
