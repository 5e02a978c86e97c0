package engine

import (
	"fmt"

	"github.com/paichain/paichain/inference/kvcache"
	"github.com/paichain/paichain/inference/lora"
)

// Logits runs prompt as a single sequence on a private KV cache (never
// touching the scheduler) and returns the logits after every position,
// [len(prompt)][VocabSize]. Because the forward pass is batch-invariant these
// are bit-identical to what the scheduler computes for the same tokens in any
// batch; `infer verify` and the tests rely on that.
func (e *Engine) Logits(prompt []int, adapter *lora.Adapter) ([][]float32, error) {
	c := e.m.Config
	if len(prompt) == 0 || len(prompt) > c.MaxSeqLen {
		return nil, fmt.Errorf("%w: prompt of %d tokens (context %d)", ErrInvalidRequest, len(prompt), c.MaxSeqLen)
	}
	if adapter != nil {
		if err := lora.Validate(adapter, c); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidRequest, err)
		}
	}
	e.logitsMu.Lock()
	defer e.logitsMu.Unlock()
	bs := e.opts.BlockSize
	kv, err := kvcache.New(kvcache.Config{Layers: c.NLayers, KVDim: c.KVDim(), BlockSize: bs, NumBlocks: (len(prompt) + bs - 1) / bs})
	if err != nil {
		return nil, err
	}
	fwd, err := NewForward(e.m, kv, e.opts.Workers)
	if err != nil {
		return nil, err
	}
	defer fwd.Close()
	var seq kvcache.Seq
	if err := kv.Reserve(&seq, len(prompt)); err != nil {
		return nil, err
	}
	out := make([][]float32, 0, len(prompt))
	for start := 0; start < len(prompt); start += e.opts.PrefillChunk {
		end := min(len(prompt), start+e.opts.PrefillChunk)
		lg, err := fwd.Run([]Chunk{{Seq: &seq, Start: start, Tokens: prompt[start:end], Adapter: adapter, Logits: LogitsAll}})
		if err != nil {
			return nil, err
		}
		for i := 0; i < end-start; i++ {
			out = append(out, append([]float32(nil), lg[i*c.VocabSize:(i+1)*c.VocabSize]...))
		}
	}
	return out, nil
}
