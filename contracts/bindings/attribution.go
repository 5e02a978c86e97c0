// Code generated - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"errors"
	"math/big"
	"strings"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/event"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = errors.New
	_ = big.NewInt
	_ = strings.NewReader
	_ = ethereum.NotFound
	_ = bind.Bind
	_ = common.Big1
	_ = types.BloomLookup
	_ = event.NewSubscription
	_ = abi.ConvertType
)

// IAttributionFeePolicy is an auto generated low-level Go binding around an user-defined struct.
type IAttributionFeePolicy struct {
	ProtocolBps         uint16
	ModelOwnerBps       uint16
	AdapterOwnerBps     uint16
	DataContributorsBps uint16
}

// AttributionMetaData contains all meta data concerning the Attribution contract.
var AttributionMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"AdapterModelMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"DelegateCallNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"}],\"name\":\"InsufficientPayment\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidFeePolicy\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidInput\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NonPayable\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotGovernance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingToClaim\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"TooManyContributors\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"}],\"name\":\"UnknownAdapter\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"UnknownModel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"selector\",\"type\":\"bytes4\"}],\"name\":\"UnknownSelector\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"WriteProtection\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"enumIAttribution.Role\",\"name\":\"role\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Credited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"protocolBps\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"modelOwnerBps\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"adapterOwnerBps\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"dataContributorsBps\",\"type\":\"uint16\"}],\"name\":\"FeePolicySet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousGovernance\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newGovernance\",\"type\":\"address\"}],\"name\":\"GovernanceTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"protocolAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"modelOwnerAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"adapterOwnerAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"contributorsAmount\",\"type\":\"uint256\"}],\"name\":\"Paid\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"ProtocolFeeRecipientSet\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"claim\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"claimable\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"feePolicy\",\"outputs\":[{\"components\":[{\"internalType\":\"uint16\",\"name\":\"protocolBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"modelOwnerBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"adapterOwnerBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"dataContributorsBps\",\"type\":\"uint16\"}],\"internalType\":\"structIAttribution.FeePolicy\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"governance\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"contributors\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"weights\",\"type\":\"uint256[]\"}],\"name\":\"payForCall\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"protocolFeeRecipient\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"}],\"name\":\"quote\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"weiRequired\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"protocolBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"modelOwnerBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"adapterOwnerBps\",\"type\":\"uint16\"},{\"internalType\":\"uint16\",\"name\":\"dataContributorsBps\",\"type\":\"uint16\"}],\"name\":\"setFeePolicy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newGovernance\",\"type\":\"address\"}],\"name\":\"setGovernance\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"}],\"name\":\"setProtocolFeeRecipient\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
}

// AttributionABI is the input ABI used to generate the binding from.
// Deprecated: Use AttributionMetaData.ABI instead.
var AttributionABI = AttributionMetaData.ABI

// Attribution is an auto generated Go binding around an Ethereum contract.
type Attribution struct {
	AttributionCaller     // Read-only binding to the contract
	AttributionTransactor // Write-only binding to the contract
	AttributionFilterer   // Log filterer for contract events
}

// AttributionCaller is an auto generated read-only Go binding around an Ethereum contract.
type AttributionCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// AttributionTransactor is an auto generated write-only Go binding around an Ethereum contract.
type AttributionTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// AttributionFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type AttributionFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// AttributionSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type AttributionSession struct {
	Contract     *Attribution      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// AttributionCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type AttributionCallerSession struct {
	Contract *AttributionCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// AttributionTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type AttributionTransactorSession struct {
	Contract     *AttributionTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// AttributionRaw is an auto generated low-level Go binding around an Ethereum contract.
type AttributionRaw struct {
	Contract *Attribution // Generic contract binding to access the raw methods on
}

// AttributionCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type AttributionCallerRaw struct {
	Contract *AttributionCaller // Generic read-only contract binding to access the raw methods on
}

// AttributionTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type AttributionTransactorRaw struct {
	Contract *AttributionTransactor // Generic write-only contract binding to access the raw methods on
}

// NewAttribution creates a new instance of Attribution, bound to a specific deployed contract.
func NewAttribution(address common.Address, backend bind.ContractBackend) (*Attribution, error) {
	contract, err := bindAttribution(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &Attribution{AttributionCaller: AttributionCaller{contract: contract}, AttributionTransactor: AttributionTransactor{contract: contract}, AttributionFilterer: AttributionFilterer{contract: contract}}, nil
}

// NewAttributionCaller creates a new read-only instance of Attribution, bound to a specific deployed contract.
func NewAttributionCaller(address common.Address, caller bind.ContractCaller) (*AttributionCaller, error) {
	contract, err := bindAttribution(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &AttributionCaller{contract: contract}, nil
}

// NewAttributionTransactor creates a new write-only instance of Attribution, bound to a specific deployed contract.
func NewAttributionTransactor(address common.Address, transactor bind.ContractTransactor) (*AttributionTransactor, error) {
	contract, err := bindAttribution(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &AttributionTransactor{contract: contract}, nil
}

// NewAttributionFilterer creates a new log filterer instance of Attribution, bound to a specific deployed contract.
func NewAttributionFilterer(address common.Address, filterer bind.ContractFilterer) (*AttributionFilterer, error) {
	contract, err := bindAttribution(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &AttributionFilterer{contract: contract}, nil
}

// bindAttribution binds a generic wrapper to an already deployed contract.
func bindAttribution(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := AttributionMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Attribution *AttributionRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Attribution.Contract.AttributionCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Attribution *AttributionRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Attribution.Contract.AttributionTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Attribution *AttributionRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Attribution.Contract.AttributionTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_Attribution *AttributionCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _Attribution.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_Attribution *AttributionTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Attribution.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_Attribution *AttributionTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _Attribution.Contract.contract.Transact(opts, method, params...)
}

// Claimable is a free data retrieval call binding the contract method 0x402914f5.
//
// Solidity: function claimable(address account) view returns(uint256)
func (_Attribution *AttributionCaller) Claimable(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _Attribution.contract.Call(opts, &out, "claimable", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Claimable is a free data retrieval call binding the contract method 0x402914f5.
//
// Solidity: function claimable(address account) view returns(uint256)
func (_Attribution *AttributionSession) Claimable(account common.Address) (*big.Int, error) {
	return _Attribution.Contract.Claimable(&_Attribution.CallOpts, account)
}

// Claimable is a free data retrieval call binding the contract method 0x402914f5.
//
// Solidity: function claimable(address account) view returns(uint256)
func (_Attribution *AttributionCallerSession) Claimable(account common.Address) (*big.Int, error) {
	return _Attribution.Contract.Claimable(&_Attribution.CallOpts, account)
}

// FeePolicy is a free data retrieval call binding the contract method 0x82589038.
//
// Solidity: function feePolicy() view returns((uint16,uint16,uint16,uint16))
func (_Attribution *AttributionCaller) FeePolicy(opts *bind.CallOpts) (IAttributionFeePolicy, error) {
	var out []interface{}
	err := _Attribution.contract.Call(opts, &out, "feePolicy")

	if err != nil {
		return *new(IAttributionFeePolicy), err
	}

	out0 := *abi.ConvertType(out[0], new(IAttributionFeePolicy)).(*IAttributionFeePolicy)

	return out0, err

}

// FeePolicy is a free data retrieval call binding the contract method 0x82589038.
//
// Solidity: function feePolicy() view returns((uint16,uint16,uint16,uint16))
func (_Attribution *AttributionSession) FeePolicy() (IAttributionFeePolicy, error) {
	return _Attribution.Contract.FeePolicy(&_Attribution.CallOpts)
}

// FeePolicy is a free data retrieval call binding the contract method 0x82589038.
//
// Solidity: function feePolicy() view returns((uint16,uint16,uint16,uint16))
func (_Attribution *AttributionCallerSession) FeePolicy() (IAttributionFeePolicy, error) {
	return _Attribution.Contract.FeePolicy(&_Attribution.CallOpts)
}

// Governance is a free data retrieval call binding the contract method 0x5aa6e675.
//
// Solidity: function governance() view returns(address)
func (_Attribution *AttributionCaller) Governance(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Attribution.contract.Call(opts, &out, "governance")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Governance is a free data retrieval call binding the contract method 0x5aa6e675.
//
// Solidity: function governance() view returns(address)
func (_Attribution *AttributionSession) Governance() (common.Address, error) {
	return _Attribution.Contract.Governance(&_Attribution.CallOpts)
}

// Governance is a free data retrieval call binding the contract method 0x5aa6e675.
//
// Solidity: function governance() view returns(address)
func (_Attribution *AttributionCallerSession) Governance() (common.Address, error) {
	return _Attribution.Contract.Governance(&_Attribution.CallOpts)
}

// ProtocolFeeRecipient is a free data retrieval call binding the contract method 0x64df049e.
//
// Solidity: function protocolFeeRecipient() view returns(address)
func (_Attribution *AttributionCaller) ProtocolFeeRecipient(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _Attribution.contract.Call(opts, &out, "protocolFeeRecipient")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// ProtocolFeeRecipient is a free data retrieval call binding the contract method 0x64df049e.
//
// Solidity: function protocolFeeRecipient() view returns(address)
func (_Attribution *AttributionSession) ProtocolFeeRecipient() (common.Address, error) {
	return _Attribution.Contract.ProtocolFeeRecipient(&_Attribution.CallOpts)
}

// ProtocolFeeRecipient is a free data retrieval call binding the contract method 0x64df049e.
//
// Solidity: function protocolFeeRecipient() view returns(address)
func (_Attribution *AttributionCallerSession) ProtocolFeeRecipient() (common.Address, error) {
	return _Attribution.Contract.ProtocolFeeRecipient(&_Attribution.CallOpts)
}

// Quote is a free data retrieval call binding the contract method 0x315f1a41.
//
// Solidity: function quote(uint256 modelId, uint256 adapterId) view returns(uint256 weiRequired)
func (_Attribution *AttributionCaller) Quote(opts *bind.CallOpts, modelId *big.Int, adapterId *big.Int) (*big.Int, error) {
	var out []interface{}
	err := _Attribution.contract.Call(opts, &out, "quote", modelId, adapterId)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Quote is a free data retrieval call binding the contract method 0x315f1a41.
//
// Solidity: function quote(uint256 modelId, uint256 adapterId) view returns(uint256 weiRequired)
func (_Attribution *AttributionSession) Quote(modelId *big.Int, adapterId *big.Int) (*big.Int, error) {
	return _Attribution.Contract.Quote(&_Attribution.CallOpts, modelId, adapterId)
}

// Quote is a free data retrieval call binding the contract method 0x315f1a41.
//
// Solidity: function quote(uint256 modelId, uint256 adapterId) view returns(uint256 weiRequired)
func (_Attribution *AttributionCallerSession) Quote(modelId *big.Int, adapterId *big.Int) (*big.Int, error) {
	return _Attribution.Contract.Quote(&_Attribution.CallOpts, modelId, adapterId)
}

// Claim is a paid mutator transaction binding the contract method 0x4e71d92d.
//
// Solidity: function claim() returns(uint256 amount)
func (_Attribution *AttributionTransactor) Claim(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _Attribution.contract.Transact(opts, "claim")
}

// Claim is a paid mutator transaction binding the contract method 0x4e71d92d.
//
// Solidity: function claim() returns(uint256 amount)
func (_Attribution *AttributionSession) Claim() (*types.Transaction, error) {
	return _Attribution.Contract.Claim(&_Attribution.TransactOpts)
}

// Claim is a paid mutator transaction binding the contract method 0x4e71d92d.
//
// Solidity: function claim() returns(uint256 amount)
func (_Attribution *AttributionTransactorSession) Claim() (*types.Transaction, error) {
	return _Attribution.Contract.Claim(&_Attribution.TransactOpts)
}

// PayForCall is a paid mutator transaction binding the contract method 0x44d2fe41.
//
// Solidity: function payForCall(uint256 modelId, uint256 adapterId, address[] contributors, uint256[] weights) payable returns()
func (_Attribution *AttributionTransactor) PayForCall(opts *bind.TransactOpts, modelId *big.Int, adapterId *big.Int, contributors []common.Address, weights []*big.Int) (*types.Transaction, error) {
	return _Attribution.contract.Transact(opts, "payForCall", modelId, adapterId, contributors, weights)
}

// PayForCall is a paid mutator transaction binding the contract method 0x44d2fe41.
//
// Solidity: function payForCall(uint256 modelId, uint256 adapterId, address[] contributors, uint256[] weights) payable returns()
func (_Attribution *AttributionSession) PayForCall(modelId *big.Int, adapterId *big.Int, contributors []common.Address, weights []*big.Int) (*types.Transaction, error) {
	return _Attribution.Contract.PayForCall(&_Attribution.TransactOpts, modelId, adapterId, contributors, weights)
}

// PayForCall is a paid mutator transaction binding the contract method 0x44d2fe41.
//
// Solidity: function payForCall(uint256 modelId, uint256 adapterId, address[] contributors, uint256[] weights) payable returns()
func (_Attribution *AttributionTransactorSession) PayForCall(modelId *big.Int, adapterId *big.Int, contributors []common.Address, weights []*big.Int) (*types.Transaction, error) {
	return _Attribution.Contract.PayForCall(&_Attribution.TransactOpts, modelId, adapterId, contributors, weights)
}

// SetFeePolicy is a paid mutator transaction binding the contract method 0xac1e05df.
//
// Solidity: function setFeePolicy(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps) returns()
func (_Attribution *AttributionTransactor) SetFeePolicy(opts *bind.TransactOpts, protocolBps uint16, modelOwnerBps uint16, adapterOwnerBps uint16, dataContributorsBps uint16) (*types.Transaction, error) {
	return _Attribution.contract.Transact(opts, "setFeePolicy", protocolBps, modelOwnerBps, adapterOwnerBps, dataContributorsBps)
}

// SetFeePolicy is a paid mutator transaction binding the contract method 0xac1e05df.
//
// Solidity: function setFeePolicy(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps) returns()
func (_Attribution *AttributionSession) SetFeePolicy(protocolBps uint16, modelOwnerBps uint16, adapterOwnerBps uint16, dataContributorsBps uint16) (*types.Transaction, error) {
	return _Attribution.Contract.SetFeePolicy(&_Attribution.TransactOpts, protocolBps, modelOwnerBps, adapterOwnerBps, dataContributorsBps)
}

// SetFeePolicy is a paid mutator transaction binding the contract method 0xac1e05df.
//
// Solidity: function setFeePolicy(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps) returns()
func (_Attribution *AttributionTransactorSession) SetFeePolicy(protocolBps uint16, modelOwnerBps uint16, adapterOwnerBps uint16, dataContributorsBps uint16) (*types.Transaction, error) {
	return _Attribution.Contract.SetFeePolicy(&_Attribution.TransactOpts, protocolBps, modelOwnerBps, adapterOwnerBps, dataContributorsBps)
}

// SetGovernance is a paid mutator transaction binding the contract method 0xab033ea9.
//
// Solidity: function setGovernance(address newGovernance) returns()
func (_Attribution *AttributionTransactor) SetGovernance(opts *bind.TransactOpts, newGovernance common.Address) (*types.Transaction, error) {
	return _Attribution.contract.Transact(opts, "setGovernance", newGovernance)
}

// SetGovernance is a paid mutator transaction binding the contract method 0xab033ea9.
//
// Solidity: function setGovernance(address newGovernance) returns()
func (_Attribution *AttributionSession) SetGovernance(newGovernance common.Address) (*types.Transaction, error) {
	return _Attribution.Contract.SetGovernance(&_Attribution.TransactOpts, newGovernance)
}

// SetGovernance is a paid mutator transaction binding the contract method 0xab033ea9.
//
// Solidity: function setGovernance(address newGovernance) returns()
func (_Attribution *AttributionTransactorSession) SetGovernance(newGovernance common.Address) (*types.Transaction, error) {
	return _Attribution.Contract.SetGovernance(&_Attribution.TransactOpts, newGovernance)
}

// SetProtocolFeeRecipient is a paid mutator transaction binding the contract method 0xe521cb92.
//
// Solidity: function setProtocolFeeRecipient(address recipient) returns()
func (_Attribution *AttributionTransactor) SetProtocolFeeRecipient(opts *bind.TransactOpts, recipient common.Address) (*types.Transaction, error) {
	return _Attribution.contract.Transact(opts, "setProtocolFeeRecipient", recipient)
}

// SetProtocolFeeRecipient is a paid mutator transaction binding the contract method 0xe521cb92.
//
// Solidity: function setProtocolFeeRecipient(address recipient) returns()
func (_Attribution *AttributionSession) SetProtocolFeeRecipient(recipient common.Address) (*types.Transaction, error) {
	return _Attribution.Contract.SetProtocolFeeRecipient(&_Attribution.TransactOpts, recipient)
}

// SetProtocolFeeRecipient is a paid mutator transaction binding the contract method 0xe521cb92.
//
// Solidity: function setProtocolFeeRecipient(address recipient) returns()
func (_Attribution *AttributionTransactorSession) SetProtocolFeeRecipient(recipient common.Address) (*types.Transaction, error) {
	return _Attribution.Contract.SetProtocolFeeRecipient(&_Attribution.TransactOpts, recipient)
}

// AttributionClaimedIterator is returned from FilterClaimed and is used to iterate over the raw logs and unpacked data for Claimed events raised by the Attribution contract.
type AttributionClaimedIterator struct {
	Event *AttributionClaimed // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *AttributionClaimedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttributionClaimed)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(AttributionClaimed)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *AttributionClaimedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttributionClaimedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttributionClaimed represents a Claimed event raised by the Attribution contract.
type AttributionClaimed struct {
	Account common.Address
	Amount  *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterClaimed is a free log retrieval operation binding the contract event 0xd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a.
//
// Solidity: event Claimed(address indexed account, uint256 amount)
func (_Attribution *AttributionFilterer) FilterClaimed(opts *bind.FilterOpts, account []common.Address) (*AttributionClaimedIterator, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}

	logs, sub, err := _Attribution.contract.FilterLogs(opts, "Claimed", accountRule)
	if err != nil {
		return nil, err
	}
	return &AttributionClaimedIterator{contract: _Attribution.contract, event: "Claimed", logs: logs, sub: sub}, nil
}

// WatchClaimed is a free log subscription operation binding the contract event 0xd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a.
//
// Solidity: event Claimed(address indexed account, uint256 amount)
func (_Attribution *AttributionFilterer) WatchClaimed(opts *bind.WatchOpts, sink chan<- *AttributionClaimed, account []common.Address) (event.Subscription, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}

	logs, sub, err := _Attribution.contract.WatchLogs(opts, "Claimed", accountRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttributionClaimed)
				if err := _Attribution.contract.UnpackLog(event, "Claimed", log); err != nil {
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseClaimed is a log parse operation binding the contract event 0xd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a.
//
// Solidity: event Claimed(address indexed account, uint256 amount)
func (_Attribution *AttributionFilterer) ParseClaimed(log types.Log) (*AttributionClaimed, error) {
	event := new(AttributionClaimed)
	if err := _Attribution.contract.UnpackLog(event, "Claimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttributionCreditedIterator is returned from FilterCredited and is used to iterate over the raw logs and unpacked data for Credited events raised by the Attribution contract.
type AttributionCreditedIterator struct {
	Event *AttributionCredited // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *AttributionCreditedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttributionCredited)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(AttributionCredited)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *AttributionCreditedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttributionCreditedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttributionCredited represents a Credited event raised by the Attribution contract.
type AttributionCredited struct {
	Account common.Address
	ModelId *big.Int
	Role    uint8
	Amount  *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterCredited is a free log retrieval operation binding the contract event 0xa5070b2b34b7caefaa1651d3fabab210da665f9841d9205818e2e47541613961.
//
// Solidity: event Credited(address indexed account, uint256 indexed modelId, uint8 role, uint256 amount)
func (_Attribution *AttributionFilterer) FilterCredited(opts *bind.FilterOpts, account []common.Address, modelId []*big.Int) (*AttributionCreditedIterator, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _Attribution.contract.FilterLogs(opts, "Credited", accountRule, modelIdRule)
	if err != nil {
		return nil, err
	}
	return &AttributionCreditedIterator{contract: _Attribution.contract, event: "Credited", logs: logs, sub: sub}, nil
}

// WatchCredited is a free log subscription operation binding the contract event 0xa5070b2b34b7caefaa1651d3fabab210da665f9841d9205818e2e47541613961.
//
// Solidity: event Credited(address indexed account, uint256 indexed modelId, uint8 role, uint256 amount)
func (_Attribution *AttributionFilterer) WatchCredited(opts *bind.WatchOpts, sink chan<- *AttributionCredited, account []common.Address, modelId []*big.Int) (event.Subscription, error) {

	var accountRule []interface{}
	for _, accountItem := range account {
		accountRule = append(accountRule, accountItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _Attribution.contract.WatchLogs(opts, "Credited", accountRule, modelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttributionCredited)
				if err := _Attribution.contract.UnpackLog(event, "Credited", log); err != nil {
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseCredited is a log parse operation binding the contract event 0xa5070b2b34b7caefaa1651d3fabab210da665f9841d9205818e2e47541613961.
//
// Solidity: event Credited(address indexed account, uint256 indexed modelId, uint8 role, uint256 amount)
func (_Attribution *AttributionFilterer) ParseCredited(log types.Log) (*AttributionCredited, error) {
	event := new(AttributionCredited)
	if err := _Attribution.contract.UnpackLog(event, "Credited", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttributionFeePolicySetIterator is returned from FilterFeePolicySet and is used to iterate over the raw logs and unpacked data for FeePolicySet events raised by the Attribution contract.
type AttributionFeePolicySetIterator struct {
	Event *AttributionFeePolicySet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *AttributionFeePolicySetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttributionFeePolicySet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(AttributionFeePolicySet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *AttributionFeePolicySetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttributionFeePolicySetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttributionFeePolicySet represents a FeePolicySet event raised by the Attribution contract.
type AttributionFeePolicySet struct {
	ProtocolBps         uint16
	ModelOwnerBps       uint16
	AdapterOwnerBps     uint16
	DataContributorsBps uint16
	Raw                 types.Log // Blockchain specific contextual infos
}

// FilterFeePolicySet is a free log retrieval operation binding the contract event 0x41af2a7c6da0cdfb6ec86b063b969d7adffe8a26f9d53847425b1682fb3dc8f9.
//
// Solidity: event FeePolicySet(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps)
func (_Attribution *AttributionFilterer) FilterFeePolicySet(opts *bind.FilterOpts) (*AttributionFeePolicySetIterator, error) {

	logs, sub, err := _Attribution.contract.FilterLogs(opts, "FeePolicySet")
	if err != nil {
		return nil, err
	}
	return &AttributionFeePolicySetIterator{contract: _Attribution.contract, event: "FeePolicySet", logs: logs, sub: sub}, nil
}

// WatchFeePolicySet is a free log subscription operation binding the contract event 0x41af2a7c6da0cdfb6ec86b063b969d7adffe8a26f9d53847425b1682fb3dc8f9.
//
// Solidity: event FeePolicySet(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps)
func (_Attribution *AttributionFilterer) WatchFeePolicySet(opts *bind.WatchOpts, sink chan<- *AttributionFeePolicySet) (event.Subscription, error) {

	logs, sub, err := _Attribution.contract.WatchLogs(opts, "FeePolicySet")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttributionFeePolicySet)
				if err := _Attribution.contract.UnpackLog(event, "FeePolicySet", log); err != nil {
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseFeePolicySet is a log parse operation binding the contract event 0x41af2a7c6da0cdfb6ec86b063b969d7adffe8a26f9d53847425b1682fb3dc8f9.
//
// Solidity: event FeePolicySet(uint16 protocolBps, uint16 modelOwnerBps, uint16 adapterOwnerBps, uint16 dataContributorsBps)
func (_Attribution *AttributionFilterer) ParseFeePolicySet(log types.Log) (*AttributionFeePolicySet, error) {
	event := new(AttributionFeePolicySet)
	if err := _Attribution.contract.UnpackLog(event, "FeePolicySet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttributionGovernanceTransferredIterator is returned from FilterGovernanceTransferred and is used to iterate over the raw logs and unpacked data for GovernanceTransferred events raised by the Attribution contract.
type AttributionGovernanceTransferredIterator struct {
	Event *AttributionGovernanceTransferred // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *AttributionGovernanceTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttributionGovernanceTransferred)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(AttributionGovernanceTransferred)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *AttributionGovernanceTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttributionGovernanceTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttributionGovernanceTransferred represents a GovernanceTransferred event raised by the Attribution contract.
type AttributionGovernanceTransferred struct {
	PreviousGovernance common.Address
	NewGovernance      common.Address
	Raw                types.Log // Blockchain specific contextual infos
}

// FilterGovernanceTransferred is a free log retrieval operation binding the contract event 0x5f56bee8cffbe9a78652a74a60705edede02af10b0bbb888ca44b79a0d42ce80.
//
// Solidity: event GovernanceTransferred(address indexed previousGovernance, address indexed newGovernance)
func (_Attribution *AttributionFilterer) FilterGovernanceTransferred(opts *bind.FilterOpts, previousGovernance []common.Address, newGovernance []common.Address) (*AttributionGovernanceTransferredIterator, error) {

	var previousGovernanceRule []interface{}
	for _, previousGovernanceItem := range previousGovernance {
		previousGovernanceRule = append(previousGovernanceRule, previousGovernanceItem)
	}
	var newGovernanceRule []interface{}
	for _, newGovernanceItem := range newGovernance {
		newGovernanceRule = append(newGovernanceRule, newGovernanceItem)
	}

	logs, sub, err := _Attribution.contract.FilterLogs(opts, "GovernanceTransferred", previousGovernanceRule, newGovernanceRule)
	if err != nil {
		return nil, err
	}
	return &AttributionGovernanceTransferredIterator{contract: _Attribution.contract, event: "GovernanceTransferred", logs: logs, sub: sub}, nil
}

// WatchGovernanceTransferred is a free log subscription operation binding the contract event 0x5f56bee8cffbe9a78652a74a60705edede02af10b0bbb888ca44b79a0d42ce80.
//
// Solidity: event GovernanceTransferred(address indexed previousGovernance, address indexed newGovernance)
func (_Attribution *AttributionFilterer) WatchGovernanceTransferred(opts *bind.WatchOpts, sink chan<- *AttributionGovernanceTransferred, previousGovernance []common.Address, newGovernance []common.Address) (event.Subscription, error) {

	var previousGovernanceRule []interface{}
	for _, previousGovernanceItem := range previousGovernance {
		previousGovernanceRule = append(previousGovernanceRule, previousGovernanceItem)
	}
	var newGovernanceRule []interface{}
	for _, newGovernanceItem := range newGovernance {
		newGovernanceRule = append(newGovernanceRule, newGovernanceItem)
	}

	logs, sub, err := _Attribution.contract.WatchLogs(opts, "GovernanceTransferred", previousGovernanceRule, newGovernanceRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttributionGovernanceTransferred)
				if err := _Attribution.contract.UnpackLog(event, "GovernanceTransferred", log); err != nil {
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseGovernanceTransferred is a log parse operation binding the contract event 0x5f56bee8cffbe9a78652a74a60705edede02af10b0bbb888ca44b79a0d42ce80.
//
// Solidity: event GovernanceTransferred(address indexed previousGovernance, address indexed newGovernance)
func (_Attribution *AttributionFilterer) ParseGovernanceTransferred(log types.Log) (*AttributionGovernanceTransferred, error) {
	event := new(AttributionGovernanceTransferred)
	if err := _Attribution.contract.UnpackLog(event, "GovernanceTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttributionPaidIterator is returned from FilterPaid and is used to iterate over the raw logs and unpacked data for Paid events raised by the Attribution contract.
type AttributionPaidIterator struct {
	Event *AttributionPaid // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *AttributionPaidIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttributionPaid)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(AttributionPaid)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *AttributionPaidIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttributionPaidIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttributionPaid represents a Paid event raised by the Attribution contract.
type AttributionPaid struct {
	Payer              common.Address
	ModelId            *big.Int
	AdapterId          *big.Int
	Amount             *big.Int
	ProtocolAmount     *big.Int
	ModelOwnerAmount   *big.Int
	AdapterOwnerAmount *big.Int
	ContributorsAmount *big.Int
	Raw                types.Log // Blockchain specific contextual infos
}

// FilterPaid is a free log retrieval operation binding the contract event 0x6d940a8c3efe7e05d800f9dde89f70baae69ce61550f895a76a81d51f9c01e9a.
//
// Solidity: event Paid(address indexed payer, uint256 indexed modelId, uint256 indexed adapterId, uint256 amount, uint256 protocolAmount, uint256 modelOwnerAmount, uint256 adapterOwnerAmount, uint256 contributorsAmount)
func (_Attribution *AttributionFilterer) FilterPaid(opts *bind.FilterOpts, payer []common.Address, modelId []*big.Int, adapterId []*big.Int) (*AttributionPaidIterator, error) {

	var payerRule []interface{}
	for _, payerItem := range payer {
		payerRule = append(payerRule, payerItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}

	logs, sub, err := _Attribution.contract.FilterLogs(opts, "Paid", payerRule, modelIdRule, adapterIdRule)
	if err != nil {
		return nil, err
	}
	return &AttributionPaidIterator{contract: _Attribution.contract, event: "Paid", logs: logs, sub: sub}, nil
}

// WatchPaid is a free log subscription operation binding the contract event 0x6d940a8c3efe7e05d800f9dde89f70baae69ce61550f895a76a81d51f9c01e9a.
//
// Solidity: event Paid(address indexed payer, uint256 indexed modelId, uint256 indexed adapterId, uint256 amount, uint256 protocolAmount, uint256 modelOwnerAmount, uint256 adapterOwnerAmount, uint256 contributorsAmount)
func (_Attribution *AttributionFilterer) WatchPaid(opts *bind.WatchOpts, sink chan<- *AttributionPaid, payer []common.Address, modelId []*big.Int, adapterId []*big.Int) (event.Subscription, error) {

	var payerRule []interface{}
	for _, payerItem := range payer {
		payerRule = append(payerRule, payerItem)
	}
	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}

	logs, sub, err := _Attribution.contract.WatchLogs(opts, "Paid", payerRule, modelIdRule, adapterIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttributionPaid)
				if err := _Attribution.contract.UnpackLog(event, "Paid", log); err != nil {
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParsePaid is a log parse operation binding the contract event 0x6d940a8c3efe7e05d800f9dde89f70baae69ce61550f895a76a81d51f9c01e9a.
//
// Solidity: event Paid(address indexed payer, uint256 indexed modelId, uint256 indexed adapterId, uint256 amount, uint256 protocolAmount, uint256 modelOwnerAmount, uint256 adapterOwnerAmount, uint256 contributorsAmount)
func (_Attribution *AttributionFilterer) ParsePaid(log types.Log) (*AttributionPaid, error) {
	event := new(AttributionPaid)
	if err := _Attribution.contract.UnpackLog(event, "Paid", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// AttributionProtocolFeeRecipientSetIterator is returned from FilterProtocolFeeRecipientSet and is used to iterate over the raw logs and unpacked data for ProtocolFeeRecipientSet events raised by the Attribution contract.
type AttributionProtocolFeeRecipientSetIterator struct {
	Event *AttributionProtocolFeeRecipientSet // Event containing the contract specifics and raw log

	contract *bind.BoundContract // Generic contract to use for unpacking event data
	event    string              // Event name to use for unpacking event data

	logs chan types.Log        // Log channel receiving the found contract events
	sub  ethereum.Subscription // Subscription for errors, completion and termination
	done bool                  // Whether the subscription completed delivering logs
	fail error                 // Occurred error to stop iteration
}

// Next advances the iterator to the subsequent event, returning whether there
// are any more events found. In case of a retrieval or parsing error, false is
// returned and Error() can be queried for the exact failure.
func (it *AttributionProtocolFeeRecipientSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(AttributionProtocolFeeRecipientSet)
			if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
				it.fail = err
				return false
			}
			it.Event.Raw = log
			return true

		default:
			return false
		}
	}
	// Iterator still in progress, wait for either a data or an error event
	select {
	case log := <-it.logs:
		it.Event = new(AttributionProtocolFeeRecipientSet)
		if err := it.contract.UnpackLog(it.Event, it.event, log); err != nil {
			it.fail = err
			return false
		}
		it.Event.Raw = log
		return true

	case err := <-it.sub.Err():
		it.done = true
		it.fail = err
		return it.Next()
	}
}

// Error returns any retrieval or parsing error occurred during filtering.
func (it *AttributionProtocolFeeRecipientSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *AttributionProtocolFeeRecipientSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// AttributionProtocolFeeRecipientSet represents a ProtocolFeeRecipientSet event raised by the Attribution contract.
type AttributionProtocolFeeRecipientSet struct {
	Recipient common.Address
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterProtocolFeeRecipientSet is a free log retrieval operation binding the contract event 0x5034c7ac62cd0031ddf2f1dcde2858132dd886d61032c9b2d4a99f0490e80ee4.
//
// Solidity: event ProtocolFeeRecipientSet(address indexed recipient)
func (_Attribution *AttributionFilterer) FilterProtocolFeeRecipientSet(opts *bind.FilterOpts, recipient []common.Address) (*AttributionProtocolFeeRecipientSetIterator, error) {

	var recipientRule []interface{}
	for _, recipientItem := range recipient {
		recipientRule = append(recipientRule, recipientItem)
	}

	logs, sub, err := _Attribution.contract.FilterLogs(opts, "ProtocolFeeRecipientSet", recipientRule)
	if err != nil {
		return nil, err
	}
	return &AttributionProtocolFeeRecipientSetIterator{contract: _Attribution.contract, event: "ProtocolFeeRecipientSet", logs: logs, sub: sub}, nil
}

// WatchProtocolFeeRecipientSet is a free log subscription operation binding the contract event 0x5034c7ac62cd0031ddf2f1dcde2858132dd886d61032c9b2d4a99f0490e80ee4.
//
// Solidity: event ProtocolFeeRecipientSet(address indexed recipient)
func (_Attribution *AttributionFilterer) WatchProtocolFeeRecipientSet(opts *bind.WatchOpts, sink chan<- *AttributionProtocolFeeRecipientSet, recipient []common.Address) (event.Subscription, error) {

	var recipientRule []interface{}
	for _, recipientItem := range recipient {
		recipientRule = append(recipientRule, recipientItem)
	}

	logs, sub, err := _Attribution.contract.WatchLogs(opts, "ProtocolFeeRecipientSet", recipientRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(AttributionProtocolFeeRecipientSet)
				if err := _Attribution.contract.UnpackLog(event, "ProtocolFeeRecipientSet", log); err != nil {
					return err
				}
				event.Raw = log

				select {
				case sink <- event:
				case err := <-sub.Err():
					return err
				case <-quit:
					return nil
				}
			case err := <-sub.Err():
				return err
			case <-quit:
				return nil
			}
		}
	}), nil
}

// ParseProtocolFeeRecipientSet is a log parse operation binding the contract event 0x5034c7ac62cd0031ddf2f1dcde2858132dd886d61032c9b2d4a99f0490e80ee4.
//
// Solidity: event ProtocolFeeRecipientSet(address indexed recipient)
func (_Attribution *AttributionFilterer) ParseProtocolFeeRecipientSet(log types.Log) (*AttributionProtocolFeeRecipientSet, error) {
	event := new(AttributionProtocolFeeRecipientSet)
	if err := _Attribution.contract.UnpackLog(event, "ProtocolFeeRecipientSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
