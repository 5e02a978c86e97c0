package paichainapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/gasestimator"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/holiman/uint256"

	"github.com/paichain/paichain/precompiles"
)

// How a call that needs inference is estimated. geth's estimate runs the
// call as it stands, so an infer call without a receipt reverts with
// InferenceRequired and the estimate fails. Here the call is run with
// worst-case receipts written into a copy of the state (by the precompile's
// own fulfil, from the inference signer), round after round until no infer
// call lacks one, and go-ethereum's exported gas estimator searches the gas
// limit on that state. (A state override cannot carry the receipts: geth
// drops any precompile whose address is overridden.)
//
// The stand-in receipt is as expensive to consume as a real one can be:
// the longest output the request allows, of non-zero bytes, and
// MaxContributors contributors that have never been credited (each credit
// is then a fresh storage slot).
const (
	// OutputBytesPerToken bounds the output text per requested token in
	// the worst case: a request with maxTokens n is estimated with
	// min(n*OutputBytesPerToken, precompiles.MaxInferenceOutput) bytes, and
	// maxTokens 0 (up to the context) with MaxInferenceOutput. Tokens of
	// the served vocabularies are far shorter; a contract whose gas grows
	// with the output keeps a margin this way without every estimate
	// assuming 16 KiB (which, stored by a contract, exceeds the 2^24
	// transaction gas cap).
	OutputBytesPerToken = 32
	// maxRounds bounds the run–fulfil rounds of one estimate: each round
	// finds the infer calls that still lack a receipt.
	maxRounds = 16
	// fulfillGas is the gas given to the stand-in fulfil (a 16 KiB output
	// with 64 contributors stores ~600 words).
	fulfillGas = 1 << 26
	// outputFiller is the stand-in output byte: printable, valid UTF-8.
	outputFiller = 'W'
	// estimateErrorRatio is geth's eth_estimateGas tolerance.
	estimateErrorRatio = 0.015
)

var (
	inferenceABI     = precompiles.InferenceABI()
	inferSelector    = inferenceABI.Methods["infer"].ID
	inferenceReqErr  = inferenceABI.Errors["InferenceRequired"]
	worstContributor = func() []common.Address {
		out := make([]common.Address, precompiles.MaxContributors)
		for i := range out {
			out[i] = common.BytesToAddress(crypto.Keccak256([]byte(fmt.Sprintf("paichain/estimate/contributor/%d", i)))[12:])
		}
		return out
	}()
)

// estimator answers calls that need no inference with geth's own
// eth_estimateGas, through a private in-process RPC server, so that their
// answer is exactly geth's (state and block overrides, gas cap, fee checks,
// OP Stack rules included).
type estimator struct {
	eth *eth.Ethereum
	b   *chainBackend

	once    sync.Once
	geth    *rpc.Client
	initErr error
}

func newEstimator(e *eth.Ethereum, b *chainBackend) *estimator {
	return &estimator{eth: e, b: b}
}

// client starts the private server on first use. geth's eth namespace
// service with EstimateGas is found among the eth service's APIs (its type
// is in go-ethereum's internal/ethapi); building that list starts the
// downloader API's event loop once, which ends when the node stops.
func (e *estimator) client() (*rpc.Client, error) {
	e.once.Do(func() {
		srv := rpc.NewServer()
		for _, api := range e.eth.APIs() {
			if api.Namespace == "eth" && reflect.ValueOf(api.Service).MethodByName("EstimateGas").IsValid() {
				if err := srv.RegisterName("eth", api.Service); err != nil {
					e.initErr = fmt.Errorf("paichainapi: register geth's eth API: %w", err)
					return
				}
				e.geth = rpc.DialInProc(srv)
				return
			}
		}
		e.initErr = errors.New("paichainapi: geth's eth_estimateGas not found among the eth service's APIs")
	})
	return e.geth, e.initErr
}

// gethEstimate is geth's eth_estimateGas with the given arguments.
func (e *estimator) gethEstimate(ctx context.Context, call CallArgs, block *rpc.BlockNumberOrHash, ov *StateOverride, bo *BlockOverrides) (hexutil.Uint64, error) {
	c, err := e.client()
	if err != nil {
		return 0, err
	}
	var gas hexutil.Uint64
	err = c.CallContext(ctx, &gas, "eth_estimateGas", call, block, ov, bo)
	return gas, err
}

func (e *estimator) estimate(ctx context.Context, call CallArgs, block *rpc.BlockNumberOrHash, ov *StateOverride, bo *BlockOverrides) (hexutil.Uint64, error) {
	env, err := e.prepare(ctx, call, blockOrLatest(block), ov, bo)
	if err != nil || env == nil {
		return e.gethEstimate(ctx, call, block, ov, bo)
	}
	reqs, err := e.fulfilAll(env)
	var ns *notServableError
	switch {
	case errors.As(err, &ns):
		// geth's answer, with the reason no receipt could stand in.
		gas, gerr := e.gethEstimate(ctx, call, block, ov, bo)
		if gerr != nil {
			return 0, &annotatedError{err: gerr, note: "the inference cannot be served: " + ns.reason}
		}
		return gas, nil
	case err != nil, len(reqs) == 0:
		// The call needs no inference (or fails before any): geth's answer.
		return e.gethEstimate(ctx, call, block, ov, bo)
	}
	gas, revert, err := gasestimator.Estimate(ctx, env.msg, &gasestimator.Options{
		Config: e.b.config(), Chain: e.eth.BlockChain(), Header: env.header, State: env.st, ErrorRatio: estimateErrorRatio,
	}, env.gasCap)
	if err != nil {
		if errors.Is(err, vm.ErrExecutionReverted) {
			return 0, newRevertError(revert)
		}
		return 0, err
	}
	return hexutil.Uint64(gas), nil
}

// required lists the inference requests of a call (paichain_requiredInferences).
func (e *estimator) required(ctx context.Context, call CallArgs, block rpc.BlockNumberOrHash, ov *StateOverride, bo *BlockOverrides) ([]*InferenceRequest, error) {
	env, err := e.prepare(ctx, call, block, ov, bo)
	switch {
	case errors.Is(err, errUnsupported):
		return nil, &invalidParamsError{"paichain_requiredInferences: arguments not supported (malformed, blob fields, or overrides of precompiles or of blob/beacon/withdrawal block fields)"}
	case err != nil:
		return nil, err
	case env == nil:
		return nil, nil
	}
	return e.fulfilAll(env)
}

// callEnv is a call ready to run: the state (overrides applied, receipts
// added as rounds go), the header (block overrides applied) and the message.
type callEnv struct {
	st     *state.StateDB
	header *types.Header
	msg    *core.Message
	gasCap uint64
}

// prepare builds the call's environment at block; nil (and no error) for
// a call that runs no code: a plain transfer needs no inference.
func (e *estimator) prepare(ctx context.Context, call CallArgs, block rpc.BlockNumberOrHash, ov *StateOverride, bo *BlockOverrides) (*callEnv, error) {
	args, err := call.parse()
	if err != nil {
		return nil, err
	}
	st, header, err := e.b.stateAt(ctx, block)
	if err != nil {
		return nil, err
	}
	noOverrides := (ov == nil || len(*ov) == 0) && (bo == nil || len(*bo) == 0 || string(*bo) == "null")
	if noOverrides && args.To != nil && *args.To != precompiles.InferenceAddress && len(st.GetCode(*args.To)) == 0 {
		return nil, nil
	}
	if bo != nil {
		if header, err = bo.apply(header); err != nil {
			return nil, err
		}
	}
	if ov != nil {
		cfg := e.b.config()
		rules := cfg.Rules(header.Number, header.Difficulty.Sign() == 0, header.Time)
		if err := ov.apply(st, vm.ActivePrecompiledContracts(rules)); err != nil {
			return nil, err
		}
	}
	gasCap := e.eth.APIBackend.RPCGasCap()
	msg, err := args.message(gasCap, header.BaseFee, e.b.config().ChainID)
	if err != nil {
		return nil, err
	}
	return &callEnv{st: st, header: header, msg: msg, gasCap: gasCap}, nil
}

// fulfilAll runs env's call until every infer call it makes has a
// stand-in receipt in env.st, and returns the requests in the order they
// were found (the order a sequencer fulfils them).
func (e *estimator) fulfilAll(env *callEnv) ([]*InferenceRequest, error) {
	seen := make(map[common.Hash]bool)
	var reqs []*InferenceRequest
	for round := 0; ; round++ {
		found, err := e.run(env)
		if err != nil {
			return nil, err
		}
		var fresh []*InferenceRequest
		for _, r := range found {
			if !seen[r.RequestID] {
				seen[r.RequestID] = true
				fresh = append(fresh, r)
			}
		}
		if len(fresh) == 0 {
			return reqs, nil
		}
		if round == maxRounds {
			return nil, &notServableError{fmt.Sprintf("more than %d rounds of infer calls", maxRounds)}
		}
		for _, r := range fresh {
			if err := e.worstCase(env, r); err != nil {
				return nil, err
			}
		}
		reqs = append(reqs, fresh...)
	}
}

// InferenceRequest is one infer call that needs a receipt.
type InferenceRequest struct {
	RequestID common.Hash    `json:"requestId"`
	ModelID   *hexutil.Big   `json:"modelId"`
	Origin    common.Address `json:"origin"`
	Nonce     hexutil.Uint64 `json:"nonce"`
	CallIndex hexutil.Uint64 `json:"callIndex"`
	Caller    common.Address `json:"caller"` // msg.sender of the infer call
	Value     *hexutil.Big   `json:"value"`
	Input     hexutil.Bytes  `json:"input"` // infer's calldata
}

// run executes env's call on a copy of its state, without fees and with
// the most gas estimation would try, and returns the infer calls that
// reverted with InferenceRequired, in execution order (caught ones
// included: the sequencer fulfils them too, and the transaction then takes
// the receipt). An error means the call could not run at all.
func (e *estimator) run(env *callEnv) ([]*InferenceRequest, error) {
	type frame struct {
		from, to common.Address
		input    []byte
		value    *big.Int
	}
	var (
		stack []frame
		found []*InferenceRequest
	)
	hooks := &tracing.Hooks{
		OnEnter: func(_ int, _ byte, from, to common.Address, input []byte, _ uint64, value *big.Int) {
			stack = append(stack, frame{from: from, to: to, input: input, value: value})
		},
		OnExit: func(_ int, output []byte, _ uint64, _ error, reverted bool) {
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !reverted || f.to != precompiles.InferenceAddress || !bytes.HasPrefix(f.input, inferSelector) || !bytes.HasPrefix(output, inferenceReqErr.ID[:4]) {
				return
			}
			vals, err := inferenceReqErr.Inputs.Unpack(output[4:])
			if err != nil {
				return
			}
			value := new(big.Int)
			if f.value != nil {
				value.Set(f.value)
			}
			found = append(found, &InferenceRequest{
				RequestID: vals[0].([32]byte), ModelID: (*hexutil.Big)(vals[1].(*big.Int)),
				Origin: vals[2].(common.Address), Nonce: hexutil.Uint64(vals[3].(uint64)),
				CallIndex: hexutil.Uint64(vals[4].(uint32)), Caller: f.from, Value: (*hexutil.Big)(value),
				Input: common.CopyBytes(f.input),
			})
		},
	}
	cfg := e.b.config()
	st := env.st.Copy()
	blockCtx := core.NewEVMBlockContext(env.header, e.eth.BlockChain(), nil, cfg, st)
	blockCtx.BaseFee = new(big.Int) // no fees: only the execution matters here
	msg := *env.msg
	msg.GasPrice, msg.GasFeeCap, msg.GasTipCap = new(big.Int), new(big.Int), new(big.Int)
	if msg.GasLimit < params.TxGas {
		msg.GasLimit = env.header.GasLimit
		if cfg.IsOsaka(env.header.Number, env.header.Time) && msg.GasLimit > params.MaxTxGas {
			msg.GasLimit = params.MaxTxGas
		}
		if env.gasCap != 0 && msg.GasLimit > env.gasCap {
			msg.GasLimit = env.gasCap
		}
	}
	evm := vm.NewEVM(blockCtx, st, cfg, vm.Config{Tracer: hooks, NoBaseFee: true})
	if _, err := core.ApplyMessage(evm, &msg, core.NewGasPool(math.MaxUint64)); err != nil {
		return nil, err
	}
	return found, nil
}

// notServableError: the call needs inference that no receipt could satisfy
// (unknown model, no inference signer, ...). The sequencer would answer it
// with a failed receipt, so the transaction would revert.
type notServableError struct{ reason string }

func (e *notServableError) Error() string { return "inference cannot be served: " + e.reason }

// annotatedError adds a note to an RPC error, keeping its code and data.
type annotatedError struct {
	err  error
	note string
}

func (e *annotatedError) Error() string { return e.err.Error() + " (" + e.note + ")" }

func (e *annotatedError) ErrorCode() int {
	var re rpc.Error
	if errors.As(e.err, &re) {
		return re.ErrorCode()
	}
	return -32000
}

func (e *annotatedError) ErrorData() interface{} {
	var de rpc.DataError
	if errors.As(e.err, &de) {
		return de.ErrorData()
	}
	return nil
}

// worstCase fulfils r in env.st with the most expensive receipt infer
// could be handed for it. It runs the precompile's own fulfil from the
// inference signer, so the record is exactly what a real receipt
// transaction stores, checked against the registry the same way.
func (e *estimator) worstCase(env *callEnv, r *InferenceRequest) error {
	st := env.st
	in, err := precompiles.DecodeInfer(r.Input)
	if err != nil {
		return &notServableError{err.Error()}
	}
	signer := precompiles.ReadInferenceSigner(st)
	if signer == (common.Address{}) {
		return &notServableError{"no inference signer is set (fulfilment paused)"}
	}
	model, ok := precompiles.Model{}, in.ModelID.IsUint64()
	if ok {
		model, ok = precompiles.ReadModel(st, in.ModelID.Uint64())
	}
	if !ok {
		return &notServableError{fmt.Sprintf("unknown model %s", in.ModelID)}
	}
	p := in.Params
	f := precompiles.Fulfillment{
		RequestID: r.RequestID, ChainID: e.b.config().ChainID, Status: precompiles.StatusFulfilled,
		Receipt: precompiles.ReceiptCommitment{
			Version: precompiles.ReceiptVersion, RequestId: r.RequestID.Hex(), ModelHash: model.WeightsHash,
			Sampler: precompiles.ReceiptSampler{
				Temperature: math.Float32bits(precompiles.MilliToFloat32(p.TemperatureMilli)),
				TopP:        math.Float32bits(precompiles.MilliToFloat32(p.TopPMilli)), TopK: p.TopK,
				RepetitionPenalty: math.Float32bits(precompiles.MilliToFloat32(p.RepetitionPenaltyMilli)),
				Seed:              p.Seed, MaxTokens: p.MaxTokens,
			},
			EngineVersion: "paichain/estimate", FinishReason: "length", OutputTokens: 1,
		},
		Output:         bytes.Repeat([]byte{outputFiller}, worstOutputLen(p.MaxTokens)),
		OutputTokenIDs: precompiles.PackTokenIDs([]uint32{0}),
		Contributors:   worstContributor,
	}
	f.Receipt.OutputHash = crypto.Keccak256Hash(f.OutputTokenIDs)
	f.Receipt.OutputTextHash = crypto.Keccak256Hash(f.Output)
	for range worstContributor {
		f.Weights = append(f.Weights, big.NewInt(1))
	}
	for i, id := range in.AdapterIDs {
		a, ok := precompiles.Adapter{}, id.IsUint64()
		if ok {
			a, ok = precompiles.ReadAdapter(st, id.Uint64())
		}
		if !ok {
			return &notServableError{fmt.Sprintf("unknown adapter %s", id)}
		}
		f.Receipt.AdapterHashes = append(f.Receipt.AdapterHashes, a.AdapterHash)
		f.Receipt.AdapterWeights = append(f.Receipt.AdapterWeights, math.Float64bits(precompiles.PPMToFloat64(in.AdapterWeights[i].Uint64())))
	}
	input, err := f.Calldata()
	if err != nil {
		return &notServableError{err.Error()}
	}
	cfg := e.b.config()
	evm := vm.NewEVM(core.NewEVMBlockContext(env.header, e.eth.BlockChain(), nil, cfg, st), st, cfg, vm.Config{})
	evm.SetTxContext(vm.TxContext{Origin: signer, GasPrice: new(uint256.Int)})
	ret, _, err := evm.Call(signer, precompiles.InferenceAddress, input, fulfillGas, new(uint256.Int))
	if err != nil {
		reason := err.Error()
		if name, ok := precompiles.DecodeRevert(ret); ok {
			reason = name
		}
		return &notServableError{"the receipt would be rejected: " + reason}
	}
	st.Finalise(true) // as if the receipt transaction had run before
	return nil
}

// worstOutputLen is the stand-in output length for a request's maxTokens.
func worstOutputLen(maxTokens uint32) int {
	if maxTokens == 0 || uint64(maxTokens)*OutputBytesPerToken >= precompiles.MaxInferenceOutput {
		return precompiles.MaxInferenceOutput
	}
	return int(maxTokens) * OutputBytesPerToken
}
