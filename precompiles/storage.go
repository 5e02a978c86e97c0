package precompiles

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
)

// Storage layout follows Solidity's: a mapping declared at slot p keeps the
// record for key k at keccak256(k . p) (both 32-byte words), and a record's
// fields occupy consecutive slots from there. docs/precompiles.md lists
// every slot.

// loader reads one storage slot. Inside a call it is call.load (metered);
// off-chain readers use a StateReader directly.
type loader func(addr common.Address, slot common.Hash) (common.Hash, error)

// StateReader is the read side of a state database (*state.StateDB and
// vm.StateDB both satisfy it).
type StateReader interface {
	GetState(addr common.Address, slot common.Hash) common.Hash
}

func unmetered(st StateReader) loader {
	return func(addr common.Address, slot common.Hash) (common.Hash, error) {
		return st.GetState(addr, slot), nil
	}
}

// mappingSlot is the slot of key in the mapping declared at slot p.
func mappingSlot(key common.Hash, p uint64) common.Hash {
	ps := uint256.NewInt(p).Bytes32()
	return crypto.Keccak256Hash(key[:], ps[:])
}

// fieldSlot is the slot i words after base.
func fieldSlot(base common.Hash, i uint64) common.Hash {
	v := new(uint256.Int).SetBytes32(base[:])
	return v.AddUint64(v, i).Bytes32()
}

func slotAt(p uint64) common.Hash { return uint256.NewInt(p).Bytes32() }

// Strings are stored as a length word followed by ceil(len/32) data words,
// left-aligned like Solidity's bytes. Their bounds keep the region small.

func loadString(load loader, addr common.Address, at common.Hash, max uint64) (string, error) {
	lw, err := load(addr, at)
	if err != nil {
		return "", err
	}
	n := wordOf(lw)
	if !n.IsUint64() || n.Uint64() > max {
		n.SetUint64(max) // unreachable: writers enforce the bound
	}
	length := n.Uint64()
	out := make([]byte, 0, (length+31)/32*32)
	for i := uint64(0); i*32 < length; i++ {
		w, err := load(addr, fieldSlot(at, 1+i))
		if err != nil {
			return "", err
		}
		out = append(out, w[:]...)
	}
	return string(out[:length]), nil
}

func (cl *call) storeString(at common.Hash, s string) error {
	if err := cl.store(at, word(uint256.NewInt(uint64(len(s))))); err != nil {
		return err
	}
	for i := 0; i*32 < len(s); i++ {
		var w common.Hash
		copy(w[:], s[i*32:])
		if err := cl.store(fieldSlot(at, 1+uint64(i)), w); err != nil {
			return err
		}
	}
	return nil
}
