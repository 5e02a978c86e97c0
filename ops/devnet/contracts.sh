#!/usr/bin/env bash
# Builds the contracts-bedrock forge artifacts op-deployer deploys from, into
# build/contracts-bedrock/forge-artifacts. Inputs, all pinned:
#   - the Solidity sources of optimism v1.19.6 (build/optimism, ops/devnet/optimism.sh);
#   - forge 1.7.1, solc-js 0.8.15/0.8.19/0.8.25 and the Solidity libraries from
#     npm (ops/devnet/package-lock.json, installed into build/devnet-tools);
#   - our own forge-std subset, LibKeccak, solmate powWad and EAS wrapper
#     (ops/devnet/{forge-std,lib-keccak,solmate-compat,eas-compat}), standing in
#     for the git submodules and vendored sources the module zip lacks.
# solc-js poses as native solc through ops/devnet/solc-heap.js, installed where
# forge looks for compilers ($HOME/.svm) under a private HOME in build/.
# Re-running with unchanged inputs is a no-op. FOUNDRY_PROFILE defaults to
# `lite` (no optimizer, so a faster build; the devnet does not need
# mainnet-sized bytecode).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
devnet="$root/ops/devnet"
tools="$root/build/devnet-tools"
src="$root/build/optimism/packages/contracts-bedrock"
out="$root/build/contracts-bedrock"
profile="${FOUNDRY_PROFILE:-lite}"
solc_versions=(0.8.15 0.8.19 0.8.25)

[[ -f "$root/build/optimism/.paichain-optimism" ]] || { echo "contracts: run ops/devnet/optimism.sh first (make devnet-deps)" >&2; exit 1; }
[[ -x "$tools/node_modules/.bin/forge" ]] || { echo "contracts: npm tools missing in $tools (make devnet-deps)" >&2; exit 1; }

stamp=$( (
	echo "profile=$profile"
	cat "$root/build/optimism/.paichain-optimism" "$devnet/package-lock.json" "$devnet/solc-heap.js" "$0"
	cd "$devnet" && find forge-std lib-keccak solmate-compat eas-compat cmd/forgestdconsole -type f ! -name "*_test.go" | LC_ALL=C sort | while read -r f; do echo "$f"; cat "$f"; done
) | sha256sum | cut -d' ' -f1)
if [[ -f "$out/.paichain-contracts" && "$(cat "$out/.paichain-contracts")" == "$stamp" ]]; then
	exit 0
fi

# Compilers: forge finds solc <v> at $HOME/.svm/<v>/solc-<v>.
home="$tools/home"
for v in "${solc_versions[@]}"; do
	mkdir -p "$home/.svm/$v"
	cat >"$home/.svm/$v/solc-$v" <<EOF
#!/bin/sh
exec node "$devnet/solc-heap.js" "$tools/node_modules/solc-$v/soljson.js" "\$@"
EOF
	chmod +x "$home/.svm/$v/solc-$v"
done

tmp="$out.tmp"
rm -rf "$tmp"
mkdir -p "$tmp/lib"
cp -R "$src/foundry.toml" "$src/src" "$src/scripts" "$src/interfaces" "$tmp/"
# The two test mocks the deploy scripts import; the rest of test/ (forge-std
# Test, kontrol) is not part of the deploy graph.
mkdir -p "$tmp/test/mocks"
cp "$src/test/mocks/EIP1967Helper.sol" "$src/test/mocks/AlphabetVM.sol" "$tmp/test/mocks/"
chmod -R u+w "$tmp"
# A few scripts import OpenZeppelin by its directory name; upstream's
# submodule checkout resolves that through forge's auto-remapping.
echo 'openzeppelin-contracts/=lib/openzeppelin-contracts/' >"$tmp/remappings.txt"
# forge 1.x lints on build and foundry.toml's deny = "warnings" turns the
# lints upstream's sources trip into errors; lints are upstream's business.
printf '\n[lint]\nlint_on_build = false\n' >>"$tmp/foundry.toml"

# lib/ in the layout foundry.toml's remappings expect.
nm="$tools/node_modules"
mkdir -p "$tmp/lib/openzeppelin-contracts" "$tmp/lib/openzeppelin-contracts-upgradeable" "$tmp/lib/openzeppelin-contracts-v5"
cp -R "$nm/@openzeppelin/contracts" "$tmp/lib/openzeppelin-contracts/contracts"
cp -R "$nm/@openzeppelin/contracts-upgradeable" "$tmp/lib/openzeppelin-contracts-upgradeable/contracts"
cp -R "$nm/@openzeppelin/contracts-v5" "$tmp/lib/openzeppelin-contracts-v5/contracts"
cp -R "$nm/solmate" "$tmp/lib/solmate"
cp "$devnet/solmate-compat/src/utils/FixedPointMathLib.sol" "$tmp/lib/solmate/src/utils/FixedPointMathLib.sol"
cp -R "$nm/solady" "$tmp/lib/solady"
mkdir -p "$tmp/lib/safe-contracts"
cp -R "$nm/@safe-global/safe-contracts/contracts" "$tmp/lib/safe-contracts/contracts"
cp -R "$devnet/forge-std" "$tmp/lib/forge-std"
(cd "$devnet" && go run ./cmd/forgestdconsole) >"$tmp/lib/forge-std/src/console.sol"
mkdir -p "$tmp/lib/lib-keccak/contracts/lib"
cp "$devnet/lib-keccak/contracts/lib/LibKeccak.sol" "$tmp/lib/lib-keccak/contracts/lib/"
# src/vendor/eas: npm's EAS under another file name + our no-argument EAS.
mkdir -p "$tmp/lib/eas-contracts" "$tmp/src/vendor/eas"
cp -R "$nm/@ethereum-attestation-service/eas-contracts/contracts" "$tmp/lib/eas-contracts/contracts"
mv "$tmp/lib/eas-contracts/contracts/EAS.sol" "$tmp/lib/eas-contracts/contracts/EASUpstream.sol"
cp "$devnet/eas-compat/EAS.sol" "$tmp/src/vendor/eas/EAS.sol"
mkdir -p "$tmp/lib/openzeppelin-contracts-eas"
cp -R "$nm/@openzeppelin/contracts-eas" "$tmp/lib/openzeppelin-contracts-eas/contracts"
# EAS is built against the OpenZeppelin release it was written for (4.9.3);
# a context remapping keeps that away from contracts-bedrock's own 4.7.3.
cat >>"$tmp/remappings.txt" <<'EOF'
@ethereum-attestation-service/eas-contracts/=lib/eas-contracts/
lib/eas-contracts/:@openzeppelin/contracts/=lib/openzeppelin-contracts-eas/contracts/
EOF

echo "contracts: forge build (profile $profile) in $tmp"
start=$(date +%s)
(cd "$tmp" && HOME="$home" FOUNDRY_PROFILE="$profile" "$nm/.bin/forge" build --offline --skip test)
echo "contracts: forge build took $(($(date +%s) - start)) s"

echo "$stamp" >"$tmp/.paichain-contracts"
rm -rf "$out"
mv "$tmp" "$out"
echo "contracts: build/contracts-bedrock/forge-artifacts ready"
