package sequencer

import (
	"bytes"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

var id1 = common.Hash{1}.Hex()

func testRequest(i byte) *request {
	now := time.Unix(1_700_000_000, 0).UTC()
	return &request{
		ID: common.Hash{i}, TxHash: common.Hash{0xee, i}, Sender: common.Address{i}, Nonce: uint64(i),
		ModelID: big.NewInt(1), Input: []byte{1, 2, 3, 4, i}, ModelHash: common.Hash{0xaa},
		AdapterHashes: []common.Hash{{0xbb}}, FirstSeen: now, Deadline: now.Add(30 * time.Second), State: StateQueued,
	}
}

func entryLine(t *testing.T, e journalEntry) string {
	t.Helper()
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

func TestDecodeJournal(t *testing.T) {
	r1, r2, r3 := testRequest(1), testRequest(2), testRequest(3)
	running := testRequest(4)
	running.State = StateRunning
	fulfill := []byte{0xde, 0xad, 0xbe, 0xef, 5}
	valid := entryLine(t, journalEntry{Op: opRequest, Request: r1}) +
		entryLine(t, journalEntry{Op: opRequest, Request: r2}) +
		entryLine(t, journalEntry{Op: opResult, ID: r1.ID, State: StateReady, Fulfill: fulfill}) +
		entryLine(t, journalEntry{Op: opRequest, Request: r3}) +
		entryLine(t, journalEntry{Op: opForget, ID: r2.ID}) +
		entryLine(t, journalEntry{Op: opRequest, Request: running}) +
		entryLine(t, journalEntry{Op: opResult, ID: common.Hash{0x99}, State: StateFailed, Fulfill: fulfill}) // unknown id: ignored
	for _, tc := range []struct {
		name    string
		data    string
		want    []common.Hash
		wantErr string
	}{
		{"empty", "", nil, ""},
		{"replay", valid, []common.Hash{r1.ID, r3.ID, running.ID}, ""},
		{"torn last line", valid + `{"op":"forget","id":"0x01`, []common.Hash{r1.ID, r3.ID, running.ID}, ""},
		{"blank lines", "\n\n" + valid + "\n", []common.Hash{r1.ID, r3.ID, running.ID}, ""},
		{"corrupt middle line", entryLine(t, journalEntry{Op: opRequest, Request: r1}) + "{garbage\n" + valid, nil, "line 2"},
		{"unknown op", `{"op":"drop","id":"` + id1 + `"}` + "\n", nil, "unknown op"},
		{"unknown field", `{"op":"forget","id":"` + id1 + `","extra":1}` + "\n", nil, "unknown field"},
		{"request without body", `{"op":"request"}` + "\n", nil, "without request"},
		{"bad state", strings.Replace(entryLine(t, journalEntry{Op: opRequest, Request: r1}), `"queued"`, `"done"`, 1), nil, "unknown state"},
		{"result without calldata", entryLine(t, journalEntry{Op: opResult, ID: r1.ID, State: StateReady}), nil, "bad result"},
		{"trailing data", strings.TrimSuffix(entryLine(t, journalEntry{Op: opForget, ID: r1.ID}), "\n") + " {}\n", nil, "trailing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeJournal([]byte(tc.data))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d requests, want %d", len(got), len(tc.want))
			}
			for i, r := range got {
				if r.ID != tc.want[i] {
					t.Fatalf("request %d is %s, want %s", i, r.ID, tc.want[i])
				}
			}
			if tc.name == "replay" {
				if got[0].State != StateReady || !bytes.Equal(got[0].Fulfill, fulfill) {
					t.Fatalf("result not applied: %s %x", got[0].State, got[0].Fulfill)
				}
				if got[2].State != StateQueued {
					t.Fatalf("a request running in a dead process is %s, want queued", got[2].State)
				}
				if got[1].Deadline != r3.Deadline || got[1].AdapterHashes[0] != r3.AdapterHashes[0] || string(got[1].Input) != string(r3.Input) {
					t.Fatalf("request fields lost: %+v", got[1])
				}
			}
		})
	}
}

// TestJournalFile: appends survive a reopen, which compacts the file; a
// corrupt journal is an error that leaves the file in place; a dead
// journal takes no writes.
func TestJournalFile(t *testing.T) {
	dir := t.TempDir()
	j, reqs, err := openJournal(dir)
	if err != nil || len(reqs) != 0 {
		t.Fatalf("fresh journal: %v %d", err, len(reqs))
	}
	r1, r2 := testRequest(1), testRequest(2)
	for _, e := range []journalEntry{
		{Op: opRequest, Request: r1}, {Op: opRequest, Request: r2},
		{Op: opResult, ID: r2.ID, State: StateFailed, Fulfill: []byte{1, 2, 3, 4}, Reason: "deadline"},
		{Op: opForget, ID: r1.ID},
	} {
		if err := j.append(e); err != nil {
			t.Fatal(err)
		}
	}
	// No close: as after kill -9.
	j2, reqs, err := openJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 1 || reqs[0].ID != r2.ID || reqs[0].State != StateFailed || reqs[0].Reason != "deadline" {
		t.Fatalf("reopened: %+v", reqs)
	}
	path := filepath.Join(dir, journalFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(data, []byte("\n")); n != 1 {
		t.Fatalf("compacted journal has %d lines, want 1", n)
	}
	if err := j2.close(); err != nil {
		t.Fatal(err)
	}
	if err := j2.append(journalEntry{Op: opForget, ID: r2.ID}); err == nil {
		t.Fatal("closed journal took a write")
	}
	corrupt := append(bytes.Clone(data), []byte("not json\n")...)
	if err := os.WriteFile(path, corrupt, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := openJournal(dir); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("corrupt journal: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, corrupt) {
		t.Fatal("a corrupt journal was modified")
	}
}

func FuzzDecodeJournal(f *testing.F) {
	r := testRequest(1)
	b, _ := json.Marshal(journalEntry{Op: opRequest, Request: r})
	f.Add(append(b, '\n'))
	f.Add([]byte(`{"op":"result","id":"` + id1 + `","state":"ready","fulfill":"0x01020304"}` + "\n"))
	f.Add([]byte(`{"op":"forget","id":"` + id1 + `"}` + "\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		reqs, err := decodeJournal(data)
		if err != nil {
			return
		}
		for _, r := range reqs {
			if verr := r.validate(); verr != nil {
				t.Fatalf("decoded an invalid request: %v", verr)
			}
			if r.State == StateRunning {
				t.Fatal("running request not reset to queued")
			}
			if r.State.Finished() && len(r.Fulfill) < 4 {
				t.Fatal("finished request without calldata")
			}
		}
	})
}
