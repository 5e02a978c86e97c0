package kzg_test

import (
	"testing"

	"github.com/consensys/gnark-crypto/ecc/bn254"

	"github.com/paichain/paichain/da/kzg"
)

type (
	bnG1 = bn254.G1Affine
	bnG2 = bn254.G2Affine
)

func srsDir(tb testing.TB) string {
	tb.Helper()
	dir, err := kzg.DefaultDir()
	if err != nil {
		tb.Fatalf("SRS: %v", err)
	}
	return dir
}
