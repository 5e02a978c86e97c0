#!/usr/bin/env node
// A native-solc stand-in for forge, backed by solc-js (soljson WASM).
//
// Usage: node solc-heap.js <path/to/soljson.js> --version | --standard-json
//
// forge drives solc as `solc --version` and `solc --standard-json` (input on
// stdin). solc-js's own wrapper passes the input string through
// Emscripten's stack (cwrap 'string' arguments), which overflows the WASM
// stack on the 2-4 MB inputs contracts-bedrock produces; here the input is
// copied into a heap allocation and solidity_compile is called on the
// pointer. Sources arrive inline in the standard-json input, so no import
// callback is installed: an unresolved import is reported by solc itself.
'use strict';

const fs = require('fs');

function main() {
	const [soljsonPath, ...args] = process.argv.slice(2);
	if (!soljsonPath) {
		fail('usage: solc-heap.js <soljson.js> --version | --standard-json');
	}
	const soljson = require(soljsonPath);
	const version = soljson.cwrap('solidity_version', 'string', [])();

	if (args.includes('--version')) {
		process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${version}\n`);
		return;
	}
	if (!args.includes('--standard-json')) {
		fail(`solc-heap ${version}: only --version and --standard-json are supported, got: ${args.join(' ')}`);
	}

	const input = fs.readFileSync(0);
	const ptr = soljson._solidity_alloc(input.length + 1);
	if (!ptr) {
		fail(`solc-heap ${version}: cannot allocate ${input.length + 1} bytes for the input`);
	}
	// Read HEAPU8 after the allocation: a memory growth replaces the view.
	soljson.HEAPU8.set(input, ptr);
	soljson.HEAPU8[ptr + input.length] = 0;
	const out = soljson._solidity_compile(ptr, 0, 0);
	const result = soljson.UTF8ToString(out);
	soljson._solidity_reset();
	process.stdout.write(result);
}

function fail(msg) {
	process.stderr.write(msg + '\n');
	process.exit(2);
}

main();
