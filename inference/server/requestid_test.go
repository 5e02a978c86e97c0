package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/paichain/paichain/inference/engine"
)

// TestRequestIDKeysJob: request_id (an on-chain inference request id)
// becomes the response id, the receipt's request_id and the PRNG key, so
// the same id and seed reproduce the output and another id changes it.
func TestRequestIDKeysJob(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	idA := "0x" + strings.Repeat("ab", 32)
	idB := "0x" + strings.Repeat("cd", 32)
	body := func(path, id string) string {
		if path == "/v1/chat/completions" {
			return fmt.Sprintf(`{"model":"base","messages":[{"role":"user","content":"Hi"}],"max_tokens":24,"temperature":1,"seed":5,"request_id":%q}`, id)
		}
		return fmt.Sprintf(`{"model":"base","prompt":"Once upon a time","max_tokens":24,"temperature":1,"seed":5,"request_id":%q}`, id)
	}
	for _, path := range []string{"/v1/completions", "/v1/chat/completions"} {
		c1, r1 := e.complete(t, path, body(path, idA))
		c2, r2 := e.complete(t, path, body(path, idA))
		_, r3 := e.complete(t, path, body(path, idB))
		if c1.ID != idA || c2.ID != idA || r1.RequestID != idA || r3.RequestID != idB {
			t.Fatalf("%s: ids %q %q, receipt ids %q %q", path, c1.ID, c2.ID, r1.RequestID, r3.RequestID)
		}
		if r1.ReceiptHash != r2.ReceiptHash {
			t.Fatalf("%s: same request id and seed gave different receipts", path)
		}
		if fmt.Sprint(r1.OutputTokenIDs) == fmt.Sprint(r3.OutputTokenIDs) {
			t.Fatalf("%s: request id does not key the sampler: same output %v for two ids", path, r1.OutputTokenIDs)
		}
	}
}

// TestRequestIDRejected: anything but 0x + 64 lower-case hex digits is a 400
// naming request_id, and the server stays usable.
func TestRequestIDRejected(t *testing.T) {
	e := storiesEnv(t, engine.Options{})
	for _, id := range []string{
		"", "0x", "ab" + strings.Repeat("0", 64), "0x" + strings.Repeat("0", 63), "0x" + strings.Repeat("0", 65),
		"0x" + strings.Repeat("AB", 32), "0X" + strings.Repeat("ab", 32), "0x" + strings.Repeat("g", 64),
		"0x" + strings.Repeat("0", 62) + "é",
	} {
		for _, path := range []string{"/v1/completions", "/v1/chat/completions"} {
			b := fmt.Sprintf(`{"model":"base","prompt":"x","max_tokens":2,"request_id":%q}`, id)
			if path == "/v1/chat/completions" {
				b = fmt.Sprintf(`{"model":"base","messages":[{"role":"user","content":"x"}],"max_tokens":2,"request_id":%q}`, id)
			}
			resp, out := e.post(t, path, b)
			var body struct {
				Error APIError `json:"error"`
			}
			if err := json.Unmarshal(out, &body); err != nil {
				t.Fatalf("%q: %v", out, err)
			}
			if resp.StatusCode != 400 || body.Error.Param == nil || *body.Error.Param != "request_id" {
				t.Fatalf("%s request_id %q: %d %s", path, id, resp.StatusCode, out)
			}
		}
	}
	resp, out := e.post(t, "/v1/completions", `{"model":"base","prompt":"x","max_tokens":2,"request_id":7}`)
	if resp.StatusCode != 400 || !strings.Contains(string(out), "request_id") {
		t.Fatalf("numeric request_id: %d %s", resp.StatusCode, out)
	}
	e.complete(t, "/v1/completions", `{"model":"base","prompt":"x","max_tokens":2}`)
}
