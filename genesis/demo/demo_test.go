package demo

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/inference/adapters"
	"github.com/paichain/paichain/inference/engine"
	"github.com/paichain/paichain/inference/model"
	"github.com/paichain/paichain/inference/server"
	"github.com/paichain/paichain/precompiles"
)

// TestServedHashesAreRegistered loads Write's files the way `paichain
// infer --model <model> --adapters <adapters>` does, serves a completion
// through the demo adapter, and checks that the receipt names exactly the
// hashes Registrations puts into the genesis.
func TestServedHashesAreRegistered(t *testing.T) {
	p, err := Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(p.Model)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := server.LoadTokenizer("", p.Model, m.Config.VocabSize)
	if err != nil {
		t.Fatal(err)
	}
	store, err := adapters.Open(adapters.StoreConfig{}, m.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ah, err := store.Register(p.Adapters + "/" + AdapterName)
	if err != nil {
		t.Fatal(err)
	}
	store.Alias(AdapterName, ah, 0)
	eng, err := engine.New(m, engine.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	srv, err := server.New(server.Config{Engine: eng, Tokenizer: tok, Store: store, ModelName: ModelName})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()

	resp, err := http.Post(hs.URL+"/v1/completions", "application/json",
		strings.NewReader(`{"model":"adapter:`+AdapterName+`","prompt":"hello chain","max_tokens":8,"temperature":0}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Receipt struct {
			ModelHash common.Hash `json:"model_hash"`
			Adapters  []struct {
				Hash common.Hash `json:"hash"`
			} `json:"adapters"`
			PromptTokenIDs []int `json:"prompt_token_ids"`
		} `json:"receipt"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 {
		t.Fatalf("completion: status %d, decode %v", resp.StatusCode, err)
	}

	owner := common.HexToAddress("0x0a11ce")
	models, adps, err := Registrations(owner)
	if err != nil {
		t.Fatal(err)
	}
	if len(models) != 1 || len(adps) != 1 {
		t.Fatalf("%d models, %d adapters", len(models), len(adps))
	}
	if got := out.Receipt.ModelHash; got != models[0].WeightsHash {
		t.Errorf("served model hash %s, registered %x", got, models[0].WeightsHash)
	}
	if len(out.Receipt.Adapters) != 1 || out.Receipt.Adapters[0].Hash != adps[0].AdapterHash {
		t.Errorf("served adapters %+v, registered %x", out.Receipt.Adapters, adps[0].AdapterHash)
	}
	// The byte tokenizer maps each byte to its own id (after the BOS).
	if ids := out.Receipt.PromptTokenIDs; len(ids) < len("hello chain") || ids[len(ids)-1] != 'n' {
		t.Errorf("prompt ids %v", ids)
	}
	// The registrations are valid genesis state.
	cfg := precompiles.DefaultGenesisConfig(owner)
	cfg.Models, cfg.Adapters = models, adps
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if adps[0].BaseModelID != 1 || models[0].Owner != owner || adps[0].Owner != owner {
		t.Errorf("registrations %+v %+v", models[0], adps[0])
	}
}

func TestHashesAreStable(t *testing.T) {
	a, err := ComputeHashes()
	if err != nil {
		t.Fatal(err)
	}
	b, err := ComputeHashes()
	if err != nil {
		t.Fatal(err)
	}
	if a != b || a.Model == a.Adapter || a.Model == ([32]byte{}) {
		t.Fatalf("hashes %x / %x", a, b)
	}
	// Another seed is another model: the registry tells demo builds apart.
	m, err := model.NewSynthetic(ModelConfig, ModelSeed+1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Hash == a.Model {
		t.Fatal("model hash does not depend on the seed")
	}
}

func TestByteAlphabet(t *testing.T) {
	seen := map[rune]bool{}
	for b, r := range byteAlphabet() {
		if seen[r] {
			t.Fatalf("byte %#x maps to %q twice", b, r)
		}
		seen[r] = true
	}
	if a := byteAlphabet(); a['A'] != 'A' || a[' '] != 'Ġ' || a['\n'] != 'Ċ' {
		t.Fatalf("alphabet: A=%q space=%q newline=%q", a['A'], a[' '], a['\n'])
	}
}
