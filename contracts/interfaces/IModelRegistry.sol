// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title IModelRegistry
/// @notice Native (precompiled) model and adapter registry of paichain, at
///         0x0000000000000000000000000000000000000A01. It records who owns a set
///         of model weights, which LoRA adapters derive from which base model,
///         the commitment to the data set an adapter was trained on, and the
///         price per inference call. Ids start at 1; 0 means "none".
/// @dev Implemented in Go (precompiles/modelregistry.go), not in EVM bytecode.
///      It must be entered with CALL or STATICCALL: DELEGATECALL and CALLCODE
///      revert with DelegateCallNotAllowed. State-changing functions revert with
///      WriteProtection inside a STATICCALL. No function calls out, so
///      reentrancy is impossible. Errors are Solidity custom errors, returned
///      with REVERT semantics (unused gas is returned to the caller).
interface IModelRegistry {
    /// @notice A registered base model.
    struct Model {
        address owner;        // receives the model owner's share of payments
        bytes32 weightsHash;  // commitment to the weights (e.g. sha256 of the file)
        uint256 weiPerCall;   // price of one inference call, 0 = free
        uint64 registeredAt;  // block number of registration
        string name;          // 1..64 bytes
        string uri;           // 0..256 bytes, where to fetch the weights
    }

    /// @notice A registered adapter (e.g. LoRA) on top of a base model.
    struct Adapter {
        address owner;        // receives the adapter owner's share of payments
        uint256 baseModelId;  // lineage: the model this adapter was trained for
        bytes32 adapterHash;  // commitment to the adapter weights
        bytes32 datanetRoot;  // commitment (e.g. Merkle root) to the training data set
        uint256 weiPerCall;   // surcharge per call on top of the model's price
        uint64 registeredAt;  // block number of registration
        string uri;           // 0..256 bytes
    }

    event ModelRegistered(uint256 indexed modelId, address indexed owner, bytes32 weightsHash);
    event AdapterRegistered(
        uint256 indexed adapterId,
        uint256 indexed baseModelId,
        address indexed owner,
        bytes32 adapterHash,
        bytes32 datanetRoot
    );
    event ModelPriceSet(uint256 indexed modelId, uint256 weiPerCall);
    event ModelTransferred(uint256 indexed modelId, address indexed from, address indexed to);
    event AdapterPriceSet(uint256 indexed adapterId, uint256 weiPerCall);
    event AdapterTransferred(uint256 indexed adapterId, address indexed from, address indexed to);

    /// @notice The caller does not own the model or adapter.
    error NotOwner();
    error UnknownModel(uint256 modelId);
    error UnknownAdapter(uint256 adapterId);
    /// @notice A weights (or adapter) hash can be registered only once.
    error DuplicateModel(bytes32 weightsHash, uint256 modelId);
    error DuplicateAdapter(bytes32 adapterHash, uint256 adapterId);
    /// @notice A string argument is longer than its bound.
    error TooLong(uint256 length, uint256 max);
    /// @notice Malformed or non-canonical ABI input, a zero hash, an empty name
    ///         or the zero address where an owner is expected.
    error InvalidInput();
    error UnknownSelector(bytes4 selector);
    /// @notice Value sent to a function that is not payable (all of them here).
    error NonPayable();
    /// @notice State-changing function called inside a STATICCALL.
    error WriteProtection();
    error DelegateCallNotAllowed();

    /// @notice Registers a base model; the caller becomes its owner.
    /// @param name 1..64 bytes.
    /// @param weightsHash non-zero, not registered before.
    /// @param uri 0..256 bytes.
    /// @return modelId the new model's id (1, 2, ...).
    function registerModel(string calldata name, bytes32 weightsHash, string calldata uri)
        external
        returns (uint256 modelId);

    /// @notice Registers an adapter of an existing base model; the caller becomes its owner.
    /// @param baseModelId an existing model.
    /// @param adapterHash non-zero, not registered before.
    /// @param uri 0..256 bytes.
    /// @param datanetRoot commitment to the training data set (may be zero).
    /// @return adapterId the new adapter's id (1, 2, ...).
    function registerAdapter(uint256 baseModelId, bytes32 adapterHash, string calldata uri, bytes32 datanetRoot)
        external
        returns (uint256 adapterId);

    /// @notice Owner only.
    function setModelPrice(uint256 modelId, uint256 weiPerCall) external;
    /// @notice Owner only; newOwner must not be the zero address.
    function transferModel(uint256 modelId, address newOwner) external;
    /// @notice Owner of the adapter only.
    function setAdapterPrice(uint256 adapterId, uint256 weiPerCall) external;
    /// @notice Owner of the adapter only; newOwner must not be the zero address.
    function transferAdapter(uint256 adapterId, address newOwner) external;

    /// @notice Reverts with UnknownModel for an id that was never registered.
    function getModel(uint256 modelId) external view returns (Model memory);
    /// @notice Reverts with UnknownAdapter for an id that was never registered.
    function getAdapter(uint256 adapterId) external view returns (Adapter memory);
    function modelCount() external view returns (uint256);
    function adapterCount() external view returns (uint256);
    /// @return modelId the model registered with this weights hash, 0 if none.
    function modelIdByWeightsHash(bytes32 weightsHash) external view returns (uint256 modelId);
    /// @return adapterId the adapter registered with this hash, 0 if none.
    function adapterIdByHash(bytes32 adapterHash) external view returns (uint256 adapterId);
}
