package eigenda

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	clients "github.com/Layr-Labs/eigenda/api/clients/v2"
	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	dispgrpc "github.com/Layr-Labs/eigenda/api/grpc/disperser/v2"
	verifierv2 "github.com/Layr-Labs/eigenda/contracts/bindings/EigenDACertVerifierV2"
	corev2 "github.com/Layr-Labs/eigenda/core/v2"
	"github.com/Layr-Labs/eigenda/encoding/kzg/prover"
	gethcommon "github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"google.golang.org/grpc/codes"

	"github.com/paichain/paichain/da"
	"github.com/paichain/paichain/da/eigenda/fakes"
)

// testSRSPoints keeps test blobs at 64 KiB so the SRS loads fast.
const testSRSPoints = 1 << 11

var (
	proverOnce sync.Once
	testProver *prover.Prover
	proverErr  error
)

// sharedProver loads the SRS slice once for the fake disperser and every
// backend in this package's tests.
func sharedProver(t testing.TB) *prover.Prover {
	t.Helper()
	proverOnce.Do(func() {
		dir := DefaultSRSDir()
		if dir == "" {
			proverErr = errors.New("EigenDA v0.9.2 resources/srs not in the module cache (go mod download github.com/Layr-Labs/eigenda@v0.9.2)")
			return
		}
		testProver, proverErr = LoadProver(dir, testSRSPoints)
	})
	if proverErr != nil {
		t.Fatal(proverErr)
	}
	return testProver
}

type env struct {
	disp   *fakes.Disperser
	relays []*fakes.Relay
	b      *Backend
}

// newEnv starts a fake disperser, two relays and a backend pointed at them.
func newEnv(t *testing.T, tweak func(*Config), dcfg fakes.DisperserConfig) *env {
	t.Helper()
	return newEnvTB(t, tweak, dcfg)
}

func newEnvTB(t testing.TB, tweak func(*Config), dcfg fakes.DisperserConfig) *env {
	t.Helper()
	p := sharedProver(t)
	store := fakes.NewStore()
	e := &env{}
	relays := map[corev2.RelayKey]string{}
	for i := range 2 {
		r, err := fakes.StartRelay(store)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(r.Close)
		e.relays = append(e.relays, r)
		relays[corev2.RelayKey(i)] = r.Addr()
		dcfg.RelayKeys = append(dcfg.RelayKeys, corev2.RelayKey(i))
	}
	dcfg.Prover, dcfg.Store = p, store
	d, err := fakes.StartDisperser(dcfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	e.disp = d

	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		Disperser:      d.Addr(),
		Relays:         relays,
		SignerKey:      hex.EncodeToString(crypto.FromECDSA(key)),
		Timeout:        30 * time.Second, // generous: CI boxes are shared
		Backoff:        5 * time.Millisecond,
		MaxBackoff:     50 * time.Millisecond,
		RequestTimeout: 10 * time.Second,
		PollInterval:   5 * time.Millisecond,
		SRSPoints:      testSRSPoints,
		Prover:         p,
		Log:            io.Discard,
	}
	if tweak != nil {
		tweak(&cfg)
	}
	b, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	e.b = b
	return e
}

func randomPayload(t testing.TB, n int) []byte {
	p := make([]byte, n)
	if _, err := rand.Read(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPutGetRoundTrip(t *testing.T) {
	e := newEnv(t, nil, fakes.DisperserConfig{Operators: 4, NonSigners: 1})
	max := e.b.MaxPayload()
	if max != (testSRSPoints-1)*31 {
		t.Fatalf("max payload %d", max)
	}
	for _, n := range []int{0, 1, 31, 1000, 31*1000 + 7, max} {
		payload := randomPayload(t, n)
		cert, err := e.b.Put(context.Background(), payload)
		if err != nil {
			t.Fatalf("put %d bytes: %v", n, err)
		}
		if cert.Version != da.CertV2 {
			t.Fatalf("cert version 0x%02x", cert.Version)
		}
		got, err := e.b.Get(context.Background(), cert)
		if err != nil {
			t.Fatalf("get %d bytes: %v", n, err)
		}
		if !bytes.Equal(got, payload) {
			t.Fatalf("get %d bytes: payload differs", n)
		}
	}
	// Each blob went QUEUED -> ENCODED -> GATHERING_SIGNATURES -> COMPLETE:
	// at least three status polls per blob.
	if polls := e.disp.StatusFaults.Calls(); polls < 3*6 {
		t.Fatalf("%d status polls for 6 blobs", polls)
	}
	// The client's payment clock synced with the loopback NTP server, not
	// with pool.ntp.org.
	if e.b.ntp == nil || e.b.ntp.Queries() == 0 {
		t.Fatal("disperser client never queried the loopback NTP server")
	}
}

func TestPutTooLarge(t *testing.T) {
	e := newEnv(t, nil, fakes.DisperserConfig{})
	_, err := e.b.Put(context.Background(), make([]byte, e.b.cfg.MaxPayload()+1))
	if !errors.Is(err, da.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if e.disp.DisperseFaults.Calls() != 0 {
		t.Fatal("oversized payload reached the disperser")
	}
}

func TestPutRetriesTransientFailures(t *testing.T) {
	tests := []struct {
		name   string
		inject func(*fakes.Disperser)
		faults func(*fakes.Disperser) *fakes.Faults
		want   int // calls the faulted method must have seen
	}{
		{"disperse unavailable", func(d *fakes.Disperser) { d.DisperseFaults.Fail(codes.Unavailable, codes.Unavailable) },
			func(d *fakes.Disperser) *fakes.Faults { return &d.DisperseFaults }, 3},
		{"disperse rate limited", func(d *fakes.Disperser) {
			d.DisperseFaults.Fail(codes.ResourceExhausted, codes.ResourceExhausted, codes.ResourceExhausted)
		}, func(d *fakes.Disperser) *fakes.Faults { return &d.DisperseFaults }, 4},
		{"payment state unavailable", func(d *fakes.Disperser) { d.PaymentFaults.Fail(codes.Unavailable, codes.ResourceExhausted) },
			func(d *fakes.Disperser) *fakes.Faults { return &d.PaymentFaults }, 3},
		{"status unavailable", func(d *fakes.Disperser) { d.StatusFaults.Fail(codes.Unavailable, codes.Unavailable, codes.Unavailable) },
			func(d *fakes.Disperser) *fakes.Faults { return &d.StatusFaults }, 3 + 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil, fakes.DisperserConfig{})
			tt.inject(e.disp)
			payload := randomPayload(t, 5000)
			cert, err := e.b.Put(context.Background(), payload)
			if err != nil {
				t.Fatalf("put: %v", err)
			}
			if calls := tt.faults(e.disp).Calls(); calls < tt.want {
				t.Fatalf("%d calls, want >= %d (faults not hit?)", calls, tt.want)
			}
			if e.disp.Blobs() != 1 {
				t.Fatalf("%d blobs dispersed, want 1", e.disp.Blobs())
			}
			got, err := e.b.Get(context.Background(), cert)
			if err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("get after retries: %v", err)
			}
		})
	}
}

func TestPutUnavailable(t *testing.T) {
	tests := []struct {
		name      string
		inject    func(*fakes.Disperser)
		maxBlobs  int
		mentioned string
	}{
		{"disperser down past budget", func(d *fakes.Disperser) {
			d.DisperseFaults.Fail(repeat(codes.Unavailable, 10000)...)
		}, 0, "Unavailable"},
		{"rate limited past budget", func(d *fakes.Disperser) {
			d.DisperseFaults.Fail(repeat(codes.ResourceExhausted, 10000)...)
		}, 0, "ResourceExhausted"},
		{"blob FAILED", func(d *fakes.Disperser) { d.FailBlobs(true) }, 1, "FAILED"},
		{"disperse hangs", func(d *fakes.Disperser) { d.DisperseFaults.Hang(true) }, 0, "DeadlineExceeded"},
		{"status hangs", func(d *fakes.Disperser) { d.StatusFaults.Hang(true) }, 1, "COMPLETE"},
		{"request refused", func(d *fakes.Disperser) { d.DisperseFaults.Fail(codes.PermissionDenied) }, 0, "PermissionDenied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The request timeout must cover the client's own KZG
			// commitment work, which precedes each DisperseBlob call.
			e := newEnv(t, func(c *Config) {
				c.Timeout = 1500 * time.Millisecond
				c.RequestTimeout = time.Second
			}, fakes.DisperserConfig{})
			tt.inject(e.disp)
			start := time.Now()
			_, err := e.b.Put(context.Background(), randomPayload(t, 100))
			if !errors.Is(err, da.ErrUnavailable) {
				t.Fatalf("err = %v, want ErrUnavailable", err)
			}
			if !strings.Contains(err.Error(), tt.mentioned) {
				t.Fatalf("error %q does not say %q", err, tt.mentioned)
			}
			if d := time.Since(start); d > 4*time.Second {
				t.Fatalf("Put took %v with a 1.5s budget", d)
			}
			if e.disp.Blobs() > tt.maxBlobs {
				t.Fatalf("%d blobs dispersed, want <= %d (retried a dispersal that reached the disperser?)", e.disp.Blobs(), tt.maxBlobs)
			}
		})
	}
}

func repeat(c codes.Code, n int) []codes.Code {
	out := make([]codes.Code, n)
	for i := range out {
		out[i] = c
	}
	return out
}

func TestAccountantPanicRecovered(t *testing.T) {
	e := newEnv(t, nil, fakes.DisperserConfig{})
	e.disp.ShortPaymentState(true)
	_, err := e.b.Put(context.Background(), randomPayload(t, 100))
	if !errors.Is(err, da.ErrUnavailable) || !strings.Contains(err.Error(), "panicked: runtime error: index out of range") {
		t.Fatalf("err = %v, want ErrUnavailable naming the accountant's index panic", err)
	}
	if e.disp.DisperseFaults.Calls() != 0 {
		t.Fatal("blob was sent despite the broken payment state")
	}
	// Concurrent puts on a client whose accountant panicked queue on the
	// mutex the panic left locked; they must still return, by the budget.
	e.b.cfg.Timeout = 2 * time.Second
	var wg sync.WaitGroup
	errs := make([]error, 3)
	start := time.Now()
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = e.b.Put(context.Background(), randomPayload(t, 100))
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if !errors.Is(err, da.ErrUnavailable) {
			t.Fatalf("concurrent put %d: err = %v, want ErrUnavailable", i, err)
		}
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("concurrent puts took %v with a 2s budget", d)
	}

	// The backend dropped the broken client, so the next Put works
	// instead of deadlocking.
	e.b.cfg.Timeout = 30 * time.Second
	e.disp.ShortPaymentState(false)
	payload := randomPayload(t, 100)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	cert, err := e.b.Put(ctx, payload)
	if err != nil {
		t.Fatalf("put after recovery: %v", err)
	}
	got, err := e.b.Get(ctx, cert)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("get after recovery: %v", err)
	}
}

// putCert disperses a payload and returns the decoded cert.
func putCert(t *testing.T, e *env, payload []byte) (da.Cert, *coretypes.EigenDACert) {
	t.Helper()
	c, err := e.b.Put(context.Background(), payload)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := DecodeCertV2(c)
	if err != nil {
		t.Fatal(err)
	}
	return c, dec
}

func TestGetRejectsTamperedCerts(t *testing.T) {
	e := newEnv(t, nil, fakes.DisperserConfig{Operators: 4, NonSigners: 1, BatchSize: 8})
	payload := randomPayload(t, 3000)
	good, _ := putCert(t, e, payload)

	other := randomPayload(t, 3000)
	_, otherCert := putCert(t, e, other)

	mutate := func(f func(c *coretypes.EigenDACert)) da.Cert {
		c, err := DecodeCertV2(good)
		if err != nil {
			t.Fatal(err)
		}
		f(c)
		out, err := EncodeCertV2(c)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	tests := []struct {
		name string
		cert da.Cert
	}{
		{"V3 version byte", da.Cert{Version: da.CertV3, Body: good.Body}},
		{"empty body", da.Cert{Version: da.CertV2}},
		{"truncated", da.Cert{Version: da.CertV2, Body: good.Body[:len(good.Body)/2]}},
		{"trailing byte", da.Cert{Version: da.CertV2, Body: append(bytes.Clone(good.Body), 0)}},
		{"oversized", da.Cert{Version: da.CertV2, Body: make([]byte, MaxCertSize+1)}},
		{"commitment off curve", mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment.Commitment.X.Add(c.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment.Commitment.X, big.NewInt(1))
		})},
		{"other blob's commitment", mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment = otherCert.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment
		})},
		{"length not power of two", mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.BlobCertificate.BlobHeader.Commitment.Length = 3
		})},
		{"payment hash", mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.BlobCertificate.BlobHeader.PaymentHeaderHash[0] ^= 1
		})},
		{"relay keys", mutate(func(c *coretypes.EigenDACert) { c.BlobInclusionInfo.BlobCertificate.RelayKeys = []uint32{1} })},
		{"blob index", mutate(func(c *coretypes.EigenDACert) { c.BlobInclusionInfo.BlobIndex ^= 1 })},
		{"inclusion proof", mutate(func(c *coretypes.EigenDACert) { c.BlobInclusionInfo.InclusionProof[5] ^= 1 })},
		{"inclusion proof cut", mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.InclusionProof = c.BlobInclusionInfo.InclusionProof[:32]
		})},
		{"batch root", mutate(func(c *coretypes.EigenDACert) { c.BatchHeader.BatchRoot[31] ^= 1 })},
		{"reference block", mutate(func(c *coretypes.EigenDACert) { c.BatchHeader.ReferenceBlockNumber++ })},
		{"other batch's signature", mutate(func(c *coretypes.EigenDACert) {
			c.NonSignerStakesAndSignature.Sigma = otherCert.NonSignerStakesAndSignature.Sigma
		})},
		{"other batch's header", mutate(func(c *coretypes.EigenDACert) { c.BatchHeader = otherCert.BatchHeader })},
		{"required quorum dropped", mutate(func(c *coretypes.EigenDACert) {
			c.BlobInclusionInfo.BlobCertificate.BlobHeader.QuorumNumbers = []byte{0}
		})},
		{"quorum not signed", mutate(func(c *coretypes.EigenDACert) { c.SignedQuorumNumbers = []byte{0} })},
		{"no relays", mutate(func(c *coretypes.EigenDACert) { c.BlobInclusionInfo.BlobCertificate.RelayKeys = nil })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := e.relays[0].BlobFaults.Calls() + e.relays[1].BlobFaults.Calls()
			_, err := e.b.Get(context.Background(), tt.cert)
			if !errors.Is(err, da.ErrInvalidCert) {
				t.Fatalf("err = %v, want ErrInvalidCert", err)
			}
			if after := e.relays[0].BlobFaults.Calls() + e.relays[1].BlobFaults.Calls(); after != before {
				t.Fatal("an invalid cert reached the relays")
			}
		})
	}
	// The tampering attempts left the good cert and its blob intact.
	got, err := e.b.Get(context.Background(), good)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("good cert after tampering attempts: %v", err)
	}
}

func TestGetRelayFailures(t *testing.T) {
	tests := []struct {
		name    string
		inject  func(e *env)
		wantErr error
	}{
		{"first relay down", func(e *env) { e.relays[0].BlobFaults.Fail(repeat(codes.Unavailable, 10000)...) }, nil},
		{"both relays blip", func(e *env) {
			e.relays[0].BlobFaults.Fail(codes.Unavailable, codes.ResourceExhausted)
			e.relays[1].BlobFaults.Fail(codes.Unavailable, codes.Unavailable)
		}, nil},
		{"one relay serves corrupt data", func(e *env) { e.relays[1].Tamper(true) }, nil},
		{"all relays corrupt", func(e *env) { e.relays[0].Tamper(true); e.relays[1].Tamper(true) }, da.ErrUnavailable},
		{"all relays down", func(e *env) {
			e.relays[0].BlobFaults.Fail(repeat(codes.Unavailable, 10000)...)
			e.relays[1].BlobFaults.Fail(repeat(codes.Unavailable, 10000)...)
		}, da.ErrUnavailable},
		{"relays hang", func(e *env) { e.relays[0].BlobFaults.Hang(true); e.relays[1].BlobFaults.Hang(true) }, da.ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil, fakes.DisperserConfig{})
			payload := randomPayload(t, 2000)
			cert, _ := putCert(t, e, payload)
			e.b.cfg.Timeout = 600 * time.Millisecond // Get's budget
			tt.inject(e)
			got, err := e.b.Get(context.Background(), cert)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || !bytes.Equal(got, payload) {
				t.Fatalf("get: %v", err)
			}
		})
	}
}

func TestConcurrentPuts(t *testing.T) {
	e := newEnv(t, nil, fakes.DisperserConfig{})
	const n = 6
	payloads := make([][]byte, n)
	certs := make([]da.Cert, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		payloads[i] = randomPayload(t, 100*(i+1))
		wg.Add(1)
		go func() {
			defer wg.Done()
			certs[i], errs[i] = e.b.Put(context.Background(), payloads[i])
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("put %d: %v", i, errs[i])
		}
		got, err := e.b.Get(context.Background(), certs[i])
		if err != nil || !bytes.Equal(got, payloads[i]) {
			t.Fatalf("get %d: %v", i, err)
		}
	}
	if e.disp.Blobs() != n {
		t.Fatalf("%d blobs dispersed, want %d", e.disp.Blobs(), n)
	}
}

// contractLogic lets the fake EigenDACertVerifier judge certs with the
// offline checks, so the on-chain path runs end to end over JSON-RPC.
type contractLogic struct{ v OfflineVerifier }

func (l contractLogic) QuorumNumbersRequired() []byte { return l.v.Quorums }
func (l contractLogic) ConfirmationThreshold() uint8  { return l.v.ConfirmationThreshold }
func (l contractLogic) NonSignerStakesAndSignature(b verifierv2.EigenDATypesV2SignedBatch) (verifierv2.EigenDATypesV1NonSignerStakesAndSignature, error) {
	return nonSignerStakes(b.Attestation), nil
}
func (l contractLogic) VerifyCert(c *coretypes.EigenDACert) error { return l.v.verify(c) }

// TestOnchainVerificationPath runs Put and Get through EigenDA's
// verification.CertVerifier, which reads quorums and thresholds, builds
// the non-signer data and verifies certs with eth_calls to a loopback
// JSON-RPC endpoint serving the EigenDACertVerifier ABI. The contract's
// verdicts come from the offline checks; the RPC, ABI and revert handling
// are real.
func TestOnchainVerificationPath(t *testing.T) {
	rpc, err := fakes.StartEthRPC(contractLogic{OfflineVerifier{Quorums: []uint8{0, 1}, ConfirmationThreshold: 55}})
	if err != nil {
		t.Fatal(err)
	}
	defer rpc.Close()
	e := newEnv(t, func(c *Config) {
		c.EthRPC = rpc.URL()
		c.CertVerifier = gethcommon.HexToAddress("0xFe52fE1940858DCb6e12153E2104aD0fDFbE1162")
	}, fakes.DisperserConfig{Operators: 3, NonSigners: 1})
	if !e.b.onchain || !strings.HasPrefix(e.b.Verification(), "onchain") {
		t.Fatalf("backend not verifying on chain: %s", e.b.Verification())
	}
	payload := randomPayload(t, 4000)
	c, err := e.b.Put(context.Background(), payload)
	if err != nil {
		t.Fatal(err)
	}
	putCalls := rpc.Calls()
	if putCalls < 4 { // quorums, threshold, non-signers, verify
		t.Fatalf("%d eth_calls during put", putCalls)
	}
	got, err := e.b.Get(context.Background(), c)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("get: %v", err)
	}
	if rpc.Calls() <= putCalls {
		t.Fatal("get did not ask the contract")
	}

	// A revert is a verdict: 418, no relay contacted.
	bad, err := DecodeCertV2(c)
	if err != nil {
		t.Fatal(err)
	}
	bad.BatchHeader.BatchRoot[0] ^= 1
	badCert, err := EncodeCertV2(bad)
	if err != nil {
		t.Fatal(err)
	}
	relayCalls := e.relays[0].BlobFaults.Calls() + e.relays[1].BlobFaults.Calls()
	if _, err := e.b.Get(context.Background(), badCert); !errors.Is(err, da.ErrInvalidCert) {
		t.Fatalf("tampered cert: err = %v, want ErrInvalidCert", err)
	}
	if e.relays[0].BlobFaults.Calls()+e.relays[1].BlobFaults.Calls() != relayCalls {
		t.Fatal("a rejected cert reached the relays")
	}

	// An unreachable node is not a verdict: retry, then 503.
	rpc.Down(true)
	e.b.cfg.Timeout = 300 * time.Millisecond
	if _, err := e.b.Get(context.Background(), c); !errors.Is(err, da.ErrUnavailable) {
		t.Fatalf("node down: err = %v, want ErrUnavailable", err)
	}
}

// sender is a scripted payloadSender.
type sender func(context.Context) (*coretypes.EigenDACert, error)

func (f sender) SendPayload(ctx context.Context, _ *coretypes.Payload) (*coretypes.EigenDACert, error) {
	return f(ctx)
}

func TestSendGuarded(t *testing.T) {
	wedge := make(chan struct{})
	defer close(wedge)
	tests := []struct {
		name      string
		s         sender
		wantErr   string
		wantPanic bool
	}{
		{"ok", func(context.Context) (*coretypes.EigenDACert, error) { return sampleCert(), nil }, "", false},
		{"panic", func(context.Context) (*coretypes.EigenDACert, error) {
			var records []int
			return nil, fmt.Errorf("%d", records[2]) // what the v0.9.2 accountant does
		}, "panicked: runtime error: index out of range", true},
		{"honours ctx", func(ctx context.Context) (*coretypes.EigenDACert, error) {
			<-ctx.Done()
			return nil, fmt.Errorf("poll: %w", ctx.Err())
		}, "poll: context deadline exceeded", false},
		{"wedged", func(context.Context) (*coretypes.EigenDACert, error) {
			<-wedge // a mutex a panic left locked
			return nil, nil
		}, "wedged", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			panicked := false
			start := time.Now()
			cert, err := sendGuarded(ctx, tt.s, []byte("x"), func() { panicked = true })
			if time.Since(start) > 2*time.Second {
				t.Fatalf("returned after %v with a 200ms budget", time.Since(start))
			}
			if panicked != tt.wantPanic {
				t.Fatalf("onPanic called: %v", panicked)
			}
			if tt.wantErr == "" {
				if err != nil || cert == nil {
					t.Fatalf("cert %v, err %v", cert, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestGetUnknownRelaysFailsFast(t *testing.T) {
	e := newEnv(t, nil, fakes.DisperserConfig{})
	c, _ := putCert(t, e, randomPayload(t, 100))
	delete(e.b.cfg.Relays, 0)
	delete(e.b.cfg.Relays, 1)
	e.b.cfg.Relays[7] = "127.0.0.1:1"
	start := time.Now()
	_, err := e.b.Get(context.Background(), c)
	if err == nil || !strings.Contains(err.Error(), "none of which is configured") {
		t.Fatalf("err = %v", err)
	}
	if errors.Is(err, da.ErrUnavailable) || errors.Is(err, da.ErrInvalidCert) {
		t.Fatalf("a configuration gap reported as %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("took %v", d)
	}
}

// TestGetUndecodableBlob disperses raw field elements that are not an
// encoded payload (straight through the v0.9.2 DisperserClient, as a
// misbehaving batcher could) and checks Get calls the valid cert for them
// invalid instead of retrying.
func TestGetUndecodableBlob(t *testing.T) {
	e := newEnv(t, nil, fakes.DisperserConfig{})
	dc, err := clients.NewDisperserClient(&clients.DisperserClientConfig{
		Hostname: "127.0.0.1", Port: e.disp.Addr()[strings.LastIndex(e.disp.Addr(), ":")+1:], NtpServer: e.b.ntpAddr,
	}, e.b.signer, e.b.prover, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Close()
	raw := make([]byte, 64) // two field elements, no payload header
	raw[5], raw[40] = 0xff, 0x01
	ctx := context.Background()
	_, key, err := dc.DisperseBlob(ctx, raw, 0, []uint8{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	var reply *dispgrpc.BlobStatusReply
	for reply == nil || reply.GetStatus() != dispgrpc.BlobStatus_COMPLETE {
		if reply, err = dc.GetBlobStatus(ctx, key); err != nil {
			t.Fatal(err)
		}
	}
	nss, err := e.b.verifier.GetNonSignerStakesAndSignature(ctx, reply.GetSignedBatch())
	if err != nil {
		t.Fatal(err)
	}
	cert, err := coretypes.BuildEigenDACert(reply, nss)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.b.verifier.VerifyCertV2(ctx, cert); err != nil {
		t.Fatalf("the cert itself is valid: %v", err)
	}
	c, err := EncodeCertV2(cert)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = e.b.Get(ctx, c)
	if !errors.Is(err, da.ErrInvalidCert) || !strings.Contains(err.Error(), "does not decode") {
		t.Fatalf("err = %v, want ErrInvalidCert for an undecodable blob", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("took %v: retried?", d)
	}
}

// TestDisperserCommitments runs the G1-only mode: the disperser computes
// the commitments, the backend loads no G2 points and checks the blob on
// the way back.
func TestDisperserCommitments(t *testing.T) {
	p := sharedProver(t)
	e := newEnv(t, func(c *Config) {
		c.Prover = nil
		c.SRSDir = DefaultSRSDir()
		c.DisperserCommitments = true
	}, fakes.DisperserConfig{})
	if e.b.prover != nil {
		t.Fatal("G1-only mode loaded a prover")
	}
	if len(e.b.g1) != testSRSPoints || !e.b.g1[testSRSPoints-1].Equal(&p.Srs.G1[testSRSPoints-1]) {
		t.Fatal("G1 points differ from the prover's")
	}
	payload := randomPayload(t, 20000)
	c, err := e.b.Put(context.Background(), payload)
	if err != nil {
		t.Fatal(err)
	}
	if e.disp.CommitmentFaults.Calls() != 1 {
		t.Fatalf("%d GetBlobCommitment calls, want 1", e.disp.CommitmentFaults.Calls())
	}
	got, err := e.b.Get(context.Background(), c)
	if err != nil || !bytes.Equal(got, payload) {
		t.Fatalf("get: %v", err)
	}
}
