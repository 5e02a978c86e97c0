#!/usr/bin/env bash
# Runs every Go fuzz target in the module for FUZZTIME (default 3s) each.
set -euo pipefail
cd "$(dirname "$0")/../.."
fuzztime=${FUZZTIME:-3s}
n=0
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "fuzz: $pkg $target ($fuzztime)"
		if ! out=$(go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" 2>&1); then
			echo "$out" >&2
			echo "fuzz: $pkg $target FAILED (a crasher, if any, is under testdata/fuzz/$target)" >&2
			exit 1
		fi
		n=$((n + 1))
	done
done
echo "fuzz: $n targets passed"
