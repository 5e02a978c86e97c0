package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/cache"
	"github.com/paichain/paichain/da/devnet"
	"github.com/paichain/paichain/da/faults"
	"github.com/paichain/paichain/da/kzg"
	"github.com/paichain/paichain/da/server"
)

// daBackend is one --backend choice: its own flags and its constructor.
type daBackend struct {
	usage string
	flags []cli.Flag
	// open builds the backend; the returned closer (may be nil) runs on
	// shutdown.
	open func(c *cli.Context, dataDir string) (da.Backend, io.Closer, error)
}

// daBackends maps --backend names to backends. A backend that lives in its
// own file (the real EigenDA network: da_eigenda.go) adds one entry here.
func daBackends() map[string]daBackend {
	return map[string]daBackend{
		"devnet":  devnetDABackend(),
		"eigenda": eigendaDABackend(),
	}
}

func devnetDABackend() daBackend {
	return daBackend{
		usage: "embedded devnet store: local disk, EigenDA-shaped certs with real KZG commitments",
		flags: []cli.Flag{
			&cli.StringFlag{Name: "devnet.seed", Value: "paichain-devnet", Usage: "seed of the devnet signing keys (certs verify across restarts that share it)"},
			&cli.UintFlag{Name: "devnet.rbn", Value: 0, Usage: "reference block number written into devnet batch headers"},
			&cli.IntFlag{Name: "devnet.warm", Usage: "blob size in symbols (power of two, e.g. 65536 for ~1 MB batches) whose SRS points to load in the background at start; 0: load on first use"},
		},
		open: func(c *cli.Context, dataDir string) (da.Backend, io.Closer, error) {
			b, err := devnet.Open(devnet.Config{
				Dir:                  filepath.Join(dataDir, "devnet"),
				SRSDir:               c.String("srs.dir"),
				Seed:                 c.String("devnet.seed"),
				ReferenceBlockNumber: uint32(c.Uint("devnet.rbn")),
			})
			if err != nil {
				return nil, nil, err
			}
			if n := c.Int("devnet.warm"); n > 0 {
				// Decompressing SRS points is the slow part of a first put;
				// do it while the server already answers.
				go func() {
					srs := b.SRS()
					_, err := srs.G1(n)
					if err == nil {
						_, err = srs.G2(n)
					}
					if err == nil {
						_, err = srs.G2Trailing(n)
					}
					if err != nil {
						slog.Warn("devnet SRS warm-up failed", "symbols", n, "err", err)
					}
				}()
			}
			return b, nil, nil
		},
	}
}

var daCommand = &cli.Command{
	Name:  "da",
	Usage: "Data availability: an OP Alt-DA server wire-compatible with eigenda-proxy",
	Subcommands: []*cli.Command{{
		Name:  "serve",
		Usage: "Serve the OP Alt-DA protocol (POST /put, GET /get/0x<commitment>) over a DA backend",
		Description: `Answers op-batcher and op-node exactly as eigenda-proxy does. Backends:
` + daBackendList() + `
Fault injection (for failover drills) is set with the --faults.* flags and,
when the server listens on loopback, at POST /admin/faults (JSON).`,
		Flags:  daServeFlags(),
		Action: runDAServe,
	}},
}

func daBackendList() string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(daBackends())) {
		fmt.Fprintf(&b, "  %-8s %s\n", name, daBackends()[name].usage)
	}
	return b.String()
}

func daServeFlags() []cli.Flag {
	flags := append(httpFlags(3100),
		&cli.StringFlag{Name: "backend", Value: "devnet", Usage: "DA backend: " + strings.Join(slices.Sorted(maps.Keys(daBackends())), ", ")},
		&cli.StringFlag{Name: "datadir", Value: defaultDADataDir(), Usage: "directory for stored blobs, the read cache and the SRS point cache"},
		&cli.StringFlag{Name: "srs.dir", Usage: "EigenDA SRS directory (g1.point, g2.point, g2.trailing.point); default: the eigenda module in the Go module cache"},
		&cli.Uint64Flag{Name: "rbn-recency-window", Usage: "reject (418) certs whose reference block is more than this many blocks before the ?l1_inclusion_block_number of a GET; 0 disables"},
		&cli.BoolFlag{Name: "cache", Usage: "keep a local read-through copy of every payload (fallback while the backend is down)"},
		&cli.DurationFlag{Name: "faults.put-latency", Usage: "latency added to every put"},
		&cli.DurationFlag{Name: "faults.get-latency", Usage: "latency added to every get"},
		&cli.Float64Flag{Name: "faults.put-error-rate", Usage: "fraction of puts failing with 503"},
		&cli.Float64Flag{Name: "faults.get-error-rate", Usage: "fraction of gets failing with 503"},
		&cli.BoolFlag{Name: "faults.failover", Usage: "fail every request with 503 (batcher failover mode)"},
		&cli.BoolFlag{Name: "faults.rate-limit", Usage: "fail every put with 429"},
	)
	for _, b := range daBackends() {
		flags = append(flags, b.flags...)
	}
	return flags
}

func defaultDADataDir() string {
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".paichain", "da")
	}
	return filepath.Join(".paichain", "da")
}

func runDAServe(c *cli.Context) error {
	start := time.Now()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	name := c.String("backend")
	spec, ok := daBackends()[name]
	if !ok {
		return fmt.Errorf("da serve: unknown --backend %q", name)
	}
	dataDir := c.String("datadir")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return fmt.Errorf("da serve: %w", err)
	}
	if c.String("srs.dir") != "" {
		if _, err := kzg.Open(c.String("srs.dir"), ""); err != nil {
			return fmt.Errorf("da serve: %w", err)
		}
	}
	backend, closer, err := spec.open(c, dataDir)
	if err != nil {
		return fmt.Errorf("da serve: backend %s: %w", name, err)
	}
	if closer != nil {
		defer closer.Close()
	}
	if c.Bool("cache") {
		if backend, err = cache.New(backend, filepath.Join(dataDir, "cache", name)); err != nil {
			return fmt.Errorf("da serve: %w", err)
		}
	}
	fb, err := faults.Wrap(backend, faults.Config{
		PutLatency:   faults.Duration(c.Duration("faults.put-latency")),
		GetLatency:   faults.Duration(c.Duration("faults.get-latency")),
		PutErrorRate: c.Float64("faults.put-error-rate"),
		GetErrorRate: c.Float64("faults.get-error-rate"),
		Failover:     c.Bool("faults.failover"),
		RateLimit:    c.Bool("faults.rate-limit"),
	}, uint64(time.Now().UnixNano()))
	if err != nil {
		return fmt.Errorf("da serve: %w", err)
	}

	addr := httpListenAddr(c)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("da serve: %w", err)
	}
	cfg := server.Config{Backend: fb, Log: log, Version: "paichain", RecencyWindow: c.Uint64("rbn-recency-window")}
	// The admin endpoint is offered only on a loopback listener.
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		cfg.Faults = fb
	}
	srv := &http.Server{
		Handler:           server.New(cfg),
		ReadHeaderTimeout: 10 * time.Second,
		// A 16 MiB put commits and stores a blob: give it time.
		WriteTimeout: 10 * time.Minute,
	}
	log.Info("alt-da server listening", "addr", ln.Addr().String(), "backend", name,
		"datadir", dataDir, "admin", cfg.Faults != nil, "startup", time.Since(start).Round(time.Millisecond))

	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("da serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("da serve: shutdown: %w", err)
	}
	return nil
}
