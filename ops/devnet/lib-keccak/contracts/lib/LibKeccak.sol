// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title LibKeccak
/// @notice Keccak-256 as an explicit sponge (absorb / permutation / squeeze)
///         over a 1600-bit state, for contracts that must verify a hash one
///         136-byte block at a time (contracts-bedrock's PreimageOracle).
///         Source-compatible with the lib-keccak API contracts-bedrock uses;
///         written in plain Solidity for clarity over gas.
library LibKeccak {
    /// @notice The sponge rate of Keccak-256 in bytes (1088 bits).
    uint256 internal constant BLOCK_SIZE_BYTES = 136;

    /// @notice The 5x5 state of 64-bit lanes; lane (x, y) is state[x + 5 * y].
    ///         abi.encode of this struct is the state commitment format.
    struct StateMatrix {
        uint64[25] state;
    }

    /// @notice The input block is shorter than BLOCK_SIZE_BYTES.
    error ShortBlock(uint256 length);

    /// @notice XORs the first BLOCK_SIZE_BYTES of `_input` into the rate
    ///         lanes, each read little-endian.
    function absorb(StateMatrix memory _stateMatrix, bytes memory _input) internal pure {
        if (_input.length < BLOCK_SIZE_BYTES) revert ShortBlock(_input.length);
        for (uint256 i = 0; i < BLOCK_SIZE_BYTES / 8; i++) {
            uint64 lane = 0;
            for (uint256 b = 0; b < 8; b++) {
                lane |= uint64(uint8(_input[i * 8 + b])) << uint64(8 * b);
            }
            _stateMatrix.state[i] ^= lane;
        }
    }

    /// @notice Applies keccak-f[1600] (24 rounds) to the state in place.
    function permutation(StateMatrix memory _stateMatrix) internal pure {
        uint64[25] memory a = _stateMatrix.state;
        uint64[25] memory b;
        uint64[5] memory c;
        for (uint256 round = 0; round < 24; round++) {
            // theta
            for (uint256 x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (uint256 x = 0; x < 5; x++) {
                uint64 d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
                for (uint256 y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            // rho and pi: lane (x, y) rotated moves to (y, 2x + 3y)
            for (uint256 x = 0; x < 5; x++) {
                for (uint256 y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], rotation(x + 5 * y));
                }
            }
            // chi
            for (uint256 y = 0; y < 25; y += 5) {
                for (uint256 x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            // iota
            a[0] ^= roundConstant(round);
        }
        _stateMatrix.state = a;
    }

    /// @notice Returns the first 32 bytes of the state: the Keccak-256 digest
    ///         once the padded input has been absorbed and permuted.
    function squeeze(StateMatrix memory _stateMatrix) internal pure returns (bytes32 hash_) {
        uint256 out = 0;
        for (uint256 i = 0; i < 4; i++) {
            uint64 lane = _stateMatrix.state[i];
            for (uint256 b = 0; b < 8; b++) {
                out = (out << 8) | uint256((lane >> uint64(8 * b)) & 0xff);
            }
        }
        hash_ = bytes32(out);
    }

    /// @notice Applies Keccak's pad10*1 (0x01 ... 0x80) to a whole number of
    ///         blocks. Always appends at least one byte.
    function pad(bytes calldata _data) internal pure returns (bytes memory padded_) {
        padded_ = padMemory(_data);
    }

    /// @notice pad for input already in memory.
    function padMemory(bytes memory _data) internal pure returns (bytes memory padded_) {
        uint256 padded = (_data.length / BLOCK_SIZE_BYTES + 1) * BLOCK_SIZE_BYTES;
        padded_ = new bytes(padded);
        for (uint256 i = 0; i < _data.length; i++) {
            padded_[i] = _data[i];
        }
        padded_[_data.length] = bytes1(uint8(padded_[_data.length]) | 0x01);
        padded_[padded - 1] = bytes1(uint8(padded_[padded - 1]) | 0x80);
    }

    function rotl(uint64 _x, uint256 _n) private pure returns (uint64) {
        if (_n == 0) return _x;
        return (_x << uint64(_n)) | (_x >> uint64(64 - _n));
    }

    /// @dev The rho rotation offset of lane x + 5y.
    function rotation(uint256 _lane) private pure returns (uint256) {
        uint8[25] memory r = [
            0, 1, 62, 28, 27,
            36, 44, 6, 55, 20,
            3, 10, 43, 25, 39,
            41, 45, 15, 21, 8,
            18, 2, 61, 56, 14
        ];
        return r[_lane];
    }

    /// @dev The iota round constant of `_round`.
    function roundConstant(uint256 _round) private pure returns (uint64) {
        uint64[24] memory rc = [
            uint64(0x0000000000000001), 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
            0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
            0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
            0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
            0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
            0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008
        ];
        return rc[_round];
    }
}
