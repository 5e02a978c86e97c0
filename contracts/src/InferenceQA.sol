// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IInference} from "../interfaces/IInference.sol";
import {IModelRegistry} from "../interfaces/IModelRegistry.sol";

/// @title InferenceQA
/// @notice Example application of paichain's native inference: on-chain
///         yes/no question answering. ask() sends the question to a model
///         through the Inference precompile and uses the answer in the same
///         transaction: it stores the text, derives a label from it and emits
///         an event. The ether sent with ask() is forwarded to infer, which
///         pays the model owner, the adapter owner and the data contributors
///         of the receipt through the Attribution ledger.
/// @dev The first transaction's simulation reverts with
///      IInference.InferenceRequired; the sequencer then runs the model and
///      places its receipt transaction right before the user's transaction.
///      Nothing here waits or polls. Gas: eth_estimateGas on a paichain node
///      accounts for the receipt (docs/precompiles.md).
contract InferenceQA {
    IInference public constant INFERENCE = IInference(0x0000000000000000000000000000000000000a03);
    IModelRegistry public constant REGISTRY = IModelRegistry(0x0000000000000000000000000000000000000a01);

    enum Label {
        Unknown,
        Yes,
        No
    }

    struct Answer {
        address asker;
        uint64 blockNumber;
        Label label;
        bytes32 receiptId;
        string text;
    }

    /// @notice The model and optional adapter (0: none) every question goes to.
    uint256 public immutable modelId;
    uint256 public immutable adapterId;
    /// @notice Sampler settings of every question.
    IInference.InferenceParams public params;

    mapping(bytes32 questionId => Answer) private answers;

    event Answered(
        bytes32 indexed questionId, address indexed asker, bytes32 indexed receiptId, Label label, uint256 paid
    );

    error EmptyQuestion();
    error AlreadyAnswered(bytes32 questionId);
    error NotAnswered(bytes32 questionId);
    error LengthMismatch();

    /// @dev Scalars rather than IInference.InferenceParams keep the
    ///      interface's struct out of this contract's ABI (and Go binding).
    constructor(uint256 modelId_, uint256 adapterId_, uint32 temperatureMilli, uint32 topK, uint32 maxTokens, uint64 seed) {
        modelId = modelId_;
        adapterId = adapterId_;
        params = IInference.InferenceParams({
            temperatureMilli: temperatureMilli,
            topPMilli: 1000, // 1.0: no nucleus cut (the engine requires (0, 1])
            topK: topK,
            repetitionPenaltyMilli: 1000, // 1.0: no penalty
            maxTokens: maxTokens,
            seed: seed
        });
    }

    /// @notice The least msg.value ask() accepts per question: the model's
    ///         and the adapter's price in the registry now.
    function price() public view returns (uint256 wei_) {
        wei_ = REGISTRY.getModel(modelId).weiPerCall;
        if (adapterId != 0) {
            wei_ += REGISTRY.getAdapter(adapterId).weiPerCall;
        }
    }

    /// @notice Answers a question with the model; msg.value pays for it.
    function ask(bytes32 questionId, string calldata question)
        external
        payable
        returns (Label label, string memory text)
    {
        return _ask(questionId, question, msg.value);
    }

    /// @notice Answers several questions in one transaction, msg.value split
    ///         evenly (the remainder goes with the last). Each question is its
    ///         own inference request (call index 0, 1, ...).
    function askMany(bytes32[] calldata questionIds, string[] calldata questions)
        external
        payable
        returns (Label[] memory labels)
    {
        if (questionIds.length != questions.length) revert LengthMismatch();
        labels = new Label[](questions.length);
        uint256 share = questions.length == 0 ? 0 : msg.value / questions.length;
        for (uint256 i = 0; i < questions.length; i++) {
            uint256 value = i + 1 == questions.length ? msg.value - share * i : share;
            (labels[i],) = _ask(questionIds[i], questions[i], value);
        }
    }

    /// @notice A stored answer; reverts NotAnswered for unknown ids.
    function answer(bytes32 questionId) external view returns (Answer memory) {
        Answer memory a = answers[questionId];
        if (a.receiptId == bytes32(0)) revert NotAnswered(questionId);
        return a;
    }

    /// @notice The prompt sent for a question.
    function promptFor(string memory question) public pure returns (bytes memory) {
        return bytes.concat("Question: ", bytes(question), "\nAnswer (yes or no):");
    }

    /// @notice Yes if the answer's first word is "yes", No if it is "no"
    ///         (ASCII case-insensitive, leading whitespace skipped), else Unknown.
    function labelOf(bytes memory output) public pure returns (Label) {
        uint256 i = 0;
        while (i < output.length && _isSpace(output[i])) i++;
        if (_word(output, i, "yes")) return Label.Yes;
        if (_word(output, i, "no")) return Label.No;
        return Label.Unknown;
    }

    function _ask(bytes32 questionId, string calldata question, uint256 value)
        private
        returns (Label label, string memory text)
    {
        if (bytes(question).length == 0) revert EmptyQuestion();
        if (answers[questionId].receiptId != bytes32(0)) revert AlreadyAnswered(questionId);
        (bytes memory output, bytes32 receiptId) = _infer(promptFor(question), value);
        label = labelOf(output);
        text = string(output);
        answers[questionId] = Answer(msg.sender, uint64(block.number), label, receiptId, text);
        emit Answered(questionId, msg.sender, receiptId, label, value);
    }

    function _infer(bytes memory prompt, uint256 value) private returns (bytes memory, bytes32) {
        uint256 n = adapterId == 0 ? 0 : 1;
        uint256[] memory adapterIds = new uint256[](n);
        uint256[] memory weights = new uint256[](n);
        if (n == 1) {
            adapterIds[0] = adapterId;
            weights[0] = 1e6; // merge weight 1.0
        }
        return INFERENCE.infer{value: value}(modelId, adapterIds, weights, prompt, params);
    }

    function _isSpace(bytes1 c) private pure returns (bool) {
        return c == " " || c == "\n" || c == "\t" || c == "\r";
    }

    /// @dev Whether output[at:] starts with word (lower-case ASCII) followed by
    ///      a non-letter or the end.
    function _word(bytes memory output, uint256 at, bytes memory word) private pure returns (bool) {
        if (output.length < at + word.length) return false;
        for (uint256 j = 0; j < word.length; j++) {
            bytes1 c = output[at + j];
            if (c >= "A" && c <= "Z") c = bytes1(uint8(c) + 32);
            if (c != word[j]) return false;
        }
        uint256 end = at + word.length;
        if (end == output.length) return true;
        bytes1 next = output[end];
        return !((next >= "a" && next <= "z") || (next >= "A" && next <= "Z"));
    }
}
