package server

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseModelSpec(t *testing.T) {
	cases := []struct {
		in      string
		terms   []SpecTerm
		method  string
		wantErr string
	}{
		{in: "base"},
		{in: "served"},
		{in: "adapter:abc", terms: []SpecTerm{{"abc", 1}}},
		{in: "adapter:id:7", terms: []SpecTerm{{"id:7", 1}}},
		{in: "adapter:a*0.7+adapter:b*0.3", terms: []SpecTerm{{"a", 0.7}, {"b", 0.3}}, method: "linear"},
		{in: "adapter:a+adapter:b", terms: []SpecTerm{{"a", 1}, {"b", 1}}, method: "linear"},
		{in: "adapter:a*0.7+adapter:b*0.3@ties", terms: []SpecTerm{{"a", 0.7}, {"b", 0.3}}, method: "ties"},
		{in: "adapter:a*1+adapter:b*-0.5@dare", terms: []SpecTerm{{"a", 1}, {"b", -0.5}}, method: "dare_linear"},
		{in: "adapter:a*0.5", terms: []SpecTerm{{"a", 0.5}}, method: "linear"},
		{in: "adapter:a@dare_ties", terms: []SpecTerm{{"a", 1}}, method: "dare_ties"},
		{in: "gpt-4", wantErr: "unknown model"},
		{in: "", wantErr: "unknown model"},
		{in: "adapter:", wantErr: "empty adapter reference"},
		{in: "adapter:a*", wantErr: "bad weight"},
		{in: "adapter:a*0", wantErr: "non-zero"},
		{in: "adapter:a*NaN", wantErr: "non-zero"},
		{in: "adapter:a*1e9", wantErr: "within"},
		{in: "adapter:a+b", wantErr: "does not start with"},
		{in: "adapter:a@mean", wantErr: "unknown merge method"},
		{in: strings.Repeat("adapter:a+", 8) + "adapter:a", wantErr: "at most 8"},
	}
	for _, tc := range cases {
		spec, err := ParseModelSpec(tc.in, "served")
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if spec.Method != tc.method || len(spec.Terms) != len(tc.terms) {
			t.Errorf("%q: %+v", tc.in, spec)
			continue
		}
		for i := range tc.terms {
			if spec.Terms[i] != tc.terms[i] {
				t.Errorf("%q term %d: %+v, want %+v", tc.in, i, spec.Terms[i], tc.terms[i])
			}
		}
	}
}

func TestStopMatcher(t *testing.T) {
	cases := []struct {
		stops   []string
		pieces  []string
		want    string
		stopped bool
	}{
		{nil, []string{"a", "b"}, "ab", false},
		{[]string{"\n\n"}, []string{"one\n", "\ntwo"}, "one", true},
		{[]string{"END"}, []string{"xE", "N", "Dy"}, "x", true},
		{[]string{"END"}, []string{"xE", "N", "d"}, "xENd", false},
		{[]string{"b", "ab"}, []string{"xa", "b"}, "x", true}, // earliest match wins, not first listed
		{[]string{"héllo"}, []string{"sa", "y h", "é", "llo!"}, "say ", true},
		{[]string{"zz"}, []string{"aaz"}, "aaz", false},
	}
	for _, tc := range cases {
		m := &stopMatcher{stops: tc.stops}
		var out strings.Builder
		stopped := false
		for _, p := range tc.pieces {
			s, st := m.push(p)
			out.WriteString(s)
			if st {
				stopped = true
				break
			}
		}
		if !stopped {
			out.WriteString(m.flush())
		}
		if out.String() != tc.want || stopped != tc.stopped {
			t.Errorf("%q over %q: %q (stopped %v), want %q (%v)", tc.stops, tc.pieces, out.String(), stopped, tc.want, tc.stopped)
		}
	}
}

// FuzzStopMatcher checks the matcher against the obvious whole-string rule:
// the released text is everything before the first stop occurrence, and no
// released prefix ever contains a stop sequence.
func FuzzStopMatcher(f *testing.F) {
	f.Add("hello world\n\nmore", "\n\n", 3)
	f.Add("aaaab", "aab", 1)
	f.Fuzz(func(t *testing.T, text, stop string, step int) {
		if stop == "" || step <= 0 || !utf8.ValidString(text) || !utf8.ValidString(stop) {
			return
		}
		step = step%7 + 1
		m := &stopMatcher{stops: []string{stop}}
		var out strings.Builder
		stopped := false
		for i := 0; i < len(text) && !stopped; i += step {
			s, st := m.push(text[i:min(i+step, len(text))])
			out.WriteString(s)
			stopped = st
			if strings.Contains(out.String(), stop) {
				t.Fatalf("released text %q contains stop %q", out.String(), stop)
			}
		}
		if !stopped {
			out.WriteString(m.flush())
		}
		want := text
		if i := strings.Index(text, stop); i >= 0 {
			want = text[:i]
		}
		if out.String() != want {
			t.Fatalf("text %q stop %q step %d: got %q want %q", text, stop, step, out.String(), want)
		}
	})
}

func FuzzCompletionRequest(f *testing.F) {
	for _, s := range []string{
		`{"model":"base","prompt":"Once upon a time","max_tokens":16,"temperature":0.7,"stop":["\n"],"seed":3}`,
		`{"model":"adapter:a*0.5+adapter:b*0.5@ties","prompt":[1,2,3],"stream":true,"stream_options":{"include_usage":true}}`,
		`{"model":"x","prompt":[[1,2]],"n":1,"top_k":-1,"repetition_penalty":1.2,"seed":18446744073709551615}`,
		`{"model":"x","prompt":["a","b"]}`, `{"prompt":null}`, `[]`, `{"model":"x","prompt":"a","seed":1e3}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, p, s, err := ParseCompletionRequest(body)
		if err != nil {
			if err.Status < 400 || err.Status > 499 || err.Message == "" {
				t.Fatalf("bad error %+v", err)
			}
			return
		}
		if r == nil || s.Model == "" || (p.IsText && len(p.Tokens) > 0) || (!p.IsText && len(p.Tokens) == 0) {
			t.Fatalf("accepted inconsistent request %+v %+v", p, s)
		}
		checkSampling(t, s)
		for _, id := range p.Tokens {
			if id < 0 {
				t.Fatalf("negative token accepted")
			}
		}
	})
}

func FuzzChatRequest(f *testing.F) {
	for _, s := range []string{
		`{"model":"base","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hi"}],"max_completion_tokens":8}`,
		`{"model":"base","messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}],"stream":true}`,
		`{"model":"base","messages":[{"role":"assistant","content":null}]}`,
		`{"model":"base","messages":[],"tools":[{}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, msgs, s, err := ParseChatRequest(body)
		if err != nil {
			if err.Status < 400 || err.Status > 499 || err.Message == "" {
				t.Fatalf("bad error %+v", err)
			}
			return
		}
		if r == nil || len(msgs) == 0 || len(msgs) > maxMessages {
			t.Fatalf("accepted %d messages", len(msgs))
		}
		for _, m := range msgs {
			if m.Role != "system" && m.Role != "user" && m.Role != "assistant" {
				t.Fatalf("accepted role %q", m.Role)
			}
		}
		checkSampling(t, s)
	})
}

func checkSampling(t *testing.T, s Sampling) {
	t.Helper()
	if s.Temperature < 0 || s.Temperature > 2 || s.TopP <= 0 || s.TopP > 1 || s.TopK < 0 ||
		s.RepetitionPenalty <= 0 || s.RepetitionPenalty > 10 || s.MaxTokens < 0 || len(s.Stop) > maxStopStrings {
		t.Fatalf("accepted out-of-range sampling %+v", s)
	}
	for _, st := range s.Stop {
		if st == "" || len(st) > maxStopLen {
			t.Fatalf("accepted stop %q", st)
		}
	}
}

func FuzzModelSpec(f *testing.F) {
	for _, s := range []string{"base", "adapter:a*0.7+adapter:b*0.3@ties", "adapter:id:3", "adapter:a*-1e-3@dare", "adapter:@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spec, err := ParseModelSpec(s, "served")
		if err != nil {
			return
		}
		if len(spec.Terms) > MaxMergeTerms || (len(spec.Terms) > 1 && spec.Method == "") {
			t.Fatalf("%q: %+v", s, spec)
		}
		for _, term := range spec.Terms {
			if term.Ref == "" || term.Weight == 0 || term.Weight != term.Weight || term.Weight > maxMergeWeight || term.Weight < -maxMergeWeight {
				t.Fatalf("%q: bad term %+v", s, term)
			}
		}
	})
}
