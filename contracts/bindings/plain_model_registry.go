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

// PlainModelRegistryMetaData contains all meta data concerning the PlainModelRegistry contract.
var PlainModelRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"DuplicateModel\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidInput\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"TooLong\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"modelCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"nameOf\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"name\":\"registerModel\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b506105078061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061003f575f3560e01c8063051a266414610043578063c6a645fe1461006c578063f1042c7314610082575b5f5ffd5b610056610051366004610374565b610095565b604051610063919061038b565b60405180910390f35b6100745f5481565b604051908152602001610063565b610074610090366004610405565b6100e7565b60606100e16004836110006040516020016100ba929190918252602082015260400190565b604051602081830303815290604052805190602001205f1c6100dc9190610492565b6102ac565b92915050565b5f8415806100f3575083155b156101115760405163b4fa3fb360e01b815260040160405180910390fd5b60408511156101485760408051632b6393cf60e21b815261013f918791600401918252602082015260400190565b60405180910390fd5b61010082111561017657604051632b6393cf60e21b815260048101839052610100602482015260440161013f565b5f84611001604051602001610195929190918252602082015260400190565b60408051601f198184030181529190528051602090910120805490915080156101db57604051637f365b3b60e11b8152600481018790526024810182905260440161013f565b5f5f81546101e8906104a5565b91905081905592505f8361100060405160200161020f929190918252602082015260400190565b60408051601f198184030181529190528051602090910120338082556001820189905543600383015585855590915061025361024c600484610492565b8b8b610322565b610268610261600784610492565b8888610322565b604051888152339086907f7da29ff4bb8f56dd2799ed4c7137a48da29f41408b429c0bd88bbd4af5b9704f9060200160405180910390a35050505095945050505050565b80546060908067ffffffffffffffff8111156102ca576102ca6104bd565b6040519080825280601f01601f1916602001820160405280156102f4576020820181803683370190505b5091505f5b8160208202101561031b576001818501810154602080840286010152016102f9565b5050919050565b808355805f5b8160208202101561036d5760208102840135602082028303602081101561035b57600180600883602003021b0319821691505b50600182870181019190915501610328565b5050505050565b5f60208284031215610384575f5ffd5b5035919050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f5f83601f8401126103d0575f5ffd5b50813567ffffffffffffffff8111156103e7575f5ffd5b6020830191508360208285010111156103fe575f5ffd5b9250929050565b5f5f5f5f5f60608688031215610419575f5ffd5b853567ffffffffffffffff81111561042f575f5ffd5b61043b888289016103c0565b90965094505060208601359250604086013567ffffffffffffffff811115610461575f5ffd5b61046d888289016103c0565b969995985093965092949392505050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156100e1576100e161047e565b5f600182016104b6576104b661047e565b5060010190565b634e487b7160e01b5f52604160045260245ffdfea26469706673582212205cec9f3c2833e43e55fc5277f068043df9ba03c51c195453bf7092c3b1f739ea64736f6c634300081c0033",
}

// PlainModelRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use PlainModelRegistryMetaData.ABI instead.
var PlainModelRegistryABI = PlainModelRegistryMetaData.ABI

// PlainModelRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use PlainModelRegistryMetaData.Bin instead.
var PlainModelRegistryBin = PlainModelRegistryMetaData.Bin

// DeployPlainModelRegistry deploys a new Ethereum contract, binding an instance of PlainModelRegistry to it.
func DeployPlainModelRegistry(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *PlainModelRegistry, error) {
	parsed, err := PlainModelRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(PlainModelRegistryBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &PlainModelRegistry{PlainModelRegistryCaller: PlainModelRegistryCaller{contract: contract}, PlainModelRegistryTransactor: PlainModelRegistryTransactor{contract: contract}, PlainModelRegistryFilterer: PlainModelRegistryFilterer{contract: contract}}, nil
}

// PlainModelRegistry is an auto generated Go binding around an Ethereum contract.
type PlainModelRegistry struct {
	PlainModelRegistryCaller     // Read-only binding to the contract
	PlainModelRegistryTransactor // Write-only binding to the contract
	PlainModelRegistryFilterer   // Log filterer for contract events
}

// PlainModelRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type PlainModelRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PlainModelRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type PlainModelRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PlainModelRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type PlainModelRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PlainModelRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type PlainModelRegistrySession struct {
	Contract     *PlainModelRegistry // Generic contract binding to set the session for
	CallOpts     bind.CallOpts       // Call options to use throughout this session
	TransactOpts bind.TransactOpts   // Transaction auth options to use throughout this session
}

// PlainModelRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type PlainModelRegistryCallerSession struct {
	Contract *PlainModelRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts             // Call options to use throughout this session
}

// PlainModelRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type PlainModelRegistryTransactorSession struct {
	Contract     *PlainModelRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts             // Transaction auth options to use throughout this session
}

// PlainModelRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type PlainModelRegistryRaw struct {
	Contract *PlainModelRegistry // Generic contract binding to access the raw methods on
}

// PlainModelRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type PlainModelRegistryCallerRaw struct {
	Contract *PlainModelRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// PlainModelRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type PlainModelRegistryTransactorRaw struct {
	Contract *PlainModelRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewPlainModelRegistry creates a new instance of PlainModelRegistry, bound to a specific deployed contract.
func NewPlainModelRegistry(address common.Address, backend bind.ContractBackend) (*PlainModelRegistry, error) {
	contract, err := bindPlainModelRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &PlainModelRegistry{PlainModelRegistryCaller: PlainModelRegistryCaller{contract: contract}, PlainModelRegistryTransactor: PlainModelRegistryTransactor{contract: contract}, PlainModelRegistryFilterer: PlainModelRegistryFilterer{contract: contract}}, nil
}

// NewPlainModelRegistryCaller creates a new read-only instance of PlainModelRegistry, bound to a specific deployed contract.
func NewPlainModelRegistryCaller(address common.Address, caller bind.ContractCaller) (*PlainModelRegistryCaller, error) {
	contract, err := bindPlainModelRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &PlainModelRegistryCaller{contract: contract}, nil
}

// NewPlainModelRegistryTransactor creates a new write-only instance of PlainModelRegistry, bound to a specific deployed contract.
func NewPlainModelRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*PlainModelRegistryTransactor, error) {
	contract, err := bindPlainModelRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &PlainModelRegistryTransactor{contract: contract}, nil
}

// NewPlainModelRegistryFilterer creates a new log filterer instance of PlainModelRegistry, bound to a specific deployed contract.
func NewPlainModelRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*PlainModelRegistryFilterer, error) {
	contract, err := bindPlainModelRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &PlainModelRegistryFilterer{contract: contract}, nil
}

// bindPlainModelRegistry binds a generic wrapper to an already deployed contract.
func bindPlainModelRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := PlainModelRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PlainModelRegistry *PlainModelRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PlainModelRegistry.Contract.PlainModelRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PlainModelRegistry *PlainModelRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PlainModelRegistry.Contract.PlainModelRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PlainModelRegistry *PlainModelRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PlainModelRegistry.Contract.PlainModelRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PlainModelRegistry *PlainModelRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PlainModelRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PlainModelRegistry *PlainModelRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PlainModelRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PlainModelRegistry *PlainModelRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PlainModelRegistry.Contract.contract.Transact(opts, method, params...)
}

// ModelCount is a free data retrieval call binding the contract method 0xc6a645fe.
//
// Solidity: function modelCount() view returns(uint256)
func (_PlainModelRegistry *PlainModelRegistryCaller) ModelCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PlainModelRegistry.contract.Call(opts, &out, "modelCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ModelCount is a free data retrieval call binding the contract method 0xc6a645fe.
//
// Solidity: function modelCount() view returns(uint256)
func (_PlainModelRegistry *PlainModelRegistrySession) ModelCount() (*big.Int, error) {
	return _PlainModelRegistry.Contract.ModelCount(&_PlainModelRegistry.CallOpts)
}

// ModelCount is a free data retrieval call binding the contract method 0xc6a645fe.
//
// Solidity: function modelCount() view returns(uint256)
func (_PlainModelRegistry *PlainModelRegistryCallerSession) ModelCount() (*big.Int, error) {
	return _PlainModelRegistry.Contract.ModelCount(&_PlainModelRegistry.CallOpts)
}

// NameOf is a free data retrieval call binding the contract method 0x051a2664.
//
// Solidity: function nameOf(uint256 modelId) view returns(string)
func (_PlainModelRegistry *PlainModelRegistryCaller) NameOf(opts *bind.CallOpts, modelId *big.Int) (string, error) {
	var out []interface{}
	err := _PlainModelRegistry.contract.Call(opts, &out, "nameOf", modelId)

	if err != nil {
		return *new(string), err
	}

	out0 := *abi.ConvertType(out[0], new(string)).(*string)

	return out0, err

}

// NameOf is a free data retrieval call binding the contract method 0x051a2664.
//
// Solidity: function nameOf(uint256 modelId) view returns(string)
func (_PlainModelRegistry *PlainModelRegistrySession) NameOf(modelId *big.Int) (string, error) {
	return _PlainModelRegistry.Contract.NameOf(&_PlainModelRegistry.CallOpts, modelId)
}

// NameOf is a free data retrieval call binding the contract method 0x051a2664.
//
// Solidity: function nameOf(uint256 modelId) view returns(string)
func (_PlainModelRegistry *PlainModelRegistryCallerSession) NameOf(modelId *big.Int) (string, error) {
	return _PlainModelRegistry.Contract.NameOf(&_PlainModelRegistry.CallOpts, modelId)
}

// RegisterModel is a paid mutator transaction binding the contract method 0xf1042c73.
//
// Solidity: function registerModel(string name, bytes32 weightsHash, string uri) returns(uint256 modelId)
func (_PlainModelRegistry *PlainModelRegistryTransactor) RegisterModel(opts *bind.TransactOpts, name string, weightsHash [32]byte, uri string) (*types.Transaction, error) {
	return _PlainModelRegistry.contract.Transact(opts, "registerModel", name, weightsHash, uri)
}

// RegisterModel is a paid mutator transaction binding the contract method 0xf1042c73.
//
// Solidity: function registerModel(string name, bytes32 weightsHash, string uri) returns(uint256 modelId)
func (_PlainModelRegistry *PlainModelRegistrySession) RegisterModel(name string, weightsHash [32]byte, uri string) (*types.Transaction, error) {
	return _PlainModelRegistry.Contract.RegisterModel(&_PlainModelRegistry.TransactOpts, name, weightsHash, uri)
}

// RegisterModel is a paid mutator transaction binding the contract method 0xf1042c73.
//
// Solidity: function registerModel(string name, bytes32 weightsHash, string uri) returns(uint256 modelId)
func (_PlainModelRegistry *PlainModelRegistryTransactorSession) RegisterModel(name string, weightsHash [32]byte, uri string) (*types.Transaction, error) {
	return _PlainModelRegistry.Contract.RegisterModel(&_PlainModelRegistry.TransactOpts, name, weightsHash, uri)
}

// PlainModelRegistryModelRegisteredIterator is returned from FilterModelRegistered and is used to iterate over the raw logs and unpacked data for ModelRegistered events raised by the PlainModelRegistry contract.
type PlainModelRegistryModelRegisteredIterator struct {
	Event *PlainModelRegistryModelRegistered // Event containing the contract specifics and raw log

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
func (it *PlainModelRegistryModelRegisteredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PlainModelRegistryModelRegistered)
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
		it.Event = new(PlainModelRegistryModelRegistered)
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
func (it *PlainModelRegistryModelRegisteredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PlainModelRegistryModelRegisteredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PlainModelRegistryModelRegistered represents a ModelRegistered event raised by the PlainModelRegistry contract.
type PlainModelRegistryModelRegistered struct {
	ModelId     *big.Int
	Owner       common.Address
	WeightsHash [32]byte
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterModelRegistered is a free log retrieval operation binding the contract event 0x7da29ff4bb8f56dd2799ed4c7137a48da29f41408b429c0bd88bbd4af5b9704f.
//
// Solidity: event ModelRegistered(uint256 indexed modelId, address indexed owner, bytes32 weightsHash)
func (_PlainModelRegistry *PlainModelRegistryFilterer) FilterModelRegistered(opts *bind.FilterOpts, modelId []*big.Int, owner []common.Address) (*PlainModelRegistryModelRegisteredIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _PlainModelRegistry.contract.FilterLogs(opts, "ModelRegistered", modelIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return &PlainModelRegistryModelRegisteredIterator{contract: _PlainModelRegistry.contract, event: "ModelRegistered", logs: logs, sub: sub}, nil
}

// WatchModelRegistered is a free log subscription operation binding the contract event 0x7da29ff4bb8f56dd2799ed4c7137a48da29f41408b429c0bd88bbd4af5b9704f.
//
// Solidity: event ModelRegistered(uint256 indexed modelId, address indexed owner, bytes32 weightsHash)
func (_PlainModelRegistry *PlainModelRegistryFilterer) WatchModelRegistered(opts *bind.WatchOpts, sink chan<- *PlainModelRegistryModelRegistered, modelId []*big.Int, owner []common.Address) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}

	logs, sub, err := _PlainModelRegistry.contract.WatchLogs(opts, "ModelRegistered", modelIdRule, ownerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PlainModelRegistryModelRegistered)
				if err := _PlainModelRegistry.contract.UnpackLog(event, "ModelRegistered", log); err != nil {
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
func (_PlainModelRegistry *PlainModelRegistryFilterer) ParseModelRegistered(log types.Log) (*PlainModelRegistryModelRegistered, error) {
	event := new(PlainModelRegistryModelRegistered)
	if err := _PlainModelRegistry.contract.UnpackLog(event, "ModelRegistered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
