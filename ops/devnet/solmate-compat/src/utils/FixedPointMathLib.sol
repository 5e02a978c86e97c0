// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import { FixedPointMathLib as Solady } from "@solady/utils/FixedPointMathLib.sol";

/// @title FixedPointMathLib (solmate path)
/// @notice contracts-bedrock's Arithmetic.cdexp imports powWad from the solmate
///         commit its submodule pins; no npm release of solmate has powWad. This
///         provides it, as e^(ln(x) * y) in 18-decimal fixed point, via solady's
///         lnWad/expWad (the same Remco Bloemen algorithms solmate's used).
library FixedPointMathLib {
    int256 internal constant WAD = 1e18;

    /// @notice x^y for wad x > 0 and wad y.
    function powWad(int256 x, int256 y) internal pure returns (int256) {
        return Solady.expWad((Solady.lnWad(x) * y) / WAD);
    }
}
