package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"

	gethcommon "github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/eigenda"
)

// eigendaDABackend is the --backend eigenda entry of daBackends: the real
// EigenDA network through EigenDA v0.9.2's v2 clients.
func eigendaDABackend() daBackend {
	return daBackend{
		usage: "the EigenDA network (v2 disperser + relays; certs checked on chain with --eigenda.eth-rpc)",
		flags: eigendaFlags(),
		open: func(c *cli.Context, _ string) (da.Backend, io.Closer, error) {
			b, err := newEigenDABackend(c)
			if err != nil {
				return nil, nil, err
			}
			closer, _ := b.(io.Closer)
			return b, closer, nil
		},
	}
}

// eigendaFlags are the --eigenda.* flags. None is required at parse time:
// they matter only with --backend eigenda, where New validates them.
func eigendaFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "eigenda.disperser", Usage: "disperser v2 gRPC endpoint host:port (e.g. disperser-testnet-sepolia.eigenda.xyz:443)"},
		&cli.StringFlag{Name: "eigenda.tls", Value: "auto", Usage: "gRPC TLS to disperser and relays: true, false, or auto (off for loopback hosts, on otherwise)"},
		&cli.StringFlag{Name: "eigenda.relays", Usage: "relay endpoints as key=host:port,... (default with --eigenda.eth-rpc: read from the relay registry)"},
		&cli.StringFlag{Name: "eigenda.eth-rpc", Usage: "Ethereum JSON-RPC URL; enables on-chain cert verification and validator retrieval"},
		&cli.StringFlag{Name: "eigenda.cert-verifier", Usage: "EigenDACertVerifier (v2) contract address (with --eigenda.eth-rpc)"},
		&cli.StringFlag{Name: "eigenda.relay-registry", Usage: "EigenDARelayRegistry address, to look up relay URLs (with --eigenda.eth-rpc)"},
		&cli.StringFlag{Name: "eigenda.service-manager", Usage: "EigenDAServiceManager address; with the operator state retriever, enables validator retrieval"},
		&cli.StringFlag{Name: "eigenda.operator-state-retriever", Usage: "OperatorStateRetriever address (validator retrieval)"},
		&cli.StringFlag{Name: "eigenda.signer-key", EnvVars: []string{"PAICHAIN_EIGENDA_SIGNER_KEY"}, Usage: "payment key: 32-byte hex secp256k1 key, or a file holding it"},
		&cli.StringFlag{Name: "eigenda.ntp", Usage: "NTP server for the payment clock (host[:port]); empty: the host clock via a loopback responder, no outbound NTP"},
		&cli.DurationFlag{Name: "eigenda.timeout", Value: eigenda.DefaultTimeout, Usage: "total budget of one put or get, retries included; then 503"},
		&cli.DurationFlag{Name: "eigenda.request-timeout", Value: eigenda.DefaultRequestTimeout, Usage: "budget of one gRPC or RPC request"},
		&cli.DurationFlag{Name: "eigenda.backoff", Value: eigenda.DefaultBackoff, Usage: "first retry delay (doubles, full jitter)"},
		&cli.DurationFlag{Name: "eigenda.max-backoff", Value: eigenda.DefaultMaxBackoff, Usage: "largest retry delay"},
		&cli.DurationFlag{Name: "eigenda.poll-interval", Value: eigenda.DefaultPollInterval, Usage: "blob status poll interval"},
		&cli.BoolFlag{Name: "eigenda.disperser-commitments", Usage: "let the disperser compute blob commitments: loads only G1 points and skips the client's KZG work per put, but trusts the disperser's commitment until the first get"},
		&cli.Uint64Flag{Name: "eigenda.srs-points", Value: eigenda.DefaultSRSPoints, Usage: "SRS points to load; caps blobs at 32*points bytes (32768: ~1 MB payloads)"},
		&cli.UintFlag{Name: "eigenda.blob-version", Usage: "blob version (threshold registry)"},
		&cli.StringFlag{Name: "eigenda.quorums", Value: "0,1", Usage: "required quorums when certs are checked offline (no --eigenda.eth-rpc)"},
		&cli.UintFlag{Name: "eigenda.confirmation-threshold", Value: eigenda.DefaultConfirmationThreshold, Usage: "signed-stake percentage required when checked offline"},
	}
}

// newEigenDABackend builds the EigenDA backend from the flags.
func newEigenDABackend(c *cli.Context) (da.Backend, error) {
	relays, err := eigenda.ParseRelays(c.String("eigenda.relays"))
	if err != nil {
		return nil, err
	}
	addrs := map[string]*gethcommon.Address{}
	cfg := eigenda.Config{
		Disperser:             c.String("eigenda.disperser"),
		Relays:                relays,
		EthRPC:                c.String("eigenda.eth-rpc"),
		SignerKey:             c.String("eigenda.signer-key"),
		NTPServer:             c.String("eigenda.ntp"),
		Timeout:               c.Duration("eigenda.timeout"),
		RequestTimeout:        c.Duration("eigenda.request-timeout"),
		Backoff:               c.Duration("eigenda.backoff"),
		MaxBackoff:            c.Duration("eigenda.max-backoff"),
		PollInterval:          c.Duration("eigenda.poll-interval"),
		SRSPoints:             c.Uint64("eigenda.srs-points"),
		SRSDir:                c.String("srs.dir"),
		DisperserCommitments:  c.Bool("eigenda.disperser-commitments"),
		ConfirmationThreshold: uint8(min(c.Uint("eigenda.confirmation-threshold"), 100)),
		Log:                   os.Stderr,
	}
	if c.Uint("eigenda.blob-version") > 0xffff {
		return nil, fmt.Errorf("eigenda: blob version %d out of range", c.Uint("eigenda.blob-version"))
	}
	cfg.BlobVersion = uint16(c.Uint("eigenda.blob-version"))
	addrs["eigenda.cert-verifier"] = &cfg.CertVerifier
	addrs["eigenda.relay-registry"] = &cfg.RelayRegistry
	addrs["eigenda.service-manager"] = &cfg.ServiceManager
	addrs["eigenda.operator-state-retriever"] = &cfg.OperatorStateRetriever
	for flag, dst := range addrs {
		v := c.String(flag)
		if v == "" {
			continue
		}
		if !gethcommon.IsHexAddress(v) {
			return nil, fmt.Errorf("eigenda: --%s %q is not an address", flag, v)
		}
		*dst = gethcommon.HexToAddress(v)
	}
	for _, q := range strings.Split(c.String("eigenda.quorums"), ",") {
		n, err := strconv.ParseUint(strings.TrimSpace(q), 10, 8)
		if err != nil {
			return nil, fmt.Errorf("eigenda: --eigenda.quorums: %q: %w", q, err)
		}
		cfg.Quorums = append(cfg.Quorums, uint8(n))
	}
	if cfg.SRSDir == "" {
		cfg.SRSDir = eigenda.DefaultSRSDir()
	}
	switch tls := c.String("eigenda.tls"); tls {
	case "true", "false":
		cfg.DisperserTLS, cfg.RelayTLS = tls == "true", tls == "true"
	case "auto":
		cfg.DisperserTLS = !loopbackHost(cfg.Disperser)
		cfg.RelayTLS = cfg.DisperserTLS
		for _, r := range relays {
			if !loopbackHost(r) {
				cfg.RelayTLS = true
			}
		}
	default:
		return nil, fmt.Errorf("eigenda: --eigenda.tls %q: want true, false or auto", tls)
	}
	b, err := eigenda.New(cfg)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "eigenda: disperser %s, %d relays, cert verification %s\n", cfg.Disperser, len(relays), b.Verification())
	return b, nil
}

// loopbackHost reports whether host:port names a loopback host.
func loopbackHost(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
