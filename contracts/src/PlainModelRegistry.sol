// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title PlainModelRegistry
/// @notice The model-registration path of the ModelRegistry precompile written
///         as an ordinary contract: the same checks, the same event and the
///         same storage writes (model count; owner, weights hash and
///         registration block at a per-model base slot; name and uri each as a
///         length word followed by 32-byte chunks; the weights-hash index). It
///         is the baseline of the block-import benchmark
///         (node/chaintest BenchmarkImportRegisterModel), not a paichain
///         contract.
contract PlainModelRegistry {
    uint256 private constant MODELS = 0x1000;
    uint256 private constant BY_HASH = 0x1001;
    uint256 private constant NAME = 4; // length, then up to 2 words
    uint256 private constant URI = 7; // length, then up to 8 words

    uint256 public modelCount;

    event ModelRegistered(uint256 indexed modelId, address indexed owner, bytes32 weightsHash);

    error DuplicateModel(bytes32 weightsHash, uint256 modelId);
    error TooLong(uint256 length, uint256 max);
    error InvalidInput();

    function registerModel(string calldata name, bytes32 weightsHash, string calldata uri)
        external
        returns (uint256 modelId)
    {
        if (bytes(name).length == 0 || weightsHash == bytes32(0)) revert InvalidInput();
        if (bytes(name).length > 64) revert TooLong(bytes(name).length, 64);
        if (bytes(uri).length > 256) revert TooLong(bytes(uri).length, 256);
        uint256 hashSlot = uint256(keccak256(abi.encode(weightsHash, BY_HASH)));
        uint256 prev;
        assembly {
            prev := sload(hashSlot)
        }
        if (prev != 0) revert DuplicateModel(weightsHash, prev);
        modelId = ++modelCount;
        uint256 base = uint256(keccak256(abi.encode(modelId, MODELS)));
        address owner = msg.sender;
        assembly {
            sstore(base, owner)
            sstore(add(base, 1), weightsHash)
            sstore(add(base, 3), number())
            sstore(hashSlot, modelId)
        }
        _storeString(base + NAME, name);
        _storeString(base + URI, uri);
        emit ModelRegistered(modelId, msg.sender, weightsHash);
    }

    /// @notice Returns a stored string (for tests of the baseline itself).
    function nameOf(uint256 modelId) external view returns (string memory) {
        return _loadString(uint256(keccak256(abi.encode(modelId, MODELS))) + NAME);
    }

    function _storeString(uint256 slot, string calldata s) private {
        uint256 len = bytes(s).length;
        assembly {
            sstore(slot, len)
            for { let i := 0 } lt(mul(i, 32), len) { i := add(i, 1) } {
                let w := calldataload(add(s.offset, mul(i, 32)))
                let rest := sub(len, mul(i, 32))
                if lt(rest, 32) { w := and(w, not(sub(shl(mul(sub(32, rest), 8), 1), 1))) }
                sstore(add(slot, add(i, 1)), w)
            }
        }
    }

    function _loadString(uint256 slot) private view returns (string memory s) {
        uint256 len;
        assembly {
            len := sload(slot)
        }
        s = new string(len);
        assembly {
            for { let i := 0 } lt(mul(i, 32), len) { i := add(i, 1) } {
                mstore(add(add(s, 32), mul(i, 32)), sload(add(slot, add(i, 1))))
            }
        }
    }
}
