package tokenizer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
	"golang.org/x/text/unicode/norm"
)

// HF is a BPE tokenizer read from a Hugging Face tokenizer.json.
type HF struct {
	family string
	bos    int
	eos    []int

	vocabSize int
	pieces    [][]byte // id → bytes the decoder chain gives the token alone; nil if unused id
	special   []bool   // id → skipped by Decode

	added      []addedToken
	addedFirst [256]bool // bytes an added token starts with
	addedTrie  *trieNode // added tokens' contents, byte by byte

	normalizers []func(string) string
	pretoks     []preTokenizer
	fastDigits  int // >0: the pre-tokenizer is exactly the Llama-3/Qwen split, run by splitLlama3

	vocab        map[string]int32 // token → id; raw bytes as key in byte-level models
	byteLevel    bool             // words are raw bytes, symbols start as single bytes
	byteID       [256]int32       // byte-level: id of each single byte
	byteFallback bool
	byteTok      [256]int32 // <0xNN> ids, -1 where missing
	ignoreMerges bool
	unk          int32
	fuseUnk      bool
	model        bpe
	cache        *wordCache

	stripFirst int // leading spaces the decoder strips from the output's start
}

type addedToken struct {
	id         int
	content    string
	special    bool
	lstrip     bool
	rstrip     bool
	singleWord bool
}

// The parts of tokenizer.json this package reads.
type hfFile struct {
	AddedTokens []struct {
		ID         int    `json:"id"`
		Content    string `json:"content"`
		SingleWord bool   `json:"single_word"`
		LStrip     bool   `json:"lstrip"`
		RStrip     bool   `json:"rstrip"`
		Special    bool   `json:"special"`
	} `json:"added_tokens"`
	Normalizer   *hfComponent `json:"normalizer"`
	PreTokenizer *hfComponent `json:"pre_tokenizer"`
	Decoder      *hfComponent `json:"decoder"`
	Model        *struct {
		Type                    string           `json:"type"`
		Vocab                   json.RawMessage  `json:"vocab"`
		Merges                  json.RawMessage  `json:"merges"`
		UnkToken                *string          `json:"unk_token"`
		ByteFallback            bool             `json:"byte_fallback"`
		FuseUnk                 bool             `json:"fuse_unk"`
		IgnoreMerges            bool             `json:"ignore_merges"`
		ContinuingSubwordPrefix *string          `json:"continuing_subword_prefix"`
		EndOfWordSuffix         *string          `json:"end_of_word_suffix"`
		Dropout                 *json.RawMessage `json:"dropout"`
	} `json:"model"`
}

// hfComponent is any normalizer, pre-tokenizer or decoder: a type tag and
// that type's fields.
type hfComponent struct {
	Type           string         `json:"type"`
	Normalizers    []*hfComponent `json:"normalizers"`
	PreTokenizers  []*hfComponent `json:"pretokenizers"`
	Decoders       []*hfComponent `json:"decoders"`
	Pattern        *hfPattern     `json:"pattern"`
	Content        *string        `json:"content"`
	Prepend        string         `json:"prepend"`
	Behavior       string         `json:"behavior"`
	Invert         bool           `json:"invert"`
	AddPrefixSpace *bool          `json:"add_prefix_space"`
	UseRegex       *bool          `json:"use_regex"`
	Replacement    string         `json:"replacement"`
	PrependScheme  string         `json:"prepend_scheme"`
	Split          *bool          `json:"split"`
	Individual     bool           `json:"individual_digits"`
	Start          int            `json:"start"`
	Stop           int            `json:"stop"`
	StripLeft      bool           `json:"strip_left"`
	StripRight     bool           `json:"strip_right"`
}

type hfPattern struct {
	String *string `json:"String"`
	Regex  *string `json:"Regex"`
}

// hfMerge is one merge rule, written "a b" or ["a", "b"].
type hfMerge [2]string

func (m *hfMerge) fromString(s string) error {
	a, c, ok := strings.Cut(s, " ")
	if !ok || a == "" || c == "" || strings.Contains(c, " ") {
		return fmt.Errorf("merge %q is not two space-separated tokens", s)
	}
	*m = hfMerge{a, c}
	return nil
}

// LoadHF reads a Hugging Face tokenizer.json. Files beside it
// (tokenizer_config.json, generation_config.json, config.json) refine BOS,
// EOS and the model family when present.
func LoadHF(path string) (*HF, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %w", err)
	}
	return parseHF(path, data)
}

func parseHF(path string, data []byte) (*HF, error) {
	t, err := buildHF(data)
	if err != nil {
		return nil, fmt.Errorf("tokenizer: %s: %w", path, err)
	}
	t.detectSpecials(filepath.Dir(path))
	return t, nil
}

func formatErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, args...))
}

func buildHF(data []byte) (*HF, error) {
	var f hfFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, formatErr("tokenizer.json: %v", err)
	}
	if f.Model == nil {
		return nil, formatErr("tokenizer.json has no model")
	}
	m := f.Model
	if m.Type != "BPE" && !(m.Type == "" && m.Merges != nil) {
		return nil, formatErr("model type %q is not supported (only BPE)", m.Type)
	}
	vocab, err := scanVocab(m.Vocab)
	if err != nil {
		return nil, formatErr("BPE vocab: %v", err)
	}
	if len(vocab) == 0 {
		return nil, formatErr("BPE model has an empty vocab")
	}
	var merges []hfMerge
	if len(m.Merges) > 0 {
		if merges, err = scanMerges(m.Merges); err != nil {
			return nil, formatErr("BPE merges: %v", err)
		}
	}
	if (m.ContinuingSubwordPrefix != nil && *m.ContinuingSubwordPrefix != "") ||
		(m.EndOfWordSuffix != nil && *m.EndOfWordSuffix != "") {
		return nil, formatErr("BPE continuing_subword_prefix/end_of_word_suffix are not supported")
	}
	if m.Dropout != nil && string(*m.Dropout) != "null" {
		var d float64
		if json.Unmarshal(*m.Dropout, &d) != nil || d != 0 {
			return nil, formatErr("BPE dropout is not supported")
		}
	}
	t := &HF{
		byteFallback: m.ByteFallback,
		fuseUnk:      m.FuseUnk,
		ignoreMerges: m.IgnoreMerges,
		unk:          -1,
		cache:        newWordCache(100_000),
		bos:          -1,
	}
	if err := t.buildPipeline(&f); err != nil {
		return nil, err
	}

	// Vocabulary and the id → token table.
	size := 0
	for tok, id := range vocab {
		if id < 0 || id >= 1<<24 {
			return nil, formatErr("vocab id %d of %q out of range", id, tok)
		}
		size = max(size, id+1)
	}
	for _, a := range f.AddedTokens {
		if a.ID < 0 || a.ID >= 1<<24 {
			return nil, formatErr("added token id %d of %q out of range", a.ID, a.Content)
		}
		if a.Content == "" {
			return nil, formatErr("added token %d has empty content", a.ID)
		}
		size = max(size, a.ID+1)
	}
	// Ids index dense tables; a file whose ids are mostly holes is corrupt
	// (and would make us allocate for ids up to 2^24).
	if size > 2*(len(vocab)+len(f.AddedTokens))+1024 {
		return nil, formatErr("ids up to %d for %d tokens: the id space is mostly holes", size-1, len(vocab)+len(f.AddedTokens))
	}
	t.vocabSize = size
	tokens := make([]string, size)
	has := make([]bool, size)
	t.vocab = make(map[string]int32, len(vocab))
	for tok, id := range vocab {
		if has[id] {
			return nil, formatErr("vocab id %d used by %q and %q", id, tokens[id], tok)
		}
		tokens[id], has[id] = tok, true
		key := tok
		if t.byteLevel {
			key = string(byteLevelDecode(tok))
		}
		// Two strings can name the same bytes only if one lies outside the
		// byte-level alphabet; keep the lower id so loading is deterministic.
		if prev, dup := t.vocab[key]; !dup || int32(id) < prev {
			t.vocab[key] = int32(id)
		}
	}
	t.special = make([]bool, size)
	for _, a := range f.AddedTokens {
		tokens[a.ID], has[a.ID] = a.Content, true
		t.special[a.ID] = a.Special
		t.added = append(t.added, addedToken{id: a.ID, content: a.Content, special: a.Special,
			lstrip: a.LStrip, rstrip: a.RStrip, singleWord: a.SingleWord})
	}
	t.addedTrie = &trieNode{tok: -1}
	for i, a := range t.added {
		t.addedFirst[a.content[0]] = true
		t.addedTrie.insert(a.content, i)
	}

	// Symbols a word starts from.
	if t.byteLevel {
		for b := range 256 {
			id, ok := t.vocab[string([]byte{byte(b)})]
			if !ok {
				return nil, formatErr("byte-level vocab lacks byte %#02x (%q)", b, string(byteToRune[b]))
			}
			t.byteID[b] = id
		}
	}
	for b := range 256 {
		t.byteTok[b] = -1
		if id, ok := vocab[fmt.Sprintf("<0x%02X>", b)]; ok {
			t.byteTok[b] = int32(id)
		}
	}
	if m.UnkToken != nil {
		id, ok := vocab[*m.UnkToken]
		if !ok {
			return nil, formatErr("unk_token %q is not in the vocab", *m.UnkToken)
		}
		t.unk = int32(id)
	}

	// Merges: pair of ids → (rank, merged id).
	t.model.merges = make(map[uint64]merge, len(merges))
	for rank, mg := range merges {
		a, okA := vocab[mg[0]]
		b, okB := vocab[mg[1]]
		if !okA || !okB {
			return nil, formatErr("merge %d (%q %q) uses a token not in the vocab", rank, mg[0], mg[1])
		}
		c, ok := vocab[mg[0]+mg[1]]
		if !ok {
			return nil, formatErr("merge %d (%q %q): merged token not in the vocab", rank, mg[0], mg[1])
		}
		k := pairKey(int32(a), int32(b))
		if _, dup := t.model.merges[k]; !dup {
			t.model.merges[k] = merge{rank: int32(rank), id: int32(c)}
		}
	}

	return t, t.buildDecoder(f.Decoder, tokens, has)
}

// buildPipeline compiles the normalizer and pre-tokenizer.
func (t *HF) buildPipeline(f *hfFile) error {
	norms, err := flatten(f.Normalizer, func(c *hfComponent) []*hfComponent { return c.Normalizers })
	if err != nil {
		return err
	}
	for _, c := range norms {
		fn, err := t.normalizer(c)
		if err != nil {
			return err
		}
		if fn != nil {
			t.normalizers = append(t.normalizers, fn)
		}
	}
	pres, err := flatten(f.PreTokenizer, func(c *hfComponent) []*hfComponent { return c.PreTokenizers })
	if err != nil {
		return err
	}
	for i, c := range pres {
		if c.Type == "ByteLevel" {
			if i != len(pres)-1 {
				return formatErr("ByteLevel pre-tokenizer must come last")
			}
			t.byteLevel = true
			if c.AddPrefixSpace != nil && *c.AddPrefixSpace {
				t.pretoks = append(t.pretoks, prefixSpace{})
			}
			if c.UseRegex == nil || *c.UseRegex {
				p, err := newRegexSplit(gpt2Pattern, "Isolated")
				if err != nil {
					return err
				}
				t.pretoks = append(t.pretoks, p)
			}
			continue
		}
		p, err := newPreTokenizer(c)
		if err != nil {
			return err
		}
		t.pretoks = append(t.pretoks, p)
	}
	if len(t.pretoks) == 1 {
		if f, ok := t.pretoks[0].(fastSplit); ok {
			t.fastDigits = f.maxDigits
		}
	}
	return nil
}

// flatten expands Sequence components.
func flatten(c *hfComponent, children func(*hfComponent) []*hfComponent) ([]*hfComponent, error) {
	if c == nil {
		return nil, nil
	}
	if c.Type != "Sequence" {
		return []*hfComponent{c}, nil
	}
	var out []*hfComponent
	for _, ch := range children(c) {
		if ch == nil {
			return nil, formatErr("null entry in a Sequence")
		}
		sub, err := flatten(ch, children)
		if err != nil {
			return nil, err
		}
		out = append(out, sub...)
	}
	return out, nil
}

func (t *HF) normalizer(c *hfComponent) (func(string) string, error) {
	switch c.Type {
	case "NFC":
		return norm.NFC.String, nil
	case "NFD":
		return norm.NFD.String, nil
	case "NFKC":
		return norm.NFKC.String, nil
	case "NFKD":
		return norm.NFKD.String, nil
	case "Lowercase":
		return strings.ToLower, nil
	case "Prepend":
		p := c.Prepend
		return func(s string) string {
			if s == "" {
				return s
			}
			return p + s
		}, nil
	case "Replace":
		return replacer(c)
	case "Strip":
		l, r := c.StripLeft, c.StripRight
		return func(s string) string {
			if l {
				s = strings.TrimLeftFunc(s, unicode.IsSpace)
			}
			if r {
				s = strings.TrimRightFunc(s, unicode.IsSpace)
			}
			return s
		}, nil
	case "ByteLevel":
		t.byteLevel = true // same effect as the ByteLevel pre-tokenizer without regex
		return nil, nil
	}
	return nil, formatErr("normalizer %q is not supported", c.Type)
}

func replacer(c *hfComponent) (func(string) string, error) {
	if c.Pattern == nil || c.Content == nil {
		return nil, formatErr("Replace needs pattern and content")
	}
	content := *c.Content
	switch {
	case c.Pattern.String != nil:
		from := *c.Pattern.String
		if from == "" {
			return nil, formatErr("Replace with an empty pattern")
		}
		return func(s string) string { return strings.ReplaceAll(s, from, content) }, nil
	case c.Pattern.Regex != nil:
		re, err := regexp2.Compile(*c.Pattern.Regex, regexp2.None)
		if err != nil {
			return nil, formatErr("Replace regex %q: %v", *c.Pattern.Regex, err)
		}
		return func(s string) string {
			out, err := re.Replace(s, strings.ReplaceAll(content, "$", "$$"), -1, -1)
			if err != nil {
				return s
			}
			return out
		}, nil
	}
	return nil, formatErr("Replace pattern has neither String nor Regex")
}

// buildDecoder compiles the decoder chain into per-token bytes plus the
// leading-space strip at the start of the output.
func (t *HF) buildDecoder(c *hfComponent, tokens []string, has []bool) error {
	decs, err := flatten(c, func(c *hfComponent) []*hfComponent { return c.Decoders })
	if err != nil {
		return err
	}
	type repl struct{ from, to string }
	var (
		byteLevel, byteFallback bool
		repls                   []repl
	)
	for _, d := range decs {
		switch d.Type {
		case "ByteLevel":
			byteLevel = true
		case "ByteFallback":
			byteFallback = true
		case "Fuse":
		case "Metaspace":
			r := d.Replacement
			if r == "" {
				r = "▁"
			}
			repls = append(repls, repl{r, " "})
			prepend := d.PrependScheme != "never"
			if d.PrependScheme == "" && d.AddPrefixSpace != nil {
				prepend = *d.AddPrefixSpace
			}
			if prepend {
				t.stripFirst++
			}
		case "Replace":
			if d.Pattern == nil || d.Pattern.String == nil || d.Content == nil {
				return formatErr("Replace decoder needs a String pattern and content")
			}
			repls = append(repls, repl{*d.Pattern.String, *d.Content})
		case "Strip":
			if d.Stop != 0 || d.Content == nil || *d.Content != " " {
				return formatErr("Strip decoder is supported only as content \" \" with stop 0")
			}
			t.stripFirst += d.Start
		default:
			return formatErr("decoder %q is not supported", d.Type)
		}
	}
	t.pieces = make([][]byte, len(tokens))
	for id, tok := range tokens {
		if !has[id] {
			continue
		}
		switch {
		case byteLevel:
			t.pieces[id] = byteLevelDecode(tok)
		case byteFallback && isByteToken(tok):
			v, _ := strconv.ParseUint(tok[3:5], 16, 8)
			t.pieces[id] = []byte{byte(v)}
		default:
			for _, r := range repls {
				tok = strings.ReplaceAll(tok, r.from, r.to)
			}
			t.pieces[id] = []byte(tok)
		}
	}
	return nil
}

func isByteToken(s string) bool {
	if len(s) != 6 || s[:3] != "<0x" || s[5] != '>' {
		return false
	}
	_, err := strconv.ParseUint(s[3:5], 16, 8)
	return err == nil
}

// detectSpecials sets family, BOS and EOS from the vocabulary and the
// config files beside tokenizer.json.
func (t *HF) detectSpecials(dir string) {
	id := func(tok string) int {
		for _, a := range t.added {
			if a.content == tok {
				return a.id
			}
		}
		return -1
	}
	var tc struct {
		BOS json.RawMessage `json:"bos_token"`
		EOS json.RawMessage `json:"eos_token"`
	}
	var cfg struct {
		ModelType string          `json:"model_type"`
		EOS       json.RawMessage `json:"eos_token_id"`
		BOS       json.RawMessage `json:"bos_token_id"`
	}
	var gen struct {
		EOS json.RawMessage `json:"eos_token_id"`
	}
	readJSON(filepath.Join(dir, "tokenizer_config.json"), &tc)
	readJSON(filepath.Join(dir, "config.json"), &cfg)
	readJSON(filepath.Join(dir, "generation_config.json"), &gen)

	switch {
	case id("<|start_header_id|>") >= 0:
		t.family = "llama3"
	case id("<|im_start|>") >= 0 || strings.HasPrefix(cfg.ModelType, "qwen"):
		t.family = "qwen"
	case cfg.ModelType == "mistral" || cfg.ModelType == "mixtral" || id("[INST]") >= 0:
		t.family = "mistral"
	case id("<s>") >= 0 && t.byteTok[0] >= 0:
		t.family = "llama2"
	}
	defaults := map[string][]string{
		"llama3":  {"<|begin_of_text|>", "<|end_of_text|>", "<|eot_id|>", "<|eom_id|>"},
		"qwen":    {"", "<|im_end|>", "<|endoftext|>"},
		"mistral": {"<s>", "</s>"},
		"llama2":  {"<s>", "</s>"},
	}[t.family]
	if len(defaults) > 0 {
		t.bos = id(defaults[0])
		for _, e := range defaults[1:] {
			if i := id(e); i >= 0 {
				t.eos = append(t.eos, i)
			}
		}
	}
	if tok, ok := tokenString(tc.BOS); ok {
		t.bos = id(tok)
	} else if string(tc.BOS) == "null" {
		t.bos = -1
	}
	if tok, ok := tokenString(tc.EOS); ok && id(tok) >= 0 {
		t.eos = append(t.eos, id(tok))
	}
	for _, raw := range []json.RawMessage{cfg.EOS, gen.EOS} {
		for _, i := range tokenIDs(raw) {
			if i >= 0 && i < t.vocabSize {
				t.eos = append(t.eos, i)
			}
		}
	}
	slices.Sort(t.eos)
	t.eos = slices.Compact(t.eos)
}

func readJSON(path string, v any) {
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, v) // optional refinements; a bad file is ignored
	}
}

// tokenString reads a tokenizer_config token: "text" or {"content": "text"}.
func tokenString(raw json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil && s != "" {
		return s, true
	}
	var o struct{ Content string }
	if json.Unmarshal(raw, &o) == nil && o.Content != "" {
		return o.Content, true
	}
	return "", false
}

func tokenIDs(raw json.RawMessage) []int {
	var one int
	if json.Unmarshal(raw, &one) == nil && len(raw) > 0 && raw[0] != 'n' {
		return []int{one}
	}
	var many []int
	_ = json.Unmarshal(raw, &many)
	return many
}

// Family, BOS, EOS, VocabSize implement Tokenizer.
func (t *HF) Family() string { return t.family }
func (t *HF) BOS() int       { return t.bos }
func (t *HF) EOS() []int     { return slices.Clone(t.eos) }
func (t *HF) VocabSize() int { return t.vocabSize }

// TokenBytes implements Tokenizer.
func (t *HF) TokenBytes(id int) []byte {
	if id < 0 || id >= t.vocabSize || t.special[id] || t.pieces[id] == nil {
		return nil
	}
	return slices.Clone(t.pieces[id])
}

// IsSpecial reports whether Decode skips id.
func (t *HF) IsSpecial(id int) bool { return id >= 0 && id < t.vocabSize && t.special[id] }

// TokenID returns the id of an added token's content or of a vocabulary
// token as written in tokenizer.json, -1 if absent.
func (t *HF) TokenID(tok string) int {
	for _, a := range t.added {
		if a.content == tok {
			return a.id
		}
	}
	key := tok
	if t.byteLevel {
		key = string(byteLevelDecode(tok))
	}
	if id, ok := t.vocab[key]; ok {
		return int(id)
	}
	return -1
}

func (t *HF) appendPiece(dst []byte, _ int, id int, first bool) ([]byte, bool) {
	if id < 0 || id >= t.vocabSize || t.special[id] || t.pieces[id] == nil {
		return dst, true
	}
	p := t.pieces[id]
	if first {
		for k := 0; k < t.stripFirst && len(p) > 0 && p[0] == ' '; k++ {
			p = p[1:]
		}
	}
	return append(dst, p...), false
}

// Decode implements Tokenizer.
func (t *HF) Decode(ids []int) string { return decodeIDs(t, ids) }

// Encode implements Tokenizer.
func (t *HF) Encode(text string) ([]int, error) {
	out := make([]int, 0, len(text)/3+4)
	segStart := 0
	for pos := 0; pos < len(text); {
		a, start, end := t.nextAdded(text, pos)
		if a == nil {
			break
		}
		var err error
		if out, err = t.encodeSegment(text[segStart:start], segStart == 0, out); err != nil {
			return nil, err
		}
		out = append(out, a.id)
		segStart, pos = end, end
	}
	return t.encodeSegment(text[segStart:], segStart == 0, out)
}

// EncodeOrdinary tokenizes text treating special-token strings as plain
// text (for untrusted content that must not inject control tokens).
func (t *HF) EncodeOrdinary(text string) ([]int, error) {
	return t.encodeSegment(text, true, nil)
}

// trieNode is a byte trie of the added tokens' contents.
type trieNode struct {
	next map[byte]*trieNode
	tok  int // index into HF.added ending here, -1 if none
}

func (n *trieNode) insert(s string, tok int) {
	for i := 0; i < len(s); i++ {
		c := n.next[s[i]]
		if c == nil {
			if n.next == nil {
				n.next = make(map[byte]*trieNode)
			}
			c = &trieNode{tok: -1}
			n.next[s[i]] = c
		}
		n = c
	}
	if n.tok < 0 { // the first of duplicate contents wins
		n.tok = tok
	}
}

// matches appends the added tokens that are prefixes of s, longest first.
func (n *trieNode) matches(s string, dst []int) []int {
	start := len(dst)
	for i := 0; i < len(s) && n != nil; i++ {
		if n = n.next[s[i]]; n != nil && n.tok >= 0 {
			dst = append(dst, n.tok)
		}
	}
	slices.Reverse(dst[start:])
	return dst
}

// nextAdded finds the leftmost added token at or after pos (longest on
// ties) and the span it covers, widened by its lstrip/rstrip whitespace.
func (t *HF) nextAdded(text string, pos int) (*addedToken, int, int) {
	var buf [8]int
	for i := pos; i < len(text); i++ {
		if !t.addedFirst[text[i]] {
			continue
		}
		for _, k := range t.addedTrie.matches(text[i:], buf[:0]) {
			a := &t.added[k]
			start, end := i, i+len(a.content)
			if a.singleWord && (isWordBefore(text[:start]) || isWordAfter(text[end:])) {
				continue
			}
			if a.lstrip {
				for start > pos {
					r, n := utf8.DecodeLastRuneInString(text[pos:start])
					if !unicode.IsSpace(r) {
						break
					}
					start -= n
				}
			}
			if a.rstrip {
				for end < len(text) {
					r, n := utf8.DecodeRuneInString(text[end:])
					if !unicode.IsSpace(r) {
						break
					}
					end += n
				}
			}
			return a, start, end
		}
	}
	return nil, 0, 0
}

func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

func isWordBefore(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	return n > 0 && isWordRune(r)
}

func isWordAfter(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && isWordRune(r)
}

// encodeSegment tokenizes text holding no added tokens; atStart reports
// that it begins the input (Metaspace's prepend_scheme "first").
func (t *HF) encodeSegment(seg string, atStart bool, out []int) ([]int, error) {
	if seg == "" {
		return out, nil
	}
	for _, n := range t.normalizers {
		seg = n(seg)
	}
	if t.fastDigits > 0 {
		splitLlama3(seg, t.fastDigits, func(w string) { out, _ = t.encodeWord(w, out) })
		return out, nil
	}
	words := []string{seg}
	for _, p := range t.pretoks {
		words = p.split(words, atStart)
	}
	var err error
	for _, w := range words {
		if out, err = t.encodeWord(w, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// encodeWord runs BPE on one pre-tokenized word.
func (t *HF) encodeWord(w string, out []int) ([]int, error) {
	if w == "" {
		return out, nil
	}
	if t.ignoreMerges { // a word in the vocabulary is one token; no lock needed
		if id, ok := t.vocab[w]; ok {
			return append(out, int(id)), nil
		}
	}
	if ids, ok := t.cache.get(w); ok {
		for _, id := range ids {
			out = append(out, int(id))
		}
		return out, nil
	}
	var buf [shortWord]int32
	syms := buf[:0]
	if t.byteLevel {
		for i := 0; i < len(w); i++ {
			syms = append(syms, t.byteID[w[i]])
		}
	} else {
		for i := 0; i < len(w); {
			_, n := utf8.DecodeRuneInString(w[i:])
			ch := w[i : i+n]
			i += n
			if id, ok := t.vocab[ch]; ok {
				syms = append(syms, id)
				continue
			}
			if t.byteFallback && t.hasByteTokens(ch) {
				for k := 0; k < len(ch); k++ {
					syms = append(syms, t.byteTok[ch[k]])
				}
				continue
			}
			if t.unk < 0 {
				return nil, fmt.Errorf("tokenizer: %q is not in the vocabulary and there is no unk token", ch)
			}
			if t.fuseUnk && len(syms) > 0 && syms[len(syms)-1] == t.unk {
				continue
			}
			syms = append(syms, t.unk)
		}
	}
	ids := t.model.apply(syms)
	for _, id := range ids {
		out = append(out, int(id))
	}
	t.cache.put(w, slices.Clone(ids))
	return out, nil
}

func (t *HF) hasByteTokens(ch string) bool {
	for k := 0; k < len(ch); k++ {
		if t.byteTok[ch[k]] < 0 {
			return false
		}
	}
	return true
}
