package orchestrator

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// stopTimeout is how long a child gets between SIGTERM and SIGKILL.
const stopTimeout = 15 * time.Second

// child is a supervised child process whose stdout and stderr go to its log
// file.
type child struct {
	name    string
	cmd     *exec.Cmd
	logPath string
	done    chan struct{} // closed when the process has exited
	err     error         // exit status, valid once done is closed

	mu       sync.Mutex
	stopping bool
}

// startChild runs bin with args, appending its output to logPath. The
// child gets its own process group, so a Ctrl-C in the terminal reaches
// only the orchestrator, which then stops the children in order; it also
// gets SIGTERM should the orchestrator die without stopping it.
func startChild(name, logPath, bin string, args ...string) (*child, error) {
	lf, err := openLog(logPath)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(lf, "\n=== %s: %s %s\n", time.Now().Format(time.RFC3339), bin, strings.Join(args, " "))
	cmd := exec.Command(bin, args...)
	cmd.Stdout = lf
	cmd.Stderr = lf
	cmd.SysProcAttr = childSysProcAttr()
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, fmt.Errorf("%s: start %s: %w", name, bin, err)
	}
	c := &child{name: name, cmd: cmd, logPath: logPath, done: make(chan struct{})}
	go func() {
		c.err = cmd.Wait()
		lf.Close()
		close(c.done)
	}()
	return c, nil
}

// pid is the child's process id.
func (c *child) pid() int { return c.cmd.Process.Pid }

// exited reports whether the process has ended.
func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// unexpected reports whether the child ended without being asked to.
func (c *child) unexpected() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.stopping && c.exited()
}

// exitError describes how the child ended, pointing at its log.
func (c *child) exitError() error {
	err := c.err
	if err == nil {
		err = errors.New("exited with status 0")
	}
	return fmt.Errorf("%s (pid %d) stopped: %w (log: %s)", c.name, c.pid(), err, c.logPath)
}

// stop sends SIGTERM, waits up to timeout, then SIGKILLs. It returns nil
// when the process ended (whatever its status) and an error only if it
// could not be signalled or did not die.
func (c *child) stop(timeout time.Duration) error {
	c.mu.Lock()
	c.stopping = true
	c.mu.Unlock()
	if c.exited() {
		return nil
	}
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("%s: SIGTERM: %w", c.name, err)
	}
	select {
	case <-c.done:
		return nil
	case <-time.After(timeout):
	}
	if err := c.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("%s: SIGKILL: %w", c.name, err)
	}
	select {
	case <-c.done:
		return fmt.Errorf("%s (pid %d) ignored SIGTERM for %s and was killed", c.name, c.pid(), timeout)
	case <-time.After(5 * time.Second):
		return fmt.Errorf("%s (pid %d) survived SIGKILL", c.name, c.pid())
	}
}

// openLog opens a component log for appending, creating its directory.
func openLog(path string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("log %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("log %s: %w", path, err)
	}
	return f, nil
}
