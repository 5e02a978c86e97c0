// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DatanetPool} from "./DatanetPool.sol";

/// @title DatanetRegistry
/// @notice Registry and factory of Datanets: versioned, community-built data
///         sets that models are attributed to (docs/datanets.md). Anyone
///         creates a Datanet (owner, license/terms, file type, limits) and
///         gets a DatanetPool for its share of inference fees. Contributors
///         submit content hashes (the bytes live off chain), staking ether;
///         curators accept, reject (stake returned) or flag bad (stake slashed
///         into the pool); curators publish versions that commit the Merkle
///         roots `paichain datanet build` writes and list the accepted
///         contributions they contain.
/// @dev Ids start at 1 (0 = none). Every external ether transfer happens
///      after the state change it pays for, under a transient reentrancy
///      lock. No function loops over stored contributors: the only loop runs
///      over the caller's own calldata (the ids a version lists), so large
///      versions are published in pages (publish, then extendVersion).
///      Storage holds what contracts and the rules need; free text that only
///      people read (metadata URIs, review reasons, a version's file roots
///      and URI) is in the events, which is where dashboards read anyway.
contract DatanetRegistry {
    uint256 public constant MAX_NAME = 64;
    uint256 public constant MAX_FILE_TYPE = 64;
    uint256 public constant MAX_URI = 256;
    /// @notice Largest content size a contribution may declare (1 TiB).
    uint256 public constant MAX_CONTENT_SIZE = 1 << 40;

    enum Status {
        None,
        Pending,
        Accepted,
        Rejected,
        Flagged
    }

    /// @notice Arguments of create.
    struct Config {
        string name; // 1..64 bytes
        string licenseURI; // 1..256 bytes: license and contribution terms
        string fileType; // 1..64 bytes, e.g. a MIME type "text/plain"
        uint32 dailyLimit; // submissions per contributor per UTC day, >= 1
        uint96 minStake; // wei each submission must stake
        uint64 stakeLockSeconds; // after acceptance, before the stake can be withdrawn
    }

    struct Datanet {
        address owner;
        uint64 createdAt;
        uint32 dailyLimit;
        address pool;
        uint96 minStake;
        uint64 stakeLockSeconds;
        uint64 contributions; // submitted to this Datanet
        uint64 versions; // started (published, open or abandoned)
        uint64 latestVersion; // last published, 0 if none
        string name;
        string licenseURI;
        string fileType;
    }

    struct Contribution {
        address contributor;
        uint64 datanetId;
        Status status;
        bool listed; // in some version: its bytes are pool shares (until flagged)
        uint96 stake; // wei still staked (0 once withdrawn or slashed)
        uint64 size; // bytes of content
        uint48 submittedAt;
        uint48 reviewedAt;
        bytes32 contentHash; // keccak256 of the content bytes
    }

    /// @notice What `paichain datanet build` committed (its manifest.json).
    struct VersionInput {
        bytes32 root; // the Datanet root: keccak256 of everything below + the pool
        bytes32 tokensRoot;
        bytes32 saRoot;
        bytes32 docsRoot;
        bytes32 countsRoot;
        bytes32 tokenizerHash;
        uint64 tokens; // token array length, one sentinel per document included
        uint64 documents; // = contributions listed
        string uri; // where the files can be fetched, 0..256 bytes
    }

    /// @notice A version as stored; the rest of its VersionInput is in VersionStarted.
    struct Version {
        bytes32 root;
        bytes32 tokenizerHash;
        bytes32 contributionsHash; // h = keccak256(h ++ uint256 id) over the listed ids, from 0
        uint64 documents;
        uint64 listed; // ids listed so far
        uint64 lastId; // last id listed (ids strictly increase)
        uint48 publishedAt; // 0 while open
        bool abandoned; // replaced by a newer version before completion
    }

    /// @notice Per contributor and Datanet, kept up to date on every change.
    struct Stats {
        uint32 pending;
        uint32 accepted;
        uint32 rejected;
        uint32 flagged;
        uint64 acceptedBytes; // accepted and not flagged
        uint64 day; // UTC day (timestamp / 86400) of the last submission
        uint32 submittedOnDay; // submissions on that day
    }

    struct VersionRef {
        uint256 datanetId;
        uint256 version;
    }

    /// @notice The DatanetPool every Datanet's pool proxy delegates to.
    address public immutable poolImplementation;
    uint256 public datanetCount;
    uint256 public contributionCount;
    mapping(uint256 => Datanet) private datanets;
    mapping(uint256 => Contribution) private contributions;
    mapping(uint256 => mapping(uint256 => Version)) private versions;
    mapping(uint256 => mapping(address => bool)) private curators;
    mapping(uint256 => mapping(bytes32 => uint256)) private byContent;
    mapping(uint256 => mapping(address => Stats)) private stats;
    mapping(bytes32 => VersionRef) private byRoot;
    bool private transient locked;

    event DatanetCreated(
        uint256 indexed datanetId, address indexed owner, address indexed pool, Config config
    );
    event CuratorSet(uint256 indexed datanetId, address indexed curator, bool enabled);
    event OwnershipTransferred(uint256 indexed datanetId, address indexed previousOwner, address indexed newOwner);
    event ContributionSubmitted(
        uint256 indexed contributionId,
        uint256 indexed datanetId,
        address indexed contributor,
        bytes32 contentHash,
        uint64 size,
        uint256 stake,
        string metadataURI
    );
    /// @notice status is Accepted or Rejected.
    event ContributionReviewed(
        uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, Status status, string reason
    );
    /// @notice slashed is the stake moved into the Datanet's pool.
    event ContributionFlagged(
        uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, uint256 slashed, string reason
    );
    event StakeWithdrawn(uint256 indexed contributionId, address indexed contributor, uint256 amount);
    event VersionStarted(uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, VersionInput input);
    /// @notice Emitted when the last of the version's documents is listed.
    event VersionPublished(
        uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, bytes32 contributionsHash, uint64 documents
    );
    event VersionAbandoned(uint256 indexed datanetId, uint256 indexed version);

    error UnknownDatanet(uint256 datanetId);
    error UnknownContribution(uint256 contributionId);
    error NotOwner(uint256 datanetId, address account);
    error NotCurator(uint256 datanetId, address account);
    error NotContributor(uint256 contributionId, address account);
    /// @notice A zero hash, size, limit or address, or an empty string where one is needed.
    error InvalidInput();
    error TooLong(uint256 length, uint256 max);
    error InsufficientStake(uint256 required, uint256 sent);
    error DuplicateContent(bytes32 contentHash, uint256 contributionId);
    error DailyLimitReached(uint256 limit, uint256 day);
    error NotPending(uint256 contributionId, Status status);
    error CannotFlag(uint256 contributionId, Status status);
    error StakeLocked(uint256 contributionId, uint256 until);
    error NothingToWithdraw(uint256 contributionId);
    /// @notice The version's root is not keccak256 of its parts and this Datanet's pool.
    error WrongRoot(bytes32 expected, bytes32 given);
    error DuplicateRoot(bytes32 root, uint256 datanetId, uint256 version);
    error NoOpenVersion(uint256 datanetId);
    /// @notice A listed id is not an accepted contribution of this Datanet.
    error NotListable(uint256 contributionId, uint256 datanetId, Status status);
    error IdsNotIncreasing(uint256 previous, uint256 id);
    error TooManyIds(uint256 listed, uint256 documents);
    error TransferFailed();
    error Reentrancy();
    error CloneFailed();

    constructor() {
        poolImplementation = address(new DatanetPool());
    }

    modifier nonReentrant() {
        if (locked) revert Reentrancy();
        locked = true;
        _;
        locked = false;
    }

    // ---- Datanets ----

    /// @notice Creates a Datanet owned by the caller, with its own pool.
    function create(Config calldata config) external returns (uint256 datanetId) {
        _checkString(config.name, MAX_NAME, true);
        _checkString(config.licenseURI, MAX_URI, true);
        _checkString(config.fileType, MAX_FILE_TYPE, true);
        if (config.dailyLimit == 0) revert InvalidInput();
        datanetId = ++datanetCount;
        address pool = _clone(poolImplementation);
        DatanetPool(payable(pool)).initialize(uint64(datanetId));
        Datanet storage d = datanets[datanetId];
        d.owner = msg.sender;
        d.pool = pool;
        d.createdAt = uint64(block.timestamp);
        d.dailyLimit = config.dailyLimit;
        d.minStake = config.minStake;
        d.stakeLockSeconds = config.stakeLockSeconds;
        d.name = config.name;
        d.licenseURI = config.licenseURI;
        d.fileType = config.fileType;
        emit DatanetCreated(datanetId, msg.sender, pool, config);
    }

    /// @notice Owner only: adds or removes a curator (the owner always is one).
    function setCurator(uint256 datanetId, address curator, bool enabled) external {
        _onlyOwner(datanetId);
        if (curator == address(0)) revert InvalidInput();
        curators[datanetId][curator] = enabled;
        emit CuratorSet(datanetId, curator, enabled);
    }

    /// @notice Owner only.
    function transferOwnership(uint256 datanetId, address newOwner) external {
        _onlyOwner(datanetId);
        if (newOwner == address(0)) revert InvalidInput();
        datanets[datanetId].owner = newOwner;
        emit OwnershipTransferred(datanetId, msg.sender, newOwner);
    }

    // ---- Contributions ----

    /// @notice Submits content (by hash; the bytes go off chain to the
    ///         curators), staking msg.value (at least the Datanet's minStake).
    /// @param contentHash keccak256 of the content bytes. While a submission
    ///        of the same hash to this Datanet is pending or accepted, another
    ///        is refused; a rejected or flagged one frees the hash (a
    ///        resubmission stakes again).
    /// @param size the content's length in bytes, 1..MAX_CONTENT_SIZE: the
    ///        pool shares it earns once accepted and listed.
    function submit(uint256 datanetId, bytes32 contentHash, uint64 size, string calldata metadataURI)
        external
        payable
        returns (uint256 contributionId)
    {
        Datanet storage d = _datanet(datanetId);
        if (contentHash == bytes32(0) || size == 0) revert InvalidInput();
        if (size > MAX_CONTENT_SIZE) revert TooLong(size, MAX_CONTENT_SIZE);
        _checkString(metadataURI, MAX_URI, false);
        if (msg.value < d.minStake) revert InsufficientStake(d.minStake, msg.value);
        if (msg.value > type(uint96).max) revert InvalidInput();
        uint256 existing = byContent[datanetId][contentHash];
        if (existing != 0) revert DuplicateContent(contentHash, existing);

        Stats storage s = stats[datanetId][msg.sender];
        uint64 day = uint64(block.timestamp / 1 days);
        if (s.day != day) {
            s.day = day;
            s.submittedOnDay = 0;
        }
        if (s.submittedOnDay >= d.dailyLimit) revert DailyLimitReached(d.dailyLimit, day);
        s.submittedOnDay += 1;
        s.pending += 1;

        contributionId = ++contributionCount;
        d.contributions += 1;
        byContent[datanetId][contentHash] = contributionId;
        contributions[contributionId] = Contribution({
            contributor: msg.sender,
            datanetId: uint64(datanetId),
            status: Status.Pending,
            listed: false,
            stake: uint96(msg.value),
            size: size,
            submittedAt: uint48(block.timestamp),
            reviewedAt: 0,
            contentHash: contentHash
        });
        emit ContributionSubmitted(contributionId, datanetId, msg.sender, contentHash, size, msg.value, metadataURI);
    }

    /// @notice Curator only: accepts or rejects a pending contribution. A
    ///         rejected contribution's stake becomes withdrawable at once; an
    ///         accepted one's after the Datanet's stake lock.
    function review(uint256 contributionId, bool accept, string calldata reason) external {
        Contribution storage c = _contribution(contributionId);
        uint256 datanetId = c.datanetId;
        _onlyCurator(datanetId);
        if (c.status != Status.Pending) revert NotPending(contributionId, c.status);
        _checkString(reason, MAX_URI, false);
        Stats storage s = stats[datanetId][c.contributor];
        s.pending -= 1;
        Status status;
        if (accept) {
            status = Status.Accepted;
            s.accepted += 1;
            s.acceptedBytes += c.size;
        } else {
            status = Status.Rejected;
            s.rejected += 1;
            delete byContent[datanetId][c.contentHash];
        }
        c.status = status;
        c.reviewedAt = uint48(block.timestamp);
        emit ContributionReviewed(contributionId, datanetId, msg.sender, status, reason);
    }

    /// @notice Curator only: flags a pending or accepted contribution as bad.
    ///         Its remaining stake is slashed into the Datanet's pool (shared
    ///         by the good contributors) and, if it was listed in a version,
    ///         its pool shares are removed (what it earned so far stays).
    function flag(uint256 contributionId, string calldata reason) external nonReentrant {
        Contribution storage c = _contribution(contributionId);
        uint256 datanetId = c.datanetId;
        _onlyCurator(datanetId);
        Status was = c.status;
        if (was != Status.Pending && was != Status.Accepted) revert CannotFlag(contributionId, was);
        _checkString(reason, MAX_URI, false);
        Stats storage s = stats[datanetId][c.contributor];
        if (was == Status.Pending) {
            s.pending -= 1;
        } else {
            s.accepted -= 1;
            s.acceptedBytes -= c.size;
        }
        s.flagged += 1;
        delete byContent[datanetId][c.contentHash];
        uint256 slashed = c.stake;
        c.stake = 0;
        c.status = Status.Flagged;
        c.reviewedAt = uint48(block.timestamp);
        emit ContributionFlagged(contributionId, datanetId, msg.sender, slashed, reason);

        DatanetPool pool = DatanetPool(payable(datanets[datanetId].pool));
        if (c.listed) pool.removeShares(c.contributor, c.size, contributionId);
        if (slashed != 0) pool.depositSlash{value: slashed}(contributionId);
    }

    /// @notice Contributor only: returns the stake of a rejected contribution,
    ///         or of an accepted one once its stake lock has passed.
    function withdrawStake(uint256 contributionId) external nonReentrant returns (uint256 amount) {
        Contribution storage c = _contribution(contributionId);
        if (msg.sender != c.contributor) revert NotContributor(contributionId, msg.sender);
        amount = c.stake;
        if (amount == 0) revert NothingToWithdraw(contributionId);
        if (c.status == Status.Accepted) {
            uint256 until = uint256(c.reviewedAt) + datanets[c.datanetId].stakeLockSeconds;
            if (block.timestamp < until) revert StakeLocked(contributionId, until);
        } else if (c.status != Status.Rejected) {
            revert StakeLocked(contributionId, type(uint256).max); // pending: locked until reviewed
        }
        c.stake = 0;
        emit StakeWithdrawn(contributionId, msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    // ---- Versions ----

    /// @notice Curator only: starts version n+1 from the manifest of
    ///         `paichain datanet build --pool <this Datanet's pool>` and lists
    ///         its first contribution ids (in document order, strictly
    ///         increasing, each an accepted contribution of this Datanet). The
    ///         version is published once `documents` ids are listed, here or by
    ///         extendVersion. An unfinished earlier version is abandoned.
    function publish(uint256 datanetId, VersionInput calldata input, uint256[] calldata ids)
        external
        nonReentrant
        returns (uint256 version)
    {
        Datanet storage d = _datanet(datanetId);
        _onlyCurator(datanetId);
        _checkString(input.uri, MAX_URI, false);
        bytes32 expected = keccak256(
            abi.encodePacked(
                input.tokensRoot,
                input.saRoot,
                input.docsRoot,
                input.countsRoot,
                input.tokenizerHash,
                input.tokens,
                input.documents,
                d.pool
            )
        );
        if (expected != input.root) revert WrongRoot(expected, input.root);
        if (input.documents == 0 || input.tokens < input.documents) revert InvalidInput();
        VersionRef storage prev = byRoot[input.root];
        if (prev.datanetId != 0) revert DuplicateRoot(input.root, prev.datanetId, prev.version);

        uint256 open = d.versions;
        if (open > d.latestVersion) {
            versions[datanetId][open].abandoned = true;
            emit VersionAbandoned(datanetId, open);
        }
        version = open + 1;
        d.versions = uint64(version);
        Version storage v = versions[datanetId][version];
        v.root = input.root;
        v.tokenizerHash = input.tokenizerHash;
        v.documents = input.documents;
        emit VersionStarted(datanetId, version, input.root, input);
        _list(datanetId, d, version, ids);
    }

    /// @notice Curator only: lists more ids of the open version.
    function extendVersion(uint256 datanetId, uint256[] calldata ids) external nonReentrant {
        Datanet storage d = _datanet(datanetId);
        _onlyCurator(datanetId);
        uint256 open = d.versions;
        if (open == d.latestVersion) revert NoOpenVersion(datanetId);
        _list(datanetId, d, open, ids);
    }

    // Shares to add for the contributions a page lists for the first time.
    struct Batch {
        address[] contributors;
        uint256[] shares;
        uint256[] ids;
        uint256 n;
    }

    function _list(uint256 datanetId, Datanet storage d, uint256 version, uint256[] calldata ids) private {
        Version storage v = versions[datanetId][version];
        uint256 documents = v.documents;
        uint256 listed = v.listed + ids.length;
        if (listed > documents) revert TooManyIds(listed, documents);
        Batch memory b = Batch(new address[](ids.length), new uint256[](ids.length), new uint256[](ids.length), 0);
        (bytes32 h, uint256 last) = _walk(datanetId, ids, v.contributionsHash, v.lastId, b);
        v.contributionsHash = h;
        v.lastId = uint64(last); // an existing contribution id: below contributionCount
        v.listed = uint64(listed);
        if (listed == documents) {
            v.publishedAt = uint48(block.timestamp);
            d.latestVersion = uint64(version);
            bytes32 root = v.root;
            byRoot[root] = VersionRef(datanetId, version);
            emit VersionPublished(datanetId, version, root, h, uint64(documents));
        }
        DatanetPool pool = DatanetPool(payable(d.pool));
        if (b.n != 0) {
            address[] memory who = b.contributors;
            uint256[] memory shares = b.shares;
            uint256[] memory fresh = b.ids;
            uint256 n = b.n;
            assembly {
                mstore(who, n)
                mstore(shares, n)
                mstore(fresh, n)
            }
            pool.addShares(who, shares, fresh);
        }
        if (listed == documents) pool.release();
    }

    // Checks a page of ids, chains them into the hash and marks the ones
    // listed for the first time (collected in b).
    function _walk(uint256 datanetId, uint256[] calldata ids, bytes32 h, uint256 last, Batch memory b)
        private
        returns (bytes32, uint256)
    {
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            if (id <= last) revert IdsNotIncreasing(last, id);
            last = id;
            Contribution storage c = contributions[id];
            if (c.datanetId != datanetId || c.status != Status.Accepted) {
                revert NotListable(id, datanetId, c.status);
            }
            h = keccak256(abi.encodePacked(h, id));
            if (!c.listed) {
                c.listed = true;
                uint256 n = b.n;
                b.contributors[n] = c.contributor;
                b.shares[n] = c.size;
                b.ids[n] = id;
                b.n = n + 1;
            }
        }
        return (h, last);
    }

    // ---- Views ----

    function getDatanet(uint256 datanetId) external view returns (Datanet memory) {
        return _datanet(datanetId);
    }

    function getContribution(uint256 contributionId) external view returns (Contribution memory) {
        return _contribution(contributionId);
    }

    /// @notice Version n of a Datanet (open, published or abandoned).
    function getVersion(uint256 datanetId, uint256 version) external view returns (Version memory) {
        Datanet storage d = _datanet(datanetId);
        if (version == 0 || version > d.versions) revert InvalidInput();
        return versions[datanetId][version];
    }

    /// @notice The Datanet and version that published a root, (0, 0) if none
    ///         (e.g. to resolve an adapter's datanetRoot in the ModelRegistry).
    function versionOfRoot(bytes32 root) external view returns (uint256 datanetId, uint256 version) {
        VersionRef storage r = byRoot[root];
        return (r.datanetId, r.version);
    }

    function isCurator(uint256 datanetId, address account) public view returns (bool) {
        return account == datanets[datanetId].owner || curators[datanetId][account];
    }

    /// @notice A contributor's counts in a Datanet (submittedOnDay refers to `day`).
    function contributorStats(uint256 datanetId, address contributor) external view returns (Stats memory) {
        _datanet(datanetId);
        return stats[datanetId][contributor];
    }

    /// @notice The pending or accepted contribution with this content hash in a Datanet, 0 if none.
    function contributionByContent(uint256 datanetId, bytes32 contentHash) external view returns (uint256) {
        return byContent[datanetId][contentHash];
    }

    // ---- Internal ----

    function _datanet(uint256 datanetId) private view returns (Datanet storage d) {
        d = datanets[datanetId];
        if (d.owner == address(0)) revert UnknownDatanet(datanetId);
    }

    function _contribution(uint256 contributionId) private view returns (Contribution storage c) {
        c = contributions[contributionId];
        if (c.status == Status.None) revert UnknownContribution(contributionId);
    }

    function _onlyOwner(uint256 datanetId) private view {
        if (_datanet(datanetId).owner != msg.sender) revert NotOwner(datanetId, msg.sender);
    }

    function _onlyCurator(uint256 datanetId) private view {
        if (!isCurator(datanetId, msg.sender)) revert NotCurator(datanetId, msg.sender);
    }

    // An EIP-1167 minimal proxy delegating every call to impl.
    function _clone(address impl) private returns (address instance) {
        bytes memory code =
            abi.encodePacked(hex"3d602d80600a3d3981f3363d3d373d3d3d363d73", impl, hex"5af43d82803e903d91602b57fd5bf3");
        assembly {
            instance := create(0, add(code, 32), mload(code))
        }
        if (instance == address(0)) revert CloneFailed();
    }

    function _checkString(string calldata s, uint256 max, bool required) private pure {
        uint256 n = bytes(s).length;
        if (n > max) revert TooLong(n, max);
        if (required && n == 0) revert InvalidInput();
    }
}
