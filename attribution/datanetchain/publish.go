package datanetchain

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/contracts/bindings"
)

// VersionInput is DatanetRegistry.VersionInput: what publish commits.
type VersionInput = bindings.DatanetRegistryVersionInput

// DefaultPage is how many ids one publish or extendVersion transaction
// lists by default (≈ 37k gas per newly listed id: ≈ 10M gas per page, see
// docs/BENCHMARKS.md).
const DefaultPage = 256

// ManifestInput is the publish argument for a built Datanet version: its
// manifest's roots, sizes and tokenizer hash, plus where the files are.
func ManifestInput(m *datanet.Manifest, uri string) (VersionInput, error) {
	if m.Documents <= 0 || m.Tokens < m.Documents {
		return VersionInput{}, fmt.Errorf("datanetchain: manifest has %d documents and %d tokens", m.Documents, m.Tokens)
	}
	return VersionInput{
		Root:          m.Root,
		TokensRoot:    m.Files.Tokens.Root,
		SaRoot:        m.Files.SA.Root,
		DocsRoot:      m.Files.Docs.Root,
		CountsRoot:    m.Files.Counts.Root,
		TokenizerHash: m.Tokenizer.Hash,
		Tokens:        uint64(m.Tokens),
		Documents:     uint64(m.Documents),
		Uri:           uri,
	}, nil
}

// ExpectedRoot is the root the registry requires for in and a Datanet's
// pool: the Datanet root formula of docs/attribution.md with that pool.
func ExpectedRoot(in VersionInput, pool common.Address) common.Hash {
	var b []byte
	for _, h := range [][32]byte{in.TokensRoot, in.SaRoot, in.DocsRoot, in.CountsRoot, in.TokenizerHash} {
		b = append(b, h[:]...)
	}
	b = binary.BigEndian.AppendUint64(b, in.Tokens)
	b = binary.BigEndian.AppendUint64(b, in.Documents)
	b = append(b, pool[:]...)
	return crypto.Keccak256Hash(b)
}

// ContributionsHash is a version's contributionsHash: h = keccak256(h ‖
// uint256 id) over the listed ids in order, starting from zero.
func ContributionsHash(ids []*big.Int) common.Hash {
	var h common.Hash
	buf := make([]byte, 64)
	for _, id := range ids {
		copy(buf, h[:])
		id.FillBytes(buf[32:])
		h = crypto.Keccak256Hash(buf)
	}
	return h
}

// DocumentIDs returns a built Datanet's contribution ids, in document
// order, as on-chain contribution ids: each must be DocumentID of one, and
// they must strictly increase (the order publish requires).
func DocumentIDs(dn *datanet.Datanet) ([]*big.Int, error) {
	n := dn.Manifest.Documents
	ids := make([]*big.Int, 0, n)
	for i := range n {
		s := dn.ContributionID(i)
		id, ok := new(big.Int).SetString(s, 10)
		if !ok || id.Sign() <= 0 || DocumentID(id) != s {
			return nil, fmt.Errorf("datanetchain: document %d: id %q is not an on-chain contribution id (build from `paichain datanet export`)", i, s)
		}
		if i > 0 && id.Cmp(ids[i-1]) <= 0 {
			return nil, fmt.Errorf("datanetchain: document %d: id %s does not follow %s (documents must be in contribution id order)", i, id, ids[i-1])
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// CheckBuild compares a built Datanet with the chain before it is
// published: its root must be the one the registry will accept (built with
// --pool set to the Datanet's pool), and every document must be an
// accepted contribution of this Datanet credited to the contribution's
// contributor. It returns the document ids.
func (c *Client) CheckBuild(ctx context.Context, datanetID *big.Int, dn *datanet.Datanet) ([]*big.Int, error) {
	m := dn.Manifest
	in, err := ManifestInput(m, "")
	if err != nil {
		return nil, err
	}
	call := &bind.CallOpts{Context: ctx}
	d, err := c.Registry.GetDatanet(call, datanetID)
	if err != nil {
		return nil, decodeRevert("getDatanet", err)
	}
	if m.Pool != d.Pool || ExpectedRoot(in, d.Pool) != m.Root {
		return nil, fmt.Errorf("datanetchain: the build's pool is %s, Datanet %s's pool is %s: rebuild with --pool %s", m.Pool, datanetID, d.Pool, d.Pool)
	}
	ids, err := DocumentIDs(dn)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		doc := dn.Doc(int64(i))
		if doc.IDHash != datanet.IDHash(DocumentID(id)) {
			return nil, fmt.Errorf("datanetchain: document %d: id hash does not match id %s", i, id)
		}
		ct, err := c.Registry.GetContribution(call, id)
		if err != nil {
			return nil, decodeRevert("getContribution", err)
		}
		switch {
		case new(big.Int).SetUint64(ct.DatanetId).Cmp(datanetID) != 0:
			return nil, fmt.Errorf("datanetchain: document %d: contribution %s belongs to Datanet %d", i, id, ct.DatanetId)
		case Status(ct.Status) != StatusAccepted:
			return nil, fmt.Errorf("datanetchain: document %d: contribution %s is %s, not accepted", i, id, Status(ct.Status))
		case ct.Contributor != doc.Contributor:
			return nil, fmt.Errorf("datanetchain: document %d: contribution %s is %s's, the build credits %s", i, id, ct.Contributor, doc.Contributor)
		}
	}
	return ids, nil
}

// Publish checks a built Datanet against the chain (CheckBuild) and
// publishes it as the Datanet's next version, listing its ids in pages of
// at most page (0: DefaultPage) per transaction. It returns the version.
func (c *Client) Publish(ctx context.Context, datanetID *big.Int, dn *datanet.Datanet, uri string, page int) (*big.Int, error) {
	ids, err := c.CheckBuild(ctx, datanetID, dn)
	if err != nil {
		return nil, err
	}
	in, err := ManifestInput(dn.Manifest, uri)
	if err != nil {
		return nil, err
	}
	return c.PublishInput(ctx, datanetID, in, ids, page)
}

// PublishInput publishes in and ids as they are, without off-chain checks:
// the registry's own checks decide.
func (c *Client) PublishInput(ctx context.Context, datanetID *big.Int, in VersionInput, ids []*big.Int, page int) (*big.Int, error) {
	if page <= 0 {
		page = DefaultPage
	}
	first := ids[:min(page, len(ids))]
	r, err := c.send(ctx, "publish", func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.Registry.Publish(o, datanetID, in, first)
	})
	if err != nil {
		return nil, err
	}
	var version *big.Int
	for _, l := range r.Logs {
		if ev, err := c.Registry.ParseVersionStarted(*l); err == nil {
			version = ev.Version
		}
	}
	if version == nil {
		return nil, errors.New("datanetchain: publish: no VersionStarted event")
	}
	for rest := ids[len(first):]; len(rest) > 0; {
		next := rest[:min(page, len(rest))]
		rest = rest[len(next):]
		if _, err := c.send(ctx, "extendVersion", func(o *bind.TransactOpts) (*types.Transaction, error) {
			return c.Registry.ExtendVersion(o, datanetID, next)
		}); err != nil {
			return version, err
		}
	}
	return version, nil
}

// Accepted lists a Datanet's accepted contributions in id order (from its
// ContributionSubmitted events and current records).
func (c *Client) Accepted(ctx context.Context, datanetID *big.Int) ([]Contribution, error) {
	all, err := c.Contributions(ctx, datanetID, common.Address{})
	if err != nil {
		return nil, err
	}
	var out []Contribution
	for _, ct := range all {
		if ct.Status == StatusAccepted {
			out = append(out, ct)
		}
	}
	return out, nil
}

// ContentIndex hashes every regular file under dir: the off-chain store of
// contribution contents, keyed by ContentHash.
func ContentIndex(dir string) (map[common.Hash]string, error) {
	idx := make(map[common.Hash]string)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		idx[ContentHash(b)] = p
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("datanetchain: content store %s: %w", dir, err)
	}
	return idx, nil
}

// Export turns a Datanet's accepted contributions into the input of
// `paichain datanet build`: id DocumentID, contributor and text, in id
// order, each text read from the content store and checked against the
// on-chain hash and size. A missing or altered content is an error: a
// build must not silently leave out or change an accepted contribution.
func (c *Client) Export(ctx context.Context, datanetID *big.Int, contents map[common.Hash]string) ([]datanet.Contribution, error) {
	acc, err := c.Accepted(ctx, datanetID)
	if err != nil {
		return nil, err
	}
	if len(acc) == 0 {
		return nil, fmt.Errorf("datanetchain: Datanet %s has no accepted contributions", datanetID)
	}
	var missing []string
	out := make([]datanet.Contribution, 0, len(acc))
	for _, ct := range acc {
		path, ok := contents[ct.ContentHash]
		if !ok {
			missing = append(missing, fmt.Sprintf("%s (%s)", ct.ID, ct.ContentHash))
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("datanetchain: contribution %s: %w", ct.ID, err)
		}
		if ContentHash(b) != ct.ContentHash || uint64(len(b)) != ct.Size {
			return nil, fmt.Errorf("datanetchain: contribution %s: %s does not match its on-chain hash and size", ct.ID, path)
		}
		out = append(out, datanet.Contribution{ID: DocumentID(ct.ID), Contributor: ct.Contributor, Text: string(b)})
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("datanetchain: no content for accepted contribution(s) %v", missing)
	}
	return out, nil
}
