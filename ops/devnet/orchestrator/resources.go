package orchestrator

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat CPU times (100 on
// every Linux architecture Go supports).
const clockTicks = 100

// ProcUsage is one devnet process's memory and CPU use, from /proc.
type ProcUsage struct {
	Name    string
	PID     int
	RSS     uint64        // resident set size now, bytes
	PeakRSS uint64        // VmHWM: peak resident set size, bytes
	CPU     time.Duration // user + system CPU time since the process started
}

// Processes lists a running devnet's processes: the orchestrator (which
// runs L1, op-nodes, batcher and proposer) and its children.
func (p *PidFile) Processes() map[string]int {
	procs := map[string]int{"orchestrator": p.PID}
	for name, pid := range p.Children {
		procs[name] = pid
	}
	return procs
}

// SampleUsage reads /proc for every process, sorted by name. Processes
// that have exited are left out.
func SampleUsage(procs map[string]int) []ProcUsage {
	var out []ProcUsage
	for name, pid := range procs {
		u, err := procUsage(pid)
		if err != nil {
			continue
		}
		u.Name = name
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func procUsage(pid int) (ProcUsage, error) {
	u := ProcUsage{PID: pid}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return u, err
	}
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch k {
		case "VmRSS":
			u.RSS = parseKB(v)
		case "VmHWM":
			u.PeakRSS = parseKB(v)
		}
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return u, err
	}
	// Fields after the parenthesised command name (which may hold spaces):
	// state is field 3, utime 14, stime 15.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return u, fmt.Errorf("/proc/%d/stat: no command name", pid)
	}
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 13 {
		return u, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	utime, err1 := strconv.ParseUint(f[11], 10, 64)
	stime, err2 := strconv.ParseUint(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return u, fmt.Errorf("/proc/%d/stat: bad CPU times", pid)
	}
	u.CPU = time.Duration(utime+stime) * time.Second / clockTicks
	return u, nil
}

// parseKB reads a /proc "1234 kB" value as bytes.
func parseKB(v string) uint64 {
	n, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
	if err != nil {
		return 0
	}
	return n << 10
}

// FormatUsage renders two samples taken window apart: RSS, peak RSS, CPU
// time and the CPU share over the window, per process and in total.
func FormatUsage(before, after []ProcUsage, window time.Duration) string {
	prev := make(map[string]ProcUsage, len(before))
	for _, u := range before {
		prev[u.Name] = u
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  %-18s %7s %9s %9s %10s %8s\n", "process", "pid", "RSS MiB", "peak MiB", "CPU s", "CPU %")
	var tot ProcUsage
	var totShare float64
	for _, u := range after {
		share := 0.0
		if p, ok := prev[u.Name]; ok && p.PID == u.PID && window > 0 {
			share = 100 * float64(u.CPU-p.CPU) / float64(window)
		}
		fmt.Fprintf(&b, "  %-18s %7d %9.1f %9.1f %10.1f %8.1f\n", u.Name, u.PID, mib(u.RSS), mib(u.PeakRSS), u.CPU.Seconds(), share)
		tot.RSS += u.RSS
		tot.PeakRSS += u.PeakRSS
		tot.CPU += u.CPU
		totShare += share
	}
	fmt.Fprintf(&b, "  %-18s %7s %9.1f %9.1f %10.1f %8.1f\n", "total", "", mib(tot.RSS), mib(tot.PeakRSS), tot.CPU.Seconds(), totShare)
	fmt.Fprintf(&b, "  (CPU %% over the last %s; 100%% = one core; peak is each process's own high-water mark)\n", window)
	return b.String()
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
