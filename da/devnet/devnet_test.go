package devnet

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cert"
	"github.com/paichain/paichain/da/kzg"
	"github.com/paichain/paichain/da/kzg/kzgtest"
)

// srs is shared by every test backend, so each SRS slice loads once.
var srs *kzg.SRS

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) != "" {
		os.Exit(m.Run())
	}
	os.Exit(kzgtest.Main(m, &srs))
}

func open(t testing.TB, dir string) *Backend {
	t.Helper()
	b, err := Open(Config{Dir: dir, SRS: srs})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func payload(i, size int) []byte {
	return bytes.Repeat([]byte(fmt.Sprintf("payload-%d|", i)), size/10+1)[:size]
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	b := open(t, t.TempDir())
	for i, size := range []int{0, 1, 31, 32, 1000, 70_000} {
		p := payload(i, size)
		c, err := b.Put(ctx, p)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if c.Version != da.CertV2 {
			t.Fatalf("version %d", c.Version)
		}
		got, err := b.Get(ctx, c)
		if err != nil || !bytes.Equal(got, p) {
			t.Fatalf("size %d: get: %v", size, err)
		}
		// The same cert presented in the V3 layout resolves too.
		v2, _ := cert.DecodeV2(c.Body)
		v3body, _ := v2.ToV3().Encode()
		if got, err := b.Get(ctx, da.Cert{Version: da.CertV3, Body: v3body}); err != nil || !bytes.Equal(got, p) {
			t.Fatalf("size %d: get as v3: %v", size, err)
		}
		// Deterministic: the same payload gets the same cert.
		c2, err := b.Put(ctx, p)
		if err != nil || !bytes.Equal(c2.Body, c.Body) {
			t.Fatalf("size %d: second put gave a different cert", size)
		}
	}
}

// TestCertIsEigenDAShaped checks the cert with EigenDA's own types: it
// decodes, its blob key computes (which needs valid G2 points), and the
// length commitment pairs with the commitment.
func TestCertIsEigenDAShaped(t *testing.T) {
	b := open(t, t.TempDir())
	c, err := b.Put(context.Background(), payload(1, 5000))
	if err != nil {
		t.Fatal(err)
	}
	var theirs coretypes.EigenDACert
	if err := rlp.DecodeBytes(c.Body, &theirs); err != nil {
		t.Fatalf("eigenda decode: %v", err)
	}
	key, err := theirs.ComputeBlobKey()
	if err != nil {
		t.Fatalf("eigenda blob key: %v", err)
	}
	ours, _ := cert.DecodeV2(c.Body)
	want, _ := cert.BlobKey(&ours.BlobInclusionInfo.BlobCertificate.BlobHeader)
	if [32]byte(*key) != want {
		t.Fatal("blob keys differ")
	}
	cm := ours.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment
	g1, err := kzg.G1FromBig(cm.Commitment.X, cm.Commitment.Y)
	if err != nil {
		t.Fatal(err)
	}
	lc, err := kzg.G2FromBig(cm.LengthCommitment.X, cm.LengthCommitment.Y)
	if err != nil {
		t.Fatal(err)
	}
	lp, err := kzg.G2FromBig(cm.LengthProof.X, cm.LengthProof.Y)
	if err != nil {
		t.Fatal(err)
	}
	if err := kzg.VerifyLengthCommitment(&kzg.Commitments{Commitment: g1, LengthCommitment: lc, LengthProof: lp}); err != nil {
		t.Fatal(err)
	}
	if cm.Length != 256 { // 5000 bytes: 1 + 162 symbols -> 256
		t.Fatalf("length %d", cm.Length)
	}
	var zero bn254.G2Affine
	if lp.Equal(&zero) || lp.Equal(&lc) {
		t.Fatal("length proof is degenerate")
	}
}

// TestTamperedCertRejected flips bytes across the whole cert: every
// variant must be rejected as an invalid cert (418), never served.
func TestTamperedCertRejected(t *testing.T) {
	ctx := context.Background()
	b := open(t, t.TempDir())
	c, err := b.Put(ctx, payload(2, 300))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(c.Body); i += 5 {
		body := bytes.Clone(c.Body)
		body[i] ^= 0x01
		_, err := b.Get(ctx, da.Cert{Version: da.CertV2, Body: body})
		if !errors.Is(err, da.ErrInvalidCert) {
			t.Fatalf("byte %d flipped: want ErrInvalidCert, got %v", i, err)
		}
	}
	for _, bad := range []da.Cert{
		{Version: 0x03, Body: c.Body},
		{Version: da.CertV2, Body: c.Body[:len(c.Body)-1]},
		{Version: da.CertV2},
	} {
		if _, err := b.Get(ctx, bad); !errors.Is(err, da.ErrInvalidCert) {
			t.Fatalf("want ErrInvalidCert, got %v", err)
		}
	}
}

func TestUnknownBlobNotFound(t *testing.T) {
	ctx := context.Background()
	dir1, dir2 := t.TempDir(), t.TempDir()
	c, err := open(t, dir1).Put(ctx, payload(3, 100))
	if err != nil {
		t.Fatal(err)
	}
	// A valid devnet cert whose blob this store never saw: 404, not 418.
	if _, err := open(t, dir2).Get(ctx, c); !errors.Is(err, da.ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
	if _, err := open(t, dir1).Put(ctx, make([]byte, 16_252_898)); !errors.Is(err, da.ErrTooLarge) {
		t.Fatalf("want ErrTooLarge, got %v", err)
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b := open(t, dir)
	var certs []da.Cert
	for i := range 20 {
		c, err := b.Put(ctx, payload(i, 100+i*37))
		if err != nil {
			t.Fatal(err)
		}
		certs = append(certs, c)
	}
	b2 := open(t, dir)
	if b2.Len() != 20 {
		t.Fatalf("len %d after reopen", b2.Len())
	}
	for i, c := range certs {
		got, err := b2.Get(ctx, c)
		if err != nil || !bytes.Equal(got, payload(i, 100+i*37)) {
			t.Fatalf("cert %d lost after reopen: %v", i, err)
		}
	}
}

const crashChildEnv = "PAICHAIN_DEVNET_CRASH_CHILD"

// TestKillDuringPuts runs puts in a child process, SIGKILLs it mid-stream
// and checks that every commitment the child reported still resolves.
func TestKillDuringPuts(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		crashChild(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringPuts$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reported := map[int]string{}
	sc := bufio.NewScanner(out)
	deadline := time.After(60 * time.Second)
	for len(reported) < 25 && sc.Scan() {
		var i int
		var h string
		if _, err := fmt.Sscanf(sc.Text(), "%d %s", &i, &h); err == nil {
			reported[i] = h
		}
		select {
		case <-deadline:
			t.Fatal("child too slow")
		default:
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if len(reported) < 25 {
		t.Fatalf("child reported only %d puts", len(reported))
	}
	b := open(t, dir)
	ctx := context.Background()
	for i, h := range reported {
		body, _ := hex.DecodeString(h)
		got, err := b.Get(ctx, da.Cert{Version: da.CertV2, Body: body})
		if err != nil || !bytes.Equal(got, payload(i, 200+i)) {
			t.Fatalf("put %d reported before the kill is lost: %v", i, err)
		}
	}
}

func crashChild(dir string) {
	b, err := Open(Config{Dir: dir})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		c, err := b.Put(context.Background(), payload(i, 200+i))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Fprintf(w, "%d %s\n", i, strings.ToLower(hex.EncodeToString(c.Body)))
		w.Flush()
	}
}
