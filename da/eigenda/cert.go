package eigenda

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	verifierv2 "github.com/Layr-Labs/eigenda/contracts/bindings/EigenDACertVerifierV2"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/paichain/paichain/da"
)

// MaxCertSize bounds the certs Get decodes. A v2 cert is about 1.5 KiB plus
// 64 bytes per non-signer and 32 per inclusion-proof level; 64 KiB leaves
// room for thousands of non-signers and refuses anything absurd cheaply.
const MaxCertSize = 64 << 10

// EncodeCertV2 serialises a cert the way EigenDA v0.9.2 and eigenda-proxy do:
// RLP of coretypes.EigenDACert, carried under commitment version 0x01.
func EncodeCertV2(c *coretypes.EigenDACert) (da.Cert, error) {
	body, err := rlp.EncodeToBytes(c)
	if err != nil {
		return da.Cert{}, fmt.Errorf("eigenda: rlp-encode cert: %w", err)
	}
	return da.Cert{Version: da.CertV2, Body: body}, nil
}

// DecodeCertV2 parses and structurally checks a version-0x01 cert. Every
// failure wraps da.ErrInvalidCert. It checks shape only; whether the
// network signed it is the verifier's job.
func DecodeCertV2(c da.Cert) (*coretypes.EigenDACert, error) {
	if c.Version != da.CertV2 {
		return nil, fmt.Errorf("%w: eigenda backend reads version 0x%02x certs, got 0x%02x", da.ErrInvalidCert, da.CertV2, c.Version)
	}
	if len(c.Body) > MaxCertSize {
		return nil, fmt.Errorf("%w: cert of %d bytes exceeds %d", da.ErrInvalidCert, len(c.Body), MaxCertSize)
	}
	var cert coretypes.EigenDACert
	if err := rlp.DecodeBytes(c.Body, &cert); err != nil {
		return nil, fmt.Errorf("%w: rlp: %v", da.ErrInvalidCert, err)
	}
	if err := checkCertShape(&cert); err != nil {
		return nil, fmt.Errorf("%w: %v", da.ErrInvalidCert, err)
	}
	return &cert, nil
}

// checkCertShape rejects certs the v0.9.2 client code would misbehave on
// (nil points, non-power-of-two lengths, points off the curve) before they
// reach it.
func checkCertShape(c *coretypes.EigenDACert) error {
	info := &c.BlobInclusionInfo
	hdr := &info.BlobCertificate.BlobHeader
	cm := &hdr.Commitment
	if cm.Length == 0 || cm.Length&(cm.Length-1) != 0 {
		return fmt.Errorf("blob length %d symbols is not a power of two", cm.Length)
	}
	if len(hdr.QuorumNumbers) == 0 {
		return errors.New("blob header has no quorums")
	}
	if len(info.BlobCertificate.RelayKeys) == 0 {
		return errors.New("blob certificate names no relays")
	}
	if len(info.InclusionProof)%32 != 0 {
		return fmt.Errorf("inclusion proof of %d bytes is not a list of 32-byte hashes", len(info.InclusionProof))
	}
	if len(info.InclusionProof)/32 > 32 {
		return fmt.Errorf("inclusion proof of %d levels is deeper than any batch", len(info.InclusionProof)/32)
	}
	if len(c.SignedQuorumNumbers) == 0 {
		return errors.New("cert has no signed quorums")
	}
	if err := checkG1("commitment", cm.Commitment); err != nil {
		return err
	}
	if err := checkG2("length commitment", cm.LengthCommitment); err != nil {
		return err
	}
	if err := checkG2("length proof", cm.LengthProof); err != nil {
		return err
	}
	sig := &c.NonSignerStakesAndSignature
	if err := checkG1("sigma", sig.Sigma); err != nil {
		return err
	}
	if err := checkG2("apk G2", sig.ApkG2); err != nil {
		return err
	}
	for i, p := range sig.QuorumApks {
		if err := checkG1(fmt.Sprintf("quorum apk %d", i), p); err != nil {
			return err
		}
	}
	for i, p := range sig.NonSignerPubkeys {
		if err := checkG1(fmt.Sprintf("non-signer %d", i), p); err != nil {
			return err
		}
	}
	return nil
}

func checkG1(what string, p verifierv2.BN254G1Point) error {
	if _, err := g1FromBinding(p); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func checkG2(what string, p verifierv2.BN254G2Point) error {
	if _, err := g2FromBinding(p); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// g1FromBinding converts a contract G1 point, refusing coordinates outside
// the field and points off the curve or outside the subgroup.
func g1FromBinding(p verifierv2.BN254G1Point) (*bn254.G1Affine, error) {
	var out bn254.G1Affine
	if err := setFp(&out.X, p.X); err != nil {
		return nil, err
	}
	if err := setFp(&out.Y, p.Y); err != nil {
		return nil, err
	}
	if !out.IsOnCurve() || !out.IsInSubGroup() {
		return nil, errors.New("G1 point not on the curve")
	}
	return &out, nil
}

// g2FromBinding converts a contract G2 point. The contract's coordinate
// order is (A1, A0), as EigenDA's conversion code writes it.
func g2FromBinding(p verifierv2.BN254G2Point) (*bn254.G2Affine, error) {
	var out bn254.G2Affine
	for _, c := range []struct {
		dst *fp.Element
		src *big.Int
	}{{&out.X.A1, p.X[0]}, {&out.X.A0, p.X[1]}, {&out.Y.A1, p.Y[0]}, {&out.Y.A0, p.Y[1]}} {
		if err := setFp(c.dst, c.src); err != nil {
			return nil, err
		}
	}
	if !out.IsOnCurve() || !out.IsInSubGroup() {
		return nil, errors.New("G2 point not on the curve")
	}
	return &out, nil
}

func setFp(dst *fp.Element, v *big.Int) error {
	if v == nil || v.Sign() < 0 || v.Cmp(fp.Modulus()) >= 0 {
		return errors.New("coordinate outside the base field")
	}
	dst.SetBigInt(v)
	return nil
}
