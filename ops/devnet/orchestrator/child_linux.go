package orchestrator

import "syscall"

// childSysProcAttr puts a child in its own process group and has the kernel
// send it SIGTERM when the orchestrator dies.
func childSysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
