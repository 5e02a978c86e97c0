package eigenda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	verifierv2 "github.com/Layr-Labs/eigenda/contracts/bindings/EigenDACertVerifierV2"
	"github.com/Layr-Labs/eigenda/core"
	corev2 "github.com/Layr-Labs/eigenda/core/v2"
	"github.com/Layr-Labs/eigenda/encoding"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	gethcommon "github.com/ethereum/go-ethereum/common"
	"github.com/wealdtech/go-merkletree/v2"
	"github.com/wealdtech/go-merkletree/v2/keccak256"

	"github.com/paichain/paichain/da"
)

func g1Binding(p bn254.G1Affine) verifierv2.BN254G1Point {
	return verifierv2.BN254G1Point{X: p.X.BigInt(new(big.Int)), Y: p.Y.BigInt(new(big.Int))}
}

func g2Binding(p bn254.G2Affine) verifierv2.BN254G2Point {
	return verifierv2.BN254G2Point{
		X: [2]*big.Int{p.X.A1.BigInt(new(big.Int)), p.X.A0.BigInt(new(big.Int))},
		Y: [2]*big.Int{p.Y.A1.BigInt(new(big.Int)), p.Y.A0.BigInt(new(big.Int))},
	}
}

// sampleCert is a well-formed cert (valid curve points, one non-signer, a
// two-level proof) whose signature does not verify: decode-valid, not
// network-valid.
func sampleCert() *coretypes.EigenDACert {
	_, _, g1, g2 := bn254.Generators()
	return &coretypes.EigenDACert{
		BlobInclusionInfo: verifierv2.EigenDATypesV2BlobInclusionInfo{
			BlobCertificate: verifierv2.EigenDATypesV2BlobCertificate{
				BlobHeader: verifierv2.EigenDATypesV2BlobHeaderV2{
					Version:       0,
					QuorumNumbers: []byte{0, 1},
					Commitment: verifierv2.EigenDATypesV2BlobCommitment{
						Commitment:       g1Binding(g1),
						LengthCommitment: g2Binding(g2),
						LengthProof:      g2Binding(g2),
						Length:           16,
					},
					PaymentHeaderHash: [32]byte{1, 2, 3},
				},
				Signature: bytes.Repeat([]byte{7}, 65),
				RelayKeys: []uint32{0, 1},
			},
			BlobIndex:      1,
			InclusionProof: bytes.Repeat([]byte{9}, 64),
		},
		BatchHeader: verifierv2.EigenDATypesV2BatchHeaderV2{BatchRoot: [32]byte{4}, ReferenceBlockNumber: 1234},
		NonSignerStakesAndSignature: verifierv2.EigenDATypesV1NonSignerStakesAndSignature{
			NonSignerQuorumBitmapIndices: []uint32{0},
			NonSignerPubkeys:             []verifierv2.BN254G1Point{g1Binding(g1)},
			QuorumApks:                   []verifierv2.BN254G1Point{g1Binding(g1), g1Binding(g1)},
			ApkG2:                        g2Binding(g2),
			Sigma:                        g1Binding(g1),
			QuorumApkIndices:             []uint32{0, 0},
			TotalStakeIndices:            []uint32{0, 0},
			NonSignerStakeIndices:        [][]uint32{{0}, {0}},
		},
		SignedQuorumNumbers: []byte{0, 1},
	}
}

func TestCertV2RoundTrip(t *testing.T) {
	c, err := EncodeCertV2(sampleCert())
	if err != nil {
		t.Fatal(err)
	}
	dec, err := DecodeCertV2(c)
	if err != nil {
		t.Fatal(err)
	}
	again, err := EncodeCertV2(dec)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Body, c.Body) {
		t.Fatal("re-encoding a decoded cert changed it")
	}
	// Well-formed is not valid: the offline verifier must refuse it.
	v := &OfflineVerifier{Quorums: []uint8{0, 1}, ConfirmationThreshold: 55}
	if err := v.VerifyCertV2(context.Background(), dec); !certRejected(err) {
		t.Fatalf("offline verifier accepted a cert with a bogus signature: %v", err)
	}
}

func TestDecodeCertV2Rejects(t *testing.T) {
	good, err := EncodeCertV2(sampleCert())
	if err != nil {
		t.Fatal(err)
	}
	mutate := func(f func(*coretypes.EigenDACert)) []byte {
		c := sampleCert()
		f(c)
		out, err := EncodeCertV2(c)
		if err != nil {
			t.Fatal(err)
		}
		return out.Body
	}
	tests := []struct {
		name string
		c    da.Cert
	}{
		{"wrong version", da.Cert{Version: 0x00, Body: good.Body}},
		{"empty", da.Cert{Version: da.CertV2}},
		{"not rlp", da.Cert{Version: da.CertV2, Body: []byte("hello")}},
		{"zero length", da.Cert{Version: da.CertV2, Body: mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment.Length = 0
		})}},
		{"no quorums", da.Cert{Version: da.CertV2, Body: mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.BlobCertificate.BlobHeader.QuorumNumbers = nil
		})}},
		{"ragged proof", da.Cert{Version: da.CertV2, Body: mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.InclusionProof = make([]byte, 33)
		})}},
		{"coordinate above field", da.Cert{Version: da.CertV2, Body: mutate(func(c *coretypes.EigenDACert) {
			c.NonSignerStakesAndSignature.Sigma.X = new(big.Int).Lsh(big.NewInt(1), 255)
		})}},
		{"G2 off curve", da.Cert{Version: da.CertV2, Body: mutate(func(c *coretypes.EigenDACert) {
			c.NonSignerStakesAndSignature.ApkG2.Y[0] = big.NewInt(5)
		})}},
		{"no signed quorums", da.Cert{Version: da.CertV2, Body: mutate(func(c *coretypes.EigenDACert) {
			c.SignedQuorumNumbers = nil
		})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := DecodeCertV2(tt.c); !errors.Is(err, da.ErrInvalidCert) {
				t.Fatalf("err = %v, want ErrInvalidCert", err)
			}
		})
	}
}

// TestInclusionMatchesMerkleTree checks verifyInclusion against the tree
// library and serialisation EigenDA's controller uses, for every leaf of
// trees of several sizes.
func TestInclusionMatchesMerkleTree(t *testing.T) {
	for _, size := range []int{1, 2, 4, 16} {
		leaves := make([][]byte, size)
		for i := range leaves {
			leaves[i] = bytes.Repeat([]byte{byte(i + 1)}, 32)
		}
		tree, err := merkletree.NewTree(merkletree.WithData(leaves), merkletree.WithHashType(keccak256.New()))
		if err != nil {
			t.Fatal(err)
		}
		var root [32]byte
		copy(root[:], tree.Root())
		for i := range leaves {
			proof, err := tree.GenerateProofWithIndex(uint64(i), 0)
			if err != nil {
				t.Fatal(err)
			}
			var flat []byte
			for _, h := range proof.Hashes {
				flat = append(flat, h...)
			}
			leaf := [32]byte(leaves[i])
			if !verifyInclusion(flat, root, leaf, uint32(i)) {
				t.Fatalf("size %d leaf %d: valid proof refused", size, i)
			}
			if size > 1 && verifyInclusion(flat, root, leaf, uint32(i^1)) {
				t.Fatalf("size %d leaf %d: proof accepted at the wrong index", size, i)
			}
			if verifyInclusion(flat, root, leaf, uint32(i+size)) {
				t.Fatalf("size %d leaf %d: proof accepted past the tree", size, i)
			}
		}
	}
}

// TestBlobCertLeafMatchesCore checks our leaf hash (computed from the blob
// key alone, as a cert carries it) against core/v2's BlobCertificate.Hash
// over a full header.
func TestBlobCertLeafMatchesCore(t *testing.T) {
	_, _, g1, g2 := bn254.Generators()
	hdr := &corev2.BlobHeader{
		BlobVersion: 0,
		BlobCommitments: encoding.BlobCommitments{
			Commitment:       (*encoding.G1Commitment)(&g1),
			LengthCommitment: (*encoding.G2Commitment)(&g2),
			LengthProof:      (*encoding.G2Commitment)(&g2),
			Length:           16,
		},
		QuorumNumbers: []core.QuorumID{0, 1},
		PaymentMetadata: core.PaymentMetadata{
			AccountID:         gethcommon.HexToAddress("0x1234"),
			Timestamp:         1_700_000_000_000_000_000,
			CumulativePayment: big.NewInt(0),
		},
	}
	sig := bytes.Repeat([]byte{7}, 65)
	for _, relays := range [][]corev2.RelayKey{{0}, {0, 1, 7}} {
		want, err := (&corev2.BlobCertificate{BlobHeader: hdr, Signature: sig, RelayKeys: relays}).Hash()
		if err != nil {
			t.Fatal(err)
		}
		key, err := hdr.BlobKey()
		if err != nil {
			t.Fatal(err)
		}
		got, err := blobCertLeaf(key, sig, relays)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("relays %v: leaf %x, core %x", relays, got, want)
		}
	}
}

// FuzzV2CertDecode feeds arbitrary bytes to the cert decoder and, when they
// decode, to the offline verifier: neither may panic, every refusal must be
// ErrInvalidCert, and whatever decodes must re-encode to the same bytes.
func FuzzV2CertDecode(f *testing.F) {
	good, err := EncodeCertV2(sampleCert())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good.Body)
	f.Add(good.Body[:len(good.Body)-1])
	f.Add([]byte{0xc0})
	f.Add([]byte{})
	v := &OfflineVerifier{Quorums: []uint8{0, 1}, ConfirmationThreshold: 55}
	f.Fuzz(func(t *testing.T, body []byte) {
		cert, err := DecodeCertV2(da.Cert{Version: da.CertV2, Body: body})
		if err != nil {
			if !errors.Is(err, da.ErrInvalidCert) {
				t.Fatalf("refusal not ErrInvalidCert: %v", err)
			}
			return
		}
		again, err := EncodeCertV2(cert)
		if err != nil {
			t.Fatalf("decoded cert does not re-encode: %v", err)
		}
		if !bytes.Equal(again.Body, body) {
			t.Fatal("decode/encode is not the identity")
		}
		_ = v.VerifyCertV2(context.Background(), cert)
	})
}

// rpcError mimics go-ethereum's JSON-RPC error values.
type rpcError struct {
	code int
	msg  string
	data interface{}
}

func (e rpcError) Error() string          { return e.msg }
func (e rpcError) ErrorCode() int         { return e.code }
func (e rpcError) ErrorData() interface{} { return e.data }

func TestCertRejected(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"offline verdict", fmt.Errorf("x: %w", errCertRejected), true},
		{"revert with data", fmt.Errorf("verify cert v2: %w", rpcError{3, "execution reverted", "0x1234"}), true},
		{"bare revert", errors.New("verify cert v2: execution reverted"), true},
		{"connection refused", errors.New("dial tcp 127.0.0.1:8545: connect: connection refused"), false},
		{"rpc server error", rpcError{-32000, "header not found", nil}, false},
		{"timeout", context.DeadlineExceeded, false},
	}
	for _, tt := range tests {
		if got := certRejected(tt.err); got != tt.want {
			t.Errorf("%s: certRejected = %v, want %v", tt.name, got, tt.want)
		}
	}
}
