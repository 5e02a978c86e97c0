// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

// contracts-bedrock's src/vendor/eas (dropped from the Go module zip: the
// module tooling strips every `vendor` directory), rebuilt on the npm release
// of the Ethereum Attestation Service contracts. L2Genesis deploys
// `EAS.sol:EAS` with a bare CREATE and `SchemaRegistry.sol:SchemaRegistry`
// by code copy, so EAS here takes no constructor arguments: it binds the
// SchemaRegistry predeploy itself. contracts.sh stores the npm EAS.sol as
// EASUpstream.sol so that this file alone produces the EAS.sol/EAS artifact.

import { EAS as EASUpstream } from "@ethereum-attestation-service/eas-contracts/contracts/EASUpstream.sol";
import { ISchemaRegistry } from "@ethereum-attestation-service/eas-contracts/contracts/ISchemaRegistry.sol";
import { SchemaRegistry } from "@ethereum-attestation-service/eas-contracts/contracts/SchemaRegistry.sol";

/// @notice The EAS predeploy (0x4200000000000000000000000000000000000021).
contract EAS is EASUpstream {
    /// @notice Predeploys.SCHEMA_REGISTRY.
    ISchemaRegistry internal constant SCHEMA_REGISTRY_PREDEPLOY =
        ISchemaRegistry(0x4200000000000000000000000000000000000020);

    constructor() EASUpstream(SCHEMA_REGISTRY_PREDEPLOY) { }
}

/// @dev Pulls SchemaRegistry into the build so forge emits its artifact.
abstract contract SchemaRegistryArtifact is SchemaRegistry { }
