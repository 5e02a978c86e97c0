package cert_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cert"
)

// The decoders take untrusted bytes from URLs: they must never panic, and
// whatever they accept must re-encode to exactly the input.

func FuzzCommitment(f *testing.F) {
	rng := rand.New(rand.NewPCG(9, 10))
	body, _ := sampleV2(rng).Encode()
	f.Add(cert.EncodeCommitment(da.Cert{Version: da.CertV2, Body: body}, cert.ModeOPGeneric), false)
	f.Add(cert.EncodeCommitment(da.Cert{Version: da.CertV2, Body: body}, cert.ModeStandard), true)
	f.Add([]byte{0x01, 0x00, 0x02}, false)
	f.Fuzz(func(t *testing.T, b []byte, standard bool) {
		mode := cert.ModeOPGeneric
		if standard {
			mode = cert.ModeStandard
		}
		c, err := cert.DecodeCommitment(b, mode)
		if err != nil {
			return
		}
		if !bytes.Equal(cert.EncodeCommitment(c, mode), b) {
			t.Fatal("commitment framing does not round trip")
		}
		_, _ = cert.Decode(c)
	})
}

func FuzzCertV2(f *testing.F) {
	rng := rand.New(rand.NewPCG(11, 12))
	body, _ := sampleV2(rng).Encode()
	f.Add(body)
	f.Add([]byte{0xc0})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := cert.DecodeV2(b)
		if err != nil {
			return
		}
		again, err := c.Encode()
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("accepted a non-canonical v2 cert: %v", err)
		}
		_, _ = cert.BlobKey(&c.BlobInclusionInfo.BlobCertificate.BlobHeader)
	})
}

func FuzzCertV3(f *testing.F) {
	rng := rand.New(rand.NewPCG(13, 14))
	v3 := sampleV2(rng).ToV3()
	rlpBody, _ := v3.Encode()
	abiBody, _ := v3.EncodeABI()
	f.Add(rlpBody)
	f.Add(abiBody)
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := cert.DecodeV3(b)
		if err != nil {
			return
		}
		var again []byte
		if b[0] == 0 {
			again, err = c.EncodeABI()
		} else {
			again, err = c.Encode()
		}
		if err != nil || !bytes.Equal(again, b) {
			t.Fatalf("accepted a non-canonical v3 cert: %v", err)
		}
	})
}
