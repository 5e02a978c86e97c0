package orchestrator

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// Summary is the operator's overview of a running devnet: endpoints, chain
// ids, contracts, dev keys, where the logs are.
func (d *Devnet) Summary() string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	row := func(k, v string) { fmt.Fprintf(w, "  %s\t%s\n", k, v) }
	e := d.Endpoints

	fmt.Fprintf(w, "paichain devnet up (L1 chain %d, L2 chain %d), started in %.1fs\n", d.L1ChainID, d.Rollup.L2ChainID, d.Started.Seconds())
	fmt.Fprintln(w, "Endpoints (127.0.0.1; execution clients take WebSocket on the same port):")
	row("L1 RPC", e.L1RPC)
	row("L1 beacon API", e.L1Beacon)
	row("L2 sequencer RPC", e.L2SequencerRPC)
	row("L2 verifier RPC", e.L2VerifierRPC)
	row("op-node sequencer", e.OpNodeSeqRPC)
	row("op-node verifier", e.OpNodeVerRPC)
	row("op-batcher admin", e.BatcherRPC)
	row("op-proposer", e.ProposerRPC)
	row("DA server", e.DAServer+"  (fault injection: POST /admin/faults)")
	if e.Inference != "" {
		row("inference API", e.Inference+"  (OpenAI-compatible, /v1/completions)")
	} else {
		row("inference API", "not running")
	}
	row("sequencer sidecar", d.Sidecar)

	fmt.Fprintln(w, "L1 contracts:")
	row("OptimismPortal", d.L1Contracts.OptimismPortalProxy.Hex())
	row("L1StandardBridge", d.L1Contracts.L1StandardBridgeProxy.Hex())
	row("DisputeGameFactory", d.L1Contracts.DisputeGameFactoryProxy.Hex())
	row("SystemConfig", d.L1Contracts.SystemConfigProxy.Hex())
	row("batch inbox", d.Rollup.BatchInboxAddress.Hex())

	fmt.Fprintln(w, "Dev keys (public test keys, devnet only):")
	if p := d.Paichain; p != nil {
		for i, k := range p.DevAccounts {
			if i == 3 {
				row("", fmt.Sprintf("... %d paichain dev accounts in all: %s/genesis/paichain.json", len(p.DevAccounts), d.DataDir))
				break
			}
			role := fmt.Sprintf("dev account %d", i)
			switch k.Address {
			case p.InferenceSigner.Address:
				role += " (inference signer)"
			case p.Demo.Owner.Address:
				role += " (demo model owner)"
			}
			row(role, fmt.Sprintf("%s  %s", k.Address.Hex(), k.PrivateKey))
		}
		row("governance", p.Governance.Hex()+"  (L2 proxy admin owner, test mnemonic m/44'/60'/2'/<L1 chain>/5)")
	}
	row("test mnemonic", "the \"test test ... junk\" accounts (anvil's) are funded too: on L1 all, on L2 indices 1-29")
	row("batcher", fmt.Sprintf("%s  %s", d.BatcherKey.Address.Hex(), d.BatcherKey.PrivateKey))
	row("proposer", fmt.Sprintf("%s  %s", d.ProposerKey.Address.Hex(), d.ProposerKey.PrivateKey))

	fmt.Fprintln(w, "Files:")
	row("data dir", d.DataDir)
	row("logs", d.LogDir+"/<component>.log")
	row("stop", "Ctrl-C, or `paichain devnet down` from another shell")
	w.Flush()
	return b.String()
}
