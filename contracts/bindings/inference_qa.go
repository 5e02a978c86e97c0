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

// InferenceQAAnswer is an auto generated low-level Go binding around an user-defined struct.
type InferenceQAAnswer struct {
	Asker       common.Address
	BlockNumber uint64
	Label       uint8
	ReceiptId   [32]byte
	Text        string
}

// InferenceQAMetaData contains all meta data concerning the InferenceQA contract.
var InferenceQAMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"modelId_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"adapterId_\",\"type\":\"uint256\"},{\"internalType\":\"uint32\",\"name\":\"temperatureMilli\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topK\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"maxTokens\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"seed\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"questionId\",\"type\":\"bytes32\"}],\"name\":\"AlreadyAnswered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyQuestion\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"questionId\",\"type\":\"bytes32\"}],\"name\":\"NotAnswered\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"questionId\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"asker\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"receiptId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"enumInferenceQA.Label\",\"name\":\"label\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"paid\",\"type\":\"uint256\"}],\"name\":\"Answered\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"INFERENCE\",\"outputs\":[{\"internalType\":\"contractIInference\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"REGISTRY\",\"outputs\":[{\"internalType\":\"contractIModelRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"adapterId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"questionId\",\"type\":\"bytes32\"}],\"name\":\"answer\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"asker\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"enumInferenceQA.Label\",\"name\":\"label\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"receiptId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"text\",\"type\":\"string\"}],\"internalType\":\"structInferenceQA.Answer\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"questionId\",\"type\":\"bytes32\"},{\"internalType\":\"string\",\"name\":\"question\",\"type\":\"string\"}],\"name\":\"ask\",\"outputs\":[{\"internalType\":\"enumInferenceQA.Label\",\"name\":\"label\",\"type\":\"uint8\"},{\"internalType\":\"string\",\"name\":\"text\",\"type\":\"string\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"questionIds\",\"type\":\"bytes32[]\"},{\"internalType\":\"string[]\",\"name\":\"questions\",\"type\":\"string[]\"}],\"name\":\"askMany\",\"outputs\":[{\"internalType\":\"enumInferenceQA.Label[]\",\"name\":\"labels\",\"type\":\"uint8[]\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"output\",\"type\":\"bytes\"}],\"name\":\"labelOf\",\"outputs\":[{\"internalType\":\"enumInferenceQA.Label\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"params\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"temperatureMilli\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topPMilli\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"topK\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"repetitionPenaltyMilli\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"maxTokens\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"seed\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"price\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"wei_\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"question\",\"type\":\"string\"}],\"name\":\"promptFor\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	Bin: "0x60c060405234801561000f575f5ffd5b506040516118f03803806118f083398101604081905261002e91610114565b608095865260a09485526040805160c08101825263ffffffff9586168082526103e8602083018190529587169282018390526060820195909552929094169582018690526001600160401b031693018390525f80546001600160401b0319169091176503e80000000017600160401b600160801b0319166801000000000000000090920263ffffffff60601b191691909117607d60631b17600160801b600160e01b031916600160801b909302600160a01b600160e01b03191692909217600160a01b909102179055610187565b805163ffffffff8116811461010f575f5ffd5b919050565b5f5f5f5f5f5f60c08789031215610129575f5ffd5b865160208801519096509450610141604088016100fc565b935061014f606088016100fc565b925061015d608088016100fc565b60a08801519092506001600160401b0381168114610179575f5ffd5b809150509295509295509295565b60805160a05161171f6101d15f395f8181610163015281816107260152818161075901528181610b930152610c5901525f818160e1015281816106aa0152610cd8015261171f5ff3fe60806040526004361061009a575f3560e01c80636404be45116100625780636404be45146101855780637d03fda61461019a578063871044f6146101c65780638807cb40146101f2578063a035b1fe1461021e578063cff0ab9614610232575f5ffd5b806306433b1b1461009e57806343cdaad2146100d057806344300134146101115780635b49d20d146101315780635fb86b0114610152575b5f5ffd5b3480156100a9575f5ffd5b506100b3610a0181565b6040516001600160a01b0390911681526020015b60405180910390f35b3480156100db575f5ffd5b506101037f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020016100c7565b61012461011f366004610d9a565b6102d5565b6040516100c79190610e38565b61014461013f366004610e82565b610429565b6040516100c7929190610f25565b34801561015d575f5ffd5b506101037f000000000000000000000000000000000000000000000000000000000000000081565b348015610190575f5ffd5b506100b3610a0381565b3480156101a5575f5ffd5b506101b96101b436600461103b565b610444565b6040516100c7919061107f565b3480156101d1575f5ffd5b506101e56101e036600461103b565b61046d565b6040516100c79190611091565b3480156101fd575f5ffd5b5061021161020c36600461109f565b61052a565b6040516100c791906110b6565b348015610229575f5ffd5b5061010361069b565b34801561023d575f5ffd5b505f5461028d9063ffffffff808216916401000000008104821691680100000000000000008204811691600160601b8104821691600160801b82041690600160a01b90046001600160401b031686565b6040805163ffffffff9788168152958716602087015293861693850193909352908416606084015290921660808201526001600160401b0390911660a082015260c0016100c7565b60608382146102fa576040516001621398b960e31b0319815260040160405180910390fd5b816001600160401b0381111561031257610312610f4c565b60405190808252806020026020018201604052801561033b578160200160208202803683370190505b5090505f82156103545761034f8334611126565b610356565b5f5b90505f5b8381101561041f575f8461036f836001611145565b1461037a578261038e565b6103848284611158565b61038e903461116f565b90506103d68888848181106103a5576103a5611182565b905060200201358787858181106103be576103be611182565b90506020028101906103d09190611196565b846107df565b508483815181106103e9576103e9611182565b6020026020010181600281111561040257610402610e04565b600281111561041357610413610e04565b9052505060010161035a565b5050949350505050565b5f6060610438858585346107df565b91509150935093915050565b60608160405160200161045791906111d8565b6040516020818303038152906040529050919050565b5f805b8251811080156104a457506104a483828151811061049057610490611182565b01602001516001600160f81b0319166109bb565b156104bb57806104b381611220565b915050610470565b6104e183826040518060400160405280600381526020016279657360e81b815250610a17565b156104ef5750600192915050565b6105148382604051806040016040528060028152602001616e6f60f01b815250610a17565b156105225750600292915050565b505f92915050565b61055a6040805160a0810182525f80825260208201819052909182019081526020015f8152602001606081525090565b5f828152600160209081526040808320815160a08101835281546001600160a01b0381168252600160a01b81046001600160401b031694820194909452929091830190600160e01b900460ff1660028111156105b8576105b8610e04565b60028111156105c9576105c9610e04565b8152602001600182015481526020016002820180546105e790611238565b80601f016020809104026020016040519081016040528092919081815260200182805461061390611238565b801561065e5780601f106106355761010080835404028352916020019161065e565b820191905f5260205f20905b81548152906001019060200180831161064157829003601f168201915b5050509190925250505060608101519091506106955760405163108065c360e01b8152600481018490526024015b60405180910390fd5b92915050565b604051631b4d85a560e21b81527f000000000000000000000000000000000000000000000000000000000000000060048201525f90610a0190636d361694906024015f60405180830381865afa1580156106f7573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f1916820160405261071e91908101906112f5565b6040015190507f0000000000000000000000000000000000000000000000000000000000000000156107dc57604051636ef56ddb60e11b81527f00000000000000000000000000000000000000000000000000000000000000006004820152610a019063ddeadbb6906024015f60405180830381865afa1580156107a4573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526107cb91908101906113bf565b608001516107d99082611145565b90505b90565b5f606083820361080257604051630d5003f360e01b815260040160405180910390fd5b5f868152600160208190526040909120015415610835576040516356e36a3f60e11b81526004810187905260240161068c565b5f5f61087e61087888888080601f0160208091040260200160405190810160405280939291908181526020018383808284375f9201919091525061044492505050565b86610b8d565b9150915061088b8261046d565b93508192506040518060a00160405280336001600160a01b03168152602001436001600160401b031681526020018560028111156108cb576108cb610e04565b8152602080820184905260409182018690525f8b81526001825282902083518154928501516001600160401b0316600160a01b026001600160e01b03199093166001600160a01b039091161791909117808255918301519091829060ff60e01b1916600160e01b83600281111561094457610944610e04565b0217905550606082015160018201556080820151600282019061096790826114bf565b5090505080336001600160a01b0316897f072387f8ba6c869fc03a5e19d4ff12254e91a3e9225ca512959eac75e201f24087896040516109a8929190611579565b60405180910390a4505094509492505050565b5f600160fd1b6001600160f81b0319831614806109e55750600560f91b6001600160f81b03198316145b806109fd5750600960f81b6001600160f81b03198316145b806106955750506001600160f81b031916600d60f81b1490565b5f815183610a259190611145565b84511015610a3457505f610b86565b5f5b8251811015610ae5575f85610a4b8387611145565b81518110610a5b57610a5b611182565b01602001516001600160f81b0319169050604160f81b8110801590610a8e5750602d60f91b6001600160f81b0319821611155b15610aa857610aa260f882901c6020611594565b60f81b90505b838281518110610aba57610aba611182565b01602001516001600160f81b0319828116911614610adc575f92505050610b86565b50600101610a36565b505f825184610af49190611145565b905084518103610b08576001915050610b86565b5f858281518110610b1b57610b1b611182565b01602001516001600160f81b0319169050606160f81b8110801590610b4e5750603d60f91b6001600160f81b0319821611155b80610b805750604160f81b6001600160f81b0319821610801590610b805750602d60f91b6001600160f81b0319821611155b15925050505b9392505050565b60605f807f000000000000000000000000000000000000000000000000000000000000000015610bbe576001610bc0565b5f5b60ff1690505f816001600160401b03811115610bde57610bde610f4c565b604051908082528060200260200182016040528015610c07578160200160208202803683370190505b5090505f826001600160401b03811115610c2357610c23610f4c565b604051908082528060200260200182016040528015610c4c578160200160208202803683370190505b50905082600103610cb9577f0000000000000000000000000000000000000000000000000000000000000000825f81518110610c8a57610c8a611182565b602002602001018181525050620f4240815f81518110610cac57610cac611182565b6020026020010181815250505b6040516333957a1560e01b8152610a03906333957a15908890610d08907f000000000000000000000000000000000000000000000000000000000000000090879087908e905f906004016115e7565b5f6040518083038185885af1158015610d23573d5f5f3e3d5ffd5b50505050506040513d5f823e601f3d908101601f19168201604052610d4b9190810190611693565b945094505050505b9250929050565b5f5f83601f840112610d6a575f5ffd5b5081356001600160401b03811115610d80575f5ffd5b6020830191508360208260051b8501011115610d53575f5ffd5b5f5f5f5f60408587031215610dad575f5ffd5b84356001600160401b03811115610dc2575f5ffd5b610dce87828801610d5a565b90955093505060208501356001600160401b03811115610dec575f5ffd5b610df887828801610d5a565b95989497509550505050565b634e487b7160e01b5f52602160045260245ffd5b60038110610e3457634e487b7160e01b5f52602160045260245ffd5b9052565b602080825282518282018190525f918401906040840190835b81811015610e7757610e64838551610e18565b6020938401939290920191600101610e51565b509095945050505050565b5f5f5f60408486031215610e94575f5ffd5b8335925060208401356001600160401b03811115610eb0575f5ffd5b8401601f81018613610ec0575f5ffd5b80356001600160401b03811115610ed5575f5ffd5b866020828401011115610ee6575f5ffd5b939660209190910195509293505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b610f2f8184610e18565b604060208201525f610f446040830184610ef7565b949350505050565b634e487b7160e01b5f52604160045260245ffd5b60405160c081016001600160401b0381118282101715610f8257610f82610f4c565b60405290565b60405160e081016001600160401b0381118282101715610f8257610f82610f4c565b604051601f8201601f191681016001600160401b0381118282101715610fd257610fd2610f4c565b604052919050565b5f6001600160401b03821115610ff257610ff2610f4c565b50601f01601f191660200190565b5f61101261100d84610fda565b610faa565b9050828152838383011115611025575f5ffd5b828260208301375f602084830101529392505050565b5f6020828403121561104b575f5ffd5b81356001600160401b03811115611060575f5ffd5b8201601f81018413611070575f5ffd5b610f4484823560208401611000565b602081525f610b866020830184610ef7565b602081016106958284610e18565b5f602082840312156110af575f5ffd5b5035919050565b6020815260018060a01b0382511660208201526001600160401b0360208301511660408201525f60408301516110ef6060840182610e18565b5060608301516080830152608083015160a080840152610f4460c0840182610ef7565b634e487b7160e01b5f52601160045260245ffd5b5f8261114057634e487b7160e01b5f52601260045260245ffd5b500490565b8082018082111561069557610695611112565b808202811582820484141761069557610695611112565b8181038181111561069557610695611112565b634e487b7160e01b5f52603260045260245ffd5b5f5f8335601e198436030181126111ab575f5ffd5b8301803591506001600160401b038211156111c4575f5ffd5b602001915036819003821315610d53575f5ffd5b69028bab2b9ba34b7b71d160b51b81525f82518060208501600a85015e730520b739bbb2b910143cb2b99037b9103737949d60611b600a939091019283015250601e01919050565b5f6001820161123157611231611112565b5060010190565b600181811c9082168061124c57607f821691505b60208210810361126a57634e487b7160e01b5f52602260045260245ffd5b50919050565b80516001600160a01b0381168114611286575f5ffd5b919050565b80516001600160401b0381168114611286575f5ffd5b5f6112ae61100d84610fda565b90508281528383830111156112c1575f5ffd5b8282602083015e5f602084830101529392505050565b5f82601f8301126112e6575f5ffd5b610b86838351602085016112a1565b5f60208284031215611305575f5ffd5b81516001600160401b0381111561131a575f5ffd5b820160c0818503121561132b575f5ffd5b611333610f60565b61133c82611270565b8152602082810151908201526040808301519082015261135e6060830161128b565b606082015260808201516001600160401b0381111561137b575f5ffd5b611387868285016112d7565b60808301525060a08201516001600160401b038111156113a5575f5ffd5b6113b1868285016112d7565b60a083015250949350505050565b5f602082840312156113cf575f5ffd5b81516001600160401b038111156113e4575f5ffd5b820160e081850312156113f5575f5ffd5b6113fd610f88565b61140682611270565b81526020828101519082015260408083015190820152606080830151908201526080808301519082015261143c60a0830161128b565b60a082015260c08201516001600160401b03811115611459575f5ffd5b611465868285016112d7565b60c083015250949350505050565b601f8211156114ba57805f5260205f20601f840160051c810160208510156114985750805b601f840160051c820191505b818110156114b7575f81556001016114a4565b50505b505050565b81516001600160401b038111156114d8576114d8610f4c565b6114ec816114e68454611238565b84611473565b6020601f82116001811461151e575f83156115075750848201515b5f19600385901b1c1916600184901b1784556114b7565b5f84815260208120601f198516915b8281101561154d578785015182556020948501946001909201910161152d565b508482101561156a57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b604081016115878285610e18565b8260208301529392505050565b60ff818116838216019081111561069557610695611112565b5f8151808452602084019350602083015f5b828110156115dd5781518652602095860195909101906001016115bf565b5093949350505050565b85815261014060208201525f6116016101408301876115ad565b828103604084015261161381876115ad565b905082810360608401526116278186610ef7565b915050825463ffffffff8116608084015263ffffffff8160201c1660a084015263ffffffff8160401c1660c084015263ffffffff8160601c1660e084015263ffffffff8160801c166101008401526001600160401b038160a01c16610120840152509695505050505050565b5f5f604083850312156116a4575f5ffd5b82516001600160401b038111156116b9575f5ffd5b8301601f810185136116c9575f5ffd5b6116d8858251602084016112a1565b60209490940151939593945050505056fea2646970667358221220cab6c1a33dda09aac42095d195e558b6a6305e162e975e685f591291edb2802064736f6c634300081c0033",
}

// InferenceQAABI is the input ABI used to generate the binding from.
// Deprecated: Use InferenceQAMetaData.ABI instead.
var InferenceQAABI = InferenceQAMetaData.ABI

// InferenceQABin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use InferenceQAMetaData.Bin instead.
var InferenceQABin = InferenceQAMetaData.Bin

// DeployInferenceQA deploys a new Ethereum contract, binding an instance of InferenceQA to it.
func DeployInferenceQA(auth *bind.TransactOpts, backend bind.ContractBackend, modelId_ *big.Int, adapterId_ *big.Int, temperatureMilli uint32, topK uint32, maxTokens uint32, seed uint64) (common.Address, *types.Transaction, *InferenceQA, error) {
	parsed, err := InferenceQAMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(InferenceQABin), backend, modelId_, adapterId_, temperatureMilli, topK, maxTokens, seed)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &InferenceQA{InferenceQACaller: InferenceQACaller{contract: contract}, InferenceQATransactor: InferenceQATransactor{contract: contract}, InferenceQAFilterer: InferenceQAFilterer{contract: contract}}, nil
}

// InferenceQA is an auto generated Go binding around an Ethereum contract.
type InferenceQA struct {
	InferenceQACaller     // Read-only binding to the contract
	InferenceQATransactor // Write-only binding to the contract
	InferenceQAFilterer   // Log filterer for contract events
}

// InferenceQACaller is an auto generated read-only Go binding around an Ethereum contract.
type InferenceQACaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// InferenceQATransactor is an auto generated write-only Go binding around an Ethereum contract.
type InferenceQATransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// InferenceQAFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type InferenceQAFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// InferenceQASession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type InferenceQASession struct {
	Contract     *InferenceQA      // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// InferenceQACallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type InferenceQACallerSession struct {
	Contract *InferenceQACaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts      // Call options to use throughout this session
}

// InferenceQATransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type InferenceQATransactorSession struct {
	Contract     *InferenceQATransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts      // Transaction auth options to use throughout this session
}

// InferenceQARaw is an auto generated low-level Go binding around an Ethereum contract.
type InferenceQARaw struct {
	Contract *InferenceQA // Generic contract binding to access the raw methods on
}

// InferenceQACallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type InferenceQACallerRaw struct {
	Contract *InferenceQACaller // Generic read-only contract binding to access the raw methods on
}

// InferenceQATransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type InferenceQATransactorRaw struct {
	Contract *InferenceQATransactor // Generic write-only contract binding to access the raw methods on
}

// NewInferenceQA creates a new instance of InferenceQA, bound to a specific deployed contract.
func NewInferenceQA(address common.Address, backend bind.ContractBackend) (*InferenceQA, error) {
	contract, err := bindInferenceQA(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &InferenceQA{InferenceQACaller: InferenceQACaller{contract: contract}, InferenceQATransactor: InferenceQATransactor{contract: contract}, InferenceQAFilterer: InferenceQAFilterer{contract: contract}}, nil
}

// NewInferenceQACaller creates a new read-only instance of InferenceQA, bound to a specific deployed contract.
func NewInferenceQACaller(address common.Address, caller bind.ContractCaller) (*InferenceQACaller, error) {
	contract, err := bindInferenceQA(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &InferenceQACaller{contract: contract}, nil
}

// NewInferenceQATransactor creates a new write-only instance of InferenceQA, bound to a specific deployed contract.
func NewInferenceQATransactor(address common.Address, transactor bind.ContractTransactor) (*InferenceQATransactor, error) {
	contract, err := bindInferenceQA(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &InferenceQATransactor{contract: contract}, nil
}

// NewInferenceQAFilterer creates a new log filterer instance of InferenceQA, bound to a specific deployed contract.
func NewInferenceQAFilterer(address common.Address, filterer bind.ContractFilterer) (*InferenceQAFilterer, error) {
	contract, err := bindInferenceQA(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &InferenceQAFilterer{contract: contract}, nil
}

// bindInferenceQA binds a generic wrapper to an already deployed contract.
func bindInferenceQA(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := InferenceQAMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_InferenceQA *InferenceQARaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _InferenceQA.Contract.InferenceQACaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_InferenceQA *InferenceQARaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _InferenceQA.Contract.InferenceQATransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_InferenceQA *InferenceQARaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _InferenceQA.Contract.InferenceQATransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_InferenceQA *InferenceQACallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _InferenceQA.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_InferenceQA *InferenceQATransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _InferenceQA.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_InferenceQA *InferenceQATransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _InferenceQA.Contract.contract.Transact(opts, method, params...)
}

// INFERENCE is a free data retrieval call binding the contract method 0x6404be45.
//
// Solidity: function INFERENCE() view returns(address)
func (_InferenceQA *InferenceQACaller) INFERENCE(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "INFERENCE")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// INFERENCE is a free data retrieval call binding the contract method 0x6404be45.
//
// Solidity: function INFERENCE() view returns(address)
func (_InferenceQA *InferenceQASession) INFERENCE() (common.Address, error) {
	return _InferenceQA.Contract.INFERENCE(&_InferenceQA.CallOpts)
}

// INFERENCE is a free data retrieval call binding the contract method 0x6404be45.
//
// Solidity: function INFERENCE() view returns(address)
func (_InferenceQA *InferenceQACallerSession) INFERENCE() (common.Address, error) {
	return _InferenceQA.Contract.INFERENCE(&_InferenceQA.CallOpts)
}

// REGISTRY is a free data retrieval call binding the contract method 0x06433b1b.
//
// Solidity: function REGISTRY() view returns(address)
func (_InferenceQA *InferenceQACaller) REGISTRY(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "REGISTRY")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// REGISTRY is a free data retrieval call binding the contract method 0x06433b1b.
//
// Solidity: function REGISTRY() view returns(address)
func (_InferenceQA *InferenceQASession) REGISTRY() (common.Address, error) {
	return _InferenceQA.Contract.REGISTRY(&_InferenceQA.CallOpts)
}

// REGISTRY is a free data retrieval call binding the contract method 0x06433b1b.
//
// Solidity: function REGISTRY() view returns(address)
func (_InferenceQA *InferenceQACallerSession) REGISTRY() (common.Address, error) {
	return _InferenceQA.Contract.REGISTRY(&_InferenceQA.CallOpts)
}

// AdapterId is a free data retrieval call binding the contract method 0x5fb86b01.
//
// Solidity: function adapterId() view returns(uint256)
func (_InferenceQA *InferenceQACaller) AdapterId(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "adapterId")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// AdapterId is a free data retrieval call binding the contract method 0x5fb86b01.
//
// Solidity: function adapterId() view returns(uint256)
func (_InferenceQA *InferenceQASession) AdapterId() (*big.Int, error) {
	return _InferenceQA.Contract.AdapterId(&_InferenceQA.CallOpts)
}

// AdapterId is a free data retrieval call binding the contract method 0x5fb86b01.
//
// Solidity: function adapterId() view returns(uint256)
func (_InferenceQA *InferenceQACallerSession) AdapterId() (*big.Int, error) {
	return _InferenceQA.Contract.AdapterId(&_InferenceQA.CallOpts)
}

// Answer is a free data retrieval call binding the contract method 0x8807cb40.
//
// Solidity: function answer(bytes32 questionId) view returns((address,uint64,uint8,bytes32,string))
func (_InferenceQA *InferenceQACaller) Answer(opts *bind.CallOpts, questionId [32]byte) (InferenceQAAnswer, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "answer", questionId)

	if err != nil {
		return *new(InferenceQAAnswer), err
	}

	out0 := *abi.ConvertType(out[0], new(InferenceQAAnswer)).(*InferenceQAAnswer)

	return out0, err

}

// Answer is a free data retrieval call binding the contract method 0x8807cb40.
//
// Solidity: function answer(bytes32 questionId) view returns((address,uint64,uint8,bytes32,string))
func (_InferenceQA *InferenceQASession) Answer(questionId [32]byte) (InferenceQAAnswer, error) {
	return _InferenceQA.Contract.Answer(&_InferenceQA.CallOpts, questionId)
}

// Answer is a free data retrieval call binding the contract method 0x8807cb40.
//
// Solidity: function answer(bytes32 questionId) view returns((address,uint64,uint8,bytes32,string))
func (_InferenceQA *InferenceQACallerSession) Answer(questionId [32]byte) (InferenceQAAnswer, error) {
	return _InferenceQA.Contract.Answer(&_InferenceQA.CallOpts, questionId)
}

// LabelOf is a free data retrieval call binding the contract method 0x871044f6.
//
// Solidity: function labelOf(bytes output) pure returns(uint8)
func (_InferenceQA *InferenceQACaller) LabelOf(opts *bind.CallOpts, output []byte) (uint8, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "labelOf", output)

	if err != nil {
		return *new(uint8), err
	}

	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)

	return out0, err

}

// LabelOf is a free data retrieval call binding the contract method 0x871044f6.
//
// Solidity: function labelOf(bytes output) pure returns(uint8)
func (_InferenceQA *InferenceQASession) LabelOf(output []byte) (uint8, error) {
	return _InferenceQA.Contract.LabelOf(&_InferenceQA.CallOpts, output)
}

// LabelOf is a free data retrieval call binding the contract method 0x871044f6.
//
// Solidity: function labelOf(bytes output) pure returns(uint8)
func (_InferenceQA *InferenceQACallerSession) LabelOf(output []byte) (uint8, error) {
	return _InferenceQA.Contract.LabelOf(&_InferenceQA.CallOpts, output)
}

// ModelId is a free data retrieval call binding the contract method 0x43cdaad2.
//
// Solidity: function modelId() view returns(uint256)
func (_InferenceQA *InferenceQACaller) ModelId(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "modelId")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ModelId is a free data retrieval call binding the contract method 0x43cdaad2.
//
// Solidity: function modelId() view returns(uint256)
func (_InferenceQA *InferenceQASession) ModelId() (*big.Int, error) {
	return _InferenceQA.Contract.ModelId(&_InferenceQA.CallOpts)
}

// ModelId is a free data retrieval call binding the contract method 0x43cdaad2.
//
// Solidity: function modelId() view returns(uint256)
func (_InferenceQA *InferenceQACallerSession) ModelId() (*big.Int, error) {
	return _InferenceQA.Contract.ModelId(&_InferenceQA.CallOpts)
}

// Params is a free data retrieval call binding the contract method 0xcff0ab96.
//
// Solidity: function params() view returns(uint32 temperatureMilli, uint32 topPMilli, uint32 topK, uint32 repetitionPenaltyMilli, uint32 maxTokens, uint64 seed)
func (_InferenceQA *InferenceQACaller) Params(opts *bind.CallOpts) (struct {
	TemperatureMilli       uint32
	TopPMilli              uint32
	TopK                   uint32
	RepetitionPenaltyMilli uint32
	MaxTokens              uint32
	Seed                   uint64
}, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "params")

	outstruct := new(struct {
		TemperatureMilli       uint32
		TopPMilli              uint32
		TopK                   uint32
		RepetitionPenaltyMilli uint32
		MaxTokens              uint32
		Seed                   uint64
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.TemperatureMilli = *abi.ConvertType(out[0], new(uint32)).(*uint32)
	outstruct.TopPMilli = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	outstruct.TopK = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.RepetitionPenaltyMilli = *abi.ConvertType(out[3], new(uint32)).(*uint32)
	outstruct.MaxTokens = *abi.ConvertType(out[4], new(uint32)).(*uint32)
	outstruct.Seed = *abi.ConvertType(out[5], new(uint64)).(*uint64)

	return *outstruct, err

}

// Params is a free data retrieval call binding the contract method 0xcff0ab96.
//
// Solidity: function params() view returns(uint32 temperatureMilli, uint32 topPMilli, uint32 topK, uint32 repetitionPenaltyMilli, uint32 maxTokens, uint64 seed)
func (_InferenceQA *InferenceQASession) Params() (struct {
	TemperatureMilli       uint32
	TopPMilli              uint32
	TopK                   uint32
	RepetitionPenaltyMilli uint32
	MaxTokens              uint32
	Seed                   uint64
}, error) {
	return _InferenceQA.Contract.Params(&_InferenceQA.CallOpts)
}

// Params is a free data retrieval call binding the contract method 0xcff0ab96.
//
// Solidity: function params() view returns(uint32 temperatureMilli, uint32 topPMilli, uint32 topK, uint32 repetitionPenaltyMilli, uint32 maxTokens, uint64 seed)
func (_InferenceQA *InferenceQACallerSession) Params() (struct {
	TemperatureMilli       uint32
	TopPMilli              uint32
	TopK                   uint32
	RepetitionPenaltyMilli uint32
	MaxTokens              uint32
	Seed                   uint64
}, error) {
	return _InferenceQA.Contract.Params(&_InferenceQA.CallOpts)
}

// Price is a free data retrieval call binding the contract method 0xa035b1fe.
//
// Solidity: function price() view returns(uint256 wei_)
func (_InferenceQA *InferenceQACaller) Price(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "price")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// Price is a free data retrieval call binding the contract method 0xa035b1fe.
//
// Solidity: function price() view returns(uint256 wei_)
func (_InferenceQA *InferenceQASession) Price() (*big.Int, error) {
	return _InferenceQA.Contract.Price(&_InferenceQA.CallOpts)
}

// Price is a free data retrieval call binding the contract method 0xa035b1fe.
//
// Solidity: function price() view returns(uint256 wei_)
func (_InferenceQA *InferenceQACallerSession) Price() (*big.Int, error) {
	return _InferenceQA.Contract.Price(&_InferenceQA.CallOpts)
}

// PromptFor is a free data retrieval call binding the contract method 0x7d03fda6.
//
// Solidity: function promptFor(string question) pure returns(bytes)
func (_InferenceQA *InferenceQACaller) PromptFor(opts *bind.CallOpts, question string) ([]byte, error) {
	var out []interface{}
	err := _InferenceQA.contract.Call(opts, &out, "promptFor", question)

	if err != nil {
		return *new([]byte), err
	}

	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)

	return out0, err

}

// PromptFor is a free data retrieval call binding the contract method 0x7d03fda6.
//
// Solidity: function promptFor(string question) pure returns(bytes)
func (_InferenceQA *InferenceQASession) PromptFor(question string) ([]byte, error) {
	return _InferenceQA.Contract.PromptFor(&_InferenceQA.CallOpts, question)
}

// PromptFor is a free data retrieval call binding the contract method 0x7d03fda6.
//
// Solidity: function promptFor(string question) pure returns(bytes)
func (_InferenceQA *InferenceQACallerSession) PromptFor(question string) ([]byte, error) {
	return _InferenceQA.Contract.PromptFor(&_InferenceQA.CallOpts, question)
}

// Ask is a paid mutator transaction binding the contract method 0x5b49d20d.
//
// Solidity: function ask(bytes32 questionId, string question) payable returns(uint8 label, string text)
func (_InferenceQA *InferenceQATransactor) Ask(opts *bind.TransactOpts, questionId [32]byte, question string) (*types.Transaction, error) {
	return _InferenceQA.contract.Transact(opts, "ask", questionId, question)
}

// Ask is a paid mutator transaction binding the contract method 0x5b49d20d.
//
// Solidity: function ask(bytes32 questionId, string question) payable returns(uint8 label, string text)
func (_InferenceQA *InferenceQASession) Ask(questionId [32]byte, question string) (*types.Transaction, error) {
	return _InferenceQA.Contract.Ask(&_InferenceQA.TransactOpts, questionId, question)
}

// Ask is a paid mutator transaction binding the contract method 0x5b49d20d.
//
// Solidity: function ask(bytes32 questionId, string question) payable returns(uint8 label, string text)
func (_InferenceQA *InferenceQATransactorSession) Ask(questionId [32]byte, question string) (*types.Transaction, error) {
	return _InferenceQA.Contract.Ask(&_InferenceQA.TransactOpts, questionId, question)
}

// AskMany is a paid mutator transaction binding the contract method 0x44300134.
//
// Solidity: function askMany(bytes32[] questionIds, string[] questions) payable returns(uint8[] labels)
func (_InferenceQA *InferenceQATransactor) AskMany(opts *bind.TransactOpts, questionIds [][32]byte, questions []string) (*types.Transaction, error) {
	return _InferenceQA.contract.Transact(opts, "askMany", questionIds, questions)
}

// AskMany is a paid mutator transaction binding the contract method 0x44300134.
//
// Solidity: function askMany(bytes32[] questionIds, string[] questions) payable returns(uint8[] labels)
func (_InferenceQA *InferenceQASession) AskMany(questionIds [][32]byte, questions []string) (*types.Transaction, error) {
	return _InferenceQA.Contract.AskMany(&_InferenceQA.TransactOpts, questionIds, questions)
}

// AskMany is a paid mutator transaction binding the contract method 0x44300134.
//
// Solidity: function askMany(bytes32[] questionIds, string[] questions) payable returns(uint8[] labels)
func (_InferenceQA *InferenceQATransactorSession) AskMany(questionIds [][32]byte, questions []string) (*types.Transaction, error) {
	return _InferenceQA.Contract.AskMany(&_InferenceQA.TransactOpts, questionIds, questions)
}

// InferenceQAAnsweredIterator is returned from FilterAnswered and is used to iterate over the raw logs and unpacked data for Answered events raised by the InferenceQA contract.
type InferenceQAAnsweredIterator struct {
	Event *InferenceQAAnswered // Event containing the contract specifics and raw log

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
func (it *InferenceQAAnsweredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(InferenceQAAnswered)
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
		it.Event = new(InferenceQAAnswered)
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
func (it *InferenceQAAnsweredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *InferenceQAAnsweredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// InferenceQAAnswered represents a Answered event raised by the InferenceQA contract.
type InferenceQAAnswered struct {
	QuestionId [32]byte
	Asker      common.Address
	ReceiptId  [32]byte
	Label      uint8
	Paid       *big.Int
	Raw        types.Log // Blockchain specific contextual infos
}

// FilterAnswered is a free log retrieval operation binding the contract event 0x072387f8ba6c869fc03a5e19d4ff12254e91a3e9225ca512959eac75e201f240.
//
// Solidity: event Answered(bytes32 indexed questionId, address indexed asker, bytes32 indexed receiptId, uint8 label, uint256 paid)
func (_InferenceQA *InferenceQAFilterer) FilterAnswered(opts *bind.FilterOpts, questionId [][32]byte, asker []common.Address, receiptId [][32]byte) (*InferenceQAAnsweredIterator, error) {

	var questionIdRule []interface{}
	for _, questionIdItem := range questionId {
		questionIdRule = append(questionIdRule, questionIdItem)
	}
	var askerRule []interface{}
	for _, askerItem := range asker {
		askerRule = append(askerRule, askerItem)
	}
	var receiptIdRule []interface{}
	for _, receiptIdItem := range receiptId {
		receiptIdRule = append(receiptIdRule, receiptIdItem)
	}

	logs, sub, err := _InferenceQA.contract.FilterLogs(opts, "Answered", questionIdRule, askerRule, receiptIdRule)
	if err != nil {
		return nil, err
	}
	return &InferenceQAAnsweredIterator{contract: _InferenceQA.contract, event: "Answered", logs: logs, sub: sub}, nil
}

// WatchAnswered is a free log subscription operation binding the contract event 0x072387f8ba6c869fc03a5e19d4ff12254e91a3e9225ca512959eac75e201f240.
//
// Solidity: event Answered(bytes32 indexed questionId, address indexed asker, bytes32 indexed receiptId, uint8 label, uint256 paid)
func (_InferenceQA *InferenceQAFilterer) WatchAnswered(opts *bind.WatchOpts, sink chan<- *InferenceQAAnswered, questionId [][32]byte, asker []common.Address, receiptId [][32]byte) (event.Subscription, error) {

	var questionIdRule []interface{}
	for _, questionIdItem := range questionId {
		questionIdRule = append(questionIdRule, questionIdItem)
	}
	var askerRule []interface{}
	for _, askerItem := range asker {
		askerRule = append(askerRule, askerItem)
	}
	var receiptIdRule []interface{}
	for _, receiptIdItem := range receiptId {
		receiptIdRule = append(receiptIdRule, receiptIdItem)
	}

	logs, sub, err := _InferenceQA.contract.WatchLogs(opts, "Answered", questionIdRule, askerRule, receiptIdRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(InferenceQAAnswered)
				if err := _InferenceQA.contract.UnpackLog(event, "Answered", log); err != nil {
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

// ParseAnswered is a log parse operation binding the contract event 0x072387f8ba6c869fc03a5e19d4ff12254e91a3e9225ca512959eac75e201f240.
//
// Solidity: event Answered(bytes32 indexed questionId, address indexed asker, bytes32 indexed receiptId, uint8 label, uint256 paid)
func (_InferenceQA *InferenceQAFilterer) ParseAnswered(log types.Log) (*InferenceQAAnswered, error) {
	event := new(InferenceQAAnswered)
	if err := _InferenceQA.contract.UnpackLog(event, "Answered", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
