// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAttribution} from "../interfaces/IAttribution.sol";

/// @title DatanetPool
/// @notice The revenue pool of one Datanet. Inference receipts and
///         payForCall list this address as a data contributor (the Datanet's
///         aggregate share: contributors beyond the per-call cap, or the whole
///         Datanet's cut), so the Attribution precompile (0x...0A02) credits
///         it; collect() claims those credits and spreads them, together with
///         slashed stakes and direct transfers, over the pool's shares.
/// @dev Policy: one share per byte of every accepted contribution listed in a
///      published (or publishing) version of the Datanet (the registry adds
///      shares when a contribution is first listed and removes them when it is
///      flagged bad). Income is spread pro rata to the shares held when it
///      arrives, with a cumulative wei-per-share accumulator (no loop over
///      contributors); each contributor pulls its balance with claim().
///      Integer math only: accPerShare is scaled by SCALE, the remainder of
///      every division is carried into the next income, and each holder's
///      debt is rounded up, so the pool never owes more than it received (at
///      most one wei per holder and settlement stays behind as dust). Income
///      that arrives while no shares exist waits in `undistributed` and goes to
///      the holders when the next version is published.
///
///      Each Datanet's pool is an EIP-1167 minimal proxy (made by the
///      registry) delegating to one DatanetPool implementation, so its state
///      lives in the proxy and initialize() replaces a constructor.
contract DatanetPool {
    IAttribution public constant ATTRIBUTION = IAttribution(0x0000000000000000000000000000000000000a02);
    /// @notice Fixed-point scale of accPerShare (wei * SCALE per share).
    uint256 public constant SCALE = 1e24;

    /// @notice Where income came from.
    enum Source {
        Attribution, // credits claimed from the Attribution precompile
        Slash, // the stake of a contribution flagged bad (ref = contribution id)
        Direct // plain ether sent to the pool
    }

    struct Account {
        uint128 shares; // bytes of this contributor's listed, unflagged contributions
        uint128 owed; // settled, unclaimed wei
        uint256 debt; // ceil(shares * accPerShare / SCALE) at the last settlement
    }

    /// @notice The DatanetRegistry that created this pool: the only one that changes shares.
    address public registry;
    uint64 public datanetId;

    uint256 public totalShares;
    uint256 public accPerShare;
    /// @notice Income received while totalShares was zero, not yet spread.
    uint256 public undistributed;
    /// @notice Totals for dashboards: everything received and everything paid out.
    uint256 public totalIncome;
    uint256 public totalClaimed;
    // wei * SCALE left over by the last accPerShare division, carried forward.
    uint256 private remainder;
    mapping(address => Account) private accounts;
    bool private transient locked;

    /// @notice One per income: amount spread over totalShares (zero while
    ///         none: then the amount waits in undistributed).
    event Income(Source indexed source, uint256 indexed ref, uint256 amount, uint256 totalShares, uint256 accPerShare);
    event SharesAdded(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares);
    event SharesRemoved(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares);
    /// @notice Income that waited in undistributed, spread when a version was published.
    event Released(uint256 amount, uint256 totalShares, uint256 accPerShare);
    event Claimed(address indexed contributor, uint256 amount);

    error NotRegistry();
    error AlreadyInitialized();
    error NothingToClaim();
    error TransferFailed();
    error Reentrancy();
    error LengthMismatch();

    modifier onlyRegistry() {
        if (msg.sender != registry) revert NotRegistry();
        _;
    }

    modifier nonReentrant() {
        if (locked) revert Reentrancy();
        locked = true;
        _;
        locked = false;
    }

    /// @dev The implementation itself is initialized at deployment, so
    ///      nobody can take it over; proxies start empty.
    constructor() {
        registry = msg.sender;
    }

    /// @notice Called once by the registry on a fresh proxy.
    function initialize(uint64 datanetId_) external {
        if (registry != address(0)) revert AlreadyInitialized();
        registry = msg.sender;
        datanetId = datanetId_;
    }

    /// @notice Plain ether is income.
    receive() external payable {
        _income(Source.Direct, 0, msg.value);
    }

    /// @notice Anyone: claims the pool's Attribution credits and spreads them.
    /// @return amount the wei collected (0 if nothing was credited).
    function collect() external nonReentrant returns (uint256 amount) {
        return _collect();
    }

    /// @notice Collects, then pays the caller's whole balance to the caller.
    function claim() external nonReentrant returns (uint256 amount) {
        _collect();
        Account storage a = accounts[msg.sender];
        _settle(a);
        amount = a.owed;
        if (amount == 0) revert NothingToClaim();
        a.owed = 0;
        totalClaimed += amount;
        emit Claimed(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    /// @notice The wei claim() would pay `account` now, not counting
    ///         Attribution credits not yet collected.
    function pending(address account) external view returns (uint256) {
        Account storage a = accounts[account];
        uint256 accrued = uint256(a.shares) * accPerShare / SCALE;
        return a.owed + (accrued > a.debt ? accrued - a.debt : 0);
    }

    function sharesOf(address account) external view returns (uint256) {
        return accounts[account].shares;
    }

    /// @notice Registry only: the stake of a flagged contribution.
    function depositSlash(uint256 contributionId) external payable onlyRegistry {
        _income(Source.Slash, contributionId, msg.value);
    }

    /// @notice Registry only: contributions listed in a version for the first time.
    function addShares(address[] calldata contributors, uint256[] calldata shares, uint256[] calldata contributionIds)
        external
        onlyRegistry
    {
        if (contributors.length != shares.length || shares.length != contributionIds.length) revert LengthMismatch();
        uint256 total = totalShares;
        for (uint256 i; i < contributors.length; ++i) {
            Account storage a = accounts[contributors[i]];
            _settle(a);
            a.shares += uint128(shares[i]);
            a.debt = _ceilDiv(uint256(a.shares) * accPerShare, SCALE);
            total += shares[i];
            emit SharesAdded(contributors[i], contributionIds[i], shares[i], total);
        }
        totalShares = total;
    }

    /// @notice Registry only, when a version is published: spreads the income
    ///         that arrived while there were no shares over the shares now.
    function release() external onlyRegistry {
        uint256 waiting = undistributed;
        uint256 total = totalShares;
        if (waiting == 0 || total == 0) return;
        undistributed = 0;
        _spread(waiting, total);
        emit Released(waiting, total, accPerShare);
    }

    /// @notice Registry only: a listed contribution was flagged bad. What its
    ///         contributor earned so far stays claimable.
    function removeShares(address contributor, uint256 shares, uint256 contributionId) external onlyRegistry {
        Account storage a = accounts[contributor];
        _settle(a);
        a.shares -= uint128(shares);
        a.debt = _ceilDiv(uint256(a.shares) * accPerShare, SCALE);
        uint256 total = totalShares - shares;
        totalShares = total;
        emit SharesRemoved(contributor, contributionId, shares, total);
    }

    function _collect() private returns (uint256 amount) {
        if (ATTRIBUTION.claimable(address(this)) == 0) return 0;
        amount = ATTRIBUTION.claim(); // credits ether without running our code
        _income(Source.Attribution, 0, amount);
    }

    function _income(Source source, uint256 ref, uint256 amount) private {
        if (amount == 0) return;
        totalIncome += amount;
        uint256 total = totalShares;
        if (total == 0) {
            undistributed += amount;
        } else {
            _spread(amount, total);
        }
        emit Income(source, ref, amount, total, accPerShare);
    }

    function _spread(uint256 amount, uint256 total) private {
        uint256 num = amount * SCALE + remainder;
        accPerShare += num / total;
        remainder = num % total;
    }

    // Moves what the account accrued since its last settlement into owed.
    // The new debt is rounded up (floor - ceil never exceeds the exact
    // accrual), so rounding can only leave dust in the pool. owed fits 128
    // bits: it never exceeds the pool's income, which is ether.
    function _settle(Account storage a) private {
        uint256 product = uint256(a.shares) * accPerShare;
        uint256 accrued = product / SCALE;
        uint256 debt = a.debt;
        if (accrued > debt) {
            a.owed += uint128(accrued - debt);
            a.debt = _ceilDiv(product, SCALE);
        }
    }

    function _ceilDiv(uint256 x, uint256 d) private pure returns (uint256) {
        return x == 0 ? 0 : (x - 1) / d + 1;
    }
}
