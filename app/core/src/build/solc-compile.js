#!/usr/bin/env node
// Compiles every .sol file in --src with the solc pinned in package.json (standard-JSON API, so the
// EVM version is stated explicitly) and writes <Contract>.abi (+ <Contract>.bin when it has
// bytecode) into --out, for web3j codegen. Imports "<name>/X.sol" resolve to --lib name=DIR.
// Usage: node solc-compile.js --root REPO --src DIR --out DIR --evm-version V [--lib name=DIR ...]
'use strict';
const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const args = { libs: {} };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value for ${key}`);
    if (key === '--lib') {
      const eq = value.indexOf('=');
      if (eq <= 0) throw new Error(`--lib wants name=DIR, got ${value}`);
      args.libs[value.slice(0, eq)] = value.slice(eq + 1);
    } else if (['--root', '--src', '--out', '--evm-version'].includes(key)) {
      args[key.slice(2)] = value;
    } else {
      throw new Error(`unknown option ${key}`);
    }
  }
  for (const required of ['root', 'src', 'out', 'evm-version']) {
    if (!args[required]) throw new Error(`--${required} is required`);
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  // solc lives in the repository's node_modules (npm ci at the root), not next to this script.
  const solc = require(require.resolve('solc', { paths: [args.root] }));

  const sources = {};
  for (const file of fs.readdirSync(args.src).filter((f) => f.endsWith('.sol')).sort()) {
    sources[file] = { content: fs.readFileSync(path.join(args.src, file), 'utf8') };
  }
  if (Object.keys(sources).length === 0) throw new Error(`no .sol files in ${args.src}`);

  const findImports = (unit) => {
    const slash = unit.indexOf('/');
    const lib = slash > 0 ? args.libs[unit.slice(0, slash)] : undefined;
    const file = lib ? path.join(lib, unit.slice(slash + 1)) : path.join(args.src, unit);
    try {
      return { contents: fs.readFileSync(file, 'utf8') };
    } catch (e) {
      return { error: `cannot read ${unit} (${file}): ${e.message}` };
    }
  };

  const input = {
    language: 'Solidity',
    sources,
    settings: {
      evmVersion: args['evm-version'],
      optimizer: { enabled: true, runs: 200 },
      // no metadata hash: the bytecode (and so the generated wrappers) stays identical across checkouts
      metadata: { bytecodeHash: 'none' },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

  let failed = false;
  for (const message of output.errors || []) {
    console.error(message.formattedMessage || message.message);
    if (message.severity === 'error') failed = true;
  }
  if (failed) process.exit(1);

  fs.mkdirSync(args.out, { recursive: true });
  let written = 0;
  for (const unit of Object.keys(sources)) {
    for (const [name, contract] of Object.entries(output.contracts[unit] || {})) {
      fs.writeFileSync(path.join(args.out, `${name}.abi`), JSON.stringify(contract.abi));
      const bin = contract.evm.bytecode.object;
      if (bin) fs.writeFileSync(path.join(args.out, `${name}.bin`), bin);
      written++;
    }
  }
  console.log(`solc ${solc.version()} (evmVersion ${args['evm-version']}): ${written} contracts from ${args.src} -> ${args.out}`);
}

try {
  main();
} catch (e) {
  console.error(`solc-compile: ${e.message}`);
  process.exit(1);
}
