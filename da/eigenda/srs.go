package eigenda

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/Layr-Labs/eigenda/encoding/kzg"
	"github.com/Layr-Labs/eigenda/encoding/kzg/prover"
)

// LoadProver loads the first points of EigenDA's SRS (G1, G2 and the G2
// trailing points the length proofs need) from dir into a KZG prover.
// Both the disperser client (blob commitments) and the relay retriever
// (commitment check on the way back) use it.
func LoadProver(dir string, points uint64) (*prover.Prover, error) {
	for _, f := range []string{"g1.point", "g2.point", "g2.trailing.point"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return nil, fmt.Errorf("eigenda: SRS: %w", err)
		}
	}
	p, err := prover.NewProver(kzgConfig(dir, points), nil)
	if err != nil {
		return nil, fmt.Errorf("eigenda: load %d SRS points from %s: %w", points, dir, err)
	}
	return p, nil
}

func kzgConfig(dir string, points uint64) *kzg.KzgConfig {
	return &kzg.KzgConfig{
		G1Path:         filepath.Join(dir, "g1.point"),
		G2Path:         filepath.Join(dir, "g2.point"),
		G2TrailingPath: filepath.Join(dir, "g2.trailing.point"),
		// The prover writes precomputed FFT tables here on first use.
		CacheDir:        filepath.Join(os.TempDir(), "paichain-eigenda-srstables"),
		SRSOrder:        srsOrder,
		SRSNumberToLoad: points,
		NumWorker:       uint64(runtime.GOMAXPROCS(0)),
		LoadG2Points:    true,
	}
}
