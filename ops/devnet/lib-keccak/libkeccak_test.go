// Package libkeccak tests ops/devnet/lib-keccak/contracts/lib/LibKeccak.sol,
// our stand-in for the lib-keccak submodule contracts-bedrock's
// PreimageOracle uses: the sponge built from its pad/absorb/permutation/
// squeeze must equal Keccak-256 for every input length.
package libkeccak

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm/runtime"
	"github.com/ethereum/go-ethereum/crypto"
)

const harness = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.15;

import { LibKeccak } from "LibKeccak.sol";

contract Harness {
    function hash(bytes calldata data) external pure returns (bytes32) {
        bytes memory padded = LibKeccak.pad(data);
        LibKeccak.StateMatrix memory s;
        for (uint256 off = 0; off < padded.length; off += LibKeccak.BLOCK_SIZE_BYTES) {
            bytes memory blk = new bytes(LibKeccak.BLOCK_SIZE_BYTES);
            for (uint256 i = 0; i < blk.length; i++) {
                blk[i] = padded[off + i];
            }
            LibKeccak.absorb(s, blk);
            LibKeccak.permutation(s);
        }
        return LibKeccak.squeeze(s);
    }

    function absorbShort(bytes calldata data) external pure {
        LibKeccak.StateMatrix memory s;
        LibKeccak.absorb(s, data);
    }
}
`

const harnessABI = `[
 {"type":"function","name":"hash","stateMutability":"pure","inputs":[{"name":"data","type":"bytes"}],"outputs":[{"name":"","type":"bytes32"}]},
 {"type":"function","name":"absorbShort","stateMutability":"pure","inputs":[{"name":"data","type":"bytes"}],"outputs":[]}
]`

// compile builds the harness with solc-js 0.8.15 from build/devnet-tools
// through ops/devnet/solc-heap.js, the same compiler path forge uses.
func compile(t *testing.T) []byte {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	soljson := filepath.Join(root, "build/devnet-tools/node_modules/solc-0.8.15/soljson.js")
	if _, err := os.Stat(soljson); err != nil {
		t.Skipf("solc-js not installed (%v): run `make devnet-deps`", err)
	}
	lib, err := os.ReadFile("contracts/lib/LibKeccak.sol")
	if err != nil {
		t.Fatal(err)
	}
	input, err := json.Marshal(map[string]any{
		"language": "Solidity",
		"sources": map[string]any{
			"LibKeccak.sol": map[string]string{"content": string(lib)},
			"Harness.sol":   map[string]string{"content": harness},
		},
		"settings": map[string]any{
			"outputSelection": map[string]any{"Harness.sol": map[string]any{"Harness": []string{"evm.bytecode.object"}}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join(root, "ops/devnet/solc-heap.js"), soljson, "--standard-json")
	cmd.Stdin = bytes.NewReader(input)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("solc: %v", err)
	}
	var res struct {
		Errors []struct {
			Severity, FormattedMessage string
		}
		Contracts map[string]map[string]struct {
			EVM struct {
				Bytecode struct{ Object string }
			}
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("solc output: %v", err)
	}
	var msgs []string
	for _, e := range res.Errors {
		msgs = append(msgs, e.FormattedMessage)
	}
	if len(msgs) > 0 {
		// Warnings count too: contracts-bedrock builds with deny = "warnings".
		t.Fatalf("solc diagnostics:\n%s", strings.Join(msgs, "\n"))
	}
	return common.FromHex(res.Contracts["Harness.sol"]["Harness"].EVM.Bytecode.Object)
}

func TestLibKeccakMatchesKeccak256(t *testing.T) {
	code := compile(t)
	cfg := &runtime.Config{GasLimit: 1 << 40}
	_, addr, _, err := runtime.Create(code, cfg)
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	parsed, err := abi.JSON(strings.NewReader(harnessABI))
	if err != nil {
		t.Fatal(err)
	}
	// Lengths around the 136-byte rate: empty, 135 (a single 0x81 pad
	// byte), 136 (a whole extra pad block) and multi-block inputs.
	for _, n := range []int{0, 1, 31, 32, 135, 136, 137, 271, 272, 273, 500} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			data := make([]byte, n)
			for i := range data {
				data[i] = byte(i*7 + n)
			}
			input, err := parsed.Pack("hash", data)
			if err != nil {
				t.Fatal(err)
			}
			ret, _, err := runtime.Call(addr, input, cfg)
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			if want := crypto.Keccak256(data); !bytes.Equal(ret, want) {
				t.Fatalf("LibKeccak(%d bytes) = %x, want %x", n, ret, want)
			}
		})
	}
}

func TestLibKeccakAbsorbRejectsShortBlock(t *testing.T) {
	code := compile(t)
	cfg := &runtime.Config{GasLimit: 1 << 40}
	_, addr, _, err := runtime.Create(code, cfg)
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	parsed, err := abi.JSON(strings.NewReader(harnessABI))
	if err != nil {
		t.Fatal(err)
	}
	input, err := parsed.Pack("absorbShort", make([]byte, 135))
	if err != nil {
		t.Fatal(err)
	}
	ret, _, err := runtime.Call(addr, input, cfg)
	if err == nil {
		t.Fatal("absorb of a 135-byte block succeeded")
	}
	// ShortBlock(uint256): selector then the length.
	sel := crypto.Keccak256([]byte("ShortBlock(uint256)"))[:4]
	if len(ret) != 36 || !bytes.Equal(ret[:4], sel) || new(big.Int).SetBytes(ret[4:]).Int64() != 135 {
		t.Fatalf("revert data %x, want ShortBlock(135)", ret)
	}
}
