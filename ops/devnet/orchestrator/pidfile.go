package orchestrator

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// PidFile is the state file of a running devnet, data-dir/devnet.pid:
// which process runs it, its child processes, and its endpoints (for
// `paichain-devnet down` and `status`).
type PidFile struct {
	PID int `json:"pid"`
	// Command is the orchestrator's program name (argv[0]'s base name); a
	// recorded pid that now runs another program is not ours to signal.
	Command   string         `json:"command"`
	Started   time.Time      `json:"started"`
	Ready     bool           `json:"ready"`
	Endpoints Endpoints      `json:"endpoints"`
	LogDir    string         `json:"logDir"`
	Children  map[string]int `json:"children,omitempty"`
	// ChildCommand is the children's program name (bin/paichain's).
	ChildCommand string `json:"childCommand,omitempty"`
}

func pidFilePath(dataDir string) string { return filepath.Join(dataDir, "devnet.pid") }

// ReadPidFile reads dataDir's pid file; os.ErrNotExist when no devnet ran
// from it or the last one stopped cleanly.
func ReadPidFile(dataDir string) (*PidFile, error) {
	b, err := os.ReadFile(pidFilePath(dataDir))
	if err != nil {
		return nil, err
	}
	var p PidFile
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", pidFilePath(dataDir), err)
	}
	if p.PID <= 0 {
		return nil, fmt.Errorf("%s: no pid", pidFilePath(dataDir))
	}
	return &p, nil
}

// claimPidFile records this process as the data dir's devnet, refusing when
// another live process holds it. It is written before anything starts, so
// that `down` can stop a devnet that is still starting.
func claimPidFile(dataDir string) error {
	p, err := ReadPidFile(dataDir)
	switch {
	case err == nil && runs(p.PID, p.Command):
		return fmt.Errorf("a devnet is already running from %s (pid %d): stop it with `paichain devnet down`", dataDir, p.PID)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		// An unreadable file from a crashed run: replace it.
	}
	return writeJSONFile(pidFilePath(dataDir), PidFile{PID: os.Getpid(), Command: self(), Started: time.Now(), LogDir: filepath.Join(dataDir, "logs")})
}

// writePidFile completes the pid file once the devnet is up.
func writePidFile(path string, d *Devnet, started time.Time) error {
	p := PidFile{PID: os.Getpid(), Command: self(), Started: started, Ready: true, Endpoints: d.Endpoints, LogDir: d.LogDir,
		Children: map[string]int{}}
	for _, c := range d.children {
		p.Children[c.name] = c.pid()
		p.ChildCommand = filepath.Base(c.cmd.Path)
	}
	return writeJSONFile(path, p)
}

func writeJSONFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("pid file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("pid file: %w", err)
	}
	return nil
}

// alive reports whether a process with this pid exists and has not
// exited (a zombie waiting for its parent counts as gone).
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !errors.Is(err, os.ErrNotExist)
	}
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}

// runs reports whether pid is alive and runs the program named command
// (argv[0]'s base name, from /proc), so that a recorded pid the kernel has
// since given to another program is left alone.
func runs(pid int, command string) bool {
	if !alive(pid) {
		return false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		// No procfs: trust the pid.
		return true
	}
	argv0, _, _ := strings.Cut(string(b), "\x00")
	return filepath.Base(argv0) == command
}

func self() string { return filepath.Base(os.Args[0]) }

// Down stops the devnet running from dataDir: SIGTERM to its orchestrator,
// which stops every component in order; SIGKILL after timeout. Children
// left behind by a killed orchestrator are stopped the same way. It
// reports false when no devnet was running.
func Down(dataDir string, timeout time.Duration, say func(string)) (bool, error) {
	p, err := ReadPidFile(dataDir)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if p.PID == os.Getpid() {
		return false, errors.New("the devnet runs in this process: call Devnet.Stop")
	}
	ran := false
	if runs(p.PID, p.Command) {
		ran = true
		say(fmt.Sprintf("stopping the devnet (pid %d), waiting up to %s", p.PID, timeout))
		if err := terminate(p.PID, timeout); err != nil {
			return true, err
		}
	}
	for name, pid := range p.Children {
		if !runs(pid, p.ChildCommand) {
			continue
		}
		ran = true
		say(fmt.Sprintf("stopping leftover %s (pid %d)", name, pid))
		if err := terminate(pid, stopTimeout); err != nil {
			return true, err
		}
	}
	if err := os.Remove(pidFilePath(dataDir)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return ran, err
	}
	return ran, nil
}

// terminate sends SIGTERM, then SIGKILL when the process outlives timeout.
func terminate(pid int, timeout time.Duration) error {
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("SIGTERM pid %d: %w", pid, err)
	}
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if !alive(pid) {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("SIGKILL pid %d: %w", pid, err)
	}
	for range 50 {
		if !alive(pid) {
			return fmt.Errorf("pid %d ignored SIGTERM for %s and was killed", pid, timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("pid %d survived SIGKILL", pid)
}
