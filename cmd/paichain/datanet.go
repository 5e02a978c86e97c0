package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/rag"
	"github.com/paichain/paichain/attribution/sa"
	"github.com/paichain/paichain/inference/tokenizer"
)

var datanetCommand = &cli.Command{
	Name:  "datanet",
	Usage: "build, check and search Datanet versions (token array, suffix array, document table, Merkle roots; docs/attribution.md)",
	Subcommands: []*cli.Command{
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
	},
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
