package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/poa"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/inference/receipt"
	"github.com/paichain/paichain/inference/tokenizer"
	"github.com/paichain/paichain/inference/tokenizer/chat"
)

// Attribution of completions (docs/inference.md, "Attribution and RAG"):
// with Config.Attribution set, every completion is attributed to one
// Datanet — span matching over its output, plus the chunks retrieval put
// into its prompt — and the response carries the result next to the
// receipt. The request's optional "rag" field turns retrieval on or off.

// RAGOptions are the server's retrieval defaults.
type RAGOptions struct {
	// Default retrieves for requests that do not say ("rag" absent).
	Default bool
	// K is the number of chunks retrieved when the request gives none
	// (default 4).
	K int
}

// DefaultRAGK is RAGOptions.K's default.
const DefaultRAGK = 4

// attPlan is how one request is attributed: to src (nil: to no Datanet,
// for reason), with what retrieval put into its prompt (rag nil: none).
type attPlan struct {
	src    *poa.Source
	reason string
	rag    *poa.Retrieval
	cites  []rag.Citation
}

// ragField is the request's "rag" object.
type ragField struct {
	Datanet string `json:"datanet"`
	K       *int   `json:"k"`
}

// ragRequest reads the request's "rag" field: absent or null takes the
// server default, false is off, true is on, an object is on with the
// Datanet ("" = the completion's) and k it names.
func (s *Server) ragRequest(body []byte) (on bool, ref string, k int, aerr *APIError) {
	k = s.cfg.RAG.K
	if k <= 0 {
		k = DefaultRAGK
	}
	var f struct {
		RAG json.RawMessage `json:"rag"`
	}
	if err := json.Unmarshal(body, &f); err != nil { // the body parsed before; only a type clash is left
		return false, "", 0, badParam("rag", "invalid request: %v", err)
	}
	raw := bytes.TrimSpace(f.RAG)
	switch string(raw) {
	case "", "null":
		return s.cfg.RAG.Default, "", k, nil
	case "false":
		return false, "", 0, nil
	case "true":
		return true, "", k, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var r ragField
	if err := dec.Decode(&r); err != nil {
		return false, "", 0, badParam("rag", `rag must be true, false or {"datanet": "<name or root>", "k": n}: %v`, err)
	}
	if r.K != nil {
		if *r.K < 1 || *r.K > poa.MaxK {
			return false, "", 0, badParam("rag.k", "rag.k must be in 1..%d", poa.MaxK)
		}
		k = *r.K
	}
	return true, r.Datanet, k, nil
}

// adapterHashes resolves the model field's adapters; what does not
// resolve is left to prepare, which answers 404 for it.
func (s *Server) adapterHashes(model string) [][32]byte {
	spec, err := ParseModelSpec(model, s.cfg.ModelName)
	if err != nil || s.store == nil {
		return nil
	}
	var hs [][32]byte
	for _, t := range spec.Terms {
		if h, err := s.store.Resolve(t.Ref); err == nil {
			hs = append(hs, h)
		}
	}
	return hs
}

// planAttribution picks the request's Datanet and whether it retrieves.
// A completion is attributed to one Datanet (one pool settles its tail):
// the one linked to its adapters, or the only one loaded; rag.datanet may
// name it, but not a different one.
func (s *Server) planAttribution(body []byte, model string) (*attPlan, *APIError) {
	on, ref, k, aerr := s.ragRequest(body)
	if aerr != nil {
		return nil, aerr
	}
	set := s.cfg.Attribution
	if set == nil {
		if on {
			return nil, badParam("rag", "this server has no Datanets to retrieve from (start it with --datanet)")
		}
		return nil, nil
	}
	plan := &attPlan{}
	plan.src, plan.reason = set.ForAdapters(s.adapterHashes(model))
	if !on {
		return plan, nil
	}
	if ref != "" {
		src, err := set.Lookup(ref)
		if err != nil {
			return nil, apiErr(http.StatusBadRequest, "rag.datanet", "datanet_not_found", "%v", err)
		}
		if plan.src != nil && plan.src != src {
			return nil, badParam("rag.datanet", "the model is attributed to Datanet %s (%s); a completion retrieves from and pays one Datanet",
				plan.src.Name, plan.src.Root())
		}
		plan.src, plan.reason = src, ""
	}
	if plan.src == nil {
		return nil, badParam("rag.datanet", "no Datanet to retrieve from: %s; name one in rag.datanet", plan.reason)
	}
	plan.rag = &poa.Retrieval{K: k, ChunkTokens: set.ChunkTokens(), Template: poa.TemplateV1}
	return plan, nil
}

// planCompletion plans a /v1/completions request and, with retrieval,
// rewrites its prompt to the RAG template (rag.PromptWithContext).
func (s *Server) planCompletion(body []byte, samp Sampling, p *Prompt) (*attPlan, *APIError) {
	plan, aerr := s.planAttribution(body, samp.Model)
	if aerr != nil || plan == nil || plan.rag == nil {
		return plan, aerr
	}
	if !p.IsText {
		return nil, badParam("rag", "retrieval needs a text prompt, not token ids")
	}
	cites, err := s.cfg.Attribution.Retrieve(plan.src, p.Text, plan.rag.K)
	if err != nil {
		return nil, badParam("prompt", "retrieval: %v", err)
	}
	plan.rag.Query, plan.cites = p.Text, cites
	p.Text = rag.PromptWithContext(p.Text, cites)
	return plan, nil
}

// planChat plans a /v1/chat/completions request and, with retrieval,
// replaces the last user message by the RAG template around it.
func (s *Server) planChat(body []byte, samp Sampling, msgs []Message) (*attPlan, []Message, *APIError) {
	plan, aerr := s.planAttribution(body, samp.Model)
	if aerr != nil || plan == nil || plan.rag == nil {
		return plan, msgs, aerr
	}
	last := lastUser(msgs)
	if last < 0 {
		return nil, nil, badParam("messages", "retrieval needs a user message to query with")
	}
	cites, err := s.cfg.Attribution.Retrieve(plan.src, msgs[last].Content, plan.rag.K)
	if err != nil {
		return nil, nil, badParam("messages", "retrieval: %v", err)
	}
	plan.rag.Query, plan.cites, plan.rag.ChatTemplate = msgs[last].Content, cites, s.cfg.ChatFamily
	for _, m := range msgs {
		plan.rag.Messages = append(plan.rag.Messages, poa.Message{Role: m.Role, Content: m.Content})
	}
	out := slices.Clone(msgs)
	out[last].Content = rag.PromptWithContext(msgs[last].Content, cites)
	return plan, out, nil
}

func lastUser(msgs []Message) int {
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Role == "user" {
			return i
		}
	}
	return -1
}

// attribute attributes a finished completion; nil without Datanets.
func (s *Server) attribute(j *job, rc *receipt.Receipt) (*poa.Attribution, *APIError) {
	plan := j.att
	if plan == nil {
		return nil, nil
	}
	rh := common.Hash(rc.ReceiptHash)
	if plan.src == nil {
		return poa.None(rh, plan.reason), nil
	}
	att, err := s.cfg.Attribution.Attribute(plan.src, poa.Input{Output: rc.OutputTokenIDs, ReceiptHash: rh, Citations: plan.cites, Retrieval: plan.rag})
	if errors.Is(err, poa.ErrEvidenceTooLarge) {
		return nil, apiErr(http.StatusBadRequest, "max_tokens", "evidence_too_large", "the completion cannot be attributed: %v; ask for fewer tokens", err)
	}
	if err != nil {
		s.cfg.Logger.Error("attribution failed", "id", j.id, "err", err)
		return nil, apiErr(http.StatusInternalServerError, "", "attribution_failed", "attributing the completion: %v", err)
	}
	return att, nil
}

// VerifyAttribution checks a completion's attribution against its receipt
// and the loaded Datanets: with retrieval, the receipt's prompt must be
// the RAG prompt rebuilt from the recorded query (or conversation) and the
// chunks retrieved again; then poa.Set.Verify replays span matching,
// retrieval and the combination and checks the Merkle evidence. tok is
// the served tokenizer (the Datanets were checked against it).
func VerifyAttribution(set *poa.Set, tok tokenizer.Tokenizer, rc *receipt.Receipt, att *poa.Attribution) error {
	if r := att.RAG; r != nil && att.Datanet != nil {
		src, err := set.Lookup(att.Datanet.Hex())
		if err != nil {
			return fmt.Errorf("%w: %v", poa.ErrMismatch, err)
		}
		if r.K < 1 || r.K > poa.MaxK {
			return fmt.Errorf("%w: rag k %d", poa.ErrMismatch, r.K)
		}
		cites, err := set.Retrieve(src, r.Query, r.K)
		if err != nil {
			return fmt.Errorf("%w: re-retrieving: %v", poa.ErrMismatch, err)
		}
		prompt, err := ragPrompt(tok, r, cites)
		if err != nil {
			return fmt.Errorf("%w: %v", poa.ErrMismatch, err)
		}
		if !slices.Equal(prompt, rc.PromptTokenIDs) {
			return fmt.Errorf("%w: the receipt's prompt is not the RAG prompt of the recorded query and the chunks retrieved for it", poa.ErrMismatch)
		}
	}
	return set.Verify(att, rc.OutputTokenIDs, common.Hash(rc.ReceiptHash))
}

// ragPrompt rebuilds the token ids the server ran for a retrieval: the
// completion prompt or the conversation with its last user message
// wrapped in the template, tokenized and BOS-prefixed as the endpoints do.
func ragPrompt(tok tokenizer.Tokenizer, r *poa.Retrieval, cites []rag.Citation) ([]int, error) {
	text := rag.PromptWithContext(r.Query, cites)
	if r.Messages != nil {
		msgs := make([]Message, len(r.Messages))
		for i, m := range r.Messages {
			msgs[i] = Message{Role: m.Role, Content: m.Content}
		}
		last := lastUser(msgs)
		if last < 0 || msgs[last].Content != r.Query {
			return nil, errors.New("the recorded query is not the conversation's last user message")
		}
		cm := make([]chat.Message, len(msgs))
		for i, m := range msgs {
			cm[i] = chat.Message{Role: m.Role, Content: m.Content}
		}
		cm[last].Content = text
		var err error
		if text, err = chat.Render(r.ChatTemplate, cm, true); err != nil {
			return nil, err
		}
	}
	ids, err := tok.Encode(text)
	if err != nil {
		return nil, err
	}
	if bos := tok.BOS(); bos >= 0 && (len(ids) == 0 || ids[0] != bos) {
		ids = append([]int{bos}, ids...)
	}
	return ids, nil
}

// TokenizerInfo identifies the tokenizer LoadTokenizer(path, modelPath, …)
// loads as Datanets do: keccak256 of its file (tokenizer.json or a llama2.c
// .bin), with tok's vocabulary size.
func TokenizerInfo(path, modelPath string, tok tokenizer.Tokenizer) (datanet.TokenizerInfo, error) {
	if path == "" {
		dir := modelPath
		if fi, err := os.Stat(modelPath); err == nil && !fi.IsDir() {
			dir = filepath.Dir(modelPath)
		}
		path = filepath.Join(dir, "tokenizer.json")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, "tokenizer.json")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return datanet.TokenizerInfo{}, fmt.Errorf("hashing tokenizer: %w", err)
	}
	return datanet.TokenizerInfo{Name: filepath.Base(path), Family: tok.Family(), Hash: crypto.Keccak256Hash(b), VocabSize: tok.VocabSize()}, nil
}
