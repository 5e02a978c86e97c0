package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDevnetBinary(t *testing.T) {
	exeDir, workDir := t.TempDir(), t.TempDir()
	exe := filepath.Join(exeDir, "paichain")
	beside := filepath.Join(exeDir, "paichain-devnet")
	underBin := filepath.Join(workDir, "bin", "paichain-devnet")
	write := func(t *testing.T, path string, mode os.FileMode) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"), mode); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		setup   func(t *testing.T)
		want    string
		wantErr string
	}{
		{"missing names the make target", func(*testing.T) {}, "", "make devnet-deps"},
		{"not executable is missing", func(t *testing.T) { write(t, beside, 0o644) }, "", "make devnet-deps"},
		{"under bin of the working dir", func(t *testing.T) { write(t, underBin, 0o755) }, underBin, ""},
		{"next to paichain wins", func(t *testing.T) { write(t, beside, 0o755); write(t, underBin, 0o755) }, beside, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(beside)
			os.RemoveAll(filepath.Join(workDir, "bin"))
			tt.setup(t)
			got, err := devnetBinary(exe, workDir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
