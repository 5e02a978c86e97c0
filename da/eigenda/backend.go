package eigenda

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	clients "github.com/Layr-Labs/eigenda/api/clients/v2"
	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	"github.com/Layr-Labs/eigenda/api/clients/v2/payloaddispersal"
	"github.com/Layr-Labs/eigenda/api/clients/v2/payloadretrieval"
	"github.com/Layr-Labs/eigenda/api/clients/v2/relay"
	"github.com/Layr-Labs/eigenda/api/clients/v2/validator"
	"github.com/Layr-Labs/eigenda/api/clients/v2/verification"
	"github.com/Layr-Labs/eigenda/common/geth"
	auth "github.com/Layr-Labs/eigenda/core/auth/v2"
	"github.com/Layr-Labs/eigenda/core/eth"
	corev2 "github.com/Layr-Labs/eigenda/core/v2"
	"github.com/Layr-Labs/eigenda/encoding"
	"github.com/Layr-Labs/eigenda/encoding/kzg"
	"github.com/Layr-Labs/eigenda/encoding/kzg/prover"
	kzgverifier "github.com/Layr-Labs/eigenda/encoding/kzg/verifier"
	"github.com/Layr-Labs/eigensdk-go/logging"
	"github.com/consensys/gnark-crypto/ecc/bn254"
	gethcommon "github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/da"
)

// Backend is the EigenDA da.Backend. It is safe for concurrent use.
type Backend struct {
	cfg      Config
	log      logging.Logger
	prover   *prover.Prover // nil with DisperserCommitments
	g1       []bn254.G1Affine
	signer   *auth.LocalBlobRequestSigner
	verifier clients.ICertVerifier
	onchain  bool
	ntp      *LocalNTP // owned loopback NTP server, nil when NTPServer is set
	ntpAddr  string
	eth      *geth.EthClient

	relays     *payloadretrieval.RelayPayloadRetriever
	validators clients.PayloadRetriever // nil without an eth RPC

	mu        sync.Mutex
	disperser *payloaddispersal.PayloadDisperser // nil: build on next Put
}

var _ da.Backend = (*Backend)(nil)

// New builds the backend. It loads the SRS (unless cfg.Prover is given) and
// dials nothing yet: gRPC connections open on first use.
func New(cfg Config) (*Backend, error) {
	cfg.setDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	b := &Backend{
		cfg: cfg,
		log: logging.NewTextSLogger(cfg.Log, &logging.SLoggerOptions{Level: slog.LevelInfo, NoColor: true}),
	}
	ok := false
	defer func() {
		if !ok {
			b.Close()
		}
	}()

	key, err := LoadSignerKey(cfg.SignerKey)
	if err != nil {
		return nil, err
	}
	if b.signer, err = auth.NewLocalBlobRequestSigner(key); err != nil {
		return nil, fmt.Errorf("eigenda: signer: %w", err)
	}

	switch {
	case cfg.Prover != nil:
		b.prover, b.g1 = cfg.Prover, cfg.Prover.Srs.G1
	case cfg.DisperserCommitments:
		// Retrieval checks need only G1, which loads in seconds.
		if b.g1, err = kzg.ReadG1Points(filepath.Join(cfg.SRSDir, "g1.point"), cfg.SRSPoints, uint64(runtime.GOMAXPROCS(0))); err != nil {
			return nil, fmt.Errorf("eigenda: SRS: %w", err)
		}
	default:
		if b.prover, err = LoadProver(cfg.SRSDir, cfg.SRSPoints); err != nil {
			return nil, err
		}
		b.g1 = b.prover.Srs.G1
	}
	if uint64(len(b.g1)) < cfg.SRSPoints {
		return nil, fmt.Errorf("eigenda: %d SRS points loaded, config wants %d", len(b.g1), cfg.SRSPoints)
	}
	b.g1 = b.g1[:cfg.SRSPoints]

	b.ntpAddr = cfg.NTPServer
	if b.ntpAddr == "" {
		if b.ntp, err = StartLocalNTP(); err != nil {
			return nil, err
		}
		b.ntpAddr = b.ntp.Addr()
	}

	var relayURLs relay.RelayUrlProvider = staticRelays(cfg.Relays)
	if cfg.EthRPC != "" {
		if b.eth, err = geth.NewClient(geth.EthClientConfig{RPCURLs: []string{cfg.EthRPC}, NumRetries: 2}, gethcommon.Address{}, 0, b.log); err != nil {
			return nil, fmt.Errorf("eigenda: eth RPC %s: %w", cfg.EthRPC, err)
		}
		if b.verifier, err = verification.NewCertVerifier(b.log, b.eth, verification.NewStaticCertVerifierAddressProvider(cfg.CertVerifier)); err != nil {
			return nil, fmt.Errorf("eigenda: cert verifier: %w", err)
		}
		b.onchain = true
		var reader *eth.Reader
		if cfg.ServiceManager != (gethcommon.Address{}) && cfg.OperatorStateRetriever != (gethcommon.Address{}) {
			if reader, err = eth.NewReader(b.log, b.eth, cfg.OperatorStateRetriever.Hex(), cfg.ServiceManager.Hex()); err != nil {
				return nil, fmt.Errorf("eigenda: chain reader: %w", err)
			}
			if b.validators, err = b.newValidatorRetriever(reader); err != nil {
				return nil, err
			}
		}
		if len(cfg.Relays) == 0 {
			registry := cfg.RelayRegistry
			if registry == (gethcommon.Address{}) {
				registry = reader.GetRelayRegistryAddress()
			}
			if relayURLs, err = relay.NewRelayUrlProvider(b.eth, registry); err != nil {
				return nil, fmt.Errorf("eigenda: relay registry: %w", err)
			}
		}
	} else {
		b.verifier = &OfflineVerifier{Quorums: cfg.Quorums, ConfirmationThreshold: cfg.ConfirmationThreshold}
	}

	relayClient, err := relay.NewRelayClient(&relay.RelayClientConfig{
		UseSecureGrpcFlag:  cfg.RelayTLS,
		MaxGRPCMessageSize: uint(cfg.SRSPoints*32) + 1<<20,
	}, b.log, relayURLs)
	if err != nil {
		return nil, fmt.Errorf("eigenda: relay client: %w", err)
	}
	b.relays, err = payloadretrieval.NewRelayPayloadRetriever(b.log,
		rand.New(rand.NewSource(time.Now().UnixNano())),
		payloadretrieval.RelayPayloadRetrieverConfig{
			PayloadClientConfig: b.payloadClientConfig(),
			RelayTimeout:        cfg.RequestTimeout,
		}, relayClient, b.g1)
	if err != nil {
		return nil, fmt.Errorf("eigenda: relay retriever: %w", err)
	}
	ok = true
	return b, nil
}

// newValidatorRetriever wires retrieval from validator nodes, which needs
// the operator state from chain.
func (b *Backend) newValidatorRetriever(reader *eth.Reader) (clients.PayloadRetriever, error) {
	kv, err := kzgverifier.NewVerifier(kzgConfig(b.cfg.SRSDir, b.cfg.SRSPoints), nil)
	if err != nil {
		return nil, fmt.Errorf("eigenda: kzg verifier: %w", err)
	}
	vc := validator.NewValidatorClient(b.log, reader, eth.NewChainState(reader, b.eth), kv, validator.DefaultClientConfig(), nil)
	r, err := payloadretrieval.NewValidatorPayloadRetriever(b.log, payloadretrieval.ValidatorPayloadRetrieverConfig{
		PayloadClientConfig: b.payloadClientConfig(),
		RetrievalTimeout:    b.cfg.RequestTimeout,
	}, vc, b.g1)
	if err != nil {
		return nil, fmt.Errorf("eigenda: validator retriever: %w", err)
	}
	return r, nil
}

func (b *Backend) payloadClientConfig() clients.PayloadClientConfig {
	c := clients.GetDefaultPayloadClientConfig()
	c.BlobVersion = b.cfg.BlobVersion
	return *c
}

// Name identifies the backend.
func (b *Backend) Name() string { return "eigenda" }

// MaxPayload is the largest payload Put accepts with the loaded SRS; the
// HTTP server can cap request bodies with it.
func (b *Backend) MaxPayload() int { return b.cfg.MaxPayload() }

// Verification says how certs are checked, for /config and logs.
func (b *Backend) Verification() string {
	if b.onchain {
		return "onchain: EigenDACertVerifier " + b.cfg.CertVerifier.Hex() + " via " + b.cfg.EthRPC
	}
	return "offline: inclusion proof + aggregate BLS signature; operator set and stake NOT checked (no --eigenda.eth-rpc)"
}

// Put disperses payload and returns its V2 cert.
func (b *Backend) Put(ctx context.Context, payload []byte) (da.Cert, error) {
	if max := b.cfg.MaxPayload(); len(payload) > max {
		return da.Cert{}, fmt.Errorf("%w: %d bytes, the loaded SRS holds %d", da.ErrTooLarge, len(payload), max)
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Timeout)
	defer cancel()
	cert, err := withRetry(ctx, b.backoff(), "disperse", func(ctx context.Context) (*coretypes.EigenDACert, error) {
		return b.sendPayload(ctx, payload)
	})
	if err != nil {
		if errors.Is(err, da.ErrUnavailable) {
			return da.Cert{}, err
		}
		// Failed dispersals (FAILED status, unmet thresholds, payment
		// refused) all mean "EigenDA can't take it now": 503 lets the
		// batcher fail over to Ethereum DA.
		return da.Cert{}, fmt.Errorf("%w: eigenda disperse: %v", da.ErrUnavailable, err)
	}
	return EncodeCertV2(cert)
}

// sendPayload is one dispersal attempt. A panic inside the v0.9.2 client
// (the Accountant indexes its period records without checking the count the
// disperser sent) is turned into an error, and the client is thrown away:
// the panicking call left its accountant mutex locked. Calls queued on that
// mutex never wake, so the attempt runs in its own goroutine and the caller
// leaves when its budget ends even if the goroutine cannot.
func (b *Backend) sendPayload(ctx context.Context, payload []byte) (*coretypes.EigenDACert, error) {
	pd, err := b.payloadDisperser(ctx)
	if err != nil {
		return nil, err
	}
	return sendGuarded(ctx, pd, payload, func() { b.dropDisperser(pd) })
}

// payloadSender is the part of payloaddispersal.PayloadDisperser that
// sendGuarded drives.
type payloadSender interface {
	SendPayload(context.Context, *coretypes.Payload) (*coretypes.EigenDACert, error)
}

// sendGuarded runs one SendPayload in its own goroutine, turning a panic
// into an error (after onPanic) and returning by ctx's deadline even if the
// call is wedged.
func sendGuarded(ctx context.Context, s payloadSender, payload []byte, onPanic func()) (*coretypes.EigenDACert, error) {
	type result struct {
		cert *coretypes.EigenDACert
		err  error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				onPanic()
				done <- result{err: errFatal{fmt.Errorf("eigenda v0.9.2 client panicked: %v (its Accountant does when the disperser's payment state has fewer than 3 period records or min_num_symbols 0); client discarded", r)}}
			}
		}()
		cert, err := s.SendPayload(ctx, coretypes.NewPayload(payload))
		done <- result{cert, err}
	}()
	select {
	case r := <-done:
		return r.cert, r.err
	case <-ctx.Done():
	}
	// The client honours ctx unless it is wedged; its own error says more.
	select {
	case r := <-done:
		return r.cert, r.err
	case <-time.After(100 * time.Millisecond):
		return nil, fmt.Errorf("dispersal wedged in the eigenda client: %w", ctx.Err())
	}
}

// payloadDisperser returns the current dispersal client, building one and
// loading its payment state first if needed. The client's own lazy payment
// load is unsafe: after one failed GetPaymentState it keeps an empty
// accountant and panics on the next blob. Loading here, and discarding the
// client when it fails, avoids that.
func (b *Backend) payloadDisperser(ctx context.Context) (*payloaddispersal.PayloadDisperser, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.disperser != nil {
		return b.disperser, nil
	}
	host, port, _ := splitHostPort(b.cfg.Disperser)
	dc, err := clients.NewDisperserClient(&clients.DisperserClientConfig{
		Hostname:          host,
		Port:              port,
		UseSecureGrpcFlag: b.cfg.DisperserTLS,
		NtpServer:         b.ntpAddr,
		NtpSyncInterval:   5 * time.Minute,
	}, b.signer, b.commitmentProver(), nil)
	if err != nil {
		return nil, errFatal{fmt.Errorf("disperser client: %w", err)}
	}
	reqCtx, cancel := context.WithTimeout(ctx, b.cfg.RequestTimeout)
	defer cancel()
	if err := dc.PopulateAccountant(reqCtx); err != nil {
		dc.Close()
		return nil, fmt.Errorf("load payment state: %w", err)
	}
	pd, err := payloaddispersal.NewPayloadDisperser(b.log, payloaddispersal.PayloadDisperserConfig{
		PayloadClientConfig:    b.payloadClientConfig(),
		DisperseBlobTimeout:    b.cfg.RequestTimeout,
		BlobCompleteTimeout:    b.cfg.Timeout,
		BlobStatusPollInterval: b.cfg.PollInterval,
		ContractCallTimeout:    b.cfg.RequestTimeout,
	}, dc, b.verifier, nil)
	if err != nil {
		dc.Close()
		return nil, errFatal{fmt.Errorf("payload disperser: %w", err)}
	}
	b.disperser = pd
	return pd, nil
}

// commitmentProver is the prover the disperser client commits with; nil
// (an untyped nil: a typed nil pointer would be called) leaves commitments
// to the disperser.
func (b *Backend) commitmentProver() encoding.Prover {
	if b.cfg.DisperserCommitments || b.prover == nil {
		return nil
	}
	return b.prover
}

func (b *Backend) dropDisperser(pd *payloaddispersal.PayloadDisperser) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.disperser == pd {
		b.disperser = nil
	}
	// Not closed: a concurrent Put may still be inside it, and a closed
	// v0.9.2 client dereferences its nil gRPC stub. Its connection goes
	// with the garbage; this happens once per broken payment state.
}

// Get checks cert, fetches its blob from relays (validators second),
// verifies the KZG commitment against the blob and returns the payload.
func (b *Backend) Get(ctx context.Context, c da.Cert) ([]byte, error) {
	cert, err := DecodeCertV2(c)
	if err != nil {
		return nil, err
	}
	if n := cert.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment.Length; uint64(n) > b.cfg.SRSPoints {
		return nil, fmt.Errorf("eigenda: blob of %d symbols exceeds the %d SRS points loaded (raise --eigenda.srs-points)", n, b.cfg.SRSPoints)
	}
	if err := b.checkRelayKeys(cert.BlobInclusionInfo.BlobCertificate.RelayKeys); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, b.cfg.Timeout)
	defer cancel()

	_, err = withRetry(ctx, b.backoff(), "verify cert", func(ctx context.Context) (struct{}, error) {
		reqCtx, cancel := context.WithTimeout(ctx, b.cfg.RequestTimeout)
		defer cancel()
		err := b.verifier.VerifyCertV2(reqCtx, cert)
		if err != nil && certRejected(err) {
			return struct{}{}, errFatal{fmt.Errorf("%w: %v", da.ErrInvalidCert, err)}
		}
		if err != nil {
			// An RPC failure, not a verdict: keep asking within budget.
			return struct{}{}, transient{err}
		}
		return struct{}{}, nil
	})
	if err != nil {
		return nil, err
	}

	payload, err := withRetry(ctx, b.backoff(), "retrieve", func(ctx context.Context) (*coretypes.Payload, error) {
		p, relayErr := b.relays.GetPayload(ctx, cert)
		if relayErr == nil {
			return p, nil
		}
		// The relay's blob matched the commitment but is no encoded payload:
		// the cert certifies garbage, and no retry or other source changes
		// that (v0.9.2 says "decode blob" only after the commitment check).
		if strings.Contains(relayErr.Error(), "decode blob: ") {
			return nil, errFatal{fmt.Errorf("%w: certified blob does not decode to a payload: %v", da.ErrInvalidCert, relayErr)}
		}
		if b.validators != nil {
			p, valErr := b.validators.GetPayload(ctx, cert)
			if valErr == nil {
				return p, nil
			}
			relayErr = fmt.Errorf("relays: %v; validators: %w", relayErr, valErr)
		}
		// Neither source has it (yet, or right now): retry within budget.
		return nil, transient{relayErr}
	})
	if err != nil {
		return nil, err
	}
	return payload.Serialize(), nil
}

// checkRelayKeys fails fast when the relays are configured statically, no
// validator retrieval is set up, and the cert names none of them: retrying
// could not help.
func (b *Backend) checkRelayKeys(keys []corev2.RelayKey) error {
	if len(b.cfg.Relays) == 0 || b.validators != nil {
		return nil
	}
	for _, k := range keys {
		if _, ok := b.cfg.Relays[k]; ok {
			return nil
		}
	}
	return fmt.Errorf("eigenda: cert names relays %v, none of which is configured (--eigenda.relays)", keys)
}

func (b *Backend) backoff() backoff {
	return backoff{base: b.cfg.Backoff, max: b.cfg.MaxBackoff}
}

// Close releases connections and the loopback NTP server.
func (b *Backend) Close() error {
	var errs []error
	b.mu.Lock()
	if b.disperser != nil {
		errs = append(errs, b.disperser.Close())
		b.disperser = nil
	}
	b.mu.Unlock()
	if b.relays != nil {
		errs = append(errs, b.relays.Close())
	}
	if b.ntp != nil {
		errs = append(errs, b.ntp.Close())
	}
	return errors.Join(errs...)
}

// staticRelays serves relay URLs from configuration.
type staticRelays map[corev2.RelayKey]string

func (s staticRelays) GetRelayUrl(_ context.Context, key corev2.RelayKey) (string, error) {
	url, ok := s[key]
	if !ok {
		return "", fmt.Errorf("relay key %d not configured", key)
	}
	return url, nil
}

func (s staticRelays) GetRelayCount(context.Context) (uint32, error) { return uint32(len(s)), nil }

func splitHostPort(addr string) (string, string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", "", err
	}
	if host == "" || port == "" {
		return "", "", errors.New("want host:port")
	}
	return host, port, nil
}
