package kzg

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/consensys/gnark-crypto/ecc"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fp"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
)

// Commitments are the KZG commitments an EigenDA blob header carries.
type Commitments struct {
	// Commitment is the G1 KZG commitment to the blob polynomial.
	Commitment bn254.G1Affine
	// LengthCommitment commits to the same polynomial in G2.
	LengthCommitment bn254.G2Affine
	// LengthProof commits in G2 to the polynomial shifted by SRSOrder-Length,
	// proving its degree is below Length.
	LengthProof bn254.G2Affine
	// Length is the blob length in symbols, a power of two.
	Length uint32
}

// Commit returns the G1 KZG commitment to a blob's coefficients.
func (s *SRS) Commit(coeffs []fr.Element) (bn254.G1Affine, error) {
	var c bn254.G1Affine
	pts, err := s.G1(len(coeffs))
	if err != nil {
		return c, err
	}
	if _, err := c.MultiExp(pts, coeffs, ecc.MultiExpConfig{}); err != nil {
		return c, fmt.Errorf("kzg: g1 multiexp: %w", err)
	}
	return c, nil
}

// LengthCommit returns the G2 commitment to a blob's coefficients.
func (s *SRS) LengthCommit(coeffs []fr.Element) (bn254.G2Affine, error) {
	var c bn254.G2Affine
	pts, err := s.G2(len(coeffs))
	if err != nil {
		return c, err
	}
	if _, err := c.MultiExp(pts, coeffs, ecc.MultiExpConfig{}); err != nil {
		return c, fmt.Errorf("kzg: g2 multiexp: %w", err)
	}
	return c, nil
}

// LengthProof returns the commitment to x^(SRSOrder-length)·p(x) in G2, the
// proof that p has fewer than length coefficients.
func (s *SRS) LengthProof(coeffs []fr.Element, length int) (bn254.G2Affine, error) {
	var c bn254.G2Affine
	if length < len(coeffs) {
		return c, fmt.Errorf("kzg: length %d below coefficient count %d", length, len(coeffs))
	}
	pts, err := s.G2Trailing(length)
	if err != nil {
		return c, err
	}
	if _, err := c.MultiExp(pts[:len(coeffs)], coeffs, ecc.MultiExpConfig{}); err != nil {
		return c, fmt.Errorf("kzg: g2 multiexp: %w", err)
	}
	return c, nil
}

// CommitAll computes all three commitments for a blob whose length (a power
// of two) is len(coeffs), the way EigenDA's prover does for dispersal.
func (s *SRS) CommitAll(coeffs []fr.Element) (Commitments, error) {
	n := len(coeffs)
	if n == 0 || n&(n-1) != 0 || n > FilePoints {
		return Commitments{}, fmt.Errorf("kzg: blob length %d is not a power of two up to %d", n, FilePoints)
	}
	out := Commitments{Length: uint32(n)}
	// The MSMs use every CPU themselves; running them side by side only
	// overlaps their serial tails, so keep it simple and sequential.
	var err error
	if out.Commitment, err = s.Commit(coeffs); err != nil {
		return out, err
	}
	if out.LengthCommitment, err = s.LengthCommit(coeffs); err != nil {
		return out, err
	}
	if out.LengthProof, err = s.LengthProof(coeffs, n); err != nil {
		return out, err
	}
	return out, nil
}

// VerifyLengthCommitment checks that the G1 commitment and the G2 length
// commitment commit to the same polynomial: e(C1, g2) == e(g1, C2).
func VerifyLengthCommitment(c *Commitments) error {
	_, _, g1, g2 := bn254.Generators()
	var negG1 bn254.G1Affine
	negG1.Neg(&g1)
	ok, err := bn254.PairingCheck(
		[]bn254.G1Affine{c.Commitment, negG1},
		[]bn254.G2Affine{g2, c.LengthCommitment})
	if err != nil {
		return fmt.Errorf("kzg: pairing: %w", err)
	}
	if !ok {
		return errors.New("kzg: length commitment does not match the commitment")
	}
	return nil
}

// Encodings as Ethereum contracts and EigenDA certs carry them: G1 as (X, Y),
// G2 with each coordinate as (A1, A0), the EIP-197 order.

// G1ToBig returns X, Y of a G1 point.
func G1ToBig(p *bn254.G1Affine) (x, y *big.Int) {
	return p.X.BigInt(new(big.Int)), p.Y.BigInt(new(big.Int))
}

// G2ToBig returns X, Y of a G2 point as [A1, A0] pairs.
func G2ToBig(p *bn254.G2Affine) (x, y [2]*big.Int) {
	x = [2]*big.Int{p.X.A1.BigInt(new(big.Int)), p.X.A0.BigInt(new(big.Int))}
	y = [2]*big.Int{p.Y.A1.BigInt(new(big.Int)), p.Y.A0.BigInt(new(big.Int))}
	return x, y
}

// G1FromBig parses a G1 point, checking it is on the curve (BN254 G1 has
// cofactor 1, so that is also the subgroup check).
func G1FromBig(x, y *big.Int) (bn254.G1Affine, error) {
	var p bn254.G1Affine
	if x == nil || y == nil {
		return p, errors.New("kzg: missing G1 coordinate")
	}
	if err := setFp(&p.X, x); err != nil {
		return p, err
	}
	if err := setFp(&p.Y, y); err != nil {
		return p, err
	}
	if !p.IsOnCurve() {
		return p, errors.New("kzg: G1 point not on curve")
	}
	return p, nil
}

// G2FromBig parses a G2 point from [A1, A0] pairs, checking curve and
// subgroup membership.
func G2FromBig(x, y [2]*big.Int) (bn254.G2Affine, error) {
	var p bn254.G2Affine
	for _, v := range []*big.Int{x[0], x[1], y[0], y[1]} {
		if v == nil {
			return p, errors.New("kzg: missing G2 coordinate")
		}
	}
	if err := setFp(&p.X.A1, x[0]); err != nil {
		return p, err
	}
	if err := setFp(&p.X.A0, x[1]); err != nil {
		return p, err
	}
	if err := setFp(&p.Y.A1, y[0]); err != nil {
		return p, err
	}
	if err := setFp(&p.Y.A0, y[1]); err != nil {
		return p, err
	}
	if !p.IsOnCurve() || !p.IsInSubGroup() {
		return p, errors.New("kzg: G2 point not in the subgroup")
	}
	return p, nil
}

// setFp sets a base-field element, rejecting values outside [0, p).
func setFp(z *fp.Element, v *big.Int) error {
	if v.Sign() < 0 || v.Cmp(fp.Modulus()) >= 0 {
		return errors.New("kzg: coordinate is not a canonical field element")
	}
	z.SetBigInt(v)
	return nil
}
