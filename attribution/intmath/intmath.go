// Package intmath holds the integer-only arithmetic of Proof of Attribution:
// a fixed-point base-2 logarithm and a largest-remainder normalisation.
// Every result is a pure function of its integer inputs, so any machine (or
// a Solidity contract) recomputes bit-identical scores and weights.
package intmath

import (
	"math/bits"
	"slices"
)

// FracBits is the number of fractional bits of Log2Q16.
const FracBits = 16

// Log2Q16 returns floor(log2(x) * 2^16) computed by the classic
// square-and-halve algorithm: the integer part is the bit length of x minus
// one; the mantissa y = x / 2^k in [1, 2) is held as a Q63 fixed-point
// number, squared 16 times, each square >= 2 yielding a 1 bit (and halving
// y). The 128-bit product is truncated to Q63 after every square. Log2Q16(0)
// is 0 by definition (never used for a valid count).
func Log2Q16(x uint64) uint64 {
	if x == 0 {
		return 0
	}
	k := uint64(bits.Len64(x) - 1)
	y := x << (63 - k) // Q63, top bit set: y in [1, 2)
	r := k << FracBits
	for i := FracBits - 1; i >= 0; i-- {
		hi, lo := bits.Mul64(y, y) // Q126
		// y*y in Q63 = (hi:lo) >> 63; it is in [1, 4).
		sq := hi<<1 | lo>>63
		if hi>>63 != 0 { // y*y >= 2
			r |= 1 << uint(i)
			sq = hi // (hi:lo) >> 64 = y*y/2 in Q63
		}
		y = sq
	}
	return r
}

// MulDiv returns floor(a*b/c) and (a*b) mod c with a 128-bit intermediate; it
// panics if c is 0 or the quotient overflows 64 bits.
func MulDiv(a, b, c uint64) (q, rem uint64) {
	hi, lo := bits.Mul64(a, b)
	return bits.Div64(hi, lo, c)
}

// Normalize scales the non-negative scores to integers summing to exactly
// total (when any score is non-zero): share i = floor(s_i*total/sum), then
// the total-minus-sum leftover units go one each to the largest remainders
// (s_i*total mod sum), ties to the lower index. All-zero input yields all
// zeros. The sum of scores must fit in 64 bits.
func Normalize(scores []uint64, total uint64) []uint64 {
	out := make([]uint64, len(scores))
	var sum uint64
	for _, s := range scores {
		sum += s
	}
	if sum == 0 {
		return out
	}
	rems := make([]uint64, len(scores))
	var given uint64
	for i, s := range scores {
		out[i], rems[i] = MulDiv(s, total, sum)
		given += out[i]
	}
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rems[a] > rems[b]:
			return -1
		case rems[a] < rems[b]:
			return 1
		}
		return a - b
	})
	for i := 0; given < total; i++ {
		out[order[i]]++
		given++
	}
	return out
}
