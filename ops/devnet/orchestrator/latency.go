package orchestrator

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/paichain/paichain/da/faults"
)

// Latency is the measured path of L2 transactions: sent to the sequencer,
// included in an unsafe block, then derived by the verifier from L1 + DA
// alone (the verifier has no p2p, so holding the block means it derived it).
type Latency struct {
	Included []time.Duration // send → receipt on the sequencer
	Derived  []time.Duration // send → the same block (hash) on the verifier
}

// MeasureLatency sends n transfers from key, one after another, each
// waiting until the verifier derived its block. say reports each one.
func MeasureLatency(ctx context.Context, e Endpoints, key *ecdsa.PrivateKey, n int, say func(string)) (*Latency, error) {
	seq, err := ethclient.DialContext(ctx, e.L2SequencerRPC)
	if err != nil {
		return nil, fmt.Errorf("latency: sequencer: %w", err)
	}
	defer seq.Close()
	ver, err := ethclient.DialContext(ctx, e.L2VerifierRPC)
	if err != nil {
		return nil, fmt.Errorf("latency: verifier: %w", err)
	}
	defer ver.Close()
	chainID, err := seq.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("latency: chain id: %w", err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	signer := types.LatestSignerForChainID(chainID)
	res := &Latency{}
	for i := range n {
		nonce, err := seq.PendingNonceAt(ctx, from)
		if err != nil {
			return nil, fmt.Errorf("latency: nonce: %w", err)
		}
		head, err := seq.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("latency: head: %w", err)
		}
		tip := big.NewInt(1_000_000) // 0.001 gwei: L2 fees are tiny
		feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
		tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
			ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21_000, To: &from, Value: big.NewInt(1),
		})
		if err != nil {
			return nil, fmt.Errorf("latency: sign: %w", err)
		}
		start := time.Now()
		if err := seq.SendTransaction(ctx, tx); err != nil {
			return nil, fmt.Errorf("latency: send: %w", err)
		}
		rcpt, err := poll(ctx, 2*time.Minute, func() (*types.Receipt, error) { return seq.TransactionReceipt(ctx, tx.Hash()) })
		if err != nil {
			return nil, fmt.Errorf("latency: tx %s not included: %w", tx.Hash(), err)
		}
		included := time.Since(start)
		vh, err := poll(ctx, 5*time.Minute, func() (*types.Header, error) { return ver.HeaderByNumber(ctx, rcpt.BlockNumber) })
		if err != nil {
			return nil, fmt.Errorf("latency: verifier never derived block %d: %w", rcpt.BlockNumber, err)
		}
		derived := time.Since(start)
		if vh.Hash() != rcpt.BlockHash {
			return nil, fmt.Errorf("latency: verifier derived block %d as %s, the sequencer built %s", rcpt.BlockNumber, vh.Hash(), rcpt.BlockHash)
		}
		res.Included = append(res.Included, included)
		res.Derived = append(res.Derived, derived)
		say(fmt.Sprintf("tx %d: block %d, included %.2fs, derived by the verifier %.2fs", i+1, rcpt.BlockNumber, included.Seconds(), derived.Seconds()))
	}
	return res, nil
}

// poll calls get every 100 ms until it returns a value without error.
func poll[T any](ctx context.Context, timeout time.Duration, get func() (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		v, err := get()
		if err == nil {
			return v, nil
		}
		select {
		case <-ctx.Done():
			return v, fmt.Errorf("%w (last: %v)", ctx.Err(), err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Summary renders min, median and max of both measures.
func (l *Latency) Summary() string {
	return fmt.Sprintf("%d txs: included min %.2fs median %.2fs max %.2fs; derived by verifier min %.2fs median %.2fs max %.2fs",
		len(l.Included), minOf(l.Included), median(l.Included), maxOf(l.Included), minOf(l.Derived), median(l.Derived), maxOf(l.Derived))
}

func median(d []time.Duration) float64 {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2].Seconds()
}

func minOf(d []time.Duration) float64 {
	if len(d) == 0 {
		return 0
	}
	return slices.Min(d).Seconds()
}

func maxOf(d []time.Duration) float64 {
	if len(d) == 0 {
		return 0
	}
	return slices.Max(d).Seconds()
}

// SetDAFaults sets the DA server's fault injection (its loopback admin
// endpoint), e.g. faults.Config{PutErrorRate: 1} to make every put fail
// with 503 so the batcher fails over to calldata; faults.Config{} clears it.
func SetDAFaults(ctx context.Context, daURL string, cfg faults.Config) error {
	body, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, daURL+"/admin/faults", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("DA faults: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("DA faults: %s", resp.Status)
	}
	return nil
}
