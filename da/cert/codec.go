package cert

import (
	"bytes"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/rlp"

	"github.com/paichain/paichain/da"
)

// MaxCertSize bounds a cert body; real certs are a few KB even with hundreds
// of non-signers.
const MaxCertSize = 128 << 10

// Encode returns the RLP encoding of a V2 cert, as it goes in commitments.
func (c *V2) Encode() ([]byte, error) {
	b, err := rlp.EncodeToBytes(c)
	if err != nil {
		return nil, fmt.Errorf("cert: rlp encode v2: %w", err)
	}
	return b, nil
}

// Encode returns the RLP encoding of a V3 cert, as eigenda-proxy puts it in
// commitments.
func (c *V3) Encode() ([]byte, error) {
	b, err := rlp.EncodeToBytes(c)
	if err != nil {
		return nil, fmt.Errorf("cert: rlp encode v3: %w", err)
	}
	return b, nil
}

// EncodeABI returns the ABI encoding of a V3 cert, the bytes EigenDA's cert
// verifier contract (checkDACert) takes.
func (c *V3) EncodeABI() ([]byte, error) {
	b, err := v3Args.Pack(c)
	if err != nil {
		return nil, fmt.Errorf("cert: abi encode v3: %w", err)
	}
	return b, nil
}

// DecodeV2 parses a V2 cert body. Errors are DerivationErrors with status
// StatusCertParsingFailed.
func DecodeV2(body []byte) (*V2, error) {
	if len(body) > MaxCertSize {
		return nil, parsingFailed("v2 cert is %d bytes, max %d", len(body), MaxCertSize)
	}
	var c V2
	if err := rlp.DecodeBytes(body, &c); err != nil {
		return nil, parsingFailed("rlp decode v2 cert: %v", err)
	}
	if err := c.ToV3().check(); err != nil {
		return nil, err
	}
	return &c, nil
}

// DecodeV3 parses a V3 cert body: RLP (what eigenda-proxy writes) or, when
// the body starts with a zero byte (an RLP list never does), the ABI tuple.
func DecodeV3(body []byte) (*V3, error) {
	if len(body) > MaxCertSize {
		return nil, parsingFailed("v3 cert is %d bytes, max %d", len(body), MaxCertSize)
	}
	if len(body) > 0 && body[0] == 0 {
		return DecodeV3ABI(body)
	}
	var c V3
	if err := rlp.DecodeBytes(body, &c); err != nil {
		return nil, parsingFailed("rlp decode v3 cert: %v", err)
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return &c, nil
}

// DecodeV3ABI parses the ABI encoding of a V3 cert. Only the canonical
// encoding is accepted: it must re-encode to the same bytes.
func DecodeV3ABI(body []byte) (c *V3, err error) {
	if len(body) > MaxCertSize {
		return nil, parsingFailed("v3 cert is %d bytes, max %d", len(body), MaxCertSize)
	}
	vals, err := v3Args.Unpack(body)
	if err != nil {
		return nil, parsingFailed("abi decode v3 cert: %v", err)
	}
	if len(vals) != 1 {
		return nil, parsingFailed("abi decode v3 cert: %d values", len(vals))
	}
	c, ok := abi.ConvertType(vals[0], new(V3)).(*V3)
	if !ok {
		return nil, parsingFailed("abi decode v3 cert: unexpected shape")
	}
	again, err := c.EncodeABI()
	if err != nil || !bytes.Equal(again, body) {
		return nil, parsingFailed("abi decode v3 cert: non-canonical encoding")
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// check rejects certs whose coordinates are missing or wider than a
// uint256; decoding already bounds every length.
func (c *V3) check() error {
	nss := &c.NonSignerStakesAndSignature
	cm := &c.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment
	ints := []*big.Int{cm.Commitment.X, cm.Commitment.Y, nss.Sigma.X, nss.Sigma.Y}
	for _, p := range append(append([]G1Point{}, nss.NonSignerPubkeys...), nss.QuorumApks...) {
		ints = append(ints, p.X, p.Y)
	}
	for _, p := range []*G2Point{&cm.LengthCommitment, &cm.LengthProof, &nss.ApkG2} {
		ints = append(ints, p.X[0], p.X[1], p.Y[0], p.Y[1])
	}
	for _, v := range ints {
		if v == nil || v.Sign() < 0 || v.BitLen() > 256 {
			return parsingFailed("point coordinate missing or out of range")
		}
	}
	return nil
}

// Decode parses the body of a da.Cert by its version byte. Unknown versions
// and malformed bodies are DerivationErrors (HTTP 418).
func Decode(c da.Cert) (*V3, error) {
	switch c.Version {
	case da.CertV2:
		v2, err := DecodeV2(c.Body)
		if err != nil {
			return nil, err
		}
		return v2.ToV3(), nil
	case da.CertV3:
		return DecodeV3(c.Body)
	default:
		return nil, parsingFailed("unknown cert version 0x%02x", c.Version)
	}
}

// v3Args is the ABI of EigenDACertV3 as the cert verifier's checkDACert
// takes it: ((bytes32,uint32),(((uint16,bytes,((uint256,uint256),
// (uint256[2],uint256[2]),(uint256[2],uint256[2]),uint32),bytes32),bytes,
// uint32[]),uint32,bytes),(uint32[],(uint256,uint256)[],(uint256,uint256)[],
// (uint256[2],uint256[2]),(uint256,uint256),uint32[],uint32[],uint32[][]),bytes)
var v3Args = func() abi.Arguments {
	g1 := []abi.ArgumentMarshaling{{Name: "X", Type: "uint256"}, {Name: "Y", Type: "uint256"}}
	g2 := []abi.ArgumentMarshaling{{Name: "X", Type: "uint256[2]"}, {Name: "Y", Type: "uint256[2]"}}
	t, err := abi.NewType("tuple", "", []abi.ArgumentMarshaling{
		{Name: "batchHeader", Type: "tuple", Components: []abi.ArgumentMarshaling{
			{Name: "batchRoot", Type: "bytes32"},
			{Name: "referenceBlockNumber", Type: "uint32"},
		}},
		{Name: "blobInclusionInfo", Type: "tuple", Components: []abi.ArgumentMarshaling{
			{Name: "blobCertificate", Type: "tuple", Components: []abi.ArgumentMarshaling{
				{Name: "blobHeader", Type: "tuple", Components: []abi.ArgumentMarshaling{
					{Name: "version", Type: "uint16"},
					{Name: "quorumNumbers", Type: "bytes"},
					{Name: "commitment", Type: "tuple", Components: []abi.ArgumentMarshaling{
						{Name: "commitment", Type: "tuple", Components: g1},
						{Name: "lengthCommitment", Type: "tuple", Components: g2},
						{Name: "lengthProof", Type: "tuple", Components: g2},
						{Name: "length", Type: "uint32"},
					}},
					{Name: "paymentHeaderHash", Type: "bytes32"},
				}},
				{Name: "signature", Type: "bytes"},
				{Name: "relayKeys", Type: "uint32[]"},
			}},
			{Name: "blobIndex", Type: "uint32"},
			{Name: "inclusionProof", Type: "bytes"},
		}},
		{Name: "nonSignerStakesAndSignature", Type: "tuple", Components: []abi.ArgumentMarshaling{
			{Name: "nonSignerQuorumBitmapIndices", Type: "uint32[]"},
			{Name: "nonSignerPubkeys", Type: "tuple[]", Components: g1},
			{Name: "quorumApks", Type: "tuple[]", Components: g1},
			{Name: "apkG2", Type: "tuple", Components: g2},
			{Name: "sigma", Type: "tuple", Components: g1},
			{Name: "quorumApkIndices", Type: "uint32[]"},
			{Name: "totalStakeIndices", Type: "uint32[]"},
			{Name: "nonSignerStakeIndices", Type: "uint32[][]"},
		}},
		{Name: "signedQuorumNumbers", Type: "bytes"},
	})
	if err != nil {
		panic(fmt.Sprintf("cert: v3 abi type: %v", err)) // a constant type; cannot fail
	}
	return abi.Arguments{{Name: "cert", Type: t}}
}()
