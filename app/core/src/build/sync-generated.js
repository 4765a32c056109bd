#!/usr/bin/env node
// Moves freshly generated sources from --from into --to, touching only files whose content changed and removing
// files no longer generated, then deletes --from. Code generators rewrite every file on every build; without this
// the compiler sees "changed" sources each time and recompiles the whole module.
// Usage: node sync-generated.js --from DIR --to DIR
'use strict';
const fs = require('fs');
const path = require('path');

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

function main() {
  const argv = process.argv.slice(2);
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--from', '--to'].includes(argv[i]) || argv[i + 1] === undefined) throw new Error(`bad option ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.from || !args.to) throw new Error('--from and --to are required');
  const fresh = new Set(listFiles(args.from));
  if (fresh.size === 0) throw new Error(`nothing was generated in ${args.from}`);
  let changed = 0;
  for (const rel of fresh) {
    const src = path.join(args.from, rel);
    const dst = path.join(args.to, rel);
    const content = fs.readFileSync(src);
    if (fs.existsSync(dst) && fs.readFileSync(dst).equals(content)) continue;
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.writeFileSync(dst, content);
    changed++;
  }
  let removed = 0;
  for (const rel of listFiles(args.to)) {
    if (!fresh.has(rel)) {
      fs.unlinkSync(path.join(args.to, rel));
      removed++;
    }
  }
  fs.rmSync(args.from, { recursive: true, force: true });
  console.log(`generated sources: ${fresh.size} files, ${changed} changed, ${removed} removed -> ${args.to}`);
}

try {
  main();
} catch (e) {
  console.error(`sync-generated: ${e.message}`);
  process.exit(1);
}
