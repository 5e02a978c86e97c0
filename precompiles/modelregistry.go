package precompiles

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Bounds on stored strings (bytes).
const (
	MaxNameLength = 64
	MaxURILength  = 256
)

// ModelRegistry storage (account ModelRegistryAddress).
const (
	slotModelCount   = 0 // uint256
	slotAdapterCount = 1 // uint256
	mapModels        = 2 // modelId => model record
	mapAdapters      = 3 // adapterId => adapter record
	mapModelByHash   = 4 // weightsHash => modelId
	mapAdapterByHash = 5 // adapterHash => adapterId
)

// Model record fields, words after keccak256(modelId . 2).
const (
	modelOwner        = 0
	modelWeightsHash  = 1
	modelPrice        = 2
	modelRegisteredAt = 3
	modelName         = 4 // length, then 2 words
	modelURI          = 7 // length, then 8 words (ends at 15)
)

// Adapter record fields, words after keccak256(adapterId . 3).
const (
	adapterOwner        = 0
	adapterBaseModel    = 1
	adapterHash         = 2
	adapterDatanetRoot  = 3
	adapterPrice        = 4
	adapterRegisteredAt = 5
	adapterURI          = 6 // length, then 8 words (ends at 14)
)

// Model is IModelRegistry.Model.
type Model struct {
	Owner        common.Address `abi:"owner"`
	WeightsHash  [32]byte       `abi:"weightsHash"`
	WeiPerCall   *big.Int       `abi:"weiPerCall"`
	RegisteredAt uint64         `abi:"registeredAt"`
	Name         string         `abi:"name"`
	URI          string         `abi:"uri"`
}

// Adapter is IModelRegistry.Adapter.
type Adapter struct {
	Owner        common.Address `abi:"owner"`
	BaseModelID  *big.Int       `abi:"baseModelId"`
	AdapterHash  [32]byte       `abi:"adapterHash"`
	DatanetRoot  [32]byte       `abi:"datanetRoot"`
	WeiPerCall   *big.Int       `abi:"weiPerCall"`
	RegisteredAt uint64         `abi:"registeredAt"`
	URI          string         `abi:"uri"`
}

func modelBase(id *uint256.Int) common.Hash   { return mappingSlot(word(id), mapModels) }
func adapterBase(id *uint256.Int) common.Hash { return mappingSlot(word(id), mapAdapters) }

// registry reads ModelRegistry storage through a loader: metered from inside
// the precompiles (Attribution reads owners and prices this way), free for
// off-chain readers.
type registry struct{ load loader }

func (r registry) field(base common.Hash, i uint64) (common.Hash, error) {
	return r.load(ModelRegistryAddress, fieldSlot(base, i))
}

// modelOwnerOf returns the owner of a model, the zero address if unknown.
func (r registry) modelOwnerOf(id *uint256.Int) (common.Address, error) {
	w, err := r.field(modelBase(id), modelOwner)
	return wordAddr(w), err
}

func (r registry) modelPriceOf(id *uint256.Int) (*uint256.Int, error) {
	w, err := r.field(modelBase(id), modelPrice)
	return wordOf(w), err
}

// adapterOwnerOf returns the owner of an adapter, the zero address if unknown.
func (r registry) adapterOwnerOf(id *uint256.Int) (common.Address, error) {
	w, err := r.field(adapterBase(id), adapterOwner)
	return wordAddr(w), err
}

// model reads a whole model record; ok is false for an unknown id.
func (r registry) model(id *uint256.Int) (m Model, ok bool, err error) {
	base := modelBase(id)
	var w [4]common.Hash
	for i := range w {
		if w[i], err = r.field(base, uint64(i)); err != nil {
			return Model{}, false, err
		}
		if i == modelOwner && w[i] == (common.Hash{}) {
			return Model{}, false, nil
		}
	}
	m = Model{
		Owner:        wordAddr(w[modelOwner]),
		WeightsHash:  w[modelWeightsHash],
		WeiPerCall:   wordOf(w[modelPrice]).ToBig(),
		RegisteredAt: wordOf(w[modelRegisteredAt]).Uint64(),
	}
	if m.Name, err = loadString(r.load, ModelRegistryAddress, fieldSlot(base, modelName), MaxNameLength); err != nil {
		return Model{}, false, err
	}
	if m.URI, err = loadString(r.load, ModelRegistryAddress, fieldSlot(base, modelURI), MaxURILength); err != nil {
		return Model{}, false, err
	}
	return m, true, nil
}

// adapter reads a whole adapter record; ok is false for an unknown id.
func (r registry) adapter(id *uint256.Int) (a Adapter, ok bool, err error) {
	base := adapterBase(id)
	var w [6]common.Hash
	for i := range w {
		if w[i], err = r.field(base, uint64(i)); err != nil {
			return Adapter{}, false, err
		}
		if i == adapterOwner && w[i] == (common.Hash{}) {
			return Adapter{}, false, nil
		}
	}
	a = Adapter{
		Owner:        wordAddr(w[adapterOwner]),
		BaseModelID:  wordOf(w[adapterBaseModel]).ToBig(),
		AdapterHash:  w[adapterHash],
		DatanetRoot:  w[adapterDatanetRoot],
		WeiPerCall:   wordOf(w[adapterPrice]).ToBig(),
		RegisteredAt: wordOf(w[adapterRegisteredAt]).Uint64(),
	}
	if a.URI, err = loadString(r.load, ModelRegistryAddress, fieldSlot(base, adapterURI), MaxURILength); err != nil {
		return Adapter{}, false, err
	}
	return a, true, nil
}

func (r registry) count(slot uint64) (*uint256.Int, error) {
	w, err := r.load(ModelRegistryAddress, slotAt(slot))
	return wordOf(w), err
}

// ReadModel reads model id from a state; ok is false if it is unknown.
func ReadModel(st StateReader, id uint64) (m Model, ok bool) {
	m, ok, _ = registry{unmetered(st)}.model(uint256.NewInt(id))
	return m, ok
}

// ReadAdapter reads adapter id from a state; ok is false if it is unknown.
func ReadAdapter(st StateReader, id uint64) (a Adapter, ok bool) {
	a, ok, _ = registry{unmetered(st)}.adapter(uint256.NewInt(id))
	return a, ok
}

// ReadModelCount returns the number of registered models.
func ReadModelCount(st StateReader) uint64 {
	n, _ := registry{unmetered(st)}.count(slotModelCount)
	return n.Uint64()
}

// ReadAdapterCount returns the number of registered adapters.
func ReadAdapterCount(st StateReader) uint64 {
	n, _ := registry{unmetered(st)}.count(slotAdapterCount)
	return n.Uint64()
}

func newModelRegistry() *contract {
	return newContract("paichain/ModelRegistry", ModelRegistryAddress, modelRegistryABI, map[string]handler{
		"registerModel":        {write: true, run: registerModel},
		"registerAdapter":      {write: true, run: registerAdapter},
		"setModelPrice":        {write: true, run: setModelPrice},
		"transferModel":        {write: true, run: transferModel},
		"setAdapterPrice":      {write: true, run: setAdapterPrice},
		"transferAdapter":      {write: true, run: transferAdapter},
		"getModel":             {run: getModel},
		"getAdapter":           {run: getAdapter},
		"modelCount":           {run: countOf(slotModelCount, "modelCount")},
		"adapterCount":         {run: countOf(slotAdapterCount, "adapterCount")},
		"modelIdByWeightsHash": {run: idByHash(mapModelByHash, "modelIdByWeightsHash")},
		"adapterIdByHash":      {run: idByHash(mapAdapterByHash, "adapterIdByHash")},
	})
}

func (cl *call) registry() registry { return registry{cl.load} }

// checkString enforces a string argument's bound.
func (cl *call) checkString(s string, max int) error {
	if len(s) > max {
		return cl.contract.fail("TooLong", big.NewInt(int64(len(s))), big.NewInt(int64(max)))
	}
	return nil
}

// nextID increments the counter at slot and returns the new value.
func (cl *call) nextID(slot uint64) (*uint256.Int, error) {
	n, err := cl.registry().count(slot)
	if err != nil {
		return nil, err
	}
	n.AddUint64(n, 1)
	return n, cl.store(slotAt(slot), word(n))
}

func (cl *call) blockNumber() common.Hash {
	return word(uint256.MustFromBig(cl.env.EVM.Context.BlockNumber))
}

func registerModel(cl *call, args []any) ([]byte, error) {
	name, weights, uri := args[0].(string), args[1].([32]byte), args[2].(string)
	if len(name) == 0 || weights == ([32]byte{}) {
		return nil, cl.contract.fail("InvalidInput")
	}
	if err := cl.checkString(name, MaxNameLength); err != nil {
		return nil, err
	}
	if err := cl.checkString(uri, MaxURILength); err != nil {
		return nil, err
	}
	hashSlot := mappingSlot(weights, mapModelByHash)
	prev, err := cl.load(ModelRegistryAddress, hashSlot)
	if err != nil {
		return nil, err
	}
	if prev != (common.Hash{}) {
		return nil, cl.contract.fail("DuplicateModel", weights, wordOf(prev).ToBig())
	}
	id, err := cl.nextID(slotModelCount)
	if err != nil {
		return nil, err
	}
	base := modelBase(id)
	for _, f := range []struct {
		off uint64
		val common.Hash
	}{
		{modelOwner, addrWord(cl.env.Caller)},
		{modelWeightsHash, weights},
		{modelRegisteredAt, cl.blockNumber()},
	} {
		if err := cl.store(fieldSlot(base, f.off), f.val); err != nil {
			return nil, err
		}
	}
	if err := cl.storeString(fieldSlot(base, modelName), name); err != nil {
		return nil, err
	}
	if err := cl.storeString(fieldSlot(base, modelURI), uri); err != nil {
		return nil, err
	}
	if err := cl.store(hashSlot, word(id)); err != nil {
		return nil, err
	}
	if err := cl.emit("ModelRegistered", id.ToBig(), cl.env.Caller, weights); err != nil {
		return nil, err
	}
	return cl.contract.returns("registerModel", id.ToBig())
}

func registerAdapter(cl *call, args []any) ([]byte, error) {
	baseModel, hash, uri, datanet := u256(args[0].(*big.Int)), args[1].([32]byte), args[2].(string), args[3].([32]byte)
	if hash == ([32]byte{}) {
		return nil, cl.contract.fail("InvalidInput")
	}
	if err := cl.checkString(uri, MaxURILength); err != nil {
		return nil, err
	}
	owner, err := cl.registry().modelOwnerOf(baseModel)
	if err != nil {
		return nil, err
	}
	if owner == (common.Address{}) {
		return nil, cl.contract.fail("UnknownModel", baseModel.ToBig())
	}
	hashSlot := mappingSlot(hash, mapAdapterByHash)
	prev, err := cl.load(ModelRegistryAddress, hashSlot)
	if err != nil {
		return nil, err
	}
	if prev != (common.Hash{}) {
		return nil, cl.contract.fail("DuplicateAdapter", hash, wordOf(prev).ToBig())
	}
	id, err := cl.nextID(slotAdapterCount)
	if err != nil {
		return nil, err
	}
	base := adapterBase(id)
	for _, f := range []struct {
		off uint64
		val common.Hash
	}{
		{adapterOwner, addrWord(cl.env.Caller)},
		{adapterBaseModel, word(baseModel)},
		{adapterHash, hash},
		{adapterDatanetRoot, datanet},
		{adapterRegisteredAt, cl.blockNumber()},
	} {
		if err := cl.store(fieldSlot(base, f.off), f.val); err != nil {
			return nil, err
		}
	}
	if err := cl.storeString(fieldSlot(base, adapterURI), uri); err != nil {
		return nil, err
	}
	if err := cl.store(hashSlot, word(id)); err != nil {
		return nil, err
	}
	if err := cl.emit("AdapterRegistered", id.ToBig(), baseModel.ToBig(), cl.env.Caller, hash, datanet); err != nil {
		return nil, err
	}
	return cl.contract.returns("registerAdapter", id.ToBig())
}

// record names one model or adapter for the owner-only setters.
type record struct {
	base    func(*uint256.Int) common.Hash
	unknown string // custom error for an unknown id
	priced  string // event on a price change
	moved   string // event on a transfer
}

var (
	modelRecord   = record{modelBase, "UnknownModel", "ModelPriceSet", "ModelTransferred"}
	adapterRecord = record{adapterBase, "UnknownAdapter", "AdapterPriceSet", "AdapterTransferred"}
)

// authorize checks that the caller owns record id (owner at field 0) and
// returns the record's base slot and owner.
func (cl *call) authorize(rec record, id *uint256.Int) (common.Hash, common.Address, error) {
	base := rec.base(id)
	w, err := cl.load(ModelRegistryAddress, fieldSlot(base, 0))
	if err != nil {
		return common.Hash{}, common.Address{}, err
	}
	owner := wordAddr(w)
	if owner == (common.Address{}) {
		return common.Hash{}, common.Address{}, cl.contract.fail(rec.unknown, id.ToBig())
	}
	if owner != cl.env.Caller {
		return common.Hash{}, common.Address{}, cl.contract.fail("NotOwner")
	}
	return base, owner, nil
}

func setPrice(rec record, priceOff uint64) func(cl *call, args []any) ([]byte, error) {
	return func(cl *call, args []any) ([]byte, error) {
		id, price := u256(args[0].(*big.Int)), args[1].(*big.Int)
		base, _, err := cl.authorize(rec, id)
		if err != nil {
			return nil, err
		}
		if err := cl.store(fieldSlot(base, priceOff), word(u256(price))); err != nil {
			return nil, err
		}
		return nil, cl.emit(rec.priced, id.ToBig(), price)
	}
}

func transfer(rec record) func(cl *call, args []any) ([]byte, error) {
	return func(cl *call, args []any) ([]byte, error) {
		id, to := u256(args[0].(*big.Int)), args[1].(common.Address)
		if to == (common.Address{}) {
			return nil, cl.contract.fail("InvalidInput")
		}
		base, from, err := cl.authorize(rec, id)
		if err != nil {
			return nil, err
		}
		if err := cl.store(fieldSlot(base, 0), addrWord(to)); err != nil {
			return nil, err
		}
		return nil, cl.emit(rec.moved, id.ToBig(), from, to)
	}
}

var (
	setModelPrice   = setPrice(modelRecord, modelPrice)
	transferModel   = transfer(modelRecord)
	setAdapterPrice = setPrice(adapterRecord, adapterPrice)
	transferAdapter = transfer(adapterRecord)
)

func getModel(cl *call, args []any) ([]byte, error) {
	id := u256(args[0].(*big.Int))
	m, ok, err := cl.registry().model(id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, cl.contract.fail("UnknownModel", id.ToBig())
	}
	return cl.contract.returns("getModel", m)
}

func getAdapter(cl *call, args []any) ([]byte, error) {
	id := u256(args[0].(*big.Int))
	a, ok, err := cl.registry().adapter(id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, cl.contract.fail("UnknownAdapter", id.ToBig())
	}
	return cl.contract.returns("getAdapter", a)
}

func countOf(slot uint64, method string) func(cl *call, args []any) ([]byte, error) {
	return func(cl *call, _ []any) ([]byte, error) {
		n, err := cl.registry().count(slot)
		if err != nil {
			return nil, err
		}
		return cl.contract.returns(method, n.ToBig())
	}
}

func idByHash(mapSlot uint64, method string) func(cl *call, args []any) ([]byte, error) {
	return func(cl *call, args []any) ([]byte, error) {
		w, err := cl.load(ModelRegistryAddress, mappingSlot(args[0].([32]byte), mapSlot))
		if err != nil {
			return nil, err
		}
		return cl.contract.returns(method, wordOf(w).ToBig())
	}
}
