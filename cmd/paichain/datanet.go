package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/datanetchain"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/attribution/sa"
	"github.com/paichain/paichain/inference/tokenizer"
)

var datanetCommand = &cli.Command{
	Name:  "datanet",
	Usage: "build, check and search Datanet versions (docs/attribution.md); create, contribute, review, publish and claim on chain (docs/datanets.md)",
	Subcommands: append([]*cli.Command{
		{
			Name:      "build",
			Usage:     "tokenize contributions and write a committed Datanet version",
			ArgsUsage: " ",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "out", Required: true, Usage: "output directory"},
				&cli.StringFlag{Name: "tokenizer", Usage: "tokenizer.json or llama2.c tokenizer .bin (its hash is committed)"},
				&cli.IntFlag{Name: "vocab", Usage: "without --tokenizer: vocabulary size of pre-tokenized contributions"},
				&cli.StringFlag{Name: "contributions", Usage: `JSONL, one {"id","contributor","text"|"tokens"} per line ("-" = stdin)`},
				&cli.StringFlag{Name: "dir", Usage: "instead: every file under this directory is a contribution (id = relative path)"},
				&cli.StringFlag{Name: "contributor", Usage: "with --dir: the contributor address of every file"},
				&cli.StringFlag{Name: "name", Usage: "Datanet name recorded in the manifest"},
				&cli.StringFlag{Name: "pool", Usage: "address credited with contributors beyond the per-call cap"},
				&cli.IntFlag{Name: "leaf-size", Value: datanet.DefaultLeafSize, Usage: "Merkle chunk size in bytes"},
				&cli.IntFlag{Name: "chunk-suffixes", Value: sa.DefaultChunk, Usage: "suffixes sorted in memory at once (32 bytes each)"},
			},
			Action: runDatanetBuild,
		},
		{
			Name:      "synth",
			Usage:     "write a seeded synthetic Datanet (Zipf token ids) for benchmarks",
			ArgsUsage: " ",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "out", Required: true, Usage: "output directory"},
				&cli.Int64Flag{Name: "tokens", Value: 10_000_000, Usage: "corpus tokens"},
				&cli.IntFlag{Name: "vocab", Value: 32000, Usage: "vocabulary size"},
				&cli.IntFlag{Name: "doc-len", Value: 512, Usage: "mean document length"},
				&cli.IntFlag{Name: "contributors", Value: 1000, Usage: "distinct contributors"},
				&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "random seed"},
				&cli.IntFlag{Name: "chunk-suffixes", Value: sa.DefaultChunk, Usage: "suffixes sorted in memory at once (32 bytes each)"},
			},
			Action: runDatanetSynth,
		},
		{
			Name:      "check",
			Usage:     "re-verify every committed file of a Datanet (roots, suffix array order and permutation, document table, counts)",
			ArgsUsage: "<datanet dir or manifest.json>",
			Action:    runDatanetCheck,
		},
		{
			Name:      "search",
			Usage:     "BM25 retrieval over a Datanet's chunks: citations, micro-reward weights and a prompt with context",
			ArgsUsage: "<datanet dir or manifest.json>",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "tokenizer", Usage: "the Datanet's tokenizer (required)"},
				&cli.StringFlag{Name: "query", Usage: "query text (required)"},
				&cli.IntFlag{Name: "k", Value: 5, Usage: "chunks to retrieve"},
				&cli.IntFlag{Name: "chunk-tokens", Value: 128, Usage: "tokens per chunk"},
			},
			Action: runDatanetSearch,
		},
	}, datanetChainCommands()...),
}

// loadTokenizer loads a tokenizer and identifies it by the keccak256 of its file.
func loadTokenizer(path string) (tokenizer.Tokenizer, datanet.TokenizerInfo, error) {
	tok, err := tokenizer.Load(path)
	if err != nil {
		return nil, datanet.TokenizerInfo{}, err
	}
	file := path
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		file = filepath.Join(path, "tokenizer.json")
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, datanet.TokenizerInfo{}, err
	}
	return tok, datanet.TokenizerInfo{Name: filepath.Base(file), Family: tok.Family(), Hash: crypto.Keccak256Hash(b), VocabSize: tok.VocabSize()}, nil
}

func parseAddress(s, flag string) (common.Address, error) {
	if s == "" {
		return common.Address{}, nil
	}
	if !common.IsHexAddress(s) {
		return common.Address{}, fmt.Errorf("--%s: %q is not an address", flag, s)
	}
	return common.HexToAddress(s), nil
}

func runDatanetBuild(c *cli.Context) error {
	cfg := datanet.Config{Dir: c.String("out"), Name: c.String("name"), LeafSize: uint32(c.Int("leaf-size")),
		SA: sa.Options{ChunkSuffixes: c.Int("chunk-suffixes")}}
	var err error
	if cfg.Pool, err = parseAddress(c.String("pool"), "pool"); err != nil {
		return err
	}
	switch {
	case c.String("tokenizer") != "":
		tok, info, err := loadTokenizer(c.String("tokenizer"))
		if err != nil {
			return err
		}
		cfg.Tokenizer, cfg.Tokenize = info, tok.Encode
	case c.Int("vocab") > 0:
		cfg.Tokenizer = datanet.TokenizerInfo{Name: "pre-tokenized", VocabSize: c.Int("vocab")}
	default:
		return errors.New("give --tokenizer (or --vocab for pre-tokenized contributions)")
	}
	var next func() (datanet.Contribution, bool, error)
	switch {
	case c.String("contributions") != "" && c.String("dir") == "":
		var r io.Reader = os.Stdin
		if p := c.String("contributions"); p != "-" {
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			r = f
		}
		next = datanet.ReadJSONL(r)
	case c.String("dir") != "" && c.String("contributions") == "":
		who, err := parseAddress(c.String("contributor"), "contributor")
		if err != nil || who == (common.Address{}) {
			return errors.Join(err, errors.New("--dir needs --contributor"))
		}
		if next, err = dirContributions(c.String("dir"), who); err != nil {
			return err
		}
	default:
		return errors.New("give exactly one of --contributions and --dir")
	}
	return buildAndReport(c, cfg, next)
}

// dirContributions lists the regular files under dir in lexical order.
func dirContributions(dir string, who common.Address) (func() (datanet.Contribution, bool, error), error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	i := 0
	return func() (datanet.Contribution, bool, error) {
		if i == len(paths) {
			return datanet.Contribution{}, false, nil
		}
		p := paths[i]
		i++
		b, err := os.ReadFile(p)
		if err != nil {
			return datanet.Contribution{}, false, err
		}
		rel, _ := filepath.Rel(dir, p)
		return datanet.Contribution{ID: filepath.ToSlash(rel), Contributor: who, Text: string(b)}, true, nil
	}, nil
}

func buildAndReport(c *cli.Context, cfg datanet.Config, next func() (datanet.Contribution, bool, error)) error {
	start := time.Now()
	m, err := datanet.Build(cfg, next)
	if err != nil {
		return err
	}
	var committed uint64
	for _, f := range []*datanet.FileInfo{&m.Files.Tokens, &m.Files.SA, &m.Files.Docs, &m.Files.Counts} {
		committed += f.Bytes + datanet.HeaderSize
	}
	fmt.Fprintf(c.App.Writer, "datanet %s: %d documents, %d tokens, %.2f committed bytes/token, built in %s\nroot %s\n",
		cfg.Dir, m.Documents, m.Suffixes, float64(committed)/float64(max(1, m.Suffixes)), time.Since(start).Round(time.Millisecond), m.Root)
	return nil
}

func runDatanetSynth(c *cli.Context) error {
	cfg := datanet.Config{Dir: c.String("out"), Name: "synthetic", SA: sa.Options{ChunkSuffixes: c.Int("chunk-suffixes")},
		Tokenizer: datanet.TokenizerInfo{Name: "synthetic-zipf", VocabSize: c.Int("vocab")},
		Pool:      common.HexToAddress("0x00000000000000000000000000000000000000fe")}
	return buildAndReport(c, cfg, datanet.Synthetic(c.Int64("tokens"), c.Int("vocab"), c.Int("doc-len"), c.Int("contributors"), c.Uint64("seed")))
}

func runDatanetCheck(c *cli.Context) error {
	if c.NArg() != 1 {
		return errors.New("usage: paichain datanet check <datanet dir or manifest.json>")
	}
	dn, err := datanet.Open(c.Args().First())
	if err != nil {
		return err
	}
	defer dn.Close()
	if err := dn.Check(); err != nil {
		return err
	}
	m := dn.Manifest
	fmt.Fprintf(c.App.Writer, "ok: %d documents, %d tokens, tokenizer %s (%s), root %s\n", m.Documents, m.Suffixes, m.Tokenizer.Name, m.Tokenizer.Hash, m.Root)
	return nil
}

func runDatanetSearch(c *cli.Context) error {
	c, arg, err := argThenFlags(c)
	if err != nil || c.String("tokenizer") == "" || c.String("query") == "" {
		return errors.Join(err, errors.New("usage: paichain datanet search <datanet> --tokenizer ... --query ..."))
	}
	dn, tok, err := openWithTokenizer(arg, c.String("tokenizer"))
	if err != nil {
		return err
	}
	defer dn.Close()
	ix, err := rag.NewIndex(dn, rag.Options{ChunkTokens: c.Int("chunk-tokens"), Tokenize: tok.Encode, Decode: tok.Decode})
	if err != nil {
		return err
	}
	cites, err := ix.Retrieve(c.String("query"), c.Int("k"))
	if err != nil {
		return err
	}
	out, _ := json.MarshalIndent(struct {
		Citations []rag.Citation `json:"citations"`
		Rewards   []rag.Reward   `json:"rewards"`
		Prompt    string         `json:"prompt"`
	}{cites, rag.Rewards(cites), rag.PromptWithContext(c.String("query"), cites)}, "", "  ")
	fmt.Fprintln(c.App.Writer, string(out))
	return nil
}

// openWithTokenizer opens a Datanet and loads the tokenizer, refusing one
// other than the Datanet was built with.
func openWithTokenizer(path, tokPath string) (*datanet.Datanet, tokenizer.Tokenizer, error) {
	tok, info, err := loadTokenizer(tokPath)
	if err != nil {
		return nil, nil, err
	}
	dn, err := datanet.Open(path)
	if err != nil {
		return nil, nil, err
	}
	if err := dn.CheckTokenizer(info); err != nil {
		dn.Close()
		return nil, nil, err
	}
	return dn, tok, nil
}

// splitInts parses "1,2 3" into ids.
func splitInts(s string) ([]int, error) {
	var ids []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' }) {
		var v int
		if _, err := fmt.Sscan(f, &v); err != nil {
			return nil, fmt.Errorf("token %q: %w", f, err)
		}
		ids = append(ids, v)
	}
	return ids, nil
}

// ---- On-chain Datanets (contracts/src/DatanetRegistry.sol, docs/datanets.md) ----

// datanetChainCommands are the subcommands that talk to a node's
// DatanetRegistry: deploy, create, contribute, review, export, publish,
// status, claim and withdraw-stake.
func datanetChainCommands() []*cli.Command {
	conn := func(write bool) []cli.Flag {
		fs := []cli.Flag{
			&cli.StringFlag{Name: "rpc", Value: "http://127.0.0.1:8545", Usage: "node JSON-RPC URL"},
			&cli.StringFlag{Name: "registry", EnvVars: []string{"PAICHAIN_DATANET_REGISTRY"}, Usage: "DatanetRegistry address (required)"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "give up waiting for the node after this long"},
		}
		if write {
			fs = append(fs, &cli.StringFlag{Name: "key", Usage: "file holding the signing key (hex secp256k1, required)"})
		}
		return fs
	}
	datanetID := &cli.Uint64Flag{Name: "datanet", Usage: "Datanet id (required)"}
	contribution := &cli.Uint64Flag{Name: "contribution", Usage: "contribution id (required)"}
	return []*cli.Command{
		{
			Name:  "deploy",
			Usage: "deploy a DatanetRegistry and print its address",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "rpc", Value: "http://127.0.0.1:8545", Usage: "node JSON-RPC URL"},
				&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "give up waiting for the node after this long"},
				&cli.StringFlag{Name: "key", Usage: "file holding the signing key (hex secp256k1, required)"},
			},
			Action: runDatanetDeploy,
		},
		{
			Name:  "create",
			Usage: "create a Datanet owned by --key's account (prints its id and pool)",
			Flags: append(conn(true),
				&cli.StringFlag{Name: "name", Usage: "Datanet name, 1-64 bytes (required)"},
				&cli.StringFlag{Name: "license", Usage: "license / contribution terms URI, 1-256 bytes (required)"},
				&cli.StringFlag{Name: "file-type", Value: "text/plain", Usage: "content type of contributions"},
				&cli.UintFlag{Name: "daily-limit", Value: 10, Usage: "submissions per contributor per UTC day"},
				&cli.StringFlag{Name: "min-stake", Value: "0", Usage: "wei each contribution must stake"},
				&cli.DurationFlag{Name: "stake-lock", Value: 7 * 24 * time.Hour, Usage: "after acceptance, before a stake can be withdrawn"},
			),
			Action: runDatanetCreate,
		},
		{
			Name:  "contribute",
			Usage: "submit a file's hash and size to a Datanet (the bytes stay off chain; --store keeps a copy by hash)",
			Flags: append(conn(true), datanetID,
				&cli.StringFlag{Name: "file", Usage: "the contribution's content (required)"},
				&cli.StringFlag{Name: "uri", Usage: "metadata URI, 0-256 bytes"},
				&cli.StringFlag{Name: "stake", Value: "0", Usage: "wei to stake (at least the Datanet's minimum)"},
				&cli.StringFlag{Name: "store", Usage: "content store directory: the file is copied to <store>/<content hash>"},
			),
			Action: runDatanetContribute,
		},
		{
			Name:  "review",
			Usage: "curator: accept, reject (stake refundable) or flag (stake slashed into the pool) a contribution",
			Flags: append(conn(true), contribution,
				&cli.BoolFlag{Name: "accept"}, &cli.BoolFlag{Name: "reject"}, &cli.BoolFlag{Name: "flag"},
				&cli.StringFlag{Name: "reason", Usage: "shown to the contributor, 0-256 bytes"},
			),
			Action: runDatanetReview,
		},
		{
			Name:  "export",
			Usage: "write the accepted contributions as `datanet build --contributions` input, texts from a content store",
			Flags: append(conn(false), datanetID,
				&cli.StringFlag{Name: "content", Usage: "content store directory (files are matched by hash; required)"},
				&cli.StringFlag{Name: "out", Usage: "output JSONL file (required)"},
			),
			Action: runDatanetExport,
		},
		{
			Name:  "publish",
			Usage: "check a `datanet build` output against the chain and publish it as the Datanet's next version",
			Flags: append(conn(true), datanetID,
				&cli.StringFlag{Name: "manifest", Usage: "built Datanet directory or its manifest.json (required)"},
				&cli.StringFlag{Name: "uri", Usage: "where the version's files can be fetched, 0-256 bytes"},
				&cli.IntFlag{Name: "page", Value: datanetchain.DefaultPage, Usage: "contribution ids listed per transaction"},
			),
			Action: runDatanetPublish,
		},
		{
			Name:  "status",
			Usage: "print a Datanet, its latest version and pool, and optionally a contributor's contributions and earnings (JSON)",
			Flags: append(conn(false), datanetID,
				&cli.StringFlag{Name: "contributor", Usage: "contributor address"},
			),
			Action: runDatanetStatus,
		},
		{
			Name:   "claim",
			Usage:  "claim --key's pool earnings in a Datanet and its own Attribution credits",
			Flags:  append(conn(true), datanetID),
			Action: runDatanetClaim,
		},
		{
			Name:   "withdraw-stake",
			Usage:  "withdraw the stake of a rejected contribution, or an accepted one after its lock",
			Flags:  append(conn(true), contribution),
			Action: runDatanetWithdrawStake,
		},
	}
}

// datanetSession is a connection to a node, optionally with a signer.
type datanetSession struct {
	ctx    context.Context
	cancel context.CancelFunc
	client *ethclient.Client
	opts   *bind.TransactOpts
}

func openDatanetSession(c *cli.Context, write bool) (*datanetSession, error) {
	ctx, cancel := context.WithTimeout(c.Context, c.Duration("timeout"))
	s := &datanetSession{ctx: ctx, cancel: cancel}
	ec, err := ethclient.DialContext(ctx, c.String("rpc"))
	if err != nil {
		cancel()
		return nil, fmt.Errorf("--rpc %s: %w", c.String("rpc"), err)
	}
	s.client = ec
	if write {
		if c.String("key") == "" {
			s.close()
			return nil, errors.New("--key is required")
		}
		key, err := readKeyFile(c.String("key"))
		if err != nil {
			s.close()
			return nil, err
		}
		chainID, err := ec.ChainID(ctx)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("--rpc %s: chain id: %w", c.String("rpc"), err)
		}
		if s.opts, err = bind.NewKeyedTransactorWithChainID(key, chainID); err != nil {
			s.close()
			return nil, err
		}
	}
	return s, nil
}

func (s *datanetSession) close() {
	s.client.Close()
	s.cancel()
}

// registry binds --registry for the session.
func (s *datanetSession) registry(c *cli.Context) (*datanetchain.Client, error) {
	a := c.String("registry")
	if !common.IsHexAddress(a) {
		return nil, fmt.Errorf("--registry: %q is not an address (or set PAICHAIN_DATANET_REGISTRY)", a)
	}
	return datanetchain.New(s.ctx, s.client, common.HexToAddress(a), s.opts)
}

// readKeyFile reads a hex secp256k1 key (0x optional) from a file; keys
// are never taken on the command line, where other users could see them.
func readKeyFile(path string) (*ecdsa.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--key: %w", err)
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(b)), "0x"))
	if err != nil {
		return nil, fmt.Errorf("--key %s: not a hex secp256k1 key: %w", path, err)
	}
	return key, nil
}

// parseWei reads a non-negative decimal amount of wei.
func parseWei(s, flag string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Sign() < 0 {
		return nil, fmt.Errorf("--%s: %q is not a decimal amount of wei", flag, s)
	}
	return v, nil
}

// requireID returns a required id flag as a big.Int.
func requireID(c *cli.Context, flag string) (*big.Int, error) {
	if !c.IsSet(flag) || c.Uint64(flag) == 0 {
		return nil, fmt.Errorf("--%s is required (ids start at 1)", flag)
	}
	return new(big.Int).SetUint64(c.Uint64(flag)), nil
}

// withRegistry opens a session and binds the registry for an action.
func withRegistry(c *cli.Context, write bool, f func(*datanetSession, *datanetchain.Client) error) error {
	s, err := openDatanetSession(c, write)
	if err != nil {
		return err
	}
	defer s.close()
	reg, err := s.registry(c)
	if err != nil {
		return err
	}
	return f(s, reg)
}

func runDatanetDeploy(c *cli.Context) error {
	s, err := openDatanetSession(c, true)
	if err != nil {
		return err
	}
	defer s.close()
	reg, err := datanetchain.Deploy(s.ctx, s.client, s.opts, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.Writer, "DatanetRegistry deployed at %s\n", reg.Address)
	return nil
}

func runDatanetCreate(c *cli.Context) error {
	if c.String("name") == "" || c.String("license") == "" {
		return errors.New("--name and --license are required")
	}
	stake, err := parseWei(c.String("min-stake"), "min-stake")
	if err != nil {
		return err
	}
	if c.Uint("daily-limit") == 0 || c.Uint("daily-limit") > math.MaxUint32 || c.Duration("stake-lock") < 0 {
		return errors.New("--daily-limit must be 1..2^32-1 and --stake-lock not negative")
	}
	return withRegistry(c, true, func(s *datanetSession, reg *datanetchain.Client) error {
		id, pool, err := reg.Create(s.ctx, datanetchain.CreateParams{
			Name: c.String("name"), LicenseURI: c.String("license"), FileType: c.String("file-type"),
			DailyLimit: uint32(c.Uint("daily-limit")), MinStake: stake, StakeLockSeconds: uint64(c.Duration("stake-lock") / time.Second),
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "datanet %s created, owner %s, pool %s\n(build its versions with --pool %s)\n", id, reg.From(), pool, pool)
		return nil
	})
}

func runDatanetContribute(c *cli.Context) error {
	id, err := requireID(c, "datanet")
	if err != nil {
		return err
	}
	if c.String("file") == "" {
		return errors.New("--file is required")
	}
	content, err := os.ReadFile(c.String("file"))
	if err != nil {
		return fmt.Errorf("--file: %w", err)
	}
	stake, err := parseWei(c.String("stake"), "stake")
	if err != nil {
		return err
	}
	return withRegistry(c, true, func(s *datanetSession, reg *datanetchain.Client) error {
		cid, err := reg.Submit(s.ctx, id, content, c.String("uri"), stake)
		if err != nil {
			return err
		}
		hash := datanetchain.ContentHash(content)
		if dir := c.String("store"); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, hash.Hex()), content, 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(c.App.Writer, "contribution %s submitted to datanet %s: content %s, %d bytes, stake %s wei (pending review)\n", cid, id, hash, len(content), stake)
		return nil
	})
}

func runDatanetReview(c *cli.Context) error {
	cid, err := requireID(c, "contribution")
	if err != nil {
		return err
	}
	n := 0
	for _, f := range []string{"accept", "reject", "flag"} {
		if c.Bool(f) {
			n++
		}
	}
	if n != 1 {
		return errors.New("give exactly one of --accept, --reject and --flag")
	}
	return withRegistry(c, true, func(s *datanetSession, reg *datanetchain.Client) error {
		if c.Bool("flag") {
			slashed, err := reg.Flag(s.ctx, cid, c.String("reason"))
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.Writer, "contribution %s flagged; %s wei of stake slashed into the pool\n", cid, slashed)
			return nil
		}
		if err := reg.Review(s.ctx, cid, c.Bool("accept"), c.String("reason")); err != nil {
			return err
		}
		verdict := map[bool]string{true: "accepted", false: "rejected"}[c.Bool("accept")]
		fmt.Fprintf(c.App.Writer, "contribution %s %s\n", cid, verdict)
		return nil
	})
}

func runDatanetExport(c *cli.Context) error {
	id, err := requireID(c, "datanet")
	if err != nil {
		return err
	}
	if c.String("content") == "" || c.String("out") == "" {
		return errors.New("--content and --out are required")
	}
	idx, err := datanetchain.ContentIndex(c.String("content"))
	if err != nil {
		return err
	}
	return withRegistry(c, false, func(s *datanetSession, reg *datanetchain.Client) error {
		cs, err := reg.Export(s.ctx, id, idx)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		for _, ct := range cs {
			if err := enc.Encode(ct); err != nil {
				return err
			}
		}
		if err := os.WriteFile(c.String("out"), b.Bytes(), 0o644); err != nil {
			return err
		}
		d, err := reg.Registry.GetDatanet(&bind.CallOpts{Context: s.ctx}, id)
		if err != nil {
			return datanetchain.Explain("getDatanet", err)
		}
		fmt.Fprintf(c.App.Writer, "%d accepted contributions written to %s\nbuild: paichain datanet build --contributions %s --pool %s --tokenizer ... --out DIR\n",
			len(cs), c.String("out"), c.String("out"), d.Pool)
		return nil
	})
}

func runDatanetPublish(c *cli.Context) error {
	id, err := requireID(c, "datanet")
	if err != nil {
		return err
	}
	if c.String("manifest") == "" {
		return errors.New("--manifest is required")
	}
	dn, err := datanet.Open(c.String("manifest"))
	if err != nil {
		return err
	}
	defer dn.Close()
	return withRegistry(c, true, func(s *datanetSession, reg *datanetchain.Client) error {
		version, err := reg.Publish(s.ctx, id, dn, c.String("uri"), c.Int("page"))
		if err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "datanet %s version %s published: root %s, %d documents, %d tokens\n",
			id, version, dn.Manifest.Root, dn.Manifest.Documents, dn.Manifest.Tokens)
		return nil
	})
}

func runDatanetStatus(c *cli.Context) error {
	id, err := requireID(c, "datanet")
	if err != nil {
		return err
	}
	who, err := parseAddress(c.String("contributor"), "contributor")
	if err != nil {
		return err
	}
	return withRegistry(c, false, func(s *datanetSession, reg *datanetchain.Client) error {
		st, err := reg.Status(s.ctx, id, who)
		if err != nil {
			return err
		}
		out, err := json.MarshalIndent(st, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(c.App.Writer, string(out))
		return nil
	})
}

func runDatanetClaim(c *cli.Context) error {
	id, err := requireID(c, "datanet")
	if err != nil {
		return err
	}
	return withRegistry(c, true, func(s *datanetSession, reg *datanetchain.Client) error {
		claimed := false
		pool, err := reg.ClaimPool(s.ctx, id)
		switch {
		case err == nil:
			claimed = true
			fmt.Fprintf(c.App.Writer, "pool of datanet %s paid %s wei\n", id, pool)
		case !datanetchain.IsRevert(err, "NothingToClaim"):
			return err
		}
		own, err := reg.ClaimAttribution(s.ctx)
		switch {
		case err == nil:
			claimed = true
			fmt.Fprintf(c.App.Writer, "attribution credits paid %s wei\n", own)
		case !datanetchain.IsRevert(err, "NothingToClaim"):
			return err
		}
		if !claimed {
			return fmt.Errorf("nothing to claim for %s in datanet %s", reg.From(), id)
		}
		return nil
	})
}

func runDatanetWithdrawStake(c *cli.Context) error {
	cid, err := requireID(c, "contribution")
	if err != nil {
		return err
	}
	return withRegistry(c, true, func(s *datanetSession, reg *datanetchain.Client) error {
		amount, err := reg.WithdrawStake(s.ctx, cid)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "stake of contribution %s returned: %s wei\n", cid, amount)
		return nil
	})
}
