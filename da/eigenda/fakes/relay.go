package fakes

import (
	"context"
	"fmt"
	"net"
	"sync"
	"sync/atomic"

	relaygrpc "github.com/Layr-Labs/eigenda/api/grpc/relay"
	corev2 "github.com/Layr-Labs/eigenda/core/v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Store holds dispersed blobs by key; the disperser writes, relays read.
type Store struct {
	mu    sync.RWMutex
	blobs map[corev2.BlobKey][]byte
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{blobs: map[corev2.BlobKey][]byte{}} }

func (s *Store) put(k corev2.BlobKey, blob []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blobs[k] = append([]byte(nil), blob...)
}

func (s *Store) get(k corev2.BlobKey) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, ok := s.blobs[k]
	return b, ok
}

// Relay serves relay.Relay/GetBlob from a Store.
type Relay struct {
	relaygrpc.UnimplementedRelayServer

	// BlobFaults scripts failures of GetBlob.
	BlobFaults Faults

	store  *Store
	tamper atomic.Bool
	lis    net.Listener
	srv    *grpc.Server
}

// StartRelay serves a relay on a free 127.0.0.1 port.
func StartRelay(store *Store) (*Relay, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("fake relay: %w", err)
	}
	r := &Relay{store: store, lis: lis, srv: grpc.NewServer(grpc.MaxSendMsgSize(64 << 20))}
	relaygrpc.RegisterRelayServer(r.srv, r)
	go r.srv.Serve(lis)
	return r, nil
}

// Addr is the relay's host:port.
func (r *Relay) Addr() string { return r.lis.Addr().String() }

// Tamper makes the relay flip a bit in every blob it serves.
func (r *Relay) Tamper(on bool) { r.tamper.Store(on) }

// Close stops the relay.
func (r *Relay) Close() { r.srv.Stop() }

// GetBlob implements relay.Relay.
func (r *Relay) GetBlob(ctx context.Context, req *relaygrpc.GetBlobRequest) (*relaygrpc.GetBlobReply, error) {
	if err := r.BlobFaults.enter(ctx); err != nil {
		return nil, err
	}
	key, err := corev2.BytesToBlobKey(req.GetBlobKey())
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "blob key: %v", err)
	}
	blob, ok := r.store.get(key)
	if !ok {
		return nil, status.Errorf(codes.NotFound, "blob %s not found", key.Hex())
	}
	if r.tamper.Load() {
		blob = append([]byte(nil), blob...)
		blob[len(blob)-1] ^= 1
	}
	return &relaygrpc.GetBlobReply{Blob: blob}, nil
}
