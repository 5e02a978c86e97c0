package sequencer_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/paichain/paichain/precompiles"
	"github.com/paichain/paichain/sequencer"
)

var (
	benchBlockTime = flag.Duration("seq.blocktime", time.Second, "block time of BenchmarkSequencer")
	benchTxs       = flag.Int("seq.txs", 32, "inference transactions of BenchmarkSequencer")
	benchSlow      = flag.Bool("seq.slow", false, "BenchmarkSequencer on a slower synthetic model (8 layers, dim 512)")
	benchSpacing   = flag.Duration("seq.spacing", 0, "mean time between inference transactions (default a third of the block time)")
)

// BenchmarkSequencer measures, on a dev chain whose blocks are built every
// -seq.blocktime by the node's miner (with the sequencer's hook) and a real
// sidecar:
//
//   - latency: from adding an inference transaction to the pool to the end
//     of the block that includes it, against the inference time (the
//     sidecar's answer time during the run, and the same request sent to
//     the sidecar alone afterwards); overhead = latency - inference time
//     during the run;
//   - block building time and interval with and without inference load;
//   - gas and bytes of the receipt transactions, for 16 and 128 output
//     tokens (their calldata is what lands on the DA layer).
//
// Run: go test -run '^$' -bench Sequencer -benchtime 1x ./sequencer/ [-args -seq.blocktime 1s -seq.txs 32 -seq.slow -seq.spacing 2s]
func BenchmarkSequencer(b *testing.B) {
	for range b.N {
		runSequencerBench(b)
	}
}

type blockStat struct {
	start, end time.Time
	block      *types.Block
	receipts   types.Receipts
}

func runSequencerBench(b *testing.B) {
	const senders = 4
	cfg := tinyModel
	if *benchSlow {
		cfg = slowModel
	}
	sc := startSidecarWith(b, cfg)
	c := startChain(b, senders, &sequencer.Config{SidecarURL: sc.url, Deadline: time.Minute})
	c.registerModel(sc)

	// The block builder: one block per tick, as the dev beacon or op-node
	// would ask for.
	var (
		mu     sync.Mutex
		blocks []blockStat
		stop   = make(chan struct{})
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		tick := time.NewTicker(*benchBlockTime)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			start := time.Now()
			block, receipts := c.commit()
			mu.Lock()
			blocks = append(blocks, blockStat{start: start, end: time.Now(), block: block, receipts: receipts})
			mu.Unlock()
		}
	}()
	nblocks := func() int { mu.Lock(); defer mu.Unlock(); return len(blocks) }
	waitFor(b, "idle blocks", 20**benchBlockTime, func() bool { return nblocks() >= 6 })
	idle := nblocks()

	// Load: inference transactions arriving at random points of the block
	// interval, from several senders.
	type sent struct {
		tx   *types.Transaction
		at   time.Time
		body string
		max  uint32
	}
	var all []*sent
	spacing := *benchSpacing
	if spacing == 0 {
		spacing = *benchBlockTime / 3
	}
	for i := range *benchTxs {
		maxTokens := uint32(16)
		if i%2 == 1 {
			maxTokens = 128
		}
		prompt := fmt.Sprintf("Once upon a time, story %d", i)
		data := inferCall(b, prompt, maxTokens, uint64(i))
		at := time.Now()
		tx := c.send(c.users[i%senders], precompiles.InferenceAddress, nil, data, 3_000_000)
		id := c.requestID(tx, data)
		body := fmt.Sprintf(`{"model":"base","prompt":%q,"max_tokens":%d,"temperature":%v,"top_p":%v,"top_k":40,"repetition_penalty":1,"seed":%d,"request_id":%q}`,
			prompt, maxTokens, float64(precompiles.MilliToFloat32(800)), float64(precompiles.MilliToFloat32(950)), i, id.Hex())
		all = append(all, &sent{tx: tx, at: at, body: body, max: maxTokens})
		time.Sleep(spacing/2 + time.Duration(i*7919%1000)*spacing/1000) // mean spacing, spread over the block interval
	}
	included := func() map[common.Hash]time.Time {
		mu.Lock()
		defer mu.Unlock()
		out := make(map[common.Hash]time.Time)
		for _, bs := range blocks {
			for _, tx := range bs.block.Transactions() {
				out[tx.Hash()] = bs.end
			}
		}
		return out
	}
	waitFor(b, "all inference transactions", time.Duration(*benchTxs)*5**benchBlockTime, func() bool {
		return len(included()) >= *benchTxs*2
	})
	loadEnd := nblocks()
	waitFor(b, "trailing blocks", 20**benchBlockTime, func() bool { return nblocks() >= loadEnd+2 })
	close(stop)
	<-done

	// Bare inference: each request alone at the sidecar.
	inc := included()
	var latency, bare, inRun, overhead []float64
	for _, s := range all {
		var id struct {
			RequestID string `json:"request_id"`
		}
		json.Unmarshal([]byte(s.body), &id)
		took, ok := sc.took.Load(id.RequestID)
		if !ok {
			b.Fatalf("request %s never reached the sidecar", id.RequestID)
		}
		start := time.Now()
		resp, err := http.Post(sc.direct+"/v1/completions", "application/json", strings.NewReader(s.body))
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("sidecar: %v", err)
		}
		resp.Body.Close()
		infer := time.Since(start)
		l := inc[s.tx.Hash()].Sub(s.at)
		latency = append(latency, ms(l))
		bare = append(bare, ms(infer))
		inRun = append(inRun, ms(took.(time.Duration)))
		overhead = append(overhead, ms(l-took.(time.Duration)))
	}

	// Block timings: idle blocks, and the blocks built while requests were
	// pending.
	var buildIdle, buildLoad, ivIdle, ivLoad []float64
	gas := map[uint32][]float64{}
	size := map[uint32][]float64{}
	txBytes := map[uint32][]float64{}
	userGas := map[uint32][]float64{}
	maxOf := make(map[common.Hash]uint32)
	for _, s := range all {
		maxOf[s.tx.Hash()] = s.max
	}
	for i, bs := range blocks {
		build := ms(bs.end.Sub(bs.start))
		var iv float64
		if i > 0 {
			iv = ms(bs.end.Sub(blocks[i-1].end))
		}
		switch {
		case i < idle:
			buildIdle = append(buildIdle, build)
			if i > 1 {
				ivIdle = append(ivIdle, iv)
			}
		case i < loadEnd:
			buildLoad = append(buildLoad, build)
			ivLoad = append(ivLoad, iv)
		}
		txs := bs.block.Transactions()
		for j, tx := range txs {
			if m, ok := maxOf[tx.Hash()]; ok {
				gas[m] = append(gas[m], float64(bs.receipts[j-1].GasUsed))
				size[m] = append(size[m], float64(len(txs[j-1].Data())))
				txBytes[m] = append(txBytes[m], float64(txs[j-1].Size()))
				userGas[m] = append(userGas[m], float64(bs.receipts[j].GasUsed))
			}
		}
	}
	b.ReportMetric(median(latency), "latency-ms")
	b.ReportMetric(percentile(latency, 95), "latency-p95-ms")
	b.ReportMetric(median(bare), "infer-alone-ms")
	b.ReportMetric(median(inRun), "infer-in-run-ms")
	b.ReportMetric(median(overhead), "overhead-ms")
	b.ReportMetric(percentile(overhead, 95), "overhead-p95-ms")
	b.ReportMetric(median(buildIdle), "build-idle-ms")
	b.ReportMetric(median(buildLoad), "build-load-ms")
	b.ReportMetric(median(ivIdle), "interval-idle-ms")
	b.ReportMetric(median(ivLoad), "interval-load-ms")
	b.ReportMetric(percentile(ivLoad, 100), "interval-load-max-ms")
	for _, m := range []uint32{16, 128} {
		b.ReportMetric(median(gas[m]), fmt.Sprintf("receipt-gas-%dtok", m))
		b.ReportMetric(median(size[m]), fmt.Sprintf("receipt-calldata-B-%dtok", m))
		b.ReportMetric(median(txBytes[m]), fmt.Sprintf("receipt-tx-B-%dtok", m))
		b.ReportMetric(median(userGas[m]), fmt.Sprintf("infer-gas-%dtok", m))
	}
	b.Logf("block time %s, %d inference txs in %d blocks (%d idle before)", *benchBlockTime, len(all), loadEnd-idle, idle)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func median(v []float64) float64 { return percentile(v, 50) }

func percentile(v []float64, p int) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[min(len(s)-1, (len(s)-1)*p/100)]
}
