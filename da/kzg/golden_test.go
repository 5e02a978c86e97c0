package kzg_test

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/Layr-Labs/eigenda/api/clients/codecs"
	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	eigenkzg "github.com/Layr-Labs/eigenda/encoding/kzg"
	"github.com/Layr-Labs/eigenda/encoding/kzg/prover"

	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/kzg"
)

// goldenSizes cover the edges of the 31-byte chunking and several blob sizes
// up to 2048 symbols, which keeps EigenDA's own SRS loading fast.
var goldenSizes = []int{0, 1, 30, 31, 32, 61, 62, 63, 1000, 3937, 3938, 20000, 63457}

const goldenSymbols = 2048

// TestGoldenAgainstEigenDA checks blob bytes and all three commitments
// against EigenDA v0.9.2's own payload encoder and prover.
func TestGoldenAgainstEigenDA(t *testing.T) {
	dir := srsDir(t)
	theirs, err := prover.NewProver(&eigenkzg.KzgConfig{
		G1Path:          filepath.Join(dir, kzg.G1File),
		G2Path:          filepath.Join(dir, kzg.G2File),
		G2TrailingPath:  filepath.Join(dir, kzg.G2TrailingFile),
		CacheDir:        t.TempDir(),
		NumWorker:       2,
		SRSOrder:        kzg.SRSOrder,
		SRSNumberToLoad: goldenSymbols,
		LoadG2Points:    true,
	}, nil)
	if err != nil {
		t.Fatalf("eigenda prover: %v", err)
	}
	ours, err := kzg.Open(dir, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var c codec.Codec
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range goldenSizes {
		payload := make([]byte, size)
		for i := range payload {
			payload[i] = byte(rng.Uint32())
		}
		blob, err := coretypes.NewPayload(payload).ToBlob(codecs.PolynomialFormEval)
		if err != nil {
			t.Fatalf("size %d: eigenda ToBlob: %v", size, err)
		}
		coeffs, err := c.Encode(payload)
		if err != nil {
			t.Fatalf("size %d: encode: %v", size, err)
		}
		if got, want := uint32(len(coeffs)), blob.BlobLengthSymbols(); got != want {
			t.Fatalf("size %d: blob symbols %d, eigenda %d", size, got, want)
		}
		ourBytes := codec.Serialize(coeffs)
		if !bytes.Equal(ourBytes, blob.Serialize()) {
			t.Fatalf("size %d: blob bytes differ from eigenda's", size)
		}
		back, err := c.Decode(coeffs)
		if err != nil || !bytes.Equal(back, payload) {
			t.Fatalf("size %d: decode round trip: %v", size, err)
		}
		want, err := theirs.GetCommitmentsForPaddedLength(ourBytes)
		if err != nil {
			t.Fatalf("size %d: eigenda commitments: %v", size, err)
		}
		got, err := ours.CommitAll(coeffs)
		if err != nil {
			t.Fatalf("size %d: commit: %v", size, err)
		}
		if got.Length != uint32(want.Length) {
			t.Errorf("size %d: length %d, eigenda %d", size, got.Length, want.Length)
		}
		if !got.Commitment.Equal((*bnG1)(want.Commitment)) {
			t.Errorf("size %d: G1 commitment differs", size)
		}
		if !got.LengthCommitment.Equal((*bnG2)(want.LengthCommitment)) {
			t.Errorf("size %d: length commitment differs", size)
		}
		if !got.LengthProof.Equal((*bnG2)(want.LengthProof)) {
			t.Errorf("size %d: length proof differs", size)
		}
		if err := kzg.VerifyLengthCommitment(&got); err != nil {
			t.Errorf("size %d: %v", size, err)
		}
	}
}
