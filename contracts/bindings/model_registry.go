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

// IModelRegistryAdapter is an auto generated low-level Go binding around an user-defined struct.
type IModelRegistryAdapter struct {
	Owner        common.Address
	BaseModelId  *big.Int
	AdapterHash  [32]byte
	DatanetRoot  [32]byte
	WeiPerCall   *big.Int
	RegisteredAt uint64
	Uri          string
}

// IModelRegistryModel is an auto generated low-level Go binding around an user-defined struct.
type IModelRegistryModel struct {
	Owner        common.Address
	WeightsHash  [32]byte
	WeiPerCall   *big.Int
	RegisteredAt uint64
	Name         string
	Uri          string
}

// ModelRegistryMetaData contains all meta data concerning the ModelRegistry contract.
var ModelRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"DelegateCallNotAllowed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"adapterHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"}],\"name\":\"DuplicateAdapter\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"DuplicateModel\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidInput\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NonPayable\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"TooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"}],\"name\":\"UnknownAdapter\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"UnknownModel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"selector\",\"type\":\"bytes4\"}],\"name\":\"UnknownSelector\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"WriteProtection\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"}],\"name\":\"AdapterPriceSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"baseModelId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"adapterHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"datanetRoot\",\"type\":\"bytes32\"}],\"name\":\"AdapterRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"AdapterTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"}],\"name\":\"ModelPriceSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"}],\"name\":\"ModelTransferred\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"adapterCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"adapterHash\",\"type\":\"bytes32\"}],\"name\":\"adapterIdByHash\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"}],\"name\":\"getAdapter\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"baseModelId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"adapterHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"datanetRoot\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"registeredAt\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"internalType\":\"structIModelRegistry.Adapter\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"getModel\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"registeredAt\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"internalType\":\"structIModelRegistry.Model\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"}],\"name\":\"modelIdByWeightsHash\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"baseModelId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"adapterHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"datanetRoot\",\"type\":\"bytes32\"}],\"name\":\"registerAdapter\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"name\":\"registerModel\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"}],\"name\":\"setAdapterPrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"}],\"name\":\"setModelPrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferAdapter\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferModel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
}

// ModelRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use ModelRegistryMetaData.ABI instead.
var ModelRegistryABI = ModelRegistryMetaData.ABI

// ModelRegistry is an auto generated Go binding around an Ethereum contract.
type ModelRegistry struct {
	ModelRegistryCaller     // Read-only binding to the contract
	ModelRegistryTransactor // Write-only binding to the contract
	ModelRegistryFilterer   // Log filterer for contract events
}

// ModelRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type ModelRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ModelRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type ModelRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ModelRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type ModelRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// ModelRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type ModelRegistrySession struct {
	Contract     *ModelRegistry    // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// ModelRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type ModelRegistryCallerSession struct {
	Contract *ModelRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts        // Call options to use throughout this session
}

// ModelRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type ModelRegistryTransactorSession struct {
	Contract     *ModelRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts        // Transaction auth options to use throughout this session
}

// ModelRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type ModelRegistryRaw struct {
	Contract *ModelRegistry // Generic contract binding to access the raw methods on
}

// ModelRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type ModelRegistryCallerRaw struct {
	Contract *ModelRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// ModelRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type ModelRegistryTransactorRaw struct {
	Contract *ModelRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewModelRegistry creates a new instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistry(address common.Address, backend bind.ContractBackend) (*ModelRegistry, error) {
	contract, err := bindModelRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &ModelRegistry{ModelRegistryCaller: ModelRegistryCaller{contract: contract}, ModelRegistryTransactor: ModelRegistryTransactor{contract: contract}, ModelRegistryFilterer: ModelRegistryFilterer{contract: contract}}, nil
}

// NewModelRegistryCaller creates a new read-only instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistryCaller(address common.Address, caller bind.ContractCaller) (*ModelRegistryCaller, error) {
	contract, err := bindModelRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryCaller{contract: contract}, nil
}

// NewModelRegistryTransactor creates a new write-only instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*ModelRegistryTransactor, error) {
	contract, err := bindModelRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryTransactor{contract: contract}, nil
}

// NewModelRegistryFilterer creates a new log filterer instance of ModelRegistry, bound to a specific deployed contract.
func NewModelRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*ModelRegistryFilterer, error) {
	contract, err := bindModelRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryFilterer{contract: contract}, nil
}

// bindModelRegistry binds a generic wrapper to an already deployed contract.
func bindModelRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := ModelRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ModelRegistry *ModelRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ModelRegistry.Contract.ModelRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ModelRegistry *ModelRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ModelRegistry.Contract.ModelRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ModelRegistry *ModelRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ModelRegistry.Contract.ModelRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_ModelRegistry *ModelRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _ModelRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_ModelRegistry *ModelRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _ModelRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_ModelRegistry *ModelRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _ModelRegistry.Contract.contract.Transact(opts, method, params...)
}

// AdapterCount is a free data retrieval call binding the contract method 0xf79001c5.
//
// Solidity: function adapterCount() view returns(uint256)
func (_ModelRegistry *ModelRegistryCaller) AdapterCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "adapterCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// AdapterCount is a free data retrieval call binding the contract method 0xf79001c5.
//
// Solidity: function adapterCount() view returns(uint256)
func (_ModelRegistry *ModelRegistrySession) AdapterCount() (*big.Int, error) {
	return _ModelRegistry.Contract.AdapterCount(&_ModelRegistry.CallOpts)
}

// AdapterCount is a free data retrieval call binding the contract method 0xf79001c5.
//
// Solidity: function adapterCount() view returns(uint256)
func (_ModelRegistry *ModelRegistryCallerSession) AdapterCount() (*big.Int, error) {
	return _ModelRegistry.Contract.AdapterCount(&_ModelRegistry.CallOpts)
}

// AdapterIdByHash is a free data retrieval call binding the contract method 0x9444827a.
//
// Solidity: function adapterIdByHash(bytes32 adapterHash) view returns(uint256 adapterId)
func (_ModelRegistry *ModelRegistryCaller) AdapterIdByHash(opts *bind.CallOpts, adapterHash [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "adapterIdByHash", adapterHash)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// AdapterIdByHash is a free data retrieval call binding the contract method 0x9444827a.
//
// Solidity: function adapterIdByHash(bytes32 adapterHash) view returns(uint256 adapterId)
func (_ModelRegistry *ModelRegistrySession) AdapterIdByHash(adapterHash [32]byte) (*big.Int, error) {
	return _ModelRegistry.Contract.AdapterIdByHash(&_ModelRegistry.CallOpts, adapterHash)
}

// AdapterIdByHash is a free data retrieval call binding the contract method 0x9444827a.
//
// Solidity: function adapterIdByHash(bytes32 adapterHash) view returns(uint256 adapterId)
func (_ModelRegistry *ModelRegistryCallerSession) AdapterIdByHash(adapterHash [32]byte) (*big.Int, error) {
	return _ModelRegistry.Contract.AdapterIdByHash(&_ModelRegistry.CallOpts, adapterHash)
}

// GetAdapter is a free data retrieval call binding the contract method 0xddeadbb6.
//
// Solidity: function getAdapter(uint256 adapterId) view returns((address,uint256,bytes32,bytes32,uint256,uint64,string))
func (_ModelRegistry *ModelRegistryCaller) GetAdapter(opts *bind.CallOpts, adapterId *big.Int) (IModelRegistryAdapter, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "getAdapter", adapterId)

	if err != nil {
		return *new(IModelRegistryAdapter), err
	}

	out0 := *abi.ConvertType(out[0], new(IModelRegistryAdapter)).(*IModelRegistryAdapter)

	return out0, err

}

// GetAdapter is a free data retrieval call binding the contract method 0xddeadbb6.
//
// Solidity: function getAdapter(uint256 adapterId) view returns((address,uint256,bytes32,bytes32,uint256,uint64,string))
func (_ModelRegistry *ModelRegistrySession) GetAdapter(adapterId *big.Int) (IModelRegistryAdapter, error) {
	return _ModelRegistry.Contract.GetAdapter(&_ModelRegistry.CallOpts, adapterId)
}

// GetAdapter is a free data retrieval call binding the contract method 0xddeadbb6.
//
// Solidity: function getAdapter(uint256 adapterId) view returns((address,uint256,bytes32,bytes32,uint256,uint64,string))
func (_ModelRegistry *ModelRegistryCallerSession) GetAdapter(adapterId *big.Int) (IModelRegistryAdapter, error) {
	return _ModelRegistry.Contract.GetAdapter(&_ModelRegistry.CallOpts, adapterId)
}

// GetModel is a free data retrieval call binding the contract method 0x6d361694.
//
// Solidity: function getModel(uint256 modelId) view returns((address,bytes32,uint256,uint64,string,string))
func (_ModelRegistry *ModelRegistryCaller) GetModel(opts *bind.CallOpts, modelId *big.Int) (IModelRegistryModel, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "getModel", modelId)

	if err != nil {
		return *new(IModelRegistryModel), err
	}

	out0 := *abi.ConvertType(out[0], new(IModelRegistryModel)).(*IModelRegistryModel)

	return out0, err

}

// GetModel is a free data retrieval call binding the contract method 0x6d361694.
//
// Solidity: function getModel(uint256 modelId) view returns((address,bytes32,uint256,uint64,string,string))
func (_ModelRegistry *ModelRegistrySession) GetModel(modelId *big.Int) (IModelRegistryModel, error) {
	return _ModelRegistry.Contract.GetModel(&_ModelRegistry.CallOpts, modelId)
}

// GetModel is a free data retrieval call binding the contract method 0x6d361694.
//
// Solidity: function getModel(uint256 modelId) view returns((address,bytes32,uint256,uint64,string,string))
func (_ModelRegistry *ModelRegistryCallerSession) GetModel(modelId *big.Int) (IModelRegistryModel, error) {
	return _ModelRegistry.Contract.GetModel(&_ModelRegistry.CallOpts, modelId)
}

// ModelCount is a free data retrieval call binding the contract method 0xc6a645fe.
//
// Solidity: function modelCount() view returns(uint256)
func (_ModelRegistry *ModelRegistryCaller) ModelCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "modelCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ModelCount is a free data retrieval call binding the contract method 0xc6a645fe.
//
// Solidity: function modelCount() view returns(uint256)
func (_ModelRegistry *ModelRegistrySession) ModelCount() (*big.Int, error) {
	return _ModelRegistry.Contract.ModelCount(&_ModelRegistry.CallOpts)
}

// ModelCount is a free data retrieval call binding the contract method 0xc6a645fe.
//
// Solidity: function modelCount() view returns(uint256)
func (_ModelRegistry *ModelRegistryCallerSession) ModelCount() (*big.Int, error) {
	return _ModelRegistry.Contract.ModelCount(&_ModelRegistry.CallOpts)
}

// ModelIdByWeightsHash is a free data retrieval call binding the contract method 0xd9b8b7c6.
//
// Solidity: function modelIdByWeightsHash(bytes32 weightsHash) view returns(uint256 modelId)
func (_ModelRegistry *ModelRegistryCaller) ModelIdByWeightsHash(opts *bind.CallOpts, weightsHash [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _ModelRegistry.contract.Call(opts, &out, "modelIdByWeightsHash", weightsHash)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ModelIdByWeightsHash is a free data retrieval call binding the contract method 0xd9b8b7c6.
//
// Solidity: function modelIdByWeightsHash(bytes32 weightsHash) view returns(uint256 modelId)
func (_ModelRegistry *ModelRegistrySession) ModelIdByWeightsHash(weightsHash [32]byte) (*big.Int, error) {
	return _ModelRegistry.Contract.ModelIdByWeightsHash(&_ModelRegistry.CallOpts, weightsHash)
}

// ModelIdByWeightsHash is a free data retrieval call binding the contract method 0xd9b8b7c6.
//
// Solidity: function modelIdByWeightsHash(bytes32 weightsHash) view returns(uint256 modelId)
func (_ModelRegistry *ModelRegistryCallerSession) ModelIdByWeightsHash(weightsHash [32]byte) (*big.Int, error) {
	return _ModelRegistry.Contract.ModelIdByWeightsHash(&_ModelRegistry.CallOpts, weightsHash)
}

// RegisterAdapter is a paid mutator transaction binding the contract method 0x54737233.
//
// Solidity: function registerAdapter(uint256 baseModelId, bytes32 adapterHash, string uri, bytes32 datanetRoot) returns(uint256 adapterId)
func (_ModelRegistry *ModelRegistryTransactor) RegisterAdapter(opts *bind.TransactOpts, baseModelId *big.Int, adapterHash [32]byte, uri string, datanetRoot [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "registerAdapter", baseModelId, adapterHash, uri, datanetRoot)
}

// RegisterAdapter is a paid mutator transaction binding the contract method 0x54737233.
//
// Solidity: function registerAdapter(uint256 baseModelId, bytes32 adapterHash, string uri, bytes32 datanetRoot) returns(uint256 adapterId)
func (_ModelRegistry *ModelRegistrySession) RegisterAdapter(baseModelId *big.Int, adapterHash [32]byte, uri string, datanetRoot [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.Contract.RegisterAdapter(&_ModelRegistry.TransactOpts, baseModelId, adapterHash, uri, datanetRoot)
}

// RegisterAdapter is a paid mutator transaction binding the contract method 0x54737233.
//
// Solidity: function registerAdapter(uint256 baseModelId, bytes32 adapterHash, string uri, bytes32 datanetRoot) returns(uint256 adapterId)
func (_ModelRegistry *ModelRegistryTransactorSession) RegisterAdapter(baseModelId *big.Int, adapterHash [32]byte, uri string, datanetRoot [32]byte) (*types.Transaction, error) {
	return _ModelRegistry.Contract.RegisterAdapter(&_ModelRegistry.TransactOpts, baseModelId, adapterHash, uri, datanetRoot)
}

// RegisterModel is a paid mutator transaction binding the contract method 0xf1042c73.
//
// Solidity: function registerModel(string name, bytes32 weightsHash, string uri) returns(uint256 modelId)
func (_ModelRegistry *ModelRegistryTransactor) RegisterModel(opts *bind.TransactOpts, name string, weightsHash [32]byte, uri string) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "registerModel", name, weightsHash, uri)
}

// RegisterModel is a paid mutator transaction binding the contract method 0xf1042c73.
//
// Solidity: function registerModel(string name, bytes32 weightsHash, string uri) returns(uint256 modelId)
func (_ModelRegistry *ModelRegistrySession) RegisterModel(name string, weightsHash [32]byte, uri string) (*types.Transaction, error) {
	return _ModelRegistry.Contract.RegisterModel(&_ModelRegistry.TransactOpts, name, weightsHash, uri)
}

// RegisterModel is a paid mutator transaction binding the contract method 0xf1042c73.
//
// Solidity: function registerModel(string name, bytes32 weightsHash, string uri) returns(uint256 modelId)
func (_ModelRegistry *ModelRegistryTransactorSession) RegisterModel(name string, weightsHash [32]byte, uri string) (*types.Transaction, error) {
	return _ModelRegistry.Contract.RegisterModel(&_ModelRegistry.TransactOpts, name, weightsHash, uri)
}

// SetAdapterPrice is a paid mutator transaction binding the contract method 0x0e1dd9a5.
//
// Solidity: function setAdapterPrice(uint256 adapterId, uint256 weiPerCall) returns()
func (_ModelRegistry *ModelRegistryTransactor) SetAdapterPrice(opts *bind.TransactOpts, adapterId *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "setAdapterPrice", adapterId, weiPerCall)
}

// SetAdapterPrice is a paid mutator transaction binding the contract method 0x0e1dd9a5.
//
// Solidity: function setAdapterPrice(uint256 adapterId, uint256 weiPerCall) returns()
func (_ModelRegistry *ModelRegistrySession) SetAdapterPrice(adapterId *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _ModelRegistry.Contract.SetAdapterPrice(&_ModelRegistry.TransactOpts, adapterId, weiPerCall)
}

// SetAdapterPrice is a paid mutator transaction binding the contract method 0x0e1dd9a5.
//
// Solidity: function setAdapterPrice(uint256 adapterId, uint256 weiPerCall) returns()
func (_ModelRegistry *ModelRegistryTransactorSession) SetAdapterPrice(adapterId *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _ModelRegistry.Contract.SetAdapterPrice(&_ModelRegistry.TransactOpts, adapterId, weiPerCall)
}

// SetModelPrice is a paid mutator transaction binding the contract method 0x2210d31e.
//
// Solidity: function setModelPrice(uint256 modelId, uint256 weiPerCall) returns()
func (_ModelRegistry *ModelRegistryTransactor) SetModelPrice(opts *bind.TransactOpts, modelId *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "setModelPrice", modelId, weiPerCall)
}

// SetModelPrice is a paid mutator transaction binding the contract method 0x2210d31e.
//
// Solidity: function setModelPrice(uint256 modelId, uint256 weiPerCall) returns()
func (_ModelRegistry *ModelRegistrySession) SetModelPrice(modelId *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _ModelRegistry.Contract.SetModelPrice(&_ModelRegistry.TransactOpts, modelId, weiPerCall)
}

// SetModelPrice is a paid mutator transaction binding the contract method 0x2210d31e.
//
// Solidity: function setModelPrice(uint256 modelId, uint256 weiPerCall) returns()
func (_ModelRegistry *ModelRegistryTransactorSession) SetModelPrice(modelId *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _ModelRegistry.Contract.SetModelPrice(&_ModelRegistry.TransactOpts, modelId, weiPerCall)
}

// TransferAdapter is a paid mutator transaction binding the contract method 0x431400e3.
//
// Solidity: function transferAdapter(uint256 adapterId, address newOwner) returns()
func (_ModelRegistry *ModelRegistryTransactor) TransferAdapter(opts *bind.TransactOpts, adapterId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "transferAdapter", adapterId, newOwner)
}

// TransferAdapter is a paid mutator transaction binding the contract method 0x431400e3.
//
// Solidity: function transferAdapter(uint256 adapterId, address newOwner) returns()
func (_ModelRegistry *ModelRegistrySession) TransferAdapter(adapterId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _ModelRegistry.Contract.TransferAdapter(&_ModelRegistry.TransactOpts, adapterId, newOwner)
}

// TransferAdapter is a paid mutator transaction binding the contract method 0x431400e3.
//
// Solidity: function transferAdapter(uint256 adapterId, address newOwner) returns()
func (_ModelRegistry *ModelRegistryTransactorSession) TransferAdapter(adapterId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _ModelRegistry.Contract.TransferAdapter(&_ModelRegistry.TransactOpts, adapterId, newOwner)
}

// TransferModel is a paid mutator transaction binding the contract method 0xfc2f8223.
//
// Solidity: function transferModel(uint256 modelId, address newOwner) returns()
func (_ModelRegistry *ModelRegistryTransactor) TransferModel(opts *bind.TransactOpts, modelId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _ModelRegistry.contract.Transact(opts, "transferModel", modelId, newOwner)
}

// TransferModel is a paid mutator transaction binding the contract method 0xfc2f8223.
//
// Solidity: function transferModel(uint256 modelId, address newOwner) returns()
func (_ModelRegistry *ModelRegistrySession) TransferModel(modelId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _ModelRegistry.Contract.TransferModel(&_ModelRegistry.TransactOpts, modelId, newOwner)
}

// TransferModel is a paid mutator transaction binding the contract method 0xfc2f8223.
//
// Solidity: function transferModel(uint256 modelId, address newOwner) returns()
func (_ModelRegistry *ModelRegistryTransactorSession) TransferModel(modelId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _ModelRegistry.Contract.TransferModel(&_ModelRegistry.TransactOpts, modelId, newOwner)
}

// ModelRegistryAdapterPriceSetIterator is returned from FilterAdapterPriceSet and is used to iterate over the raw logs and unpacked data for AdapterPriceSet events raised by the ModelRegistry contract.
type ModelRegistryAdapterPriceSetIterator struct {
	Event *ModelRegistryAdapterPriceSet // Event containing the contract specifics and raw log

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
func (it *ModelRegistryAdapterPriceSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryAdapterPriceSet)
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
		it.Event = new(ModelRegistryAdapterPriceSet)
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
func (it *ModelRegistryAdapterPriceSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryAdapterPriceSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryAdapterPriceSet represents a AdapterPriceSet event raised by the ModelRegistry contract.
type ModelRegistryAdapterPriceSet struct {
	AdapterId  *big.Int
	WeiPerCall *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterAdapterPriceSet is a free log retrieval operation binding the contract event 0x34e323d801685c052051d1eabf13279a52d83b562d4e87971c64b09a216ee7c8.
//
// Solidity: event AdapterPriceSet(uint256 indexed adapterId, uint256 weiPerCall)
func (_ModelRegistry *ModelRegistryFilterer) FilterAdapterPriceSet(opts *bind.FilterOpts, adapterId []*big.Int) (*ModelRegistryAdapterPriceSetIterator, error) {

	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "AdapterPriceSet", adapterIdRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryAdapterPriceSetIterator{contract: _ModelRegistry.contract, event: "AdapterPriceSet", logs: logs, sub: sub}, nil
}

// WatchAdapterPriceSet is a free log subscription operation binding the contract event 0x34e323d801685c052051d1eabf13279a52d83b562d4e87971c64b09a216ee7c8.
//
// Solidity: event AdapterPriceSet(uint256 indexed adapterId, uint256 weiPerCall)
func (_ModelRegistry *ModelRegistryFilterer) WatchAdapterPriceSet(opts *bind.WatchOpts, sink chan<- *ModelRegistryAdapterPriceSet, adapterId []*big.Int) (event.Subscription, error) {

	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "AdapterPriceSet", adapterIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryAdapterPriceSet)
				if err := _ModelRegistry.contract.UnpackLog(event, "AdapterPriceSet", log); err != nil {
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

// ParseAdapterPriceSet is a log parse operation binding the contract event 0x34e323d801685c052051d1eabf13279a52d83b562d4e87971c64b09a216ee7c8.
//
// Solidity: event AdapterPriceSet(uint256 indexed adapterId, uint256 weiPerCall)
func (_ModelRegistry *ModelRegistryFilterer) ParseAdapterPriceSet(log types.Log) (*ModelRegistryAdapterPriceSet, error) {
	event := new(ModelRegistryAdapterPriceSet)
	if err := _ModelRegistry.contract.UnpackLog(event, "AdapterPriceSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ModelRegistryAdapterRegisteredIterator is returned from FilterAdapterRegistered and is used to iterate over the raw logs and unpacked data for AdapterRegistered events raised by the ModelRegistry contract.
type ModelRegistryAdapterRegisteredIterator struct {
	Event *ModelRegistryAdapterRegistered // Event containing the contract specifics and raw log

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
func (it *ModelRegistryAdapterRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryAdapterRegistered)
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
		it.Event = new(ModelRegistryAdapterRegistered)
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
func (it *ModelRegistryAdapterRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryAdapterRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryAdapterRegistered represents a AdapterRegistered event raised by the ModelRegistry contract.
type ModelRegistryAdapterRegistered struct {
	AdapterId   *big.Int
	BaseModelId *big.Int
	Owner       common.Address
	AdapterHash [32]byte
	DatanetRoot [32]byte
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterAdapterRegistered is a free log retrieval operation binding the contract event 0xad1233444bde7fde0e41156ce6c1f3c2a5594447dcf94dd2dd8d713499be23eb.
//
// Solidity: event AdapterRegistered(uint256 indexed adapterId, uint256 indexed baseModelId, address indexed owner, bytes32 adapterHash, bytes32 datanetRoot)
func (_ModelRegistry *ModelRegistryFilterer) FilterAdapterRegistered(opts *bind.FilterOpts, adapterId []*big.Int, baseModelId []*big.Int, owner []common.Address) (*ModelRegistryAdapterRegisteredIterator, error) {

	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}
	var baseModelIdRule []interface{}
	for _, baseModelIdItem := range baseModelId {
		baseModelIdRule = append(baseModelIdRule, baseModelIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "AdapterRegistered", adapterIdRule, baseModelIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryAdapterRegisteredIterator{contract: _ModelRegistry.contract, event: "AdapterRegistered", logs: logs, sub: sub}, nil
}

// WatchAdapterRegistered is a free log subscription operation binding the contract event 0xad1233444bde7fde0e41156ce6c1f3c2a5594447dcf94dd2dd8d713499be23eb.
//
// Solidity: event AdapterRegistered(uint256 indexed adapterId, uint256 indexed baseModelId, address indexed owner, bytes32 adapterHash, bytes32 datanetRoot)
func (_ModelRegistry *ModelRegistryFilterer) WatchAdapterRegistered(opts *bind.WatchOpts, sink chan<- *ModelRegistryAdapterRegistered, adapterId []*big.Int, baseModelId []*big.Int, owner []common.Address) (event.Subscription, error) {

	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}
	var baseModelIdRule []interface{}
	for _, baseModelIdItem := range baseModelId {
		baseModelIdRule = append(baseModelIdRule, baseModelIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "AdapterRegistered", adapterIdRule, baseModelIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryAdapterRegistered)
				if err := _ModelRegistry.contract.UnpackLog(event, "AdapterRegistered", log); err != nil {
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

// ParseAdapterRegistered is a log parse operation binding the contract event 0xad1233444bde7fde0e41156ce6c1f3c2a5594447dcf94dd2dd8d713499be23eb.
//
// Solidity: event AdapterRegistered(uint256 indexed adapterId, uint256 indexed baseModelId, address indexed owner, bytes32 adapterHash, bytes32 datanetRoot)
func (_ModelRegistry *ModelRegistryFilterer) ParseAdapterRegistered(log types.Log) (*ModelRegistryAdapterRegistered, error) {
	event := new(ModelRegistryAdapterRegistered)
	if err := _ModelRegistry.contract.UnpackLog(event, "AdapterRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ModelRegistryAdapterTransferredIterator is returned from FilterAdapterTransferred and is used to iterate over the raw logs and unpacked data for AdapterTransferred events raised by the ModelRegistry contract.
type ModelRegistryAdapterTransferredIterator struct {
	Event *ModelRegistryAdapterTransferred // Event containing the contract specifics and raw log

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
func (it *ModelRegistryAdapterTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryAdapterTransferred)
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
		it.Event = new(ModelRegistryAdapterTransferred)
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
func (it *ModelRegistryAdapterTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryAdapterTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryAdapterTransferred represents a AdapterTransferred event raised by the ModelRegistry contract.
type ModelRegistryAdapterTransferred struct {
	AdapterId *big.Int
	From      common.Address
	To        common.Address
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterAdapterTransferred is a free log retrieval operation binding the contract event 0xe450160e145ca2d343c6c38b368ae921c3c00333c1d50986a907d56b1dbd20cc.
//
// Solidity: event AdapterTransferred(uint256 indexed adapterId, address indexed from, address indexed to)
func (_ModelRegistry *ModelRegistryFilterer) FilterAdapterTransferred(opts *bind.FilterOpts, adapterId []*big.Int, from []common.Address, to []common.Address) (*ModelRegistryAdapterTransferredIterator, error) {

	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}
	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "AdapterTransferred", adapterIdRule, fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryAdapterTransferredIterator{contract: _ModelRegistry.contract, event: "AdapterTransferred", logs: logs, sub: sub}, nil
}

// WatchAdapterTransferred is a free log subscription operation binding the contract event 0xe450160e145ca2d343c6c38b368ae921c3c00333c1d50986a907d56b1dbd20cc.
//
// Solidity: event AdapterTransferred(uint256 indexed adapterId, address indexed from, address indexed to)
func (_ModelRegistry *ModelRegistryFilterer) WatchAdapterTransferred(opts *bind.WatchOpts, sink chan<- *ModelRegistryAdapterTransferred, adapterId []*big.Int, from []common.Address, to []common.Address) (event.Subscription, error) {

	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}
	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "AdapterTransferred", adapterIdRule, fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryAdapterTransferred)
				if err := _ModelRegistry.contract.UnpackLog(event, "AdapterTransferred", log); err != nil {
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

// ParseAdapterTransferred is a log parse operation binding the contract event 0xe450160e145ca2d343c6c38b368ae921c3c00333c1d50986a907d56b1dbd20cc.
//
// Solidity: event AdapterTransferred(uint256 indexed adapterId, address indexed from, address indexed to)
func (_ModelRegistry *ModelRegistryFilterer) ParseAdapterTransferred(log types.Log) (*ModelRegistryAdapterTransferred, error) {
	event := new(ModelRegistryAdapterTransferred)
	if err := _ModelRegistry.contract.UnpackLog(event, "AdapterTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ModelRegistryModelPriceSetIterator is returned from FilterModelPriceSet and is used to iterate over the raw logs and unpacked data for ModelPriceSet events raised by the ModelRegistry contract.
type ModelRegistryModelPriceSetIterator struct {
	Event *ModelRegistryModelPriceSet // Event containing the contract specifics and raw log

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
func (it *ModelRegistryModelPriceSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryModelPriceSet)
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
		it.Event = new(ModelRegistryModelPriceSet)
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
func (it *ModelRegistryModelPriceSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryModelPriceSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryModelPriceSet represents a ModelPriceSet event raised by the ModelRegistry contract.
type ModelRegistryModelPriceSet struct {
	ModelId    *big.Int
	WeiPerCall *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterModelPriceSet is a free log retrieval operation binding the contract event 0xa4a68047c34d3e4a7651dc23d110d5beb5e3dcf0b4d43949cdba2a6660fc9dee.
//
// Solidity: event ModelPriceSet(uint256 indexed modelId, uint256 weiPerCall)
func (_ModelRegistry *ModelRegistryFilterer) FilterModelPriceSet(opts *bind.FilterOpts, modelId []*big.Int) (*ModelRegistryModelPriceSetIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "ModelPriceSet", modelIdRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryModelPriceSetIterator{contract: _ModelRegistry.contract, event: "ModelPriceSet", logs: logs, sub: sub}, nil
}

// WatchModelPriceSet is a free log subscription operation binding the contract event 0xa4a68047c34d3e4a7651dc23d110d5beb5e3dcf0b4d43949cdba2a6660fc9dee.
//
// Solidity: event ModelPriceSet(uint256 indexed modelId, uint256 weiPerCall)
func (_ModelRegistry *ModelRegistryFilterer) WatchModelPriceSet(opts *bind.WatchOpts, sink chan<- *ModelRegistryModelPriceSet, modelId []*big.Int) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "ModelPriceSet", modelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryModelPriceSet)
				if err := _ModelRegistry.contract.UnpackLog(event, "ModelPriceSet", log); err != nil {
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

// ParseModelPriceSet is a log parse operation binding the contract event 0xa4a68047c34d3e4a7651dc23d110d5beb5e3dcf0b4d43949cdba2a6660fc9dee.
//
// Solidity: event ModelPriceSet(uint256 indexed modelId, uint256 weiPerCall)
func (_ModelRegistry *ModelRegistryFilterer) ParseModelPriceSet(log types.Log) (*ModelRegistryModelPriceSet, error) {
	event := new(ModelRegistryModelPriceSet)
	if err := _ModelRegistry.contract.UnpackLog(event, "ModelPriceSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ModelRegistryModelRegisteredIterator is returned from FilterModelRegistered and is used to iterate over the raw logs and unpacked data for ModelRegistered events raised by the ModelRegistry contract.
type ModelRegistryModelRegisteredIterator struct {
	Event *ModelRegistryModelRegistered // Event containing the contract specifics and raw log

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
func (it *ModelRegistryModelRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryModelRegistered)
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
		it.Event = new(ModelRegistryModelRegistered)
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
func (it *ModelRegistryModelRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryModelRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryModelRegistered represents a ModelRegistered event raised by the ModelRegistry contract.
type ModelRegistryModelRegistered struct {
	ModelId     *big.Int
	Owner       common.Address
	WeightsHash [32]byte
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterModelRegistered is a free log retrieval operation binding the contract event 0x7da29ff4bb8f56dd2799ed4c7137a48da29f41408b429c0bd88bbd4af5b9704f.
//
// Solidity: event ModelRegistered(uint256 indexed modelId, address indexed owner, bytes32 weightsHash)
func (_ModelRegistry *ModelRegistryFilterer) FilterModelRegistered(opts *bind.FilterOpts, modelId []*big.Int, owner []common.Address) (*ModelRegistryModelRegisteredIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "ModelRegistered", modelIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryModelRegisteredIterator{contract: _ModelRegistry.contract, event: "ModelRegistered", logs: logs, sub: sub}, nil
}

// WatchModelRegistered is a free log subscription operation binding the contract event 0x7da29ff4bb8f56dd2799ed4c7137a48da29f41408b429c0bd88bbd4af5b9704f.
//
// Solidity: event ModelRegistered(uint256 indexed modelId, address indexed owner, bytes32 weightsHash)
func (_ModelRegistry *ModelRegistryFilterer) WatchModelRegistered(opts *bind.WatchOpts, sink chan<- *ModelRegistryModelRegistered, modelId []*big.Int, owner []common.Address) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "ModelRegistered", modelIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryModelRegistered)
				if err := _ModelRegistry.contract.UnpackLog(event, "ModelRegistered", log); err != nil {
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

// ParseModelRegistered is a log parse operation binding the contract event 0x7da29ff4bb8f56dd2799ed4c7137a48da29f41408b429c0bd88bbd4af5b9704f.
//
// Solidity: event ModelRegistered(uint256 indexed modelId, address indexed owner, bytes32 weightsHash)
func (_ModelRegistry *ModelRegistryFilterer) ParseModelRegistered(log types.Log) (*ModelRegistryModelRegistered, error) {
	event := new(ModelRegistryModelRegistered)
	if err := _ModelRegistry.contract.UnpackLog(event, "ModelRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// ModelRegistryModelTransferredIterator is returned from FilterModelTransferred and is used to iterate over the raw logs and unpacked data for ModelTransferred events raised by the ModelRegistry contract.
type ModelRegistryModelTransferredIterator struct {
	Event *ModelRegistryModelTransferred // Event containing the contract specifics and raw log

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
func (it *ModelRegistryModelTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(ModelRegistryModelTransferred)
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
		it.Event = new(ModelRegistryModelTransferred)
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
func (it *ModelRegistryModelTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *ModelRegistryModelTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// ModelRegistryModelTransferred represents a ModelTransferred event raised by the ModelRegistry contract.
type ModelRegistryModelTransferred struct {
	ModelId *big.Int
	From    common.Address
	To      common.Address
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterModelTransferred is a free log retrieval operation binding the contract event 0x3045a632e27ef1d3950bc7ff96783de94052573d8b947a6589d25ed70899590d.
//
// Solidity: event ModelTransferred(uint256 indexed modelId, address indexed from, address indexed to)
func (_ModelRegistry *ModelRegistryFilterer) FilterModelTransferred(opts *bind.FilterOpts, modelId []*big.Int, from []common.Address, to []common.Address) (*ModelRegistryModelTransferredIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ModelRegistry.contract.FilterLogs(opts, "ModelTransferred", modelIdRule, fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return &ModelRegistryModelTransferredIterator{contract: _ModelRegistry.contract, event: "ModelTransferred", logs: logs, sub: sub}, nil
}

// WatchModelTransferred is a free log subscription operation binding the contract event 0x3045a632e27ef1d3950bc7ff96783de94052573d8b947a6589d25ed70899590d.
//
// Solidity: event ModelTransferred(uint256 indexed modelId, address indexed from, address indexed to)
func (_ModelRegistry *ModelRegistryFilterer) WatchModelTransferred(opts *bind.WatchOpts, sink chan<- *ModelRegistryModelTransferred, modelId []*big.Int, from []common.Address, to []common.Address) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var fromRule []interface{}
	for _, fromItem := range from {
		fromRule = append(fromRule, fromItem)
	}
	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _ModelRegistry.contract.WatchLogs(opts, "ModelTransferred", modelIdRule, fromRule, toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(ModelRegistryModelTransferred)
				if err := _ModelRegistry.contract.UnpackLog(event, "ModelTransferred", log); err != nil {
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

// ParseModelTransferred is a log parse operation binding the contract event 0x3045a632e27ef1d3950bc7ff96783de94052573d8b947a6589d25ed70899590d.
//
// Solidity: event ModelTransferred(uint256 indexed modelId, address indexed from, address indexed to)
func (_ModelRegistry *ModelRegistryFilterer) ParseModelTransferred(log types.Log) (*ModelRegistryModelTransferred, error) {
	event := new(ModelRegistryModelTransferred)
	if err := _ModelRegistry.contract.UnpackLog(event, "ModelTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
