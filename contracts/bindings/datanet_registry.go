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

// DatanetRegistryConfig is an auto generated low-level Go binding around an user-defined struct.
type DatanetRegistryConfig struct {
	Name             string
	LicenseURI       string
	FileType         string
	DailyLimit       uint32
	MinStake         *big.Int
	StakeLockSeconds uint64
}

// DatanetRegistryContribution is an auto generated low-level Go binding around an user-defined struct.
type DatanetRegistryContribution struct {
	Contributor common.Address
	DatanetId   uint64
	Status      uint8
	Listed      bool
	Stake       *big.Int
	Size        uint64
	SubmittedAt *big.Int
	ReviewedAt  *big.Int
	ContentHash [32]byte
}

// DatanetRegistryDatanet is an auto generated low-level Go binding around an user-defined struct.
type DatanetRegistryDatanet struct {
	Owner            common.Address
	CreatedAt        uint64
	DailyLimit       uint32
	Pool             common.Address
	MinStake         *big.Int
	StakeLockSeconds uint64
	Contributions    uint64
	Versions         uint64
	LatestVersion    uint64
	Name             string
	LicenseURI       string
	FileType         string
}

// DatanetRegistryStats is an auto generated low-level Go binding around an user-defined struct.
type DatanetRegistryStats struct {
	Pending        uint32
	Accepted       uint32
	Rejected       uint32
	Flagged        uint32
	AcceptedBytes  uint64
	Day            uint64
	SubmittedOnDay uint32
}

// DatanetRegistryVersion is an auto generated low-level Go binding around an user-defined struct.
type DatanetRegistryVersion struct {
	Root              [32]byte
	TokenizerHash     [32]byte
	ContributionsHash [32]byte
	Documents         uint64
	Listed            uint64
	LastId            uint64
	PublishedAt       *big.Int
	Abandoned         bool
}

// DatanetRegistryVersionInput is an auto generated low-level Go binding around an user-defined struct.
type DatanetRegistryVersionInput struct {
	Root          [32]byte
	TokensRoot    [32]byte
	SaRoot        [32]byte
	DocsRoot      [32]byte
	CountsRoot    [32]byte
	TokenizerHash [32]byte
	Tokens        uint64
	Documents     uint64
	Uri           string
}

// DatanetRegistryMetaData contains all meta data concerning the DatanetRegistry contract.
var DatanetRegistryMetaData = &bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"internalType\":\"enumDatanetRegistry.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"CannotFlag\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"CloneFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"limit\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"day\",\"type\":\"uint256\"}],\"name\":\"DailyLimitReached\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"name\":\"DuplicateContent\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"version\",\"type\":\"uint256\"}],\"name\":\"DuplicateRoot\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"previous\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"IdsNotIncreasing\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"required\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"}],\"name\":\"InsufficientStake\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidInput\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"}],\"name\":\"NoOpenVersion\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotContributor\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotCurator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"enumDatanetRegistry.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"NotListable\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"internalType\":\"enumDatanetRegistry.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"NotPending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Reentrancy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"until\",\"type\":\"uint256\"}],\"name\":\"StakeLocked\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"TooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"listed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"documents\",\"type\":\"uint256\"}],\"name\":\"TooManyIds\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"name\":\"UnknownContribution\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"}],\"name\":\"UnknownDatanet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"expected\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"given\",\"type\":\"bytes32\"}],\"name\":\"WrongRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"curator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"slashed\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"ContributionFlagged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"curator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"enumDatanetRegistry.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"ContributionReviewed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"stake\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"ContributionSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"curator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"CuratorSet\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"pool\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"licenseURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"fileType\",\"type\":\"string\"},{\"internalType\":\"uint32\",\"name\":\"dailyLimit\",\"type\":\"uint32\"},{\"internalType\":\"uint96\",\"name\":\"minStake\",\"type\":\"uint96\"},{\"internalType\":\"uint64\",\"name\":\"stakeLockSeconds\",\"type\":\"uint64\"}],\"indexed\":false,\"internalType\":\"structDatanetRegistry.Config\",\"name\":\"config\",\"type\":\"tuple\"}],\"name\":\"DatanetCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"StakeWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"version\",\"type\":\"uint256\"}],\"name\":\"VersionAbandoned\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"version\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"contributionsHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"documents\",\"type\":\"uint64\"}],\"name\":\"VersionPublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"version\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"tokensRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"saRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"docsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"countsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"tokenizerHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"tokens\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"documents\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"indexed\":false,\"internalType\":\"structDatanetRegistry.VersionInput\",\"name\":\"input\",\"type\":\"tuple\"}],\"name\":\"VersionStarted\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_CONTENT_SIZE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_FILE_TYPE\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_NAME\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_URI\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"}],\"name\":\"contributionByContent\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"contributionCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"}],\"name\":\"contributorStats\",\"outputs\":[{\"components\":[{\"internalType\":\"uint32\",\"name\":\"pending\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"accepted\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"rejected\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"flagged\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"acceptedBytes\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"day\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"submittedOnDay\",\"type\":\"uint32\"}],\"internalType\":\"structDatanetRegistry.Stats\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"licenseURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"fileType\",\"type\":\"string\"},{\"internalType\":\"uint32\",\"name\":\"dailyLimit\",\"type\":\"uint32\"},{\"internalType\":\"uint96\",\"name\":\"minStake\",\"type\":\"uint96\"},{\"internalType\":\"uint64\",\"name\":\"stakeLockSeconds\",\"type\":\"uint64\"}],\"internalType\":\"structDatanetRegistry.Config\",\"name\":\"config\",\"type\":\"tuple\"}],\"name\":\"create\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"datanetCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"}],\"name\":\"extendVersion\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"flag\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"name\":\"getContribution\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"contributor\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"datanetId\",\"type\":\"uint64\"},{\"internalType\":\"enumDatanetRegistry.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"listed\",\"type\":\"bool\"},{\"internalType\":\"uint96\",\"name\":\"stake\",\"type\":\"uint96\"},{\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"internalType\":\"uint48\",\"name\":\"submittedAt\",\"type\":\"uint48\"},{\"internalType\":\"uint48\",\"name\":\"reviewedAt\",\"type\":\"uint48\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"}],\"internalType\":\"structDatanetRegistry.Contribution\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"}],\"name\":\"getDatanet\",\"outputs\":[{\"components\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"createdAt\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"dailyLimit\",\"type\":\"uint32\"},{\"internalType\":\"address\",\"name\":\"pool\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"minStake\",\"type\":\"uint96\"},{\"internalType\":\"uint64\",\"name\":\"stakeLockSeconds\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"contributions\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"versions\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"latestVersion\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"licenseURI\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"fileType\",\"type\":\"string\"}],\"internalType\":\"structDatanetRegistry.Datanet\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"version\",\"type\":\"uint256\"}],\"name\":\"getVersion\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"tokenizerHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"contributionsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"documents\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"listed\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"lastId\",\"type\":\"uint64\"},{\"internalType\":\"uint48\",\"name\":\"publishedAt\",\"type\":\"uint48\"},{\"internalType\":\"bool\",\"name\":\"abandoned\",\"type\":\"bool\"}],\"internalType\":\"structDatanetRegistry.Version\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"isCurator\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"poolImplementation\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"tokensRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"saRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"docsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"countsRoot\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"tokenizerHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"tokens\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"documents\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"uri\",\"type\":\"string\"}],\"internalType\":\"structDatanetRegistry.VersionInput\",\"name\":\"input\",\"type\":\"tuple\"},{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"}],\"name\":\"publish\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"version\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"},{\"internalType\":\"bool\",\"name\":\"accept\",\"type\":\"bool\"},{\"internalType\":\"string\",\"name\":\"reason\",\"type\":\"string\"}],\"name\":\"review\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"curator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"enabled\",\"type\":\"bool\"}],\"name\":\"setCurator\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"contentHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"size\",\"type\":\"uint64\"},{\"internalType\":\"string\",\"name\":\"metadataURI\",\"type\":\"string\"}],\"name\":\"submit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"versionOfRoot\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"datanetId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"version\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"contributionId\",\"type\":\"uint256\"}],\"name\":\"withdrawStake\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	Bin: "0x60a0604052348015600e575f5ffd5b506040516019906042565b604051809103905ff0801580156031573d5f5f3e3d5ffd5b506001600160a01b0316608052604f565b610f968061350883390190565b60805161349a61006e5f395f81816103fb015261176c015261349a5ff3fe60806040526004361061013c575f3560e01c80636add54ee116100b3578063ce2cee251161006d578063ce2cee2514610388578063cef42254146103be578063cefa7799146103ea578063db8b7da314610435578063e0a9bba41461032c578063e59f1b2a14610454575f5ffd5b80636add54ee146102c25780636c9d6fac146102ee578063715e57131461030d578063756bf2541461032c578063b4e612bd14610340578063c24776101461036f575f5ffd5b80633a25cbd4116101045780633a25cbd4146101f15780633ce677bb1461023957806349f62af4146102585780635b18056b1461026c5780636192ed46146102815780636987b07514610296575f5ffd5b806311311ec3146101405780631d7e3be71461016657806325d5971f1461019257806329507f73146101b1578063304b7d30146101d2575b5f5ffd5b61015361014e36600461280f565b610473565b6040519081526020015b60405180910390f35b348015610171575f5ffd5b50610185610180366004612887565b610945565b60405161015d91906128b1565b34801561019d575f5ffd5b506101536101ac36600461293e565b610a24565b3480156101bc575f5ffd5b506101d06101cb366004612887565b610c70565b005b3480156101dd575f5ffd5b506101536101ec366004612995565b610cf9565b3480156101fc575f5ffd5b5061022461020b36600461293e565b5f90815260086020526040902080546001909101549091565b6040805192835260208301919091520161015d565b348015610244575f5ffd5b506101d0610253366004612a17565b611068565b348015610263575f5ffd5b506101535f5481565b348015610277575f5ffd5b5061015360015481565b34801561028c575f5ffd5b5061015361010081565b3480156102a1575f5ffd5b506102b56102b0366004612a60565b6112f1565b60405161015d9190612a80565b3480156102cd575f5ffd5b506102e16102dc36600461293e565b611412565b60405161015d9190612b34565b3480156102f9575f5ffd5b50610153610308366004612c62565b6116dc565b348015610318575f5ffd5b506101d0610327366004612c98565b61198f565b348015610337575f5ffd5b50610153604081565b34801561034b575f5ffd5b5061035f61035a366004612887565b611a35565b604051901515815260200161015d565b34801561037a575f5ffd5b506101536501000000000081565b348015610393575f5ffd5b506101536103a2366004612a60565b5f91825260066020908152604080842092845291905290205490565b3480156103c9575f5ffd5b506103dd6103d836600461293e565b611a84565b60405161015d9190612d13565b3480156103f5575f5ffd5b5061041d7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161015d565b348015610440575f5ffd5b506101d061044f366004612dd9565b611ba9565b34801561045f575f5ffd5b506101d061046e366004612e13565b611f9b565b5f5f61047e87612035565b905085158061049457506001600160401b038516155b156104b25760405163b4fa3fb360e01b815260040160405180910390fd5b65010000000000856001600160401b031611156104fe57604051632b6393cf60e21b81526001600160401b03861660048201526501000000000060248201526044015b60405180910390fd5b61050c84846101005f612072565b6001810154600160a01b90046001600160601b031634101561055e5760018101546040516322df051360e11b8152600160a01b9091046001600160601b031660048201523460248201526044016104f5565b6001600160601b033411156105865760405163b4fa3fb360e01b815260040160405180910390fd5b5f87815260066020908152604080832089845290915290205480156105c85760405163114394b360e31b815260048101889052602481018290526044016104f5565b5f8881526007602090815260408083203384529091528120906105ee6201518042612e60565b82549091506001600160401b03808316600160c01b909204161461063a5781546001600160c01b0316600160c01b6001600160401b0383160217825560018201805463ffffffff191690555b8354600183015463ffffffff600160e01b90920482169116106106905783546040516375d47f4560e11b8152600160e01b90910463ffffffff1660048201526001600160401b03821660248201526044016104f5565b600182810180545f906106aa90849063ffffffff16612e7f565b92506101000a81548163ffffffff021916908363ffffffff1602179055506001825f015f8282829054906101000a900463ffffffff166106ea9190612e7f565b92506101000a81548163ffffffff021916908363ffffffff16021790555060015f815461071690612e9b565b9182905550600285018054919650600191600890610745908490600160401b90046001600160401b0316612eb3565b82546101009290920a6001600160401b038181021990931691831602179091555f8c81526006602090815260408083208e8452825291829020899055815161012081018352338152928e16908301529091508101600181525f60208083018290526001600160601b0334166040808501919091526001600160401b03808e16606086015265ffffffffffff4216608086015260a0850184905260c09094018e905289835260038252918290208451815492860151909416600160a01b026001600160e01b03199092166001600160a01b0390941693909317178083559083015190829060ff60e01b1916600160e01b83600481111561084657610846612cdf565b02179055506060820151815460ff60e81b1916600160e81b91151591909102178155608082015160018201805460a085015160c086015160e08701516001600160601b039095166001600160a01b031990931692909217600160601b6001600160401b0390921691909102176001600160a01b0316600160a01b65ffffffffffff928316026001600160d01b031617600160d01b91909316029190911790556101009091015160029091015560405133908b9087907ffa3313aab2be2df1572459cb8df2674fee5eb90818a7cf519574b86d7698d46f90610930908e908e9034908f908f90612efa565b60405180910390a45050505095945050505050565b6040805160e0810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c081019190915261098683612035565b50505f8281526007602090815260408083206001600160a01b0385168452825291829020825160e081018452815463ffffffff80821683526401000000008204811694830194909452600160401b8104841694820194909452600160601b8404831660608201526001600160401b03600160801b850481166080830152600160c01b90940490931660a0840152600101541660c08201525b92915050565b5f60ff815c1615610a485760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d505f610a60836120ce565b80549091506001600160a01b03163314610a9657604051630933063f60e31b8152600481018490523360248201526044016104f5565b60018101546001600160601b031691505f829003610aca57604051630aaf769b60e11b8152600481018490526024016104f5565b60028154600160e01b900460ff166004811115610ae957610ae9612cdf565b03610b68578054600160a01b90046001600160401b039081165f9081526002602081905260408220015460018401549192610b3592911690600160d01b900465ffffffffffff16612f33565b905080421015610b6257604051635ab9830160e01b815260048101859052602481018290526044016104f5565b50610baf565b60038154600160e01b900460ff166004811115610b8757610b87612cdf565b14610baf57604051635ab9830160e01b8152600481018490525f1960248201526044016104f5565b6001810180546001600160601b0319169055604051828152339084907f459d5aef2c549903c1eeb1736f5728845d5ccf82537ddd5bf8035795eee892639060200160405180910390a36040515f90339084908381818185875af1925050503d805f8114610c37576040519150601f19603f3d011682016040523d82523d5f602084013e610c3c565b606091505b5050905080610c5e576040516312171d8360e31b815260040160405180910390fd5b505f905060ff19815c16815d50919050565b610c798261211a565b6001600160a01b038116610ca05760405163b4fa3fb360e01b815260040160405180910390fd5b5f8281526002602052604080822080546001600160a01b0319166001600160a01b03851690811790915590519091339185917f16b85f49bf01212961345d3016c9a531894accf62eb7680f2045d79185cc0ec091a45050565b5f60ff815c1615610d1d5760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d505f610d3586612035565b9050610d4086612158565b610d5a610d51610100870187612f46565b6101005f612072565b5f602086013560408701356060880135608089013560a08a0135610d8460e08c0160c08d01612f88565b610d956101008d0160e08e01612f88565b6001890154604080516020810199909952880196909652606080880195909552608087019390935260a086019190915260c090811b6001600160c01b03199081168287015291901b1660c88401521b6001600160601b03191660d082015260e401604051602081830303815290604052805190602001209050855f01358114610e3b5760405163a864586d60e01b815260048101829052863560248201526044016104f5565b610e4c610100870160e08801612f88565b6001600160401b03161580610e915750610e6d610100870160e08801612f88565b6001600160401b0316610e8660e0880160c08901612f88565b6001600160401b0316105b15610eaf5760405163b4fa3fb360e01b815260040160405180910390fd5b85355f908152600860205260409020805415610ef5578054600182015460405163487eb4e160e11b815289356004820152602481019290925260448201526064016104f5565b60028301546001600160401b03600160801b8204811691600160c01b900416811115610f72575f898152600460209081526040808320848452909152808220600301805460ff60f01b1916600160f01b1790555182918b917f347367ae4efaac6aa1d0de1809029f14e3a6ab9d5f56ba1a7ffe8fc1c4095cb39190a35b610f7d816001612f33565b60028501805467ffffffffffffffff60801b1916600160801b6001600160401b038416021790555f8a815260046020908152604080832084845290915290208935815560a08a01356001820155909550610fde6101008a0160e08b01612f88565b816003015f6101000a8154816001600160401b0302191690836001600160401b03160217905550885f0135868b7fa7c5065deae60cd0c2c10c1d0d53395314dda03400567483015f89cac5dfc4fb8c60405161103a9190612fe2565b60405180910390a461104f8a86888b8b612188565b505f93505050815c60ff19169050815d50949350505050565b5f611072856120ce565b8054909150600160a01b90046001600160401b031661109081612158565b60018254600160e01b900460ff1660048111156110af576110af612cdf565b146110dd5781546040516345945c7d60e11b81526104f5918891600160e01b90910460ff1690600401613087565b6110eb84846101005f612072565b5f81815260076020908152604080832085546001600160a01b0316845290915281208054909160019183919061112890849063ffffffff1661309b565b92506101000a81548163ffffffff021916908363ffffffff1602179055505f86156111f7575080546002906001908390600490611174908490640100000000900463ffffffff16612e7f565b92506101000a81548163ffffffff021916908363ffffffff16021790555083600101600c9054906101000a90046001600160401b0316825f0160108282829054906101000a90046001600160401b03166111ce9190612eb3565b92506101000a8154816001600160401b0302191690836001600160401b0316021790555061125b565b508054600390600190839060089061121d908490600160401b900463ffffffff16612e7f565b825463ffffffff9182166101009390930a9283029190920219909116179055505f838152600660209081526040808320600288015484529091528120555b83548190859060ff60e01b1916600160e01b83600481111561127f5761127f612cdf565b02179055506001840180546001600160d01b0316600160d01b4265ffffffffffff1602179055604051339084908a907f841fc2d72eaa4f8b34fae56e8e0c5084fa2e08d14b7f54cc1cfdb3fe4cd38398906112df9086908c908c906130b7565b60405180910390a45050505050505050565b60408051610100810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e081018290529061133a84612035565b905082158061135c57506002810154600160801b90046001600160401b031683115b1561137a5760405163b4fa3fb360e01b815260040160405180910390fd5b50505f9182526004602090815260408084209284529181529181902081516101008101835281548152600182015493810193909352600281015491830191909152600301546001600160401b038082166060840152600160401b820481166080840152600160801b82041660a0830152600160c01b810465ffffffffffff1660c0830152600160f01b900460ff16151560e082015290565b60408051610180810182525f8082526020820181905291810182905260608082018390526080820183905260a0820183905260c0820183905260e082018390526101008201929092526101208101829052610140810182905261016081019190915261147d82612035565b604080516101808101825282546001600160a01b038082168352600160a01b8083046001600160401b039081166020860152600160e01b90930463ffffffff169484019490945260018501549081166060840152929092046001600160601b03166080820152600283015480831660a0830152600160401b8104831660c0830152600160801b8104831660e0830152600160c01b900490911661010082015260038201805491929161012084019190611535906130d7565b80601f0160208091040260200160405190810160405280929190818152602001828054611561906130d7565b80156115ac5780601f10611583576101008083540402835291602001916115ac565b820191905f5260205f20905b81548152906001019060200180831161158f57829003601f168201915b505050505081526020016004820180546115c5906130d7565b80601f01602080910402602001604051908101604052809291908181526020018280546115f1906130d7565b801561163c5780601f106116135761010080835404028352916020019161163c565b820191905f5260205f20905b81548152906001019060200180831161161f57829003601f168201915b50505050508152602001600582018054611655906130d7565b80601f0160208091040260200160405190810160405280929190818152602001828054611681906130d7565b80156116cc5780601f106116a3576101008083540402835291602001916116cc565b820191905f5260205f20905b8154815290600101906020018083116116af57829003601f168201915b5050505050815250509050919050565b5f6116f36116ea8380612f46565b60406001612072565b61170d6117036020840184612f46565b6101006001612072565b61171d6116ea6040840184612f46565b61172d608083016060840161311c565b63ffffffff165f036117525760405163b4fa3fb360e01b815260040160405180910390fd5b5f5f815461175f90612e9b565b918290555090505f6117907f0000000000000000000000000000000000000000000000000000000000000000612536565b60405163eb92db2760e01b81526001600160401b03841660048201529091506001600160a01b0382169063eb92db27906024015f604051808303815f87803b1580156117da575f5ffd5b505af11580156117ec573d5f5f3e3d5ffd5b5050505f83815260026020526040902080546001820180546001600160a01b0319166001600160a01b0386161790556001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b426001600160401b031602178155905061185a608085016060860161311c565b815463ffffffff91909116600160e01b026001600160e01b0390911617815561188960a085016080860161314b565b6001820180546001600160601b0392909216600160a01b026001600160a01b039092169190911790556118c260c0850160a08601612f88565b60028201805467ffffffffffffffff19166001600160401b03929092169190911790556118ef8480612f46565b60038301916118ff9190836131c1565b5061190d6020850185612f46565b600483019161191d9190836131c1565b5061192b6040850185612f46565b600583019161193b9190836131c1565b50816001600160a01b0316336001600160a01b0316847fbc909b4e57fbca34791e2b1a5a1a65704d0f6232728c83dd11f1f4d02d5ad80687604051611980919061327a565b60405180910390a45050919050565b60ff5f5c16156119b25760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d505f6119ca84612035565b90506119d584612158565b60028101546001600160401b03600160801b8204811691600160c01b9004168103611a165760405163a85f069160e01b8152600481018690526024016104f5565b611a238583838787612188565b505f905060ff19815c16815d50505050565b5f828152600260205260408120546001600160a01b0383811691161480611a7d57505f8381526005602090815260408083206001600160a01b038616845290915290205460ff165b9392505050565b60408051610120810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810182905260e08101829052610100810191909152611ad5826120ce565b604080516101208101825282546001600160a01b0381168252600160a01b81046001600160401b03166020830152909291830190600160e01b900460ff166004811115611b2457611b24612cdf565b6004811115611b3557611b35612cdf565b8152815460ff600160e81b909104161515602082015260018201546001600160601b03811660408301526001600160401b03600160601b820416606083015265ffffffffffff600160a01b820481166080840152600160d01b9091041660a082015260029091015460c09091015292915050565b60ff5f5c1615611bcc5760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d505f611be4846120ce565b8054909150600160a01b90046001600160401b0316611c0281612158565b8154600160e01b900460ff166001816004811115611c2257611c22612cdf565b14158015611c4257506002816004811115611c3f57611c3f612cdf565b14155b15611c64578581604051639f3bf9f760e01b81526004016104f5929190613087565b611c7285856101005f612072565b5f82815260076020908152604080832086546001600160a01b0316845290915290206001826004811115611ca857611ca8612cdf565b03611cea57805460019082905f90611cc790849063ffffffff1661309b565b92506101000a81548163ffffffff021916908363ffffffff160217905550611d8c565b80546001908290600490611d0d908490640100000000900463ffffffff1661309b565b92506101000a81548163ffffffff021916908363ffffffff16021790555083600101600c9054906101000a90046001600160401b0316815f0160108282829054906101000a90046001600160401b0316611d679190613346565b92506101000a8154816001600160401b0302191690836001600160401b031602179055505b80546001908290600c90611dae908490600160601b900463ffffffff16612e7f565b825463ffffffff9182166101009390930a9283029190920219909116179055505f8381526006602090815260408083206002880154845290915280822091909155600185018054865460ff60e01b1916600160e21b1787556dffffffffffffffffffffffffffff60601b8116600160d01b4265ffffffffffff16021790915590516001600160601b0390911690339085908a907f487a94053ef83e2b421d3977ca8bd7bcadf78fa7b0f1242e080cba183ad4d2d190611e729086908d908d90613365565b60405180910390a45f8481526002602052604090206001015485546001600160a01b0390911690600160e81b900460ff1615611f24578554600187015460405163297fb23f60e11b81526001600160a01b039283166004820152600160601b9091046001600160401b03166024820152604481018b9052908216906352ff647e906064015f604051808303815f87803b158015611f0d575f5ffd5b505af1158015611f1f573d5f5f3e3d5ffd5b505050505b8115611f83576040516338488d4b60e01b8152600481018a90526001600160a01b038216906338488d4b9084906024015f604051808303818588803b158015611f6b575f5ffd5b505af1158015611f7d573d5f5f3e3d5ffd5b50505050505b505f94505060ff19845c169250839150505d50505050565b611fa48361211a565b6001600160a01b038216611fcb5760405163b4fa3fb360e01b815260040160405180910390fd5b5f8381526005602090815260408083206001600160a01b03861680855290835292819020805460ff1916851515908117909155905190815285917f285c5f4767e8772fd13ab04aa5da6414087431e3cbf0984439977f90d2e58897910160405180910390a3505050565b5f81815260026020526040902080546001600160a01b031661206d5760405163add591b560e01b8152600481018390526024016104f5565b919050565b828281111561209e57604051632b6393cf60e21b815260048101829052602481018490526044016104f5565b8180156120a9575080155b156120c75760405163b4fa3fb360e01b815260040160405180910390fd5b5050505050565b5f818152600360205260408120908154600160e01b900460ff1660048111156120f9576120f9612cdf565b0361206d57604051631ebc315960e31b8152600481018390526024016104f5565b3361212482612035565b546001600160a01b0316146121555760405163b9c0876160e01b8152600481018290523360248201526044016104f5565b50565b6121628133611a35565b61215557604051634198cac760e11b8152600481018290523360248201526044016104f5565b5f8581526004602090815260408083208684529091528120600381015490916001600160401b03808316926121c6918691600160401b900416612f33565b9050818111156121f35760405163749d598f60e01b815260048101829052602481018390526044016104f5565b5f6040518060800160405280878790506001600160401b0381111561221a5761221a613164565b604051908082528060200260200182016040528015612243578160200160208202803683370190505b508152602001866001600160401b0381111561226157612261613164565b60405190808252806020026020018201604052801561228a578160200160208202803683370190505b508152602001866001600160401b038111156122a8576122a8613164565b6040519080825280602002602001820160405280156122d1578160200160208202803683370190505b5081526020015f81525090505f5f6123118b898989600201548a60030160109054906101000a90046001600160401b03166001600160401b0316886125d1565b600288018290556003880180546001600160401b03888116600160401b026fffffffffffffffff000000000000000019918516600160801b029190911677ffffffffffffffffffffffffffffffff0000000000000000199092169190911717905590925090508484036124385760038601805465ffffffffffff60c01b1916600160c01b4265ffffffffffff1681029190911790915560028b0180546001600160c01b03166001600160401b038c811690930217905586546040805180820182528e815260208082018e81525f85815260088352849020925183555160019290920191909155815186815293891690840152909182918c918f917fad2356e83372b7eb9a02e5733d78a5941459d3dfb0ad6f0d95f7988b08a66cd8910160405180910390a4505b60018a015460608401516001600160a01b0390911690156124d257835160208501516040808701516060880151808552808452808252915163f929d31960e01b81529091906001600160a01b0386169063f929d319906124a0908790879087906004016133b8565b5f604051808303815f87803b1580156124b7575f5ffd5b505af11580156124c9573d5f5f3e3d5ffd5b50505050505050505b85850361252857806001600160a01b03166386d1a69f6040518163ffffffff1660e01b81526004015f604051808303815f87803b158015612511575f5ffd5b505af1158015612523573d5f5f3e3d5ffd5b505050505b505050505050505050505050565b604051733d602d80600a3d3981f3363d3d373d3d3d363d7360601b60208201526001600160601b0319606083901b1660348201526e5af43d82803e903d91602b57fd5bf360881b60488201525f90819060570160405160208183030381529060405290508051602082015ff091506001600160a01b0382166125cb576040516342bcb05b60e11b815260040160405180910390fd5b50919050565b5f5f5f5b868110156127a6575f8888838181106125f0576125f061342d565b9050602002013590508581116126235760405163aea12bb160e01b815260048101879052602481018290526044016104f5565b5f81815260036020526040902080549196508691600160a01b90046001600160401b03168b141580612672575060028154600160e01b900460ff16600481111561266f5761266f612cdf565b14155b156126a157805460405163713cd1ed60e01b81526104f59184918e91600160e01b900460ff1690600401613441565b60408051602081018a905290810183905260600160408051808303601f1901815291905280516020909101208154909850600160e81b900460ff1661279c57805460ff60e81b198116600160e81b17825560608701518751805191926001600160a01b031691839081106127175761271761342d565b6001600160a01b03929092166020928302919091018201526001830154908801518051600160601b9092046001600160401b0316918390811061275c5761275c61342d565b602002602001018181525050828760400151828151811061277f5761277f61342d565b6020908102919091010152612795816001612f33565b6060880152505b50506001016125d5565b50939792965091945050505050565b80356001600160401b038116811461206d575f5ffd5b5f5f83601f8401126127db575f5ffd5b5081356001600160401b038111156127f1575f5ffd5b602083019150836020828501011115612808575f5ffd5b9250929050565b5f5f5f5f5f60808688031215612823575f5ffd5b853594506020860135935061283a604087016127b5565b925060608601356001600160401b03811115612854575f5ffd5b612860888289016127cb565b969995985093965092949392505050565b80356001600160a01b038116811461206d575f5ffd5b5f5f60408385031215612898575f5ffd5b823591506128a860208401612871565b90509250929050565b5f60e08201905063ffffffff835116825263ffffffff602084015116602083015263ffffffff604084015116604083015263ffffffff60608401511660608301526001600160401b03608084015116608083015260a083015161291f60a08401826001600160401b03169052565b5060c083015161293760c084018263ffffffff169052565b5092915050565b5f6020828403121561294e575f5ffd5b5035919050565b5f5f83601f840112612965575f5ffd5b5081356001600160401b0381111561297b575f5ffd5b6020830191508360208260051b8501011115612808575f5ffd5b5f5f5f5f606085870312156129a8575f5ffd5b8435935060208501356001600160401b038111156129c4575f5ffd5b850161012081880312156129d6575f5ffd5b925060408501356001600160401b038111156129f0575f5ffd5b6129fc87828801612955565b95989497509550505050565b8035801515811461206d575f5ffd5b5f5f5f5f60608587031215612a2a575f5ffd5b84359350612a3a60208601612a08565b925060408501356001600160401b03811115612a54575f5ffd5b6129fc878288016127cb565b5f5f60408385031215612a71575f5ffd5b50508035926020909101359150565b5f610100820190508251825260208301516020830152604083015160408301526001600160401b0360608401511660608301526001600160401b0360808401511660808301526001600160401b0360a08401511660a083015260c0830151612af260c084018265ffffffffffff169052565b5060e083015161293760e084018215159052565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60208152612b4e6020820183516001600160a01b03169052565b5f6020830151612b6960408401826001600160401b03169052565b50604083015163ffffffff811660608401525060608301516001600160a01b03811660808401525060808301516001600160601b03811660a08401525060a08301516001600160401b03811660c08401525060c08301516001600160401b03811660e08401525060e08301516001600160401b038116610100840152506101008301516001600160401b03811661012084015250610120830151610180610140840152612c1a6101a0840182612b06565b9050610140840151601f1984830301610160850152612c398282612b06565b915050610160840151601f1984830301610180850152612c598282612b06565b95945050505050565b5f60208284031215612c72575f5ffd5b81356001600160401b03811115612c87575f5ffd5b820160c08185031215611a7d575f5ffd5b5f5f5f60408486031215612caa575f5ffd5b8335925060208401356001600160401b03811115612cc6575f5ffd5b612cd286828701612955565b9497909650939450505050565b634e487b7160e01b5f52602160045260245ffd5b60058110612d0f57634e487b7160e01b5f52602160045260245ffd5b9052565b81516001600160a01b031681526020808301516001600160401b031690820152604080830151610120830191612d4b90840182612cf3565b506060830151612d5f606084018215159052565b506080830151612d7a60808401826001600160601b03169052565b5060a0830151612d9560a08401826001600160401b03169052565b5060c0830151612daf60c084018265ffffffffffff169052565b5060e0830151612dc960e084018265ffffffffffff169052565b5061010092830151919092015290565b5f5f5f60408486031215612deb575f5ffd5b8335925060208401356001600160401b03811115612e07575f5ffd5b612cd2868287016127cb565b5f5f5f60608486031215612e25575f5ffd5b83359250612e3560208501612871565b9150612e4360408501612a08565b90509250925092565b634e487b7160e01b5f52601160045260245ffd5b5f82612e7a57634e487b7160e01b5f52601260045260245ffd5b500490565b63ffffffff8181168382160190811115610a1e57610a1e612e4c565b5f60018201612eac57612eac612e4c565b5060010190565b6001600160401b038181168382160190811115610a1e57610a1e612e4c565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b8581526001600160401b0385166020820152836040820152608060608201525f612f28608083018486612ed2565b979650505050505050565b80820180821115610a1e57610a1e612e4c565b5f5f8335601e19843603018112612f5b575f5ffd5b8301803591506001600160401b03821115612f74575f5ffd5b602001915036819003821315612808575f5ffd5b5f60208284031215612f98575f5ffd5b611a7d826127b5565b5f5f8335601e19843603018112612fb6575f5ffd5b83016020810192503590506001600160401b03811115612fd4575f5ffd5b803603821315612808575f5ffd5b602080825282358282015282013560408083019190915282013560608083019190915282013560808083019190915282013560a08083019190915282013560c0808301919091525f906130369084016127b5565b6001600160401b03811660e08401525061305260e084016127b5565b6001600160401b03811661010084015250613071610100840184612fa1565b61012080850152612c5961014085018284612ed2565b82815260408101611a7d6020830184612cf3565b63ffffffff8281168282160390811115610a1e57610a1e612e4c565b6130c18185612cf3565b604060208201525f612c59604083018486612ed2565b600181811c908216806130eb57607f821691505b6020821081036125cb57634e487b7160e01b5f52602260045260245ffd5b803563ffffffff8116811461206d575f5ffd5b5f6020828403121561312c575f5ffd5b611a7d82613109565b80356001600160601b038116811461206d575f5ffd5b5f6020828403121561315b575f5ffd5b611a7d82613135565b634e487b7160e01b5f52604160045260245ffd5b601f8211156131bc57805f5260205f20601f840160051c8101602085101561319d5750805b601f840160051c820191505b818110156120c7575f81556001016131a9565b505050565b6001600160401b038311156131d8576131d8613164565b6131ec836131e683546130d7565b83613178565b5f601f84116001811461321d575f85156132065750838201355b5f19600387901b1c1916600186901b1783556120c7565b5f83815260208120601f198716915b8281101561324c578685013582556020948501946001909201910161322c565b5086821015613268575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b602081525f6132898384612fa1565b60c0602085015261329e60e085018284612ed2565b9150506132ae6020850185612fa1565b848303601f190160408601526132c5838284612ed2565b925050506132d66040850185612fa1565b848303601f190160608601526132ed838284612ed2565b9250505063ffffffff61330260608601613109565b1660808401526001600160601b0361331c60808601613135565b1660a08401526001600160401b0361333660a086016127b5565b1660c08401528091505092915050565b6001600160401b038281168282160390811115610a1e57610a1e612e4c565b838152604060208201525f612c59604083018486612ed2565b5f8151808452602084019350602083015f5b828110156133ae578151865260209586019590910190600101613390565b5093949350505050565b606080825284519082018190525f9060208601906080840190835b818110156133fa5783516001600160a01b03168352602093840193909201916001016133d3565b5050838103602085015261340e818761337e565b9150508281036040840152613423818561337e565b9695505050505050565b634e487b7160e01b5f52603260045260245ffd5b838152602081018390526060810161345c6040830184612cf3565b94935050505056fea26469706673582212203a08c4593625c9d4c69cf1705ceb16566e3c62d11ccf5da9578ce1e8e52d8bc364736f6c634300081c00336080604052348015600e575f5ffd5b505f80546001600160a01b03191633179055610f698061002d5f395ff3fe608060405260043610610108575f3560e01c8063c9e1294b11610092578063eb72c8d811610062578063eb72c8d81461029d578063eb92db27146102b2578063eced5526146102d1578063f5eb42dc146102ee578063f929d3191461032b575f5ffd5b8063c9e1294b14610220578063d2890a011461025f578063d54ad2a114610274578063e522538114610289575f5ffd5b806352ff647e116100d857806352ff647e146101835780635eebea20146101a25780637b103999146101c157806386d1a69f146101f7578063b104ae8a1461020b575f5ffd5b806338488d4b1461011f5780633a98ef39146101325780634e71d92d1461015a578063522577e91461016e575f5ffd5b3661011b5761011960025f3461034a565b005b5f5ffd5b61011961012d366004610c9b565b6103f9565b34801561013d575f5ffd5b5061014760015481565b6040519081526020015b60405180910390f35b348015610165575f5ffd5b50610147610432565b348015610179575f5ffd5b5061014760045481565b34801561018e575f5ffd5b5061011961019d366004610ccd565b61058a565b3480156101ad575f5ffd5b506101476101bc366004610cfd565b6106a0565b3480156101cc575f5ffd5b505f546101df906001600160a01b031681565b6040516001600160a01b039091168152602001610151565b348015610202575f5ffd5b5061011961072d565b348015610216575f5ffd5b506101df610a0281565b34801561022b575f5ffd5b505f5461024690600160a01b900467ffffffffffffffff1681565b60405167ffffffffffffffff9091168152602001610151565b34801561026a575f5ffd5b5061014760025481565b34801561027f575f5ffd5b5061014760055481565b348015610294575f5ffd5b506101476107c6565b3480156102a8575f5ffd5b5061014760035481565b3480156102bd575f5ffd5b506101196102cc366004610d16565b61080f565b3480156102dc575f5ffd5b5061014769d3c21bcecceda100000081565b3480156102f9575f5ffd5b50610147610308366004610cfd565b6001600160a01b03165f908152600760205260409020546001600160801b031690565b348015610336575f5ffd5b50610119610345366004610d8c565b610872565b805f0361035657505050565b8060045f8282546103679190610e3f565b90915550506001545f819003610393578160035f8282546103889190610e3f565b9091555061039d9050565b61039d8282610a7d565b828460028111156103b0576103b0610e52565b600254604080518681526020810186905280820192909252517f7309aef88fc7d682a9fcf2faea7deacf7aff72646be8d95d5e8605784748eb029181900360600190a350505050565b5f546001600160a01b0316331461042357604051633217675b60e21b815260040160405180910390fd5b61042f6001823461034a565b50565b5f60ff815c16156104565760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d5061046c610ad4565b50335f90815260076020526040902061048481610bb3565b8054600160801b90046001600160801b031691505f8290036104b9576040516312d37ee560e31b815260040160405180910390fd5b80546001600160801b03168155600580548391905f906104da908490610e3f565b909155505060405182815233907fd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a9060200160405180910390a26040515f90339084908381818185875af1925050503d805f8114610553576040519150601f19603f3d011682016040523d82523d5f602084013e610558565b606091505b505090508061057a576040516312171d8360e31b815260040160405180910390fd5b505f905060ff19815c16815d5090565b5f546001600160a01b031633146105b457604051633217675b60e21b815260040160405180910390fd5b6001600160a01b0383165f9081526007602052604090206105d481610bb3565b8054839082905f906105f09084906001600160801b0316610e66565b82546101009290920a6001600160801b03818102199093169183160217909155600254835461063493506106249216610e85565b69d3c21bcecceda1000000610c63565b81600101819055505f8360015461064b9190610e9c565b6001819055604080518681526020810183905291925084916001600160a01b038816917fbe9280bad1f9f03790f70f3d94f99d284660a3d5210ab58d56139d8723aae87f910160405180910390a35050505050565b6001600160a01b0381165f9081526007602052604081206002548154839169d3c21bcecceda1000000916106dd91906001600160801b0316610e85565b6106e79190610ec3565b9050816001015481116106fa575f610709565b60018201546107099082610e9c565b82546107259190600160801b90046001600160801b0316610e3f565b949350505050565b5f546001600160a01b0316331461075757604051633217675b60e21b815260040160405180910390fd5b600354600154811580610768575080155b15610771575050565b5f60035561077f8282610a7d565b600254604080518481526020810184905280820192909252517ff854feef4c325cc8fcfad1a693b62c4383c8d228c4ca0bc52f9e06095338a5f19181900360600190a15050565b5f60ff815c16156107ea5760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d50610800610ad4565b90505f60ff19815c16815d5090565b5f546001600160a01b0316156108375760405162dc149f60e41b815260040160405180910390fd5b5f80546001600160e01b0319163367ffffffffffffffff60a01b191617600160a01b67ffffffffffffffff9390931692909202919091179055565b5f546001600160a01b0316331461089c57604051633217675b60e21b815260040160405180910390fd5b84831415806108ab5750828114155b156108cc576040516001621398b960e31b0319815260040160405180910390fd5b6001545f5b86811015610a71575f60075f8a8a858181106108ef576108ef610ed6565b90506020020160208101906109049190610cfd565b6001600160a01b03166001600160a01b031681526020019081526020015f20905061092e81610bb3565b86868381811061094057610940610ed6565b835460209091029290920135918391505f906109669084906001600160801b0316610eea565b82546101009290920a6001600160801b03818102199093169183160217909155600254835461099a93506106249216610e85565b60018201558686838181106109b1576109b1610ed6565b90506020020135836109c39190610e3f565b92508484838181106109d7576109d7610ed6565b905060200201358989848181106109f0576109f0610ed6565b9050602002016020810190610a059190610cfd565b6001600160a01b03167f740cfb13607f5a515952b6e85cbba8730ce4e5a86d60980a81ec9c977dd39d61898986818110610a4157610a41610ed6565b9050602002013586604051610a60929190918252602082015260400190565b60405180910390a3506001016108d1565b50600155505050505050565b6006545f90610a9669d3c21bcecceda100000085610e85565b610aa09190610e3f565b9050610aac8282610ec3565b60025f828254610abc9190610e3f565b90915550610acc90508282610f09565b600655505050565b60405163402914f560e01b81523060048201525f90610a029063402914f590602401602060405180830381865afa158015610b11573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610b359190610f1c565b5f03610b4057505f90565b610a026001600160a01b0316634e71d92d6040518163ffffffff1660e01b81526004016020604051808303815f875af1158015610b7f573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610ba39190610f1c565b9050610bb05f5f8361034a565b90565b60025481545f91610bcc916001600160801b0316610e85565b90505f610be369d3c21bcecceda100000083610ec3565b600184015490915080821115610c5d57610bfd8183610e9c565b84548590601090610c1f908490600160801b90046001600160801b0316610eea565b92506101000a8154816001600160801b0302191690836001600160801b03160217905550610c578369d3c21bcecceda1000000610c63565b60018501555b50505050565b5f8215610c905781610c76600185610e9c565b610c809190610ec3565b610c8b906001610e3f565b610c92565b5f5b90505b92915050565b5f60208284031215610cab575f5ffd5b5035919050565b80356001600160a01b0381168114610cc8575f5ffd5b919050565b5f5f5f60608486031215610cdf575f5ffd5b610ce884610cb2565b95602085013595506040909401359392505050565b5f60208284031215610d0d575f5ffd5b610c9282610cb2565b5f60208284031215610d26575f5ffd5b813567ffffffffffffffff81168114610d3d575f5ffd5b9392505050565b5f5f83601f840112610d54575f5ffd5b50813567ffffffffffffffff811115610d6b575f5ffd5b6020830191508360208260051b8501011115610d85575f5ffd5b9250929050565b5f5f5f5f5f5f60608789031215610da1575f5ffd5b863567ffffffffffffffff811115610db7575f5ffd5b610dc389828a01610d44565b909750955050602087013567ffffffffffffffff811115610de2575f5ffd5b610dee89828a01610d44565b909550935050604087013567ffffffffffffffff811115610e0d575f5ffd5b610e1989828a01610d44565b979a9699509497509295939492505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610c9557610c95610e2b565b634e487b7160e01b5f52602160045260245ffd5b6001600160801b038281168282160390811115610c9557610c95610e2b565b8082028115828204841417610c9557610c95610e2b565b81810381811115610c9557610c95610e2b565b634e487b7160e01b5f52601260045260245ffd5b5f82610ed157610ed1610eaf565b500490565b634e487b7160e01b5f52603260045260245ffd5b6001600160801b038181168382160190811115610c9557610c95610e2b565b5f82610f1757610f17610eaf565b500690565b5f60208284031215610f2c575f5ffd5b505191905056fea264697066735822122007d4cc958b8046359561b5574e495b758d05a5020659a9ba67885f039a8f109964736f6c634300081c0033",
}

// DatanetRegistryABI is the input ABI used to generate the binding from.
// Deprecated: Use DatanetRegistryMetaData.ABI instead.
var DatanetRegistryABI = DatanetRegistryMetaData.ABI

// DatanetRegistryBin is the compiled bytecode used for deploying new contracts.
// Deprecated: Use DatanetRegistryMetaData.Bin instead.
var DatanetRegistryBin = DatanetRegistryMetaData.Bin

// DeployDatanetRegistry deploys a new Ethereum contract, binding an instance of DatanetRegistry to it.
func DeployDatanetRegistry(auth *bind.TransactOpts, backend bind.ContractBackend) (common.Address, *types.Transaction, *DatanetRegistry, error) {
	parsed, err := DatanetRegistryMetaData.GetAbi()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if parsed == nil {
		return common.Address{}, nil, nil, errors.New("GetABI returned nil")
	}

	address, tx, contract, err := bind.DeployContract(auth, *parsed, common.FromHex(DatanetRegistryBin), backend)
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	return address, tx, &DatanetRegistry{DatanetRegistryCaller: DatanetRegistryCaller{contract: contract}, DatanetRegistryTransactor: DatanetRegistryTransactor{contract: contract}, DatanetRegistryFilterer: DatanetRegistryFilterer{contract: contract}}, nil
}

// DatanetRegistry is an auto generated Go binding around an Ethereum contract.
type DatanetRegistry struct {
	DatanetRegistryCaller     // Read-only binding to the contract
	DatanetRegistryTransactor // Write-only binding to the contract
	DatanetRegistryFilterer   // Log filterer for contract events
}

// DatanetRegistryCaller is an auto generated read-only Go binding around an Ethereum contract.
type DatanetRegistryCaller struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DatanetRegistryTransactor is an auto generated write-only Go binding around an Ethereum contract.
type DatanetRegistryTransactor struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DatanetRegistryFilterer is an auto generated log filtering Go binding around an Ethereum contract events.
type DatanetRegistryFilterer struct {
	contract *bind.BoundContract // Generic contract wrapper for the low level calls
}

// DatanetRegistrySession is an auto generated Go binding around an Ethereum contract,
// with pre-set call and transact options.
type DatanetRegistrySession struct {
	Contract     *DatanetRegistry  // Generic contract binding to set the session for
	CallOpts     bind.CallOpts     // Call options to use throughout this session
	TransactOpts bind.TransactOpts // Transaction auth options to use throughout this session
}

// DatanetRegistryCallerSession is an auto generated read-only Go binding around an Ethereum contract,
// with pre-set call options.
type DatanetRegistryCallerSession struct {
	Contract *DatanetRegistryCaller // Generic contract caller binding to set the session for
	CallOpts bind.CallOpts          // Call options to use throughout this session
}

// DatanetRegistryTransactorSession is an auto generated write-only Go binding around an Ethereum contract,
// with pre-set transact options.
type DatanetRegistryTransactorSession struct {
	Contract     *DatanetRegistryTransactor // Generic contract transactor binding to set the session for
	TransactOpts bind.TransactOpts          // Transaction auth options to use throughout this session
}

// DatanetRegistryRaw is an auto generated low-level Go binding around an Ethereum contract.
type DatanetRegistryRaw struct {
	Contract *DatanetRegistry // Generic contract binding to access the raw methods on
}

// DatanetRegistryCallerRaw is an auto generated low-level read-only Go binding around an Ethereum contract.
type DatanetRegistryCallerRaw struct {
	Contract *DatanetRegistryCaller // Generic read-only contract binding to access the raw methods on
}

// DatanetRegistryTransactorRaw is an auto generated low-level write-only Go binding around an Ethereum contract.
type DatanetRegistryTransactorRaw struct {
	Contract *DatanetRegistryTransactor // Generic write-only contract binding to access the raw methods on
}

// NewDatanetRegistry creates a new instance of DatanetRegistry, bound to a specific deployed contract.
func NewDatanetRegistry(address common.Address, backend bind.ContractBackend) (*DatanetRegistry, error) {
	contract, err := bindDatanetRegistry(address, backend, backend, backend)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistry{DatanetRegistryCaller: DatanetRegistryCaller{contract: contract}, DatanetRegistryTransactor: DatanetRegistryTransactor{contract: contract}, DatanetRegistryFilterer: DatanetRegistryFilterer{contract: contract}}, nil
}

// NewDatanetRegistryCaller creates a new read-only instance of DatanetRegistry, bound to a specific deployed contract.
func NewDatanetRegistryCaller(address common.Address, caller bind.ContractCaller) (*DatanetRegistryCaller, error) {
	contract, err := bindDatanetRegistry(address, caller, nil, nil)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryCaller{contract: contract}, nil
}

// NewDatanetRegistryTransactor creates a new write-only instance of DatanetRegistry, bound to a specific deployed contract.
func NewDatanetRegistryTransactor(address common.Address, transactor bind.ContractTransactor) (*DatanetRegistryTransactor, error) {
	contract, err := bindDatanetRegistry(address, nil, transactor, nil)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryTransactor{contract: contract}, nil
}

// NewDatanetRegistryFilterer creates a new log filterer instance of DatanetRegistry, bound to a specific deployed contract.
func NewDatanetRegistryFilterer(address common.Address, filterer bind.ContractFilterer) (*DatanetRegistryFilterer, error) {
	contract, err := bindDatanetRegistry(address, nil, nil, filterer)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryFilterer{contract: contract}, nil
}

// bindDatanetRegistry binds a generic wrapper to an already deployed contract.
func bindDatanetRegistry(address common.Address, caller bind.ContractCaller, transactor bind.ContractTransactor, filterer bind.ContractFilterer) (*bind.BoundContract, error) {
	parsed, err := DatanetRegistryMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(address, *parsed, caller, transactor, filterer), nil
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DatanetRegistry *DatanetRegistryRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DatanetRegistry.Contract.DatanetRegistryCaller.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DatanetRegistry *DatanetRegistryRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.DatanetRegistryTransactor.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DatanetRegistry *DatanetRegistryRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.DatanetRegistryTransactor.contract.Transact(opts, method, params...)
}

// Call invokes the (constant) contract method with params as input values and
// sets the output to result. The result type might be a single field for simple
// returns, a slice of interfaces for anonymous returns and a struct for named
// returns.
func (_DatanetRegistry *DatanetRegistryCallerRaw) Call(opts *bind.CallOpts, result *[]interface{}, method string, params ...interface{}) error {
	return _DatanetRegistry.Contract.contract.Call(opts, result, method, params...)
}

// Transfer initiates a plain transaction to move funds to the contract, calling
// its default method if one is available.
func (_DatanetRegistry *DatanetRegistryTransactorRaw) Transfer(opts *bind.TransactOpts) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.contract.Transfer(opts)
}

// Transact invokes the (paid) contract method with params as input values.
func (_DatanetRegistry *DatanetRegistryTransactorRaw) Transact(opts *bind.TransactOpts, method string, params ...interface{}) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.contract.Transact(opts, method, params...)
}

// MAXCONTENTSIZE is a free data retrieval call binding the contract method 0xc2477610.
//
// Solidity: function MAX_CONTENT_SIZE() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCaller) MAXCONTENTSIZE(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "MAX_CONTENT_SIZE")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXCONTENTSIZE is a free data retrieval call binding the contract method 0xc2477610.
//
// Solidity: function MAX_CONTENT_SIZE() view returns(uint256)
func (_DatanetRegistry *DatanetRegistrySession) MAXCONTENTSIZE() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXCONTENTSIZE(&_DatanetRegistry.CallOpts)
}

// MAXCONTENTSIZE is a free data retrieval call binding the contract method 0xc2477610.
//
// Solidity: function MAX_CONTENT_SIZE() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCallerSession) MAXCONTENTSIZE() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXCONTENTSIZE(&_DatanetRegistry.CallOpts)
}

// MAXFILETYPE is a free data retrieval call binding the contract method 0xe0a9bba4.
//
// Solidity: function MAX_FILE_TYPE() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCaller) MAXFILETYPE(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "MAX_FILE_TYPE")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXFILETYPE is a free data retrieval call binding the contract method 0xe0a9bba4.
//
// Solidity: function MAX_FILE_TYPE() view returns(uint256)
func (_DatanetRegistry *DatanetRegistrySession) MAXFILETYPE() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXFILETYPE(&_DatanetRegistry.CallOpts)
}

// MAXFILETYPE is a free data retrieval call binding the contract method 0xe0a9bba4.
//
// Solidity: function MAX_FILE_TYPE() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCallerSession) MAXFILETYPE() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXFILETYPE(&_DatanetRegistry.CallOpts)
}

// MAXNAME is a free data retrieval call binding the contract method 0x756bf254.
//
// Solidity: function MAX_NAME() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCaller) MAXNAME(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "MAX_NAME")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXNAME is a free data retrieval call binding the contract method 0x756bf254.
//
// Solidity: function MAX_NAME() view returns(uint256)
func (_DatanetRegistry *DatanetRegistrySession) MAXNAME() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXNAME(&_DatanetRegistry.CallOpts)
}

// MAXNAME is a free data retrieval call binding the contract method 0x756bf254.
//
// Solidity: function MAX_NAME() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCallerSession) MAXNAME() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXNAME(&_DatanetRegistry.CallOpts)
}

// MAXURI is a free data retrieval call binding the contract method 0x6192ed46.
//
// Solidity: function MAX_URI() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCaller) MAXURI(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "MAX_URI")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// MAXURI is a free data retrieval call binding the contract method 0x6192ed46.
//
// Solidity: function MAX_URI() view returns(uint256)
func (_DatanetRegistry *DatanetRegistrySession) MAXURI() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXURI(&_DatanetRegistry.CallOpts)
}

// MAXURI is a free data retrieval call binding the contract method 0x6192ed46.
//
// Solidity: function MAX_URI() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCallerSession) MAXURI() (*big.Int, error) {
	return _DatanetRegistry.Contract.MAXURI(&_DatanetRegistry.CallOpts)
}

// ContributionByContent is a free data retrieval call binding the contract method 0xce2cee25.
//
// Solidity: function contributionByContent(uint256 datanetId, bytes32 contentHash) view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCaller) ContributionByContent(opts *bind.CallOpts, datanetId *big.Int, contentHash [32]byte) (*big.Int, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "contributionByContent", datanetId, contentHash)

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ContributionByContent is a free data retrieval call binding the contract method 0xce2cee25.
//
// Solidity: function contributionByContent(uint256 datanetId, bytes32 contentHash) view returns(uint256)
func (_DatanetRegistry *DatanetRegistrySession) ContributionByContent(datanetId *big.Int, contentHash [32]byte) (*big.Int, error) {
	return _DatanetRegistry.Contract.ContributionByContent(&_DatanetRegistry.CallOpts, datanetId, contentHash)
}

// ContributionByContent is a free data retrieval call binding the contract method 0xce2cee25.
//
// Solidity: function contributionByContent(uint256 datanetId, bytes32 contentHash) view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCallerSession) ContributionByContent(datanetId *big.Int, contentHash [32]byte) (*big.Int, error) {
	return _DatanetRegistry.Contract.ContributionByContent(&_DatanetRegistry.CallOpts, datanetId, contentHash)
}

// ContributionCount is a free data retrieval call binding the contract method 0x5b18056b.
//
// Solidity: function contributionCount() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCaller) ContributionCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "contributionCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// ContributionCount is a free data retrieval call binding the contract method 0x5b18056b.
//
// Solidity: function contributionCount() view returns(uint256)
func (_DatanetRegistry *DatanetRegistrySession) ContributionCount() (*big.Int, error) {
	return _DatanetRegistry.Contract.ContributionCount(&_DatanetRegistry.CallOpts)
}

// ContributionCount is a free data retrieval call binding the contract method 0x5b18056b.
//
// Solidity: function contributionCount() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCallerSession) ContributionCount() (*big.Int, error) {
	return _DatanetRegistry.Contract.ContributionCount(&_DatanetRegistry.CallOpts)
}

// ContributorStats is a free data retrieval call binding the contract method 0x1d7e3be7.
//
// Solidity: function contributorStats(uint256 datanetId, address contributor) view returns((uint32,uint32,uint32,uint32,uint64,uint64,uint32))
func (_DatanetRegistry *DatanetRegistryCaller) ContributorStats(opts *bind.CallOpts, datanetId *big.Int, contributor common.Address) (DatanetRegistryStats, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "contributorStats", datanetId, contributor)

	if err != nil {
		return *new(DatanetRegistryStats), err
	}

	out0 := *abi.ConvertType(out[0], new(DatanetRegistryStats)).(*DatanetRegistryStats)

	return out0, err

}

// ContributorStats is a free data retrieval call binding the contract method 0x1d7e3be7.
//
// Solidity: function contributorStats(uint256 datanetId, address contributor) view returns((uint32,uint32,uint32,uint32,uint64,uint64,uint32))
func (_DatanetRegistry *DatanetRegistrySession) ContributorStats(datanetId *big.Int, contributor common.Address) (DatanetRegistryStats, error) {
	return _DatanetRegistry.Contract.ContributorStats(&_DatanetRegistry.CallOpts, datanetId, contributor)
}

// ContributorStats is a free data retrieval call binding the contract method 0x1d7e3be7.
//
// Solidity: function contributorStats(uint256 datanetId, address contributor) view returns((uint32,uint32,uint32,uint32,uint64,uint64,uint32))
func (_DatanetRegistry *DatanetRegistryCallerSession) ContributorStats(datanetId *big.Int, contributor common.Address) (DatanetRegistryStats, error) {
	return _DatanetRegistry.Contract.ContributorStats(&_DatanetRegistry.CallOpts, datanetId, contributor)
}

// DatanetCount is a free data retrieval call binding the contract method 0x49f62af4.
//
// Solidity: function datanetCount() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCaller) DatanetCount(opts *bind.CallOpts) (*big.Int, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "datanetCount")

	if err != nil {
		return *new(*big.Int), err
	}

	out0 := *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)

	return out0, err

}

// DatanetCount is a free data retrieval call binding the contract method 0x49f62af4.
//
// Solidity: function datanetCount() view returns(uint256)
func (_DatanetRegistry *DatanetRegistrySession) DatanetCount() (*big.Int, error) {
	return _DatanetRegistry.Contract.DatanetCount(&_DatanetRegistry.CallOpts)
}

// DatanetCount is a free data retrieval call binding the contract method 0x49f62af4.
//
// Solidity: function datanetCount() view returns(uint256)
func (_DatanetRegistry *DatanetRegistryCallerSession) DatanetCount() (*big.Int, error) {
	return _DatanetRegistry.Contract.DatanetCount(&_DatanetRegistry.CallOpts)
}

// GetContribution is a free data retrieval call binding the contract method 0xcef42254.
//
// Solidity: function getContribution(uint256 contributionId) view returns((address,uint64,uint8,bool,uint96,uint64,uint48,uint48,bytes32))
func (_DatanetRegistry *DatanetRegistryCaller) GetContribution(opts *bind.CallOpts, contributionId *big.Int) (DatanetRegistryContribution, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "getContribution", contributionId)

	if err != nil {
		return *new(DatanetRegistryContribution), err
	}

	out0 := *abi.ConvertType(out[0], new(DatanetRegistryContribution)).(*DatanetRegistryContribution)

	return out0, err

}

// GetContribution is a free data retrieval call binding the contract method 0xcef42254.
//
// Solidity: function getContribution(uint256 contributionId) view returns((address,uint64,uint8,bool,uint96,uint64,uint48,uint48,bytes32))
func (_DatanetRegistry *DatanetRegistrySession) GetContribution(contributionId *big.Int) (DatanetRegistryContribution, error) {
	return _DatanetRegistry.Contract.GetContribution(&_DatanetRegistry.CallOpts, contributionId)
}

// GetContribution is a free data retrieval call binding the contract method 0xcef42254.
//
// Solidity: function getContribution(uint256 contributionId) view returns((address,uint64,uint8,bool,uint96,uint64,uint48,uint48,bytes32))
func (_DatanetRegistry *DatanetRegistryCallerSession) GetContribution(contributionId *big.Int) (DatanetRegistryContribution, error) {
	return _DatanetRegistry.Contract.GetContribution(&_DatanetRegistry.CallOpts, contributionId)
}

// GetDatanet is a free data retrieval call binding the contract method 0x6add54ee.
//
// Solidity: function getDatanet(uint256 datanetId) view returns((address,uint64,uint32,address,uint96,uint64,uint64,uint64,uint64,string,string,string))
func (_DatanetRegistry *DatanetRegistryCaller) GetDatanet(opts *bind.CallOpts, datanetId *big.Int) (DatanetRegistryDatanet, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "getDatanet", datanetId)

	if err != nil {
		return *new(DatanetRegistryDatanet), err
	}

	out0 := *abi.ConvertType(out[0], new(DatanetRegistryDatanet)).(*DatanetRegistryDatanet)

	return out0, err

}

// GetDatanet is a free data retrieval call binding the contract method 0x6add54ee.
//
// Solidity: function getDatanet(uint256 datanetId) view returns((address,uint64,uint32,address,uint96,uint64,uint64,uint64,uint64,string,string,string))
func (_DatanetRegistry *DatanetRegistrySession) GetDatanet(datanetId *big.Int) (DatanetRegistryDatanet, error) {
	return _DatanetRegistry.Contract.GetDatanet(&_DatanetRegistry.CallOpts, datanetId)
}

// GetDatanet is a free data retrieval call binding the contract method 0x6add54ee.
//
// Solidity: function getDatanet(uint256 datanetId) view returns((address,uint64,uint32,address,uint96,uint64,uint64,uint64,uint64,string,string,string))
func (_DatanetRegistry *DatanetRegistryCallerSession) GetDatanet(datanetId *big.Int) (DatanetRegistryDatanet, error) {
	return _DatanetRegistry.Contract.GetDatanet(&_DatanetRegistry.CallOpts, datanetId)
}

// GetVersion is a free data retrieval call binding the contract method 0x6987b075.
//
// Solidity: function getVersion(uint256 datanetId, uint256 version) view returns((bytes32,bytes32,bytes32,uint64,uint64,uint64,uint48,bool))
func (_DatanetRegistry *DatanetRegistryCaller) GetVersion(opts *bind.CallOpts, datanetId *big.Int, version *big.Int) (DatanetRegistryVersion, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "getVersion", datanetId, version)

	if err != nil {
		return *new(DatanetRegistryVersion), err
	}

	out0 := *abi.ConvertType(out[0], new(DatanetRegistryVersion)).(*DatanetRegistryVersion)

	return out0, err

}

// GetVersion is a free data retrieval call binding the contract method 0x6987b075.
//
// Solidity: function getVersion(uint256 datanetId, uint256 version) view returns((bytes32,bytes32,bytes32,uint64,uint64,uint64,uint48,bool))
func (_DatanetRegistry *DatanetRegistrySession) GetVersion(datanetId *big.Int, version *big.Int) (DatanetRegistryVersion, error) {
	return _DatanetRegistry.Contract.GetVersion(&_DatanetRegistry.CallOpts, datanetId, version)
}

// GetVersion is a free data retrieval call binding the contract method 0x6987b075.
//
// Solidity: function getVersion(uint256 datanetId, uint256 version) view returns((bytes32,bytes32,bytes32,uint64,uint64,uint64,uint48,bool))
func (_DatanetRegistry *DatanetRegistryCallerSession) GetVersion(datanetId *big.Int, version *big.Int) (DatanetRegistryVersion, error) {
	return _DatanetRegistry.Contract.GetVersion(&_DatanetRegistry.CallOpts, datanetId, version)
}

// IsCurator is a free data retrieval call binding the contract method 0xb4e612bd.
//
// Solidity: function isCurator(uint256 datanetId, address account) view returns(bool)
func (_DatanetRegistry *DatanetRegistryCaller) IsCurator(opts *bind.CallOpts, datanetId *big.Int, account common.Address) (bool, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "isCurator", datanetId, account)

	if err != nil {
		return *new(bool), err
	}

	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)

	return out0, err

}

// IsCurator is a free data retrieval call binding the contract method 0xb4e612bd.
//
// Solidity: function isCurator(uint256 datanetId, address account) view returns(bool)
func (_DatanetRegistry *DatanetRegistrySession) IsCurator(datanetId *big.Int, account common.Address) (bool, error) {
	return _DatanetRegistry.Contract.IsCurator(&_DatanetRegistry.CallOpts, datanetId, account)
}

// IsCurator is a free data retrieval call binding the contract method 0xb4e612bd.
//
// Solidity: function isCurator(uint256 datanetId, address account) view returns(bool)
func (_DatanetRegistry *DatanetRegistryCallerSession) IsCurator(datanetId *big.Int, account common.Address) (bool, error) {
	return _DatanetRegistry.Contract.IsCurator(&_DatanetRegistry.CallOpts, datanetId, account)
}

// PoolImplementation is a free data retrieval call binding the contract method 0xcefa7799.
//
// Solidity: function poolImplementation() view returns(address)
func (_DatanetRegistry *DatanetRegistryCaller) PoolImplementation(opts *bind.CallOpts) (common.Address, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "poolImplementation")

	if err != nil {
		return *new(common.Address), err
	}

	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)

	return out0, err

}

// PoolImplementation is a free data retrieval call binding the contract method 0xcefa7799.
//
// Solidity: function poolImplementation() view returns(address)
func (_DatanetRegistry *DatanetRegistrySession) PoolImplementation() (common.Address, error) {
	return _DatanetRegistry.Contract.PoolImplementation(&_DatanetRegistry.CallOpts)
}

// PoolImplementation is a free data retrieval call binding the contract method 0xcefa7799.
//
// Solidity: function poolImplementation() view returns(address)
func (_DatanetRegistry *DatanetRegistryCallerSession) PoolImplementation() (common.Address, error) {
	return _DatanetRegistry.Contract.PoolImplementation(&_DatanetRegistry.CallOpts)
}

// VersionOfRoot is a free data retrieval call binding the contract method 0x3a25cbd4.
//
// Solidity: function versionOfRoot(bytes32 root) view returns(uint256 datanetId, uint256 version)
func (_DatanetRegistry *DatanetRegistryCaller) VersionOfRoot(opts *bind.CallOpts, root [32]byte) (struct {
	DatanetId *big.Int
	Version   *big.Int
}, error) {
	var out []interface{}
	err := _DatanetRegistry.contract.Call(opts, &out, "versionOfRoot", root)

	outstruct := new(struct {
		DatanetId *big.Int
		Version   *big.Int
	})
	if err != nil {
		return *outstruct, err
	}

	outstruct.DatanetId = *abi.ConvertType(out[0], new(*big.Int)).(**big.Int)
	outstruct.Version = *abi.ConvertType(out[1], new(*big.Int)).(**big.Int)

	return *outstruct, err

}

// VersionOfRoot is a free data retrieval call binding the contract method 0x3a25cbd4.
//
// Solidity: function versionOfRoot(bytes32 root) view returns(uint256 datanetId, uint256 version)
func (_DatanetRegistry *DatanetRegistrySession) VersionOfRoot(root [32]byte) (struct {
	DatanetId *big.Int
	Version   *big.Int
}, error) {
	return _DatanetRegistry.Contract.VersionOfRoot(&_DatanetRegistry.CallOpts, root)
}

// VersionOfRoot is a free data retrieval call binding the contract method 0x3a25cbd4.
//
// Solidity: function versionOfRoot(bytes32 root) view returns(uint256 datanetId, uint256 version)
func (_DatanetRegistry *DatanetRegistryCallerSession) VersionOfRoot(root [32]byte) (struct {
	DatanetId *big.Int
	Version   *big.Int
}, error) {
	return _DatanetRegistry.Contract.VersionOfRoot(&_DatanetRegistry.CallOpts, root)
}

// Create is a paid mutator transaction binding the contract method 0x6c9d6fac.
//
// Solidity: function create((string,string,string,uint32,uint96,uint64) config) returns(uint256 datanetId)
func (_DatanetRegistry *DatanetRegistryTransactor) Create(opts *bind.TransactOpts, config DatanetRegistryConfig) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "create", config)
}

// Create is a paid mutator transaction binding the contract method 0x6c9d6fac.
//
// Solidity: function create((string,string,string,uint32,uint96,uint64) config) returns(uint256 datanetId)
func (_DatanetRegistry *DatanetRegistrySession) Create(config DatanetRegistryConfig) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Create(&_DatanetRegistry.TransactOpts, config)
}

// Create is a paid mutator transaction binding the contract method 0x6c9d6fac.
//
// Solidity: function create((string,string,string,uint32,uint96,uint64) config) returns(uint256 datanetId)
func (_DatanetRegistry *DatanetRegistryTransactorSession) Create(config DatanetRegistryConfig) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Create(&_DatanetRegistry.TransactOpts, config)
}

// ExtendVersion is a paid mutator transaction binding the contract method 0x715e5713.
//
// Solidity: function extendVersion(uint256 datanetId, uint256[] ids) returns()
func (_DatanetRegistry *DatanetRegistryTransactor) ExtendVersion(opts *bind.TransactOpts, datanetId *big.Int, ids []*big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "extendVersion", datanetId, ids)
}

// ExtendVersion is a paid mutator transaction binding the contract method 0x715e5713.
//
// Solidity: function extendVersion(uint256 datanetId, uint256[] ids) returns()
func (_DatanetRegistry *DatanetRegistrySession) ExtendVersion(datanetId *big.Int, ids []*big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.ExtendVersion(&_DatanetRegistry.TransactOpts, datanetId, ids)
}

// ExtendVersion is a paid mutator transaction binding the contract method 0x715e5713.
//
// Solidity: function extendVersion(uint256 datanetId, uint256[] ids) returns()
func (_DatanetRegistry *DatanetRegistryTransactorSession) ExtendVersion(datanetId *big.Int, ids []*big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.ExtendVersion(&_DatanetRegistry.TransactOpts, datanetId, ids)
}

// Flag is a paid mutator transaction binding the contract method 0xdb8b7da3.
//
// Solidity: function flag(uint256 contributionId, string reason) returns()
func (_DatanetRegistry *DatanetRegistryTransactor) Flag(opts *bind.TransactOpts, contributionId *big.Int, reason string) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "flag", contributionId, reason)
}

// Flag is a paid mutator transaction binding the contract method 0xdb8b7da3.
//
// Solidity: function flag(uint256 contributionId, string reason) returns()
func (_DatanetRegistry *DatanetRegistrySession) Flag(contributionId *big.Int, reason string) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Flag(&_DatanetRegistry.TransactOpts, contributionId, reason)
}

// Flag is a paid mutator transaction binding the contract method 0xdb8b7da3.
//
// Solidity: function flag(uint256 contributionId, string reason) returns()
func (_DatanetRegistry *DatanetRegistryTransactorSession) Flag(contributionId *big.Int, reason string) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Flag(&_DatanetRegistry.TransactOpts, contributionId, reason)
}

// Publish is a paid mutator transaction binding the contract method 0x304b7d30.
//
// Solidity: function publish(uint256 datanetId, (bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint64,uint64,string) input, uint256[] ids) returns(uint256 version)
func (_DatanetRegistry *DatanetRegistryTransactor) Publish(opts *bind.TransactOpts, datanetId *big.Int, input DatanetRegistryVersionInput, ids []*big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "publish", datanetId, input, ids)
}

// Publish is a paid mutator transaction binding the contract method 0x304b7d30.
//
// Solidity: function publish(uint256 datanetId, (bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint64,uint64,string) input, uint256[] ids) returns(uint256 version)
func (_DatanetRegistry *DatanetRegistrySession) Publish(datanetId *big.Int, input DatanetRegistryVersionInput, ids []*big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Publish(&_DatanetRegistry.TransactOpts, datanetId, input, ids)
}

// Publish is a paid mutator transaction binding the contract method 0x304b7d30.
//
// Solidity: function publish(uint256 datanetId, (bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint64,uint64,string) input, uint256[] ids) returns(uint256 version)
func (_DatanetRegistry *DatanetRegistryTransactorSession) Publish(datanetId *big.Int, input DatanetRegistryVersionInput, ids []*big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Publish(&_DatanetRegistry.TransactOpts, datanetId, input, ids)
}

// Review is a paid mutator transaction binding the contract method 0x3ce677bb.
//
// Solidity: function review(uint256 contributionId, bool accept, string reason) returns()
func (_DatanetRegistry *DatanetRegistryTransactor) Review(opts *bind.TransactOpts, contributionId *big.Int, accept bool, reason string) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "review", contributionId, accept, reason)
}

// Review is a paid mutator transaction binding the contract method 0x3ce677bb.
//
// Solidity: function review(uint256 contributionId, bool accept, string reason) returns()
func (_DatanetRegistry *DatanetRegistrySession) Review(contributionId *big.Int, accept bool, reason string) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Review(&_DatanetRegistry.TransactOpts, contributionId, accept, reason)
}

// Review is a paid mutator transaction binding the contract method 0x3ce677bb.
//
// Solidity: function review(uint256 contributionId, bool accept, string reason) returns()
func (_DatanetRegistry *DatanetRegistryTransactorSession) Review(contributionId *big.Int, accept bool, reason string) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Review(&_DatanetRegistry.TransactOpts, contributionId, accept, reason)
}

// SetCurator is a paid mutator transaction binding the contract method 0xe59f1b2a.
//
// Solidity: function setCurator(uint256 datanetId, address curator, bool enabled) returns()
func (_DatanetRegistry *DatanetRegistryTransactor) SetCurator(opts *bind.TransactOpts, datanetId *big.Int, curator common.Address, enabled bool) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "setCurator", datanetId, curator, enabled)
}

// SetCurator is a paid mutator transaction binding the contract method 0xe59f1b2a.
//
// Solidity: function setCurator(uint256 datanetId, address curator, bool enabled) returns()
func (_DatanetRegistry *DatanetRegistrySession) SetCurator(datanetId *big.Int, curator common.Address, enabled bool) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.SetCurator(&_DatanetRegistry.TransactOpts, datanetId, curator, enabled)
}

// SetCurator is a paid mutator transaction binding the contract method 0xe59f1b2a.
//
// Solidity: function setCurator(uint256 datanetId, address curator, bool enabled) returns()
func (_DatanetRegistry *DatanetRegistryTransactorSession) SetCurator(datanetId *big.Int, curator common.Address, enabled bool) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.SetCurator(&_DatanetRegistry.TransactOpts, datanetId, curator, enabled)
}

// Submit is a paid mutator transaction binding the contract method 0x11311ec3.
//
// Solidity: function submit(uint256 datanetId, bytes32 contentHash, uint64 size, string metadataURI) payable returns(uint256 contributionId)
func (_DatanetRegistry *DatanetRegistryTransactor) Submit(opts *bind.TransactOpts, datanetId *big.Int, contentHash [32]byte, size uint64, metadataURI string) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "submit", datanetId, contentHash, size, metadataURI)
}

// Submit is a paid mutator transaction binding the contract method 0x11311ec3.
//
// Solidity: function submit(uint256 datanetId, bytes32 contentHash, uint64 size, string metadataURI) payable returns(uint256 contributionId)
func (_DatanetRegistry *DatanetRegistrySession) Submit(datanetId *big.Int, contentHash [32]byte, size uint64, metadataURI string) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Submit(&_DatanetRegistry.TransactOpts, datanetId, contentHash, size, metadataURI)
}

// Submit is a paid mutator transaction binding the contract method 0x11311ec3.
//
// Solidity: function submit(uint256 datanetId, bytes32 contentHash, uint64 size, string metadataURI) payable returns(uint256 contributionId)
func (_DatanetRegistry *DatanetRegistryTransactorSession) Submit(datanetId *big.Int, contentHash [32]byte, size uint64, metadataURI string) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.Submit(&_DatanetRegistry.TransactOpts, datanetId, contentHash, size, metadataURI)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0x29507f73.
//
// Solidity: function transferOwnership(uint256 datanetId, address newOwner) returns()
func (_DatanetRegistry *DatanetRegistryTransactor) TransferOwnership(opts *bind.TransactOpts, datanetId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "transferOwnership", datanetId, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0x29507f73.
//
// Solidity: function transferOwnership(uint256 datanetId, address newOwner) returns()
func (_DatanetRegistry *DatanetRegistrySession) TransferOwnership(datanetId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.TransferOwnership(&_DatanetRegistry.TransactOpts, datanetId, newOwner)
}

// TransferOwnership is a paid mutator transaction binding the contract method 0x29507f73.
//
// Solidity: function transferOwnership(uint256 datanetId, address newOwner) returns()
func (_DatanetRegistry *DatanetRegistryTransactorSession) TransferOwnership(datanetId *big.Int, newOwner common.Address) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.TransferOwnership(&_DatanetRegistry.TransactOpts, datanetId, newOwner)
}

// WithdrawStake is a paid mutator transaction binding the contract method 0x25d5971f.
//
// Solidity: function withdrawStake(uint256 contributionId) returns(uint256 amount)
func (_DatanetRegistry *DatanetRegistryTransactor) WithdrawStake(opts *bind.TransactOpts, contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.contract.Transact(opts, "withdrawStake", contributionId)
}

// WithdrawStake is a paid mutator transaction binding the contract method 0x25d5971f.
//
// Solidity: function withdrawStake(uint256 contributionId) returns(uint256 amount)
func (_DatanetRegistry *DatanetRegistrySession) WithdrawStake(contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.WithdrawStake(&_DatanetRegistry.TransactOpts, contributionId)
}

// WithdrawStake is a paid mutator transaction binding the contract method 0x25d5971f.
//
// Solidity: function withdrawStake(uint256 contributionId) returns(uint256 amount)
func (_DatanetRegistry *DatanetRegistryTransactorSession) WithdrawStake(contributionId *big.Int) (*types.Transaction, error) {
	return _DatanetRegistry.Contract.WithdrawStake(&_DatanetRegistry.TransactOpts, contributionId)
}

// DatanetRegistryContributionFlaggedIterator is returned from FilterContributionFlagged and is used to iterate over the raw logs and unpacked data for ContributionFlagged events raised by the DatanetRegistry contract.
type DatanetRegistryContributionFlaggedIterator struct {
	Event *DatanetRegistryContributionFlagged // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryContributionFlaggedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryContributionFlagged)
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
		it.Event = new(DatanetRegistryContributionFlagged)
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
func (it *DatanetRegistryContributionFlaggedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryContributionFlaggedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryContributionFlagged represents a ContributionFlagged event raised by the DatanetRegistry contract.
type DatanetRegistryContributionFlagged struct {
	ContributionId *big.Int
	DatanetId      *big.Int
	Curator        common.Address
	Slashed        *big.Int
	Reason         string
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterContributionFlagged is a free log retrieval operation binding the contract event 0x487a94053ef83e2b421d3977ca8bd7bcadf78fa7b0f1242e080cba183ad4d2d1.
//
// Solidity: event ContributionFlagged(uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, uint256 slashed, string reason)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterContributionFlagged(opts *bind.FilterOpts, contributionId []*big.Int, datanetId []*big.Int, curator []common.Address) (*DatanetRegistryContributionFlaggedIterator, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var curatorRule []interface{}
	for _, curatorItem := range curator {
		curatorRule = append(curatorRule, curatorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "ContributionFlagged", contributionIdRule, datanetIdRule, curatorRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryContributionFlaggedIterator{contract: _DatanetRegistry.contract, event: "ContributionFlagged", logs: logs, sub: sub}, nil
}

// WatchContributionFlagged is a free log subscription operation binding the contract event 0x487a94053ef83e2b421d3977ca8bd7bcadf78fa7b0f1242e080cba183ad4d2d1.
//
// Solidity: event ContributionFlagged(uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, uint256 slashed, string reason)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchContributionFlagged(opts *bind.WatchOpts, sink chan<- *DatanetRegistryContributionFlagged, contributionId []*big.Int, datanetId []*big.Int, curator []common.Address) (event.Subscription, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var curatorRule []interface{}
	for _, curatorItem := range curator {
		curatorRule = append(curatorRule, curatorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "ContributionFlagged", contributionIdRule, datanetIdRule, curatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryContributionFlagged)
				if err := _DatanetRegistry.contract.UnpackLog(event, "ContributionFlagged", log); err != nil {
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

// ParseContributionFlagged is a log parse operation binding the contract event 0x487a94053ef83e2b421d3977ca8bd7bcadf78fa7b0f1242e080cba183ad4d2d1.
//
// Solidity: event ContributionFlagged(uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, uint256 slashed, string reason)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseContributionFlagged(log types.Log) (*DatanetRegistryContributionFlagged, error) {
	event := new(DatanetRegistryContributionFlagged)
	if err := _DatanetRegistry.contract.UnpackLog(event, "ContributionFlagged", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryContributionReviewedIterator is returned from FilterContributionReviewed and is used to iterate over the raw logs and unpacked data for ContributionReviewed events raised by the DatanetRegistry contract.
type DatanetRegistryContributionReviewedIterator struct {
	Event *DatanetRegistryContributionReviewed // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryContributionReviewedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryContributionReviewed)
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
		it.Event = new(DatanetRegistryContributionReviewed)
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
func (it *DatanetRegistryContributionReviewedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryContributionReviewedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryContributionReviewed represents a ContributionReviewed event raised by the DatanetRegistry contract.
type DatanetRegistryContributionReviewed struct {
	ContributionId *big.Int
	DatanetId      *big.Int
	Curator        common.Address
	Status         uint8
	Reason         string
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterContributionReviewed is a free log retrieval operation binding the contract event 0x841fc2d72eaa4f8b34fae56e8e0c5084fa2e08d14b7f54cc1cfdb3fe4cd38398.
//
// Solidity: event ContributionReviewed(uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, uint8 status, string reason)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterContributionReviewed(opts *bind.FilterOpts, contributionId []*big.Int, datanetId []*big.Int, curator []common.Address) (*DatanetRegistryContributionReviewedIterator, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var curatorRule []interface{}
	for _, curatorItem := range curator {
		curatorRule = append(curatorRule, curatorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "ContributionReviewed", contributionIdRule, datanetIdRule, curatorRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryContributionReviewedIterator{contract: _DatanetRegistry.contract, event: "ContributionReviewed", logs: logs, sub: sub}, nil
}

// WatchContributionReviewed is a free log subscription operation binding the contract event 0x841fc2d72eaa4f8b34fae56e8e0c5084fa2e08d14b7f54cc1cfdb3fe4cd38398.
//
// Solidity: event ContributionReviewed(uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, uint8 status, string reason)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchContributionReviewed(opts *bind.WatchOpts, sink chan<- *DatanetRegistryContributionReviewed, contributionId []*big.Int, datanetId []*big.Int, curator []common.Address) (event.Subscription, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var curatorRule []interface{}
	for _, curatorItem := range curator {
		curatorRule = append(curatorRule, curatorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "ContributionReviewed", contributionIdRule, datanetIdRule, curatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryContributionReviewed)
				if err := _DatanetRegistry.contract.UnpackLog(event, "ContributionReviewed", log); err != nil {
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

// ParseContributionReviewed is a log parse operation binding the contract event 0x841fc2d72eaa4f8b34fae56e8e0c5084fa2e08d14b7f54cc1cfdb3fe4cd38398.
//
// Solidity: event ContributionReviewed(uint256 indexed contributionId, uint256 indexed datanetId, address indexed curator, uint8 status, string reason)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseContributionReviewed(log types.Log) (*DatanetRegistryContributionReviewed, error) {
	event := new(DatanetRegistryContributionReviewed)
	if err := _DatanetRegistry.contract.UnpackLog(event, "ContributionReviewed", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryContributionSubmittedIterator is returned from FilterContributionSubmitted and is used to iterate over the raw logs and unpacked data for ContributionSubmitted events raised by the DatanetRegistry contract.
type DatanetRegistryContributionSubmittedIterator struct {
	Event *DatanetRegistryContributionSubmitted // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryContributionSubmittedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryContributionSubmitted)
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
		it.Event = new(DatanetRegistryContributionSubmitted)
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
func (it *DatanetRegistryContributionSubmittedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryContributionSubmittedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryContributionSubmitted represents a ContributionSubmitted event raised by the DatanetRegistry contract.
type DatanetRegistryContributionSubmitted struct {
	ContributionId *big.Int
	DatanetId      *big.Int
	Contributor    common.Address
	ContentHash    [32]byte
	Size           uint64
	Stake          *big.Int
	MetadataURI    string
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterContributionSubmitted is a free log retrieval operation binding the contract event 0xfa3313aab2be2df1572459cb8df2674fee5eb90818a7cf519574b86d7698d46f.
//
// Solidity: event ContributionSubmitted(uint256 indexed contributionId, uint256 indexed datanetId, address indexed contributor, bytes32 contentHash, uint64 size, uint256 stake, string metadataURI)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterContributionSubmitted(opts *bind.FilterOpts, contributionId []*big.Int, datanetId []*big.Int, contributor []common.Address) (*DatanetRegistryContributionSubmittedIterator, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "ContributionSubmitted", contributionIdRule, datanetIdRule, contributorRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryContributionSubmittedIterator{contract: _DatanetRegistry.contract, event: "ContributionSubmitted", logs: logs, sub: sub}, nil
}

// WatchContributionSubmitted is a free log subscription operation binding the contract event 0xfa3313aab2be2df1572459cb8df2674fee5eb90818a7cf519574b86d7698d46f.
//
// Solidity: event ContributionSubmitted(uint256 indexed contributionId, uint256 indexed datanetId, address indexed contributor, bytes32 contentHash, uint64 size, uint256 stake, string metadataURI)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchContributionSubmitted(opts *bind.WatchOpts, sink chan<- *DatanetRegistryContributionSubmitted, contributionId []*big.Int, datanetId []*big.Int, contributor []common.Address) (event.Subscription, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "ContributionSubmitted", contributionIdRule, datanetIdRule, contributorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryContributionSubmitted)
				if err := _DatanetRegistry.contract.UnpackLog(event, "ContributionSubmitted", log); err != nil {
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

// ParseContributionSubmitted is a log parse operation binding the contract event 0xfa3313aab2be2df1572459cb8df2674fee5eb90818a7cf519574b86d7698d46f.
//
// Solidity: event ContributionSubmitted(uint256 indexed contributionId, uint256 indexed datanetId, address indexed contributor, bytes32 contentHash, uint64 size, uint256 stake, string metadataURI)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseContributionSubmitted(log types.Log) (*DatanetRegistryContributionSubmitted, error) {
	event := new(DatanetRegistryContributionSubmitted)
	if err := _DatanetRegistry.contract.UnpackLog(event, "ContributionSubmitted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryCuratorSetIterator is returned from FilterCuratorSet and is used to iterate over the raw logs and unpacked data for CuratorSet events raised by the DatanetRegistry contract.
type DatanetRegistryCuratorSetIterator struct {
	Event *DatanetRegistryCuratorSet // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryCuratorSetIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryCuratorSet)
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
		it.Event = new(DatanetRegistryCuratorSet)
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
func (it *DatanetRegistryCuratorSetIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryCuratorSetIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryCuratorSet represents a CuratorSet event raised by the DatanetRegistry contract.
type DatanetRegistryCuratorSet struct {
	DatanetId *big.Int
	Curator   common.Address
	Enabled   bool
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterCuratorSet is a free log retrieval operation binding the contract event 0x285c5f4767e8772fd13ab04aa5da6414087431e3cbf0984439977f90d2e58897.
//
// Solidity: event CuratorSet(uint256 indexed datanetId, address indexed curator, bool enabled)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterCuratorSet(opts *bind.FilterOpts, datanetId []*big.Int, curator []common.Address) (*DatanetRegistryCuratorSetIterator, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var curatorRule []interface{}
	for _, curatorItem := range curator {
		curatorRule = append(curatorRule, curatorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "CuratorSet", datanetIdRule, curatorRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryCuratorSetIterator{contract: _DatanetRegistry.contract, event: "CuratorSet", logs: logs, sub: sub}, nil
}

// WatchCuratorSet is a free log subscription operation binding the contract event 0x285c5f4767e8772fd13ab04aa5da6414087431e3cbf0984439977f90d2e58897.
//
// Solidity: event CuratorSet(uint256 indexed datanetId, address indexed curator, bool enabled)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchCuratorSet(opts *bind.WatchOpts, sink chan<- *DatanetRegistryCuratorSet, datanetId []*big.Int, curator []common.Address) (event.Subscription, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var curatorRule []interface{}
	for _, curatorItem := range curator {
		curatorRule = append(curatorRule, curatorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "CuratorSet", datanetIdRule, curatorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryCuratorSet)
				if err := _DatanetRegistry.contract.UnpackLog(event, "CuratorSet", log); err != nil {
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

// ParseCuratorSet is a log parse operation binding the contract event 0x285c5f4767e8772fd13ab04aa5da6414087431e3cbf0984439977f90d2e58897.
//
// Solidity: event CuratorSet(uint256 indexed datanetId, address indexed curator, bool enabled)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseCuratorSet(log types.Log) (*DatanetRegistryCuratorSet, error) {
	event := new(DatanetRegistryCuratorSet)
	if err := _DatanetRegistry.contract.UnpackLog(event, "CuratorSet", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryDatanetCreatedIterator is returned from FilterDatanetCreated and is used to iterate over the raw logs and unpacked data for DatanetCreated events raised by the DatanetRegistry contract.
type DatanetRegistryDatanetCreatedIterator struct {
	Event *DatanetRegistryDatanetCreated // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryDatanetCreatedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryDatanetCreated)
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
		it.Event = new(DatanetRegistryDatanetCreated)
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
func (it *DatanetRegistryDatanetCreatedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryDatanetCreatedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryDatanetCreated represents a DatanetCreated event raised by the DatanetRegistry contract.
type DatanetRegistryDatanetCreated struct {
	DatanetId *big.Int
	Owner     common.Address
	Pool      common.Address
	Config    DatanetRegistryConfig
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterDatanetCreated is a free log retrieval operation binding the contract event 0xbc909b4e57fbca34791e2b1a5a1a65704d0f6232728c83dd11f1f4d02d5ad806.
//
// Solidity: event DatanetCreated(uint256 indexed datanetId, address indexed owner, address indexed pool, (string,string,string,uint32,uint96,uint64) config)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterDatanetCreated(opts *bind.FilterOpts, datanetId []*big.Int, owner []common.Address, pool []common.Address) (*DatanetRegistryDatanetCreatedIterator, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var poolRule []interface{}
	for _, poolItem := range pool {
		poolRule = append(poolRule, poolItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "DatanetCreated", datanetIdRule, ownerRule, poolRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryDatanetCreatedIterator{contract: _DatanetRegistry.contract, event: "DatanetCreated", logs: logs, sub: sub}, nil
}

// WatchDatanetCreated is a free log subscription operation binding the contract event 0xbc909b4e57fbca34791e2b1a5a1a65704d0f6232728c83dd11f1f4d02d5ad806.
//
// Solidity: event DatanetCreated(uint256 indexed datanetId, address indexed owner, address indexed pool, (string,string,string,uint32,uint96,uint64) config)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchDatanetCreated(opts *bind.WatchOpts, sink chan<- *DatanetRegistryDatanetCreated, datanetId []*big.Int, owner []common.Address, pool []common.Address) (event.Subscription, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var ownerRule []interface{}
	for _, ownerItem := range owner {
		ownerRule = append(ownerRule, ownerItem)
	}
	var poolRule []interface{}
	for _, poolItem := range pool {
		poolRule = append(poolRule, poolItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "DatanetCreated", datanetIdRule, ownerRule, poolRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryDatanetCreated)
				if err := _DatanetRegistry.contract.UnpackLog(event, "DatanetCreated", log); err != nil {
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

// ParseDatanetCreated is a log parse operation binding the contract event 0xbc909b4e57fbca34791e2b1a5a1a65704d0f6232728c83dd11f1f4d02d5ad806.
//
// Solidity: event DatanetCreated(uint256 indexed datanetId, address indexed owner, address indexed pool, (string,string,string,uint32,uint96,uint64) config)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseDatanetCreated(log types.Log) (*DatanetRegistryDatanetCreated, error) {
	event := new(DatanetRegistryDatanetCreated)
	if err := _DatanetRegistry.contract.UnpackLog(event, "DatanetCreated", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryOwnershipTransferredIterator is returned from FilterOwnershipTransferred and is used to iterate over the raw logs and unpacked data for OwnershipTransferred events raised by the DatanetRegistry contract.
type DatanetRegistryOwnershipTransferredIterator struct {
	Event *DatanetRegistryOwnershipTransferred // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryOwnershipTransferredIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryOwnershipTransferred)
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
		it.Event = new(DatanetRegistryOwnershipTransferred)
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
func (it *DatanetRegistryOwnershipTransferredIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryOwnershipTransferredIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryOwnershipTransferred represents a OwnershipTransferred event raised by the DatanetRegistry contract.
type DatanetRegistryOwnershipTransferred struct {
	DatanetId     *big.Int
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           types.Log // Blockchain specific contextual infos
}

// FilterOwnershipTransferred is a free log retrieval operation binding the contract event 0x16b85f49bf01212961345d3016c9a531894accf62eb7680f2045d79185cc0ec0.
//
// Solidity: event OwnershipTransferred(uint256 indexed datanetId, address indexed previousOwner, address indexed newOwner)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterOwnershipTransferred(opts *bind.FilterOpts, datanetId []*big.Int, previousOwner []common.Address, newOwner []common.Address) (*DatanetRegistryOwnershipTransferredIterator, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "OwnershipTransferred", datanetIdRule, previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryOwnershipTransferredIterator{contract: _DatanetRegistry.contract, event: "OwnershipTransferred", logs: logs, sub: sub}, nil
}

// WatchOwnershipTransferred is a free log subscription operation binding the contract event 0x16b85f49bf01212961345d3016c9a531894accf62eb7680f2045d79185cc0ec0.
//
// Solidity: event OwnershipTransferred(uint256 indexed datanetId, address indexed previousOwner, address indexed newOwner)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchOwnershipTransferred(opts *bind.WatchOpts, sink chan<- *DatanetRegistryOwnershipTransferred, datanetId []*big.Int, previousOwner []common.Address, newOwner []common.Address) (event.Subscription, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var previousOwnerRule []interface{}
	for _, previousOwnerItem := range previousOwner {
		previousOwnerRule = append(previousOwnerRule, previousOwnerItem)
	}
	var newOwnerRule []interface{}
	for _, newOwnerItem := range newOwner {
		newOwnerRule = append(newOwnerRule, newOwnerItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "OwnershipTransferred", datanetIdRule, previousOwnerRule, newOwnerRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryOwnershipTransferred)
				if err := _DatanetRegistry.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
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

// ParseOwnershipTransferred is a log parse operation binding the contract event 0x16b85f49bf01212961345d3016c9a531894accf62eb7680f2045d79185cc0ec0.
//
// Solidity: event OwnershipTransferred(uint256 indexed datanetId, address indexed previousOwner, address indexed newOwner)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseOwnershipTransferred(log types.Log) (*DatanetRegistryOwnershipTransferred, error) {
	event := new(DatanetRegistryOwnershipTransferred)
	if err := _DatanetRegistry.contract.UnpackLog(event, "OwnershipTransferred", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryStakeWithdrawnIterator is returned from FilterStakeWithdrawn and is used to iterate over the raw logs and unpacked data for StakeWithdrawn events raised by the DatanetRegistry contract.
type DatanetRegistryStakeWithdrawnIterator struct {
	Event *DatanetRegistryStakeWithdrawn // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryStakeWithdrawnIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryStakeWithdrawn)
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
		it.Event = new(DatanetRegistryStakeWithdrawn)
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
func (it *DatanetRegistryStakeWithdrawnIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryStakeWithdrawnIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryStakeWithdrawn represents a StakeWithdrawn event raised by the DatanetRegistry contract.
type DatanetRegistryStakeWithdrawn struct {
	ContributionId *big.Int
	Contributor    common.Address
	Amount         *big.Int
	Raw            types.Log // Blockchain specific contextual infos
}

// FilterStakeWithdrawn is a free log retrieval operation binding the contract event 0x459d5aef2c549903c1eeb1736f5728845d5ccf82537ddd5bf8035795eee89263.
//
// Solidity: event StakeWithdrawn(uint256 indexed contributionId, address indexed contributor, uint256 amount)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterStakeWithdrawn(opts *bind.FilterOpts, contributionId []*big.Int, contributor []common.Address) (*DatanetRegistryStakeWithdrawnIterator, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "StakeWithdrawn", contributionIdRule, contributorRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryStakeWithdrawnIterator{contract: _DatanetRegistry.contract, event: "StakeWithdrawn", logs: logs, sub: sub}, nil
}

// WatchStakeWithdrawn is a free log subscription operation binding the contract event 0x459d5aef2c549903c1eeb1736f5728845d5ccf82537ddd5bf8035795eee89263.
//
// Solidity: event StakeWithdrawn(uint256 indexed contributionId, address indexed contributor, uint256 amount)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchStakeWithdrawn(opts *bind.WatchOpts, sink chan<- *DatanetRegistryStakeWithdrawn, contributionId []*big.Int, contributor []common.Address) (event.Subscription, error) {

	var contributionIdRule []interface{}
	for _, contributionIdItem := range contributionId {
		contributionIdRule = append(contributionIdRule, contributionIdItem)
	}
	var contributorRule []interface{}
	for _, contributorItem := range contributor {
		contributorRule = append(contributorRule, contributorItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "StakeWithdrawn", contributionIdRule, contributorRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryStakeWithdrawn)
				if err := _DatanetRegistry.contract.UnpackLog(event, "StakeWithdrawn", log); err != nil {
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

// ParseStakeWithdrawn is a log parse operation binding the contract event 0x459d5aef2c549903c1eeb1736f5728845d5ccf82537ddd5bf8035795eee89263.
//
// Solidity: event StakeWithdrawn(uint256 indexed contributionId, address indexed contributor, uint256 amount)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseStakeWithdrawn(log types.Log) (*DatanetRegistryStakeWithdrawn, error) {
	event := new(DatanetRegistryStakeWithdrawn)
	if err := _DatanetRegistry.contract.UnpackLog(event, "StakeWithdrawn", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryVersionAbandonedIterator is returned from FilterVersionAbandoned and is used to iterate over the raw logs and unpacked data for VersionAbandoned events raised by the DatanetRegistry contract.
type DatanetRegistryVersionAbandonedIterator struct {
	Event *DatanetRegistryVersionAbandoned // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryVersionAbandonedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryVersionAbandoned)
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
		it.Event = new(DatanetRegistryVersionAbandoned)
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
func (it *DatanetRegistryVersionAbandonedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryVersionAbandonedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryVersionAbandoned represents a VersionAbandoned event raised by the DatanetRegistry contract.
type DatanetRegistryVersionAbandoned struct {
	DatanetId *big.Int
	Version   *big.Int
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterVersionAbandoned is a free log retrieval operation binding the contract event 0x347367ae4efaac6aa1d0de1809029f14e3a6ab9d5f56ba1a7ffe8fc1c4095cb3.
//
// Solidity: event VersionAbandoned(uint256 indexed datanetId, uint256 indexed version)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterVersionAbandoned(opts *bind.FilterOpts, datanetId []*big.Int, version []*big.Int) (*DatanetRegistryVersionAbandonedIterator, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var versionRule []interface{}
	for _, versionItem := range version {
		versionRule = append(versionRule, versionItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "VersionAbandoned", datanetIdRule, versionRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryVersionAbandonedIterator{contract: _DatanetRegistry.contract, event: "VersionAbandoned", logs: logs, sub: sub}, nil
}

// WatchVersionAbandoned is a free log subscription operation binding the contract event 0x347367ae4efaac6aa1d0de1809029f14e3a6ab9d5f56ba1a7ffe8fc1c4095cb3.
//
// Solidity: event VersionAbandoned(uint256 indexed datanetId, uint256 indexed version)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchVersionAbandoned(opts *bind.WatchOpts, sink chan<- *DatanetRegistryVersionAbandoned, datanetId []*big.Int, version []*big.Int) (event.Subscription, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var versionRule []interface{}
	for _, versionItem := range version {
		versionRule = append(versionRule, versionItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "VersionAbandoned", datanetIdRule, versionRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryVersionAbandoned)
				if err := _DatanetRegistry.contract.UnpackLog(event, "VersionAbandoned", log); err != nil {
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

// ParseVersionAbandoned is a log parse operation binding the contract event 0x347367ae4efaac6aa1d0de1809029f14e3a6ab9d5f56ba1a7ffe8fc1c4095cb3.
//
// Solidity: event VersionAbandoned(uint256 indexed datanetId, uint256 indexed version)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseVersionAbandoned(log types.Log) (*DatanetRegistryVersionAbandoned, error) {
	event := new(DatanetRegistryVersionAbandoned)
	if err := _DatanetRegistry.contract.UnpackLog(event, "VersionAbandoned", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryVersionPublishedIterator is returned from FilterVersionPublished and is used to iterate over the raw logs and unpacked data for VersionPublished events raised by the DatanetRegistry contract.
type DatanetRegistryVersionPublishedIterator struct {
	Event *DatanetRegistryVersionPublished // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryVersionPublishedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryVersionPublished)
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
		it.Event = new(DatanetRegistryVersionPublished)
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
func (it *DatanetRegistryVersionPublishedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryVersionPublishedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryVersionPublished represents a VersionPublished event raised by the DatanetRegistry contract.
type DatanetRegistryVersionPublished struct {
	DatanetId         *big.Int
	Version           *big.Int
	Root              [32]byte
	ContributionsHash [32]byte
	Documents         uint64
	Raw               types.Log // Blockchain specific contextual infos
}

// FilterVersionPublished is a free log retrieval operation binding the contract event 0xad2356e83372b7eb9a02e5733d78a5941459d3dfb0ad6f0d95f7988b08a66cd8.
//
// Solidity: event VersionPublished(uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, bytes32 contributionsHash, uint64 documents)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterVersionPublished(opts *bind.FilterOpts, datanetId []*big.Int, version []*big.Int, root [][32]byte) (*DatanetRegistryVersionPublishedIterator, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var versionRule []interface{}
	for _, versionItem := range version {
		versionRule = append(versionRule, versionItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "VersionPublished", datanetIdRule, versionRule, rootRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryVersionPublishedIterator{contract: _DatanetRegistry.contract, event: "VersionPublished", logs: logs, sub: sub}, nil
}

// WatchVersionPublished is a free log subscription operation binding the contract event 0xad2356e83372b7eb9a02e5733d78a5941459d3dfb0ad6f0d95f7988b08a66cd8.
//
// Solidity: event VersionPublished(uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, bytes32 contributionsHash, uint64 documents)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchVersionPublished(opts *bind.WatchOpts, sink chan<- *DatanetRegistryVersionPublished, datanetId []*big.Int, version []*big.Int, root [][32]byte) (event.Subscription, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var versionRule []interface{}
	for _, versionItem := range version {
		versionRule = append(versionRule, versionItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "VersionPublished", datanetIdRule, versionRule, rootRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryVersionPublished)
				if err := _DatanetRegistry.contract.UnpackLog(event, "VersionPublished", log); err != nil {
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

// ParseVersionPublished is a log parse operation binding the contract event 0xad2356e83372b7eb9a02e5733d78a5941459d3dfb0ad6f0d95f7988b08a66cd8.
//
// Solidity: event VersionPublished(uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, bytes32 contributionsHash, uint64 documents)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseVersionPublished(log types.Log) (*DatanetRegistryVersionPublished, error) {
	event := new(DatanetRegistryVersionPublished)
	if err := _DatanetRegistry.contract.UnpackLog(event, "VersionPublished", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}

// DatanetRegistryVersionStartedIterator is returned from FilterVersionStarted and is used to iterate over the raw logs and unpacked data for VersionStarted events raised by the DatanetRegistry contract.
type DatanetRegistryVersionStartedIterator struct {
	Event *DatanetRegistryVersionStarted // Event containing the contract specifics and raw log

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
func (it *DatanetRegistryVersionStartedIterator) Next() bool {
	// If the iterator failed, stop iterating
	if it.fail != nil {
		return false
	}
	// If the iterator completed, deliver directly whatever's available
	if it.done {
		select {
		case log := <-it.logs:
			it.Event = new(DatanetRegistryVersionStarted)
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
		it.Event = new(DatanetRegistryVersionStarted)
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
func (it *DatanetRegistryVersionStartedIterator) Error() error {
	return it.fail
}

// Close terminates the iteration process, releasing any pending underlying
// resources.
func (it *DatanetRegistryVersionStartedIterator) Close() error {
	it.sub.Unsubscribe()
	return nil
}

// DatanetRegistryVersionStarted represents a VersionStarted event raised by the DatanetRegistry contract.
type DatanetRegistryVersionStarted struct {
	DatanetId *big.Int
	Version   *big.Int
	Root      [32]byte
	Input     DatanetRegistryVersionInput
	Raw       types.Log // Blockchain specific contextual infos
}

// FilterVersionStarted is a free log retrieval operation binding the contract event 0xa7c5065deae60cd0c2c10c1d0d53395314dda03400567483015f89cac5dfc4fb.
//
// Solidity: event VersionStarted(uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, (bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint64,uint64,string) input)
func (_DatanetRegistry *DatanetRegistryFilterer) FilterVersionStarted(opts *bind.FilterOpts, datanetId []*big.Int, version []*big.Int, root [][32]byte) (*DatanetRegistryVersionStartedIterator, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var versionRule []interface{}
	for _, versionItem := range version {
		versionRule = append(versionRule, versionItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _DatanetRegistry.contract.FilterLogs(opts, "VersionStarted", datanetIdRule, versionRule, rootRule)
	if err != nil {
		return nil, err
	}
	return &DatanetRegistryVersionStartedIterator{contract: _DatanetRegistry.contract, event: "VersionStarted", logs: logs, sub: sub}, nil
}

// WatchVersionStarted is a free log subscription operation binding the contract event 0xa7c5065deae60cd0c2c10c1d0d53395314dda03400567483015f89cac5dfc4fb.
//
// Solidity: event VersionStarted(uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, (bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint64,uint64,string) input)
func (_DatanetRegistry *DatanetRegistryFilterer) WatchVersionStarted(opts *bind.WatchOpts, sink chan<- *DatanetRegistryVersionStarted, datanetId []*big.Int, version []*big.Int, root [][32]byte) (event.Subscription, error) {

	var datanetIdRule []interface{}
	for _, datanetIdItem := range datanetId {
		datanetIdRule = append(datanetIdRule, datanetIdItem)
	}
	var versionRule []interface{}
	for _, versionItem := range version {
		versionRule = append(versionRule, versionItem)
	}
	var rootRule []interface{}
	for _, rootItem := range root {
		rootRule = append(rootRule, rootItem)
	}

	logs, sub, err := _DatanetRegistry.contract.WatchLogs(opts, "VersionStarted", datanetIdRule, versionRule, rootRule)
	if err != nil {
		return nil, err
	}
	return event.NewSubscription(func(quit <-chan struct{}) error {
		defer sub.Unsubscribe()
		for {
			select {
			case log := <-logs:
				// New log arrived, parse the event and forward to the user
				event := new(DatanetRegistryVersionStarted)
				if err := _DatanetRegistry.contract.UnpackLog(event, "VersionStarted", log); err != nil {
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

// ParseVersionStarted is a log parse operation binding the contract event 0xa7c5065deae60cd0c2c10c1d0d53395314dda03400567483015f89cac5dfc4fb.
//
// Solidity: event VersionStarted(uint256 indexed datanetId, uint256 indexed version, bytes32 indexed root, (bytes32,bytes32,bytes32,bytes32,bytes32,bytes32,uint64,uint64,string) input)
func (_DatanetRegistry *DatanetRegistryFilterer) ParseVersionStarted(log types.Log) (*DatanetRegistryVersionStarted, error) {
	event := new(DatanetRegistryVersionStarted)
	if err := _DatanetRegistry.contract.UnpackLog(event, "VersionStarted", log); err != nil {
		return nil, err
	}
	event.Raw = log
	return event, nil
}
