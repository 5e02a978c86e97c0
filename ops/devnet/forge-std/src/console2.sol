// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

// console2 is the same logger as console (uint256 already logs as uint256).
import { console as console2 } from "./console.sol";
