package cert

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/crypto"
)

// The hashes below are the ones EigenDA's contracts and core/v2 compute
// (EigenDACertVerificationLib.hashBlobHeaderV2, hashBlobCertificate,
// hashBatchHeaderV2, Merkle.verifyInclusionKeccak).

func mustType(t string, comps []abi.ArgumentMarshaling) abi.Type {
	ty, err := abi.NewType(t, "", comps)
	if err != nil {
		panic(fmt.Sprintf("cert: abi type %s: %v", t, err)) // constant types; cannot fail
	}
	return ty
}

var (
	g1Comps = []abi.ArgumentMarshaling{{Name: "X", Type: "uint256"}, {Name: "Y", Type: "uint256"}}
	g2Comps = []abi.ArgumentMarshaling{{Name: "X", Type: "uint256[2]"}, {Name: "Y", Type: "uint256[2]"}}

	blobHeaderArgs = abi.Arguments{
		{Type: mustType("uint16", nil)},
		{Type: mustType("bytes", nil)},
		{Type: mustType("tuple", []abi.ArgumentMarshaling{
			{Name: "commitment", Type: "tuple", Components: g1Comps},
			{Name: "lengthCommitment", Type: "tuple", Components: g2Comps},
			{Name: "lengthProof", Type: "tuple", Components: g2Comps},
			{Name: "length", Type: "uint32"},
		})},
	}
	twoHashArgs = abi.Arguments{{Type: mustType("bytes32", nil)}, {Type: mustType("bytes32", nil)}}
	certArgs    = abi.Arguments{
		{Type: mustType("bytes32", nil)},
		{Type: mustType("bytes", nil)},
		{Type: mustType("uint32[]", nil)},
	}
	batchHeaderArgs = abi.Arguments{{Type: mustType("tuple", []abi.ArgumentMarshaling{
		{Name: "batchRoot", Type: "bytes32"},
		{Name: "referenceBlockNumber", Type: "uint32"},
	})}}
)

// BlobKey is the blob header hash EigenDA uses as the blob's key:
// keccak(abi(keccak(abi(version, sorted quorums, commitment)), paymentHeaderHash)).
func BlobKey(h *BlobHeaderV2) ([32]byte, error) {
	quorums := slices.Clone(h.QuorumNumbers)
	slices.Sort(quorums)
	inner, err := blobHeaderArgs.Pack(h.Version, quorums, h.Commitment)
	if err != nil {
		return [32]byte{}, fmt.Errorf("cert: blob key: %w", err)
	}
	outer, err := twoHashArgs.Pack(crypto.Keccak256Hash(inner), h.PaymentHeaderHash)
	if err != nil {
		return [32]byte{}, fmt.Errorf("cert: blob key: %w", err)
	}
	return crypto.Keccak256Hash(outer), nil
}

// CertificateHash is the hash of a blob certificate, the preimage of its
// leaf in the batch Merkle tree.
func CertificateHash(c *BlobCertificate) ([32]byte, error) {
	key, err := BlobKey(&c.BlobHeader)
	if err != nil {
		return [32]byte{}, err
	}
	relays := c.RelayKeys
	if relays == nil {
		relays = []uint32{}
	}
	b, err := certArgs.Pack(key, c.Signature, relays)
	if err != nil {
		return [32]byte{}, fmt.Errorf("cert: certificate hash: %w", err)
	}
	return crypto.Keccak256Hash(b), nil
}

// BatchHeaderHash is the message the operators sign for a batch.
func BatchHeaderHash(h *BatchHeaderV2) ([32]byte, error) {
	b, err := batchHeaderArgs.Pack(*h)
	if err != nil {
		return [32]byte{}, fmt.Errorf("cert: batch header hash: %w", err)
	}
	return crypto.Keccak256Hash(b), nil
}

// Leaf is the Merkle leaf of a blob certificate: keccak(certificate hash).
func Leaf(c *BlobCertificate) ([32]byte, error) {
	h, err := CertificateHash(c)
	if err != nil {
		return [32]byte{}, err
	}
	return crypto.Keccak256Hash(h[:]), nil
}

// MerkleRoot folds a keccak inclusion proof (32-byte siblings, leaf first)
// for the leaf at index, as Merkle.processInclusionProofKeccak does.
func MerkleRoot(leaf [32]byte, proof []byte, index uint32) ([32]byte, error) {
	if len(proof)%32 != 0 {
		return [32]byte{}, errors.New("cert: inclusion proof is not a multiple of 32 bytes")
	}
	node := leaf
	for i := 0; i < len(proof); i += 32 {
		if index%2 == 0 {
			node = crypto.Keccak256Hash(node[:], proof[i:i+32])
		} else {
			node = crypto.Keccak256Hash(proof[i:i+32], node[:])
		}
		index /= 2
	}
	return node, nil
}
