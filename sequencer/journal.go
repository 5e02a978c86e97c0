package sequencer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// The journal is an append-only file of JSON lines, one entry per event,
// each written with a single write and fsynced before the event takes
// effect:
//
//	{"op":"request","request":{...}}       a request was detected (before dispatch)
//	{"op":"result","id":..,"state":..,"fulfill":..,"reason":..}
//	                                       its receipt calldata (before the hook may use it)
//	{"op":"forget","id":..}                the chain has its receipt, or it is obsolete
//
// A crash can only tear the last line, which has no newline then and is
// ignored. At start and at Close the live requests are rewritten to a
// temporary file that is fsynced and renamed over the journal.
//
// Receipts cannot be duplicated by a replay: the hook only places a receipt
// for a request id whose record in state is empty, and the precompile
// rejects a second fulfill of any id (AlreadyFulfilled).

const journalFile = "inference-journal.jsonl"

// Journal operations.
const (
	opRequest = "request"
	opResult  = "result"
	opForget  = "forget"
)

// maxJournalSize bounds what openJournal reads (about a million requests).
const maxJournalSize = 1 << 30

type journalEntry struct {
	Op      string        `json:"op"`
	Request *request      `json:"request,omitempty"`
	ID      common.Hash   `json:"id,omitzero"`
	State   State         `json:"state,omitempty"`
	Fulfill hexutil.Bytes `json:"fulfill,omitempty"`
	Reason  string        `json:"reason,omitempty"`
}

type journal struct {
	mu   sync.Mutex
	path string
	f    *os.File
	// appended counts entries since the last compaction.
	appended int
	// dead drops every write (a crashed process writes nothing; tests).
	dead bool
}

// openJournal reads the journal in dir (creating dir if needed), compacts
// it and opens it for appending. It returns the live requests.
func openJournal(dir string) (*journal, []*request, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("sequencer journal: %w", err)
	}
	j := &journal{path: filepath.Join(dir, journalFile)}
	data, err := readLimited(j.path)
	if err != nil {
		return nil, nil, err
	}
	reqs, err := decodeJournal(data)
	if err != nil {
		return nil, nil, fmt.Errorf("sequencer journal %s: %w (move the file away to start without it)", j.path, err)
	}
	if err := j.compact(func() []*request { return reqs }); err != nil {
		return nil, nil, err
	}
	return j, reqs, nil
}

func readLimited(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sequencer journal: %w", err)
	}
	if fi.Size() > maxJournalSize {
		return nil, fmt.Errorf("sequencer journal %s: %d bytes, over %d", path, fi.Size(), maxJournalSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sequencer journal: %w", err)
	}
	return data, nil
}

// decodeJournal replays journal bytes into the live requests, in first-seen
// order. A final line without a newline is a torn write and is ignored; any
// other malformed line is an error naming it.
func decodeJournal(data []byte) ([]*request, error) {
	live := make(map[common.Hash]*request)
	var order []common.Hash
	for n := 1; len(data) > 0; n++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			break // torn last write
		}
		line := data[:i]
		data = data[i+1:]
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var e journalEntry
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		if dec.More() {
			return nil, fmt.Errorf("line %d: trailing data", n)
		}
		switch e.Op {
		case opRequest:
			if e.Request == nil {
				return nil, fmt.Errorf("line %d: request entry without request", n)
			}
			if err := e.Request.validate(); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
			r := e.Request
			if r.State == StateRunning {
				r.State = StateQueued // it ran in a process that is gone
			}
			if _, ok := live[r.ID]; !ok {
				order = append(order, r.ID)
				live[r.ID] = r
			}
		case opResult:
			if (e.State != StateReady && e.State != StateFailed) || len(e.Fulfill) < 4 {
				return nil, fmt.Errorf("line %d: bad result entry", n)
			}
			if r, ok := live[e.ID]; ok {
				r.State, r.Fulfill, r.Reason = e.State, e.Fulfill, e.Reason
			}
		case opForget:
			delete(live, e.ID)
		default:
			return nil, fmt.Errorf("line %d: unknown op %q", n, e.Op)
		}
	}
	out := make([]*request, 0, len(live))
	for _, id := range order {
		if r, ok := live[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// append writes one entry and fsyncs it.
func (j *journal) append(e journalEntry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.dead {
		return errors.New("sequencer journal: closed")
	}
	if _, err := j.f.Write(line); err != nil {
		return fmt.Errorf("sequencer journal: %w", err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("sequencer journal: %w", err)
	}
	j.appended++
	return nil
}

// compact rewrites the journal as the live requests, read under the
// journal's lock so that no append falls between the snapshot and the
// rename.
func (j *journal) compact(live func() []*request) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.dead {
		return errors.New("sequencer journal: closed")
	}
	var buf bytes.Buffer
	for _, r := range live() {
		line, err := json.Marshal(journalEntry{Op: opRequest, Request: r})
		if err != nil {
			return err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	tmp := j.path + ".tmp"
	if err := writeSynced(tmp, buf.Bytes()); err != nil {
		return fmt.Errorf("sequencer journal: %w", err)
	}
	if j.f != nil {
		j.f.Close()
		j.f = nil
	}
	if err := os.Rename(tmp, j.path); err != nil {
		return fmt.Errorf("sequencer journal: %w", err)
	}
	if err := syncDir(filepath.Dir(j.path)); err != nil {
		return fmt.Errorf("sequencer journal: %w", err)
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("sequencer journal: %w", err)
	}
	j.f, j.appended = f, 0
	return nil
}

// needsCompaction is whether forgotten entries dominate the file.
func (j *journal) needsCompaction(live int) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.appended > 1024 && j.appended > 4*live
}

func (j *journal) close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.dead = true
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}

func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
