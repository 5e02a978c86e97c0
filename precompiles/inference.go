package precompiles

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/holiman/uint256"
)

// The inference precompile (0x…0A03). A contract calls infer; the sequencer,
// simulating pending transactions, sees it revert with InferenceRequired,
// runs the inference off the block-building path and later includes a
// receipt transaction (fulfill, from the inference signer) immediately
// before the user's transaction in one block. Verifiers rebuild blocks from
// transactions, so the output travels as the receipt transaction's calldata
// and replays bit for bit. docs/precompiles.md describes the lifecycle.

// Bounds of the inference precompile.
const (
	MaxInferenceOutput    = 16384 // output text bytes a receipt carries
	MaxOutputTokenIDs     = 4096  // output token ids a receipt carries
	MaxPromptSize         = 8192  // prompt bytes of infer
	MaxInferenceAdapters  = 16    // adapters merged by one request (the receipt format's limit)
	MaxInferenceInputSize = 40960 // calldata of any Inference call, the receipt transaction's included
	// MaxAdapterWeightPPM keeps float64(weight)/1e6 exact.
	MaxAdapterWeightPPM = 1 << 53
	// attributionWeightBits bounds a contributor weight so it packs with the
	// address into one word.
	attributionWeightBits = 96
	// ReceiptVersion is the receipt format fulfill accepts.
	ReceiptVersion = 1
)

// Receipt statuses, IInference.Status.
const (
	StatusNone uint8 = iota
	StatusFulfilled
	StatusFailed
	StatusConsumed
	StatusSwept
)

// Inference storage (account InferenceAddress) and transient storage.
const (
	slotInferenceSigner = 0 // address
	mapReceipts         = 1 // requestId => receipt record
	tslotCallIndex      = 0 // transient: infer calls consumed so far in this transaction
)

// Receipt record fields, words after keccak256(requestId . 1).
const (
	recHeader       = 0  // status, fulfilledAt, output length, counts (recordHeader)
	recReceiptID    = 1  // keccak256(abi.encode(commitment))
	recModelID      = 2  // registry id of the receipt's model
	recSampler      = 3  // packed sampler (samplerWord)
	recAdapters     = 4  // 16 words: adapter id (bits 0-191) | float64 weight bits (192-255)
	recContributors = 20 // 64 words: address (bits 0-159) | weight (160-255)
	recOutput       = 84 // ceil(len/32) words of output text, left-aligned
)

// InferenceParams is IInference.InferenceParams.
type InferenceParams struct {
	TemperatureMilli       uint32 `abi:"temperatureMilli"`
	TopPMilli              uint32 `abi:"topPMilli"`
	TopK                   uint32 `abi:"topK"`
	RepetitionPenaltyMilli uint32 `abi:"repetitionPenaltyMilli"`
	MaxTokens              uint32 `abi:"maxTokens"`
	Seed                   uint64 `abi:"seed"`
}

// MilliToFloat32 is the engine value of a Milli sampler field: float32(v)
// divided by 1000 in IEEE-754 single precision (both steps correctly
// rounded, so every platform gets the same bits).
func MilliToFloat32(v uint32) float32 { return float32(v) / 1000 }

// PPMToFloat64 is the engine merge weight of an adapter weight in parts per
// million (exact for weights up to MaxAdapterWeightPPM).
func PPMToFloat64(w uint64) float64 { return float64(w) / 1e6 }

// ReceiptSampler is IInference.Sampler (inference/receipt's SamplerABI).
type ReceiptSampler struct {
	Temperature       uint32
	TopP              uint32
	TopK              uint32
	RepetitionPenalty uint32
	Seed              uint64
	MaxTokens         uint32
	StopTokens        []uint32
	Stop              []string
}

// ReceiptCommitment is IInference.Commitment (inference/receipt's Commitment).
type ReceiptCommitment struct {
	Version        uint8
	RequestId      string // spelled as go-ethereum maps the ABI name requestId
	ModelHash      [32]byte
	AdapterHashes  [][32]byte
	AdapterWeights []uint64
	MergeMethod    string
	MergeSeed      uint64
	PromptHash     [32]byte
	PromptTokens   uint32
	Sampler        ReceiptSampler
	EngineVersion  string
	Determinism    string
	OutputHash     [32]byte
	OutputTokens   uint32
	OutputTextHash [32]byte
	FinishReason   string
}

// InferenceReceipt is IInference.Receipt, what getReceipt returns.
type InferenceReceipt struct {
	Status       uint8
	FulfilledAt  uint64
	ReceiptId    [32]byte // ABI receiptId
	ModelId      *big.Int // ABI modelId
	AdapterIds   []*big.Int
	Output       []byte
	Contributors []common.Address
	Weights      []*big.Int
}

var (
	inferMethod   = inferenceABI.Methods["infer"]
	fulfillMethod = inferenceABI.Methods["fulfill"]
	// commitmentArgs encodes the receipt tuple alone: receiptId is the
	// keccak256 of abi.encode(commitment).
	commitmentArgs = abi.Arguments{{Name: "receipt", Type: fulfillMethod.Inputs[3].Type}}
)

// RequestID is the id infer gives a request:
//
//	keccak256(abi.encode(uint256 chainId, address origin, uint64 nonce,
//	                     uint32 callIndex, bytes32 keccak256(inferArgs)))
//
// where origin is tx.origin, nonce the transaction's nonce (the origin's
// state nonce minus one while the transaction runs: the state transition
// bumps it before execution), callIndex the number of infer calls this
// transaction has consumed so far, and inferArgs infer's ABI-encoded
// arguments (its calldata without the selector; only the canonical encoding
// is accepted, so the hash is well defined).
func RequestID(chainID *big.Int, origin common.Address, nonce uint64, callIndex uint32, inferArgs []byte) common.Hash {
	var buf [160]byte
	uint256.MustFromBig(chainID).WriteToSlice(buf[0:32])
	copy(buf[44:64], origin[:])
	binary.BigEndian.PutUint64(buf[88:96], nonce)
	binary.BigEndian.PutUint32(buf[124:128], callIndex)
	args := crypto.Keccak256Hash(inferArgs)
	copy(buf[128:], args[:])
	return crypto.Keccak256Hash(buf[:])
}

// InferRequest is the arguments of infer.
type InferRequest struct {
	ModelID        *big.Int
	AdapterIDs     []*big.Int
	AdapterWeights []*big.Int // parts per million
	Prompt         []byte
	Params         InferenceParams
}

// Calldata is the canonical infer calldata (selector included).
func (r InferRequest) Calldata() ([]byte, error) {
	args, err := inferMethod.Inputs.Pack(r.ModelID, nonNil(r.AdapterIDs), nonNil(r.AdapterWeights), nonNilBytes(r.Prompt), r.Params)
	if err != nil {
		return nil, fmt.Errorf("precompiles: encode infer: %w", err)
	}
	return append(common.CopyBytes(inferMethod.ID), args...), nil
}

// DecodeInfer parses infer calldata, as the sequencer sees it in a traced
// simulation. Only the canonical encoding is accepted.
func DecodeInfer(calldata []byte) (InferRequest, error) {
	args, err := decodeCanonical(inferMethod, calldata)
	if err != nil {
		return InferRequest{}, err
	}
	return inferRequestOf(args), nil
}

func inferRequestOf(args []any) InferRequest {
	return InferRequest{
		ModelID:        args[0].(*big.Int),
		AdapterIDs:     args[1].([]*big.Int),
		AdapterWeights: args[2].([]*big.Int),
		Prompt:         args[3].([]byte),
		Params:         *abi.ConvertType(args[4], new(InferenceParams)).(*InferenceParams),
	}
}

// Fulfillment is the arguments of fulfill: the receipt transaction's payload.
type Fulfillment struct {
	RequestID      common.Hash
	ChainID        *big.Int
	Status         uint8 // StatusFulfilled or StatusFailed
	Receipt        ReceiptCommitment
	Output         []byte // output text; keccak256 = Receipt.OutputTextHash
	OutputTokenIDs []byte // big-endian uint32 ids; keccak256 = Receipt.OutputHash
	Contributors   []common.Address
	Weights        []*big.Int
}

// Calldata is the canonical fulfill calldata (selector included).
func (f Fulfillment) Calldata() ([]byte, error) {
	rc := f.Receipt
	rc.AdapterHashes, rc.AdapterWeights = nonNil(rc.AdapterHashes), nonNil(rc.AdapterWeights)
	rc.Sampler.StopTokens, rc.Sampler.Stop = nonNil(rc.Sampler.StopTokens), nonNil(rc.Sampler.Stop)
	args, err := fulfillMethod.Inputs.Pack([32]byte(f.RequestID), f.ChainID, f.Status, rc,
		nonNilBytes(f.Output), nonNilBytes(f.OutputTokenIDs), nonNil(f.Contributors), nonNil(f.Weights))
	if err != nil {
		return nil, fmt.Errorf("precompiles: encode fulfill: %w", err)
	}
	return append(common.CopyBytes(fulfillMethod.ID), args...), nil
}

// DecodeFulfill parses fulfill calldata (canonical encoding only).
func DecodeFulfill(calldata []byte) (Fulfillment, error) {
	args, err := decodeCanonical(fulfillMethod, calldata)
	if err != nil {
		return Fulfillment{}, err
	}
	return fulfillmentOf(args), nil
}

func fulfillmentOf(args []any) Fulfillment {
	return Fulfillment{
		RequestID:      args[0].([32]byte),
		ChainID:        args[1].(*big.Int),
		Status:         args[2].(uint8),
		Receipt:        *abi.ConvertType(args[3], new(ReceiptCommitment)).(*ReceiptCommitment),
		Output:         args[4].([]byte),
		OutputTokenIDs: args[5].([]byte),
		Contributors:   args[6].([]common.Address),
		Weights:        args[7].([]*big.Int),
	}
}

// ReceiptID is keccak256(abi.encode(c)), the engine's receipt hash.
func ReceiptID(c ReceiptCommitment) (common.Hash, error) {
	enc, err := commitmentArgs.Pack(c)
	if err != nil {
		return common.Hash{}, fmt.Errorf("precompiles: encode receipt: %w", err)
	}
	return crypto.Keccak256Hash(enc), nil
}

// PackTokenIDs is the outputTokenIds encoding: big-endian uint32s.
func PackTokenIDs(ids []uint32) []byte {
	out := make([]byte, 4*len(ids))
	for i, id := range ids {
		binary.BigEndian.PutUint32(out[4*i:], id)
	}
	return out
}

var errNonCanonical = errors.New("precompiles: non-canonical or malformed calldata")

func decodeCanonical(m abi.Method, calldata []byte) ([]any, error) {
	if len(calldata) < 4 || !bytes.Equal(calldata[:4], m.ID) || len(calldata) > MaxInferenceInputSize {
		return nil, fmt.Errorf("precompiles: decode %s: bad selector or size", m.Name)
	}
	args, err := m.Inputs.Unpack(calldata[4:])
	if err != nil {
		return nil, fmt.Errorf("precompiles: decode %s: %w", m.Name, err)
	}
	canon, err := m.Inputs.Pack(args...)
	if err != nil || !bytes.Equal(canon, calldata[4:]) {
		return nil, fmt.Errorf("precompiles: decode %s: %w", m.Name, errNonCanonical)
	}
	return args, nil
}

// nonNil keeps the ABI encoder from seeing nil slices (it encodes them, but
// callers compare round trips with decoded, non-nil values).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nonNilBytes(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

func newInference() *contract {
	c := newContract("paichain/Inference", InferenceAddress, inferenceABI, map[string]handler{
		"infer":              {write: true, payable: true, run: infer},
		"fulfill":            {write: true, run: fulfill},
		"sweep":              {write: true, run: sweep},
		"setInferenceSigner": {write: true, run: setInferenceSigner},
		"inferenceSigner":    {run: inferenceSigner},
		"getReceipt":         {run: getReceipt},
		"requestIdFor":       {run: requestIDFor},
	})
	c.maxInput = MaxInferenceInputSize
	return c
}

// recordHeader is the first word of a receipt record: status in byte 31
// (bits 0-7), fulfilledAt in bytes 23-30 (bits 8-71), output length in bytes
// 19-22 (bits 72-103), adapter count in byte 18, contributor count in byte 17.
type recordHeader struct {
	status        uint8
	fulfilledAt   uint64
	outputLen     uint32
	nAdapters     uint8
	nContributors uint8
}

func (h recordHeader) word() common.Hash {
	var w common.Hash
	w[31] = h.status
	binary.BigEndian.PutUint64(w[23:31], h.fulfilledAt)
	binary.BigEndian.PutUint32(w[19:23], h.outputLen)
	w[18], w[17] = h.nAdapters, h.nContributors
	return w
}

func headerOf(w common.Hash) recordHeader {
	return recordHeader{
		status:        w[31],
		fulfilledAt:   binary.BigEndian.Uint64(w[23:31]),
		outputLen:     binary.BigEndian.Uint32(w[19:23]),
		nAdapters:     w[18],
		nContributors: w[17],
	}
}

// dataSlots lists the record words after the receiptId that a header's
// record holds (model id, sampler, adapters, contributors, output).
func (h recordHeader) dataSlots() []uint64 {
	if h.status != StatusFulfilled {
		return nil
	}
	slots := []uint64{recModelID, recSampler}
	for i := range uint64(h.nAdapters) {
		slots = append(slots, recAdapters+i)
	}
	for i := range uint64(h.nContributors) {
		slots = append(slots, recContributors+i)
	}
	for i := uint64(0); i*32 < uint64(h.outputLen); i++ {
		slots = append(slots, recOutput+i)
	}
	return slots
}

// samplerWord packs the sampler fields infer checks: temperature bits in
// bytes 28-31, topP 24-27, topK 20-23, repetition penalty 16-19, maxTokens
// 12-15, seed 4-11.
func samplerWord(temperature, topP, topK, repPenalty, maxTokens uint32, seed uint64) common.Hash {
	var w common.Hash
	binary.BigEndian.PutUint32(w[28:], temperature)
	binary.BigEndian.PutUint32(w[24:], topP)
	binary.BigEndian.PutUint32(w[20:], topK)
	binary.BigEndian.PutUint32(w[16:], repPenalty)
	binary.BigEndian.PutUint32(w[12:], maxTokens)
	binary.BigEndian.PutUint64(w[4:], seed)
	return w
}

// requestSampler is the sampler word a request's params call for.
func requestSampler(p InferenceParams) common.Hash {
	return samplerWord(math.Float32bits(MilliToFloat32(p.TemperatureMilli)), math.Float32bits(MilliToFloat32(p.TopPMilli)),
		p.TopK, math.Float32bits(MilliToFloat32(p.RepetitionPenaltyMilli)), p.MaxTokens, p.Seed)
}

// adapterWord packs an adapter id (< 2^192, registry ids are counters) with
// the float64 bits of its merge weight in the top 8 bytes.
func adapterWord(id *uint256.Int, weightBits uint64) common.Hash {
	w := id.Bytes32()
	binary.BigEndian.PutUint64(w[0:8], weightBits)
	return w
}

// contributorWord packs an attribution weight (< 2^96) into bytes 0-11 and
// the contributor's address into bytes 12-31.
func contributorWord(a common.Address, weight *uint256.Int) common.Hash {
	var w common.Hash
	wb := weight.Bytes32()
	copy(w[:12], wb[20:])
	copy(w[12:], a[:])
	return w
}

func receiptBase(requestID common.Hash) common.Hash { return mappingSlot(requestID, mapReceipts) }

// keccak hashes data at the KECCAK256 opcode's price.
func (cl *call) keccak(data []byte) (common.Hash, error) {
	if err := cl.useGas(params.Keccak256Gas + params.Keccak256WordGas*((uint64(len(data))+31)/32)); err != nil {
		return common.Hash{}, err
	}
	return crypto.Keccak256Hash(data), nil
}

func (cl *call) chainID() *big.Int { return cl.env.EVM.ChainConfig().ChainID }

func fulfill(cl *call, args []any) ([]byte, error) {
	f := fulfillmentOf(args)
	rc := &f.Receipt
	fail := cl.contract.fail
	// Bounds first: they cost no storage reads.
	switch {
	case f.Status != StatusFulfilled && f.Status != StatusFailed:
		return nil, fail("InvalidInput")
	case len(f.Output) > MaxInferenceOutput:
		return nil, fail("TooLong", big.NewInt(int64(len(f.Output))), big.NewInt(MaxInferenceOutput))
	case len(f.OutputTokenIDs) > 4*MaxOutputTokenIDs:
		return nil, fail("TooLong", big.NewInt(int64(len(f.OutputTokenIDs))), big.NewInt(4*MaxOutputTokenIDs))
	case len(rc.AdapterHashes) > MaxInferenceAdapters:
		return nil, fail("TooManyAdapters", big.NewInt(int64(len(rc.AdapterHashes))), big.NewInt(MaxInferenceAdapters))
	case len(f.Contributors) > MaxContributors:
		return nil, fail("TooManyContributors", big.NewInt(int64(len(f.Contributors))), big.NewInt(MaxContributors))
	case len(rc.AdapterHashes) != len(rc.AdapterWeights), len(f.Contributors) != len(f.Weights):
		return nil, fail("LengthMismatch")
	}
	signer, err := cl.load(InferenceAddress, slotAt(slotInferenceSigner))
	if err != nil {
		return nil, err
	}
	if wordAddr(signer) == (common.Address{}) || wordAddr(signer) != cl.env.Caller {
		return nil, fail("NotInferenceSigner", cl.env.Caller)
	}
	if chain := cl.chainID(); chain.Cmp(f.ChainID) != 0 {
		return nil, fail("WrongChain", chain, f.ChainID)
	}
	if rc.Version != ReceiptVersion {
		return nil, fail("UnsupportedReceiptVersion", rc.Version)
	}
	// The engine keys its sampler PRNG with this string, so the output is
	// bound to this request id.
	if rc.RequestId != f.RequestID.Hex() {
		return nil, fail("RequestIdMismatch", [32]byte(f.RequestID))
	}
	base := receiptBase(f.RequestID)
	hw, err := cl.load(InferenceAddress, fieldSlot(base, recHeader))
	if err != nil {
		return nil, err
	}
	if hw != (common.Hash{}) {
		return nil, fail("AlreadyFulfilled", [32]byte(f.RequestID), headerOf(hw).status)
	}
	enc, err := commitmentArgs.Pack(args[3])
	if err != nil {
		return nil, fmt.Errorf("encode receipt: %w", err)
	}
	receiptID, err := cl.keccak(enc)
	if err != nil {
		return nil, err
	}
	h := recordHeader{status: f.Status, fulfilledAt: cl.env.EVM.Context.BlockNumber.Uint64()}
	modelID := new(uint256.Int)
	if f.Status == StatusFailed {
		// The engine could not serve it (deadline, unknown weights, ...):
		// nothing to check against the registry, nothing to pay.
		if len(f.Output) != 0 || len(f.OutputTokenIDs) != 0 || len(f.Contributors) != 0 {
			return nil, fail("InvalidInput")
		}
	} else {
		if modelID, err = cl.checkReceipt(f, base); err != nil {
			return nil, err
		}
		h.outputLen = uint32(len(f.Output))
		h.nAdapters, h.nContributors = uint8(len(rc.AdapterHashes)), uint8(len(f.Contributors))
	}
	if err := cl.store(fieldSlot(base, recHeader), h.word()); err != nil {
		return nil, err
	}
	if err := cl.store(fieldSlot(base, recReceiptID), receiptID); err != nil {
		return nil, err
	}
	return nil, cl.emit("InferenceFulfilled", [32]byte(f.RequestID), [32]byte(receiptID), modelID.ToBig(), f.Status, rc.OutputTokens)
}

// checkReceipt verifies a successful receipt against its payload and the
// registry and stores the record's data words; it returns the model id.
func (cl *call) checkReceipt(f Fulfillment, base common.Hash) (*uint256.Int, error) {
	rc := &f.Receipt
	fail := cl.contract.fail
	mismatch := func() error { return fail("OutputMismatch", [32]byte(f.RequestID)) }
	if uint64(len(f.OutputTokenIDs)) != 4*uint64(rc.OutputTokens) ||
		(rc.Sampler.MaxTokens != 0 && rc.OutputTokens > rc.Sampler.MaxTokens) {
		return nil, mismatch()
	}
	if th, err := cl.keccak(f.Output); err != nil {
		return nil, err
	} else if th != rc.OutputTextHash {
		return nil, mismatch()
	}
	if oh, err := cl.keccak(f.OutputTokenIDs); err != nil {
		return nil, err
	} else if oh != rc.OutputHash {
		return nil, mismatch()
	}
	weights := make([]*uint256.Int, len(f.Weights))
	total := new(uint256.Int)
	for i, c := range f.Contributors {
		weights[i] = u256(f.Weights[i])
		if reservedAddress(c) || weights[i].BitLen() > attributionWeightBits {
			return nil, fail("InvalidInput")
		}
		total.Add(total, weights[i]) // < 64 * 2^96: no overflow
	}
	if len(weights) > 0 && total.IsZero() {
		return nil, fail("InvalidInput")
	}
	// The receipt's model and adapters must be the registry's.
	w, err := cl.load(ModelRegistryAddress, mappingSlot(rc.ModelHash, mapModelByHash))
	if err != nil {
		return nil, err
	}
	modelID := wordOf(w)
	if modelID.IsZero() {
		return nil, fail("UnknownModelHash", rc.ModelHash)
	}
	adapterWords := make([]common.Hash, len(rc.AdapterHashes))
	for i, ah := range rc.AdapterHashes {
		if w, err = cl.load(ModelRegistryAddress, mappingSlot(ah, mapAdapterByHash)); err != nil {
			return nil, err
		}
		id := wordOf(w)
		if id.IsZero() {
			return nil, fail("UnknownAdapterHash", ah)
		}
		for _, prev := range rc.AdapterHashes[:i] {
			if prev == ah {
				return nil, fail("InvalidInput")
			}
		}
		if w, err = cl.registry().field(adapterBase(id), adapterBaseModel); err != nil {
			return nil, err
		}
		if !wordOf(w).Eq(modelID) {
			return nil, fail("AdapterModelMismatch", id.ToBig(), modelID.ToBig())
		}
		adapterWords[i] = adapterWord(id, rc.AdapterWeights[i])
	}
	s := rc.Sampler
	data := []struct {
		off uint64
		val common.Hash
	}{
		{recModelID, word(modelID)},
		{recSampler, samplerWord(s.Temperature, s.TopP, s.TopK, s.RepetitionPenalty, s.MaxTokens, s.Seed)},
	}
	for i, aw := range adapterWords {
		data = append(data, struct {
			off uint64
			val common.Hash
		}{recAdapters + uint64(i), aw})
	}
	for i, c := range f.Contributors {
		data = append(data, struct {
			off uint64
			val common.Hash
		}{recContributors + uint64(i), contributorWord(c, weights[i])})
	}
	for i := 0; i*32 < len(f.Output); i++ {
		var ow common.Hash
		copy(ow[:], f.Output[i*32:])
		data = append(data, struct {
			off uint64
			val common.Hash
		}{recOutput + uint64(i), ow})
	}
	for _, d := range data {
		if err := cl.store(fieldSlot(base, d.off), d.val); err != nil {
			return nil, err
		}
	}
	return modelID, nil
}

func infer(cl *call, args []any) ([]byte, error) {
	req := inferRequestOf(args)
	fail := cl.contract.fail
	switch {
	case len(req.Prompt) > MaxPromptSize:
		return nil, fail("TooLong", big.NewInt(int64(len(req.Prompt))), big.NewInt(MaxPromptSize))
	case len(req.AdapterIDs) > MaxInferenceAdapters:
		return nil, fail("TooManyAdapters", big.NewInt(int64(len(req.AdapterIDs))), big.NewInt(MaxInferenceAdapters))
	case len(req.AdapterIDs) != len(req.AdapterWeights):
		return nil, fail("LengthMismatch")
	}
	adapterIDs := make([]*uint256.Int, len(req.AdapterIDs))
	for i, id := range req.AdapterIDs {
		adapterIDs[i] = u256(id)
		w := req.AdapterWeights[i]
		if adapterIDs[i].IsZero() || adapterIDs[i].BitLen() > 192 || w.Cmp(big.NewInt(MaxAdapterWeightPPM)) > 0 {
			return nil, fail("InvalidInput")
		}
		for _, prev := range adapterIDs[:i] {
			if prev.Eq(adapterIDs[i]) {
				return nil, fail("InvalidInput")
			}
		}
	}
	if err := cl.useGas(params.WarmStorageReadCostEIP2929); err != nil { // TLOAD
		return nil, err
	}
	index := wordOf(cl.db.GetTransientState(InferenceAddress, slotAt(tslotCallIndex))).Uint64()
	origin := cl.env.EVM.TxContext.Origin
	nonce := cl.db.GetNonce(origin)
	if nonce > 0 {
		nonce-- // already bumped for the running transaction
	}
	if _, err := cl.keccak(cl.input[4:]); err != nil { // charged; RequestID hashes again
		return nil, err
	}
	if err := cl.useGas(params.Keccak256Gas + 5*params.Keccak256WordGas); err != nil { // the id itself
		return nil, err
	}
	requestID := RequestID(cl.chainID(), origin, nonce, uint32(index), cl.input[4:])
	modelID := u256(req.ModelID)

	base := receiptBase(requestID)
	hw, err := cl.load(InferenceAddress, fieldSlot(base, recHeader))
	if err != nil {
		return nil, err
	}
	h := headerOf(hw)
	switch {
	case h.status == StatusNone:
		return nil, fail("InferenceRequired", [32]byte(requestID), req.ModelID, origin, nonce, uint32(index))
	case h.status == StatusConsumed || h.status == StatusSwept:
		return nil, fail("ReceiptConsumed", [32]byte(requestID))
	case h.fulfilledAt != cl.env.EVM.Context.BlockNumber.Uint64():
		return nil, fail("ReceiptExpired", [32]byte(requestID), h.fulfilledAt)
	case h.status == StatusFailed:
		return nil, fail("InferenceUnavailable", [32]byte(requestID))
	}
	rec, err := readRecord(cl.load, base, h)
	if err != nil {
		return nil, err
	}
	// The receipt must be for what this call asks: same model, adapters,
	// merge weights and sampler settings.
	if !rec.modelID.Eq(modelID) || rec.sampler != requestSampler(req.Params) || len(rec.adapters) != len(adapterIDs) {
		return nil, fail("ReceiptMismatch", [32]byte(requestID))
	}
	for i, id := range adapterIDs {
		if rec.adapters[i] != adapterWord(id, math.Float64bits(PPMToFloat64(req.AdapterWeights[i].Uint64()))) {
			return nil, fail("ReceiptMismatch", [32]byte(requestID))
		}
	}
	// Price at payment time, as payForCall does.
	modelOwner, required, err := cl.modelPayee(modelID)
	if err != nil {
		return nil, err
	}
	adapters := make([]payee, len(adapterIDs))
	for i, id := range adapterIDs {
		owner, price, err := cl.adapterPayee(id, modelID)
		if err != nil {
			return nil, err
		}
		adapters[i] = payee{id: id, owner: owner}
		if _, overflow := required.AddOverflow(required, price); overflow {
			required.SetAllOne()
		}
	}
	value := cl.env.Value
	if value.Lt(required) {
		return nil, fail("InsufficientPayment", required.ToBig(), value.ToBig())
	}
	// Single use: clear the record, keeping a tombstone so the id can never
	// be fulfilled again.
	for _, off := range h.dataSlots() {
		if err := cl.store(fieldSlot(base, off), common.Hash{}); err != nil {
			return nil, err
		}
	}
	if err := cl.store(fieldSlot(base, recHeader), recordHeader{status: StatusConsumed, fulfilledAt: h.fulfilledAt}.word()); err != nil {
		return nil, err
	}
	if err := cl.useGas(params.WarmStorageReadCostEIP2929); err != nil { // TSTORE
		return nil, err
	}
	cl.db.SetTransientState(InferenceAddress, slotAt(tslotCallIndex), word(uint256.NewInt(index+1)))
	if !value.IsZero() {
		// The payment moves to Attribution, which pays out claims.
		if err := cl.useGas(GasValueTransfer); err != nil {
			return nil, err
		}
		if err := cl.ensureAccount(AttributionAddress); err != nil {
			return nil, err
		}
		cl.db.SubBalance(InferenceAddress, value, tracing.BalanceChangeTransfer)
		cl.db.AddBalance(AttributionAddress, value, tracing.BalanceChangeTransfer)
	}
	if err := cl.settle(cl.env.Caller, payment{
		modelID: modelID, modelOwner: modelOwner, adapters: adapters,
		contributors: rec.contributors, weights: rec.weights, value: value,
	}); err != nil {
		return nil, err
	}
	if err := cl.emit("InferenceServed", [32]byte(requestID), [32]byte(rec.receiptID), modelID.ToBig(), cl.env.Caller, value.ToBig()); err != nil {
		return nil, err
	}
	return cl.contract.returns("infer", rec.output, [32]byte(rec.receiptID))
}

// receiptRecord is a receipt record read back from storage.
type receiptRecord struct {
	header       recordHeader
	receiptID    common.Hash
	modelID      *uint256.Int
	sampler      common.Hash
	adapters     []common.Hash
	contributors []common.Address
	weights      []*uint256.Int
	output       []byte
}

func readRecord(load loader, base common.Hash, h recordHeader) (receiptRecord, error) {
	r := receiptRecord{header: h, modelID: new(uint256.Int), output: []byte{}}
	get := func(off uint64) (common.Hash, error) { return load(InferenceAddress, fieldSlot(base, off)) }
	var err error
	if h.status == StatusNone {
		return r, nil
	}
	if r.receiptID, err = get(recReceiptID); err != nil || h.status != StatusFulfilled {
		return r, err
	}
	w, err := get(recModelID)
	if err != nil {
		return r, err
	}
	r.modelID = wordOf(w)
	if r.sampler, err = get(recSampler); err != nil {
		return r, err
	}
	for i := range uint64(h.nAdapters) {
		if w, err = get(recAdapters + i); err != nil {
			return r, err
		}
		r.adapters = append(r.adapters, w)
	}
	for i := range uint64(h.nContributors) {
		if w, err = get(recContributors + i); err != nil {
			return r, err
		}
		r.contributors = append(r.contributors, common.BytesToAddress(w[12:]))
		r.weights = append(r.weights, new(uint256.Int).SetBytes(w[:12]))
	}
	out := make([]byte, 0, (h.outputLen+31)/32*32)
	for i := uint64(0); i*32 < uint64(h.outputLen); i++ {
		if w, err = get(recOutput + i); err != nil {
			return r, err
		}
		out = append(out, w[:]...)
	}
	r.output = out[:h.outputLen]
	return r, nil
}

func (r receiptRecord) abi() InferenceReceipt {
	out := InferenceReceipt{
		Status: r.header.status, FulfilledAt: r.header.fulfilledAt, ReceiptId: r.receiptID,
		ModelId: r.modelID.ToBig(), AdapterIds: []*big.Int{}, Output: r.output,
		Contributors: nonNil(r.contributors), Weights: []*big.Int{},
	}
	for _, a := range r.adapters {
		out.AdapterIds = append(out.AdapterIds, new(big.Int).SetBytes(a[8:]))
	}
	for _, w := range r.weights {
		out.Weights = append(out.Weights, w.ToBig())
	}
	return out
}

// ReadReceipt reads the receipt record of requestID from a state (status
// StatusNone if there is none).
func ReadReceipt(st StateReader, requestID common.Hash) InferenceReceipt {
	load := unmetered(st)
	base := receiptBase(requestID)
	hw, _ := load(InferenceAddress, fieldSlot(base, recHeader))
	r, _ := readRecord(load, base, headerOf(hw))
	return r.abi()
}

// ReadInferenceSigner returns the address allowed to fulfill requests.
func ReadInferenceSigner(st StateReader) common.Address {
	return wordAddr(st.GetState(InferenceAddress, slotAt(slotInferenceSigner)))
}

func getReceipt(cl *call, args []any) ([]byte, error) {
	base := receiptBase(args[0].([32]byte))
	hw, err := cl.load(InferenceAddress, fieldSlot(base, recHeader))
	if err != nil {
		return nil, err
	}
	r, err := readRecord(cl.load, base, headerOf(hw))
	if err != nil {
		return nil, err
	}
	return cl.contract.returns("getReceipt", r.abi())
}

// sweep clears receipts fulfilled in an earlier block and never consumed.
// Ids in any other state are skipped so that one stale id does not fail a
// batch. Nothing is escrowed at fulfill (payment happens in infer), so there
// is nothing to refund.
func sweep(cl *call, args []any) ([]byte, error) {
	now := cl.env.EVM.Context.BlockNumber.Uint64()
	swept := int64(0)
	for _, id := range args[0].([][32]byte) {
		base := receiptBase(id)
		hw, err := cl.load(InferenceAddress, fieldSlot(base, recHeader))
		if err != nil {
			return nil, err
		}
		h := headerOf(hw)
		if (h.status != StatusFulfilled && h.status != StatusFailed) || h.fulfilledAt >= now {
			continue
		}
		for _, off := range h.dataSlots() {
			if err := cl.store(fieldSlot(base, off), common.Hash{}); err != nil {
				return nil, err
			}
		}
		if err := cl.store(fieldSlot(base, recHeader), recordHeader{status: StatusSwept, fulfilledAt: h.fulfilledAt}.word()); err != nil {
			return nil, err
		}
		if err := cl.emit("ReceiptSwept", id, h.status); err != nil {
			return nil, err
		}
		swept++
	}
	return cl.contract.returns("sweep", big.NewInt(swept))
}

func setInferenceSigner(cl *call, args []any) ([]byte, error) {
	next := args[0].(common.Address)
	if _, err := cl.onlyGovernance(); err != nil {
		return nil, err
	}
	prev, err := cl.load(InferenceAddress, slotAt(slotInferenceSigner))
	if err != nil {
		return nil, err
	}
	if err := cl.store(slotAt(slotInferenceSigner), addrWord(next)); err != nil {
		return nil, err
	}
	return nil, cl.emit("InferenceSignerSet", wordAddr(prev), next)
}

func inferenceSigner(cl *call, _ []any) ([]byte, error) {
	w, err := cl.load(InferenceAddress, slotAt(slotInferenceSigner))
	if err != nil {
		return nil, err
	}
	return cl.contract.returns("inferenceSigner", wordAddr(w))
}

func requestIDFor(cl *call, args []any) ([]byte, error) {
	inferArgs, err := inferMethod.Inputs.Pack(args[3:]...)
	if err != nil {
		return nil, cl.contract.fail("InvalidInput")
	}
	if _, err := cl.keccak(inferArgs); err != nil {
		return nil, err
	}
	id := RequestID(cl.chainID(), args[0].(common.Address), args[1].(uint64), args[2].(uint32), inferArgs)
	return cl.contract.returns("requestIdFor", [32]byte(id))
}
