// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

import { ScriptBase } from "./Base.sol";
import { VmSafe } from "./Vm.sol";

// The base of every deploy script. IS_SCRIPT is what forge and op-deployer's
// script host check to recognise a script contract.
abstract contract Script is ScriptBase {
    bool public IS_SCRIPT = true;

    // makeAddr derives a labelled address from a name, as forge-std does
    // (private key = keccak256(name)), so scripts get the same addresses.
    function makeAddr(string memory name) internal virtual returns (address addr) {
        addr = vm.addr(uint256(keccak256(abi.encodePacked(name))));
        vm.label(addr, name);
    }

    // makeAddrAndKey is makeAddr that also returns the private key.
    function makeAddrAndKey(string memory name) internal virtual returns (address addr, uint256 privateKey) {
        privateKey = uint256(keccak256(abi.encodePacked(name)));
        addr = vm.addr(privateKey);
        vm.label(addr, name);
    }

    // isBroadcasting reports whether the caller runs under (start)broadcast.
    function isBroadcasting() internal returns (bool) {
        (VmSafe.CallerMode mode,,) = vm.readCallers();
        return mode == VmSafe.CallerMode.Broadcast || mode == VmSafe.CallerMode.RecurrentBroadcast;
    }
}
