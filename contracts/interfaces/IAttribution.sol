// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title IAttribution
/// @notice Native (precompiled) payment attribution ledger of paichain, at
///         0x0000000000000000000000000000000000000A02. A payment for one
///         inference call is split by the on-chain fee policy between the
///         protocol, the model owner, the adapter owner and the data
///         contributors, and credited to claimable balances; the ether stays in
///         this account until each party calls claim().
/// @dev Implemented in Go (precompiles/attribution.go). Model and adapter owners
///      and prices are read from the ModelRegistry precompile (0x...0A01) at the
///      time of payment. Must be entered with CALL or STATICCALL (DELEGATECALL
///      and CALLCODE revert with DelegateCallNotAllowed); state-changing
///      functions revert with WriteProtection inside a STATICCALL; nothing calls
///      out, so reentrancy is impossible.
///
///      Split of msg.value = v, policy in basis points (sum 10000):
///        protocol = v * protocolBps / 10000, model owner = v * modelOwnerBps / 10000,
///        adapter owner = v * adapterOwnerBps / 10000, contributors = v * dataContributorsBps / 10000
///        (each rounded down). Without an adapter (adapterId 0) the adapter
///        owner's share goes to the model owner. Contributor i receives
///        contributors * weights[i] / sum(weights), rounded down; with no
///        contributors the contributors' share goes to the adapter owner, or
///        to the model owner without an adapter. All rounding dust goes to the
///        protocol fee recipient (or, while none is set, to the model owner),
///        so the credits always sum to exactly msg.value.
interface IAttribution {
    struct FeePolicy {
        uint16 protocolBps;
        uint16 modelOwnerBps;
        uint16 adapterOwnerBps;
        uint16 dataContributorsBps;
    }

    /// @notice Who a credit was for.
    enum Role {
        Protocol,
        ModelOwner,
        AdapterOwner,
        DataContributor
    }

    event Paid(
        address indexed payer,
        uint256 indexed modelId,
        uint256 indexed adapterId,
        uint256 amount,
        uint256 protocolAmount,
        uint256 modelOwnerAmount,
        uint256 adapterOwnerAmount,
        uint256 contributorsAmount
    );
    /// @notice One per non-zero credit of a payment.
    event Credited(address indexed account, uint256 indexed modelId, Role role, uint256 amount);
    event Claimed(address indexed account, uint256 amount);
    event FeePolicySet(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps);
    event GovernanceTransferred(address indexed previousGovernance, address indexed newGovernance);
    event ProtocolFeeRecipientSet(address indexed recipient);

    error NotGovernance();
    error UnknownModel(uint256 modelId);
    error UnknownAdapter(uint256 adapterId);
    /// @notice The adapter is not an adapter of the model paid for.
    error AdapterModelMismatch(uint256 adapterId, uint256 modelId);
    /// @notice msg.value is below the model's plus the adapter's weiPerCall.
    error InsufficientPayment(uint256 required, uint256 sent);
    error TooManyContributors(uint256 count, uint256 max);
    /// @notice contributors and weights differ in length.
    error LengthMismatch();
    /// @notice Shares must each be at most 10000 and sum to 10000.
    error InvalidFeePolicy();
    error NothingToClaim();
    /// @notice Malformed or non-canonical ABI input, a contributor that is the
    ///         zero address or a paichain precompile, all-zero weights, or a
    ///         zero address where one is needed.
    error InvalidInput();
    error UnknownSelector(bytes4 selector);
    error NonPayable();
    error WriteProtection();
    error DelegateCallNotAllowed();

    /// @notice Pays for one inference call and credits the parties.
    /// @dev Requires msg.value >= model.weiPerCall + adapter.weiPerCall (see
    ///      quote); any excess is split the same way. At most 64 contributors;
    ///      weights are relative (any scale), at least one must be non-zero when
    ///      contributors are given. Duplicate contributors are credited twice.
    /// @param adapterId 0 for a call to the base model alone.
    function payForCall(uint256 modelId, uint256 adapterId, address[] calldata contributors, uint256[] calldata weights)
        external
        payable;

    /// @notice The minimum msg.value payForCall accepts for this model and adapter.
    function quote(uint256 modelId, uint256 adapterId) external view returns (uint256 weiRequired);

    /// @notice Transfers the caller's whole claimable balance to the caller.
    /// @return amount the wei transferred; reverts with NothingToClaim if zero.
    function claim() external returns (uint256 amount);

    function claimable(address account) external view returns (uint256);
    function feePolicy() external view returns (FeePolicy memory);
    function governance() external view returns (address);
    function protocolFeeRecipient() external view returns (address);

    /// @notice Governance only.
    function setFeePolicy(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps)
        external;
    /// @notice Governance only; newGovernance must not be the zero address.
    function setGovernance(address newGovernance) external;
    /// @notice Governance only; the zero address sends the protocol share to the model owner.
    function setProtocolFeeRecipient(address recipient) external;
}
