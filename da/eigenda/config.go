// Package eigenda is paichain's da.Backend for the EigenDA network, built on
// EigenDA v0.9.2's v2 clients: payloads are dispersed with the
// PayloadDisperser, certs are checked with a CertVerifier (the on-chain
// EigenDACertVerifier when an Ethereum RPC is configured, offline checks
// otherwise), and payloads come back from relays first, validators second.
package eigenda

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	corev2 "github.com/Layr-Labs/eigenda/core/v2"
	"github.com/Layr-Labs/eigenda/encoding/kzg/prover"
	gethcommon "github.com/ethereum/go-ethereum/common"
)

// Config says where the EigenDA network is and how hard to try.
type Config struct {
	// Disperser is the disperser v2 gRPC endpoint, host:port.
	Disperser string
	// DisperserTLS dials the disperser with TLS (public networks use it).
	DisperserTLS bool
	// Relays maps relay keys to host:port. When empty and EthRPC is set, relay
	// URLs come from the EigenDARelayRegistry contract.
	Relays map[corev2.RelayKey]string
	// RelayTLS dials relays with TLS.
	RelayTLS bool

	// EthRPC is an Ethereum JSON-RPC URL. With it, certs are checked by the
	// EigenDACertVerifier contract and validator retrieval is possible;
	// without it, only offline checks run (see OfflineVerifier).
	EthRPC string
	// CertVerifier is the EigenDACertVerifier (v2) contract address.
	CertVerifier gethcommon.Address
	// RelayRegistry is the EigenDARelayRegistry address, used to resolve relay
	// URLs when Relays is empty; when zero it is read from the service manager.
	RelayRegistry gethcommon.Address
	// ServiceManager and OperatorStateRetriever enable validator retrieval
	// (needs EthRPC); zero addresses disable it.
	ServiceManager         gethcommon.Address
	OperatorStateRetriever gethcommon.Address

	// SignerKey is the secp256k1 key (hex, no 0x needed) that signs dispersal
	// and payment-state requests; its address is the paying account.
	SignerKey string

	// NTPServer is the NTP server the disperser client syncs its payment
	// clock with (host or host:port). Empty means the host clock, served by
	// an in-process loopback responder: nothing leaves the machine.
	NTPServer string

	// Timeout is the total budget of one Put or Get, retries included; when
	// it runs out the call returns da.ErrUnavailable.
	Timeout time.Duration
	// Backoff is the first retry delay; it doubles up to MaxBackoff, with
	// full jitter.
	Backoff    time.Duration
	MaxBackoff time.Duration
	// RequestTimeout bounds one gRPC request (disperse, relay fetch, RPC call).
	RequestTimeout time.Duration
	// PollInterval is how often the blob status is polled after dispersal.
	PollInterval time.Duration

	// BlobVersion is the blob version from the threshold registry (0 on
	// holesky/sepolia/mainnet as of v0.9.2).
	BlobVersion corev2.BlobVersion
	// Quorums and ConfirmationThreshold stand in for the contract's
	// quorumNumbersRequired and confirmation threshold when EthRPC is unset.
	Quorums               []uint8
	ConfirmationThreshold uint8

	// SRSDir holds g1.point, g2.point and g2.trailing.point (EigenDA's
	// resources/srs); SRSPoints is how many points to load, which caps the
	// blob size at SRSPoints*32 bytes.
	SRSDir    string
	SRSPoints uint64
	// Prover, when set, is used instead of loading the SRS (tests share one).
	Prover *prover.Prover
	// DisperserCommitments leaves blob commitments to the disperser
	// (GetBlobCommitment) instead of computing them locally. Start-up then
	// loads only G1 points, and a put skips the client's G2 MSMs; the
	// disperser's commitment is not checked at put time (the v0.9.2 client
	// checks only its length), only against the blob on every get.
	DisperserCommitments bool

	// Log receives the EigenDA clients' logs; nil discards them.
	Log io.Writer
}

// Defaults for a public EigenDA network.
const (
	DefaultTimeout        = 5 * time.Minute
	DefaultBackoff        = 500 * time.Millisecond
	DefaultMaxBackoff     = 30 * time.Second
	DefaultRequestTimeout = 30 * time.Second
	DefaultPollInterval   = time.Second
	// DefaultSRSPoints covers 1 MiB blobs: payloads up to 1,015,777 bytes,
	// above op-node's 1,000,000-byte frame cap.
	DefaultSRSPoints = 1 << 15
	// DefaultConfirmationThreshold matches the v0.9.2 testnet cert verifiers.
	DefaultConfirmationThreshold = 55
)

// srsOrder is the size of the ceremony EigenDA's SRS comes from; provers
// must be told it to place the G2 trailing points.
const srsOrder = 268435456

func (c *Config) setDefaults() {
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Backoff == 0 {
		c.Backoff = DefaultBackoff
	}
	if c.MaxBackoff == 0 {
		c.MaxBackoff = DefaultMaxBackoff
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.PollInterval == 0 {
		c.PollInterval = DefaultPollInterval
	}
	if len(c.Quorums) == 0 {
		c.Quorums = []uint8{0, 1}
	}
	if c.ConfirmationThreshold == 0 {
		c.ConfirmationThreshold = DefaultConfirmationThreshold
	}
	if c.SRSPoints == 0 {
		c.SRSPoints = DefaultSRSPoints
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
}

func (c *Config) validate() error {
	if c.Disperser == "" {
		return errors.New("eigenda: no disperser endpoint")
	}
	if _, _, err := splitHostPort(c.Disperser); err != nil {
		return fmt.Errorf("eigenda: disperser %q: %w", c.Disperser, err)
	}
	if c.SignerKey == "" {
		return errors.New("eigenda: no signer key (payments are signed by it)")
	}
	chainReader := c.ServiceManager != (gethcommon.Address{}) && c.OperatorStateRetriever != (gethcommon.Address{})
	if len(c.Relays) == 0 && (c.EthRPC == "" || c.RelayRegistry == (gethcommon.Address{}) && !chainReader) {
		return errors.New("eigenda: no relays: give relay endpoints, or an eth RPC with the relay registry (or service manager and operator state retriever) addresses")
	}
	if c.EthRPC != "" && c.CertVerifier == (gethcommon.Address{}) {
		return errors.New("eigenda: an eth RPC needs the cert verifier contract address")
	}
	if c.SRSPoints&(c.SRSPoints-1) != 0 {
		return fmt.Errorf("eigenda: SRS points %d is not a power of two", c.SRSPoints)
	}
	if c.Prover == nil && c.SRSDir == "" {
		return errors.New("eigenda: no SRS directory (EigenDA's resources/srs)")
	}
	if c.Backoff > c.MaxBackoff {
		return fmt.Errorf("eigenda: backoff %v above max backoff %v", c.Backoff, c.MaxBackoff)
	}
	return nil
}

// MaxPayload is the largest payload a blob of c.SRSPoints field elements
// holds: one 32-byte header element, then 31 payload bytes per element.
func (c *Config) MaxPayload() int {
	points := c.SRSPoints
	if points == 0 {
		points = DefaultSRSPoints
	}
	return int(points-1) * 31
}

// LoadSignerKey reads a signer key given as hex or as a file holding hex.
func LoadSignerKey(s string) (string, error) {
	key := strings.TrimSpace(s)
	if !isHexKey(key) {
		raw, err := os.ReadFile(key)
		if err != nil {
			return "", fmt.Errorf("eigenda: signer key is neither 32-byte hex nor a readable file: %w", err)
		}
		key = strings.TrimSpace(string(raw))
	}
	if !isHexKey(key) {
		return "", errors.New("eigenda: signer key file does not hold a 32-byte hex key")
	}
	return strings.TrimPrefix(strings.TrimPrefix(key, "0x"), "0X"), nil
}

func isHexKey(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	if len(s) != 64 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// ParseRelays parses "key=host:port,key=host:port" (a bare list without keys
// numbers the relays from 0).
func ParseRelays(s string) (map[corev2.RelayKey]string, error) {
	out := map[corev2.RelayKey]string{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for i, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		key, addr := uint64(i), item
		if k, a, ok := strings.Cut(item, "="); ok {
			if _, err := fmt.Sscanf(k, "%d", &key); err != nil || key > 1<<32-1 {
				return nil, fmt.Errorf("eigenda: relay %q: bad key", item)
			}
			addr = a
		}
		if _, _, err := splitHostPort(addr); err != nil {
			return nil, fmt.Errorf("eigenda: relay %q: %w", item, err)
		}
		if _, dup := out[corev2.RelayKey(key)]; dup {
			return nil, fmt.Errorf("eigenda: relay key %d given twice", key)
		}
		out[corev2.RelayKey(key)] = addr
	}
	return out, nil
}

// DefaultSRSDir is the resources/srs directory of the EigenDA v0.9.2 module
// in the local module cache, or "" when it is not there.
func DefaultSRSDir() string {
	var roots []string
	if d := os.Getenv("GOMODCACHE"); d != "" {
		roots = append(roots, d)
	}
	if d := os.Getenv("GOPATH"); d != "" {
		roots = append(roots, filepath.Join(d, "pkg", "mod"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		roots = append(roots, filepath.Join(home, "go", "pkg", "mod"))
	}
	for _, r := range roots {
		dir := filepath.Join(r, "github.com", "!layr-!labs", "eigenda@v0.9.2", "resources", "srs")
		if _, err := os.Stat(filepath.Join(dir, "g1.point")); err == nil {
			return dir
		}
	}
	return ""
}
