// Package cert defines EigenDA certificates as they travel inside OP Alt-DA
// commitments, and the commitment framing itself.
//
// A V2 cert (commitment version byte 0x01) is EigenDA's legacy
// EigenDACertV2, RLP encoded exactly as eigenda v0.9.2's
// coretypes.EigenDACert. A V3 cert (version 0x02) is EigenDACertV3, whose
// struct order puts the batch header first; eigenda-proxy carries it RLP
// encoded in commitments, and EigenDA's cert verifier contract takes it ABI
// encoded. Both encodings are implemented here and checked by fuzzing.
package cert

import (
	"math/big"
)

// G1Point is a BN254 G1 point as contracts take it.
type G1Point struct {
	X *big.Int
	Y *big.Int
}

// G2Point is a BN254 G2 point, each coordinate as [A1, A0] (EIP-197 order).
type G2Point struct {
	X [2]*big.Int
	Y [2]*big.Int
}

// BlobCommitment carries a blob's KZG commitments and its length in symbols.
type BlobCommitment struct {
	Commitment       G1Point
	LengthCommitment G2Point
	LengthProof      G2Point
	Length           uint32
}

// BlobHeaderV2 describes a dispersed blob.
type BlobHeaderV2 struct {
	Version           uint16
	QuorumNumbers     []byte
	Commitment        BlobCommitment
	PaymentHeaderHash [32]byte
}

// BlobCertificate is the blob header signed by the disperser's client, plus
// the relays that serve it.
type BlobCertificate struct {
	BlobHeader BlobHeaderV2
	Signature  []byte
	RelayKeys  []uint32
}

// BlobInclusionInfo proves a blob certificate is a leaf of a batch.
type BlobInclusionInfo struct {
	BlobCertificate BlobCertificate
	BlobIndex       uint32
	InclusionProof  []byte
}

// BatchHeaderV2 identifies a batch of blobs the operators signed.
type BatchHeaderV2 struct {
	BatchRoot            [32]byte
	ReferenceBlockNumber uint32
}

// NonSignerStakesAndSignature is the aggregated BLS attestation of a batch.
type NonSignerStakesAndSignature struct {
	NonSignerQuorumBitmapIndices []uint32
	NonSignerPubkeys             []G1Point
	QuorumApks                   []G1Point
	ApkG2                        G2Point
	Sigma                        G1Point
	QuorumApkIndices             []uint32
	TotalStakeIndices            []uint32
	NonSignerStakeIndices        [][]uint32
}

// V2 is EigenDA's legacy EigenDACertV2 (commitment version byte 0x01).
type V2 struct {
	BlobInclusionInfo           BlobInclusionInfo
	BatchHeader                 BatchHeaderV2
	NonSignerStakesAndSignature NonSignerStakesAndSignature
	SignedQuorumNumbers         []byte
}

// V3 is EigenDA's EigenDACertV3 (commitment version byte 0x02): the same
// fields as V2 with the batch header first.
type V3 struct {
	BatchHeader                 BatchHeaderV2
	BlobInclusionInfo           BlobInclusionInfo
	NonSignerStakesAndSignature NonSignerStakesAndSignature
	SignedQuorumNumbers         []byte
}

// ToV3 converts a V2 cert to the V3 layout; the fields are shared.
func (c *V2) ToV3() *V3 {
	return &V3{
		BatchHeader:                 c.BatchHeader,
		BlobInclusionInfo:           c.BlobInclusionInfo,
		NonSignerStakesAndSignature: c.NonSignerStakesAndSignature,
		SignedQuorumNumbers:         c.SignedQuorumNumbers,
	}
}

// ToV2 converts a V3 cert to the V2 layout.
func (c *V3) ToV2() *V2 {
	return &V2{
		BlobInclusionInfo:           c.BlobInclusionInfo,
		BatchHeader:                 c.BatchHeader,
		NonSignerStakesAndSignature: c.NonSignerStakesAndSignature,
		SignedQuorumNumbers:         c.SignedQuorumNumbers,
	}
}
