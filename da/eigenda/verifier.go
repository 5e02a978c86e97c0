package eigenda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	clients "github.com/Layr-Labs/eigenda/api/clients/v2"
	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	disperser "github.com/Layr-Labs/eigenda/api/grpc/disperser/v2"
	verifierv2 "github.com/Layr-Labs/eigenda/contracts/bindings/EigenDACertVerifierV2"
	bn254utils "github.com/Layr-Labs/eigenda/core/bn254"
	corev2 "github.com/Layr-Labs/eigenda/core/v2"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/crypto"
)

// OfflineVerifier is the clients.ICertVerifier used when no Ethereum RPC is
// configured. It checks everything a cert proves by itself:
//
//   - the blob certificate hashes into the batch root through the inclusion
//     proof (the same Merkle check the EigenDACertVerifier does);
//   - sigma is a valid BLS signature over the batch header hash under the
//     cert's aggregate G2 key;
//   - the blob's quorums include the required ones and were all signed.
//
// What it cannot check without the chain: that the aggregate key and the
// quorum APKs belong to the EigenDA operators registered at the reference
// block, and their stake. A disperser could sign with keys of its own; only
// the on-chain verifier (--eigenda.eth-rpc) rules that out.
type OfflineVerifier struct {
	Quorums               []uint8
	ConfirmationThreshold uint8
}

var _ clients.ICertVerifier = (*OfflineVerifier)(nil)

// errCertRejected marks a verifier's verdict that a cert is invalid, as
// opposed to a failure to reach the verifier.
var errCertRejected = errors.New("cert rejected")

// GetQuorumNumbersRequired returns the configured quorums.
func (v *OfflineVerifier) GetQuorumNumbersRequired(context.Context) ([]uint8, error) {
	return slices.Clone(v.Quorums), nil
}

// GetConfirmationThreshold returns the configured threshold.
func (v *OfflineVerifier) GetConfirmationThreshold(context.Context, uint64) (uint8, error) {
	return v.ConfirmationThreshold, nil
}

// GetNonSignerStakesAndSignature builds the signature part of the cert from
// the disperser's attestation. On chain the contract also fills the
// registry indices (bitmap, APK, stake history positions); offline they are
// zero, shaped as the contract would shape them.
func (v *OfflineVerifier) GetNonSignerStakesAndSignature(_ context.Context, batch *disperser.SignedBatch) (*verifierv2.EigenDATypesV1NonSignerStakesAndSignature, error) {
	signed, err := coretypes.SignedBatchProtoToBinding(batch)
	if err != nil {
		return nil, fmt.Errorf("eigenda: signed batch: %w", err)
	}
	nss := nonSignerStakes(signed.Attestation)
	return &nss, nil
}

// nonSignerStakes shapes an attestation as the contract's
// NonSignerStakesAndSignature, with zero registry indices.
func nonSignerStakes(att verifierv2.EigenDATypesV2Attestation) verifierv2.EigenDATypesV1NonSignerStakesAndSignature {
	quorums := len(att.QuorumNumbers)
	stakeIdx := make([][]uint32, quorums)
	for i := range stakeIdx {
		stakeIdx[i] = make([]uint32, len(att.NonSignerPubkeys))
	}
	return verifierv2.EigenDATypesV1NonSignerStakesAndSignature{
		NonSignerQuorumBitmapIndices: make([]uint32, len(att.NonSignerPubkeys)),
		NonSignerPubkeys:             att.NonSignerPubkeys,
		QuorumApks:                   att.QuorumApks,
		ApkG2:                        att.ApkG2,
		Sigma:                        att.Sigma,
		QuorumApkIndices:             make([]uint32, quorums),
		TotalStakeIndices:            make([]uint32, quorums),
		NonSignerStakeIndices:        stakeIdx,
	}
}

// VerifyCertV2 runs the offline checks; failures wrap errCertRejected.
func (v *OfflineVerifier) VerifyCertV2(_ context.Context, cert *coretypes.EigenDACert) error {
	if err := v.verify(cert); err != nil {
		return fmt.Errorf("%w: %v", errCertRejected, err)
	}
	return nil
}

func (v *OfflineVerifier) verify(cert *coretypes.EigenDACert) error {
	if err := checkCertShape(cert); err != nil {
		return err
	}
	info := &cert.BlobInclusionInfo
	hdr := &info.BlobCertificate.BlobHeader
	for _, q := range v.Quorums {
		if !bytes.Contains(hdr.QuorumNumbers, []byte{q}) {
			return fmt.Errorf("required quorum %d missing from the blob header", q)
		}
	}
	for _, q := range hdr.QuorumNumbers {
		if !bytes.Contains(cert.SignedQuorumNumbers, []byte{q}) {
			return fmt.Errorf("blob quorum %d was not signed", q)
		}
	}

	leaf, err := blobCertHash(&info.BlobCertificate)
	if err != nil {
		return err
	}
	if !verifyInclusion(info.InclusionProof, cert.BatchHeader.BatchRoot, leaf, info.BlobIndex) {
		return fmt.Errorf("blob certificate is not in batch root %x at index %d", cert.BatchHeader.BatchRoot, info.BlobIndex)
	}

	batchHash, err := corev2.BatchHeader{
		BatchRoot:            cert.BatchHeader.BatchRoot,
		ReferenceBlockNumber: uint64(cert.BatchHeader.ReferenceBlockNumber),
	}.Hash()
	if err != nil {
		return fmt.Errorf("hash batch header: %w", err)
	}
	sigma, err := g1FromBinding(cert.NonSignerStakesAndSignature.Sigma)
	if err != nil {
		return fmt.Errorf("sigma: %w", err)
	}
	apk, err := g2FromBinding(cert.NonSignerStakesAndSignature.ApkG2)
	if err != nil {
		return fmt.Errorf("apk G2: %w", err)
	}
	if apk.IsInfinity() {
		return errors.New("aggregate key is the point at infinity")
	}
	ok, err := bn254utils.VerifySig(sigma, apk, batchHash)
	if err != nil || !ok {
		return errors.New("aggregate BLS signature does not verify over the batch header")
	}
	return nil
}

// blobCertHash is the leaf hash of a blob certificate in the batch tree:
// keccak(abi.encode(blobKey, signature, relayKeys)), as core/v2 computes it.
func blobCertHash(bc *verifierv2.EigenDATypesV2BlobCertificate) ([32]byte, error) {
	hdr, err := coretypes.BlobHeaderBindingToInternal(&bc.BlobHeader)
	if err != nil {
		return [32]byte{}, fmt.Errorf("blob header: %w", err)
	}
	key, err := hdr.BlobKey()
	if err != nil {
		return [32]byte{}, fmt.Errorf("blob key: %w", err)
	}
	return blobCertLeaf(key, bc.Signature, bc.RelayKeys)
}

// verifyInclusion is Solidity's Merkle.verifyInclusionKeccak: the leaf is
// keccak(certHash), parents are keccak(left || right).
func verifyInclusion(proof []byte, root [32]byte, certHash [32]byte, index uint32) bool {
	node := crypto.Keccak256(certHash[:])
	idx := uint64(index)
	for i := 0; i+32 <= len(proof); i += 32 {
		if idx%2 == 0 {
			node = crypto.Keccak256(node, proof[i:i+32])
		} else {
			node = crypto.Keccak256(proof[i:i+32], node)
		}
		idx /= 2
	}
	return idx == 0 && bytes.Equal(node, root[:])
}

// certRejected reports whether an error from VerifyCertV2 is a verdict (the
// cert is bad) rather than a failure to ask.
func certRejected(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, errCertRejected) {
		return true
	}
	// The on-chain verifier reverts on a bad cert. eth_call reports that as a
	// JSON-RPC error with revert data (code 3) or, from some nodes, as a bare
	// "execution reverted".
	var dataErr interface{ ErrorData() interface{} }
	if errors.As(err, &dataErr) && dataErr.ErrorData() != nil {
		return true
	}
	var codeErr interface{ ErrorCode() int }
	if errors.As(err, &codeErr) && codeErr.ErrorCode() == 3 {
		return true
	}
	return strings.Contains(err.Error(), "execution reverted")
}

var certLeafArgs = func() abi.Arguments {
	mustType := func(t string) abi.Type {
		ty, err := abi.NewType(t, "", nil)
		if err != nil {
			panic(err)
		}
		return ty
	}
	return abi.Arguments{{Type: mustType("bytes32")}, {Type: mustType("bytes")}, {Type: mustType("uint32[]")}}
}()

func blobCertLeaf(blobKey corev2.BlobKey, signature []byte, relayKeys []uint32) ([32]byte, error) {
	packed, err := certLeafArgs.Pack([32]byte(blobKey), signature, relayKeys)
	if err != nil {
		return [32]byte{}, fmt.Errorf("abi-encode blob certificate: %w", err)
	}
	return crypto.Keccak256Hash(packed), nil
}
