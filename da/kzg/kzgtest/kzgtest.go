// Package kzgtest opens the SRS for tests that share one across a package,
// as httptest does for servers.
package kzgtest

import (
	"fmt"
	"os"

	"github.com/paichain/paichain/da/kzg"
)

// Main runs a package's tests with *srs set to the eigenda module's SRS,
// its decompressed-point cache in a temporary directory removed afterwards.
// Call it from TestMain: os.Exit(kzgtest.Main(m, &srs)).
func Main(m interface{ Run() int }, srs **kzg.SRS) int {
	dir, err := kzg.DefaultDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	cache, err := os.MkdirTemp("", "paichain-srs-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(cache)
	if *srs, err = kzg.Open(dir, cache); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}
