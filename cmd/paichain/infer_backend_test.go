package main

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/paichain/paichain/inference/gpu"
)

// TestInferHealthReportsSelectedBackend: the default --backend auto resolves
// through gpu.Select and /health reports the resolved backend, not "auto".
func TestInferHealthReportsSelectedBackend(t *testing.T) {
	url := serveStories(t)
	resp, err := http.Get(url + "/health")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h struct {
		Backend string `json:"backend"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	want, err := gpu.Select(gpu.Auto)
	if err != nil {
		t.Fatal(err)
	}
	if h.Backend != want.Backend || h.Backend == gpu.Auto {
		t.Fatalf("/health backend %q, want %q", h.Backend, want.Backend)
	}
}
