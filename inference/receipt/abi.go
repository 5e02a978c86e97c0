package receipt

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/crypto"
)

// Commitment is the on-chain form of a receipt: fixed-size fields and
// hashes of the variable payloads. Floats are stored as their IEEE-754 bit
// patterns so the commitment is exact (temperature etc. as float32 bits in a
// uint32, merge weights as float64 bits in a uint64).
//
// ABI layout (one tuple, encoded with abi.encode, i.e. no selector):
//
//	(uint8 version, string requestId, bytes32 modelHash,
//	 bytes32[] adapterHashes, uint64[] adapterWeights, string mergeMethod, uint64 mergeSeed,
//	 bytes32 promptHash, uint32 promptTokens,
//	 (uint32 temperature, uint32 topP, uint32 topK, uint32 repetitionPenalty,
//	  uint64 seed, uint32 maxTokens, uint32[] stopTokens, string[] stop) sampler,
//	 string engineVersion, string determinism,
//	 bytes32 outputHash, uint32 outputTokens, bytes32 outputTextHash, string finishReason)
//
// receiptHash = keccak256(abi.encode(commitment)).
type Commitment struct {
	Version        uint8
	RequestId      string // ABI component "requestId" (go-ethereum matches ToCamelCase names)
	ModelHash      [32]byte
	AdapterHashes  [][32]byte
	AdapterWeights []uint64
	MergeMethod    string
	MergeSeed      uint64
	PromptHash     [32]byte
	PromptTokens   uint32
	Sampler        SamplerABI
	EngineVersion  string
	Determinism    string
	OutputHash     [32]byte
	OutputTokens   uint32
	OutputTextHash [32]byte
	FinishReason   string
}

// SamplerABI is the sampler tuple of a Commitment.
type SamplerABI struct {
	Temperature       uint32
	TopP              uint32
	TopK              uint32
	RepetitionPenalty uint32
	Seed              uint64
	MaxTokens         uint32
	StopTokens        []uint32
	Stop              []string
}

// ABIType is the Solidity signature of the commitment tuple, for docs and
// for the contract side.
const ABIType = "(uint8,string,bytes32,bytes32[],uint64[],string,uint64,bytes32,uint32," +
	"(uint32,uint32,uint32,uint32,uint64,uint32,uint32[],string[]),string,string,bytes32,uint32,bytes32,string)"

var commitmentArgs = mustArgs()

func mustArgs() abi.Arguments {
	c := func(name, typ string, comps ...abi.ArgumentMarshaling) abi.ArgumentMarshaling {
		return abi.ArgumentMarshaling{Name: name, Type: typ, Components: comps}
	}
	t, err := abi.NewType("tuple", "", []abi.ArgumentMarshaling{
		c("version", "uint8"), c("requestId", "string"), c("modelHash", "bytes32"),
		c("adapterHashes", "bytes32[]"), c("adapterWeights", "uint64[]"), c("mergeMethod", "string"), c("mergeSeed", "uint64"),
		c("promptHash", "bytes32"), c("promptTokens", "uint32"),
		c("sampler", "tuple",
			c("temperature", "uint32"), c("topP", "uint32"), c("topK", "uint32"), c("repetitionPenalty", "uint32"),
			c("seed", "uint64"), c("maxTokens", "uint32"), c("stopTokens", "uint32[]"), c("stop", "string[]")),
		c("engineVersion", "string"), c("determinism", "string"),
		c("outputHash", "bytes32"), c("outputTokens", "uint32"), c("outputTextHash", "bytes32"), c("finishReason", "string"),
	})
	if err != nil {
		panic(fmt.Sprintf("receipt: bad ABI type: %v", err))
	}
	if got := t.String(); got != ABIType {
		panic(fmt.Sprintf("receipt: ABI type %s drifted from ABIType %s", got, ABIType))
	}
	return abi.Arguments{{Name: "receipt", Type: t}}
}

// Commitment derives the on-chain form. The receipt must have passed check
// (Seal or Validate) for the integer conversions to be lossless.
func (r *Receipt) Commitment() Commitment {
	c := Commitment{
		Version:        uint8(r.Version),
		RequestId:      r.RequestID,
		ModelHash:      r.ModelHash,
		AdapterHashes:  make([][32]byte, len(r.Adapters)),
		AdapterWeights: make([]uint64, len(r.Adapters)),
		MergeMethod:    r.MergeMethod,
		MergeSeed:      r.MergeSeed,
		PromptHash:     TokenHash(r.PromptTokenIDs),
		PromptTokens:   uint32(len(r.PromptTokenIDs)),
		Sampler: SamplerABI{
			Temperature:       math.Float32bits(r.Sampler.Temperature),
			TopP:              math.Float32bits(r.Sampler.TopP),
			TopK:              uint32(r.Sampler.TopK),
			RepetitionPenalty: math.Float32bits(r.Sampler.RepetitionPenalty),
			Seed:              r.Sampler.Seed,
			MaxTokens:         uint32(r.Sampler.MaxTokens),
			StopTokens:        make([]uint32, len(r.Sampler.StopTokens)),
			Stop:              append([]string{}, r.Sampler.Stop...),
		},
		EngineVersion:  r.EngineVersion,
		Determinism:    r.Determinism,
		OutputHash:     TokenHash(r.OutputTokenIDs),
		OutputTokens:   uint32(len(r.OutputTokenIDs)),
		OutputTextHash: TextHash(r.OutputText),
		FinishReason:   r.FinishReason,
	}
	for i, a := range r.Adapters {
		c.AdapterHashes[i] = a.Hash
		c.AdapterWeights[i] = math.Float64bits(a.Weight)
	}
	for i, id := range r.Sampler.StopTokens {
		c.Sampler.StopTokens[i] = uint32(id)
	}
	return c
}

// EncodeABI is abi.encode(commitment).
func (c Commitment) EncodeABI() ([]byte, error) {
	b, err := commitmentArgs.Pack(c)
	if err != nil {
		return nil, fmt.Errorf("receipt: abi encode: %w", err)
	}
	return b, nil
}

// Hash is the receipt hash: keccak256 of the ABI encoding.
func (c Commitment) Hash() (Hash, error) {
	b, err := c.EncodeABI()
	if err != nil {
		return Hash{}, err
	}
	return Hash(crypto.Keccak256Hash(b)), nil
}

// MaxABISize bounds DecodeABI's input; a well-formed commitment within the
// receipt limits is far smaller.
const MaxABISize = 1 << 20

// DecodeABI parses abi.encode(commitment). It accepts only the canonical
// encoding (re-encoding must reproduce the input byte for byte), so one
// commitment has exactly one encoding and therefore one hash.
func DecodeABI(b []byte) (Commitment, error) {
	if len(b) > MaxABISize {
		return Commitment{}, fmt.Errorf("receipt: abi input of %d bytes over %d", len(b), MaxABISize)
	}
	vals, err := commitmentArgs.Unpack(b)
	if err != nil {
		return Commitment{}, fmt.Errorf("receipt: abi decode: %w", err)
	}
	if len(vals) != 1 {
		return Commitment{}, errors.New("receipt: abi decode: expected one tuple")
	}
	c, ok := abi.ConvertType(vals[0], new(Commitment)).(*Commitment)
	if !ok {
		return Commitment{}, errors.New("receipt: abi decode: unexpected tuple shape")
	}
	if len(c.AdapterHashes) != len(c.AdapterWeights) {
		return Commitment{}, fmt.Errorf("receipt: %d adapter hashes but %d weights", len(c.AdapterHashes), len(c.AdapterWeights))
	}
	again, err := c.EncodeABI()
	if err != nil {
		return Commitment{}, err
	}
	if !bytes.Equal(again, b) {
		return Commitment{}, errors.New("receipt: abi decode: non-canonical encoding")
	}
	return *c, nil
}

// String renders a hash as 0x-prefixed hex.
func (h Hash) String() string { return "0x" + hex.EncodeToString(h[:]) }

// MarshalText implements encoding.TextMarshaler (JSON string "0x…").
func (h Hash) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText accepts exactly 64 hex digits with a 0x prefix.
func (h *Hash) UnmarshalText(b []byte) error {
	s := string(b)
	if !strings.HasPrefix(s, "0x") || len(s) != 66 {
		return fmt.Errorf("receipt: hash %q is not 0x + 64 hex digits", truncate(s, 80))
	}
	if _, err := hex.Decode(h[:], b[2:]); err != nil {
		return fmt.Errorf("receipt: hash %q: %w", truncate(s, 80), err)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
