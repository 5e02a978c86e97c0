package fakes

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net"
	"sync"
	"sync/atomic"
	"time"

	dispgrpc "github.com/Layr-Labs/eigenda/api/grpc/disperser/v2"
	"github.com/Layr-Labs/eigenda/core"
	auth "github.com/Layr-Labs/eigenda/core/auth/v2"
	corev2 "github.com/Layr-Labs/eigenda/core/v2"
	"github.com/Layr-Labs/eigenda/encoding/kzg/prover"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	gethcommon "github.com/ethereum/go-ethereum/common"
	"github.com/wealdtech/go-merkletree/v2"
	"github.com/wealdtech/go-merkletree/v2/keccak256"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// DisperserConfig shapes the fake network behind the disperser.
type DisperserConfig struct {
	// Prover recomputes blob commitments (EigenDA's KZG prover over the real SRS).
	Prover *prover.Prover
	// Store receives dispersed blobs for the relays to serve.
	Store *Store
	// RelayKeys go into every blob certificate.
	RelayKeys []corev2.RelayKey
	// Operators is the number of BLS operators (all in every quorum, equal
	// stake); NonSigners of them do not sign.
	Operators, NonSigners int
	// BatchSize is the number of blob certificates per batch (a power of
	// two); the others are other accounts' blobs, present as leaf hashes.
	BatchSize int
}

// Disperser serves disperser.v2.Disperser.
type Disperser struct {
	dispgrpc.UnimplementedDisperserServer

	// Scripted failures per method.
	DisperseFaults, StatusFaults, PaymentFaults, CommitmentFaults Faults

	cfg       DisperserConfig
	operators []*core.KeyPair
	payAuth   interface {
		AuthenticatePaymentStateRequest(gethcommon.Address, *dispgrpc.GetPaymentStateRequest) error
	}
	failBlobs  atomic.Bool
	shortState atomic.Bool
	refBlock   atomic.Uint64

	mu    sync.Mutex
	blobs map[corev2.BlobKey]*blobState

	lis net.Listener
	srv *grpc.Server
}

type blobState struct {
	cert   *corev2.BlobCertificate
	status dispgrpc.BlobStatus
	reply  *dispgrpc.BlobStatusReply // set once the batch is signed
}

// StartDisperser serves a disperser on a free 127.0.0.1 port.
func StartDisperser(cfg DisperserConfig) (*Disperser, error) {
	if cfg.Operators == 0 {
		cfg.Operators = 4
	}
	if cfg.BatchSize == 0 {
		cfg.BatchSize = 4
	}
	if cfg.BatchSize&(cfg.BatchSize-1) != 0 || cfg.NonSigners >= cfg.Operators {
		return nil, fmt.Errorf("fake disperser: bad config %+v", cfg)
	}
	d := &Disperser{
		cfg:     cfg,
		payAuth: auth.NewPaymentStateAuthenticator(time.Minute, time.Minute),
		blobs:   map[corev2.BlobKey]*blobState{},
	}
	d.refBlock.Store(1_000_000)
	for range cfg.Operators {
		kp, err := core.GenRandomBlsKeys()
		if err != nil {
			return nil, fmt.Errorf("fake disperser: bls key: %w", err)
		}
		d.operators = append(d.operators, kp)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("fake disperser: %w", err)
	}
	d.lis = lis
	d.srv = grpc.NewServer(grpc.MaxRecvMsgSize(64 << 20))
	dispgrpc.RegisterDisperserServer(d.srv, d)
	go d.srv.Serve(lis)
	return d, nil
}

// Addr is the disperser's host:port.
func (d *Disperser) Addr() string { return d.lis.Addr().String() }

// Close stops the disperser.
func (d *Disperser) Close() { d.srv.Stop() }

// FailBlobs makes dispersed blobs end in status FAILED after ENCODED.
func (d *Disperser) FailBlobs(on bool) { d.failBlobs.Store(on) }

// ShortPaymentState makes GetPaymentState return no period records where
// the v0.9.2 accountant expects three (it indexes them unchecked).
func (d *Disperser) ShortPaymentState(on bool) { d.shortState.Store(on) }

// Blobs counts the blobs accepted.
func (d *Disperser) Blobs() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.blobs)
}

// GetPaymentState implements disperser.v2.Disperser: a reservation on
// quorums 0 and 1 with mainnet-like global parameters, after checking the
// request's signature.
func (d *Disperser) GetPaymentState(ctx context.Context, req *dispgrpc.GetPaymentStateRequest) (*dispgrpc.GetPaymentStateReply, error) {
	if err := d.PaymentFaults.enter(ctx); err != nil {
		return nil, err
	}
	if !gethcommon.IsHexAddress(req.GetAccountId()) {
		return nil, status.Error(codes.InvalidArgument, "account id is not an address")
	}
	if err := d.payAuth.AuthenticatePaymentStateRequest(gethcommon.HexToAddress(req.GetAccountId()), req); err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "payment state request: %v", err)
	}
	const window = 300 // seconds per reservation period
	period := uint32(time.Now().Unix() / window)
	records := []*dispgrpc.PeriodRecord{{Index: period}, {Index: period + 1}, {Index: period + 2}}
	if d.shortState.Load() {
		records = records[:0]
	}
	return &dispgrpc.GetPaymentStateReply{
		PaymentGlobalParams: &dispgrpc.PaymentGlobalParams{
			GlobalSymbolsPerSecond: 1 << 20,
			MinNumSymbols:          4096,
			PricePerSymbol:         447_000_000,
			ReservationWindow:      window,
			OnDemandQuorumNumbers:  []uint32{0, 1},
		},
		PeriodRecords: records,
		Reservation: &dispgrpc.Reservation{
			SymbolsPerSecond: 1 << 16,
			StartTimestamp:   uint32(time.Now().Add(-time.Hour).Unix()),
			EndTimestamp:     uint32(time.Now().Add(24 * time.Hour).Unix()),
			QuorumNumbers:    []uint32{0, 1},
			QuorumSplits:     []uint32{50, 50},
		},
		OnchainCumulativePayment: big.NewInt(1e18).Bytes(),
	}, nil
}

// GetBlobCommitment implements disperser.v2.Disperser.
func (d *Disperser) GetBlobCommitment(ctx context.Context, req *dispgrpc.BlobCommitmentRequest) (*dispgrpc.BlobCommitmentReply, error) {
	if err := d.CommitmentFaults.enter(ctx); err != nil {
		return nil, err
	}
	c, err := d.cfg.Prover.GetCommitmentsForPaddedLength(req.GetBlob())
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "commit: %v", err)
	}
	pb, err := c.ToProtobuf()
	if err != nil {
		return nil, status.Errorf(codes.Internal, "commitment: %v", err)
	}
	return &dispgrpc.BlobCommitmentReply{BlobCommitment: pb}, nil
}

// DisperseBlob implements disperser.v2.Disperser: it authenticates the
// request, recomputes the KZG commitments of the blob and refuses headers
// that disagree, then queues the blob.
func (d *Disperser) DisperseBlob(ctx context.Context, req *dispgrpc.DisperseBlobRequest) (*dispgrpc.DisperseBlobReply, error) {
	if err := d.DisperseFaults.enter(ctx); err != nil {
		return nil, err
	}
	hdr, err := corev2.BlobHeaderFromProtobuf(req.GetBlobHeader())
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "blob header: %v", err)
	}
	if err := auth.NewBlobRequestAuthenticator().AuthenticateBlobRequest(hdr, req.GetSignature()); err != nil {
		return nil, status.Errorf(codes.Unauthenticated, "blob request: %v", err)
	}
	want, err := d.cfg.Prover.GetCommitmentsForPaddedLength(req.GetBlob())
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "blob: %v", err)
	}
	got := hdr.BlobCommitments
	if got.Commitment == nil || got.LengthCommitment == nil || got.LengthProof == nil ||
		!(*bn254.G1Affine)(want.Commitment).Equal((*bn254.G1Affine)(got.Commitment)) ||
		!(*bn254.G2Affine)(want.LengthCommitment).Equal((*bn254.G2Affine)(got.LengthCommitment)) ||
		!(*bn254.G2Affine)(want.LengthProof).Equal((*bn254.G2Affine)(got.LengthProof)) ||
		want.Length != got.Length {
		return nil, status.Error(codes.InvalidArgument, "blob commitments do not match the blob")
	}
	key, err := hdr.BlobKey()
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "blob key: %v", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, dup := d.blobs[key]; dup {
		return nil, status.Errorf(codes.AlreadyExists, "blob %s already dispersed", key.Hex())
	}
	d.blobs[key] = &blobState{
		cert:   &corev2.BlobCertificate{BlobHeader: hdr, Signature: req.GetSignature(), RelayKeys: d.cfg.RelayKeys},
		status: dispgrpc.BlobStatus_QUEUED,
	}
	d.cfg.Store.put(key, req.GetBlob())
	return &dispgrpc.DisperseBlobReply{Result: dispgrpc.BlobStatus_QUEUED, BlobKey: key[:]}, nil
}

// GetBlobStatus implements disperser.v2.Disperser. Each poll moves a blob
// one step: QUEUED, ENCODED, GATHERING_SIGNATURES (one operator signed so
// far, below threshold), COMPLETE (all signers) - or FAILED after ENCODED.
func (d *Disperser) GetBlobStatus(ctx context.Context, req *dispgrpc.BlobStatusRequest) (*dispgrpc.BlobStatusReply, error) {
	if err := d.StatusFaults.enter(ctx); err != nil {
		return nil, err
	}
	key, err := corev2.BytesToBlobKey(req.GetBlobKey())
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "blob key: %v", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	b, ok := d.blobs[key]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "blob %s not found", key.Hex())
	}
	switch b.status {
	case dispgrpc.BlobStatus_QUEUED:
		b.status = dispgrpc.BlobStatus_ENCODED
	case dispgrpc.BlobStatus_ENCODED:
		if d.failBlobs.Load() {
			b.status = dispgrpc.BlobStatus_FAILED
			break
		}
		b.status = dispgrpc.BlobStatus_GATHERING_SIGNATURES
		if b.reply, err = d.signBatch(b.cert, 1); err != nil {
			return nil, status.Errorf(codes.Internal, "batch: %v", err)
		}
	case dispgrpc.BlobStatus_GATHERING_SIGNATURES:
		b.status = dispgrpc.BlobStatus_COMPLETE
		if b.reply, err = d.signBatch(b.cert, d.cfg.Operators-d.cfg.NonSigners); err != nil {
			return nil, status.Errorf(codes.Internal, "batch: %v", err)
		}
	}
	reply := &dispgrpc.BlobStatusReply{Status: b.status}
	if b.reply != nil && b.status != dispgrpc.BlobStatus_FAILED {
		reply.SignedBatch = b.reply.SignedBatch
		reply.BlobInclusionInfo = b.reply.BlobInclusionInfo
	}
	return reply, nil
}

// signBatch puts cert into a batch with other blobs, builds the Merkle
// tree the way EigenDA's controller does, and has the first signers
// operators BLS-sign the batch header.
func (d *Disperser) signBatch(cert *corev2.BlobCertificate, signers int) (*dispgrpc.BlobStatusReply, error) {
	leaf, err := cert.Hash()
	if err != nil {
		return nil, err
	}
	index := int(d.refBlock.Load()) % d.cfg.BatchSize
	leaves := make([][]byte, d.cfg.BatchSize)
	for i := range leaves {
		leaves[i] = make([]byte, 32)
		if i == index {
			copy(leaves[i], leaf[:])
		} else if _, err := rand.Read(leaves[i]); err != nil {
			return nil, err
		}
	}
	tree, err := merkletree.NewTree(merkletree.WithData(leaves), merkletree.WithHashType(keccak256.New()))
	if err != nil {
		return nil, err
	}
	proof, err := tree.GenerateProofWithIndex(uint64(index), 0)
	if err != nil {
		return nil, err
	}
	header := &corev2.BatchHeader{ReferenceBlockNumber: d.refBlock.Add(1)}
	copy(header.BatchRoot[:], tree.Root())
	msg, err := header.Hash()
	if err != nil {
		return nil, err
	}

	quorums := cert.BlobHeader.QuorumNumbers
	var sigma *core.Signature
	var apkG2 *core.G2Point
	var apkG1 *core.G1Point
	var nonSigners []*core.G1Point
	for i, op := range d.operators {
		if apkG1 == nil {
			apkG1 = op.GetPubKeyG1().Clone()
		} else {
			apkG1.Add(op.GetPubKeyG1())
		}
		if i >= signers {
			nonSigners = append(nonSigners, op.GetPubKeyG1())
			continue
		}
		sig := op.SignMessage(msg)
		if sigma == nil {
			sigma, apkG2 = &core.Signature{G1Point: sig.Clone()}, op.GetPubKeyG2().Clone()
		} else {
			sigma.Add(sig.G1Point)
			apkG2.Add(op.GetPubKeyG2())
		}
	}
	percent := uint8(100 * signers / len(d.operators))
	att := &corev2.Attestation{
		BatchHeader:      header,
		AttestedAt:       uint64(time.Now().UnixNano()),
		NonSignerPubKeys: nonSigners,
		APKG2:            apkG2,
		QuorumAPKs:       map[core.QuorumID]*core.G1Point{},
		Sigma:            sigma,
		QuorumNumbers:    quorums,
		QuorumResults:    map[core.QuorumID]uint8{},
	}
	for _, q := range quorums {
		att.QuorumAPKs[q] = apkG1
		att.QuorumResults[q] = percent
	}
	attPB, err := att.ToProtobuf()
	if err != nil {
		return nil, err
	}
	incl := &corev2.BlobInclusionInfo{
		BatchHeader:    header,
		BlobIndex:      uint32(index),
		InclusionProof: core.SerializeMerkleProof(proof),
	}
	inclPB, err := incl.ToProtobuf(cert)
	if err != nil {
		return nil, err
	}
	return &dispgrpc.BlobStatusReply{
		SignedBatch:       &dispgrpc.SignedBatch{Header: header.ToProtobuf(), Attestation: attPB},
		BlobInclusionInfo: inclPB,
	}, nil
}
