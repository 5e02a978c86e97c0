package merkle

import (
	"bytes"
	"errors"
	"testing"
)

func TestProofs(t *testing.T) {
	for _, n := range []int{0, 1, 5, 16, 17, 100, 1023, 4096, 5000} {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i*7 + n)
		}
		b := NewBuilder(16)
		b.Write(data[:n/3])
		b.Write(data[n/3:])
		tr := b.Tree()
		root := tr.Root()
		if n == 0 {
			if root != RootOf(0, 16, Hash{}) {
				t.Fatal("empty root")
			}
			continue
		}
		for i := uint64(0); i < NumLeaves(uint64(n), 16); i++ {
			path, err := tr.Path(i)
			if err != nil {
				t.Fatal(err)
			}
			chunk := data[i*16 : min(uint64(n), (i+1)*16)]
			if err := Verify(root, uint64(n), 16, i, chunk, path); err != nil {
				t.Fatalf("n=%d leaf %d: %v", n, i, err)
			}
			bad := bytes.Clone(chunk)
			bad[0] ^= 1
			if err := Verify(root, uint64(n), 16, i, bad, path); !errors.Is(err, ErrProof) {
				t.Fatalf("tampered chunk accepted: %v", err)
			}
			if err := Verify(root, uint64(n)+1, 16, i, chunk, path); err == nil {
				t.Fatal("wrong length accepted")
			}
			if len(path) > 0 {
				p2 := append([]Hash(nil), path...)
				p2[0][3] ^= 1
				if err := Verify(root, uint64(n), 16, i, chunk, p2); !errors.Is(err, ErrProof) {
					t.Fatal("tampered path accepted")
				}
				if err := Verify(root, uint64(n), 16, i, chunk, path[1:]); err == nil {
					t.Fatal("short path accepted")
				}
			}
			if i > 0 {
				if err := Verify(root, uint64(n), 16, i-1, chunk, path); err == nil && n%16 == 0 {
					t.Fatal("proof for another index accepted")
				}
			}
		}
		var buf bytes.Buffer
		if _, err := tr.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		tr2, err := ReadTree(buf.Bytes())
		if err != nil || tr2.Root() != root {
			t.Fatalf("round trip: %v", err)
		}
		if _, err := ReadTree(buf.Bytes()[:buf.Len()-1]); err == nil {
			t.Fatal("truncated tree accepted")
		}
	}
}

func FuzzReadTree(f *testing.F) {
	var buf bytes.Buffer
	b := NewBuilder(8)
	b.Write(make([]byte, 100))
	b.Tree().WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := ReadTree(data)
		if err != nil {
			return
		}
		if len(tr.Levels) > 0 {
			if _, err := tr.Path(0); err != nil {
				t.Fatal(err)
			}
		}
		tr.Root()
	})
}
