// Package kzg computes EigenDA blob commitments over BN254: the G1 KZG
// commitment, the G2 length commitment and the G2 length proof, byte-identical
// to EigenDA's prover, from the SRS files EigenDA ships in its Go module.
package kzg

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/consensys/gnark-crypto/ecc/bn254"
)

// SRS file layout, as shipped in github.com/Layr-Labs/eigenda resources/srs.
const (
	G1File         = "g1.point"          // [tau^i]_1, i in [0, 2^19), compressed
	G2File         = "g2.point"          // [tau^i]_2, i in [0, 2^19), compressed
	G2TrailingFile = "g2.trailing.point" // [tau^i]_2, the last 2^19 powers of the 2^28 SRS

	// FilePoints is the number of points in each shipped file (16 MiB blobs).
	FilePoints = 1 << 19
	// SRSOrder is the number of powers in EigenDA's full SRS; length proofs
	// shift polynomials to its end.
	SRSOrder = 1 << 28

	g1Compressed = 32
	g2Compressed = 64

	eigenDAModule = "github.com/Layr-Labs/eigenda"
	// eigenDAVersion is the module version whose SRS hashes are pinned below.
	eigenDAVersion = "v0.9.2"
)

// pinnedSHA256 is the sha256 of each SRS file in eigenda v0.9.2
// (resources/srs/srs-files-16777216.sha256). Points are parsed without
// subgroup checks only because these hashes pin the file contents.
func pinnedSHA256(name string) string {
	switch name {
	case G1File:
		return "8f18b9c04ed4bddcdb73001fb693703197328cecabdfa9025f647410b0c50d7f"
	case G2File:
		return "a6942684aa751b4ec7873e2edb4660ac5c4516adb3b310441802cc0d489f645a"
	case G2TrailingFile:
		return "78fad17d74d28cecdb7f826fdd72dee08bdbe1e8ad66f2b24fcf2fc140176788"
	}
	return ""
}

// ErrSRS reports a missing, corrupt or too small SRS.
var ErrSRS = errors.New("kzg: SRS")

// DefaultDir locates resources/srs in the eigenda module in the Go module
// cache, at the version this binary was built against.
func DefaultDir() (string, error) {
	version := eigenDAVersion
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == eigenDAModule {
				version = d.Version
				if d.Replace != nil {
					version = d.Replace.Version
				}
			}
		}
	}
	// The module cache escapes upper-case letters as !lower.
	rel := filepath.Join("github.com", "!layr-!labs", "eigenda@"+version, "resources", "srs")
	// Where `go env GOMODCACHE` would point, without paying for running go.
	var caches []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		caches = append(caches, c)
	}
	for _, p := range filepath.SplitList(os.Getenv("GOPATH")) {
		caches = append(caches, filepath.Join(p, "pkg", "mod"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		caches = append(caches, filepath.Join(home, "go", "pkg", "mod"))
	}
	for _, c := range caches {
		if dir := filepath.Join(c, rel); fileExists(filepath.Join(dir, G1File)) {
			return dir, nil
		}
	}
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return "", fmt.Errorf("%w: locate the Go module cache (set --srs.dir or GOMODCACHE): %v", ErrSRS, err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), rel)
	if !fileExists(filepath.Join(dir, G1File)) {
		return "", fmt.Errorf("%w: %s not found (run `go mod download %s@%s`)", ErrSRS, dir, eigenDAModule, version)
	}
	return dir, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// SRS loads the slices of EigenDA's SRS that blob sizes need, on demand.
// Source files are hashed once before their first use; decompressed points
// are cached under cacheDir (if set) so later processes skip the square roots
// that dominate loading. Safe for concurrent use.
type SRS struct {
	dir      string
	cacheDir string

	mu       sync.Mutex
	verified map[string]bool
	g1       []bn254.G1Affine // [tau^i]_1, i in [0, len)
	g2       []bn254.G2Affine // [tau^i]_2, i in [0, len)
	g2t      []bn254.G2Affine // the last len points of the trailing file
}

// Open checks that the SRS files exist with the expected sizes. It reads no
// points: opening is instant, and each blob size loads its slice when first
// committed to.
func Open(dir, cacheDir string) (*SRS, error) {
	for _, f := range []struct {
		name string
		size int64
	}{{G1File, FilePoints * g1Compressed}, {G2File, FilePoints * g2Compressed}, {G2TrailingFile, FilePoints * g2Compressed}} {
		st, err := os.Stat(filepath.Join(dir, f.name))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrSRS, err)
		}
		if st.Size() != f.size {
			return nil, fmt.Errorf("%w: %s is %d bytes, want %d", ErrSRS, f.name, st.Size(), f.size)
		}
	}
	if cacheDir != "" {
		if err := os.MkdirAll(cacheDir, 0o755); err != nil {
			return nil, fmt.Errorf("%w: cache dir: %v", ErrSRS, err)
		}
	}
	return &SRS{dir: dir, cacheDir: cacheDir, verified: make(map[string]bool)}, nil
}

// G1 returns [tau^i]_1 for i in [0, n).
func (s *SRS) G1(n int) ([]bn254.G1Affine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.g1) < n {
		pts, err := loadPoints[bn254.G1Affine](s, G1File, 0, n, g1Compressed)
		if err != nil {
			return nil, err
		}
		s.g1 = pts
	}
	return s.g1[:n], nil
}

// G2 returns [tau^i]_2 for i in [0, n).
func (s *SRS) G2(n int) ([]bn254.G2Affine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.g2) < n {
		pts, err := loadPoints[bn254.G2Affine](s, G2File, 0, n, g2Compressed)
		if err != nil {
			return nil, err
		}
		s.g2 = pts
	}
	return s.g2[:n], nil
}

// G2Trailing returns [tau^i]_2 for i in [SRSOrder-n, SRSOrder): the powers a
// length proof for an n-symbol blob shifts its polynomial onto.
func (s *SRS) G2Trailing(n int) ([]bn254.G2Affine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.g2t) < n {
		pts, err := loadPoints[bn254.G2Affine](s, G2TrailingFile, FilePoints-n, FilePoints, g2Compressed)
		if err != nil {
			return nil, err
		}
		s.g2t = pts
	}
	return s.g2t[len(s.g2t)-n:], nil
}

type point interface {
	bn254.G1Affine | bn254.G2Affine
}

// loadPoints returns points [from, to) of an SRS file, from the decompressed
// cache when it holds a valid copy, else from the (hash-checked) source.
func loadPoints[P point](s *SRS, name string, from, to, size int) ([]P, error) {
	if from < 0 || to > FilePoints || from >= to {
		return nil, fmt.Errorf("%w: %s points [%d, %d) out of range (max %d)", ErrSRS, name, from, to, FilePoints)
	}
	cache := ""
	if s.cacheDir != "" {
		cache = filepath.Join(s.cacheDir, fmt.Sprintf("%s.%d-%d.raw", name, from, to))
		if pts, err := readRaw[P](cache, to-from); err == nil {
			return pts, nil
		}
	}
	if err := s.verify(name); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(s.dir, name))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSRS, err)
	}
	defer f.Close()
	buf := make([]byte, (to-from)*size)
	if _, err := f.ReadAt(buf, int64(from*size)); err != nil {
		return nil, fmt.Errorf("%w: read %s: %v", ErrSRS, name, err)
	}
	pts, err := decodeParallel[P](buf, to-from, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrSRS, name, err)
	}
	if cache != "" {
		// A failed cache write only costs the next process a re-decode.
		_ = writeRaw(cache, pts)
	}
	return pts, nil
}

// verify hashes a source file against its pinned sha256, once per process.
func (s *SRS) verify(name string) error {
	if s.verified[name] {
		return nil
	}
	f, err := os.Open(filepath.Join(s.dir, name))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrSRS, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("%w: hash %s: %v", ErrSRS, name, err)
	}
	if got, want := hex.EncodeToString(h.Sum(nil)), pinnedSHA256(name); got != want {
		return fmt.Errorf("%w: %s sha256 %s, want %s", ErrSRS, name, got, want)
	}
	s.verified[name] = true
	return nil
}

// decodeParallel decodes n points of the given encoded size, split across
// the CPUs: decompression (a square root per point) dominates loading.
func decodeParallel[P point](buf []byte, n, size int) ([]P, error) {
	pts := make([]P, n)
	workers := min(runtime.GOMAXPROCS(0), n)
	per := (n + workers - 1) / workers
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		lo, hi := w*per, min((w+1)*per, n)
		go func() {
			dec := bn254.NewDecoder(bytes.NewReader(buf[lo*size:hi*size]), bn254.NoSubgroupChecks())
			for i := lo; i < hi; i++ {
				if err := dec.Decode(&pts[i]); err != nil {
					errs <- fmt.Errorf("point %d: %w", i, err)
					return
				}
			}
			errs <- nil
		}()
	}
	var first error
	for w := 0; w < workers; w++ {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return pts, first
}

// The raw cache file is sha256(body) followed by body, the points in
// gnark's uncompressed encoding; written to a temp file and renamed.
func writeRaw[P point](path string, pts []P) error {
	var body bytes.Buffer
	enc := bn254.NewEncoder(&body, bn254.RawEncoding())
	for i := range pts {
		if err := enc.Encode(&pts[i]); err != nil {
			return err
		}
	}
	sum := sha256.Sum256(body.Bytes())
	tmp, err := os.CreateTemp(filepath.Dir(path), ".srs-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	w.Write(sum[:])
	w.Write(body.Bytes())
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func readRaw[P point](path string, n int) ([]P, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < sha256.Size {
		return nil, fmt.Errorf("short cache file")
	}
	body := data[sha256.Size:]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], data[:sha256.Size]) {
		return nil, fmt.Errorf("cache checksum mismatch")
	}
	if len(body)%n != 0 {
		return nil, fmt.Errorf("cache holds a different point count")
	}
	pts, err := decodeParallel[P](body, n, len(body)/n)
	if err != nil {
		return nil, err
	}
	return pts, nil
}
