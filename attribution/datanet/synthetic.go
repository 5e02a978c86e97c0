package datanet

import (
	"fmt"
	"math/big"
	"math/rand/v2"

	"github.com/ethereum/go-ethereum/common"
)

// Synthetic yields a seeded benchmark corpus of about tokens tokens:
// documents of docLen/2..3*docLen/2 Zipf-distributed ids (s = 1.1, as in
// natural text) over vocab, from contributors round-robin (addresses
// 0x..01, 0x..02, ...).
func Synthetic(tokens int64, vocab, docLen, contributors int, seed uint64) func() (Contribution, bool, error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	z := rand.NewZipf(r, 1.1, 1, uint64(vocab-1))
	var made int64
	doc := 0
	return func() (Contribution, bool, error) {
		if made >= tokens || vocab < 2 || docLen < 2 || contributors < 1 {
			return Contribution{}, false, nil
		}
		n := min(int64(docLen/2+r.IntN(docLen+1)), tokens-made)
		toks := make([]int, n)
		for i := range toks {
			toks[i] = int(z.Uint64())
		}
		made += n
		c := Contribution{
			ID:          fmt.Sprintf("synthetic-%d", doc),
			Contributor: common.BigToAddress(big.NewInt(int64(1 + doc%contributors))),
			Tokens:      toks,
		}
		doc++
		return c, true, nil
	}
}
