// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IModelRegistry} from "../interfaces/IModelRegistry.sol";
import {IAttribution} from "../interfaces/IAttribution.sol";

/// @title PaidModelCaller
/// @notice An application contract that owns a model in the paichain
///         ModelRegistry precompile, pays for inference calls through the
///         Attribution precompile and turns their custom errors into results
///         with try/catch. It exercises the precompiles from contract code:
///         msg.sender seen by the precompile is this contract, value flows in
///         and out of it, and reverts come back as decodable errors.
contract PaidModelCaller {
    IModelRegistry public constant REGISTRY = IModelRegistry(0x0000000000000000000000000000000000000a01);
    IAttribution public constant ATTRIBUTION = IAttribution(0x0000000000000000000000000000000000000a02);

    address public immutable owner;
    /// @notice The last model this contract registered.
    uint256 public modelId;

    event ModelCreated(uint256 indexed modelId);
    event CallPaid(uint256 indexed modelId, uint256 indexed adapterId, uint256 amount);
    /// @notice A payment the Attribution precompile rejected; `selector` is its custom error.
    event PaymentRejected(uint256 indexed modelId, bytes4 selector, uint256 required, uint256 refunded);
    event Forwarded(address indexed to, uint256 amount);

    error OnlyOwner();
    error ForwardFailed();

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert OnlyOwner();
        _;
    }

    /// @notice Registers a model owned by this contract and prices it.
    function createModel(string calldata name, bytes32 weightsHash, string calldata uri, uint256 weiPerCall)
        external
        onlyOwner
        returns (uint256 id)
    {
        id = REGISTRY.registerModel(name, weightsHash, uri);
        if (weiPerCall != 0) {
            REGISTRY.setModelPrice(id, weiPerCall);
        }
        modelId = id;
        emit ModelCreated(id);
    }

    /// @notice Sets the price of a model this contract owns; reverts (bubbling
    ///         the registry's NotOwner or UnknownModel) otherwise.
    function setPrice(uint256 id, uint256 weiPerCall) external onlyOwner {
        REGISTRY.setModelPrice(id, weiPerCall);
    }

    /// @notice Pays for one call with msg.value; a rejected payment is
    ///         refunded to the sender and reported instead of reverting.
    /// @return paid whether the Attribution precompile accepted the payment.
    function payOrRefund(uint256 id, uint256 adapterId, address[] calldata contributors, uint256[] calldata weights)
        external
        payable
        returns (bool paid)
    {
        try ATTRIBUTION.payForCall{value: msg.value}(id, adapterId, contributors, weights) {
            emit CallPaid(id, adapterId, msg.value);
            return true;
        } catch (bytes memory reason) {
            bytes4 selector = _selector(reason);
            uint256 required;
            if (selector == IAttribution.InsufficientPayment.selector) {
                required = _firstArg(reason);
            }
            (bool ok,) = msg.sender.call{value: msg.value}("");
            if (!ok) revert ForwardFailed();
            emit PaymentRejected(id, selector, required, msg.value);
            return false;
        }
    }

    /// @notice Reads a model; unknown ids come back as exists=false instead
    ///         of the registry's UnknownModel revert.
    function modelOwner(uint256 id) external view returns (bool exists, address modelOwner_) {
        try REGISTRY.getModel(id) returns (IModelRegistry.Model memory m) {
            return (true, m.owner);
        } catch (bytes memory reason) {
            if (_selector(reason) != IModelRegistry.UnknownModel.selector || _firstArg(reason) != id) {
                _bubble(reason);
            }
            return (false, address(0));
        }
    }

    /// @notice Claims this contract's earnings (as model owner) from the
    ///         Attribution precompile and forwards them to the owner.
    function claimAndForward() external onlyOwner returns (uint256 amount) {
        amount = ATTRIBUTION.claim();
        (bool ok,) = owner.call{value: amount}("");
        if (!ok) revert ForwardFailed();
        emit Forwarded(owner, amount);
    }

    /// @notice The error selector a state-changing registry call returns when
    ///         made with STATICCALL (WriteProtection) or DELEGATECALL
    ///         (DelegateCallNotAllowed); zero if it unexpectedly succeeded.
    function probeForbiddenCalls() external returns (bytes4 viaStatic, bytes4 viaDelegate) {
        bytes memory data = abi.encodeCall(IModelRegistry.registerModel, ("probe", bytes32(uint256(1)), ""));
        (bool ok, bytes memory reason) = address(REGISTRY).staticcall(data);
        if (!ok) viaStatic = _selector(reason);
        (ok, reason) = address(REGISTRY).delegatecall(data);
        if (!ok) viaDelegate = _selector(reason);
    }

    receive() external payable {}

    function _selector(bytes memory reason) private pure returns (bytes4 s) {
        if (reason.length < 4) return bytes4(0);
        assembly {
            s := mload(add(reason, 32))
        }
    }

    function _firstArg(bytes memory reason) private pure returns (uint256 v) {
        if (reason.length < 36) return 0;
        assembly {
            v := mload(add(reason, 36))
        }
    }

    function _bubble(bytes memory reason) private pure {
        assembly {
            revert(add(reason, 32), mload(reason))
        }
    }
}
