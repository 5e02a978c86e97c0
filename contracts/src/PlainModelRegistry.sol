// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title PlainModelRegistry
/// @notice The model-registration path of the ModelRegistry precompile written
///         as an ordinary contract: same checks, same storage slots written
///         (count, owner, weights hash, registration block, name, uri, hash
///         index) and the same event. It is the baseline the block-import
///         benchmark compares the precompile against; it is not deployed on
///         paichain.
contract PlainModelRegistry {
    struct Model {
        address owner;
        bytes32 weightsHash;
        uint256 weiPerCall;
        uint64 registeredAt;
        string name;
        string uri;
    }

    uint256 public modelCount;
    mapping(uint256 => Model) private models;
    mapping(bytes32 => uint256) public modelIdByWeightsHash;

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
        uint256 prev = modelIdByWeightsHash[weightsHash];
        if (prev != 0) revert DuplicateModel(weightsHash, prev);
        modelId = ++modelCount;
        Model storage m = models[modelId];
        m.owner = msg.sender;
        m.weightsHash = weightsHash;
        m.registeredAt = uint64(block.number);
        m.name = name;
        m.uri = uri;
        modelIdByWeightsHash[weightsHash] = modelId;
        emit ModelRegistered(modelId, msg.sender, weightsHash);
    }
}
