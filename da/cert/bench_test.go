package cert_test

import (
	"math/rand/v2"
	"testing"

	"github.com/paichain/paichain/da/cert"
)

// BenchmarkDecodeV2 is the per-GET cost of parsing a cert and computing its blob key.
func BenchmarkDecodeV2(b *testing.B) {
	body, _ := sampleV2(rand.New(rand.NewPCG(1, 1))).Encode()
	for b.Loop() {
		c, err := cert.DecodeV2(body)
		if err != nil {
			b.Fatal(err)
		}
		c.Encode()
		cert.BlobKey(&c.BlobInclusionInfo.BlobCertificate.BlobHeader)
	}
}
