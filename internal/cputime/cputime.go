// Package cputime reads the CPU time a process has used. Benchmarks report
// it beside wall time: on a shared, loaded machine wall time measures the
// queue for a core, CPU time the work itself.
package cputime
