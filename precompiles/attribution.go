package precompiles

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/holiman/uint256"
)

// MaxContributors bounds the data contributors credited by one payment.
const MaxContributors = 64

// Attribution storage (account AttributionAddress).
const (
	slotGovernance   = 0 // address
	slotFeeRecipient = 1 // address of the protocol fee recipient
	slotFeePolicy    = 2 // FeePolicy packed by FeePolicy.word; zero = DefaultFeePolicy
	mapClaimable     = 3 // account => wei claimable
)

// Credit roles, IAttribution.Role.
const (
	RoleProtocol uint8 = iota
	RoleModelOwner
	RoleAdapterOwner
	RoleDataContributor
)

// BasisPoints is the denominator of the fee policy.
const BasisPoints = 10_000

// FeePolicy is IAttribution.FeePolicy: the split of a payment in basis points.
type FeePolicy struct {
	ProtocolBps         uint16 `abi:"protocolBps"`
	ModelOwnerBps       uint16 `abi:"modelOwnerBps"`
	AdapterOwnerBps     uint16 `abi:"adapterOwnerBps"`
	DataContributorsBps uint16 `abi:"dataContributorsBps"`
}

// DefaultFeePolicy is 10% protocol, 20% model owner, 20% adapter owner and
// 50% data contributors.
func DefaultFeePolicy() FeePolicy {
	return FeePolicy{ProtocolBps: 1000, ModelOwnerBps: 2000, AdapterOwnerBps: 2000, DataContributorsBps: 5000}
}

var errFeePolicy = errors.New("fee policy shares must sum to 10000 basis points")

// Validate checks that the shares sum to BasisPoints.
func (p FeePolicy) Validate() error {
	sum := uint32(p.ProtocolBps) + uint32(p.ModelOwnerBps) + uint32(p.AdapterOwnerBps) + uint32(p.DataContributorsBps)
	if sum != BasisPoints {
		return fmt.Errorf("%w: got %d", errFeePolicy, sum)
	}
	return nil
}

// word packs the policy into one slot: protocol in bits 0-15, model owner
// 16-31, adapter owner 32-47, data contributors 48-63.
func (p FeePolicy) word() common.Hash {
	v := uint64(p.ProtocolBps) | uint64(p.ModelOwnerBps)<<16 | uint64(p.AdapterOwnerBps)<<32 | uint64(p.DataContributorsBps)<<48
	return word(uint256.NewInt(v))
}

func feePolicyOf(w common.Hash) FeePolicy {
	if w == (common.Hash{}) {
		return DefaultFeePolicy()
	}
	v := wordOf(w).Uint64()
	return FeePolicy{uint16(v), uint16(v >> 16), uint16(v >> 32), uint16(v >> 48)}
}

func claimableSlot(a common.Address) common.Hash { return mappingSlot(addrWord(a), mapClaimable) }

// ReadClaimable returns the wei account can claim.
func ReadClaimable(st StateReader, account common.Address) *big.Int {
	return wordOf(st.GetState(AttributionAddress, claimableSlot(account))).ToBig()
}

// ReadFeePolicy returns the fee policy in force.
func ReadFeePolicy(st StateReader) FeePolicy {
	return feePolicyOf(st.GetState(AttributionAddress, slotAt(slotFeePolicy)))
}

// ReadGovernance returns the address allowed to change the fee policy.
func ReadGovernance(st StateReader) common.Address {
	return wordAddr(st.GetState(AttributionAddress, slotAt(slotGovernance)))
}

// Split is how one payment is credited. The four amounts sum to the payment.
type Split struct {
	Protocol     *uint256.Int // protocol fee recipient, incl. rounding dust
	ModelOwner   *uint256.Int
	AdapterOwner *uint256.Int
	Contributors []*uint256.Int // per contributor, in argument order
	Contributed  *uint256.Int   // sum of Contributors
}

var errWeights = errors.New("contributor weights sum to zero or overflow")

// SplitPayment splits value by policy (see IAttribution's NatSpec):
// without an adapter its share goes to the model owner; without
// contributors theirs goes to the adapter owner, else the model owner;
// contributors share pro rata by weight; rounding dust goes to the protocol,
// and the protocol's part to the model owner while no recipient is set.
func SplitPayment(value *uint256.Int, p FeePolicy, hasAdapter, hasProtocol bool, weights []*uint256.Int) (Split, error) {
	bps := uint256.NewInt(BasisPoints)
	part := func(b uint16) *uint256.Int {
		v, _ := new(uint256.Int).MulDivOverflow(value, uint256.NewInt(uint64(b)), bps) // <= value
		return v
	}
	s := Split{
		Protocol:     part(p.ProtocolBps),
		ModelOwner:   part(p.ModelOwnerBps),
		AdapterOwner: part(p.AdapterOwnerBps),
		Contributed:  new(uint256.Int),
	}
	data := part(p.DataContributorsBps)
	dust := new(uint256.Int).Sub(value, s.Protocol)
	dust.Sub(dust, s.ModelOwner).Sub(dust, s.AdapterOwner).Sub(dust, data)
	if !hasAdapter {
		s.ModelOwner.Add(s.ModelOwner, s.AdapterOwner)
		s.AdapterOwner.Clear()
	}
	switch {
	case len(weights) == 0 && hasAdapter:
		s.AdapterOwner.Add(s.AdapterOwner, data)
	case len(weights) == 0:
		s.ModelOwner.Add(s.ModelOwner, data)
	default:
		total := new(uint256.Int)
		for _, w := range weights {
			if _, overflow := total.AddOverflow(total, w); overflow {
				return Split{}, errWeights
			}
		}
		if total.IsZero() {
			return Split{}, errWeights
		}
		s.Contributors = make([]*uint256.Int, len(weights))
		for i, w := range weights {
			s.Contributors[i], _ = new(uint256.Int).MulDivOverflow(data, w, total) // <= data
			s.Contributed.Add(s.Contributed, s.Contributors[i])
		}
		dust.Add(dust, data.Sub(data, s.Contributed))
	}
	s.Protocol.Add(s.Protocol, dust)
	if !hasProtocol {
		s.ModelOwner.Add(s.ModelOwner, s.Protocol)
		s.Protocol.Clear()
	}
	return s, nil
}

func newAttribution() *contract {
	return newContract("paichain/Attribution", AttributionAddress, attributionABI, map[string]handler{
		"payForCall":              {write: true, payable: true, run: payForCall},
		"quote":                   {run: quote},
		"claim":                   {write: true, run: claim},
		"claimable":               {run: claimable},
		"feePolicy":               {run: feePolicy},
		"governance":              {run: addressAt(slotGovernance, "governance")},
		"protocolFeeRecipient":    {run: addressAt(slotFeeRecipient, "protocolFeeRecipient")},
		"setFeePolicy":            {write: true, run: setFeePolicy},
		"setGovernance":           {write: true, run: setGovernance},
		"setProtocolFeeRecipient": {write: true, run: setProtocolFeeRecipient},
	})
}

// priced is what a payment needs from the registry.
type priced struct {
	modelOwner, adapterOwner common.Address
	required                 *uint256.Int
}

// price reads owners and prices of a model and optional adapter, checking
// that the adapter belongs to the model.
func (cl *call) price(modelID, adapterID *uint256.Int) (priced, error) {
	var p priced
	var err error
	if p.modelOwner, p.required, err = cl.modelPayee(modelID); err != nil || adapterID.IsZero() {
		return p, err
	}
	owner, price, err := cl.adapterPayee(adapterID, modelID)
	if err != nil {
		return p, err
	}
	p.adapterOwner = owner
	if _, overflow := p.required.AddOverflow(p.required, price); overflow {
		p.required.SetAllOne() // unpayable
	}
	return p, nil
}

// modelPayee reads a model's owner and weiPerCall; unknown models fail.
func (cl *call) modelPayee(modelID *uint256.Int) (common.Address, *uint256.Int, error) {
	r := cl.registry()
	owner, err := r.modelOwnerOf(modelID)
	if err != nil {
		return owner, nil, err
	}
	if owner == (common.Address{}) {
		return owner, nil, cl.contract.fail("UnknownModel", modelID.ToBig())
	}
	price, err := r.modelPriceOf(modelID)
	return owner, price, err
}

// adapterPayee reads an adapter's owner and weiPerCall, checking that it is
// an adapter of modelID.
func (cl *call) adapterPayee(adapterID, modelID *uint256.Int) (common.Address, *uint256.Int, error) {
	r := cl.registry()
	owner, err := r.adapterOwnerOf(adapterID)
	if err != nil {
		return owner, nil, err
	}
	if owner == (common.Address{}) {
		return owner, nil, cl.contract.fail("UnknownAdapter", adapterID.ToBig())
	}
	base := adapterBase(adapterID)
	w, err := r.field(base, adapterBaseModel)
	if err != nil {
		return owner, nil, err
	}
	if !wordOf(w).Eq(modelID) {
		return owner, nil, cl.contract.fail("AdapterModelMismatch", adapterID.ToBig(), modelID.ToBig())
	}
	if w, err = r.field(base, adapterPrice); err != nil {
		return owner, nil, err
	}
	return owner, wordOf(w), nil
}

func quote(cl *call, args []any) ([]byte, error) {
	p, err := cl.price(u256(args[0].(*big.Int)), u256(args[1].(*big.Int)))
	if err != nil {
		return nil, err
	}
	return cl.contract.returns("quote", p.required.ToBig())
}

func payForCall(cl *call, args []any) ([]byte, error) {
	modelID, adapterID := u256(args[0].(*big.Int)), u256(args[1].(*big.Int))
	contributors, rawWeights := args[2].([]common.Address), args[3].([]*big.Int)
	// Cheap checks first: they cost no storage reads.
	if len(contributors) != len(rawWeights) {
		return nil, cl.contract.fail("LengthMismatch")
	}
	if len(contributors) > MaxContributors {
		return nil, cl.contract.fail("TooManyContributors", big.NewInt(int64(len(contributors))), big.NewInt(MaxContributors))
	}
	weights := make([]*uint256.Int, len(rawWeights))
	for i, c := range contributors {
		// Nobody can claim for the zero address or a precompile.
		if reservedAddress(c) {
			return nil, cl.contract.fail("InvalidInput")
		}
		weights[i] = u256(rawWeights[i])
	}
	value := cl.env.Value
	p, err := cl.price(modelID, adapterID)
	if err != nil {
		return nil, err
	}
	if value.Lt(p.required) {
		return nil, cl.contract.fail("InsufficientPayment", p.required.ToBig(), value.ToBig())
	}
	var adapters []payee
	if !adapterID.IsZero() {
		adapters = []payee{{id: adapterID, owner: p.adapterOwner}}
	}
	return nil, cl.settle(cl.env.Caller, payment{
		modelID: modelID, modelOwner: p.modelOwner, adapters: adapters,
		contributors: contributors, weights: weights, value: value,
	})
}

// payee is an adapter paid by a settlement.
type payee struct {
	id    *uint256.Int
	owner common.Address
}

// payment is one settlement through the Attribution ledger.
type payment struct {
	modelID      *uint256.Int
	modelOwner   common.Address
	adapters     []payee
	contributors []common.Address
	weights      []*uint256.Int
	value        *uint256.Int
}

// settle splits p.value by the fee policy and credits every party's
// claimable balance in Attribution's ledger, logging Credited and Paid from
// Attribution's address whichever precompile runs it. The ether must already
// be in Attribution's account. Several adapters share the adapter owners'
// part equally (ShareAdapters).
func (cl *call) settle(payer common.Address, p payment) error {
	policyWord, err := cl.load(AttributionAddress, slotAt(slotFeePolicy))
	if err != nil {
		return err
	}
	recipientWord, err := cl.load(AttributionAddress, slotAt(slotFeeRecipient))
	if err != nil {
		return err
	}
	recipient := wordAddr(recipientWord)
	hasProtocol := recipient != (common.Address{})
	s, err := SplitPayment(p.value, feePolicyOf(policyWord), len(p.adapters) > 0, hasProtocol, p.weights)
	if err != nil {
		return cl.contract.fail("InvalidInput")
	}
	adapterParts := s.ShareAdapters(len(p.adapters), hasProtocol)
	modelBig := p.modelID.ToBig()
	credit := func(to common.Address, amount *uint256.Int, role uint8) error {
		if amount.IsZero() {
			return nil
		}
		return cl.credit(to, amount, modelBig, role)
	}
	if err := credit(recipient, s.Protocol, RoleProtocol); err != nil {
		return err
	}
	if err := credit(p.modelOwner, s.ModelOwner, RoleModelOwner); err != nil {
		return err
	}
	for i, a := range p.adapters {
		if err := credit(a.owner, adapterParts[i], RoleAdapterOwner); err != nil {
			return err
		}
	}
	for i, c := range p.contributors {
		if err := credit(c, s.Contributors[i], RoleDataContributor); err != nil {
			return err
		}
	}
	firstAdapter := new(big.Int)
	if len(p.adapters) > 0 {
		firstAdapter = p.adapters[0].id.ToBig()
	}
	return cl.emitAt(AttributionAddress, attributionABI, "Paid", payer, modelBig, firstAdapter, p.value.ToBig(),
		s.Protocol.ToBig(), s.ModelOwner.ToBig(), s.AdapterOwner.ToBig(), s.Contributed.ToBig())
}

// ShareAdapters divides the adapter owners' part equally between n adapters
// and returns the parts. The remainder (less than n wei) goes where rounding
// dust goes: to the protocol, or to the model owner while there is no
// protocol fee recipient. AdapterOwner becomes the sum of the parts, so the
// split still sums to the payment.
func (s *Split) ShareAdapters(n int, hasProtocol bool) []*uint256.Int {
	if n == 0 {
		return nil
	}
	each := new(uint256.Int).Div(s.AdapterOwner, uint256.NewInt(uint64(n)))
	parts := make([]*uint256.Int, n)
	for i := range parts {
		parts[i] = each.Clone()
	}
	given := new(uint256.Int).Mul(each, uint256.NewInt(uint64(n)))
	dust := new(uint256.Int).Sub(s.AdapterOwner, given)
	if hasProtocol {
		s.Protocol.Add(s.Protocol, dust)
	} else {
		s.ModelOwner.Add(s.ModelOwner, dust)
	}
	s.AdapterOwner = given
	return parts
}

// reservedAddress reports the zero address and paichain's precompile
// addresses: no key controls them, so credits to them could never be claimed.
func reservedAddress(a common.Address) bool {
	return a == (common.Address{}) || a == ModelRegistryAddress || a == AttributionAddress || a == InferenceAddress
}

// credit adds amount to an account's claimable balance.
func (cl *call) credit(to common.Address, amount *uint256.Int, modelID *big.Int, role uint8) error {
	slot := claimableSlot(to)
	w, err := cl.load(AttributionAddress, slot)
	if err != nil {
		return err
	}
	bal, overflow := wordOf(w).AddOverflow(wordOf(w), amount)
	if overflow { // more than all ether in existence: state is corrupt
		return fmt.Errorf("claimable balance of %s overflows", to)
	}
	if err := cl.storeAt(AttributionAddress, slot, word(bal)); err != nil {
		return err
	}
	return cl.emitAt(AttributionAddress, attributionABI, "Credited", to, modelID, role, amount.ToBig())
}

func claim(cl *call, _ []any) ([]byte, error) {
	who := cl.env.Caller
	slot := claimableSlot(who)
	w, err := cl.load(AttributionAddress, slot)
	if err != nil {
		return nil, err
	}
	amount := wordOf(w)
	if amount.IsZero() {
		return nil, cl.contract.fail("NothingToClaim")
	}
	if err := cl.store(slot, common.Hash{}); err != nil {
		return nil, err
	}
	cost := GasValueTransfer
	if cl.db.Empty(who) {
		cost += GasAccountSetup
	}
	if err := cl.useGas(cost); err != nil {
		return nil, err
	}
	if cl.db.GetBalance(AttributionAddress).Lt(amount) { // credits never exceed payments received
		return nil, fmt.Errorf("balance %s below claimable %s of %s", cl.db.GetBalance(AttributionAddress), amount, who)
	}
	cl.db.SubBalance(AttributionAddress, amount, tracing.BalanceChangeTransfer)
	cl.db.AddBalance(who, amount, tracing.BalanceChangeTransfer)
	if err := cl.emit("Claimed", who, amount.ToBig()); err != nil {
		return nil, err
	}
	return cl.contract.returns("claim", amount.ToBig())
}

func claimable(cl *call, args []any) ([]byte, error) {
	w, err := cl.load(AttributionAddress, claimableSlot(args[0].(common.Address)))
	if err != nil {
		return nil, err
	}
	return cl.contract.returns("claimable", wordOf(w).ToBig())
}

func feePolicy(cl *call, _ []any) ([]byte, error) {
	w, err := cl.load(AttributionAddress, slotAt(slotFeePolicy))
	if err != nil {
		return nil, err
	}
	return cl.contract.returns("feePolicy", feePolicyOf(w))
}

func addressAt(slot uint64, method string) func(cl *call, args []any) ([]byte, error) {
	return func(cl *call, _ []any) ([]byte, error) {
		w, err := cl.load(AttributionAddress, slotAt(slot))
		if err != nil {
			return nil, err
		}
		return cl.contract.returns(method, wordAddr(w))
	}
}

// onlyGovernance fails unless the caller is the (set) governance address.
func (cl *call) onlyGovernance() (common.Address, error) {
	w, err := cl.load(AttributionAddress, slotAt(slotGovernance))
	if err != nil {
		return common.Address{}, err
	}
	gov := wordAddr(w)
	if gov == (common.Address{}) || gov != cl.env.Caller {
		return common.Address{}, cl.contract.fail("NotGovernance")
	}
	return gov, nil
}

func setFeePolicy(cl *call, args []any) ([]byte, error) {
	if _, err := cl.onlyGovernance(); err != nil {
		return nil, err
	}
	p := FeePolicy{args[0].(uint16), args[1].(uint16), args[2].(uint16), args[3].(uint16)}
	if p.Validate() != nil {
		return nil, cl.contract.fail("InvalidFeePolicy")
	}
	if err := cl.store(slotAt(slotFeePolicy), p.word()); err != nil {
		return nil, err
	}
	return nil, cl.emit("FeePolicySet", p.ProtocolBps, p.ModelOwnerBps, p.AdapterOwnerBps, p.DataContributorsBps)
}

func setGovernance(cl *call, args []any) ([]byte, error) {
	next := args[0].(common.Address)
	if next == (common.Address{}) {
		return nil, cl.contract.fail("InvalidInput")
	}
	prev, err := cl.onlyGovernance()
	if err != nil {
		return nil, err
	}
	if err := cl.store(slotAt(slotGovernance), addrWord(next)); err != nil {
		return nil, err
	}
	return nil, cl.emit("GovernanceTransferred", prev, next)
}

func setProtocolFeeRecipient(cl *call, args []any) ([]byte, error) {
	to := args[0].(common.Address)
	if _, err := cl.onlyGovernance(); err != nil {
		return nil, err
	}
	if err := cl.store(slotAt(slotFeeRecipient), addrWord(to)); err != nil {
		return nil, err
	}
	return nil, cl.emit("ProtocolFeeRecipientSet", to)
}
