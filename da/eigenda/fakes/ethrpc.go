package fakes

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/Layr-Labs/eigenda/api/clients/v2/coretypes"
	verifierv2 "github.com/Layr-Labs/eigenda/contracts/bindings/EigenDACertVerifierV2"
	"github.com/ethereum/go-ethereum/accounts/abi"
)

// CertVerifierLogic decides what the fake EigenDACertVerifier contract
// answers. The JSON-RPC plumbing, ABI encoding and revert reporting around
// it are the real thing; the contract's judgement is the caller's.
type CertVerifierLogic interface {
	QuorumNumbersRequired() []byte
	ConfirmationThreshold() uint8
	NonSignerStakesAndSignature(verifierv2.EigenDATypesV2SignedBatch) (verifierv2.EigenDATypesV1NonSignerStakesAndSignature, error)
	// VerifyCert returns nil for a valid cert; an error becomes a revert.
	VerifyCert(*coretypes.EigenDACert) error
}

// EthRPC is a loopback Ethereum JSON-RPC endpoint exposing one contract,
// the EigenDACertVerifier v2 ABI, at any address: enough for EigenDA's
// verification.CertVerifier (eth_chainId, eth_blockNumber, eth_call,
// eth_getCode).
type EthRPC struct {
	logic CertVerifierLogic
	abi   *abi.ABI
	down  atomic.Bool
	calls atomic.Int64
	lis   net.Listener
	srv   *http.Server
}

// StartEthRPC serves on a free 127.0.0.1 port.
func StartEthRPC(logic CertVerifierLogic) (*EthRPC, error) {
	parsed, err := verifierv2.ContractEigenDACertVerifierV2MetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("fake eth rpc: %w", err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("fake eth rpc: %w", err)
	}
	r := &EthRPC{logic: logic, abi: parsed, lis: lis}
	r.srv = &http.Server{Handler: r}
	go r.srv.Serve(lis)
	return r, nil
}

// URL is the endpoint's http URL.
func (r *EthRPC) URL() string { return "http://" + r.lis.Addr().String() }

// Down makes every request fail with HTTP 503, as an overloaded node would.
func (r *EthRPC) Down(on bool) { r.down.Store(on) }

// Calls counts eth_call requests.
func (r *EthRPC) Calls() int64 { return r.calls.Load() }

// Close stops the endpoint.
func (r *EthRPC) Close() { r.srv.Close() }

type rpcRequest struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    string `json:"data,omitempty"`
}

type rpcResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (r *EthRPC) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if r.down.Load() {
		http.Error(w, "fake: node down", http.StatusServiceUnavailable)
		return
	}
	var in rpcRequest
	if err := json.NewDecoder(req.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	out := rpcResponse{JSONRPC: "2.0", ID: in.ID}
	switch in.Method {
	case "eth_chainId":
		out.Result = "0x4268" // holesky
	case "eth_blockNumber":
		out.Result = "0x100000"
	case "eth_getCode":
		out.Result = "0x6080" // any non-empty code: the binding checks there is a contract
	case "eth_call":
		r.calls.Add(1)
		res, err := r.call(in.Params)
		var rev *revert
		switch {
		case errors.As(err, &rev):
			out.Error = &rpcError{Code: 3, Message: "execution reverted: " + rev.reason, Data: "0x08c379a0"}
		case err != nil:
			out.Error = &rpcError{Code: -32602, Message: err.Error()}
		default:
			out.Result = "0x" + hex.EncodeToString(res)
		}
	default:
		out.Error = &rpcError{Code: -32601, Message: "method not found: " + in.Method}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

type revert struct{ reason string }

func (r *revert) Error() string { return r.reason }

func (r *EthRPC) call(params []json.RawMessage) ([]byte, error) {
	if len(params) == 0 {
		return nil, errors.New("eth_call without params")
	}
	var msg struct {
		Data  string `json:"data"`
		Input string `json:"input"`
	}
	if err := json.Unmarshal(params[0], &msg); err != nil {
		return nil, err
	}
	hexData := msg.Input
	if hexData == "" {
		hexData = msg.Data
	}
	data, err := hex.DecodeString(strings.TrimPrefix(hexData, "0x"))
	if err != nil || len(data) < 4 {
		return nil, errors.New("bad call data")
	}
	method, err := r.abi.MethodById(data[:4])
	if err != nil {
		return nil, err
	}
	args, err := method.Inputs.Unpack(data[4:])
	if err != nil {
		return nil, &revert{"abi decode: " + err.Error()}
	}
	switch method.Name {
	case "quorumNumbersRequiredV2":
		return method.Outputs.Pack(r.logic.QuorumNumbersRequired())
	case "securityThresholdsV2":
		return method.Outputs.Pack(r.logic.ConfirmationThreshold(), uint8(33))
	case "getNonSignerStakesAndSignature":
		batch := *abi.ConvertType(args[0], new(verifierv2.EigenDATypesV2SignedBatch)).(*verifierv2.EigenDATypesV2SignedBatch)
		nss, err := r.logic.NonSignerStakesAndSignature(batch)
		if err != nil {
			return nil, &revert{err.Error()}
		}
		return method.Outputs.Pack(nss)
	case "verifyDACertV2":
		cert := &coretypes.EigenDACert{
			BatchHeader:                 *abi.ConvertType(args[0], new(verifierv2.EigenDATypesV2BatchHeaderV2)).(*verifierv2.EigenDATypesV2BatchHeaderV2),
			BlobInclusionInfo:           *abi.ConvertType(args[1], new(verifierv2.EigenDATypesV2BlobInclusionInfo)).(*verifierv2.EigenDATypesV2BlobInclusionInfo),
			NonSignerStakesAndSignature: *abi.ConvertType(args[2], new(verifierv2.EigenDATypesV1NonSignerStakesAndSignature)).(*verifierv2.EigenDATypesV1NonSignerStakesAndSignature),
			SignedQuorumNumbers:         args[3].([]byte),
		}
		if err := r.logic.VerifyCert(cert); err != nil {
			return nil, &revert{err.Error()}
		}
		return nil, nil
	}
	return nil, fmt.Errorf("fake: %s not implemented", method.Name)
}
