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

// PaidModelCallerMetaData contains all meta data concerning the PaidModelCaller contract.
var PaidModelCallerMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"ForwardFailed\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"OnlyOwner\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"CallPaid\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Forwarded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"}],\"name\":\"ModelCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"modelId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes4\",\"name\":\"selector\",\"type\":\"bytes4\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"refunded\",\"type\":\"uint256\"}],\"name\":\"PaymentRejected\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ATTRIBUTION\",\"outputs\":[{\"internalType\":\"contractIAttribution\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"REGISTRY\",\"outputs\":[{\"internalType\":\"contractIModelRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimAndForward\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"bytes32\",\"name\":\"weightsHash\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"}],\"name\":\"createModel\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"modelOwner\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"exists\",\"type\":\"bool\"},{\"internalType\":\"address\",\"name\":\"modelOwner_\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"adapterId\",\"type\":\"uint256\"},{\"internalType\":\"address[]\",\"name\":\"contributors\",\"type\":\"address[]\"},{\"internalType\":\"uint256[]\",\"name\":\"weights\",\"type\":\"uint256[]\"}],\"name\":\"payOrRefund\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"paid\",\"type\":\"bool\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"probeForbiddenCalls\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"viaStatic\",\"type\":\"bytes4\"},{\"internalType\":\"bytes4\",\"name\":\"viaDelegate\",\"type\":\"bytes4\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"weiPerCall\",\"type\":\"uint256\"}],\"name\":\"setPrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	Bin: "0x60a060405234801561000f575f5ffd5b5033608052608051610eb561004f5f395f81816101cb0152818161061d015281816106c301528181610752015281816107c3015261090d0152610eb55ff3fe608060405260043610610092575f3560e01c806360fa98eb1161005757806360fa98eb1461018757806370edec101461019b5780638da5cb5b146101ba578063b104ae8a146101ed578063f7d9757714610202575f5ffd5b806306433b1b1461009d5780633f33786c146100cf57806343cdaad21461010457806347d52854146101265780635cd05a4914610164575f5ffd5b3661009957005b5f5ffd5b3480156100a8575f5ffd5b506100b2610a0181565b6040516001600160a01b0390911681526020015b60405180910390f35b3480156100da575f5ffd5b506100e3610223565b604080516001600160e01b03199384168152929091166020830152016100c6565b34801561010f575f5ffd5b506101185f5481565b6040519081526020016100c6565b348015610131575f5ffd5b506101456101403660046109e0565b610361565b6040805192151583526001600160a01b039091166020830152016100c6565b610177610172366004610a3e565b61044a565b60405190151581526020016100c6565b348015610192575f5ffd5b50610118610611565b3480156101a6575f5ffd5b506101186101b5366004610afb565b6107b7565b3480156101c5575f5ffd5b506100b27f000000000000000000000000000000000000000000000000000000000000000081565b3480156101f8575f5ffd5b506100b2610a0281565b34801561020d575f5ffd5b5061022161021c366004610b7a565b610902565b005b60405160606024820152600560848201526470726f626560d81b60a48201526001604482015260a060648201525f60c48201819052908190819060e40160408051601f198184030181529181526020820180516001600160e01b031663f1042c7360e01b179052519091505f908190610a01906102a1908590610b9a565b5f60405180830381855afa9150503d805f81146102d9576040519150601f19603f3d011682016040523d82523d5f602084013e6102de565b606091505b5091509150816102f4576102f1816109a4565b94505b604051610a0190610306908590610b9a565b5f60405180830381855af49150503d805f811461033e576040519150601f19603f3d011682016040523d82523d5f602084013e610343565b606091505b5090925090508161035a57610357816109a4565b93505b5050509091565b604051631b4d85a560e21b8152600481018290525f908190610a0190636d361694906024015f60405180830381865afa9250505080156103c257506040513d5f823e601f3d908101601f191682016040526103bf9190810190610cb2565b60015b61043e573d8080156103ef576040519150601f19603f3d011682016040523d82523d5f602084013e6103f4565b606091505b50632380022d60e01b610406826109a4565b6001600160e01b031916141580610425575083610422826109be565b14155b1561043357610433816109d8565b505f93849350915050565b51600194909350915050565b6040516344d2fe4160e01b81525f90610a02906344d2fe4190349061047d908b908b908b908b908b908b90600401610d7c565b5f604051808303818588803b158015610494575f5ffd5b505af1935050505080156104a6575060015b6105c8573d8080156104d3576040519150601f19603f3d011682016040523d82523d5f602084013e6104d8565b606091505b505f6104e3826109a4565b90505f634661d54960e01b6001600160e01b031983160161050a57610507836109be565b90505b6040515f90339034908381818185875af1925050503d805f8114610549576040519150601f19603f3d011682016040523d82523d5f602084013e61054e565b606091505b50509050806105705760405163096dc0e160e01b815260040160405180910390fd5b604080516001600160e01b03198516815260208101849052348183015290518c917fcb5bf624d4827eac788bf216326362663c3b36407b335555c38913c33019b8b4919081900360600190a25f945050505050610607565b85877f351f36400f86311d20c98610899e8ac4d84f9a87cb0ad67be6b9f55863b1c514346040516105fb91815260200190565b60405180910390a35060015b9695505050505050565b5f336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461065b57604051635fc483c560e01b815260040160405180910390fd5b610a026001600160a01b0316634e71d92d6040518163ffffffff1660e01b81526004016020604051808303815f875af115801561069a573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906106be9190610e08565b90505f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316826040515f6040518083038185875af1925050503d805f8114610729576040519150601f19603f3d011682016040523d82523d5f602084013e61072e565b606091505b50509050806107505760405163096dc0e160e01b815260040160405180910390fd5b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03167f6f1deddfc28100c291fae8f1064e4a91e844f0841993bb8fba9a913c3b801d80836040516107ab91815260200190565b60405180910390a25090565b5f336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461080157604051635fc483c560e01b815260040160405180910390fd5b60405163f1042c7360e01b8152610a019063f1042c739061082e908a908a908a908a908a90600401610e47565b6020604051808303815f875af115801561084a573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061086e9190610e08565b905081156108cc57604051631108698f60e11b81526004810182905260248101839052610a0190632210d31e906044015f604051808303815f87803b1580156108b5575f5ffd5b505af11580156108c7573d5f5f3e3d5ffd5b505050505b5f81815560405182917f9c08cebd352919d69b6e661c8a42d3b0829db42aa7a3749d407269241abccdc591a29695505050505050565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461094b57604051635fc483c560e01b815260040160405180910390fd5b604051631108698f60e11b81526004810183905260248101829052610a0190632210d31e906044015f604051808303815f87803b15801561098a575f5ffd5b505af115801561099c573d5f5f3e3d5ffd5b505050505050565b5f6004825110156109b657505f919050565b506020015190565b5f6024825110156109d057505f919050565b506024015190565b805160208201fd5b5f602082840312156109f0575f5ffd5b5035919050565b5f5f83601f840112610a07575f5ffd5b5081356001600160401b03811115610a1d575f5ffd5b6020830191508360208260051b8501011115610a37575f5ffd5b9250929050565b5f5f5f5f5f5f60808789031215610a53575f5ffd5b863595506020870135945060408701356001600160401b03811115610a76575f5ffd5b610a8289828a016109f7565b90955093505060608701356001600160401b03811115610aa0575f5ffd5b610aac89828a016109f7565b979a9699509497509295939492505050565b5f5f83601f840112610ace575f5ffd5b5081356001600160401b03811115610ae4575f5ffd5b602083019150836020828501011115610a37575f5ffd5b5f5f5f5f5f5f60808789031215610b10575f5ffd5b86356001600160401b03811115610b25575f5ffd5b610b3189828a01610abe565b9097509550506020870135935060408701356001600160401b03811115610b56575f5ffd5b610b6289828a01610abe565b979a9699509497949695606090950135949350505050565b5f5f60408385031215610b8b575f5ffd5b50508035926020909101359150565b5f82518060208501845e5f920191825250919050565b634e487b7160e01b5f52604160045260245ffd5b60405160c081016001600160401b0381118282101715610be657610be6610bb0565b60405290565b6001600160a01b0381168114610c00575f5ffd5b50565b8051610c0e81610bec565b919050565b80516001600160401b0381168114610c0e575f5ffd5b5f82601f830112610c38575f5ffd5b81516001600160401b03811115610c5157610c51610bb0565b604051601f8201601f19908116603f011681016001600160401b0381118282101715610c7f57610c7f610bb0565b604052818152838201602001851015610c96575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f60208284031215610cc2575f5ffd5b81516001600160401b03811115610cd7575f5ffd5b820160c08185031215610ce8575f5ffd5b610cf0610bc4565b610cf982610c03565b81526020828101519082015260408083015190820152610d1b60608301610c13565b606082015260808201516001600160401b03811115610d38575f5ffd5b610d4486828501610c29565b60808301525060a08201516001600160401b03811115610d62575f5ffd5b610d6e86828501610c29565b60a083015250949350505050565b8681526020810186905260806040820181905281018490525f8560a08301825b87811015610dcc578235610daf81610bec565b6001600160a01b0316825260209283019290910190600101610d9c565b5083810360608501528481526001600160fb1b03851115610deb575f5ffd5b8460051b9150818660208301370160200198975050505050505050565b5f60208284031215610e18575f5ffd5b5051919050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b606081525f610e5a606083018789610e1f565b8560208401528281036040840152610e73818587610e1f565b9897505050505050505056fea2646970667358221220b979f34f0d0fdb32f9b3f7b4dbcc8c4158a19e32a7aad4468ff5e6df95c8335864736f6c634300081c0033",
}

// PaidModelCallerABI is the input ABI used to generate the binding from.
// Deprecated: Use PaidModelCallerMetaData.ABI instead.
var PaidModelCallerABI = PaidModelCallerMetaData.ABI

// PaidModelCallerBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use PaidModelCallerMetaData.Bin instead.
var PaidModelCallerBin = PaidModelCallerMetaData.Bin

// DeployPaidModelCaller deploys a new Ethereum contract, binding an instance of PaidModelCaller to it.
func DeployPaidModelCaller(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *PaidModelCaller, error) {
	parsed, err := PaidModelCallerMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(PaidModelCallerBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &PaidModelCaller{PaidModelCallerCaller: PaidModelCallerCaller{contract: contract}, PaidModelCallerTransactor: PaidModelCallerTransactor{contract: contract}, PaidModelCallerFilterer: PaidModelCallerFilterer{contract: contract}}, nil
}

// PaidModelCaller is an auto generated Go binding around an Ethereum contract.
type PaidModelCaller struct {
	PaidModelCallerCaller     // Read-only binding to the contract
	PaidModelCallerTransactor // Write-only binding to the contract
	PaidModelCallerFilterer   // Log filterer for contract events
}

// PaidModelCallerCaller is an auto generated read-only Go binding around an Ethereum contract.
type PaidModelCallerCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PaidModelCallerTransactor is an auto generated write-only Go binding around an Ethereum contract.
type PaidModelCallerTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PaidModelCallerFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type PaidModelCallerFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// PaidModelCallerSession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type PaidModelCallerSession struct {
	Contract     *PaidModelCaller  // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// PaidModelCallerCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type PaidModelCallerCallerSession struct {
	Contract *PaidModelCallerCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts          // Call options to use throughout this session
}

// PaidModelCallerTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type PaidModelCallerTransactorSession struct {
	Contract     *PaidModelCallerTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts          // Transaction auth options to use throughout this session
}

// PaidModelCallerRaw is an auto generated low-level Go binding around an Ethereum contract.
type PaidModelCallerRaw struct {
	Contract *PaidModelCaller // Generic contract binding to access the raw methods on
}

// PaidModelCallerCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type PaidModelCallerCallerRaw struct {
	Contract *PaidModelCallerCaller // Generic read-only contract binding to access the raw methods on
}

// PaidModelCallerTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type PaidModelCallerTransactorRaw struct {
	Contract *PaidModelCallerTransactor // Generic write-only contract binding to access the raw methods on
}

// NewPaidModelCaller creates a new instance of PaidModelCaller, bound to a specific deployed contract.
func NewPaidModelCaller(address common.Address, backend bind.ContractBackend) (*PaidModelCaller, error) {
	contract, err := bindPaidModelCaller(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &PaidModelCaller{PaidModelCallerCaller: PaidModelCallerCaller{contract: contract}, PaidModelCallerTransactor: PaidModelCallerTransactor{contract: contract}, PaidModelCallerFilterer: PaidModelCallerFilterer{contract: contract}}, nil
}

// NewPaidModelCallerCaller creates a new read-only instance of PaidModelCaller, bound to a specific deployed contract.
func NewPaidModelCallerCaller(address common.Address, caller bind.ContractCaller) (*PaidModelCallerCaller, error) {
	contract, err := bindPaidModelCaller(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &PaidModelCallerCaller{contract: contract}, nil
}

// NewPaidModelCallerTransactor creates a new write-only instance of PaidModelCaller, bound to a specific deployed contract.
func NewPaidModelCallerTransactor(address common.Address, transactor bind.ContractTransactor) (*PaidModelCallerTransactor, error) {
	contract, err := bindPaidModelCaller(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &PaidModelCallerTransactor{contract: contract}, nil
}

// NewPaidModelCallerFilterer creates a new log filterer instance of PaidModelCaller, bound to a specific deployed contract.
func NewPaidModelCallerFilterer(address common.Address, filterer bind.ContractFilterer) (*PaidModelCallerFilterer, error) {
	contract, err := bindPaidModelCaller(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &PaidModelCallerFilterer{contract: contract}, nil
}

// bindPaidModelCaller binds a generic wrapper to an already deployed contract.
func bindPaidModelCaller(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := PaidModelCallerMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PaidModelCaller *PaidModelCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PaidModelCaller.Contract.PaidModelCallerCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PaidModelCaller *PaidModelCallerRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.PaidModelCallerTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PaidModelCaller *PaidModelCallerRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.PaidModelCallerTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_PaidModelCaller *PaidModelCallerCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _PaidModelCaller.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_PaidModelCaller *PaidModelCallerTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_PaidModelCaller *PaidModelCallerTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.contract.Transact(opts, method, params...)
}

// ATTRIBUTION is a free data retrieval call binding the contract method 0xb104ae8a.
//
// Solidity: function ATTRIBUTION() view returns(address)
func (_PaidModelCaller *PaidModelCallerCaller) ATTRIBUTION(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _PaidModelCaller.contract.Call(opts, &out, "ATTRIBUTION")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// ATTRIBUTION is a free data retrieval call binding the contract method 0xb104ae8a.
//
// Solidity: function ATTRIBUTION() view returns(address)
func (_PaidModelCaller *PaidModelCallerSession) ATTRIBUTION() (common.Address, error) {
	return _PaidModelCaller.Contract.ATTRIBUTION(&_PaidModelCaller.CallOpts)
}

// ATTRIBUTION is a free data retrieval call binding the contract method 0xb104ae8a.
//
// Solidity: function ATTRIBUTION() view returns(address)
func (_PaidModelCaller *PaidModelCallerCallerSession) ATTRIBUTION() (common.Address, error) {
	return _PaidModelCaller.Contract.ATTRIBUTION(&_PaidModelCaller.CallOpts)
}

// REGISTRY is a free data retrieval call binding the contract method 0x06433b1b.
//
// Solidity: function REGISTRY() view returns(address)
func (_PaidModelCaller *PaidModelCallerCaller) REGISTRY(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _PaidModelCaller.contract.Call(opts, &out, "REGISTRY")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// REGISTRY is a free data retrieval call binding the contract method 0x06433b1b.
//
// Solidity: function REGISTRY() view returns(address)
func (_PaidModelCaller *PaidModelCallerSession) REGISTRY() (common.Address, error) {
	return _PaidModelCaller.Contract.REGISTRY(&_PaidModelCaller.CallOpts)
}

// REGISTRY is a free data retrieval call binding the contract method 0x06433b1b.
//
// Solidity: function REGISTRY() view returns(address)
func (_PaidModelCaller *PaidModelCallerCallerSession) REGISTRY() (common.Address, error) {
	return _PaidModelCaller.Contract.REGISTRY(&_PaidModelCaller.CallOpts)
}

// ModelId is a free data retrieval call binding the contract method 0x43cdaad2.
//
// Solidity: function modelId() view returns(uint256)
func (_PaidModelCaller *PaidModelCallerCaller) ModelId(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _PaidModelCaller.contract.Call(opts, &out, "modelId")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ModelId is a free data retrieval call binding the contract method 0x43cdaad2.
//
// Solidity: function modelId() view returns(uint256)
func (_PaidModelCaller *PaidModelCallerSession) ModelId() (*big.Int, error) {
	return _PaidModelCaller.Contract.ModelId(&_PaidModelCaller.CallOpts)
}

// ModelId is a free data retrieval call binding the contract method 0x43cdaad2.
//
// Solidity: function modelId() view returns(uint256)
func (_PaidModelCaller *PaidModelCallerCallerSession) ModelId() (*big.Int, error) {
	return _PaidModelCaller.Contract.ModelId(&_PaidModelCaller.CallOpts)
}

// ModelOwner is a free data retrieval call binding the contract method 0x47d52854.
//
// Solidity: function modelOwner(uint256 id) view returns(bool exists, address modelOwner_)
func (_PaidModelCaller *PaidModelCallerCaller) ModelOwner(opts *bind.CallOpts, id *big.Int) (struct {
	Exists     bool
	ModelOwner common.Address
}, error) {
	var out []interface{}
	err := _PaidModelCaller.contract.Call(opts, &out, "modelOwner", id)

	outstruct := new(struct {
		Exists     bool
		ModelOwner common.Address
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.Exists = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.ModelOwner = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)

	return *outstruct, err

}

// ModelOwner is a free data retrieval call binding the contract method 0x47d52854.
//
// Solidity: function modelOwner(uint256 id) view returns(bool exists, address modelOwner_)
func (_PaidModelCaller *PaidModelCallerSession) ModelOwner(id *big.Int) (struct {
	Exists     bool
	ModelOwner common.Address
}, error) {
	return _PaidModelCaller.Contract.ModelOwner(&_PaidModelCaller.CallOpts, id)
}

// ModelOwner is a free data retrieval call binding the contract method 0x47d52854.
//
// Solidity: function modelOwner(uint256 id) view returns(bool exists, address modelOwner_)
func (_PaidModelCaller *PaidModelCallerCallerSession) ModelOwner(id *big.Int) (struct {
	Exists     bool
	ModelOwner common.Address
}, error) {
	return _PaidModelCaller.Contract.ModelOwner(&_PaidModelCaller.CallOpts, id)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_PaidModelCaller *PaidModelCallerCaller) Owner(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _PaidModelCaller.contract.Call(opts, &out, "owner")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_PaidModelCaller *PaidModelCallerSession) Owner() (common.Address, error) {
	return _PaidModelCaller.Contract.Owner(&_PaidModelCaller.CallOpts)
}

// Owner is a free data retrieval call binding the contract method 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (_PaidModelCaller *PaidModelCallerCallerSession) Owner() (common.Address, error) {
	return _PaidModelCaller.Contract.Owner(&_PaidModelCaller.CallOpts)
}

// ClaimAndForward is a paid mutator transaction binding the contract method 0x60fa98eb.
//
// Solidity: function claimAndForward() returns(uint256 amount)
func (_PaidModelCaller *PaidModelCallerTransactor) ClaimAndForward(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PaidModelCaller.contract.Transact(opts, "claimAndForward")
}

// ClaimAndForward is a paid mutator transaction binding the contract method 0x60fa98eb.
//
// Solidity: function claimAndForward() returns(uint256 amount)
func (_PaidModelCaller *PaidModelCallerSession) ClaimAndForward() (*types.Transaction, error) {
	return _PaidModelCaller.Contract.ClaimAndForward(&_PaidModelCaller.TransactOpts)
}

// ClaimAndForward is a paid mutator transaction binding the contract method 0x60fa98eb.
//
// Solidity: function claimAndForward() returns(uint256 amount)
func (_PaidModelCaller *PaidModelCallerTransactorSession) ClaimAndForward() (*types.Transaction, error) {
	return _PaidModelCaller.Contract.ClaimAndForward(&_PaidModelCaller.TransactOpts)
}

// CreateModel is a paid mutator transaction binding the contract method 0x70edec10.
//
// Solidity: function createModel(string name, bytes32 weightsHash, string uri, uint256 weiPerCall) returns(uint256 id)
func (_PaidModelCaller *PaidModelCallerTransactor) CreateModel(opts *bind.TransactOpts, name string, weightsHash [32]byte, uri string, weiPerCall *big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.contract.Transact(opts, "createModel", name, weightsHash, uri, weiPerCall)
}

// CreateModel is a paid mutator transaction binding the contract method 0x70edec10.
//
// Solidity: function createModel(string name, bytes32 weightsHash, string uri, uint256 weiPerCall) returns(uint256 id)
func (_PaidModelCaller *PaidModelCallerSession) CreateModel(name string, weightsHash [32]byte, uri string, weiPerCall *big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.CreateModel(&_PaidModelCaller.TransactOpts, name, weightsHash, uri, weiPerCall)
}

// CreateModel is a paid mutator transaction binding the contract method 0x70edec10.
//
// Solidity: function createModel(string name, bytes32 weightsHash, string uri, uint256 weiPerCall) returns(uint256 id)
func (_PaidModelCaller *PaidModelCallerTransactorSession) CreateModel(name string, weightsHash [32]byte, uri string, weiPerCall *big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.CreateModel(&_PaidModelCaller.TransactOpts, name, weightsHash, uri, weiPerCall)
}

// PayOrRefund is a paid mutator transaction binding the contract method 0x5cd05a49.
//
// Solidity: function payOrRefund(uint256 id, uint256 adapterId, address[] contributors, uint256[] weights) payable returns(bool paid)
func (_PaidModelCaller *PaidModelCallerTransactor) PayOrRefund(opts *bind.TransactOpts, id *big.Int, adapterId *big.Int, contributors []common.Address, weights []*big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.contract.Transact(opts, "payOrRefund", id, adapterId, contributors, weights)
}

// PayOrRefund is a paid mutator transaction binding the contract method 0x5cd05a49.
//
// Solidity: function payOrRefund(uint256 id, uint256 adapterId, address[] contributors, uint256[] weights) payable returns(bool paid)
func (_PaidModelCaller *PaidModelCallerSession) PayOrRefund(id *big.Int, adapterId *big.Int, contributors []common.Address, weights []*big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.PayOrRefund(&_PaidModelCaller.TransactOpts, id, adapterId, contributors, weights)
}

// PayOrRefund is a paid mutator transaction binding the contract method 0x5cd05a49.
//
// Solidity: function payOrRefund(uint256 id, uint256 adapterId, address[] contributors, uint256[] weights) payable returns(bool paid)
func (_PaidModelCaller *PaidModelCallerTransactorSession) PayOrRefund(id *big.Int, adapterId *big.Int, contributors []common.Address, weights []*big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.PayOrRefund(&_PaidModelCaller.TransactOpts, id, adapterId, contributors, weights)
}

// ProbeForbiddenCalls is a paid mutator transaction binding the contract method 0x3f33786c.
//
// Solidity: function probeForbiddenCalls() returns(bytes4 viaStatic, bytes4 viaDelegate)
func (_PaidModelCaller *PaidModelCallerTransactor) ProbeForbiddenCalls(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PaidModelCaller.contract.Transact(opts, "probeForbiddenCalls")
}

// ProbeForbiddenCalls is a paid mutator transaction binding the contract method 0x3f33786c.
//
// Solidity: function probeForbiddenCalls() returns(bytes4 viaStatic, bytes4 viaDelegate)
func (_PaidModelCaller *PaidModelCallerSession) ProbeForbiddenCalls() (*types.Transaction, error) {
	return _PaidModelCaller.Contract.ProbeForbiddenCalls(&_PaidModelCaller.TransactOpts)
}

// ProbeForbiddenCalls is a paid mutator transaction binding the contract method 0x3f33786c.
//
// Solidity: function probeForbiddenCalls() returns(bytes4 viaStatic, bytes4 viaDelegate)
func (_PaidModelCaller *PaidModelCallerTransactorSession) ProbeForbiddenCalls() (*types.Transaction, error) {
	return _PaidModelCaller.Contract.ProbeForbiddenCalls(&_PaidModelCaller.TransactOpts)
}

// SetPrice is a paid mutator transaction binding the contract method 0xf7d97577.
//
// Solidity: function setPrice(uint256 id, uint256 weiPerCall) returns()
func (_PaidModelCaller *PaidModelCallerTransactor) SetPrice(opts *bind.TransactOpts, id *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.contract.Transact(opts, "setPrice", id, weiPerCall)
}

// SetPrice is a paid mutator transaction binding the contract method 0xf7d97577.
//
// Solidity: function setPrice(uint256 id, uint256 weiPerCall) returns()
func (_PaidModelCaller *PaidModelCallerSession) SetPrice(id *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.SetPrice(&_PaidModelCaller.TransactOpts, id, weiPerCall)
}

// SetPrice is a paid mutator transaction binding the contract method 0xf7d97577.
//
// Solidity: function setPrice(uint256 id, uint256 weiPerCall) returns()
func (_PaidModelCaller *PaidModelCallerTransactorSession) SetPrice(id *big.Int, weiPerCall *big.Int) (*types.Transaction, error) {
	return _PaidModelCaller.Contract.SetPrice(&_PaidModelCaller.TransactOpts, id, weiPerCall)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_PaidModelCaller *PaidModelCallerTransactor) Receive(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _PaidModelCaller.contract.RawTransact(opts, nil) // calldata is disallowed for receive function
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_PaidModelCaller *PaidModelCallerSession) Receive() (*types.Transaction, error) {
	return _PaidModelCaller.Contract.Receive(&_PaidModelCaller.TransactOpts)
}

// Receive is a paid mutator transaction binding the contract receive function.
//
// Solidity: receive() payable returns()
func (_PaidModelCaller *PaidModelCallerTransactorSession) Receive() (*types.Transaction, error) {
	return _PaidModelCaller.Contract.Receive(&_PaidModelCaller.TransactOpts)
}

// PaidModelCallerCallPaidIterator is returned from FilterCallPaid and is used to iterate over the raw logs and unpacked data for CallPaid events raised by the PaidModelCaller contract.
type PaidModelCallerCallPaidIterator struct {
	Event *PaidModelCallerCallPaid // Event containing the contract specifics and raw log

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
func (it *PaidModelCallerCallPaidIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PaidModelCallerCallPaid)
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
		it.Event = new(PaidModelCallerCallPaid)
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
func (it *PaidModelCallerCallPaidIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PaidModelCallerCallPaidIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PaidModelCallerCallPaid represents a CallPaid event raised by the PaidModelCaller contract.
type PaidModelCallerCallPaid struct {
	ModelId   *big.Int
	AdapterId *big.Int
	Amount    *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterCallPaid is a free log retrieval operation binding the contract event 0x351f36400f86311d20c98610899e8ac4d84f9a87cb0ad67be6b9f55863b1c514.
//
// Solidity: event CallPaid(uint256 indexed modelId, uint256 indexed adapterId, uint256 amount)
func (_PaidModelCaller *PaidModelCallerFilterer) FilterCallPaid(opts *bind.FilterOpts, modelId []*big.Int, adapterId []*big.Int) (*PaidModelCallerCallPaidIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}

	logs, sub, err := _PaidModelCaller.contract.FilterLogs(opts, "CallPaid", modelIdRule, adapterIdRule)
	if err != nil {
		return nil, err
	}
	return &PaidModelCallerCallPaidIterator{contract: _PaidModelCaller.contract, event: "CallPaid", logs: logs, sub: sub}, nil
}

// WatchCallPaid is a free log subscription operation binding the contract event 0x351f36400f86311d20c98610899e8ac4d84f9a87cb0ad67be6b9f55863b1c514.
//
// Solidity: event CallPaid(uint256 indexed modelId, uint256 indexed adapterId, uint256 amount)
func (_PaidModelCaller *PaidModelCallerFilterer) WatchCallPaid(opts *bind.WatchOpts, sink chan<- *PaidModelCallerCallPaid, modelId []*big.Int, adapterId []*big.Int) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}
	var adapterIdRule []interface{}
	for _, adapterIdItem := range adapterId {
		adapterIdRule = append(adapterIdRule, adapterIdItem)
	}

	logs, sub, err := _PaidModelCaller.contract.WatchLogs(opts, "CallPaid", modelIdRule, adapterIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PaidModelCallerCallPaid)
				if err := _PaidModelCaller.contract.UnpackLog(event, "CallPaid", log); err != nil {
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

// ParseCallPaid is a log parse operation binding the contract event 0x351f36400f86311d20c98610899e8ac4d84f9a87cb0ad67be6b9f55863b1c514.
//
// Solidity: event CallPaid(uint256 indexed modelId, uint256 indexed adapterId, uint256 amount)
func (_PaidModelCaller *PaidModelCallerFilterer) ParseCallPaid(log types.Log) (*PaidModelCallerCallPaid, error) {
	event := new(PaidModelCallerCallPaid)
	if err := _PaidModelCaller.contract.UnpackLog(event, "CallPaid", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PaidModelCallerForwardedIterator is returned from FilterForwarded and is used to iterate over the raw logs and unpacked data for Forwarded events raised by the PaidModelCaller contract.
type PaidModelCallerForwardedIterator struct {
	Event *PaidModelCallerForwarded // Event containing the contract specifics and raw log

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
func (it *PaidModelCallerForwardedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PaidModelCallerForwarded)
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
		it.Event = new(PaidModelCallerForwarded)
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
func (it *PaidModelCallerForwardedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PaidModelCallerForwardedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PaidModelCallerForwarded represents a Forwarded event raised by the PaidModelCaller contract.
type PaidModelCallerForwarded struct {
	To     common.Address
	Amount *big.Int
	Raw    types.Log // Blockchain specific contextual infos
}

// FilterForwarded is a free log retrieval operation binding the contract event 0x6f1deddfc28100c291fae8f1064e4a91e844f0841993bb8fba9a913c3b801d80.
//
// Solidity: event Forwarded(address indexed to, uint256 amount)
func (_PaidModelCaller *PaidModelCallerFilterer) FilterForwarded(opts *bind.FilterOpts, to []common.Address) (*PaidModelCallerForwardedIterator, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _PaidModelCaller.contract.FilterLogs(opts, "Forwarded", toRule)
	if err != nil {
		return nil, err
	}
	return &PaidModelCallerForwardedIterator{contract: _PaidModelCaller.contract, event: "Forwarded", logs: logs, sub: sub}, nil
}

// WatchForwarded is a free log subscription operation binding the contract event 0x6f1deddfc28100c291fae8f1064e4a91e844f0841993bb8fba9a913c3b801d80.
//
// Solidity: event Forwarded(address indexed to, uint256 amount)
func (_PaidModelCaller *PaidModelCallerFilterer) WatchForwarded(opts *bind.WatchOpts, sink chan<- *PaidModelCallerForwarded, to []common.Address) (event.Subscription, error) {

	var toRule []interface{}
	for _, toItem := range to {
		toRule = append(toRule, toItem)
	}

	logs, sub, err := _PaidModelCaller.contract.WatchLogs(opts, "Forwarded", toRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PaidModelCallerForwarded)
				if err := _PaidModelCaller.contract.UnpackLog(event, "Forwarded", log); err != nil {
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

// ParseForwarded is a log parse operation binding the contract event 0x6f1deddfc28100c291fae8f1064e4a91e844f0841993bb8fba9a913c3b801d80.
//
// Solidity: event Forwarded(address indexed to, uint256 amount)
func (_PaidModelCaller *PaidModelCallerFilterer) ParseForwarded(log types.Log) (*PaidModelCallerForwarded, error) {
	event := new(PaidModelCallerForwarded)
	if err := _PaidModelCaller.contract.UnpackLog(event, "Forwarded", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PaidModelCallerModelCreatedIterator is returned from FilterModelCreated and is used to iterate over the raw logs and unpacked data for ModelCreated events raised by the PaidModelCaller contract.
type PaidModelCallerModelCreatedIterator struct {
	Event *PaidModelCallerModelCreated // Event containing the contract specifics and raw log

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
func (it *PaidModelCallerModelCreatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PaidModelCallerModelCreated)
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
		it.Event = new(PaidModelCallerModelCreated)
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
func (it *PaidModelCallerModelCreatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PaidModelCallerModelCreatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PaidModelCallerModelCreated represents a ModelCreated event raised by the PaidModelCaller contract.
type PaidModelCallerModelCreated struct {
	ModelId *big.Int
	Raw     types.Log // Blockchain specific contextual infos
}

// FilterModelCreated is a free log retrieval operation binding the contract event 0x9c08cebd352919d69b6e661c8a42d3b0829db42aa7a3749d407269241abccdc5.
//
// Solidity: event ModelCreated(uint256 indexed modelId)
func (_PaidModelCaller *PaidModelCallerFilterer) FilterModelCreated(opts *bind.FilterOpts, modelId []*big.Int) (*PaidModelCallerModelCreatedIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _PaidModelCaller.contract.FilterLogs(opts, "ModelCreated", modelIdRule)
	if err != nil {
		return nil, err
	}
	return &PaidModelCallerModelCreatedIterator{contract: _PaidModelCaller.contract, event: "ModelCreated", logs: logs, sub: sub}, nil
}

// WatchModelCreated is a free log subscription operation binding the contract event 0x9c08cebd352919d69b6e661c8a42d3b0829db42aa7a3749d407269241abccdc5.
//
// Solidity: event ModelCreated(uint256 indexed modelId)
func (_PaidModelCaller *PaidModelCallerFilterer) WatchModelCreated(opts *bind.WatchOpts, sink chan<- *PaidModelCallerModelCreated, modelId []*big.Int) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _PaidModelCaller.contract.WatchLogs(opts, "ModelCreated", modelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PaidModelCallerModelCreated)
				if err := _PaidModelCaller.contract.UnpackLog(event, "ModelCreated", log); err != nil {
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

// ParseModelCreated is a log parse operation binding the contract event 0x9c08cebd352919d69b6e661c8a42d3b0829db42aa7a3749d407269241abccdc5.
//
// Solidity: event ModelCreated(uint256 indexed modelId)
func (_PaidModelCaller *PaidModelCallerFilterer) ParseModelCreated(log types.Log) (*PaidModelCallerModelCreated, error) {
	event := new(PaidModelCallerModelCreated)
	if err := _PaidModelCaller.contract.UnpackLog(event, "ModelCreated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// PaidModelCallerPaymentRejectedIterator is returned from FilterPaymentRejected and is used to iterate over the raw logs and unpacked data for PaymentRejected events raised by the PaidModelCaller contract.
type PaidModelCallerPaymentRejectedIterator struct {
	Event *PaidModelCallerPaymentRejected // Event containing the contract specifics and raw log

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
func (it *PaidModelCallerPaymentRejectedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(PaidModelCallerPaymentRejected)
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
		it.Event = new(PaidModelCallerPaymentRejected)
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
func (it *PaidModelCallerPaymentRejectedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *PaidModelCallerPaymentRejectedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// PaidModelCallerPaymentRejected represents a PaymentRejected event raised by the PaidModelCaller contract.
type PaidModelCallerPaymentRejected struct {
	ModelId  *big.Int
	Selector [4]byte
	Required *big.Int
	Refunded *big.Int
	Raw      types.Log // Blockchain specific contextual infos
}

// FilterPaymentRejected is a free log retrieval operation binding the contract event 0xcb5bf624d4827eac788bf216326362663c3b36407b335555c38913c33019b8b4.
//
// Solidity: event PaymentRejected(uint256 indexed modelId, bytes4 selector, uint256 required, uint256 refunded)
func (_PaidModelCaller *PaidModelCallerFilterer) FilterPaymentRejected(opts *bind.FilterOpts, modelId []*big.Int) (*PaidModelCallerPaymentRejectedIterator, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _PaidModelCaller.contract.FilterLogs(opts, "PaymentRejected", modelIdRule)
	if err != nil {
		return nil, err
	}
	return &PaidModelCallerPaymentRejectedIterator{contract: _PaidModelCaller.contract, event: "PaymentRejected", logs: logs, sub: sub}, nil
}

// WatchPaymentRejected is a free log subscription operation binding the contract event 0xcb5bf624d4827eac788bf216326362663c3b36407b335555c38913c33019b8b4.
//
// Solidity: event PaymentRejected(uint256 indexed modelId, bytes4 selector, uint256 required, uint256 refunded)
func (_PaidModelCaller *PaidModelCallerFilterer) WatchPaymentRejected(opts *bind.WatchOpts, sink chan<- *PaidModelCallerPaymentRejected, modelId []*big.Int) (event.Subscription, error) {

	var modelIdRule []interface{}
	for _, modelIdItem := range modelId {
		modelIdRule = append(modelIdRule, modelIdItem)
	}

	logs, sub, err := _PaidModelCaller.contract.WatchLogs(opts, "PaymentRejected", modelIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(PaidModelCallerPaymentRejected)
				if err := _PaidModelCaller.contract.UnpackLog(event, "PaymentRejected", log); err != nil {
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

// ParsePaymentRejected is a log parse operation binding the contract event 0xcb5bf624d4827eac788bf216326362663c3b36407b335555c38913c33019b8b4.
//
// Solidity: event PaymentRejected(uint256 indexed modelId, bytes4 selector, uint256 required, uint256 refunded)
func (_PaidModelCaller *PaidModelCallerFilterer) ParsePaymentRejected(log types.Log) (*PaidModelCallerPaymentRejected, error) {
	event := new(PaidModelCallerPaymentRejected)
	if err := _PaidModelCaller.contract.UnpackLog(event, "PaymentRejected", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
