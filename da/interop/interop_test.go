// Package interop runs paichain's Alt-DA server against the real op-alt-da
// DAClient from optimism v1.19.6, the client op-batcher and op-node use.
package interop

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"testing"

	altda "github.com/ethereum-optimism/optimism/op-alt-da"
	"github.com/ethereum-optimism/optimism/op-node/rollup/derive/params"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cert"
	"github.com/paichain/paichain/da/devnet"
	"github.com/paichain/paichain/da/faults"
	"github.com/paichain/paichain/da/kzg"
	"github.com/paichain/paichain/da/server"
)

func TestOPAltDAClientRoundTrip(t *testing.T) {
	srsDir, err := kzg.DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dev, err := devnet.Open(devnet.Config{Dir: dir, SRSDir: srsDir})
	if err != nil {
		t.Fatal(err)
	}
	fb, err := faults.Wrap(dev, faults.Config{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Backend: fb, Faults: fb}))
	defer srv.Close()

	ctx := context.Background()
	client := altda.NewDAClient(srv.URL, false, false)
	var comms []altda.CommitmentData
	for i, size := range []int{1, 1000, 120_000} {
		payload := bytes.Repeat([]byte(fmt.Sprintf("frame-%d;", i)), size/8+1)[:size]
		comm, err := client.SetInput(ctx, payload)
		if err != nil {
			t.Fatalf("SetInput %d bytes: %v", size, err)
		}
		if comm.CommitmentType() != altda.GenericCommitmentType {
			t.Fatalf("commitment type %v", comm.CommitmentType())
		}
		enc := comm.Encode()
		if enc[0] != cert.CommitmentTypeGeneric || enc[1] != cert.DALayerEigenDA || enc[2] != da.CertV2 {
			t.Fatalf("commitment prefix %x", enc[:3])
		}
		// The L1 calldata form is the derivation version byte + commitment.
		if tx := comm.TxData(); tx[0] != params.DerivationVersion1 || !bytes.Equal(tx[1:], enc) {
			t.Fatalf("tx data %x", tx[:4])
		}
		got, err := client.GetInput(ctx, comm)
		if err != nil {
			t.Fatalf("GetInput %d bytes: %v", size, err)
		}
		if !bytes.Equal(got, payload) {
			t.Fatalf("payload mismatch at %d bytes", size)
		}
		comms = append(comms, comm)
	}

	// Restart the backend on the same directory: every commitment resolves.
	dev2, err := devnet.Open(devnet.Config{Dir: dir, SRSDir: srsDir})
	if err != nil {
		t.Fatal(err)
	}
	srv2 := httptest.NewServer(server.New(server.Config{Backend: dev2}))
	defer srv2.Close()
	client2 := altda.NewDAClient(srv2.URL, false, false)
	for _, comm := range comms {
		if _, err := client2.GetInput(ctx, comm); err != nil {
			t.Fatalf("after restart: %v", err)
		}
	}

	// A commitment this server never issued is altda.ErrNotFound to op-node.
	other, err := devnet.Open(devnet.Config{Dir: t.TempDir(), SRSDir: srsDir})
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := other.Put(ctx, []byte("elsewhere"))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := altda.DecodeCommitmentData(cert.EncodeCommitment(foreign, cert.ModeOPGeneric))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.GetInput(ctx, fc); !errors.Is(err, altda.ErrNotFound) {
		t.Fatalf("foreign commitment: want altda.ErrNotFound, got %v", err)
	}

	// In failover mode the batcher's SetInput fails (HTTP 503) instead of
	// returning a commitment, so it can fall back to L1 calldata.
	if err := fb.Set(faults.Config{Failover: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.SetInput(ctx, []byte("during outage")); err == nil {
		t.Fatal("SetInput succeeded in failover mode")
	}
}
