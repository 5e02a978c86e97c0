package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/sample"
)

// BenchmarkStreamCompletion is one streamed 128-token completion on
// stories260K over loopback HTTP; BenchmarkEngineDirect is the same request
// straight into the engine. The difference is the server layer's cost.
func BenchmarkStreamCompletion(b *testing.B) {
	e := storiesEnv(b, engine.Options{})
	body := `{"model":"base","prompt":"Once upon a time","max_tokens":128,"temperature":0.8,"seed":1,"stream":true,"stream_options":{"include_usage":true}}`
	tokens := 0
	b.ResetTimer()
	for range b.N {
		resp, err := http.Post(e.http.URL+"/v1/completions", "application/json", strings.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var n int
		i := strings.Index(string(out), `"completion_tokens":`)
		if resp.StatusCode != 200 || i < 0 {
			b.Fatalf("status %d: %s", resp.StatusCode, out)
		}
		fmt.Sscanf(string(out[i+len(`"completion_tokens":`):]), "%d", &n)
		tokens += n
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(tokens), "µs/token")
}

func BenchmarkEngineDirect(b *testing.B) {
	e := storiesEnv(b, engine.Options{})
	ids, err := e.srv.tok.Encode("Once upon a time")
	if err != nil {
		b.Fatal(err)
	}
	prompt := e.srv.WithBOS(ids)
	b.ResetTimer()
	tokens := 0
	for i := range b.N {
		out, _, err := e.eng.Generate(context.Background(), &engine.Request{ID: fmt.Sprint(i), Prompt: prompt,
			Params: sample.Params{Temperature: 0.8, TopP: 1, RepetitionPenalty: 1, Seed: 1, MaxTokens: 128, StopTokens: e.srv.StopTokens()}})
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(out)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(tokens), "µs/token")
}
