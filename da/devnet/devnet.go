// Package devnet is paichain's embedded DA backend: it stores payloads on
// local disk (no expiry, crash-safe) and issues EigenDA-shaped V2 certs with
// the real KZG commitment, a valid G2 length commitment and length proof, a
// deterministic ECDSA blob signature and a deterministic BLS batch signature
// from a devnet key. Get verifies the cert before serving the payload, so a
// tampered cert is rejected (HTTP 418) exactly as a real EigenDA verifier
// would reject it.
package devnet

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cert"
	"github.com/paichain/paichain/da/codec"
	"github.com/paichain/paichain/da/kzg"
	"github.com/paichain/paichain/da/store"
)

// Name is the backend's name in logs, /config and metrics.
const Name = "devnet"

// blsDST separates the devnet's BLS hash-to-curve from any other use.
var blsDST = []byte("PAICHAIN-DEVNET-BN254G1_XMD:KECCAK_SSWU_RO_")

// Quorums the devnet claims to disperse to: EigenDA's ETH and EIGEN quorums.
var quorums = []byte{0, 1}

// Config configures the devnet backend.
type Config struct {
	// Dir holds the payloads and the SRS point cache.
	Dir string
	// SRSDir holds EigenDA's g1.point, g2.point and g2.trailing.point;
	// empty means the eigenda module in the Go module cache.
	SRSDir string
	// SRS, when set, is shared instead of opening SRSDir (several backends
	// in one process then load each point slice once).
	SRS *kzg.SRS
	// Seed derives the devnet's signing keys; certs verify across restarts
	// and machines that share it.
	Seed string
	// ReferenceBlockNumber is written into every batch header.
	ReferenceBlockNumber uint32
}

// Backend is the devnet da.Backend.
type Backend struct {
	store *store.Store
	srs   *kzg.SRS
	codec codec.Codec
	rbn   uint32

	ecdsaKey *ecdsa.PrivateKey
	account  common.Address
	blsSK    *big.Int
	apkG1    bn254.G1Affine
	apkG2    bn254.G2Affine
	payment  [32]byte
}

// Open opens (or creates) a devnet store. It reads no SRS points, so it
// returns in milliseconds; each blob size loads its SRS slice on first use.
func Open(cfg Config) (*Backend, error) {
	if cfg.Dir == "" {
		return nil, errors.New("devnet: no data directory")
	}
	if cfg.Seed == "" {
		cfg.Seed = "paichain-devnet"
	}
	srs := cfg.SRS
	if srs == nil {
		srsDir := cfg.SRSDir
		if srsDir == "" {
			var err error
			if srsDir, err = kzg.DefaultDir(); err != nil {
				return nil, fmt.Errorf("devnet: %w", err)
			}
		}
		var err error
		if srs, err = kzg.Open(srsDir, filepath.Join(cfg.Dir, "srs-cache")); err != nil {
			return nil, fmt.Errorf("devnet: %w", err)
		}
	}
	st, err := store.Open(filepath.Join(cfg.Dir, "blobs"))
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	b := &Backend{store: st, srs: srs, rbn: cfg.ReferenceBlockNumber}
	b.ecdsaKey, err = crypto.ToECDSA(crypto.Keccak256([]byte("paichain-devnet/ecdsa/" + cfg.Seed)))
	if err != nil {
		return nil, fmt.Errorf("devnet: derive ecdsa key: %w", err)
	}
	b.account = crypto.PubkeyToAddress(b.ecdsaKey.PublicKey)
	b.blsSK = new(big.Int).SetBytes(crypto.Keccak256([]byte("paichain-devnet/bls/" + cfg.Seed)))
	b.blsSK.Mod(b.blsSK, fr.Modulus())
	b.apkG1.ScalarMultiplicationBase(b.blsSK)
	b.apkG2.ScalarMultiplicationBase(b.blsSK)
	b.payment = crypto.Keccak256Hash([]byte("paichain-devnet/payment/"), b.account[:])
	return b, nil
}

// Name implements da.Backend.
func (b *Backend) Name() string { return Name }

// Len is the number of stored blobs.
func (b *Backend) Len() int64 { return b.store.Len() }

// Account is the address that signs blob certificates.
func (b *Backend) Account() common.Address { return b.account }

// SRS exposes the loaded SRS (for benchmarks and warm-up).
func (b *Backend) SRS() *kzg.SRS { return b.srs }

// Put encodes payload into a blob, commits to it, stores it and returns its
// V2 cert. The cert is a pure function of the payload and the devnet key, so
// putting the same payload twice returns the same cert.
func (b *Backend) Put(ctx context.Context, payload []byte) (da.Cert, error) {
	if len(payload) > codec.MaxPayloadSize {
		return da.Cert{}, fmt.Errorf("%w: %d bytes, max %d", da.ErrTooLarge, len(payload), codec.MaxPayloadSize)
	}
	coeffs, err := b.codec.Encode(payload)
	if err != nil {
		return da.Cert{}, fmt.Errorf("devnet: encode blob: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return da.Cert{}, err
	}
	comm, err := b.srs.CommitAll(coeffs)
	if err != nil {
		return da.Cert{}, fmt.Errorf("devnet: commit: %w", err)
	}
	c, key, err := b.issue(&comm)
	if err != nil {
		return da.Cert{}, err
	}
	body, err := c.Encode()
	if err != nil {
		return da.Cert{}, err
	}
	if err := b.store.Put(key, body, payload); err != nil {
		return da.Cert{}, fmt.Errorf("devnet: %w", err)
	}
	return da.Cert{Version: da.CertV2, Body: body}, nil
}

// issue builds and signs the cert for a blob: a single-blob batch whose root
// is the blob's leaf, signed by the devnet operator for both quorums.
func (b *Backend) issue(comm *kzg.Commitments) (*cert.V2, [32]byte, error) {
	cx, cy := kzg.G1ToBig(&comm.Commitment)
	lcx, lcy := kzg.G2ToBig(&comm.LengthCommitment)
	lpx, lpy := kzg.G2ToBig(&comm.LengthProof)
	header := cert.BlobHeaderV2{
		Version:       0,
		QuorumNumbers: quorums,
		Commitment: cert.BlobCommitment{
			Commitment:       cert.G1Point{X: cx, Y: cy},
			LengthCommitment: cert.G2Point{X: lcx, Y: lcy},
			LengthProof:      cert.G2Point{X: lpx, Y: lpy},
			Length:           comm.Length,
		},
		PaymentHeaderHash: b.payment,
	}
	key, err := cert.BlobKey(&header)
	if err != nil {
		return nil, key, err
	}
	// secp256k1 signing uses RFC 6979 nonces: deterministic.
	sig, err := crypto.Sign(key[:], b.ecdsaKey)
	if err != nil {
		return nil, key, fmt.Errorf("devnet: sign blob key: %w", err)
	}
	bc := cert.BlobCertificate{BlobHeader: header, Signature: sig, RelayKeys: []uint32{0}}
	leaf, err := cert.Leaf(&bc)
	if err != nil {
		return nil, key, err
	}
	batch := cert.BatchHeaderV2{BatchRoot: leaf, ReferenceBlockNumber: b.rbn}
	msg, err := cert.BatchHeaderHash(&batch)
	if err != nil {
		return nil, key, err
	}
	h, err := bn254.HashToG1(msg[:], blsDST)
	if err != nil {
		return nil, key, fmt.Errorf("devnet: hash to curve: %w", err)
	}
	var sigma bn254.G1Affine
	sigma.ScalarMultiplication(&h, b.blsSK)
	sx, sy := kzg.G1ToBig(&sigma)
	ax, ay := kzg.G1ToBig(&b.apkG1)
	gx, gy := kzg.G2ToBig(&b.apkG2)
	apk := cert.G1Point{X: ax, Y: ay}
	return &cert.V2{
		BlobInclusionInfo: cert.BlobInclusionInfo{BlobCertificate: bc, BlobIndex: 0, InclusionProof: []byte{}},
		BatchHeader:       batch,
		NonSignerStakesAndSignature: cert.NonSignerStakesAndSignature{
			NonSignerQuorumBitmapIndices: []uint32{},
			NonSignerPubkeys:             []cert.G1Point{},
			QuorumApks:                   []cert.G1Point{apk, apk},
			ApkG2:                        cert.G2Point{X: gx, Y: gy},
			Sigma:                        cert.G1Point{X: sx, Y: sy},
			QuorumApkIndices:             []uint32{0, 0},
			TotalStakeIndices:            []uint32{0, 0},
			NonSignerStakeIndices:        [][]uint32{{}, {}},
		},
		SignedQuorumNumbers: quorums,
	}, key, nil
}

// Get verifies the cert and returns the payload it commits to.
func (b *Backend) Get(ctx context.Context, c da.Cert) ([]byte, error) {
	v3, err := cert.Decode(c)
	if err != nil {
		return nil, err
	}
	key, err := b.verify(v3)
	if err != nil {
		return nil, err
	}
	issued, payload, err := b.store.Get(key)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("%w: blob %x", da.ErrNotFound, key)
	}
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	// The signatures cover the blob and batch; the rest of the cert (quorum
	// APKs, indices) must be exactly what was issued.
	presented, err := v3.ToV2().Encode()
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(presented, issued) {
		return nil, cert.Invalid(cert.StatusInvalidCert, "cert for blob %x differs from the one issued", key)
	}
	return payload, nil
}

// verify checks a cert the way EigenDA's verifier does, against the devnet
// operator and account: blob signature, Merkle inclusion, BLS attestation,
// and well-formed commitments. It returns the blob key.
func (b *Backend) verify(c *cert.V3) ([32]byte, error) {
	bc := &c.BlobInclusionInfo.BlobCertificate
	invalid := func(format string, args ...any) ([32]byte, error) {
		return [32]byte{}, cert.Invalid(cert.StatusInvalidCert, format, args...)
	}
	key, err := cert.BlobKey(&bc.BlobHeader)
	if err != nil {
		return invalid("blob key: %v", err)
	}
	if len(bc.Signature) != crypto.SignatureLength {
		return invalid("blob signature is %d bytes", len(bc.Signature))
	}
	pub, err := crypto.SigToPub(key[:], bc.Signature)
	if err != nil || crypto.PubkeyToAddress(*pub) != b.account {
		return invalid("blob not signed by the devnet account %s", b.account)
	}
	leaf, err := cert.Leaf(bc)
	if err != nil {
		return invalid("leaf: %v", err)
	}
	root, err := cert.MerkleRoot(leaf, c.BlobInclusionInfo.InclusionProof, c.BlobInclusionInfo.BlobIndex)
	if err != nil || root != c.BatchHeader.BatchRoot {
		return invalid("blob is not included in the batch")
	}
	nss := &c.NonSignerStakesAndSignature
	apk, err := kzg.G2FromBig(nss.ApkG2.X, nss.ApkG2.Y)
	if err != nil || !apk.Equal(&b.apkG2) {
		return invalid("batch not attested by the devnet operator")
	}
	sigma, err := kzg.G1FromBig(nss.Sigma.X, nss.Sigma.Y)
	if err != nil {
		return invalid("signature: %v", err)
	}
	msg, err := cert.BatchHeaderHash(&c.BatchHeader)
	if err != nil {
		return invalid("batch header: %v", err)
	}
	h, err := bn254.HashToG1(msg[:], blsDST)
	if err != nil {
		return invalid("hash to curve: %v", err)
	}
	_, _, _, g2 := bn254.Generators()
	var negG2 bn254.G2Affine
	negG2.Neg(&g2)
	ok, err := bn254.PairingCheck([]bn254.G1Affine{sigma, h}, []bn254.G2Affine{negG2, apk})
	if err != nil || !ok {
		return invalid("bad BLS signature on the batch")
	}
	cm := &bc.BlobHeader.Commitment
	if _, err := kzg.G1FromBig(cm.Commitment.X, cm.Commitment.Y); err != nil {
		return invalid("commitment: %v", err)
	}
	if _, err := kzg.G2FromBig(cm.LengthCommitment.X, cm.LengthCommitment.Y); err != nil {
		return invalid("length commitment: %v", err)
	}
	if _, err := kzg.G2FromBig(cm.LengthProof.X, cm.LengthProof.Y); err != nil {
		return invalid("length proof: %v", err)
	}
	return key, nil
}
