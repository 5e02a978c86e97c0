package cert_test

import (
	"bytes"
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cert"
	"github.com/paichain/paichain/da/kzg"
)

func g1(rng *rand.Rand) cert.G1Point {
	var p bn254.G1Affine
	p.ScalarMultiplicationBase(new(big.Int).SetUint64(rng.Uint64() | 1))
	x, y := kzg.G1ToBig(&p)
	return cert.G1Point{X: x, Y: y}
}

func g2(rng *rand.Rand) cert.G2Point {
	var p bn254.G2Affine
	p.ScalarMultiplicationBase(new(big.Int).SetUint64(rng.Uint64() | 1))
	x, y := kzg.G2ToBig(&p)
	return cert.G2Point{X: x, Y: y}
}

func randBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// sampleV2 builds a cert with every field populated and valid curve points.
func sampleV2(rng *rand.Rand) *cert.V2 {
	var root, pay [32]byte
	copy(root[:], randBytes(rng, 32))
	copy(pay[:], randBytes(rng, 32))
	return &cert.V2{
		BlobInclusionInfo: cert.BlobInclusionInfo{
			BlobCertificate: cert.BlobCertificate{
				BlobHeader: cert.BlobHeaderV2{
					Version:       uint16(rng.UintN(3)),
					QuorumNumbers: []byte{1, 0},
					Commitment: cert.BlobCommitment{
						Commitment:       g1(rng),
						LengthCommitment: g2(rng),
						LengthProof:      g2(rng),
						Length:           1 << rng.UintN(20),
					},
					PaymentHeaderHash: pay,
				},
				Signature: randBytes(rng, 65),
				RelayKeys: []uint32{rng.Uint32(), 7},
			},
			BlobIndex:      rng.Uint32(),
			InclusionProof: randBytes(rng, 64),
		},
		BatchHeader: cert.BatchHeaderV2{BatchRoot: root, ReferenceBlockNumber: rng.Uint32()},
		NonSignerStakesAndSignature: cert.NonSignerStakesAndSignature{
			NonSignerQuorumBitmapIndices: []uint32{1, 2},
			NonSignerPubkeys:             []cert.G1Point{g1(rng)},
			QuorumApks:                   []cert.G1Point{g1(rng), g1(rng)},
			ApkG2:                        g2(rng),
			Sigma:                        g1(rng),
			QuorumApkIndices:             []uint32{3, 4},
			TotalStakeIndices:            []uint32{5, 6},
			NonSignerStakeIndices:        [][]uint32{{7}, {8, 9}},
		},
		SignedQuorumNumbers: []byte{0, 1},
	}
}

// TestV2MatchesEigenDA checks our V2 cert RLP is byte-identical to eigenda
// v0.9.2's coretypes.EigenDACert, both ways, and that blob keys agree.
func TestV2MatchesEigenDA(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20; i++ {
		ours := sampleV2(rng)
		enc, err := ours.Encode()
		if err != nil {
			t.Fatal(err)
		}
		var theirs coretypes.EigenDACert
		if err := rlp.DecodeBytes(enc, &theirs); err != nil {
			t.Fatalf("eigenda decodes our cert: %v", err)
		}
		again, err := rlp.EncodeToBytes(&theirs)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(enc, again) {
			t.Fatal("eigenda re-encodes our cert differently")
		}
		if theirs.BatchHeader.BatchRoot != ours.BatchHeader.BatchRoot ||
			theirs.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment.Length != ours.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment.Length ||
			theirs.NonSignerStakesAndSignature.Sigma.X.Cmp(ours.NonSignerStakesAndSignature.Sigma.X) != 0 {
			t.Fatal("fields differ after decoding with eigenda's type")
		}
		wantKey, err := theirs.ComputeBlobKey()
		if err != nil {
			t.Fatalf("eigenda blob key: %v", err)
		}
		gotKey, err := cert.BlobKey(&ours.BlobInclusionInfo.BlobCertificate.BlobHeader)
		if err != nil {
			t.Fatal(err)
		}
		if gotKey != [32]byte(*wantKey) {
			t.Fatalf("blob key %x, eigenda %x", gotKey, *wantKey)
		}
		back, err := cert.DecodeV2(enc)
		if err != nil {
			t.Fatal(err)
		}
		if enc2, _ := back.Encode(); !bytes.Equal(enc, enc2) {
			t.Fatal("decode/encode is not the identity")
		}
	}
}

func TestV3Encodings(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	v3 := sampleV2(rng).ToV3()
	rlpBytes, err := v3.Encode()
	if err != nil {
		t.Fatal(err)
	}
	abiBytes, err := v3.EncodeABI()
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string][]byte{"rlp": rlpBytes, "abi": abiBytes} {
		got, err := cert.DecodeV3(body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		again, _ := got.Encode()
		if !bytes.Equal(again, rlpBytes) {
			t.Fatalf("%s: decoded cert differs", name)
		}
	}
	// V3's RLP differs from V2's: the batch header comes first.
	v2Bytes, _ := v3.ToV2().Encode()
	if bytes.Equal(v2Bytes, rlpBytes) {
		t.Fatal("v2 and v3 RLP should differ in field order")
	}
}

func TestDecodeRejects(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	good, _ := sampleV2(rng).Encode()
	goodABI, _ := sampleV2(rng).ToV3().EncodeABI()
	for _, tc := range []struct {
		name string
		c    da.Cert
	}{
		{"empty v2", da.Cert{Version: da.CertV2}},
		{"truncated v2", da.Cert{Version: da.CertV2, Body: good[:len(good)-1]}},
		{"trailing byte v2", da.Cert{Version: da.CertV2, Body: append(append([]byte{}, good...), 0)}},
		{"v2 body as v3", da.Cert{Version: da.CertV3, Body: good}},
		{"truncated abi v3", da.Cert{Version: da.CertV3, Body: goodABI[:len(goodABI)-32]}},
		{"unknown version 0x00", da.Cert{Version: 0x00, Body: good}},
		{"unknown version 0x03", da.Cert{Version: 0x03, Body: good}},
		{"oversized", da.Cert{Version: da.CertV2, Body: make([]byte, cert.MaxCertSize+1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cert.Decode(tc.c)
			var de cert.DerivationError
			if !errors.As(err, &de) || de.StatusCode != cert.StatusCertParsingFailed {
				t.Fatalf("want a parsing DerivationError, got %v", err)
			}
			if !errors.Is(err, da.ErrInvalidCert) {
				t.Fatal("DerivationError must match da.ErrInvalidCert")
			}
		})
	}
}

func TestCommitmentFraming(t *testing.T) {
	c := da.Cert{Version: da.CertV2, Body: []byte{0xc0}}
	for _, tc := range []struct {
		mode cert.Mode
		want []byte
	}{
		{cert.ModeOPGeneric, []byte{0x01, 0x00, 0x01, 0xc0}},
		{cert.ModeStandard, []byte{0x01, 0xc0}},
	} {
		got := cert.EncodeCommitment(c, tc.mode)
		if !bytes.Equal(got, tc.want) {
			t.Fatalf("%s: %x, want %x", tc.mode, got, tc.want)
		}
		back, err := cert.DecodeCommitment(got, tc.mode)
		if err != nil || back.Version != c.Version || !bytes.Equal(back.Body, c.Body) {
			t.Fatalf("%s: round trip: %v", tc.mode, err)
		}
	}
	for _, bad := range [][]byte{nil, {0x01}, {0x00, 0x00, 0x01}, {0x01, 0x01, 0x01}} {
		if _, err := cert.DecodeCommitment(bad, cert.ModeOPGeneric); !errors.Is(err, cert.ErrCommitment) {
			t.Fatalf("%x: want ErrCommitment, got %v", bad, err)
		}
	}
}

func TestMerkleRoot(t *testing.T) {
	var leaf, sib [32]byte
	leaf[0], sib[0] = 1, 2
	root0, _ := cert.MerkleRoot(leaf, sib[:], 0)
	root1, _ := cert.MerkleRoot(leaf, sib[:], 1)
	if root0 == root1 {
		t.Fatal("index must select the side")
	}
	if r, _ := cert.MerkleRoot(leaf, nil, 0); r != leaf {
		t.Fatal("empty proof: root is the leaf")
	}
	if _, err := cert.MerkleRoot(leaf, sib[:31], 0); err == nil {
		t.Fatal("ragged proof accepted")
	}
}
