// Package smoke is the devnet's end-to-end smoke test (`make devnet-smoke`,
// part of `make test`): it starts a whole devnet through the orchestrator's
// Go API on free loopback ports and checks, in order, that an L1 deposit
// reaches L2, that an L2 transaction to the ModelRegistry precompile lands
// (and the genesis demo registration is there), that an inference
// transaction gets its receipt natively (when the node has the sequencer
// sidecar), that the batcher posts through the DA server (batch inbox
// calldata 0x01 ‖ 0x01 0x00 …, the commitment served back by the DA
// server), that the verifier derives the sequencer's block hashes from L1
// and DA alone, and that with the DA server refusing to store (503) batches
// go to L1 as plain calldata (0x00 ‖ frame) and the verifier keeps deriving
// even with the DA server entirely down, then returns to DA.
//
// The test needs bin/paichain (`make build`) and the devnet artifacts
// (`make devnet-deps`); it runs only with PAICHAIN_SMOKE=1, which the make
// targets set, and then fails rather than skips when they are missing.
// PAICHAIN_BIN overrides bin/paichain; DEVNET_SMOKE_REPORT=<file> writes
// the measured timings as JSON.
package smoke
