#!/usr/bin/env bash
# Prepares build/optimism, the optimism module copy ops/devnet/go.mod replaces
# github.com/ethereum-optimism/optimism with: the pristine v1.19.6 module from
# the Go module cache (its h1 hash checked against the pin below) plus the
# generated op-core/superchain/superchain-configs.zip the module zip lacks,
# written by our own ops/devnet/cmd/superchainzip. Re-running with unchanged
# inputs is a no-op.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=v1.19.6
want_sum="h1:p+9rGYPtGy8rBFU+w8z3GmzT5qT0M1Az+GzTvDpvEr4="
out="$root/build/optimism"
devnet="$root/ops/devnet"

stamp=$( (echo "$version $want_sum"; cd "$devnet" && find cmd/superchainzip -type f ! -name "*_test.go" | LC_ALL=C sort | xargs cat) | sha256sum | cut -d' ' -f1)
if [[ -f "$out/.paichain-optimism" && "$(cat "$out/.paichain-optimism")" == "$stamp" ]]; then
	exit 0
fi

# The h1 hash Go computes over the downloaded module zip must equal the pin
# above, which ties the copy to exactly this release; that pin stands in for a
# go.sum line (go.mod replaces the module, so `go mod tidy` keeps none) and
# for a checksum-database lookup.
info=$(cd "$devnet" && GOFLAGS=-mod=mod GONOSUMDB=github.com/ethereum-optimism/optimism \
	go mod download -json "github.com/ethereum-optimism/optimism@$version")
src=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
sum=$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p')
if [[ "$sum" != "$want_sum" ]]; then
	echo "optimism: module sum $sum != pinned $want_sum" >&2
	exit 1
fi

tmp="$out.tmp"
rm -rf "$tmp"
mkdir -p "$(dirname "$out")"
cp -R "$src" "$tmp"
chmod -R u+w "$tmp"
# go.mod's replace must resolve while superchainzip itself is built, so the
# copy takes the final path before the zip is generated into it.
rm -rf "$out"
mv "$tmp" "$out"
(cd "$devnet" && go run ./cmd/superchainzip -dir "$out/op-core/superchain")
echo "$stamp" >"$out/.paichain-optimism"
echo "optimism: build/optimism = optimism $version + generated superchain-configs.zip"
