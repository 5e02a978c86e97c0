package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"

	"github.com/paichain/paichain/attribution/poa"
	"github.com/paichain/paichain/inference/receipt"
)

// APIError is an OpenAI-style error: the body is
// {"error":{"message","type","param","code"}} and Status the HTTP status.
type APIError struct {
	Status  int     `json:"-"`
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

func (e *APIError) Error() string { return e.Message }

func apiErr(status int, param, code, format string, args ...any) *APIError {
	e := &APIError{Status: status, Message: fmt.Sprintf(format, args...), Type: errType(status)}
	if param != "" {
		e.Param = &param
	}
	if code != "" {
		e.Code = &code
	}
	return e
}

func badParam(param, format string, args ...any) *APIError {
	return apiErr(http.StatusBadRequest, param, "invalid_value", format, args...)
}

func errType(status int) string {
	switch {
	case status == http.StatusTooManyRequests:
		return "rate_limit_error"
	case status == http.StatusNotFound:
		return "not_found_error"
	case status >= 500:
		return "server_error"
	}
	return "invalid_request_error"
}

// Limits on request contents (beyond the body size cap).
const (
	maxStopStrings = 4 // as OpenAI
	maxStopLen     = 256
	maxMessages    = 1024
	maxTokenPrompt = 1 << 20
)

// StreamOptions is OpenAI's stream_options.
type StreamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

// samplingFields are the parameters both endpoints share. Pointers tell
// "absent" from zero; extensions (top_k, repetition_penalty, merge_seed) are
// the vLLM-style names.
type samplingFields struct {
	Model             string          `json:"model"`
	MaxTokens         *int            `json:"max_tokens"`
	Temperature       *float64        `json:"temperature"`
	TopP              *float64        `json:"top_p"`
	TopK              *int            `json:"top_k"`
	RepetitionPenalty *float64        `json:"repetition_penalty"`
	Stop              json.RawMessage `json:"stop"`
	Seed              *json.Number    `json:"seed"`
	N                 *int            `json:"n"`
	Stream            bool            `json:"stream"`
	StreamOptions     *StreamOptions  `json:"stream_options"`
	User              string          `json:"user"`
	PresencePenalty   *float64        `json:"presence_penalty"`
	FrequencyPenalty  *float64        `json:"frequency_penalty"`
	LogitBias         map[string]any  `json:"logit_bias"`
	MergeSeed         *uint64         `json:"merge_seed"`
	// RequestID (paichain) is an on-chain inference request id: it becomes
	// the job id, the receipt's request_id and the engine's PRNG key.
	RequestID *string `json:"request_id"`
}

// CompletionRequest is the body of POST /v1/completions.
type CompletionRequest struct {
	samplingFields
	Prompt   json.RawMessage `json:"prompt"`
	Suffix   *string         `json:"suffix"`
	Echo     bool            `json:"echo"`
	BestOf   *int            `json:"best_of"`
	Logprobs *int            `json:"logprobs"`
}

// ChatMessage is one message of a chat request; Content is a string or an
// array of {"type":"text","text":...} parts.
type ChatMessage struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
	Name    string          `json:"name,omitempty"`
}

// ChatRequest is the body of POST /v1/chat/completions.
type ChatRequest struct {
	samplingFields
	Messages            []ChatMessage   `json:"messages"`
	MaxCompletionTokens *int            `json:"max_completion_tokens"`
	Logprobs            *bool           `json:"logprobs"`
	TopLogprobs         *int            `json:"top_logprobs"`
	Tools               json.RawMessage `json:"tools"`
	ToolChoice          json.RawMessage `json:"tool_choice"`
	ResponseFormat      *struct {
		Type string `json:"type"`
	} `json:"response_format"`
}

// Prompt is a completion prompt: text or token ids, exactly one of them.
type Prompt struct {
	Text   string
	Tokens []int
	IsText bool
}

// Sampling is the validated, endpoint-independent part of a request.
type Sampling struct {
	Model             string
	MaxTokens         int // 0 = not given
	Temperature       float32
	TopP              float32
	TopK              int
	RepetitionPenalty float32
	Seed              uint64
	SeedGiven         bool
	Stop              []string
	Stream            bool
	IncludeUsage      bool
	MergeSeed         uint64
	RequestID         string // "" = a fresh id
}

// decodeJSON decodes one JSON object; trailing data is an error.
func decodeJSON(body []byte, v any) *APIError {
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			field := strings.TrimPrefix(te.Field, "samplingFields.")
			return badParam(field, "invalid type for %q: expected %s", field, te.Type)
		}
		return apiErr(http.StatusBadRequest, "", "invalid_json", "malformed JSON body: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return apiErr(http.StatusBadRequest, "", "invalid_json", "malformed JSON body: trailing data after the object")
	}
	return nil
}

// ParseCompletionRequest decodes and validates a /v1/completions body.
func ParseCompletionRequest(body []byte) (*CompletionRequest, Prompt, Sampling, *APIError) {
	var r CompletionRequest
	if err := decodeJSON(body, &r); err != nil {
		return nil, Prompt{}, Sampling{}, err
	}
	s, err := r.samplingFields.validate(r.MaxTokens)
	if err != nil {
		return nil, Prompt{}, Sampling{}, err
	}
	switch {
	case r.Suffix != nil && *r.Suffix != "":
		return nil, Prompt{}, Sampling{}, badParam("suffix", "suffix is not supported")
	case r.Echo:
		return nil, Prompt{}, Sampling{}, badParam("echo", "echo is not supported")
	case r.BestOf != nil && *r.BestOf != 1:
		return nil, Prompt{}, Sampling{}, badParam("best_of", "best_of must be 1")
	case r.Logprobs != nil:
		return nil, Prompt{}, Sampling{}, badParam("logprobs", "logprobs are not supported")
	}
	p, err := parsePrompt(r.Prompt)
	if err != nil {
		return nil, Prompt{}, Sampling{}, err
	}
	return &r, p, s, nil
}

// ParseChatRequest decodes and validates a /v1/chat/completions body.
func ParseChatRequest(body []byte) (*ChatRequest, []Message, Sampling, *APIError) {
	var r ChatRequest
	if err := decodeJSON(body, &r); err != nil {
		return nil, nil, Sampling{}, err
	}
	maxTok := r.MaxTokens
	if r.MaxCompletionTokens != nil {
		maxTok = r.MaxCompletionTokens
	}
	s, err := r.samplingFields.validate(maxTok)
	if err != nil {
		return nil, nil, Sampling{}, err
	}
	switch {
	case r.Logprobs != nil && *r.Logprobs, r.TopLogprobs != nil:
		return nil, nil, Sampling{}, badParam("logprobs", "logprobs are not supported")
	case isSet(r.Tools):
		return nil, nil, Sampling{}, badParam("tools", "tools are not supported")
	case isSet(r.ToolChoice) && string(r.ToolChoice) != `"none"`:
		return nil, nil, Sampling{}, badParam("tool_choice", "tool_choice is not supported")
	case r.ResponseFormat != nil && r.ResponseFormat.Type != "" && r.ResponseFormat.Type != "text":
		return nil, nil, Sampling{}, badParam("response_format", "response_format %q is not supported (only \"text\")", r.ResponseFormat.Type)
	case len(r.Messages) == 0:
		return nil, nil, Sampling{}, badParam("messages", "messages must be a non-empty array")
	case len(r.Messages) > maxMessages:
		return nil, nil, Sampling{}, badParam("messages", "at most %d messages", maxMessages)
	}
	msgs := make([]Message, len(r.Messages))
	for i, m := range r.Messages {
		param := fmt.Sprintf("messages[%d]", i)
		switch m.Role {
		case "system", "user", "assistant", "developer":
		default:
			return nil, nil, Sampling{}, badParam(param+".role", "unsupported role %q", m.Role)
		}
		role := m.Role
		if role == "developer" { // OpenAI's newer name for system
			role = "system"
		}
		text, err := messageText(m.Content, param+".content")
		if err != nil {
			return nil, nil, Sampling{}, err
		}
		msgs[i] = Message{Role: role, Content: text}
	}
	return &r, msgs, s, nil
}

// Message is a validated chat message.
type Message struct{ Role, Content string }

func isSet(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) > 0 && !bytes.Equal(t, []byte("null"))
}

func messageText(raw json.RawMessage, param string) (string, *APIError) {
	if !isSet(raw) {
		return "", badParam(param, "content must be a string or an array of text parts")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var parts []struct {
		Type string  `json:"type"`
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(raw, &parts); err != nil {
		return "", badParam(param, "content must be a string or an array of text parts")
	}
	var b strings.Builder
	for i, p := range parts {
		if p.Type != "text" || p.Text == nil {
			return "", badParam(fmt.Sprintf("%s[%d]", param, i), "only text content parts are supported (got type %q)", p.Type)
		}
		b.WriteString(*p.Text)
	}
	return b.String(), nil
}

func (f *samplingFields) validate(maxTokens *int) (Sampling, *APIError) {
	s := Sampling{Model: f.Model, Temperature: 1, TopP: 1, RepetitionPenalty: 1, Stream: f.Stream}
	if f.Model == "" {
		return s, badParam("model", "model is required (the served model name, \"base\" or an adapter expression)")
	}
	if f.N != nil && *f.N != 1 {
		return s, badParam("n", "only n=1 is supported")
	}
	if maxTokens != nil {
		if *maxTokens < 1 {
			return s, badParam("max_tokens", "max_tokens must be at least 1")
		}
		s.MaxTokens = *maxTokens
	}
	var err *APIError
	if s.Temperature, err = floatParam("temperature", f.Temperature, 1, 0, 2); err != nil {
		return s, err
	}
	if s.TopP, err = floatParam("top_p", f.TopP, 1, 0, 1); err != nil {
		return s, err
	}
	if s.TopP == 0 {
		return s, badParam("top_p", "top_p must be in (0, 1]")
	}
	if s.RepetitionPenalty, err = floatParam("repetition_penalty", f.RepetitionPenalty, 1, 0, 10); err != nil {
		return s, err
	}
	if s.RepetitionPenalty == 0 {
		return s, badParam("repetition_penalty", "repetition_penalty must be in (0, 10]")
	}
	if f.TopK != nil {
		// -1 is vLLM's "off"; 0 is off here as well.
		if *f.TopK < -1 {
			return s, badParam("top_k", "top_k must be -1, 0 (off) or positive")
		}
		s.TopK = max(*f.TopK, 0)
	}
	for _, p := range []struct {
		name string
		v    *float64
	}{{"presence_penalty", f.PresencePenalty}, {"frequency_penalty", f.FrequencyPenalty}} {
		if p.v != nil && *p.v != 0 {
			return s, badParam(p.name, "%s is not supported (use repetition_penalty)", p.name)
		}
	}
	if len(f.LogitBias) > 0 {
		return s, badParam("logit_bias", "logit_bias is not supported")
	}
	if f.Seed != nil {
		seed, perr := parseUint64(string(*f.Seed))
		if perr != nil {
			return s, badParam("seed", "seed must be an integer in [0, 2^64): %v", perr)
		}
		s.Seed, s.SeedGiven = seed, true
	}
	if f.StreamOptions != nil {
		if !f.Stream {
			return s, badParam("stream_options", "stream_options is only allowed with stream: true")
		}
		s.IncludeUsage = f.StreamOptions.IncludeUsage
	}
	if f.MergeSeed != nil {
		s.MergeSeed = *f.MergeSeed
	}
	if f.RequestID != nil {
		if !isRequestID(*f.RequestID) {
			return s, badParam("request_id", "request_id must be 0x followed by 64 lower-case hex digits, got %q", *f.RequestID)
		}
		s.RequestID = *f.RequestID
	}
	if s.Stop, err = parseStop(f.Stop); err != nil {
		return s, err
	}
	return s, nil
}

// isRequestID reports whether id is an on-chain request id's hex form.
func isRequestID(id string) bool {
	if len(id) != 66 || id[:2] != "0x" {
		return false
	}
	for _, c := range id[2:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// jobID is the request's id: request_id if given, else a fresh one.
func jobID(s Sampling, prefix string) string {
	if s.RequestID != "" {
		return s.RequestID
	}
	return newRequestID(prefix)
}

func floatParam(name string, v *float64, def, lo, hi float64) (float32, *APIError) {
	if v == nil {
		return float32(def), nil
	}
	if math.IsNaN(*v) || *v < lo || *v > hi {
		return 0, badParam(name, "%s must be in [%g, %g]", name, lo, hi)
	}
	return float32(*v), nil
}

func parseUint64(s string) (uint64, error) {
	var n uint64
	if s == "" {
		return 0, errors.New("empty")
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%q is not a non-negative integer", s)
		}
		d := uint64(c - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, fmt.Errorf("%s overflows uint64", s)
		}
		n = n*10 + d
	}
	return n, nil
}

func parseStop(raw json.RawMessage) ([]string, *APIError) {
	if !isSet(raw) {
		return nil, nil
	}
	var one string
	var stops []string
	if err := json.Unmarshal(raw, &one); err == nil {
		stops = []string{one}
	} else if err := json.Unmarshal(raw, &stops); err != nil {
		return nil, badParam("stop", "stop must be a string or an array of strings")
	}
	if len(stops) > maxStopStrings {
		return nil, badParam("stop", "at most %d stop sequences", maxStopStrings)
	}
	for _, st := range stops {
		if st == "" || len(st) > maxStopLen {
			return nil, badParam("stop", "stop sequences must be 1 to %d bytes", maxStopLen)
		}
	}
	return stops, nil
}

// parsePrompt accepts a string, a one-element array of strings, an array of
// token ids or a one-element array of token-id arrays (batches are n>1).
func parsePrompt(raw json.RawMessage) (Prompt, *APIError) {
	if !isSet(raw) {
		return Prompt{}, badParam("prompt", "prompt is required")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return Prompt{Text: s, IsText: true}, nil
	}
	var ss []string
	if err := json.Unmarshal(raw, &ss); err == nil {
		if len(ss) != 1 {
			return Prompt{}, badParam("prompt", "exactly one prompt per request is supported")
		}
		return Prompt{Text: ss[0], IsText: true}, nil
	}
	var ids []int
	if err := json.Unmarshal(raw, &ids); err != nil {
		var batch [][]int
		if err := json.Unmarshal(raw, &batch); err != nil || len(batch) != 1 {
			return Prompt{}, badParam("prompt", "prompt must be a string, an array of one string, or an array of token ids")
		}
		ids = batch[0]
	}
	if len(ids) == 0 {
		return Prompt{}, badParam("prompt", "empty token prompt")
	}
	if len(ids) > maxTokenPrompt {
		return Prompt{}, badParam("prompt", "prompt of %d tokens is too long", len(ids))
	}
	for _, id := range ids {
		if id < 0 {
			return Prompt{}, badParam("prompt", "negative token id %d", id)
		}
	}
	return Prompt{Tokens: ids}, nil
}

// Usage is OpenAI's token usage block.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// CompletionChoice is one choice of a (streamed) text completion.
type CompletionChoice struct {
	Text         string  `json:"text"`
	Index        int     `json:"index"`
	Logprobs     *string `json:"logprobs"`      // always null
	FinishReason *string `json:"finish_reason"` // null until the last chunk
}

// ChatDelta is the incremental message of a chat chunk.
type ChatDelta struct {
	Role    string  `json:"role,omitempty"`
	Content *string `json:"content,omitempty"`
}

// ChatResponseMessage is the message of a non-streamed chat choice.
type ChatResponseMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ChatChoice is one choice of a chat completion or chunk: Message in the
// full response, Delta in chunks.
type ChatChoice struct {
	Index        int                  `json:"index"`
	Message      *ChatResponseMessage `json:"message,omitempty"`
	Delta        *ChatDelta           `json:"delta,omitempty"`
	Logprobs     *string              `json:"logprobs"`
	FinishReason *string              `json:"finish_reason"`
}

// Response is a completion, chat completion or one of their stream chunks.
// Choices holds []CompletionChoice or []ChatChoice. Receipt and Attribution
// are the paichain extensions: the inference receipt and (on a server with
// Datanets) the completion's attribution, on the full response and on the
// chunk that carries finish_reason.
type Response struct {
	ID                string           `json:"id"`
	Object            string           `json:"object"`
	Created           int64            `json:"created"`
	Model             string           `json:"model"`
	SystemFingerprint string           `json:"system_fingerprint"`
	Choices           any              `json:"choices"`
	Usage             *Usage           `json:"usage,omitempty"`
	Receipt           *receipt.Receipt `json:"receipt,omitempty"`
	Attribution       *poa.Attribution `json:"attribution,omitempty"`
}
