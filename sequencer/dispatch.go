package sequencer

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/log"

	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/precompiles/inferencetx"
)

// Retry backoff for transient sidecar errors (down, busy, 5xx).
const (
	retryMin = 100 * time.Millisecond
	retryMax = 2 * time.Second
)

// maxReasonLen bounds the failure reason a failed receipt carries.
const maxReasonLen = 256

// dispatch runs r at the sidecar in the background: journal it, wait for a
// concurrency slot, call the sidecar (retrying transient errors until the
// deadline), and record the receipt calldata.
func (s *Sequencer) dispatch(r *request) {
	ctx, cancel := context.WithDeadline(s.ctx, r.Deadline)
	s.tracker.setCancel(r.ID, cancel)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer cancel()
		if s.journal != nil {
			// Before any work, so that a crash from here on loses nothing.
			if err := s.journal.append(journalEntry{Op: opRequest, Request: r}); err != nil {
				log.Error("Sequencer journal write failed", "id", r.ID, "err", err)
			}
		}
		select {
		case s.sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-s.sem }()
		s.tracker.setState(r.ID, StateRunning)
		state, fulfill, reason, err := s.infer(ctx, r)
		if err != nil {
			// Deadline (the hook includes a failed receipt) or shutdown
			// (the journal has the request for the next start).
			return
		}
		if s.tracker.finish(r.ID, state, fulfill, reason) {
			done, _ := s.tracker.get(r.ID)
			s.journalResult(done)
		}
	}()
}

// infer calls the sidecar until it answers for good or ctx ends.
func (s *Sequencer) infer(ctx context.Context, r *request) (State, []byte, string, error) {
	backoff := retryMin
	for {
		res, err := s.sidecar.complete(ctx, r)
		if err == nil {
			fulfill, ferr := inferencetx.FulfillCalldata(r.ID, s.config.ChainID, res.receipt, res.contributors, res.weights)
			if ferr == nil && len(fulfill) > precompiles.MaxInferenceInputSize {
				ferr = permanent("receipt transaction of %d bytes exceeds %d", len(fulfill), precompiles.MaxInferenceInputSize)
			}
			if ferr == nil {
				return StateReady, fulfill, "", nil
			}
			err = permanent("%v", ferr)
		}
		var perm *permanentError
		if errors.As(err, &perm) {
			log.Warn("Inference request cannot be served; a failed receipt follows", "id", r.ID, "err", err)
			fulfill, ferr := s.failedCalldata(r, err.Error())
			return StateFailed, fulfill, perm.msg, ferr
		}
		if ctx.Err() != nil {
			return "", nil, "", ctx.Err()
		}
		log.Debug("Sidecar unavailable, retrying", "id", r.ID, "err", err, "in", backoff)
		select {
		case <-time.After(backoff):
		case <-ctx.Done():
			return "", nil, "", ctx.Err()
		}
		backoff = min(2*backoff, retryMax)
	}
}

func (s *Sequencer) failedCalldata(r *request, reason string) ([]byte, error) {
	if len(reason) > maxReasonLen {
		reason = reason[:maxReasonLen]
	}
	return inferencetx.FailedCalldata(r.ID, s.config.ChainID, reason)
}

func (s *Sequencer) journalResult(r *request) {
	if s.journal == nil {
		return
	}
	e := journalEntry{Op: opResult, ID: r.ID, State: r.State, Fulfill: r.Fulfill, Reason: r.Reason}
	if err := s.journal.append(e); err != nil {
		log.Error("Sequencer journal write failed", "id", r.ID, "err", err)
	}
}

// receiptFor returns the receipt calldata of r if it has one, turning a
// request past its deadline into a failed one.
func (s *Sequencer) receiptFor(r *request) ([]byte, bool) {
	if r.State.Finished() {
		return r.Fulfill, true
	}
	if !s.now().After(r.Deadline) {
		return nil, false
	}
	fulfill, err := s.failedCalldata(r, deadlineReason(s.cfg.Deadline))
	if err != nil {
		return nil, false
	}
	if !s.tracker.finish(r.ID, StateFailed, fulfill, deadlineReason(s.cfg.Deadline)) {
		// The sidecar finished in the meantime.
		done, ok := s.tracker.get(r.ID)
		if !ok || !done.State.Finished() {
			return nil, false
		}
		return done.Fulfill, true
	}
	log.Warn("Inference deadline passed; the transaction is included with a failed receipt", "id", r.ID, "tx", r.TxHash)
	return fulfill, true
}

func (s *Sequencer) undeliverable(id common.Hash, reason string) {
	log.Error("Receipt transaction cannot be sent; is the inference signer funded?", "id", id, "signer", s.signer, "err", reason)
}

// rejectReceipt handles a receipt transaction that reverted in simulation:
// a ready receipt becomes a failed one (true); a failed receipt cannot be
// replaced (false).
func (s *Sequencer) rejectReceipt(p preTx, reason string) bool {
	r, ok := s.tracker.get(p.id)
	if !ok || r.State != StateReady {
		log.Error("Receipt transaction rejected; is the sequencer's key the inference signer, and funded?", "id", p.id, "err", reason)
		return false
	}
	log.Error("The chain rejects the sidecar's receipt; a failed receipt follows", "id", p.id, "err", reason)
	fulfill, err := s.failedCalldata(r, "receipt rejected: "+reason)
	if err != nil {
		return false
	}
	s.tracker.replace(p.id, fulfill, "receipt rejected: "+reason)
	r, _ = s.tracker.get(p.id)
	s.journalResult(r)
	return true
}
