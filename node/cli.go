package node

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/cmd/utils"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/metrics"
	gethnode "github.com/ethereum/go-ethereum/node"
	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/genesis"
	"github.com/paichain/paichain/sequencer"
)

const clientIdentifier = "paichain"

// Listener and data-directory flags whose defaults differ from geth's: every
// listener binds loopback unless the operator names another interface.
var (
	dataDirFlag = &cli.StringFlag{
		Name:  utils.DataDirFlag.Name,
		Usage: "Data directory for the databases and keystore (--dev without it keeps everything in memory)",
		Value: defaultDataDir(),
	}
	httpAddrFlag = &cli.StringFlag{
		Name:     utils.HTTPListenAddrFlag.Name,
		Usage:    "HTTP-RPC server listening interface",
		Value:    "127.0.0.1",
		Category: utils.HTTPListenAddrFlag.Category,
	}
	wsAddrFlag = &cli.StringFlag{
		Name:     utils.WSListenAddrFlag.Name,
		Usage:    "WS-RPC server listening interface",
		Value:    "127.0.0.1",
		Category: utils.WSListenAddrFlag.Category,
	}
	authAddrFlag = &cli.StringFlag{
		Name:     utils.AuthListenFlag.Name,
		Usage:    "Listening address for the authenticated engine API",
		Value:    "127.0.0.1",
		Category: utils.AuthListenFlag.Category,
	}
	p2pAddrFlag = &cli.StringFlag{
		Name:     "p2p.addr",
		Usage:    "Interface the devp2p listener binds (port from --port)",
		Value:    "127.0.0.1",
		Category: utils.ListenPortFlag.Category,
	}
	verbosityFlag = &cli.IntFlag{
		Name:  "verbosity",
		Usage: "Logging verbosity: 0=silent, 1=error, 2=warn, 3=info, 4=debug, 5=detail",
		Value: 3,
	}
)

// Sequencer flags: with --sequencer.sidecar the blocks this node builds
// include inference receipts (package sequencer, docs/sequencer.md).
var (
	sequencerSidecarFlag = &cli.StringFlag{
		Name:     "sequencer.sidecar",
		Usage:    "URL of the inference sidecar (paichain infer); enables inference receipts in the blocks this node builds",
		Category: "SEQUENCER",
	}
	sequencerKeyFlag = &cli.StringFlag{
		Name:     "sequencer.signer.key",
		Usage:    "File holding the inference signer's private key in hex (signs the receipt transactions)",
		Category: "SEQUENCER",
	}
	sequencerDeadlineFlag = &cli.DurationFlag{
		Name:     "sequencer.deadline",
		Usage:    "How long a transaction waits for its inference before it is included with a failed receipt",
		Value:    sequencer.DefaultDeadline,
		Category: "SEQUENCER",
	}
	sequencerJournalFlag = &cli.StringFlag{
		Name:     "sequencer.journal",
		Usage:    "Directory of the sequencer's crash-safe inference journal (default <datadir>/sequencer; in memory without a datadir)",
		Category: "SEQUENCER",
	}
	sequencerConcurrencyFlag = &cli.IntFlag{
		Name:     "sequencer.concurrency",
		Usage:    "Inference requests in flight at the sidecar",
		Value:    sequencer.DefaultConcurrency,
		Category: "SEQUENCER",
	}
	sequencerFlags = []cli.Flag{sequencerSidecarFlag, sequencerKeyFlag, sequencerDeadlineFlag, sequencerJournalFlag, sequencerConcurrencyFlag}
)

// overrideFlags maps each --override.* flag to the ethconfig field it sets.
var overrideFlags = []struct {
	flag  *cli.Uint64Flag
	field func(*ethconfig.Config) **uint64
}{
	{utils.OverrideOsaka, func(c *ethconfig.Config) **uint64 { return &c.OverrideOsaka }},
	{utils.OverrideBPO1, func(c *ethconfig.Config) **uint64 { return &c.OverrideBPO1 }},
	{utils.OverrideBPO2, func(c *ethconfig.Config) **uint64 { return &c.OverrideBPO2 }},
	{utils.OverrideVerkle, func(c *ethconfig.Config) **uint64 { return &c.OverrideVerkle }},
	{utils.OverrideOptimismCanyon, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismCanyon }},
	{utils.OverrideOptimismEcotone, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismEcotone }},
	{utils.OverrideOptimismFjord, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismFjord }},
	{utils.OverrideOptimismGranite, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismGranite }},
	{utils.OverrideOptimismHolocene, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismHolocene }},
	{utils.OverrideOptimismIsthmus, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismIsthmus }},
	{utils.OverrideOptimismJovian, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismJovian }},
	{utils.OverrideOptimismKarst, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismKarst }},
	{utils.OverrideOptimismInterop, func(c *ethconfig.Config) **uint64 { return &c.OverrideOptimismInterop }},
}

// Flags are the flags of `paichain node`: op-geth's operator flags (same
// names and meaning) minus the Ethereum network presets, plus --p2p.addr.
func Flags() []cli.Flag {
	fs := []cli.Flag{
		dataDirFlag, utils.KeyStoreDirFlag, utils.DBEngineFlag, utils.StateSchemeFlag, utils.AncientFlag,
		utils.IdentityFlag, utils.PasswordFileFlag, utils.LightKDFFlag, utils.MinFreeDiskSpaceFlag,
		utils.NetworkIdFlag, utils.SyncModeFlag, utils.GCModeFlag, utils.SnapshotFlag,
		utils.TransactionHistoryFlag, utils.ChainHistoryFlag, utils.LogHistoryFlag, utils.LogNoHistoryFlag,
		utils.StateHistoryFlag, utils.CacheFlag, utils.CacheDatabaseFlag, utils.CacheTrieFlag, utils.CacheGCFlag,
		utils.CacheSnapshotFlag, utils.CacheNoPrefetchFlag, utils.CachePreimagesFlag, utils.CacheLogSizeFlag,
		utils.FDLimitFlag, utils.CryptoKZGFlag,
		// Transaction pool.
		utils.TxPoolLocalsFlag, utils.TxPoolNoLocalsFlag, utils.TxPoolJournalFlag, utils.TxPoolJournalRemotesFlag,
		utils.TxPoolRejournalFlag, utils.TxPoolPriceLimitFlag, utils.TxPoolPriceBumpFlag,
		utils.TxPoolAccountSlotsFlag, utils.TxPoolGlobalSlotsFlag, utils.TxPoolAccountQueueFlag,
		utils.TxPoolGlobalQueueFlag, utils.TxPoolLifetimeFlag, utils.TxPoolMaxTxGasLimitFlag,
		utils.BlobPoolDataDirFlag, utils.BlobPoolDataCapFlag, utils.BlobPoolPriceBumpFlag,
		// Peer-to-peer.
		p2pAddrFlag, utils.ListenPortFlag, utils.DiscoveryPortFlag, utils.MaxPeersFlag, utils.MaxPendingPeersFlag,
		utils.NATFlag, utils.NoDiscoverFlag, utils.DiscoveryV4Flag, utils.DiscoveryV5Flag, utils.NetrestrictFlag,
		utils.NodeKeyFileFlag, utils.NodeKeyHexFlag, utils.BootnodesFlag,
		// Block building.
		utils.MinerGasLimitFlag, utils.MinerEffectiveGasLimitFlag, utils.MinerGasPriceFlag,
		utils.MinerExtraDataFlag, utils.MinerMaxBlobsFlag, utils.MinerRecommitIntervalFlag,
		utils.MinerPendingFeeRecipientFlag,
		// Dev mode.
		utils.DeveloperFlag, utils.DeveloperGasLimitFlag, utils.DeveloperPeriodFlag,
		// EVM.
		utils.VMEnableDebugFlag, utils.VMTraceFlag, utils.VMTraceJsonConfigFlag,
		// Gas price oracle.
		utils.GpoBlocksFlag, utils.GpoPercentileFlag, utils.GpoMaxGasPriceFlag, utils.GpoIgnoreGasPriceFlag,
		utils.GpoMinSuggestedPriorityFeeFlag,
		// Rollup (op-geth).
		utils.RollupSequencerHTTPFlag, utils.RollupSequencerTxConditionalEnabledFlag,
		utils.RollupSequencerTxConditionalCostRateLimitFlag, utils.RollupHistoricalRPCFlag,
		utils.RollupHistoricalRPCTimeoutFlag, utils.RollupInteropRPCFlag, utils.RollupInteropMempoolFilteringFlag,
		utils.RollupTxPoolDisableGossipFlag, utils.RollupTxPoolNetrestrictFlag,
		utils.RollupTxPoolTrustedPeersOnlyFlag, utils.RollupTxPoolEnableAdmissionFlag,
		utils.RollupComputePendingBlock, utils.RollupHaltOnIncompatibleProtocolVersionFlag,
		utils.RollupSuperchainUpgradesFlag,
		// RPC.
		utils.HTTPEnabledFlag, httpAddrFlag, utils.HTTPPortFlag, utils.HTTPCORSDomainFlag,
		utils.HTTPVirtualHostsFlag, utils.HTTPApiFlag, utils.HTTPPathPrefixFlag,
		utils.WSEnabledFlag, wsAddrFlag, utils.WSPortFlag, utils.WSApiFlag, utils.WSAllowedOriginsFlag,
		utils.WSPathPrefixFlag, authAddrFlag, utils.AuthPortFlag, utils.AuthVirtualHostsFlag, utils.JWTSecretFlag,
		utils.IPCDisabledFlag, utils.IPCPathFlag, utils.InsecureUnlockAllowedFlag,
		utils.RPCGlobalGasCapFlag, utils.RPCGlobalEVMTimeoutFlag, utils.RPCGlobalTxFeeCapFlag,
		utils.RPCGlobalLogQueryLimit, utils.AllowUnprotectedTxs, utils.BatchRequestLimit,
		utils.BatchResponseMaxSize, utils.RPCGlobalRangeLimitFlag,
		// Metrics.
		utils.MetricsEnabledFlag, utils.MetricsEnabledExpensiveFlag, utils.MetricsHTTPFlag, utils.MetricsPortFlag,
		verbosityFlag,
	}
	fs = append(fs, sequencerFlags...)
	for _, o := range overrideFlags {
		fs = append(fs, o.flag)
	}
	return fs
}

// InitFlags are the flags of `paichain node init`.
func InitFlags() []cli.Flag {
	fs := []cli.Flag{dataDirFlag, utils.DBEngineFlag, utils.StateSchemeFlag, utils.AncientFlag,
		utils.CacheFlag, utils.CacheDatabaseFlag, utils.CachePreimagesFlag, utils.FDLimitFlag, verbosityFlag}
	for _, o := range overrideFlags {
		fs = append(fs, o.flag)
	}
	return fs
}

func defaultDataDir() string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return ".paichain"
	}
	return filepath.Join(home, ".paichain")
}

// SetupLogging installs the process-wide logger at --verbosity.
func SetupLogging(c *cli.Context) {
	lvl := log.FromLegacyLevel(c.Int(verbosityFlag.Name))
	color := isatty.IsTerminal(os.Stderr.Fd())
	log.SetDefault(log.NewLogger(log.NewTerminalHandlerWithLevel(os.Stderr, lvl, color)))
}

// nodeConfig is geth's node configuration with paichain's defaults and the
// command line applied.
func nodeConfig(c *cli.Context) gethnode.Config {
	cfg := gethnode.DefaultConfig
	cfg.Name = clientIdentifier
	cfg.DataDir = dataDirFlag.Value
	cfg.HTTPModules = append(slices.Clone(cfg.HTTPModules), "eth", "paichain")
	cfg.WSModules = append(slices.Clone(cfg.WSModules), "eth", "paichain")
	cfg.IPCPath = clientIdentifier + ".ipc"
	cfg.AuthAddr = authAddrFlag.Value
	utils.SetNodeConfig(c, &cfg)
	// Flags the operator did not set keep our loopback defaults; geth's
	// setters only copy flags that are set.
	if !c.IsSet(httpAddrFlag.Name) && cfg.HTTPHost != "" {
		cfg.HTTPHost = httpAddrFlag.Value
	}
	if !c.IsSet(wsAddrFlag.Name) && cfg.WSHost != "" {
		cfg.WSHost = wsAddrFlag.Value
	}
	if cfg.P2P.ListenAddr != "" && strings.HasPrefix(cfg.P2P.ListenAddr, ":") {
		cfg.P2P.ListenAddr = c.String(p2pAddrFlag.Name) + cfg.P2P.ListenAddr
	}
	if cfg.P2P.DiscAddr != "" && strings.HasPrefix(cfg.P2P.DiscAddr, ":") {
		cfg.P2P.DiscAddr = c.String(p2pAddrFlag.Name) + cfg.P2P.DiscAddr
	}
	return cfg
}

// NewFromCLI builds the node configuration from `paichain node` flags and
// assembles the node. Like geth, it exits the process on a bad flag value.
func NewFromCLI(c *cli.Context) (*Node, error) {
	nodeCfg := nodeConfig(c)
	stack, err := gethnode.New(&nodeCfg)
	if err != nil {
		return nil, fmt.Errorf("node: protocol stack: %w", err)
	}
	n, err := newFromCLI(c, stack)
	if err != nil {
		stack.Close()
		return nil, err
	}
	return n, nil
}

func newFromCLI(c *cli.Context, stack *gethnode.Node) (*Node, error) {
	if err := addKeystore(stack); err != nil {
		return nil, err
	}
	cfg := &Config{Node: *stack.Config(), Eth: ethconfig.Defaults}
	utils.SetEthConfig(c, stack, &cfg.Eth)
	for _, o := range overrideFlags {
		if c.IsSet(o.flag.Name) {
			v := c.Uint64(o.flag.Name)
			*o.field(&cfg.Eth) = &v
		}
	}
	seq, err := sequencerConfig(c, stack.Config().DataDir)
	if err != nil {
		return nil, err
	}
	cfg.Sequencer = seq
	dev := c.Bool(utils.DeveloperFlag.Name)
	switch {
	case dev && cfg.Eth.Genesis != nil:
		// A fresh dev chain: geth's dev genesis plus the precompile
		// accounts, governed by the developer account; with a sequencer,
		// its key is the (prefunded) inference signer.
		gc := genesis.Config{
			Governance: cfg.Eth.Miner.PendingFeeRecipient,
			GasLimit:   c.Uint64(utils.DeveloperGasLimitFlag.Name),
		}
		if seq != nil {
			gc.InferenceSigner = crypto.PubkeyToAddress(seq.SignerKey.PublicKey)
			if gc.InferenceSigner == gc.Governance {
				return nil, errors.New("node: --sequencer.signer.key is the developer account; give the inference signer its own key")
			}
		}
		g, err := genesis.Dev(gc)
		if err != nil {
			return nil, err
		}
		cfg.Eth.Genesis = g
		cfg.Dev = &DevConfig{Period: devPeriod(c, seq != nil)}
	case dev:
		cfg.Dev = &DevConfig{Period: devPeriod(c, seq != nil)}
	default:
		// Without a genesis in the datadir geth would start Ethereum
		// mainnet; a paichain node is always initialised first.
		if err := checkInitialised(stack); err != nil {
			return nil, err
		}
	}
	utils.SetupMetrics(metricsConfig(c))
	return register(stack, cfg)
}

// devPeriod is --dev.period, except that a sequencer needs periodic blocks:
// on-demand building (period 0) would rebuild in a loop while a
// transaction waits for its inference.
func devPeriod(c *cli.Context, sequencing bool) uint64 {
	p := c.Uint64(utils.DeveloperPeriodFlag.Name)
	if p == 0 && sequencing {
		log.Info("Dev mode with a sequencer builds a block every second (--dev.period 1)")
		return 1
	}
	return p
}

// sequencerConfig reads the --sequencer.* flags; nil without
// --sequencer.sidecar (a replica).
func sequencerConfig(c *cli.Context, datadir string) (*sequencer.Config, error) {
	sidecar := c.String(sequencerSidecarFlag.Name)
	if sidecar == "" {
		for _, f := range sequencerFlags[1:] {
			if name := f.Names()[0]; c.IsSet(name) {
				return nil, fmt.Errorf("node: --%s needs --%s", name, sequencerSidecarFlag.Name)
			}
		}
		return nil, nil
	}
	u, err := url.Parse(sidecar)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("node: --%s %q is not an http(s) URL", sequencerSidecarFlag.Name, sidecar)
	}
	keyFile := c.String(sequencerKeyFlag.Name)
	if keyFile == "" {
		return nil, fmt.Errorf("node: --%s needs --%s (the inference signer's key file)", sequencerSidecarFlag.Name, sequencerKeyFlag.Name)
	}
	key, err := sequencer.LoadKey(keyFile)
	if err != nil {
		return nil, err
	}
	deadline := c.Duration(sequencerDeadlineFlag.Name)
	if deadline <= 0 || deadline > time.Hour {
		return nil, fmt.Errorf("node: --%s %s: want a duration in (0, 1h]", sequencerDeadlineFlag.Name, deadline)
	}
	conc := c.Int(sequencerConcurrencyFlag.Name)
	if conc < 1 || conc > 1024 {
		return nil, fmt.Errorf("node: --%s %d: want 1 to 1024", sequencerConcurrencyFlag.Name, conc)
	}
	journal := c.String(sequencerJournalFlag.Name)
	if journal == "" {
		journal = sequencer.DefaultJournalDir(datadir)
	}
	return &sequencer.Config{
		SidecarURL: sidecar, SignerKey: key, Deadline: deadline, JournalDir: journal, Concurrency: conc,
	}, nil
}

// addKeystore gives the account manager the datadir's keystore, where
// --dev keeps its unlocked developer account.
func addKeystore(stack *gethnode.Node) error {
	n, p := keystore.StandardScryptN, keystore.StandardScryptP
	if stack.Config().UseLightweightKDF {
		n, p = keystore.LightScryptN, keystore.LightScryptP
	}
	stack.AccountManager().AddBackend(keystore.NewKeyStore(stack.KeyStoreDir(), n, p))
	return nil
}

func metricsConfig(c *cli.Context) *metrics.Config {
	cfg := metrics.DefaultConfig
	cfg.Enabled = c.Bool(utils.MetricsEnabledFlag.Name)
	cfg.EnabledExpensive = c.Bool(utils.MetricsEnabledExpensiveFlag.Name)
	if c.IsSet(utils.MetricsHTTPFlag.Name) {
		cfg.HTTP = c.String(utils.MetricsHTTPFlag.Name)
	}
	if c.IsSet(utils.MetricsPortFlag.Name) {
		cfg.Port = c.Int(utils.MetricsPortFlag.Name)
	}
	return &cfg
}

// checkInitialised fails unless the datadir holds a chain whose genesis
// carries the precompile accounts.
func checkInitialised(stack *gethnode.Node) error {
	if stack.Config().DataDir == "" {
		return errors.New("node: --datadir is required (or --dev for an ephemeral dev chain)")
	}
	path := stack.ResolvePath("chaindata")
	if rawdb.PreexistingDatabase(path) == "" {
		return fmt.Errorf("node: no chain in %s: run `paichain node init --datadir %s genesis.json` first (or use --dev)", path, stack.Config().DataDir)
	}
	db, err := stack.OpenDatabaseWithOptions("chaindata", gethnode.DatabaseOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("node: open chain database: %w", err)
	}
	defer db.Close()
	if rawdb.ReadCanonicalHash(db, 0) == (common.Hash{}) {
		return fmt.Errorf("node: %s has no genesis block: run `paichain node init` first", path)
	}
	g, err := core.ReadGenesis(db)
	if err != nil {
		log.Warn("Cannot read the genesis allocation to check the precompile accounts", "err", err)
		return nil
	}
	return genesis.CheckPrecompiles(g)
}

// InitGenesis writes the genesis block from genesisPath into the datadir
// (`paichain node init`). The genesis must carry the precompile accounts.
func InitGenesis(c *cli.Context, genesisPath string) error {
	f, err := os.Open(genesisPath)
	if err != nil {
		return fmt.Errorf("node init: %w", err)
	}
	defer f.Close()
	g := new(core.Genesis)
	if err := json.NewDecoder(f).Decode(g); err != nil {
		return fmt.Errorf("node init: invalid genesis file %s: %w", genesisPath, err)
	}
	if g.Config == nil {
		return fmt.Errorf("node init: genesis file %s has no chain config", genesisPath)
	}
	if err := genesis.CheckPrecompiles(g); err != nil {
		return fmt.Errorf("node init: %w", err)
	}
	nodeCfg := nodeConfig(c)
	if nodeCfg.DataDir == "" {
		return errors.New("node init: --datadir is required")
	}
	stack, err := gethnode.New(&nodeCfg)
	if err != nil {
		return fmt.Errorf("node init: protocol stack: %w", err)
	}
	defer stack.Close()

	var overrides core.ChainOverrides
	eth := ethconfig.Config{}
	for _, o := range overrideFlags {
		if c.IsSet(o.flag.Name) {
			v := c.Uint64(o.flag.Name)
			*o.field(&eth) = &v
		}
	}
	overrides.OverrideOsaka, overrides.OverrideBPO1, overrides.OverrideBPO2, overrides.OverrideVerkle =
		eth.OverrideOsaka, eth.OverrideBPO1, eth.OverrideBPO2, eth.OverrideVerkle
	overrides.OverrideOptimismCanyon, overrides.OverrideOptimismEcotone, overrides.OverrideOptimismFjord =
		eth.OverrideOptimismCanyon, eth.OverrideOptimismEcotone, eth.OverrideOptimismFjord
	overrides.OverrideOptimismGranite, overrides.OverrideOptimismHolocene, overrides.OverrideOptimismIsthmus =
		eth.OverrideOptimismGranite, eth.OverrideOptimismHolocene, eth.OverrideOptimismIsthmus
	overrides.OverrideOptimismJovian, overrides.OverrideOptimismKarst, overrides.OverrideOptimismInterop =
		eth.OverrideOptimismJovian, eth.OverrideOptimismKarst, eth.OverrideOptimismInterop

	chaindb := utils.MakeChainDatabase(c, stack, false)
	defer chaindb.Close()
	triedb := utils.MakeTrieDatabase(c, stack, chaindb, c.Bool(utils.CachePreimagesFlag.Name), false, g.IsVerkle())
	defer triedb.Close()
	_, hash, compatErr, err := core.SetupGenesisBlockWithOverride(chaindb, triedb, g, &overrides, nil)
	if err != nil {
		return fmt.Errorf("node init: write genesis block: %w", err)
	}
	if compatErr != nil {
		return fmt.Errorf("node init: chain config incompatible with the stored chain: %w", compatErr)
	}
	log.Info("Wrote genesis state", "datadir", nodeCfg.DataDir, "hash", hash)
	return nil
}
