#!/usr/bin/env bash
# Runs every Go fuzz target in the module for FUZZTIME (default 3s) each.
set -euo pipefail
cd "$(dirname "$0")/../.."
fuzztime=${FUZZTIME:-3s}
n=0
for pkg in $(go list ./...); do
	for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
		echo "fuzz: $pkg $target ($fuzztime)"
		go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" >/dev/null
		n=$((n + 1))
	done
done
echo "fuzz: $n targets passed"
