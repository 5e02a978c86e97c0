// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title IInference
/// @notice Native (precompiled) inference of paichain, at
///         0x0000000000000000000000000000000000000A03. A contract calls infer();
///         the result is delivered by the sequencer's inference signer in a
///         receipt transaction (fulfill) placed in the same block, immediately
///         before the transaction that consumes it. Verifiers rebuild blocks from
///         transactions alone, so the output is ordinary calldata of that receipt
///         transaction and replays exactly.
/// @dev Implemented in Go (precompiles/inference.go); docs/precompiles.md has the
///      request-id rule, the receipt lifecycle, the storage layout and the gas.
///      Lifecycle of a request id: None -> Fulfilled | Failed (fulfill, block N);
///      Fulfilled -> Consumed (infer in block N); Fulfilled | Failed -> Swept
///      (sweep in a block after N). A
///      receipt is usable only in the block it was fulfilled in; each request id
///      is fulfilled at most once and consumed at most once. Payment goes through
///      the Attribution ledger (0x...0A02): Paid and Credited are emitted there.
interface IInference {
    /// @notice Sampler settings of a request, as integers. The engine runs with
    ///         float32(x) / 1000 (IEEE-754 single precision, round to nearest)
    ///         for the Milli fields.
    struct InferenceParams {
        uint32 temperatureMilli;
        uint32 topPMilli;
        uint32 topK;
        uint32 repetitionPenaltyMilli;
        uint32 maxTokens;
        uint64 seed;
    }

    /// @notice The sampler tuple of an inference receipt (floats as IEEE-754 bits).
    struct Sampler {
        uint32 temperature;
        uint32 topP;
        uint32 topK;
        uint32 repetitionPenalty;
        uint64 seed;
        uint32 maxTokens;
        uint32[] stopTokens;
        string[] stop;
    }

    /// @notice The engine's inference receipt commitment (inference/receipt
    ///         Commitment); receiptId = keccak256(abi.encode(receipt)).
    struct Commitment {
        uint8 version;
        string requestId;
        bytes32 modelHash;
        bytes32[] adapterHashes;
        uint64[] adapterWeights;
        string mergeMethod;
        uint64 mergeSeed;
        bytes32 promptHash;
        uint32 promptTokens;
        Sampler sampler;
        string engineVersion;
        string determinism;
        bytes32 outputHash;
        uint32 outputTokens;
        bytes32 outputTextHash;
        string finishReason;
    }

    enum Status {
        None,
        Fulfilled,
        Failed,
        Consumed,
        Swept
    }

    /// @notice A stored receipt as getReceipt returns it. After Consumed or
    ///         Swept only status, fulfilledAt and receiptId remain.
    struct Receipt {
        Status status;
        uint64 fulfilledAt;
        bytes32 receiptId;
        uint256 modelId;
        uint256[] adapterIds;
        bytes output;
        address[] contributors;
        uint256[] weights;
    }

    event InferenceFulfilled(
        bytes32 indexed requestId, bytes32 indexed receiptId, uint256 indexed modelId, Status status, uint32 outputTokens
    );
    event InferenceServed(
        bytes32 indexed requestId, bytes32 indexed receiptId, uint256 indexed modelId, address payer, uint256 amount
    );
    event ReceiptSwept(bytes32 indexed requestId, Status status);
    event InferenceSignerSet(address indexed previousSigner, address indexed newSigner);

    /// @notice No usable receipt for this request in this block: the sequencer
    ///         detects this revert in simulation and dispatches the inference.
    error InferenceRequired(bytes32 requestId, uint256 modelId, address origin, uint64 nonce, uint32 callIndex);
    /// @notice The receipt was fulfilled in an earlier block.
    error ReceiptExpired(bytes32 requestId, uint64 fulfilledAt);
    /// @notice The sequencer reported that the inference failed.
    error InferenceUnavailable(bytes32 requestId);
    /// @notice The receipt was already consumed or swept.
    error ReceiptConsumed(bytes32 requestId);
    /// @notice The stored receipt is not for this request's model, adapters or sampler.
    error ReceiptMismatch(bytes32 requestId);
    error NotInferenceSigner(address caller);
    error WrongChain(uint256 expected, uint256 got);
    error UnsupportedReceiptVersion(uint8 version);
    /// @notice receipt.requestId is not the lower-case 0x-hex of the request id.
    error RequestIdMismatch(bytes32 requestId);
    error AlreadyFulfilled(bytes32 requestId, Status status);
    error UnknownModelHash(bytes32 modelHash);
    error UnknownAdapterHash(bytes32 adapterHash);
    /// @notice output or outputTokenIds do not match the receipt's hashes or counts.
    error OutputMismatch(bytes32 requestId);
    error TooManyAdapters(uint256 count, uint256 max);
    error TooLong(uint256 length, uint256 max);
    error UnknownModel(uint256 modelId);
    error UnknownAdapter(uint256 adapterId);
    error AdapterModelMismatch(uint256 adapterId, uint256 modelId);
    error InsufficientPayment(uint256 required, uint256 sent);
    error TooManyContributors(uint256 count, uint256 max);
    error LengthMismatch();
    error NotGovernance();
    /// @notice Malformed or non-canonical ABI input, or a value out of range.
    error InvalidInput();
    error UnknownSelector(bytes4 selector);
    error NonPayable();
    error WriteProtection();
    error DelegateCallNotAllowed();

    /// @notice Runs a model (with optional merged adapters) on a prompt. Returns
    ///         the output of this block's receipt for the request and pays
    ///         msg.value (at least the model's plus the adapters' weiPerCall)
    ///         through Attribution, to the model owner, adapter owners and the
    ///         receipt's data contributors. Without a receipt it reverts with
    ///         InferenceRequired.
    /// @param adapterWeights merge weights in parts per million (1e6 = 1.0), one per adapter.
    /// @param prompt at most 8192 bytes, UTF-8 text given to the model's tokenizer.
    function infer(
        uint256 modelId,
        uint256[] calldata adapterIds,
        uint256[] calldata adapterWeights,
        bytes calldata prompt,
        InferenceParams calldata params
    ) external payable returns (bytes memory output, bytes32 receiptId);

    /// @notice Inference signer only: stores the receipt for requestId, usable by
    ///         infer in this block only.
    /// @param status Fulfilled, or Failed (then output, outputTokenIds and
    ///        contributors must be empty and infer reverts InferenceUnavailable).
    /// @param output the output text, keccak256(output) == receipt.outputTextHash; at most 16384 bytes.
    /// @param outputTokenIds the output token ids as big-endian uint32s,
    ///        keccak256 == receipt.outputHash; at most 4096 ids.
    /// @param weights attribution weights, each below 2^96, not all zero.
    function fulfill(
        bytes32 requestId,
        uint256 chainId,
        Status status,
        Commitment calldata receipt,
        bytes calldata output,
        bytes calldata outputTokenIds,
        address[] calldata contributors,
        uint256[] calldata weights
    ) external;

    /// @notice Anyone: clears receipts fulfilled in an earlier block and never
    ///         consumed (status becomes Swept). Other ids are skipped.
    /// @return swept how many receipts were cleared.
    function sweep(bytes32[] calldata requestIds) external returns (uint256 swept);

    /// @notice Attribution's governance only; the zero address pauses fulfillment.
    function setInferenceSigner(address signer) external;

    function inferenceSigner() external view returns (address);
    function getReceipt(bytes32 requestId) external view returns (Receipt memory);

    /// @notice The request id infer computes for these arguments, sent by a
    ///         transaction from origin with nonce, as the callIndex-th consumed
    ///         infer call of that transaction, on this chain.
    function requestIdFor(
        address origin,
        uint64 nonce,
        uint32 callIndex,
        uint256 modelId,
        uint256[] calldata adapterIds,
        uint256[] calldata adapterWeights,
        bytes calldata prompt,
        InferenceParams calldata params
    ) external view returns (bytes32);
}
