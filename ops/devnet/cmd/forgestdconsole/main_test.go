package main

import (
	"bufio"
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The generated library must offer exactly the log signatures op-deployer's
// script host decodes (op-chain-ops/script/console2.txt in the optimism copy
// ops/devnet/optimism.sh prepares), and each only once per function name.
func TestSignaturesMatchScriptHost(t *testing.T) {
	want, err := os.ReadFile("../../../../build/optimism/op-chain-ops/script/console2.txt")
	if err != nil {
		t.Skipf("optimism copy missing (%v): run ops/devnet/optimism.sh", err)
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	emitAll(w)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`abi\.encodeWithSignature\("(log\([a-z0-9,]*\))"`)
	seen := map[string]bool{}
	for _, m := range re.FindAllStringSubmatch(buf.String(), -1) {
		seen[m[1]] = true
	}
	var got []string
	for s := range seen {
		got = append(got, s)
	}
	slices.Sort(got)
	wantList := strings.Fields(string(want))
	slices.Sort(wantList)
	wantList = slices.Compact(wantList)
	if !slices.Equal(got, wantList) {
		t.Fatalf("generated %d signatures, script host decodes %d", len(got), len(wantList))
	}
	// Overloads are unique per (name, parameter types).
	fns := regexp.MustCompile(`function (\w+)\(([^)]*)\)`).FindAllStringSubmatch(buf.String(), -1)
	decl := map[string]bool{}
	for _, f := range fns {
		key := f[1] + "(" + regexp.MustCompile(` memory| p\d+`).ReplaceAllString(f[2], "") + ")"
		if decl[key] {
			t.Fatalf("duplicate overload %s", key)
		}
		decl[key] = true
	}
}
