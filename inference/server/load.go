package server

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/paichain/paichain/inference/tokenizer"
)

// LoadTokenizer loads the tokenizer at path for a model with a vocabulary
// of vocab ids. A llama2.c tokenizer .bin is cut to the model's vocabulary
// (the file carries no count of its own); an empty path means tokenizer.json
// next to the model (modelPath a directory, or the directory of a file).
func LoadTokenizer(path, modelPath string, vocab int) (tokenizer.Tokenizer, error) {
	if path == "" {
		dir := modelPath
		if fi, err := os.Stat(modelPath); err == nil && !fi.IsDir() {
			dir = filepath.Dir(modelPath)
		}
		path = filepath.Join(dir, "tokenizer.json")
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no --tokenizer given and no tokenizer.json next to the model (%s)", path)
		}
	}
	t, err := tokenizer.Load(path)
	if err != nil {
		return nil, fmt.Errorf("loading tokenizer %s: %w", path, err)
	}
	if t.Family() == "llama2c" && t.VocabSize() != vocab {
		if t, err = tokenizer.LoadLlama2c(path, vocab); err != nil {
			return nil, fmt.Errorf("loading tokenizer %s for a vocabulary of %d: %w", path, vocab, err)
		}
	}
	return t, nil
}
