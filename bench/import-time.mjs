#!/usr/bin/env node
// Import time of @mvm/pool-model: a fresh `node` per sample runs `await import(...)` between
// two performance.now() calls and prints the difference; median over samples. The same for
// zod and ajv (with the emitted schema compiled) for scale, and a process that imports nothing,
// for the fixed cost of starting node.
//
//   node bench/import-time.mjs [--quick] [--json FILE]
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { median, ROOT } from "./lib/measure.mjs";

const CASES = [
  { id: "pool-model", label: "`import('@mvm/pool-model')`", code: "await import('@mvm/pool-model');" },
  {
    id: "pool-model-parse",
    label: "`import('@mvm/pool-model')` + first `parsePoolSpec` call",
    code: "const m = await import('@mvm/pool-model'); m.parsePoolSpec({pool_id:'p',tenant_id:'t',flake_ref:'.',profile:'minimal',instance_resources:{vcpus:1,mem_mib:512},desired_counts:{running:1,warm:0,sleeping:0}});",
  },
  { id: "zod", label: "`import('zod')` (for scale)", code: "await import('zod');" },
  {
    id: "ajv",
    label: "`import('ajv/dist/2020.js')` + compile the emitted pool-spec schema (for scale)",
    code: "const { default: Ajv } = await import('ajv/dist/2020.js'); const { readFileSync } = await import('node:fs'); new Ajv({ strict: false }).compile(JSON.parse(readFileSync('generated/schema/pool-spec.schema.json', 'utf8')));",
  },
  { id: "nothing", label: "nothing (empty module, baseline)", code: "" },
  // What an idlc process pays to load before doing any work: its bundle (yaml and ajv's few
  // runtime helpers are bundled in; generate and check load no other package), as far as
  // `idlc --version` (its output swallowed).
  {
    id: "idlc-bundle",
    group: "generator",
    label: "`generator/dist/idlc.js` (the idlc bundle), running `idlc --version`",
    code: "process.argv.push('idlc', '--version'); const w = process.stdout.write; process.stdout.write = () => true; await import('./generator/dist/idlc.js'); process.stdout.write = w;",
  },
];

function once(code) {
  const script = `const t0 = performance.now(); ${code} const t1 = performance.now(); process.stdout.write(String(t1 - t0));`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`import-time sample failed: ${r.stderr}`);
  return { importMs: Number(r.stdout), processMs: wall };
}

export function runImportTime({ quick = false, log = () => {} } = {}) {
  const samples = quick ? 5 : 15;
  const results = CASES.map((c) => ({ ...c, imports: [], processes: [] }));
  once(""); // untimed: warm the OS file cache
  for (let i = 0; i < samples; i++) {
    // Interleaved, so drift in machine load hits every case alike.
    for (const r of results) {
      const x = once(r.code);
      r.imports.push(x.importMs);
      r.processes.push(x.processMs);
    }
  }
  log(`import-time: ${samples} samples per case`);
  return {
    samples,
    results: results.map((r) => ({ id: r.id, group: r.group, label: r.label, importMs: median(r.imports), minMs: Math.min(...r.imports), maxMs: Math.max(...r.imports), processMs: median(r.processes) })),
  };
}

export function renderImportTime(data) {
  const base = data.results.find((r) => r.id === "nothing");
  const L = [
    `Fresh \`node\` process per sample (${data.samples} samples, all cases interleaved), \`import()\` timed inside it; whole-process wall time beside it.`,
    "",
    "| what | import median (min-max) | whole process median | process minus empty process |",
    "|---|---:|---:|---:|",
  ];
  const row = (r) =>
    L.push(`| ${r.label} | ${r.importMs.toFixed(1)} ms (${r.minMs.toFixed(1)}-${r.maxMs.toFixed(1)}) | ${r.processMs.toFixed(0)} ms | ${r.id === "nothing" ? "" : `${(r.processMs - base.processMs).toFixed(0)} ms`} |`);
  for (const r of data.results.filter((x) => !x.group)) row(r);
  const gen = data.results.filter((x) => x.group === "generator");
  if (gen.length) {
    L.push("", "What an `idlc` process pays to load before any work, for the codegen breakdown:", "");
    L.push("| what | import median (min-max) | whole process median | process minus empty process |", "|---|---:|---:|---:|");
    for (const r of gen) row(r);
  }
  return L.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const data = runImportTime({ quick: args.includes("--quick") });
  const j = args.indexOf("--json");
  if (j >= 0) writeFileSync(args[j + 1], JSON.stringify(data, null, 2));
  process.stdout.write(`${renderImportTime(data)}\n`);
}
