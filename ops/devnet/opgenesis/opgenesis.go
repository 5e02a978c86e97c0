// Package opgenesis produces the devnet's starting point with op-deployer's
// genesis pipeline, run in-process: the L1 state with the OP Stack L1
// contracts deployed, and the paichain L2 genesis (OP predeploys plus our
// precompile accounts) with its rollup config. No L1 node is involved: the
// deploy scripts run in op-deployer's Go EVM against the forge artifacts
// ops/devnet/contracts.sh builds.
package opgenesis

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"

	"github.com/ethereum-optimism/optimism/op-chain-ops/addresses"
	"github.com/ethereum-optimism/optimism/op-chain-ops/devkeys"
	"github.com/ethereum-optimism/optimism/op-chain-ops/foundry"
	opgen "github.com/ethereum-optimism/optimism/op-chain-ops/genesis"
	"github.com/ethereum-optimism/optimism/op-core/forks"
	"github.com/ethereum-optimism/optimism/op-deployer/pkg/deployer"
	"github.com/ethereum-optimism/optimism/op-deployer/pkg/deployer/artifacts"
	"github.com/ethereum-optimism/optimism/op-deployer/pkg/deployer/inspect"
	"github.com/ethereum-optimism/optimism/op-deployer/pkg/deployer/pipeline"
	"github.com/ethereum-optimism/optimism/op-deployer/pkg/deployer/standard"
	"github.com/ethereum-optimism/optimism/op-deployer/pkg/deployer/state"
	"github.com/ethereum-optimism/optimism/op-node/rollup"
	"github.com/ethereum-optimism/optimism/op-service/ioutil"
	"github.com/ethereum-optimism/optimism/op-service/jsonutil"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/log"
	"github.com/holiman/uint256"

	"github.com/paichain/paichain/genesis"
)

// Config describes the devnet chain pair.
type Config struct {
	// ArtifactsDir is contracts-bedrock's forge-artifacts directory.
	ArtifactsDir string
	L1ChainID    uint64
	L2ChainID    uint64
	// Mnemonic derives every role key (deployer, batcher, proposer, ...);
	// devkeys.TestMnemonic when empty.
	Mnemonic string
	// Fork is activated at L2 genesis; forks.Jovian when empty (the newest
	// fork op-geth v1.101702.3 runs by default).
	Fork forks.Name
	// AltDAChallengeWindow and AltDAResolveWindow are in L1 blocks; op-node
	// requires both non-zero even for generic commitments, which have no
	// challenge contract.
	AltDAChallengeWindow uint64
	AltDAResolveWindow   uint64
	// L1Prefund funds L1 accounts (wei) in the L1 genesis: the batcher and
	// proposer pay L1 gas. None when empty.
	L1Prefund map[common.Address]*big.Int
	Logger    log.Logger
}

// Result is the generated chain pair.
type Result struct {
	// L1 is the L1 state after the deployment, to be put into the L1 genesis.
	L1        *foundry.ForgeAllocs
	L2Genesis *core.Genesis
	Rollup    *rollup.Config
	// State is op-deployer's record of the deployment (addresses, intent).
	State *state.State
	Roles state.ChainRoles
	// Paichain describes what genesis.DevnetExtras added (signer, demo
	// registrations, dev accounts); WriteDir writes it as paichain.json.
	Paichain genesis.Info
}

// Build runs op-deployer's genesis pipeline and adds the paichain
// precompile accounts to the L2 genesis, recomputing the genesis hash the
// rollup config commits to.
func Build(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.ArtifactsDir == "" || cfg.L1ChainID == 0 || cfg.L2ChainID == 0 {
		return nil, errors.New("opgenesis: artifacts dir and both chain ids are required")
	}
	if cfg.AltDAChallengeWindow == 0 || cfg.AltDAResolveWindow == 0 {
		return nil, errors.New("opgenesis: alt-DA challenge and resolve windows must be non-zero")
	}
	if cfg.Mnemonic == "" {
		cfg.Mnemonic = devkeys.TestMnemonic
	}
	if cfg.Fork == "" {
		cfg.Fork = forks.Jovian
	}
	if cfg.Logger == nil {
		cfg.Logger = log.NewLogger(log.DiscardHandler())
	}
	// The locator is a file:// URL: a relative path would parse as a host.
	dir, err := filepath.Abs(cfg.ArtifactsDir)
	if err != nil {
		return nil, fmt.Errorf("opgenesis: artifacts %s: %w", cfg.ArtifactsDir, err)
	}
	loc, err := artifacts.NewFileLocator(dir)
	if err != nil {
		return nil, fmt.Errorf("opgenesis: artifacts %s: %w", cfg.ArtifactsDir, err)
	}
	dk, err := devkeys.NewMnemonicDevKeys(cfg.Mnemonic)
	if err != nil {
		return nil, fmt.Errorf("opgenesis: dev keys: %w", err)
	}
	deployerKey, err := dk.Secret(devkeys.UserKey(0))
	if err != nil {
		return nil, fmt.Errorf("opgenesis: deployer key: %w", err)
	}

	intent, roles, err := newIntent(cfg, dk, loc)
	if err != nil {
		return nil, err
	}
	st := &state.State{Version: 1}
	if err := apply(ctx, cfg.Logger, deployerKey, intent, st); err != nil {
		return nil, err
	}

	chainID := intent.Chains[0].ID
	l2, rcfg, err := inspect.GenesisAndRollup(st, chainID)
	if err != nil {
		return nil, fmt.Errorf("opgenesis: L2 genesis: %w", err)
	}
	// Our precompiles' governance is the L2 proxy admin owner: the same
	// operator that controls the OP predeploys. The inference signer, the
	// demo model and adapter and the paichain dev accounts come with it.
	extras, err := genesis.DevnetExtras(roles.L2ProxyAdminOwner)
	if err != nil {
		return nil, fmt.Errorf("opgenesis: %w", err)
	}
	if err := extras.Apply(l2); err != nil {
		return nil, fmt.Errorf("opgenesis: %w", err)
	}
	info, err := genesis.NewInfo(cfg.L2ChainID, roles.L2ProxyAdminOwner)
	if err != nil {
		return nil, fmt.Errorf("opgenesis: %w", err)
	}
	block := l2.ToBlock()
	rcfg.Genesis.L2.Hash = block.Hash()
	if err := rcfg.Check(); err != nil {
		return nil, fmt.Errorf("opgenesis: rollup config: %w", err)
	}
	if st.L1StateDump == nil {
		return nil, errors.New("opgenesis: op-deployer produced no L1 state dump")
	}
	return &Result{L1: st.L1StateDump.Data, L2Genesis: l2, Rollup: rcfg, State: st, Roles: roles, Paichain: info}, nil
}

func newIntent(cfg Config, dk *devkeys.MnemonicDevKeys, loc *artifacts.Locator) (*state.Intent, state.ChainRoles, error) {
	l1 := new(big.Int).SetUint64(cfg.L1ChainID)
	addr := func(k devkeys.Key) (common.Address, error) { return dk.Address(k) }
	var firstErr error
	must := func(k devkeys.Key) common.Address {
		a, err := addr(k)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("opgenesis: key %s: %w", k, err)
		}
		return a
	}
	roles := state.ChainRoles{
		L1ProxyAdminOwner: must(devkeys.L2ProxyAdminOwnerRole.Key(l1)),
		L2ProxyAdminOwner: must(devkeys.L2ProxyAdminOwnerRole.Key(l1)),
		SystemConfigOwner: must(devkeys.SystemConfigOwner.Key(l1)),
		UnsafeBlockSigner: must(devkeys.SequencerP2PRole.Key(l1)),
		Batcher:           must(devkeys.BatcherRole.Key(l1)),
		Proposer:          must(devkeys.ProposerRole.Key(l1)),
		Challenger:        must(devkeys.ChallengerRole.Key(l1)),
	}
	overrides, err := opgen.ForkOverridesAtGenesis(cfg.Fork)
	if err != nil {
		return nil, roles, fmt.Errorf("opgenesis: fork %s: %w", cfg.Fork, err)
	}
	global := map[string]any{
		// A responsive local devnet: fast blocks, short windows.
		"l1BlockTime":               2,
		"l2BlockTime":               1,
		"sequencerWindowSize":       200,
		"channelTimeout":            120,
		"maxSequencerDrift":         300,
		"finalizationPeriodSeconds": 2,
	}
	for k, v := range overrides {
		global[k] = v
	}
	intent := &state.Intent{
		ConfigType: state.IntentTypeCustom,
		L1ChainID:  cfg.L1ChainID,
		SuperchainRoles: &addresses.SuperchainRoles{
			SuperchainProxyAdminOwner: must(devkeys.L1ProxyAdminOwnerRole.Key(l1)),
			SuperchainGuardian:        must(devkeys.SuperchainConfigGuardianKey.Key(l1)),
			Challenger:                roles.Challenger,
		},
		FundDevAccounts:       true,
		L1ContractsLocator:    loc,
		L2ContractsLocator:    loc,
		GlobalDeployOverrides: global,
		Chains: []*state.ChainIntent{{
			ID:                         common.BigToHash(new(big.Int).SetUint64(cfg.L2ChainID)),
			BaseFeeVaultRecipient:      must(devkeys.BaseFeeVaultRecipientRole.Key(l1)),
			L1FeeVaultRecipient:        must(devkeys.L1FeeVaultRecipientRole.Key(l1)),
			SequencerFeeVaultRecipient: must(devkeys.SequencerFeeVaultRecipientRole.Key(l1)),
			OperatorFeeVaultRecipient:  must(devkeys.OperatorFeeVaultRecipientRole.Key(l1)),
			Eip1559DenominatorCanyon:   standard.Eip1559DenominatorCanyon,
			Eip1559Denominator:         standard.Eip1559Denominator,
			Eip1559Elasticity:          standard.Eip1559Elasticity,
			GasLimit:                   standard.GasLimit,
			Roles:                      roles,
			// Generic commitments: our DA server (`paichain da serve`)
			// returns the commitment; no challenge contract is deployed.
			DangerousAltDAConfig: opgen.AltDADeployConfig{
				UseAltDA:          true,
				DACommitmentType:  "GenericCommitment",
				DAChallengeWindow: cfg.AltDAChallengeWindow,
				DAResolveWindow:   cfg.AltDAResolveWindow,
			},
		}},
	}
	if len(cfg.L1Prefund) > 0 {
		prefund := make(map[common.Address]*hexutil.U256, len(cfg.L1Prefund))
		for a, v := range cfg.L1Prefund {
			amount, overflow := uint256.FromBig(v)
			if overflow || v.Sign() < 0 {
				return nil, roles, fmt.Errorf("opgenesis: L1 prefund of %s out of range: %v", a, v)
			}
			prefund[a] = (*hexutil.U256)(amount)
		}
		intent.L1DevGenesisParams = &state.L1DevGenesisParams{Prefund: prefund}
	}
	return intent, roles, firstErr
}

func apply(ctx context.Context, lgr log.Logger, key *ecdsa.PrivateKey, intent *state.Intent, st *state.State) error {
	err := deployer.ApplyPipeline(ctx, deployer.ApplyPipelineOpts{
		DeploymentTarget:   deployer.DeploymentTargetGenesis,
		DeployerPrivateKey: key,
		Intent:             intent,
		State:              st,
		Logger:             lgr,
		StateWriter:        pipeline.NoopStateWriter(),
	})
	if err != nil {
		return fmt.Errorf("opgenesis: op-deployer apply: %w", err)
	}
	return nil
}

// WriteDir writes l1-allocs.json, l2-genesis.json, rollup.json,
// deployer-state.json, paichain.json and the demo model files (demo/) into
// dir.
func (r *Result) WriteDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("opgenesis: %w", err)
	}
	files := []struct {
		name string
		v    any
	}{
		{"l1-allocs.json", r.L1},
		{"l2-genesis.json", r.L2Genesis},
		{"rollup.json", r.Rollup},
		{"deployer-state.json", r.State},
	}
	for _, f := range files {
		if err := jsonutil.WriteJSON(f.v, ioutil.ToAtomicFile(filepath.Join(dir, f.name), 0o644)); err != nil {
			return fmt.Errorf("opgenesis: write %s: %w", f.name, err)
		}
	}
	if err := genesis.WriteInfo(dir, r.Paichain); err != nil {
		return fmt.Errorf("opgenesis: %w", err)
	}
	return nil
}
