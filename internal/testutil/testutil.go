// Package testutil finds the files tests share: the repository root, the
// project's ../shared directory and the npm tools `make tools` installs.
package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot is the directory holding the main module's go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("testutil: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "Makefile")); err == nil {
				return dir
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("testutil: repository root not found above %s", dir)
		}
		dir = parent
	}
}

// SharedFile is a file under ../shared beside the repository (CI places it
// there). A missing file fails the test: CI always has it.
func SharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("testutil: shared file %s missing (expected ../shared beside the repo): %v", rel, err)
	}
	return p
}

// ToolFile is a file under build/tools/node_modules, installed by `make tools`.
func ToolFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "build", "tools", "node_modules", rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("testutil: %s missing; run `make tools`: %v", rel, err)
	}
	return p
}
