// Package datanetchain drives the Datanet contracts (contracts/src/
// DatanetRegistry.sol and DatanetPool.sol, docs/datanets.md) through their
// abigen bindings: create a Datanet, submit contributions, review, flag,
// publish a version built by `paichain datanet build`, read a contributor's
// status and claim pool earnings. Every transaction is sent, waited for and
// checked; reverts come back as *RevertError naming the contract's custom
// error.
package datanetchain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/paichain/paichain/contracts/bindings"
	"github.com/paichain/paichain/precompiles"
)

// Backend is what the client needs from a node (ethclient.Client has it all).
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
}

// Status of a contribution, as DatanetRegistry.Status.
type Status uint8

// The contribution statuses.
const (
	StatusNone Status = iota
	StatusPending
	StatusAccepted
	StatusRejected
	StatusFlagged
)

func (s Status) String() string {
	switch s {
	case StatusNone:
		return "none"
	case StatusPending:
		return "pending"
	case StatusAccepted:
		return "accepted"
	case StatusRejected:
		return "rejected"
	case StatusFlagged:
		return "flagged"
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Client talks to one DatanetRegistry.
type Client struct {
	backend  Backend
	Address  common.Address
	Registry *bindings.DatanetRegistry
	// opts signs transactions; nil makes a read-only client.
	opts *bind.TransactOpts
	// WaitMined waits for a sent transaction's receipt; nil polls the
	// node (which builds blocks by itself). A test driving blocks by hand
	// sets it to seal one.
	WaitMined func(ctx context.Context, tx *types.Transaction) (*types.Receipt, error)
}

// New binds the registry at address. opts may be nil for reads only. It
// fails if no contract is deployed there.
func New(ctx context.Context, backend Backend, address common.Address, opts *bind.TransactOpts) (*Client, error) {
	code, err := backend.CodeAt(ctx, address, nil)
	if err != nil {
		return nil, fmt.Errorf("datanetchain: code at %s: %w", address, err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("datanetchain: no contract at %s (deploy a DatanetRegistry first)", address)
	}
	reg, err := bindings.NewDatanetRegistry(address, backend)
	if err != nil {
		return nil, err
	}
	return &Client{backend: backend, Address: address, Registry: reg, opts: opts}, nil
}

// Deploy deploys a DatanetRegistry and returns a client for it.
func Deploy(ctx context.Context, backend Backend, opts *bind.TransactOpts, wait func(context.Context, *types.Transaction) (*types.Receipt, error)) (*Client, error) {
	c := &Client{backend: backend, opts: opts, WaitMined: wait}
	var addr common.Address
	_, err := c.send(ctx, "deploy DatanetRegistry", func(o *bind.TransactOpts) (*types.Transaction, error) {
		a, tx, _, err := bindings.DeployDatanetRegistry(o, backend)
		addr = a
		return tx, err
	})
	if err != nil {
		return nil, err
	}
	nc, err := New(ctx, backend, addr, opts)
	if err != nil {
		return nil, err
	}
	nc.WaitMined = wait
	return nc, nil
}

// Backend returns the node connection.
func (c *Client) Backend() Backend { return c.backend }

// From is the signing account (zero for a read-only client).
func (c *Client) From() common.Address {
	if c.opts == nil {
		return common.Address{}
	}
	return c.opts.From
}

// ContentHash is the contentHash a contribution is submitted under.
func ContentHash(content []byte) common.Hash { return crypto.Keccak256Hash(content) }

// DocumentID is the contribution id string a Datanet build must use for the
// on-chain contribution id: its decimal form. The document table commits
// keccak256 of it, which ties every document to its on-chain record.
func DocumentID(contributionID *big.Int) string { return contributionID.String() }

// CreateParams are the arguments of DatanetRegistry.create.
type CreateParams = bindings.DatanetRegistryConfig

// Create creates a Datanet owned by the signer and returns its id and pool.
func (c *Client) Create(ctx context.Context, p CreateParams) (*big.Int, common.Address, error) {
	if p.MinStake == nil {
		p.MinStake = new(big.Int)
	}
	r, err := c.send(ctx, "create", func(o *bind.TransactOpts) (*types.Transaction, error) { return c.Registry.Create(o, p) })
	if err != nil {
		return nil, common.Address{}, err
	}
	for _, l := range r.Logs {
		if ev, err := c.Registry.ParseDatanetCreated(*l); err == nil {
			return ev.DatanetId, ev.Pool, nil
		}
	}
	return nil, common.Address{}, errors.New("datanetchain: create: no DatanetCreated event")
}

// SetCurator adds or removes a curator (owner only).
func (c *Client) SetCurator(ctx context.Context, datanetID *big.Int, curator common.Address, enabled bool) error {
	_, err := c.send(ctx, "setCurator", func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.Registry.SetCurator(o, datanetID, curator, enabled)
	})
	return err
}

// Submit submits content (by hash and size) with stake wei and returns the
// contribution id. The content itself stays with the caller, who hands it
// to the curators (it is checked against the hash when the Datanet is
// exported for a build).
func (c *Client) Submit(ctx context.Context, datanetID *big.Int, content []byte, metadataURI string, stake *big.Int) (*big.Int, error) {
	if len(content) == 0 {
		return nil, errors.New("datanetchain: submit: empty content")
	}
	r, err := c.send(ctx, "submit", func(o *bind.TransactOpts) (*types.Transaction, error) {
		o.Value = stake
		return c.Registry.Submit(o, datanetID, ContentHash(content), uint64(len(content)), metadataURI)
	})
	if err != nil {
		return nil, err
	}
	for _, l := range r.Logs {
		if ev, err := c.Registry.ParseContributionSubmitted(*l); err == nil {
			return ev.ContributionId, nil
		}
	}
	return nil, errors.New("datanetchain: submit: no ContributionSubmitted event")
}

// Review accepts or rejects a pending contribution (curator only).
func (c *Client) Review(ctx context.Context, contributionID *big.Int, accept bool, reason string) error {
	_, err := c.send(ctx, "review", func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.Registry.Review(o, contributionID, accept, reason)
	})
	return err
}

// Flag flags a pending or accepted contribution bad (curator only) and
// returns the stake slashed into the pool.
func (c *Client) Flag(ctx context.Context, contributionID *big.Int, reason string) (*big.Int, error) {
	r, err := c.send(ctx, "flag", func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.Registry.Flag(o, contributionID, reason)
	})
	if err != nil {
		return nil, err
	}
	for _, l := range r.Logs {
		if ev, err := c.Registry.ParseContributionFlagged(*l); err == nil {
			return ev.Slashed, nil
		}
	}
	return nil, errors.New("datanetchain: flag: no ContributionFlagged event")
}

// WithdrawStake returns a rejected (or accepted and unlocked)
// contribution's stake to its contributor.
func (c *Client) WithdrawStake(ctx context.Context, contributionID *big.Int) (*big.Int, error) {
	r, err := c.send(ctx, "withdrawStake", func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.Registry.WithdrawStake(o, contributionID)
	})
	if err != nil {
		return nil, err
	}
	for _, l := range r.Logs {
		if ev, err := c.Registry.ParseStakeWithdrawn(*l); err == nil {
			return ev.Amount, nil
		}
	}
	return nil, errors.New("datanetchain: withdrawStake: no StakeWithdrawn event")
}

// Pool binds a Datanet's pool.
func (c *Client) Pool(ctx context.Context, datanetID *big.Int) (*bindings.DatanetPool, common.Address, error) {
	d, err := c.Registry.GetDatanet(&bind.CallOpts{Context: ctx}, datanetID)
	if err != nil {
		return nil, common.Address{}, decodeRevert("getDatanet", err)
	}
	p, err := bindings.NewDatanetPool(d.Pool, c.backend)
	return p, d.Pool, err
}

// ClaimPool collects the pool's Attribution credits and pays the signer's
// pool balance; it returns the amount paid.
func (c *Client) ClaimPool(ctx context.Context, datanetID *big.Int) (*big.Int, error) {
	pool, _, err := c.Pool(ctx, datanetID)
	if err != nil {
		return nil, err
	}
	r, err := c.send(ctx, "pool claim", pool.Claim)
	if err != nil {
		return nil, err
	}
	for _, l := range r.Logs {
		if ev, err := pool.ParseClaimed(*l); err == nil {
			return ev.Amount, nil
		}
	}
	return nil, errors.New("datanetchain: pool claim: no Claimed event")
}

// ClaimAttribution claims the signer's own credits from the Attribution
// precompile (those of receipts listing the signer as a contributor).
func (c *Client) ClaimAttribution(ctx context.Context) (*big.Int, error) {
	at, err := bindings.NewAttribution(precompiles.AttributionAddress, c.backend)
	if err != nil {
		return nil, err
	}
	r, err := c.send(ctx, "attribution claim", at.Claim)
	if err != nil {
		return nil, err
	}
	for _, l := range r.Logs {
		if ev, err := at.ParseClaimed(*l); err == nil {
			return ev.Amount, nil
		}
	}
	return nil, errors.New("datanetchain: attribution claim: no Claimed event")
}

// send runs one transaction: estimate (where a revert surfaces as a
// RevertError), sign, send, wait, and check the receipt's status.
func (c *Client) send(ctx context.Context, what string, f func(*bind.TransactOpts) (*types.Transaction, error)) (*types.Receipt, error) {
	if c.opts == nil {
		return nil, fmt.Errorf("datanetchain: %s: no signing key", what)
	}
	o := *c.opts
	o.Context = ctx
	tx, err := f(&o)
	if err != nil {
		return nil, decodeRevert(what, err)
	}
	wait := c.WaitMined
	if wait == nil {
		wait = func(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
			return waitMined(ctx, c.backend, tx)
		}
	}
	r, err := wait(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("datanetchain: %s: waiting for %s: %w", what, tx.Hash(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("datanetchain: %s: transaction %s reverted (gas used %d of %d)", what, tx.Hash(), r.GasUsed, tx.Gas())
	}
	return r, nil
}

// waitMined polls for tx's receipt, from 50 ms up to every second (a dev
// node mines at once; bind.WaitMined always waits a whole second).
func waitMined(ctx context.Context, b Backend, tx *types.Transaction) (*types.Receipt, error) {
	delay := 50 * time.Millisecond
	for {
		r, err := b.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
		delay = min(2*delay, time.Second)
	}
}

// RevertError is a custom error of the Datanet contracts (or the
// Attribution precompile) decoded from revert data.
type RevertError struct {
	Op   string // the operation that reverted
	Name string // the Solidity error's name
	Args []any
}

func (e *RevertError) Error() string {
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		switch v := a.(type) {
		case [32]byte:
			args[i] = common.Hash(v).Hex()
		case [4]byte:
			args[i] = hexutil.Encode(v[:])
		default:
			args[i] = fmt.Sprint(v)
		}
	}
	return fmt.Sprintf("datanetchain: %s reverted: %s(%s)", e.Op, e.Name, strings.Join(args, ", "))
}

// IsRevert reports whether err is a RevertError named name.
func IsRevert(err error, name string) bool {
	var re *RevertError
	return errors.As(err, &re) && re.Name == name
}

var errorABIs = func() []*abi.ABI {
	var out []*abi.ABI
	for _, md := range []*bind.MetaData{bindings.DatanetRegistryMetaData, bindings.DatanetPoolMetaData, bindings.AttributionMetaData} {
		a, err := md.GetAbi()
		if err != nil {
			panic(err) // generated ABI JSON
		}
		out = append(out, a)
	}
	return out
}()

// DecodeRevertData names the custom error in revert data (selector +
// ABI-encoded arguments), or returns ok false.
func DecodeRevertData(data []byte) (name string, args []any, ok bool) {
	if len(data) < 4 {
		return "", nil, false
	}
	for _, a := range errorABIs {
		for n, e := range a.Errors {
			if string(e.ID[:4]) != string(data[:4]) {
				continue
			}
			args, err := e.Inputs.Unpack(data[4:])
			if err != nil {
				return "", nil, false
			}
			return n, args, true
		}
	}
	return "", nil, false
}

// Explain turns an error of a call or gas estimation that carries revert
// data of these contracts into a *RevertError; other errors are wrapped.
func Explain(op string, err error) error { return decodeRevert(op, err) }

func decodeRevert(op string, err error) error {
	if err == nil {
		return nil
	}
	var de interface{ ErrorData() interface{} }
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if data, derr := hexutil.Decode(s); derr == nil {
				if name, args, ok := DecodeRevertData(data); ok {
					return &RevertError{Op: op, Name: name, Args: args}
				}
			}
		}
	}
	return fmt.Errorf("datanetchain: %s: %w", op, err)
}
