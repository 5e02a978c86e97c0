package kvcache

import (
	"errors"
	"testing"
)

func newCache(t *testing.T, blocks int) *Cache {
	t.Helper()
	c, err := New(Config{Layers: 2, KVDim: 4, BlockSize: 4, NumBlocks: blocks})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReserveRelease(t *testing.T) {
	c := newCache(t, 5)
	var a, b Seq
	if err := c.Reserve(&a, 9); err != nil || len(a.Blocks) != 3 || c.FreeBlocks() != 2 {
		t.Fatalf("reserve: %v %v free %d", err, a.Blocks, c.FreeBlocks())
	}
	if err := c.Reserve(&a, 12); err != nil || len(a.Blocks) != 3 {
		t.Fatal("reserving within the last block allocated")
	}
	// Failure allocates nothing.
	if err := c.Reserve(&b, 13); !errors.Is(err, ErrNoBlocks) || len(b.Blocks) != 0 || c.FreeBlocks() != 2 {
		t.Fatalf("over-reserve: %v %v free %d", err, b.Blocks, c.FreeBlocks())
	}
	if err := c.Reserve(&b, 8); err != nil || c.FreeBlocks() != 0 {
		t.Fatal(err)
	}
	seen := map[int32]bool{}
	for _, blk := range append(append([]int32(nil), a.Blocks...), b.Blocks...) {
		if seen[blk] {
			t.Fatalf("block %d handed out twice", blk)
		}
		seen[blk] = true
	}
	// Row maps positions through the block table.
	if got, want := c.Row(&a, 5), (int(a.Blocks[1])*4+1)*4; got != want {
		t.Fatalf("Row = %d, want %d", got, want)
	}
	c.Release(&a)
	c.Release(&b)
	if c.FreeBlocks() != 5 || c.UsedBlocks() != 0 || len(a.Blocks) != 0 {
		t.Fatal("release")
	}
	if _, err := New(Config{Layers: 1, KVDim: 0, BlockSize: 1, NumBlocks: 1}); err == nil {
		t.Fatal("invalid config accepted")
	}
}

func TestPrefixSharing(t *testing.T) {
	c := newCache(t, 6)
	ns := Namespace([]byte("model"), nil)
	other := Namespace([]byte("model"), []byte("adapter"))
	toks := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	var a Seq
	if n := c.Match(&a, ns, toks); n != 0 {
		t.Fatalf("empty cache matched %d", n)
	}
	if err := c.Reserve(&a, len(toks)); err != nil {
		t.Fatal(err)
	}
	c.Publish(&a, ns, toks, 6) // only the first block is complete
	c.Publish(&a, ns, toks, 10)
	// Same prefix shares the two full blocks (at most len-1 positions).
	var b Seq
	if n := c.Match(&b, ns, toks); n != 8 || b.Blocks[0] != a.Blocks[0] || b.Blocks[1] != a.Blocks[1] {
		t.Fatalf("match %d blocks %v vs %v", n, b.Blocks, a.Blocks)
	}
	var e Seq
	if n := c.Match(&e, ns, toks[:8]); n != 4 {
		t.Fatalf("prompt of exactly two blocks matched %d, want 4 (last token must be computed)", n)
	}
	c.Release(&e)
	// A different namespace (adapter) or a different token shares nothing.
	if n := c.Match(new(Seq), other, toks); n != 0 {
		t.Fatalf("other namespace matched %d", n)
	}
	diff := append([]int{1, 2, 3, 99}, toks[4:]...)
	if n := c.Match(new(Seq), ns, diff); n != 0 {
		t.Fatalf("different first block matched %d", n)
	}
	// Released blocks stay matchable until reused.
	c.Release(&a)
	c.Release(&b)
	if c.FreeBlocks() != 6 {
		t.Fatalf("free %d after releasing everything", c.FreeBlocks())
	}
	var d Seq
	if n := c.Match(&d, ns, toks); n != 8 {
		t.Fatalf("freed prefix not revived: %d", n)
	}
	c.Release(&d)
	// Reusing every block evicts the cached prefix.
	var big Seq
	if err := c.Reserve(&big, 24); err != nil {
		t.Fatal(err)
	}
	c.Release(&big)
	if n := c.Match(new(Seq), ns, toks); n != 0 {
		t.Fatalf("evicted prefix matched %d", n)
	}
	hits, misses := c.PrefixStats()
	if hits == 0 || misses == 0 {
		t.Fatalf("stats %d %d", hits, misses)
	}
}

func TestLRUOrder(t *testing.T) {
	c := newCache(t, 4)
	ns := Namespace()
	seqs := make([]Seq, 2)
	for i := range seqs {
		toks := []int{i, i, i, i, 9}
		if err := c.Reserve(&seqs[i], 5); err != nil {
			t.Fatal(err)
		}
		c.Publish(&seqs[i], ns, toks, 5)
	}
	c.Release(&seqs[0]) // freed first: evicted first
	c.Release(&seqs[1])
	var x Seq
	if err := c.Reserve(&x, 8); err != nil { // takes seq 0's two blocks
		t.Fatal(err)
	}
	if c.Match(new(Seq), ns, []int{0, 0, 0, 0, 9}) != 0 {
		t.Fatal("older prefix survived")
	}
	if c.Match(new(Seq), ns, []int{1, 1, 1, 1, 9}) != 4 {
		t.Fatal("newer prefix evicted first")
	}
}
