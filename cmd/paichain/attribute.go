package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/paichain/paichain/attribution/datanet"
	"github.com/paichain/paichain/attribution/span"
)

func spanParamFlags() []cli.Flag {
	p := span.DefaultParams()
	return []cli.Flag{
		&cli.IntFlag{Name: "min-span", Value: p.MinSpan, Usage: "shortest span credited (tokens)"},
		&cli.IntFlag{Name: "max-occurrences", Value: p.MaxOccurrences, Usage: "occurrences a span's score is split over"},
		&cli.IntFlag{Name: "max-contributors", Value: p.MaxContributors, Usage: "weights per call, pool included (at most 64)"},
		&cli.Uint64Flag{Name: "scale", Value: p.Scale, Usage: "the weights sum to this"},
	}
}

func spanParams(c *cli.Context) span.Params {
	return span.Params{MinSpan: c.Int("min-span"), MaxOccurrences: c.Int("max-occurrences"),
		MaxContributors: c.Int("max-contributors"), Scale: c.Uint64("scale")}
}

var attributeCommand = &cli.Command{
	Name:  "attribute",
	Usage: "Proof of Attribution by span matching: attribute an output to a Datanet and verify evidence (docs/attribution.md)",
	Subcommands: []*cli.Command{
		{
			Name:      "run",
			Usage:     "attribute output tokens to a Datanet and write evidence JSON with Merkle proofs",
			ArgsUsage: " ",
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "manifest", Required: true, Usage: "Datanet directory or manifest.json"},
				&cli.StringFlag{Name: "tokens", Usage: "output token ids, comma or space separated"},
				&cli.StringFlag{Name: "text", Usage: "output text (needs --tokenizer, which must be the Datanet's)"},
				&cli.StringFlag{Name: "tokenizer", Usage: "the Datanet's tokenizer"},
				&cli.StringFlag{Name: "out", Usage: "evidence file (default stdout)"},
			}, spanParamFlags()...),
			Action: runAttribute,
		},
		{
			Name:      "verify",
			Usage:     "re-check evidence against a Datanet's committed roots and print the payForCall weights",
			ArgsUsage: "<evidence.json>",
			Flags: append([]cli.Flag{
				&cli.StringFlag{Name: "manifest", Usage: "Datanet manifest.json (or directory)"},
				&cli.StringFlag{Name: "root", Usage: "require this Datanet root (e.g. the one committed on chain)"},
				&cli.BoolFlag{Name: "replay", Usage: "also recompute the attribution from the Datanet files (proves no span was omitted)"},
			}, spanParamFlags()...),
			Action: runAttributeVerify,
		},
	},
}

func runAttribute(c *cli.Context) error {
	var output []int
	var dn *datanet.Datanet
	var err error
	switch {
	case c.String("tokens") != "" && c.String("text") == "":
		if output, err = splitInts(c.String("tokens")); err != nil {
			return err
		}
		if dn, err = datanet.Open(c.String("manifest")); err != nil {
			return err
		}
	case c.String("text") != "" && c.String("tokens") == "":
		if c.String("tokenizer") == "" {
			return errors.New("--text needs --tokenizer")
		}
		dn, tok, err := openWithTokenizer(c.String("manifest"), c.String("tokenizer"))
		if err != nil {
			return err
		}
		defer dn.Close()
		if output, err = tok.Encode(c.String("text")); err != nil {
			return err
		}
		return attributeTo(c, dn, output)
	default:
		return errors.New("give exactly one of --tokens and --text")
	}
	defer dn.Close()
	return attributeTo(c, dn, output)
}

func attributeTo(c *cli.Context, dn *datanet.Datanet, output []int) error {
	ev, err := span.Attribute(dn, output, spanParams(c))
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(ev, "", " ")
	if err != nil {
		return err
	}
	if p := c.String("out"); p != "" {
		if err := os.WriteFile(p, append(b, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(c.App.Writer, "%d spans, %d contributors, evidence %d bytes in %s\n", len(ev.Spans), len(ev.Weights), len(b), p)
		return nil
	}
	fmt.Fprintln(c.App.Writer, string(b))
	return nil
}

func runAttributeVerify(c *cli.Context) error {
	c, arg, err := argThenFlags(c)
	if err != nil || c.String("manifest") == "" {
		return errors.Join(err, errors.New("usage: paichain attribute verify <evidence.json> --manifest <datanet manifest>"))
	}
	f, err := os.Open(arg)
	if err != nil {
		return err
	}
	defer f.Close()
	ev, err := span.Decode(f)
	if err != nil {
		return err
	}
	m, _, err := datanet.ReadManifest(c.String("manifest"))
	if err != nil {
		return err
	}
	if r := c.String("root"); r != "" && common.HexToHash(r) != m.Root {
		return fmt.Errorf("manifest root %s is not the required %s", m.Root, r)
	}
	ws, err := span.Verify(m, ev, spanParams(c))
	if err != nil {
		return err
	}
	if c.Bool("replay") {
		dn, err := datanet.Open(c.String("manifest"))
		if err != nil {
			return err
		}
		defer dn.Close()
		if err := span.Replay(dn, ev); err != nil {
			return err
		}
	}
	call := struct {
		Datanet      common.Hash      `json:"datanet"`
		Spans        int              `json:"spans"`
		Contributors []common.Address `json:"contributors"`
		Weights      []uint64         `json:"weights"`
	}{Datanet: m.Root, Spans: len(ev.Spans), Contributors: []common.Address{}, Weights: []uint64{}}
	for _, w := range ws {
		call.Contributors = append(call.Contributors, w.Contributor)
		call.Weights = append(call.Weights, w.Weight)
	}
	b, _ := json.MarshalIndent(call, "", "  ")
	fmt.Fprintln(c.App.Writer, string(b))
	return nil
}

// argThenFlags lets a command take its one argument before its flags, as in
// "verify <evidence.json> --manifest m" (urfave/cli stops parsing flags at
// the first argument): the flags after the argument are parsed here, on top
// of any given before it.
func argThenFlags(c *cli.Context) (*cli.Context, string, error) {
	args := c.Args().Slice()
	if len(args) == 0 {
		return c, "", errors.New("missing argument")
	}
	if len(args) == 1 {
		return c, args[0], nil
	}
	set := flag.NewFlagSet(c.Command.Name, flag.ContinueOnError)
	set.SetOutput(io.Discard)
	for _, f := range c.Command.Flags {
		if err := f.Apply(set); err != nil {
			return c, "", err
		}
	}
	if err := set.Parse(args[1:]); err != nil {
		return c, "", fmt.Errorf("%s: %w", c.Command.Name, err)
	}
	if set.NArg() > 0 {
		return c, "", fmt.Errorf("%s: unexpected arguments %q", c.Command.Name, set.Args())
	}
	given := map[string]bool{}
	set.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, f := range c.Command.Flags {
		for _, name := range f.Names() {
			if !given[name] && c.IsSet(name) {
				if err := set.Set(name, fmt.Sprint(c.Value(name))); err != nil {
					return c, "", err
				}
			}
		}
	}
	return cli.NewContext(c.App, set, c), args[0], nil
}
