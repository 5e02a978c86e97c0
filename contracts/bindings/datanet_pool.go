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

// DatanetPoolMetaData contains all meta data concerning the DatanetPool contract.
var DatanetPoolMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AlreadyInitialized\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotRegistry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingToClaim\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Reentrancy\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"enumDatanetPool.Source\",\"name\":\"source\",\"type\":\"uint8\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"ref\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"totalShares\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"accPerShare\",\"type\":\"uint256\"}],\"name\":\"Income\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"totalShares\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"accPerShare\",\"type\":\"uint256\"}],\"name\":\"Released\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"totalShares\",\"type\":\"uint256\"}],\"name\":\"SharesAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"totalShares\",\"type\":\"uint256\"}],\"name\":\"SharesRemoved\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ATTRIBUTION\",\"outputs\":[{\"internalType\":\"contractIAttribution\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SCALE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"accPerShare\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address[]\",\"name\":\"contributors\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"shares\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"contributionIds\",\"type\":\"uint256[]\"}],\"name\":\"addShares\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claim\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"collect\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"datanetId\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"name\":\"depositSlash\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"datanetId_\",\"type\":\"uint64\"}],\"name\":\"initialize\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"pending\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"release\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"shares\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"name\":\"removeShares\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"sharesOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalClaimed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalIncome\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalShares\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"undistributed\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	Bin: "0x6080604052348015600e575f5ffd5b505f80546001600160a01b03191633179055610f698061002d5f395ff3fe608060405260043610610108575f3560e01c8063c9e1294b11610092578063eb72c8d811610062578063eb72c8d81461029d578063eb92db27146102b2578063eced5526146102d1578063f5eb42dc146102ee578063f929d3191461032b575f5ffd5b8063c9e1294b14610220578063d2890a011461025f578063d54ad2a114610274578063e522538114610289575f5ffd5b806352ff647e116100d857806352ff647e146101835780635eebea20146101a25780637b103999146101c157806386d1a69f146101f7578063b104ae8a1461020b575f5ffd5b806338488d4b1461011f5780633a98ef39146101325780634e71d92d1461015a578063522577e91461016e575f5ffd5b3661011b5761011960025f3461034a565b005b5f5ffd5b61011961012d366004610c9b565b6103f9565b34801561013d575f5ffd5b5061014760015481565b6040519081526020015b60405180910390f35b348015610165575f5ffd5b50610147610432565b348015610179575f5ffd5b5061014760045481565b34801561018e575f5ffd5b5061011961019d366004610ccd565b61058a565b3480156101ad575f5ffd5b506101476101bc366004610cfd565b6106a0565b3480156101cc575f5ffd5b505f546101df906001600160a01b031681565b6040516001600160a01b039091168152602001610151565b348015610202575f5ffd5b5061011961072d565b348015610216575f5ffd5b506101df610a0281565b34801561022b575f5ffd5b505f5461024690600160a01b900467ffffffffffffffff1681565b60405167ffffffffffffffff9091168152602001610151565b34801561026a575f5ffd5b5061014760025481565b34801561027f575f5ffd5b5061014760055481565b348015610294575f5ffd5b506101476107c6565b3480156102a8575f5ffd5b5061014760035481565b3480156102bd575f5ffd5b506101196102cc366004610d16565b61080f565b3480156102dc575f5ffd5b5061014769d3c21bcecceda100000081565b3480156102f9575f5ffd5b50610147610308366004610cfd565b6001600160a01b03165f908152600760205260409020546001600160801b031690565b348015610336575f5ffd5b50610119610345366004610d8c565b610872565b805f0361035657505050565b8060045f8282546103679190610e3f565b90915550506001545f819003610393578160035f8282546103889190610e3f565b9091555061039d9050565b61039d8282610a7d565b828460028111156103b0576103b0610e52565b600254604080518681526020810186905280820192909252517f7309aef88fc7d682a9fcf2faea7deacf7aff72646be8d95d5e8605784748eb029181900360600190a350505050565b5f546001600160a01b0316331461042357604051633217675b60e21b815260040160405180910390fd5b61042f6001823461034a565b50565b5f60ff815c16156104565760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d5061046c610ad4565b50335f90815260076020526040902061048481610bb3565b8054600160801b90046001600160801b031691505f8290036104b9576040516312d37ee560e31b815260040160405180910390fd5b80546001600160801b03168155600580548391905f906104da908490610e3f565b909155505060405182815233907fd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a9060200160405180910390a26040515f90339084908381818185875af1925050503d805f8114610553576040519150601f19603f3d011682016040523d82523d5f602084013e610558565b606091505b505090508061057a576040516312171d8360e31b815260040160405180910390fd5b505f905060ff19815c16815d5090565b5f546001600160a01b031633146105b457604051633217675b60e21b815260040160405180910390fd5b6001600160a01b0383165f9081526007602052604090206105d481610bb3565b8054839082905f906105f09084906001600160801b0316610e66565b82546101009290920a6001600160801b03818102199093169183160217909155600254835461063493506106249216610e85565b69d3c21bcecceda1000000610c63565b81600101819055505f8360015461064b9190610e9c565b6001819055604080518681526020810183905291925084916001600160a01b038816917fbe9280bad1f9f03790f70f3d94f99d284660a3d5210ab58d56139d8723aae87f910160405180910390a35050505050565b6001600160a01b0381165f9081526007602052604081206002548154839169d3c21bcecceda1000000916106dd91906001600160801b0316610e85565b6106e79190610ec3565b9050816001015481116106fa575f610709565b60018201546107099082610e9c565b82546107259190600160801b90046001600160801b0316610e3f565b949350505050565b5f546001600160a01b0316331461075757604051633217675b60e21b815260040160405180910390fd5b600354600154811580610768575080155b15610771575050565b5f60035561077f8282610a7d565b600254604080518481526020810184905280820192909252517ff854feef4c325cc8fcfad1a693b62c4383c8d228c4ca0bc52f9e06095338a5f19181900360600190a15050565b5f60ff815c16156107ea5760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d50610800610ad4565b90505f60ff19815c16815d5090565b5f546001600160a01b0316156108375760405162dc149f60e41b815260040160405180910390fd5b5f80546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b67ffffffffffffffff9390931692909202919091179055565b5f546001600160a01b0316331461089c57604051633217675b60e21b815260040160405180910390fd5b84831415806108ab5750828114155b156108cc576040516001621398b960e31b0319815260040160405180910390fd5b6001545f5b86811015610a71575f60075f8a8a858181106108ef576108ef610ed6565b90506020020160208101906109049190610cfd565b6001600160a01b03166001600160a01b031681526020019081526020015f20905061092e81610bb3565b86868381811061094057610940610ed6565b835460209091029290920135918391505f906109669084906001600160801b0316610eea565b82546101009290920a6001600160801b03818102199093169183160217909155600254835461099a93506106249216610e85565b60018201558686838181106109b1576109b1610ed6565b90506020020135836109c39190610e3f565b92508484838181106109d7576109d7610ed6565b905060200201358989848181106109f0576109f0610ed6565b9050602002016020810190610a059190610cfd565b6001600160a01b03167f740cfb13607f5a515952b6e85cbba8730ce4e5a86d60980a81ec9c977dd39d61898986818110610a4157610a41610ed6565b9050602002013586604051610a60929190918252602082015260400190565b60405180910390a3506001016108d1565b50600155505050505050565b6006545f90610a9669d3c21bcecceda100000085610e85565b610aa09190610e3f565b9050610aac8282610ec3565b60025f828254610abc9190610e3f565b90915550610acc90508282610f09565b600655505050565b60405163402914f560e01b81523060048201525f90610a029063402914f590602401602060405180830381865afa158015610b11573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610b359190610f1c565b5f03610b4057505f90565b610a026001600160a01b0316634e71d92d6040518163ffffffff1660e01b81526004016020604051808303815f875af1158015610b7f573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610ba39190610f1c565b9050610bb05f5f8361034a565b90565b60025481545f91610bcc916001600160801b0316610e85565b90505f610be369d3c21bcecceda100000083610ec3565b600184015490915080821115610c5d57610bfd8183610e9c565b84548590601090610c1f908490600160801b90046001600160801b0316610eea565b92506101000a8154816001600160801b0302191690836001600160801b03160217905550610c578369d3c21bcecceda1000000610c63565b60018501555b50505050565b5f8215610c905781610c76600185610e9c565b610c809190610ec3565b610c8b906001610e3f565b610c92565b5f5b90505b92915050565b5f60208284031215610cab575f5ffd5b5035919050565b80356001600160a01b0381168114610cc8575f5ffd5b919050565b5f5f5f60608486031215610cdf575f5ffd5b610ce884610cb2565b95602085013595506040909401359392505050565b5f60208284031215610d0d575f5ffd5b610c9282610cb2565b5f60208284031215610d26575f5ffd5b813567ffffffffffffffff81168114610d3d575f5ffd5b9392505050565b5f5f83601f840112610d54575f5ffd5b50813567ffffffffffffffff811115610d6b575f5ffd5b6020830191508360208260051b8501011115610d85575f5ffd5b9250929050565b5f5f5f5f5f5f60608789031215610da1575f5ffd5b863567ffffffffffffffff811115610db7575f5ffd5b610dc389828a01610d44565b909750955050602087013567ffffffffffffffff811115610de2575f5ffd5b610dee89828a01610d44565b909550935050604087013567ffffffffffffffff811115610e0d575f5ffd5b610e1989828a01610d44565b979a9699509497509295939492505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610c9557610c95610e2b565b634e487b7160e01b5f52602160045260245ffd5b6001600160801b038281168282160390811115610c9557610c95610e2b565b8082028115828204841417610c9557610c95610e2b565b81810381811115610c9557610c95610e2b565b634e487b7160e01b5f52601260045260245ffd5b5f82610ed157610ed1610eaf565b500490565b634e487b7160e01b5f52603260045260245ffd5b6001600160801b038181168382160190811115610c9557610c95610e2b565b5f82610f1757610f17610eaf565b500690565b5f60208284031215610f2c575f5ffd5b505191905056fea264697066735822122007d4cc958b8046359561b5574e495b758d05a5020659a9ba67885f039a8f109964736f6c634300081c0033",
}

// DatanetPoolABI is the input ABI used to generate the binding from.
// Deprecated: Use DatanetPoolMetaData.ABI instead.
var DatanetPoolABI = DatanetPoolMetaData.ABI

// DatanetPoolBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use DatanetPoolMetaData.Bin instead.
var DatanetPoolBin = DatanetPoolMetaData.Bin

// DeployDatanetPool deploys a new Ethereum contract, binding an instance of DatanetPool to it.
func DeployDatanetPool(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *DatanetPool, error) {
	parsed, err := DatanetPoolMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(DatanetPoolBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &DatanetPool{DatanetPoolCaller: DatanetPoolCaller{contract: contract}, DatanetPoolTransactor: DatanetPoolTransactor{contract: contract}, DatanetPoolFilterer: DatanetPoolFilterer{contract: contract}}, nil
}

// DatanetPool is an auto generated Go binding around an Ethereum contract.
type DatanetPool struct {
	DatanetPoolCaller     // Read-only binding to the contract
	DatanetPoolTransactor // Write-only binding to the contract
	DatanetPoolFilterer   // Log filterer for contract events
}

// DatanetPoolCaller is an auto generated read-only Go binding around an Ethereum contract.
type DatanetPoolCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DatanetPoolTransactor is an auto generated write-only Go binding around an Ethereum contract.
type DatanetPoolTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DatanetPoolFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type DatanetPoolFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DatanetPoolSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type DatanetPoolSession struct {
	Contract     *DatanetPool      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// DatanetPoolCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type DatanetPoolCallerSession struct {
	Contract *DatanetPoolCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// DatanetPoolTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type DatanetPoolTransactorSession struct {
	Contract     *DatanetPoolTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// DatanetPoolRaw is an auto generated low-level Go binding around an Ethereum contract.
type DatanetPoolRaw struct {
	Contract *DatanetPool // Generic contract binding to access the raw methods on
}

// DatanetPoolCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type DatanetPoolCallerRaw struct {
	Contract *DatanetPoolCaller // Generic read-only contract binding to access the raw methods on
}

// DatanetPoolTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type DatanetPoolTransactorRaw struct {
	Contract *DatanetPoolTransactor // Generic write-only contract binding to access the raw methods on
}

// NewDatanetPool creates a new instance of DatanetPool, bound to a specific deployed contract.
func NewDatanetPool(address common.Address, backend bind.ContractBackend) (*DatanetPool, error) {
	contract, err := bindDatanetPool(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &DatanetPool{DatanetPoolCaller: DatanetPoolCaller{contract: contract}, DatanetPoolTransactor: DatanetPoolTransactor{contract: contract}, DatanetPoolFilterer: DatanetPoolFilterer{contract: contract}}, nil
}

// NewDatanetPoolCaller creates a new read-only instance of DatanetPool, bound to a specific deployed contract.
func NewDatanetPoolCaller(address common.Address, caller bind.ContractCaller) (*DatanetPoolCaller, error) {
	contract, err := bindDatanetPool(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &DatanetPoolCaller{contract: contract}, nil
}

// NewDatanetPoolTransactor creates a new write-only instance of DatanetPool, bound to a specific deployed contract.
func NewDatanetPoolTransactor(address common.Address, transactor bind.ContractTransactor) (*DatanetPoolTransactor, error) {
	contract, err := bindDatanetPool(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &DatanetPoolTransactor{contract: contract}, nil
}

// NewDatanetPoolFilterer creates a new log filterer instance of DatanetPool, bound to a specific deployed contract.
func NewDatanetPoolFilterer(address common.Address, filterer bind.ContractFilterer) (*DatanetPoolFilterer, error) {
	contract, err := bindDatanetPool(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &DatanetPoolFilterer{contract: contract}, nil
}

// bindDatanetPool binds a generic wrapper to an already deployed contract.
func bindDatanetPool(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := DatanetPoolMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DatanetPool *DatanetPoolRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DatanetPool.Contract.DatanetPoolCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DatanetPool *DatanetPoolRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetPool.Contract.DatanetPoolTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DatanetPool *DatanetPoolRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DatanetPool.Contract.DatanetPoolTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DatanetPool *DatanetPoolCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DatanetPool.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DatanetPool *DatanetPoolTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetPool.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DatanetPool *DatanetPoolTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DatanetPool.Contract.contract.Transact(opts, method, params...)
}

// ATTRIBUTION is a free data retrieval call binding the contract method 0xb104ae8a.
//
// Solidity: function ATTRIBUTION() view returns(address)
func (_DatanetPool *DatanetPoolCaller) ATTRIBUTION(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "ATTRIBUTION")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// ATTRIBUTION is a free data retrieval call binding the contract method 0xb104ae8a.
//
// Solidity: function ATTRIBUTION() view returns(address)
func (_DatanetPool *DatanetPoolSession) ATTRIBUTION() (common.Address, error) {
	return _DatanetPool.Contract.ATTRIBUTION(&_DatanetPool.CallOpts)
}

// ATTRIBUTION is a free data retrieval call binding the contract method 0xb104ae8a.
//
// Solidity: function ATTRIBUTION() view returns(address)
func (_DatanetPool *DatanetPoolCallerSession) ATTRIBUTION() (common.Address, error) {
	return _DatanetPool.Contract.ATTRIBUTION(&_DatanetPool.CallOpts)
}

// SCALE is a free data retrieval call binding the contract method 0xeced5526.
//
// Solidity: function SCALE() view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) SCALE(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "SCALE")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SCALE is a free data retrieval call binding the contract method 0xeced5526.
//
// Solidity: function SCALE() view returns(uint256)
func (_DatanetPool *DatanetPoolSession) SCALE() (*big.Int, error) {
	return _DatanetPool.Contract.SCALE(&_DatanetPool.CallOpts)
}

// SCALE is a free data retrieval call binding the contract method 0xeced5526.
//
// Solidity: function SCALE() view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) SCALE() (*big.Int, error) {
	return _DatanetPool.Contract.SCALE(&_DatanetPool.CallOpts)
}

// AccPerShare is a free data retrieval call binding the contract method 0xd2890a01.
//
// Solidity: function accPerShare() view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) AccPerShare(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "accPerShare")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// AccPerShare is a free data retrieval call binding the contract method 0xd2890a01.
//
// Solidity: function accPerShare() view returns(uint256)
func (_DatanetPool *DatanetPoolSession) AccPerShare() (*big.Int, error) {
	return _DatanetPool.Contract.AccPerShare(&_DatanetPool.CallOpts)
}

// AccPerShare is a free data retrieval call binding the contract method 0xd2890a01.
//
// Solidity: function accPerShare() view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) AccPerShare() (*big.Int, error) {
	return _DatanetPool.Contract.AccPerShare(&_DatanetPool.CallOpts)
}

// DatanetId is a free data retrieval call binding the contract method 0xc9e1294b.
//
// Solidity: function datanetId() view returns(uint64)
func (_DatanetPool *DatanetPoolCaller) DatanetId(opts *bind.CallOpts) (uint64, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "datanetId")

	if err != nil {
		return *new(uint64), err
	}

	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)

	return out0, err

}

// DatanetId is a free data retrieval call binding the contract method 0xc9e1294b.
//
// Solidity: function datanetId() view returns(uint64)
func (_DatanetPool *DatanetPoolSession) DatanetId() (uint64, error) {
	return _DatanetPool.Contract.DatanetId(&_DatanetPool.CallOpts)
}

// DatanetId is a free data retrieval call binding the contract method 0xc9e1294b.
//
// Solidity: function datanetId() view returns(uint64)
func (_DatanetPool *DatanetPoolCallerSession) DatanetId() (uint64, error) {
	return _DatanetPool.Contract.DatanetId(&_DatanetPool.CallOpts)
}

// Pending is a free data retrieval call binding the contract method 0x5eebea20.
//
// Solidity: function pending(address account) view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) Pending(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "pending", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Pending is a free data retrieval call binding the contract method 0x5eebea20.
//
// Solidity: function pending(address account) view returns(uint256)
func (_DatanetPool *DatanetPoolSession) Pending(account common.Address) (*big.Int, error) {
	return _DatanetPool.Contract.Pending(&_DatanetPool.CallOpts, account)
}

// Pending is a free data retrieval call binding the contract method 0x5eebea20.
//
// Solidity: function pending(address account) view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) Pending(account common.Address) (*big.Int, error) {
	return _DatanetPool.Contract.Pending(&_DatanetPool.CallOpts, account)
}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_DatanetPool *DatanetPoolCaller) Registry(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "registry")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_DatanetPool *DatanetPoolSession) Registry() (common.Address, error) {
	return _DatanetPool.Contract.Registry(&_DatanetPool.CallOpts)
}

// Registry is a free data retrieval call binding the contract method 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (_DatanetPool *DatanetPoolCallerSession) Registry() (common.Address, error) {
	return _DatanetPool.Contract.Registry(&_DatanetPool.CallOpts)
}

// SharesOf is a free data retrieval call binding the contract method 0xf5eb42dc.
//
// Solidity: function sharesOf(address account) view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) SharesOf(opts *bind.CallOpts, account common.Address) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "sharesOf", account)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// SharesOf is a free data retrieval call binding the contract method 0xf5eb42dc.
//
// Solidity: function sharesOf(address account) view returns(uint256)
func (_DatanetPool *DatanetPoolSession) SharesOf(account common.Address) (*big.Int, error) {
	return _DatanetPool.Contract.SharesOf(&_DatanetPool.CallOpts, account)
}

// SharesOf is a free data retrieval call binding the contract method 0xf5eb42dc.
//
// Solidity: function sharesOf(address account) view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) SharesOf(account common.Address) (*big.Int, error) {
	return _DatanetPool.Contract.SharesOf(&_DatanetPool.CallOpts, account)
}

// TotalClaimed is a free data retrieval call binding the contract method 0xd54ad2a1.
//
// Solidity: function totalClaimed() view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) TotalClaimed(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "totalClaimed")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalClaimed is a free data retrieval call binding the contract method 0xd54ad2a1.
//
// Solidity: function totalClaimed() view returns(uint256)
func (_DatanetPool *DatanetPoolSession) TotalClaimed() (*big.Int, error) {
	return _DatanetPool.Contract.TotalClaimed(&_DatanetPool.CallOpts)
}

// TotalClaimed is a free data retrieval call binding the contract method 0xd54ad2a1.
//
// Solidity: function totalClaimed() view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) TotalClaimed() (*big.Int, error) {
	return _DatanetPool.Contract.TotalClaimed(&_DatanetPool.CallOpts)
}

// TotalIncome is a free data retrieval call binding the contract method 0x522577e9.
//
// Solidity: function totalIncome() view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) TotalIncome(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "totalIncome")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalIncome is a free data retrieval call binding the contract method 0x522577e9.
//
// Solidity: function totalIncome() view returns(uint256)
func (_DatanetPool *DatanetPoolSession) TotalIncome() (*big.Int, error) {
	return _DatanetPool.Contract.TotalIncome(&_DatanetPool.CallOpts)
}

// TotalIncome is a free data retrieval call binding the contract method 0x522577e9.
//
// Solidity: function totalIncome() view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) TotalIncome() (*big.Int, error) {
	return _DatanetPool.Contract.TotalIncome(&_DatanetPool.CallOpts)
}

// TotalShares is a free data retrieval call binding the contract method 0x3a98ef39.
//
// Solidity: function totalShares() view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) TotalShares(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "totalShares")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// TotalShares is a free data retrieval call binding the contract method 0x3a98ef39.
//
// Solidity: function totalShares() view returns(uint256)
func (_DatanetPool *DatanetPoolSession) TotalShares() (*big.Int, error) {
	return _DatanetPool.Contract.TotalShares(&_DatanetPool.CallOpts)
}

// TotalShares is a free data retrieval call binding the contract method 0x3a98ef39.
//
// Solidity: function totalShares() view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) TotalShares() (*big.Int, error) {
	return _DatanetPool.Contract.TotalShares(&_DatanetPool.CallOpts)
}

// Undistributed is a free data retrieval call binding the contract method 0xeb72c8d8.
//
// Solidity: function undistributed() view returns(uint256)
func (_DatanetPool *DatanetPoolCaller) Undistributed(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetPool.contract.Call(opts, &out, "undistributed")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Undistributed is a free data retrieval call binding the contract method 0xeb72c8d8.
//
// Solidity: function undistributed() view returns(uint256)
func (_DatanetPool *DatanetPoolSession) Undistributed() (*big.Int, error) {
	return _DatanetPool.Contract.Undistributed(&_DatanetPool.CallOpts)
}

// Undistributed is a free data retrieval call binding the contract method 0xeb72c8d8.
//
// Solidity: function undistributed() view returns(uint256)
func (_DatanetPool *DatanetPoolCallerSession) Undistributed() (*big.Int, error) {
	return _DatanetPool.Contract.Undistributed(&_DatanetPool.CallOpts)
}

// AddShares is a paid mutator transaction binding the contract method 0xf929d319.
//
// Solidity: function addShares(address[] contributors, uint256[] shares, uint256[] contributionIds) returns()
func (_DatanetPool *DatanetPoolTransactor) AddShares(opts *bind.TransactOpts, contributors []common.Address, shares []*big.Int, contributionIds []*big.Int) (*types.Transaction, error) {
	return _DatanetPool.contract.Transact(opts, "addShares", contributors, shares, contributionIds)
}

// AddShares is a paid mutator transaction binding the contract method 0xf929d319.
//
// Solidity: function addShares(address[] contributors, uint256[] shares, uint256[] contributionIds) returns()
func (_DatanetPool *DatanetPoolSession) AddShares(contributors []common.Address, shares []*big.Int, contributionIds []*big.Int) (*types.Transaction, error) {
	return _DatanetPool.Contract.AddShares(&_DatanetPool.TransactOpts, contributors, shares, contributionIds)
}

// AddShares is a paid mutator transaction binding the contract method 0xf929d319.
//
// Solidity: function addShares(address[] contributors, uint256[] shares, uint256[] contributionIds) returns()
func (_DatanetPool *DatanetPoolTransactorSession) AddShares(contributors []common.Address, shares []*big.Int, contributionIds []*big.Int) (*types.Transaction, error) {
	return _DatanetPool.Contract.AddShares(&_DatanetPool.TransactOpts, contributors, shares, contributionIds)
}

// Claim is a paid mutator transaction binding the contract method 0x4e71d92d.
//
// Solidity: function claim() returns(uint256 amount)
func (_DatanetPool *DatanetPoolTransactor) Claim(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetPool.contract.Transact(opts, "claim")
}

// Claim is a paid mutator transaction binding the contract method 0x4e71d92d.
//
// Solidity: function claim() returns(uint256 amount)
func (_DatanetPool *DatanetPoolSession) Claim() (*types.Transaction, error) {
	return _DatanetPool.Contract.Claim(&_DatanetPool.TransactOpts)
}

// Claim is a paid mutator transaction binding the contract method 0x4e71d92d.
//
// Solidity: function claim() returns(uint256 amount)
func (_DatanetPool *DatanetPoolTransactorSession) Claim() (*types.Transaction, error) {
	return _DatanetPool.Contract.Claim(&_DatanetPool.TransactOpts)
}

// Collect is a paid mutator transaction binding the contract method 0xe5225381.
//
// Solidity: function collect() returns(uint256 amount)
func (_DatanetPool *DatanetPoolTransactor) Collect(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetPool.contract.Transact(opts, "collect")
}

// Collect is a paid mutator transaction binding the contract method 0xe5225381.
//
// Solidity: function collect() returns(uint256 amount)
func (_DatanetPool *DatanetPoolSession) Collect() (*types.Transaction, error) {
	return _DatanetPool.Contract.Collect(&_DatanetPool.TransactOpts)
}

// Collect is a paid mutator transaction binding the contract method 0xe5225381.
//
// Solidity: function collect() returns(uint256 amount)
func (_DatanetPool *DatanetPoolTransactorSession) Collect() (*types.Transaction, error) {
	return _DatanetPool.Contract.Collect(&_DatanetPool.TransactOpts)
}

// DepositSlash is a paid mutator transaction binding the contract method 0x38488d4b.
//
// Solidity: function depositSlash(uint256 contributionId) payable returns()
func (_DatanetPool *DatanetPoolTransactor) DepositSlash(opts *bind.TransactOpts, contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetPool.contract.Transact(opts, "depositSlash", contributionId)
}

// DepositSlash is a paid mutator transaction binding the contract method 0x38488d4b.
//
// Solidity: function depositSlash(uint256 contributionId) payable returns()
func (_DatanetPool *DatanetPoolSession) DepositSlash(contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetPool.Contract.DepositSlash(&_DatanetPool.TransactOpts, contributionId)
}

// DepositSlash is a paid mutator transaction binding the contract method 0x38488d4b.
//
// Solidity: function depositSlash(uint256 contributionId) payable returns()
func (_DatanetPool *DatanetPoolTransactorSession) DepositSlash(contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetPool.Contract.DepositSlash(&_DatanetPool.TransactOpts, contributionId)
}

// Initialize is a paid mutator transaction binding the contract method 0xeb92db27.
//
// Solidity: function initialize(uint64 datanetId_) returns()
func (_DatanetPool *DatanetPoolTransactor) Initialize(opts *bind.TransactOpts, datanetId_ uint64) (*types.Transaction, error) {
	return _DatanetPool.contract.Transact(opts, "initialize", datanetId_)
}

// Initialize is a paid mutator transaction binding the contract method 0xeb92db27.
//
// Solidity: function initialize(uint64 datanetId_) returns()
func (_DatanetPool *DatanetPoolSession) Initialize(datanetId_ uint64) (*types.Transaction, error) {
	return _DatanetPool.Contract.Initialize(&_DatanetPool.TransactOpts, datanetId_)
}

// Initialize is a paid mutator transaction binding the contract method 0xeb92db27.
//
// Solidity: function initialize(uint64 datanetId_) returns()
func (_DatanetPool *DatanetPoolTransactorSession) Initialize(datanetId_ uint64) (*types.Transaction, error) {
	return _DatanetPool.Contract.Initialize(&_DatanetPool.TransactOpts, datanetId_)
}

// Release is a paid mutator transaction binding the contract method 0x86d1a69f.
//
// Solidity: function release() returns()
func (_DatanetPool *DatanetPoolTransactor) Release(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetPool.contract.Transact(opts, "release")
}

// Release is a paid mutator transaction binding the contract method 0x86d1a69f.
//
// Solidity: function release() returns()
func (_DatanetPool *DatanetPoolSession) Release() (*types.Transaction, error) {
	return _DatanetPool.Contract.Release(&_DatanetPool.TransactOpts)
}

// Release is a paid mutator transaction binding the contract method 0x86d1a69f.
//
// Solidity: function release() returns()
func (_DatanetPool *DatanetPoolTransactorSession) Release() (*types.Transaction, error) {
	return _DatanetPool.Contract.Release(&_DatanetPool.TransactOpts)
}

// RemoveShares is a paid mutator transaction binding the contract method 0x52ff647e.
//
// Solidity: function removeShares(address contributor, uint256 shares, uint256 contributionId) returns()
func (_DatanetPool *DatanetPoolTransactor) RemoveShares(opts *bind.TransactOpts, contributor common.Address, shares *big.Int, contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetPool.contract.Transact(opts, "removeShares", contributor, shares, contributionId)
}

// RemoveShares is a paid mutator transaction binding the contract method 0x52ff647e.
//
// Solidity: function removeShares(address contributor, uint256 shares, uint256 contributionId) returns()
func (_DatanetPool *DatanetPoolSession) RemoveShares(contributor common.Address, shares *big.Int, contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetPool.Contract.RemoveShares(&_DatanetPool.TransactOpts, contributor, shares, contributionId)
}

// RemoveShares is a paid mutator transaction binding the contract method 0x52ff647e.
//
// Solidity: function removeShares(address contributor, uint256 shares, uint256 contributionId) returns()
func (_DatanetPool *DatanetPoolTransactorSession) RemoveShares(contributor common.Address, shares *big.Int, contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetPool.Contract.RemoveShares(&_DatanetPool.TransactOpts, contributor, shares, contributionId)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_DatanetPool *DatanetPoolTransactor) Receive(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetPool.contract.RawTransact(opts, nil) // calldata is disallowed for receive function
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_DatanetPool *DatanetPoolSession) Receive() (*types.Transaction, error) {
	return _DatanetPool.Contract.Receive(&_DatanetPool.TransactOpts)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_DatanetPool *DatanetPoolTransactorSession) Receive() (*types.Transaction, error) {
	return _DatanetPool.Contract.Receive(&_DatanetPool.TransactOpts)
}

// DatanetPoolClaimedIterator is returned from FilterClaimed and is used to iterate over the raw logs and unpacked data for Claimed events raised by the DatanetPool contract.
type DatanetPoolClaimedIterator struct {
	Event *DatanetPoolClaimed // Event containing the contract specifics and raw log

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
func (it *DatanetPoolClaimedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetPoolClaimed)
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
		it.Event = new(DatanetPoolClaimed)
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
func (it *DatanetPoolClaimedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetPoolClaimedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetPoolClaimed represents a Claimed event raised by the DatanetPool contract.
type DatanetPoolClaimed struct {
	Contributor common.Address
	Amount      *big.Int
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterClaimed is a free log retrieval operation binding the contract event 0xd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a.
//
// Solidity: event Claimed(address indexed contributor, uint256 amount)
func (_DatanetPool *DatanetPoolFilterer) FilterClaimed(opts *bind.FilterOpts, contributor []common.Address) (*DatanetPoolClaimedIterator, error) {

	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}

	logs, sub, err := _DatanetPool.contract.FilterLogs(opts, "Claimed", contributorRule)
	if err != nil {
		return nil, err
	}
	return &DatanetPoolClaimedIterator{contract: _DatanetPool.contract, event: "Claimed", logs: logs, sub: sub}, nil
}

// WatchClaimed is a free log subscription operation binding the contract event 0xd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a.
//
// Solidity: event Claimed(address indexed contributor, uint256 amount)
func (_DatanetPool *DatanetPoolFilterer) WatchClaimed(opts *bind.WatchOpts, sink chan<- *DatanetPoolClaimed, contributor []common.Address) (event.Subscription, error) {

	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}

	logs, sub, err := _DatanetPool.contract.WatchLogs(opts, "Claimed", contributorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetPoolClaimed)
				if err := _DatanetPool.contract.UnpackLog(event, "Claimed", log); err != nil {
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
// Solidity: event Claimed(address indexed contributor, uint256 amount)
func (_DatanetPool *DatanetPoolFilterer) ParseClaimed(log types.Log) (*DatanetPoolClaimed, error) {
	event := new(DatanetPoolClaimed)
	if err := _DatanetPool.contract.UnpackLog(event, "Claimed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetPoolIncomeIterator is returned from FilterIncome and is used to iterate over the raw logs and unpacked data for Income events raised by the DatanetPool contract.
type DatanetPoolIncomeIterator struct {
	Event *DatanetPoolIncome // Event containing the contract specifics and raw log

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
func (it *DatanetPoolIncomeIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetPoolIncome)
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
		it.Event = new(DatanetPoolIncome)
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
func (it *DatanetPoolIncomeIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetPoolIncomeIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetPoolIncome represents a Income event raised by the DatanetPool contract.
type DatanetPoolIncome struct {
	Source      uint8
	Ref         *big.Int
	Amount      *big.Int
	TotalShares *big.Int
	AccPerShare *big.Int
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterIncome is a free log retrieval operation binding the contract event 0x7309aef88fc7d682a9fcf2faea7deacf7aff72646be8d95d5e8605784748eb02.
//
// Solidity: event Income(uint8 indexed source, uint256 indexed ref, uint256 amount, uint256 totalShares, uint256 accPerShare)
func (_DatanetPool *DatanetPoolFilterer) FilterIncome(opts *bind.FilterOpts, source []uint8, ref []*big.Int) (*DatanetPoolIncomeIterator, error) {

	var sourceRule []interface{}
	for _, sourceItem := range source {
		sourceRule = append(sourceRule, sourceItem)
	}
	var refRule []interface{}
	for _, refItem := range ref {
		refRule = append(refRule, refItem)
	}

	logs, sub, err := _DatanetPool.contract.FilterLogs(opts, "Income", sourceRule, refRule)
	if err != nil {
		return nil, err
	}
	return &DatanetPoolIncomeIterator{contract: _DatanetPool.contract, event: "Income", logs: logs, sub: sub}, nil
}

// WatchIncome is a free log subscription operation binding the contract event 0x7309aef88fc7d682a9fcf2faea7deacf7aff72646be8d95d5e8605784748eb02.
//
// Solidity: event Income(uint8 indexed source, uint256 indexed ref, uint256 amount, uint256 totalShares, uint256 accPerShare)
func (_DatanetPool *DatanetPoolFilterer) WatchIncome(opts *bind.WatchOpts, sink chan<- *DatanetPoolIncome, source []uint8, ref []*big.Int) (event.Subscription, error) {

	var sourceRule []interface{}
	for _, sourceItem := range source {
		sourceRule = append(sourceRule, sourceItem)
	}
	var refRule []interface{}
	for _, refItem := range ref {
		refRule = append(refRule, refItem)
	}

	logs, sub, err := _DatanetPool.contract.WatchLogs(opts, "Income", sourceRule, refRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetPoolIncome)
				if err := _DatanetPool.contract.UnpackLog(event, "Income", log); err != nil {
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

// ParseIncome is a log parse operation binding the contract event 0x7309aef88fc7d682a9fcf2faea7deacf7aff72646be8d95d5e8605784748eb02.
//
// Solidity: event Income(uint8 indexed source, uint256 indexed ref, uint256 amount, uint256 totalShares, uint256 accPerShare)
func (_DatanetPool *DatanetPoolFilterer) ParseIncome(log types.Log) (*DatanetPoolIncome, error) {
	event := new(DatanetPoolIncome)
	if err := _DatanetPool.contract.UnpackLog(event, "Income", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetPoolReleasedIterator is returned from FilterReleased and is used to iterate over the raw logs and unpacked data for Released events raised by the DatanetPool contract.
type DatanetPoolReleasedIterator struct {
	Event *DatanetPoolReleased // Event containing the contract specifics and raw log

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
func (it *DatanetPoolReleasedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetPoolReleased)
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
		it.Event = new(DatanetPoolReleased)
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
func (it *DatanetPoolReleasedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetPoolReleasedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetPoolReleased represents a Released event raised by the DatanetPool contract.
type DatanetPoolReleased struct {
	Amount      *big.Int
	TotalShares *big.Int
	AccPerShare *big.Int
	Raw         types.Log // Blockchain specific contextual infos
}

// FilterReleased is a free log retrieval operation binding the contract event 0xf854feef4c325cc8fcfad1a693b62c4383c8d228c4ca0bc52f9e06095338a5f1.
//
// Solidity: event Released(uint256 amount, uint256 totalShares, uint256 accPerShare)
func (_DatanetPool *DatanetPoolFilterer) FilterReleased(opts *bind.FilterOpts) (*DatanetPoolReleasedIterator, error) {

	logs, sub, err := _DatanetPool.contract.FilterLogs(opts, "Released")
	if err != nil {
		return nil, err
	}
	return &DatanetPoolReleasedIterator{contract: _DatanetPool.contract, event: "Released", logs: logs, sub: sub}, nil
}

// WatchReleased is a free log subscription operation binding the contract event 0xf854feef4c325cc8fcfad1a693b62c4383c8d228c4ca0bc52f9e06095338a5f1.
//
// Solidity: event Released(uint256 amount, uint256 totalShares, uint256 accPerShare)
func (_DatanetPool *DatanetPoolFilterer) WatchReleased(opts *bind.WatchOpts, sink chan<- *DatanetPoolReleased) (event.Subscription, error) {

	logs, sub, err := _DatanetPool.contract.WatchLogs(opts, "Released")
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetPoolReleased)
				if err := _DatanetPool.contract.UnpackLog(event, "Released", log); err != nil {
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

// ParseReleased is a log parse operation binding the contract event 0xf854feef4c325cc8fcfad1a693b62c4383c8d228c4ca0bc52f9e06095338a5f1.
//
// Solidity: event Released(uint256 amount, uint256 totalShares, uint256 accPerShare)
func (_DatanetPool *DatanetPoolFilterer) ParseReleased(log types.Log) (*DatanetPoolReleased, error) {
	event := new(DatanetPoolReleased)
	if err := _DatanetPool.contract.UnpackLog(event, "Released", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetPoolSharesAddedIterator is returned from FilterSharesAdded and is used to iterate over the raw logs and unpacked data for SharesAdded events raised by the DatanetPool contract.
type DatanetPoolSharesAddedIterator struct {
	Event *DatanetPoolSharesAdded // Event containing the contract specifics and raw log

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
func (it *DatanetPoolSharesAddedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetPoolSharesAdded)
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
		it.Event = new(DatanetPoolSharesAdded)
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
func (it *DatanetPoolSharesAddedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetPoolSharesAddedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetPoolSharesAdded represents a SharesAdded event raised by the DatanetPool contract.
type DatanetPoolSharesAdded struct {
	Contributor    common.Address
	ContributionId *big.Int
	Shares         *big.Int
	TotalShares    *big.Int
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterSharesAdded is a free log retrieval operation binding the contract event 0x740cfb13607f5a515952b6e85cbba8730ce4e5a86d60980a81ec9c977dd39d61.
//
// Solidity: event SharesAdded(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares)
func (_DatanetPool *DatanetPoolFilterer) FilterSharesAdded(opts *bind.FilterOpts, contributor []common.Address, contributionId []*big.Int) (*DatanetPoolSharesAddedIterator, error) {

	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}
	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}

	logs, sub, err := _DatanetPool.contract.FilterLogs(opts, "SharesAdded", contributorRule, contributionIdRule)
	if err != nil {
		return nil, err
	}
	return &DatanetPoolSharesAddedIterator{contract: _DatanetPool.contract, event: "SharesAdded", logs: logs, sub: sub}, nil
}

// WatchSharesAdded is a free log subscription operation binding the contract event 0x740cfb13607f5a515952b6e85cbba8730ce4e5a86d60980a81ec9c977dd39d61.
//
// Solidity: event SharesAdded(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares)
func (_DatanetPool *DatanetPoolFilterer) WatchSharesAdded(opts *bind.WatchOpts, sink chan<- *DatanetPoolSharesAdded, contributor []common.Address, contributionId []*big.Int) (event.Subscription, error) {

	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}
	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}

	logs, sub, err := _DatanetPool.contract.WatchLogs(opts, "SharesAdded", contributorRule, contributionIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetPoolSharesAdded)
				if err := _DatanetPool.contract.UnpackLog(event, "SharesAdded", log); err != nil {
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

// ParseSharesAdded is a log parse operation binding the contract event 0x740cfb13607f5a515952b6e85cbba8730ce4e5a86d60980a81ec9c977dd39d61.
//
// Solidity: event SharesAdded(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares)
func (_DatanetPool *DatanetPoolFilterer) ParseSharesAdded(log types.Log) (*DatanetPoolSharesAdded, error) {
	event := new(DatanetPoolSharesAdded)
	if err := _DatanetPool.contract.UnpackLog(event, "SharesAdded", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetPoolSharesRemovedIterator is returned from FilterSharesRemoved and is used to iterate over the raw logs and unpacked data for SharesRemoved events raised by the DatanetPool contract.
type DatanetPoolSharesRemovedIterator struct {
	Event *DatanetPoolSharesRemoved // Event containing the contract specifics and raw log

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
func (it *DatanetPoolSharesRemovedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetPoolSharesRemoved)
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
		it.Event = new(DatanetPoolSharesRemoved)
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
func (it *DatanetPoolSharesRemovedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetPoolSharesRemovedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetPoolSharesRemoved represents a SharesRemoved event raised by the DatanetPool contract.
type DatanetPoolSharesRemoved struct {
	Contributor    common.Address
	ContributionId *big.Int
	Shares         *big.Int
	TotalShares    *big.Int
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterSharesRemoved is a free log retrieval operation binding the contract event 0xbe9280bad1f9f03790f70f3d94f99d284660a3d5210ab58d56139d8723aae87f.
//
// Solidity: event SharesRemoved(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares)
func (_DatanetPool *DatanetPoolFilterer) FilterSharesRemoved(opts *bind.FilterOpts, contributor []common.Address, contributionId []*big.Int) (*DatanetPoolSharesRemovedIterator, error) {

	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}
	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}

	logs, sub, err := _DatanetPool.contract.FilterLogs(opts, "SharesRemoved", contributorRule, contributionIdRule)
	if err != nil {
		return nil, err
	}
	return &DatanetPoolSharesRemovedIterator{contract: _DatanetPool.contract, event: "SharesRemoved", logs: logs, sub: sub}, nil
}

// WatchSharesRemoved is a free log subscription operation binding the contract event 0xbe9280bad1f9f03790f70f3d94f99d284660a3d5210ab58d56139d8723aae87f.
//
// Solidity: event SharesRemoved(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares)
func (_DatanetPool *DatanetPoolFilterer) WatchSharesRemoved(opts *bind.WatchOpts, sink chan<- *DatanetPoolSharesRemoved, contributor []common.Address, contributionId []*big.Int) (event.Subscription, error) {

	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}
	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}

	logs, sub, err := _DatanetPool.contract.WatchLogs(opts, "SharesRemoved", contributorRule, contributionIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetPoolSharesRemoved)
				if err := _DatanetPool.contract.UnpackLog(event, "SharesRemoved", log); err != nil {
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

// ParseSharesRemoved is a log parse operation binding the contract event 0xbe9280bad1f9f03790f70f3d94f99d284660a3d5210ab58d56139d8723aae87f.
//
// Solidity: event SharesRemoved(address indexed contributor, uint256 indexed contributionId, uint256 shares, uint256 totalShares)
func (_DatanetPool *DatanetPoolFilterer) ParseSharesRemoved(log types.Log) (*DatanetPoolSharesRemoved, error) {
	event := new(DatanetPoolSharesRemoved)
	if err := _DatanetPool.contract.UnpackLog(event, "SharesRemoved", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
