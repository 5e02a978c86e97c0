// Package chaintest holds the chain-level tests of paichain's node: blocks
// built by a real in-process node (miner driven by the simulated beacon
// through the engine API), replayed into an independent replica, and the
// block-import benchmark of precompile calls against plain contract storage
// writes. It has no non-test code.
package chaintest
