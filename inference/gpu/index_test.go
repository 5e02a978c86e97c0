package gpu

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/paichain/paichain/inference/kvcache"
	"github.com/paichain/paichain/inference/safetensors"
	"github.com/paichain/paichain/inference/sample"
	"github.com/paichain/paichain/internal/testutil"
)

// indexCheck builds kernels/tests/index_check.c (pk_index.h, the header the
// CUDA kernels include) with the host C compiler and returns a line-oriented
// query function over its stdin/stdout.
func indexCheck(t *testing.T) func(format string, args ...any) string {
	t.Helper()
	cc, err := exec.LookPath("gcc")
	if err != nil {
		t.Skip("gcc not installed: cannot build the C side of the cross-check")
	}
	root := testutil.RepoRoot(t)
	bin := filepath.Join(t.TempDir(), "index_check")
	out, err := exec.Command(cc, "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror",
		"-I", filepath.Join(root, "kernels/include"), filepath.Join(root, "kernels/tests/index_check.c"), "-o", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("building index_check: %v\n%s", err, out)
	}
	cmd := exec.Command(bin)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		in.Close()
		if err := cmd.Wait(); err != nil {
			t.Errorf("index_check exited: %v", err)
		}
	})
	r := bufio.NewReader(stdout)
	return func(format string, args ...any) string {
		t.Helper()
		if _, err := fmt.Fprintf(in, format+"\n", args...); err != nil {
			t.Fatal(err)
		}
		line, err := r.ReadString('\n')
		if err != nil && err != io.EOF {
			t.Fatal(err)
		}
		if line == "" {
			t.Fatalf("index_check gave no answer to %q", fmt.Sprintf(format, args...))
		}
		return strings.TrimSpace(line)
	}
}

// TestPRNGMatchesSampler checks the C/CUDA port of the sampling PRNG
// (pk_request_key, pk_uniform) against sample.Uniform bit for bit, and
// RequestKey against the C key.
func TestPRNGMatchesSampler(t *testing.T) {
	q := indexCheck(t)
	rng := rand.New(rand.NewPCG(1, 2))
	type tc struct {
		seed uint64
		id   string
		pos  int
	}
	cases := []tc{
		{0, "", 0}, {42, "cmpl-1", 0}, {42, "cmpl-1", 1}, {math.MaxUint64, "x", 1 << 30},
		{7, "req-\x00\xff", 12345}, {1, strings.Repeat("ab", 300), 3},
	}
	for range 500 {
		id := make([]byte, rng.IntN(40))
		for i := range id {
			id[i] = byte(rng.Uint32())
		}
		cases = append(cases, tc{rng.Uint64(), string(id), rng.IntN(1 << 20)})
	}
	for _, c := range cases {
		h := hex.EncodeToString([]byte(c.id))
		if h == "" {
			h = "-"
		}
		f := strings.Fields(q("uniform %d %s %d", c.seed, h, c.pos))
		if len(f) != 2 {
			t.Fatalf("bad answer %q", f)
		}
		key, _ := strconv.ParseUint(f[0], 16, 64)
		bits, _ := strconv.ParseUint(f[1], 16, 64)
		if want := RequestKey(c.seed, c.id); key != want {
			t.Fatalf("seed %d id %q: C key %#x, Go %#x", c.seed, c.id, key, want)
		}
		if got, want := math.Float64frombits(bits), sample.Uniform(c.seed, c.id, c.pos); got != want {
			t.Fatalf("seed %d id %q pos %d: C uniform %v, Go %v", c.seed, c.id, c.pos, got, want)
		}
	}
}

// TestKVRowMatchesCache checks pk_kv_row against kvcache.Cache.Row on real
// block tables (shuffled by freeing and reallocating).
func TestKVRowMatchesCache(t *testing.T) {
	q := indexCheck(t)
	for _, bs := range []int{1, 16, 7} {
		const kvDim = 24
		c, err := kvcache.New(kvcache.Config{Layers: 1, NumBlocks: 64, BlockSize: bs, KVDim: kvDim})
		if err != nil {
			t.Fatal(err)
		}
		var a, b kvcache.Seq
		if err := c.Reserve(&a, 5*bs); err != nil {
			t.Fatal(err)
		}
		if err := c.Reserve(&b, 9*bs+3); err != nil {
			t.Fatal(err)
		}
		c.Release(&a) // b's later blocks come from a's freed ones
		if err := c.Reserve(&b, 15*bs); err != nil {
			t.Fatal(err)
		}
		bt := make([]string, len(b.Blocks))
		for i, x := range b.Blocks {
			bt[i] = strconv.Itoa(int(x))
		}
		for pos := 0; pos < 15*bs; pos++ {
			got := q("row %d %d %d %d %s", bs, kvDim, pos, len(bt), strings.Join(bt, " "))
			if want := strconv.Itoa(c.Row(&b, pos)); got != want {
				t.Fatalf("block size %d pos %d: C row %s, kvcache %s", bs, pos, got, want)
			}
		}
	}
}

// TestSplitKVPartition checks the fixed split-KV partition: the splits tile
// [start, end] in ascending order, each lies inside one aligned window of
// `split` absolute positions, and no split is empty — so a row's reduction
// order depends on its own range only.
func TestSplitKVPartition(t *testing.T) {
	q := indexCheck(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		split := []int{1, 16, 64, 256}[rng.IntN(4)]
		end := rng.IntN(5000)
		start := 0
		if rng.IntN(2) == 0 {
			start = rng.IntN(end + 1)
		}
		f := strings.Fields(q("splits %d %d %d", start, end, split))
		n, _ := strconv.Atoi(f[0])
		if n != len(f)-1 || n != end/split-start/split+1 {
			t.Fatalf("[%d,%d]/%d: %v", start, end, split, f)
		}
		next := start
		for _, r := range f[1:] {
			lo, hi, _ := strings.Cut(r, ":")
			l, _ := strconv.Atoi(lo)
			h, _ := strconv.Atoi(hi)
			if l != next || h < l || l/split != h/split {
				t.Fatalf("[%d,%d]/%d: bad split %s in %v", start, end, split, r, f)
			}
			next = h + 1
		}
		if next != end+1 {
			t.Fatalf("[%d,%d]/%d: splits end at %d", start, end, split, next-1)
		}
	}
}

// TestAttnStartMatchesEngine checks pk_attn_start against the engine's
// sliding-window rule max(0, pos-w+1) (w = 0: no window).
func TestAttnStartMatchesEngine(t *testing.T) {
	q := indexCheck(t)
	for _, w := range []int{0, 1, 4, 4096} {
		for _, pos := range []int{0, 1, 3, 4, 5, 100, 5000} {
			want := 0
			if w > 0 {
				want = max(0, pos-w+1)
			}
			if got := q("start %d %d", pos, w); got != strconv.Itoa(want) {
				t.Fatalf("pos %d window %d: C %s, want %d", pos, w, got, want)
			}
		}
	}
}

// TestBF16MatchesSafetensors checks the upload's bf16 rounding against
// safetensors.F32ToBF16 (the rounding our BF16 checkpoints were written
// with): specials, halfway cases and random bit patterns.
func TestBF16MatchesSafetensors(t *testing.T) {
	q := indexCheck(t)
	rng := rand.New(rand.NewPCG(5, 6))
	bits := []uint32{0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffffffff, 0x3f808000, 0x3f818000, 0x7f7fffff, 0x00000001}
	for range 3000 {
		bits = append(bits, rng.Uint32())
	}
	for _, b := range bits {
		got := q("bf16 %x", b)
		if want := fmt.Sprintf("%04x", safetensors.F32ToBF16(math.Float32frombits(b))); got != want {
			t.Fatalf("bits %#08x: C %s, Go %s", b, got, want)
		}
	}
}

func TestSelect(t *testing.T) {
	for _, tc := range []struct {
		name, want, err string
	}{
		{CPU, CPU, ""},
		{"tpu", "", `unknown backend "tpu"`},
	} {
		c, err := Select(tc.name)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("%s: err %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || c.Backend != tc.want {
			t.Fatalf("%s: %+v %v", tc.name, c, err)
		}
	}
	// auto falls back exactly when Probe fails, and says why; cuda fails
	// with Probe's error.
	probe := Probe()
	c, err := Select(Auto)
	if err != nil {
		t.Fatal(err)
	}
	if probe != nil && (c.Backend != CPU || c.Reason != probe.Error()) {
		t.Fatalf("auto with probe error %v: %+v", probe, c)
	}
	_, err = Select(CUDA)
	if probe != nil && (err == nil || !strings.Contains(err.Error(), probe.Error())) {
		t.Fatalf("cuda with probe error %v: %v", probe, err)
	}
	if !Built && probe != ErrNoCUDA {
		t.Fatalf("build without cuda: Probe = %v", probe)
	}
}
