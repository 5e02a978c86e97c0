#!/usr/bin/env bash
# Builds the patched op-geth tree that go.mod replaces go-ethereum with:
# pristine module from the module cache (checked by `go mod verify` against
# node/upstream/go.sum) + node/patches/*.patch, in the git-ignored build/op-geth.
# Re-running with unchanged patches is a no-op.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/op-geth"
patches=("$root"/node/patches/*.patch)

# build/ is its own (empty) module so `go ... ./...` in the repository never
# descends into the build trees kept there.
mkdir -p "$root/build"
[[ -f "$root/build/go.mod" ]] || printf 'module github.com/paichain/paichain/build\n\ngo 1.24.0\n' >"$root/build/go.mod"

cd "$root/node/upstream"
go mod download github.com/ethereum/go-ethereum
src=$(go list -m -f '{{.Dir}}' github.com/ethereum/go-ethereum)
stamp=$( (go list -m github.com/ethereum/go-ethereum; cat "${patches[@]}") | sha256sum | cut -d' ' -f1)
if [[ -f "$out/.paichain-fork" && "$(cat "$out/.paichain-fork")" == "$stamp" ]]; then
	exit 0
fi
go mod verify >/dev/null || { echo "fork: op-geth in the module cache does not match node/upstream/go.sum" >&2; exit 1; }

tmp="$out.tmp"
rm -rf "$tmp"
mkdir -p "$(dirname "$out")"
cp -R "$src" "$tmp"
chmod -R u+w "$tmp"
for p in "${patches[@]}"; do
	if ! patch -d "$tmp" -p1 --forward --no-backup-if-mismatch --quiet <"$p"; then
		echo "fork: $(basename "$p") does not apply to $(go list -m github.com/ethereum/go-ethereum); see node/patches/README.md" >&2
		exit 1
	fi
done
echo "$stamp" >"$tmp/.paichain-fork"
rm -rf "$out"
mv "$tmp" "$out"
echo "fork: build/op-geth = $(go list -m github.com/ethereum/go-ethereum) + ${#patches[@]} patch(es)"
