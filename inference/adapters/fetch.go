package adapters

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/paichain/paichain/inference/lora"
)

// ErrNotFound means no tier and no source has the adapter. A Fetcher
// returns it (possibly wrapped) when it does not have a hash, so the store
// goes on to the next source.
var ErrNotFound = errors.New("adapters: adapter not found")

// Fetcher is a source of adapters, the last tier: Fetch makes the PEFT
// directory (adapter_config.json + adapter_model.safetensors) of the
// adapter with the given hash available locally and returns its path. The
// store verifies the hash of what it reads there: a source is not trusted.
type Fetcher interface {
	Fetch(ctx context.Context, hash [32]byte) (dir string, err error)
}

// Releaser is implemented by fetchers whose directories are temporary: the
// store calls Release once it has read the files.
type Releaser interface {
	Release(dir string)
}

// DirFetcher serves adapters from a directory holding one PEFT directory
// per adapter, named by the adapter hash in lowercase hex.
type DirFetcher struct {
	Root string
}

// Fetch returns Root/<hash hex> if it is a directory.
func (f DirFetcher) Fetch(_ context.Context, hash [32]byte) (string, error) {
	dir := filepath.Join(f.Root, hex.EncodeToString(hash[:]))
	st, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("%s: %w", dir, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("adapters: %w", err)
	}
	if !st.IsDir() {
		return "", fmt.Errorf("adapters: %s is not a directory", dir)
	}
	return dir, nil
}

// HTTPFetcher downloads adapters over HTTP(S) from
// BaseURL/<hash hex>/adapter_config.json and
// BaseURL/<hash hex>/adapter_model.safetensors into a temporary directory.
// A 404 is ErrNotFound; bodies over the size limits are refused.
type HTTPFetcher struct {
	BaseURL string
	Client  *http.Client // nil: a client with a 5-minute timeout
	TempDir string       // where downloads are staged; "" = os.TempDir()
	// MaxBytes bounds the weights file (0 = lora.MaxWeightsBytes).
	MaxBytes int64
}

var defaultHTTPClient = &http.Client{Timeout: 5 * time.Minute}

// Fetch downloads both files; the returned directory is removed by Release.
func (f *HTTPFetcher) Fetch(ctx context.Context, hash [32]byte) (string, error) {
	client := f.Client
	if client == nil {
		client = defaultHTTPClient
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = lora.MaxWeightsBytes
	}
	dir, err := os.MkdirTemp(f.TempDir, "adapter-fetch-")
	if err != nil {
		return "", fmt.Errorf("adapters: %w", err)
	}
	base := strings.TrimRight(f.BaseURL, "/") + "/" + hex.EncodeToString(hash[:]) + "/"
	for _, file := range []struct {
		name  string
		limit int64
	}{{lora.ConfigFile, lora.MaxConfigBytes}, {lora.WeightsFile, limit}} {
		if err := download(ctx, client, base+file.name, filepath.Join(dir, file.name), file.limit); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	return dir, nil
}

// Release removes a directory Fetch returned.
func (f *HTTPFetcher) Release(dir string) { os.RemoveAll(dir) }

func download(ctx context.Context, client *http.Client, url, path string, limit int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("adapters: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("adapters: fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return fmt.Errorf("%s: %w", url, ErrNotFound)
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("adapters: fetch %s: HTTP %s", url, resp.Status)
	case resp.ContentLength > limit:
		return fmt.Errorf("adapters: fetch %s: %d bytes, over the %d-byte limit", url, resp.ContentLength, limit)
	}
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("adapters: %w", err)
	}
	n, err := io.Copy(out, io.LimitReader(resp.Body, limit+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("adapters: fetch %s: %w", url, err)
	}
	if n > limit {
		return fmt.Errorf("adapters: fetch %s: body over the %d-byte limit", url, limit)
	}
	return nil
}
