package datanetchain

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/precompiles"
)

// Contribution is one contribution: its stored record, plus the metadata
// URI and the curator's reason, which the registry keeps only in events.
type Contribution struct {
	ID          *big.Int       `json:"id"`
	DatanetID   uint64         `json:"datanetId"`
	Contributor common.Address `json:"contributor"`
	Status      Status         `json:"-"`
	StatusName  string         `json:"status"`
	Listed      bool           `json:"listed"` // in a version: earning pool shares unless flagged
	Size        uint64         `json:"size"`
	Stake       *big.Int       `json:"stake"`
	ContentHash common.Hash    `json:"contentHash"`
	SubmittedAt uint64         `json:"submittedAt"`
	ReviewedAt  uint64         `json:"reviewedAt,omitempty"`
	MetadataURI string         `json:"metadataURI,omitempty"`
	Reason      string         `json:"reason,omitempty"`
}

// Contribution reads one contribution's stored record (no URI or reason).
func (c *Client) Contribution(ctx context.Context, id *big.Int) (Contribution, error) {
	return c.contributionAt(&bind.CallOpts{Context: ctx}, id)
}

func (c *Client) contributionAt(call *bind.CallOpts, id *big.Int) (Contribution, error) {
	ct, err := c.Registry.GetContribution(call, id)
	if err != nil {
		return Contribution{}, decodeRevert("getContribution", err)
	}
	return Contribution{
		ID: id, DatanetID: ct.DatanetId, Contributor: ct.Contributor,
		Status: Status(ct.Status), StatusName: Status(ct.Status).String(), Listed: ct.Listed,
		Size: ct.Size, Stake: ct.Stake, ContentHash: ct.ContentHash,
		SubmittedAt: ct.SubmittedAt.Uint64(), ReviewedAt: ct.ReviewedAt.Uint64(),
	}, nil
}

// submitted returns the ids (ascending) and metadata URIs of a Datanet's
// contributions, all of them or one contributor's.
func (c *Client) submitted(ctx context.Context, datanetID *big.Int, contributor common.Address) ([]*big.Int, map[string]string, error) {
	var who []common.Address
	if contributor != (common.Address{}) {
		who = []common.Address{contributor}
	}
	it, err := c.Registry.FilterContributionSubmitted(&bind.FilterOpts{Context: ctx}, nil, []*big.Int{datanetID}, who)
	if err != nil {
		return nil, nil, fmt.Errorf("datanetchain: ContributionSubmitted events: %w", err)
	}
	defer it.Close()
	var ids []*big.Int
	uris := map[string]string{}
	for it.Next() {
		ids = append(ids, it.Event.ContributionId)
		uris[it.Event.ContributionId.String()] = it.Event.MetadataURI
	}
	if err := it.Error(); err != nil {
		return nil, nil, fmt.Errorf("datanetchain: ContributionSubmitted events: %w", err)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Cmp(ids[j]) < 0 })
	return ids, uris, nil
}

// reasons returns the curators' latest reason per contribution id of a Datanet.
func (c *Client) reasons(ctx context.Context, datanetID *big.Int) (map[string]string, error) {
	out := map[string]string{}
	opts := &bind.FilterOpts{Context: ctx}
	rv, err := c.Registry.FilterContributionReviewed(opts, nil, []*big.Int{datanetID}, nil)
	if err != nil {
		return nil, fmt.Errorf("datanetchain: ContributionReviewed events: %w", err)
	}
	defer rv.Close()
	for rv.Next() {
		out[rv.Event.ContributionId.String()] = rv.Event.Reason
	}
	if err := rv.Error(); err != nil {
		return nil, err
	}
	fl, err := c.Registry.FilterContributionFlagged(opts, nil, []*big.Int{datanetID}, nil)
	if err != nil {
		return nil, fmt.Errorf("datanetchain: ContributionFlagged events: %w", err)
	}
	defer fl.Close()
	for fl.Next() { // a flag comes after any review
		out[fl.Event.ContributionId.String()] = fl.Event.Reason
	}
	return out, fl.Error()
}

// Contributions lists a Datanet's contributions (one contributor's if
// contributor is not zero) in id order, with URIs and reasons.
func (c *Client) Contributions(ctx context.Context, datanetID *big.Int, contributor common.Address) ([]Contribution, error) {
	return c.contributionsAt(&bind.CallOpts{Context: ctx}, datanetID, contributor)
}

func (c *Client) contributionsAt(call *bind.CallOpts, datanetID *big.Int, contributor common.Address) ([]Contribution, error) {
	ids, uris, err := c.submitted(call.Context, datanetID, contributor)
	if err != nil {
		return nil, err
	}
	why, err := c.reasons(call.Context, datanetID)
	if err != nil {
		return nil, err
	}
	out := make([]Contribution, 0, len(ids))
	for _, id := range ids {
		ct, err := c.contributionAt(call, id)
		if err != nil {
			return nil, err
		}
		ct.MetadataURI, ct.Reason = uris[id.String()], why[id.String()]
		out = append(out, ct)
	}
	return out, nil
}

// Version is a version: its stored record and the VersionInput it was
// started with (from its VersionStarted event).
type Version struct {
	Number            uint64       `json:"number"`
	Input             VersionRoots `json:"input"`
	ContributionsHash common.Hash  `json:"contributionsHash"`
	Listed            uint64       `json:"listed"`
	PublishedAt       uint64       `json:"publishedAt"`
	Abandoned         bool         `json:"abandoned,omitempty"`
}

// Version reads version n of a Datanet.
func (c *Client) Version(ctx context.Context, datanetID *big.Int, n uint64) (*Version, error) {
	return c.versionAt(&bind.CallOpts{Context: ctx}, datanetID, n)
}

func (c *Client) versionAt(call *bind.CallOpts, datanetID *big.Int, n uint64) (*Version, error) {
	num := new(big.Int).SetUint64(n)
	v, err := c.Registry.GetVersion(call, datanetID, num)
	if err != nil {
		return nil, decodeRevert("getVersion", err)
	}
	out := &Version{Number: n, ContributionsHash: v.ContributionsHash, Listed: v.Listed,
		PublishedAt: v.PublishedAt.Uint64(), Abandoned: v.Abandoned}
	it, err := c.Registry.FilterVersionStarted(&bind.FilterOpts{Context: call.Context}, []*big.Int{datanetID}, []*big.Int{num}, [][32]byte{v.Root})
	if err != nil {
		return nil, fmt.Errorf("datanetchain: VersionStarted events: %w", err)
	}
	defer it.Close()
	found := false
	for it.Next() {
		out.Input, found = versionRoots(it.Event.Input), true
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	if !found {
		return nil, fmt.Errorf("datanetchain: no VersionStarted event for Datanet %s version %d", datanetID, n)
	}
	return out, nil
}

// DatanetStatus is what `paichain datanet status` prints.
type DatanetStatus struct {
	DatanetID   *big.Int           `json:"datanetId"`
	Datanet     DatanetInfo        `json:"datanet"`
	Latest      *Version           `json:"latestVersion,omitempty"`
	Pool        PoolStatus         `json:"pool"`
	Contributor *ContributorStatus `json:"contributor,omitempty"`
	BlockTime   uint64             `json:"blockTime"`
	BlockNumber uint64             `json:"blockNumber"`
}

// VersionRoots is the VersionInput a version was started with, with JSON
// names and hex hashes (the binding's struct prints byte arrays).
type VersionRoots struct {
	Root          common.Hash `json:"root"`
	TokensRoot    common.Hash `json:"tokensRoot"`
	SARoot        common.Hash `json:"saRoot"`
	DocsRoot      common.Hash `json:"docsRoot"`
	CountsRoot    common.Hash `json:"countsRoot"`
	TokenizerHash common.Hash `json:"tokenizerHash"`
	Tokens        uint64      `json:"tokens"`
	Documents     uint64      `json:"documents"`
	URI           string      `json:"uri"`
}

func versionRoots(in VersionInput) VersionRoots {
	return VersionRoots{Root: in.Root, TokensRoot: in.TokensRoot, SARoot: in.SaRoot, DocsRoot: in.DocsRoot,
		CountsRoot: in.CountsRoot, TokenizerHash: in.TokenizerHash, Tokens: in.Tokens, Documents: in.Documents, URI: in.Uri}
}

// DatanetInfo is the registry's Datanet record with JSON names.
type DatanetInfo struct {
	Owner            common.Address `json:"owner"`
	Name             string         `json:"name"`
	LicenseURI       string         `json:"licenseURI"`
	FileType         string         `json:"fileType"`
	CreatedAt        uint64         `json:"createdAt"`
	DailyLimit       uint32         `json:"dailyLimit"`
	Pool             common.Address `json:"pool"`
	MinStake         *big.Int       `json:"minStake"`
	StakeLockSeconds uint64         `json:"stakeLockSeconds"`
	Contributions    uint64         `json:"contributions"`
	Versions         uint64         `json:"versions"`
	LatestVersion    uint64         `json:"latestVersion"`
}

func datanetInfo(d bindings.DatanetRegistryDatanet) DatanetInfo {
	return DatanetInfo{Owner: d.Owner, Name: d.Name, LicenseURI: d.LicenseURI, FileType: d.FileType, CreatedAt: d.CreatedAt,
		DailyLimit: d.DailyLimit, Pool: d.Pool, MinStake: d.MinStake, StakeLockSeconds: d.StakeLockSeconds,
		Contributions: d.Contributions, Versions: d.Versions, LatestVersion: d.LatestVersion}
}

// PoolStatus sums up a Datanet's pool.
type PoolStatus struct {
	Address       common.Address `json:"address"`
	TotalShares   *big.Int       `json:"totalShares"`
	TotalIncome   *big.Int       `json:"totalIncome"`
	TotalClaimed  *big.Int       `json:"totalClaimed"`
	Undistributed *big.Int       `json:"undistributed"`
	// Uncollected is what Attribution holds for the pool (collect() moves it in).
	Uncollected *big.Int `json:"uncollected"`
}

// ContributorStatus is one contributor's view of a Datanet.
type ContributorStatus struct {
	Address        common.Address `json:"address"`
	Pending        uint32         `json:"pending"`
	Accepted       uint32         `json:"accepted"`
	Rejected       uint32         `json:"rejected"`
	Flagged        uint32         `json:"flagged"`
	AcceptedBytes  uint64         `json:"acceptedBytes"`
	SubmittedToday uint32         `json:"submittedToday"`
	DailyLimit     uint32         `json:"dailyLimit"`
	Contributions  []Contribution `json:"contributions"`
	PoolShares     *big.Int       `json:"poolShares"`
	// PoolPending is what pool claim() pays now (plus a part of Uncollected).
	PoolPending *big.Int `json:"poolPending"`
	// AttributionClaimable are the contributor's own per-call credits.
	AttributionClaimable *big.Int `json:"attributionClaimable"`
}

// Status reads a Datanet, its latest version and pool, and, if contributor
// is not zero, that contributor's counts, contributions and earnings, all
// at the head block.
func (c *Client) Status(ctx context.Context, datanetID *big.Int, contributor common.Address) (*DatanetStatus, error) {
	head, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("datanetchain: head: %w", err)
	}
	call := &bind.CallOpts{Context: ctx, BlockNumber: head.Number}
	d, err := c.Registry.GetDatanet(call, datanetID)
	if err != nil {
		return nil, decodeRevert("getDatanet", err)
	}
	st := &DatanetStatus{DatanetID: datanetID, Datanet: datanetInfo(d), BlockTime: head.Time, BlockNumber: head.Number.Uint64()}
	if d.LatestVersion != 0 {
		if st.Latest, err = c.versionAt(call, datanetID, d.LatestVersion); err != nil {
			return nil, err
		}
	}
	pool, err := bindings.NewDatanetPool(d.Pool, c.backend)
	if err != nil {
		return nil, err
	}
	at, err := bindings.NewAttribution(precompiles.AttributionAddress, c.backend)
	if err != nil {
		return nil, err
	}
	st.Pool.Address = d.Pool
	for _, r := range []struct {
		dst **big.Int
		f   func(*bind.CallOpts) (*big.Int, error)
	}{
		{&st.Pool.TotalShares, pool.TotalShares},
		{&st.Pool.TotalIncome, pool.TotalIncome},
		{&st.Pool.TotalClaimed, pool.TotalClaimed},
		{&st.Pool.Undistributed, pool.Undistributed},
		{&st.Pool.Uncollected, func(o *bind.CallOpts) (*big.Int, error) { return at.Claimable(o, d.Pool) }},
	} {
		if *r.dst, err = r.f(call); err != nil {
			return nil, fmt.Errorf("datanetchain: pool %s: %w", d.Pool, err)
		}
	}
	if contributor == (common.Address{}) {
		return st, nil
	}
	s, err := c.Registry.ContributorStats(call, datanetID, contributor)
	if err != nil {
		return nil, decodeRevert("contributorStats", err)
	}
	cs := &ContributorStatus{Address: contributor, Pending: s.Pending, Accepted: s.Accepted, Rejected: s.Rejected,
		Flagged: s.Flagged, AcceptedBytes: s.AcceptedBytes, DailyLimit: d.DailyLimit}
	if s.Day == head.Time/86400 {
		cs.SubmittedToday = s.SubmittedOnDay
	}
	if cs.PoolShares, err = pool.SharesOf(call, contributor); err != nil {
		return nil, err
	}
	if cs.PoolPending, err = pool.Pending(call, contributor); err != nil {
		return nil, err
	}
	if cs.AttributionClaimable, err = at.Claimable(call, contributor); err != nil {
		return nil, err
	}
	if cs.Contributions, err = c.contributionsAt(call, datanetID, contributor); err != nil {
		return nil, err
	}
	st.Contributor = cs
	return st, nil
}
