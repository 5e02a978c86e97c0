package orchestrator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum-optimism/optimism/op-chain-ops/devkeys"
	opgen "github.com/ethereum-optimism/optimism/op-chain-ops/genesis"
	"github.com/ethereum-optimism/optimism/op-deployer/pkg/deployer/state"
	"github.com/ethereum-optimism/optimism/op-node/rollup"
	"github.com/ethereum-optimism/optimism/op-service/ioutil"
	"github.com/ethereum-optimism/optimism/op-service/jsonutil"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/log"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/ops/devnet/opgenesis"
)

// Files of a devnet's genesis directory. opgenesis writes the first five
// (and the demo model files paichain.json points to); l1-genesis.json is the
// complete L1 genesis (chain config, timestamp, allocs) the L1 node starts
// from, which op-deployer keeps only in memory.
const (
	l1AllocsFile    = "l1-allocs.json"
	l2GenesisFile   = "l2-genesis.json"
	rollupFile      = "rollup.json"
	deployStateFile = "deployer-state.json"
	paichainFile    = "paichain.json"
	l1GenesisFile   = "l1-genesis.json"
)

// l1Prefund is each funded L1 account's balance: 1,000,000 ether.
var l1Prefund = new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1e18))

// chain is a loaded genesis directory.
type chain struct {
	dir       string
	L1Genesis *core.Genesis
	Rollup    *rollup.Config
	Deploy    *state.State
	// Paichain is paichain.json; nil when the genesis predates it.
	Paichain *genesis.Info
}

func (c *chain) l2GenesisPath() string { return filepath.Join(c.dir, l2GenesisFile) }
func (c *chain) l1GenesisPath() string { return filepath.Join(c.dir, l1GenesisFile) }
func (c *chain) rollupPath() string    { return filepath.Join(c.dir, rollupFile) }

// GenesisConfig is the opgenesis configuration of a devnet: role keys from
// the standard test mnemonic, and on L1 the operator roles, the anvil dev
// accounts and paichain's dev keys funded.
func GenesisConfig(artifacts string, l1ChainID, l2ChainID uint64, lg log.Logger) (opgenesis.Config, error) {
	keys, err := newDevKeys(l1ChainID)
	if err != nil {
		return opgenesis.Config{}, err
	}
	roles, err := keys.roles()
	if err != nil {
		return opgenesis.Config{}, err
	}
	prefund := make(map[common.Address]*big.Int)
	for _, r := range roles {
		prefund[r.Address] = l1Prefund
	}
	for _, a := range opgen.DevAccounts {
		prefund[a] = l1Prefund
	}
	for i := range PaichainDevAccounts {
		prefund[genesis.DevAddress(i)] = l1Prefund
	}
	return opgenesis.Config{
		ArtifactsDir:         artifacts,
		L1ChainID:            l1ChainID,
		L2ChainID:            l2ChainID,
		AltDAChallengeWindow: 16,
		AltDAResolveWindow:   16,
		L1Prefund:            prefund,
		Logger:               lg,
	}, nil
}

// PaichainDevAccounts is how many paichain dev keys (genesis.DevKey(0) ..
// genesis.DevKey(9)) get L1 funds; the L2 genesis funds the same ones.
const PaichainDevAccounts = 10

// ensureGenesis loads dir, generating it first when absent. Generation
// happens only for a fresh data dir: op-deployer's L1 genesis carries the
// generation time, so a second run would make a different chain than the
// one already stored under the data dir. hasChainData reports whether chain
// data from an earlier run exists.
func ensureGenesis(ctx context.Context, dir string, hasChainData bool, gcfg opgenesis.Config, prog *progress) (*chain, bool, error) {
	_, err := os.Stat(filepath.Join(dir, rollupFile))
	switch {
	case err == nil:
		c, err := loadGenesis(dir)
		return c, false, err
	case !errors.Is(err, os.ErrNotExist):
		return nil, false, fmt.Errorf("genesis: %w", err)
	case hasChainData:
		return nil, false, fmt.Errorf("genesis: %s is missing but the data dir holds chain data from an earlier run; remove the data dir (or start with --reset)", dir)
	}
	if _, err := os.Stat(gcfg.ArtifactsDir); err != nil {
		return nil, false, fmt.Errorf("genesis: contracts-bedrock artifacts %s: %w: run `make devnet-deps` first", gcfg.ArtifactsDir, err)
	}
	prog.step("genesis", "fresh data dir: deploying the OP L1 contracts with op-deployer (in-process) and writing the L2 genesis")
	res, err := opgenesis.Build(ctx, gcfg)
	if err != nil {
		return nil, false, err
	}
	// Write next to dir and rename, so an interrupted run leaves no half
	// genesis that a later start would take as complete.
	tmp := dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return nil, false, fmt.Errorf("genesis: %w", err)
	}
	if err := res.WriteDir(tmp); err != nil {
		return nil, false, err
	}
	l1, err := l1Genesis(res)
	if err != nil {
		return nil, false, err
	}
	if err := jsonutil.WriteJSON(l1, ioutil.ToAtomicFile(filepath.Join(tmp, l1GenesisFile), 0o644)); err != nil {
		return nil, false, fmt.Errorf("genesis: write %s: %w", l1GenesisFile, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, false, fmt.Errorf("genesis: %w", err)
	}
	c, err := loadGenesis(dir)
	return c, true, err
}

// l1Genesis is op-deployer's sealed L1 dev genesis with its state put back
// in (op-deployer keeps only the state root), checked against the L1
// genesis hash the rollup config commits to.
func l1Genesis(res *opgenesis.Result) (*core.Genesis, error) {
	if res.State.L1DevGenesis == nil {
		return nil, errors.New("genesis: op-deployer produced no L1 dev genesis")
	}
	g := *res.State.L1DevGenesis
	g.Alloc = res.L1.Copy().Accounts
	g.StateHash = nil
	if h := g.ToBlock().Hash(); h != res.Rollup.Genesis.L1.Hash {
		return nil, fmt.Errorf("genesis: rebuilt L1 genesis hash %s differs from the rollup config's %s", h, res.Rollup.Genesis.L1.Hash)
	}
	return &g, nil
}

// loadGenesis reads a genesis directory.
func loadGenesis(dir string) (*chain, error) {
	c := &chain{dir: dir}
	var err error
	if c.L1Genesis, err = jsonutil.LoadJSON[core.Genesis](filepath.Join(dir, l1GenesisFile)); err != nil {
		return nil, fmt.Errorf("genesis: %w (the directory was not written by this orchestrator; remove the data dir)", err)
	}
	if c.Rollup, err = jsonutil.LoadJSON[rollup.Config](filepath.Join(dir, rollupFile)); err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}
	if err := c.Rollup.Check(); err != nil {
		return nil, fmt.Errorf("genesis: %s: %w", rollupFile, err)
	}
	if h := c.L1Genesis.ToBlock().Hash(); h != c.Rollup.Genesis.L1.Hash {
		return nil, fmt.Errorf("genesis: %s (block hash %s) does not match %s (L1 genesis %s)", l1GenesisFile, h, rollupFile, c.Rollup.Genesis.L1.Hash)
	}
	if c.Deploy, err = jsonutil.LoadJSON[state.State](filepath.Join(dir, deployStateFile)); err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}
	if len(c.Deploy.Chains) != 1 {
		return nil, fmt.Errorf("genesis: %s holds %d chains, want 1", deployStateFile, len(c.Deploy.Chains))
	}
	if _, err := os.Stat(c.l2GenesisPath()); err != nil {
		return nil, fmt.Errorf("genesis: %w", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, paichainFile))
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("genesis: %w", err)
	default:
		var info genesis.Info
		if err := json.Unmarshal(b, &info); err != nil {
			return nil, fmt.Errorf("genesis: %s: %w", paichainFile, err)
		}
		c.Paichain = &info
	}
	return c, nil
}

// devKeys are the devnet's operator keys, derived like opgenesis derives
// the roles it writes into the deployment.
type devKeys struct {
	l1       *big.Int
	dk       *devkeys.MnemonicDevKeys
	Batcher  Key
	Proposer Key
}

// Key is a dev account and its private key (public knowledge: devnet only).
type Key struct {
	Role       string         `json:"role"`
	Address    common.Address `json:"address"`
	PrivateKey string         `json:"privateKey"` // 0x-prefixed hex
}

func newDevKeys(l1ChainID uint64) (*devKeys, error) {
	dk, err := devkeys.NewMnemonicDevKeys(devkeys.TestMnemonic)
	if err != nil {
		return nil, fmt.Errorf("dev keys: %w", err)
	}
	k := &devKeys{l1: new(big.Int).SetUint64(l1ChainID), dk: dk}
	if k.Batcher, err = k.key("batcher", devkeys.BatcherRole.Key(k.l1)); err != nil {
		return nil, err
	}
	if k.Proposer, err = k.key("proposer", devkeys.ProposerRole.Key(k.l1)); err != nil {
		return nil, err
	}
	return k, nil
}

func (k *devKeys) key(role string, key devkeys.Key) (Key, error) {
	sk, err := k.dk.Secret(key)
	if err != nil {
		return Key{}, fmt.Errorf("dev keys: %s: %w", role, err)
	}
	addr, err := k.dk.Address(key)
	if err != nil {
		return Key{}, fmt.Errorf("dev keys: %s: %w", role, err)
	}
	return Key{Role: role, Address: addr, PrivateKey: fmt.Sprintf("0x%x", sk.D.FillBytes(make([]byte, 32)))}, nil
}

// roles are the operator accounts that send L1 transactions: batcher,
// proposer, challenger, system config owner and proxy admin owners.
func (k *devKeys) roles() ([]Key, error) {
	out := []Key{k.Batcher, k.Proposer}
	for _, r := range []struct {
		name string
		key  devkeys.Key
	}{
		{"challenger", devkeys.ChallengerRole.Key(k.l1)},
		{"system-config-owner", devkeys.SystemConfigOwner.Key(k.l1)},
		{"proxy-admin-owner", devkeys.L2ProxyAdminOwnerRole.Key(k.l1)},
		{"superchain-proxy-admin-owner", devkeys.L1ProxyAdminOwnerRole.Key(k.l1)},
		{"superchain-guardian", devkeys.SuperchainConfigGuardianKey.Key(k.l1)},
	} {
		key, err := k.key(r.name, r.key)
		if err != nil {
			return nil, err
		}
		out = append(out, key)
	}
	return out, nil
}
