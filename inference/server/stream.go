package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// sseWriter writes Server-Sent Events the way OpenAI's API does: each event
// is `data: <json>\n\n`, the stream ends with `data: [DONE]\n\n`.
type sseWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	started bool
}

func newSSEWriter(w http.ResponseWriter) *sseWriter {
	return &sseWriter{w: w, rc: http.NewResponseController(w)}
}

func (s *sseWriter) start() {
	if s.started {
		return
	}
	s.started = true
	h := s.w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	h.Set("X-Accel-Buffering", "no") // tell proxies not to buffer the stream
	s.w.WriteHeader(http.StatusOK)
}

// event writes one data event and flushes it to the client.
func (s *sseWriter) event(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("sse: marshal: %w", err)
	}
	return s.raw(b)
}

func (s *sseWriter) raw(b []byte) error {
	s.start()
	buf := make([]byte, 0, len(b)+8)
	buf = append(buf, "data: "...)
	buf = append(buf, b...)
	buf = append(buf, "\n\n"...)
	if _, err := s.w.Write(buf); err != nil {
		return err
	}
	return s.rc.Flush()
}

func (s *sseWriter) done() error { return s.raw([]byte("[DONE]")) }

// stopMatcher applies text-level stop sequences to streamed text. It holds
// back any tail that could still become a stop sequence, so the client never
// sees part of one, and reports the text before the first match.
type stopMatcher struct {
	stops   []string
	pending string
}

// push adds text and returns what can be released; stopped reports a match
// (the returned text then ends right before it and the stream is over).
func (m *stopMatcher) push(s string) (out string, stopped bool) {
	if len(m.stops) == 0 {
		return s, false
	}
	buf := m.pending + s
	first := -1
	for _, st := range m.stops {
		if i := strings.Index(buf, st); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first >= 0 {
		m.pending = ""
		return buf[:first], true
	}
	hold := 0
	for _, st := range m.stops {
		for k := min(len(st)-1, len(buf)); k > hold; k-- {
			if strings.HasSuffix(buf, st[:k]) {
				hold = k
				break
			}
		}
	}
	m.pending = buf[len(buf)-hold:]
	return buf[:len(buf)-hold], false
}

// flush releases the held-back tail at the end of generation.
func (m *stopMatcher) flush() string {
	p := m.pending
	m.pending = ""
	return p
}
