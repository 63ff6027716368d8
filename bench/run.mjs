#!/usr/bin/env node
// The benchmark suite, run by `npm run bench` (after `npm run build`). Runs every benchmark,
// each in processes of its own, and writes bench/results.md (medians, ratios, targets,
// PASS/FAIL, the machine) and docs/performance-readme-section.md (the README's Performance
// section with the latest figures), which a full run also puts into README.md. Raw figures:
// bench/.work/results.json.
//
//   node bench/run.mjs [--quick] [--only validators,codegen,import,profile]
//                      [--sizes 10,100,1000] [--profile-sizes 1000] [--no-peers]
//   node bench/run.mjs --render-only    rewrite the markdown from bench/.work/results.json
//
// --quick: fewer samples and rounds, for trying the suite out; its figures are not for the
// README. --profile-sizes: also CPU-profile idlc generate on synthetic IDLs of these sizes
// (slow; by default only the real idl/ is profiled).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codegenVerdicts, renderCodegen, runCodegen } from "./codegen.mjs";
import { renderImportTime, runImportTime } from "./import-time.mjs";
import { fileSha256, machine, ROOT, snapshotGenerator, WORK } from "./lib/measure.mjs";
import { profileOnce, report as profileReport, phases, summarize } from "./profile-codegen.mjs";
import { renderValidators, renderVerdicts, runValidators, verdicts as validatorVerdicts } from "./validators.mjs";

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const quick = args.includes("--quick");
const only = new Set((opt("--only") ?? "validators,codegen,import,profile").split(","));
const sizes = opt("--sizes") ? opt("--sizes").split(",").map(Number) : [10, 100, 1000];
const profileSizes = opt("--profile-sizes") ? opt("--profile-sizes").split(",").map(Number) : [];
const log = (m) => process.stderr.write(`${m}\n`);

mkdirSync(WORK, { recursive: true });
const RESULTS_JSON = join(WORK, "results.json");
let results;
if (args.includes("--render-only")) {
  // Re-write results.md and the README section from the last run's bench/.work/results.json.
  results = JSON.parse(readFileSync(RESULTS_JSON, "utf8"));
} else {
  results = await runAll();
  writeFileSync(RESULTS_JSON, JSON.stringify(results, null, 2));
}

async function runAll() {
  const started = Date.now();
  const results = { quick, machine: machine() };
  // The generator is measured from a snapshot taken now; the package (generated/dist) is checked
  // for changes between start and end.
  const snapshot = await snapshotGenerator();
  results.generatorSha256 = snapshot.sha256;
  const PACKAGE_FILE = join(ROOT, "generated", "dist", "pool.js");
  results.packageShaAtStart = fileSha256(PACKAGE_FILE);
  if (only.has("validators")) {
    log("== validators");
    results.validators = await runValidators({ quick, log });
  }
  if (only.has("import")) {
    log("== import time");
    results.importTime = runImportTime({ quick, log });
  }
  if (only.has("codegen")) {
    log("== codegen");
    results.codegen = await runCodegen({ quick, sizes, peers: !args.includes("--no-peers"), log, snapshot });
  }
  if (only.has("profile")) {
    log("== CPU profiles of idlc generate");
    results.profiles = [];
    for (const types of [undefined, ...profileSizes]) {
      for (const cache of ["cold", "edit"]) {
        log(`  profile: ${types ? `${types} types` : "real idl/"}, ${cache} cache`);
        const run = profileOnce({ types, cache, idlc: snapshot.bin });
        results.profiles.push({
          label: run.label,
          cache: run.cache,
          wallMs: run.wallMs,
          file: run.file,
          markdown: profileReport(run, 12),
          summary: summarize(run.profile, 12),
          phases: phases(run.profile),
          workers: run.workers.map((w) => ({ tid: w.tid, summary: summarize(w.profile, 12), phases: phases(w.profile) })),
        });
      }
    }
  }
  results.loadavgAtEnd = machine().loadavg;
  results.packageShaAtEnd = fileSha256(PACKAGE_FILE);
  results.generatorShaNow = fileSha256(join(ROOT, "generator", "dist", "idlc.js"));
  results.totalSeconds = (Date.now() - started) / 1000;
  return results;
}

// ---------------------------------------------------------------------------------------------
// bench/results.md

const m = results.machine;
const L = [];
L.push("# Benchmarks");
L.push("");
L.push(`Written by \`npm run bench\` (bench/run.mjs${results.quick ? " --quick: QUICK RUN, fewer samples" : ""}); do not edit by hand. Every figure below was measured in this one run.`);
L.push("");
L.push("## Machine");
L.push("");
L.push(`- CPU: ${m.cpu}, ${m.cores} cores`);
L.push(`- Memory: ${m.memoryGb.toFixed(1)} GB`);
L.push(`- Node ${m.node} (V8 ${m.v8}) runs the suite and the codegen benchmarks${results.validators ? `; the readers and writers are measured on ${results.validators.versions.filter((v) => !v.missing).map((v) => `Node ${v.node}`).join(", ")}` : ""}`);
L.push(`- OS: ${m.os}`);
L.push(
  `- Load average (1, 5, 15 min) at start ${m.loadavg.map((x) => x.toFixed(2)).join(", ")}, at end ${results.loadavgAtEnd.map((x) => x.toFixed(2)).join(", ")}. A load above ${m.cores} means other processes shared the CPUs: wall-clock figures then grow and scatter; CPU-time figures and same-process ratios hold up better.`,
);
L.push(`- Suite run time: ${(results.totalSeconds / 60).toFixed(1)} min`);
L.push(
  `- Generator measured: generator/dist/idlc.js sha256 \`${results.generatorSha256.slice(0, 16)}\`, copied to bench/.work/idlc-snapshot when the run started${results.generatorShaNow !== results.generatorSha256 ? " (generator/ has been rebuilt since: these figures are for the snapshot)" : ""}.`,
);
if (results.packageShaAtStart !== results.packageShaAtEnd) {
  L.push("- **Warning**: generated/dist changed while the suite ran; the validator figures may mix two builds of the package.");
}
L.push("");
L.push("## Targets");
L.push("");
L.push("| target | measured | verdict |");
L.push("|---|---:|---|");
if (results.validators) {
  const nodeOf = Object.fromEntries(results.validators.versions.map((v) => [v.major, v.node]));
  for (const row of validatorVerdicts(results.validators)) {
    for (const [major, v] of Object.entries(row.byMajor)) {
      L.push(`| ${row.what} <= ${row.target}x, Node ${nodeOf[major]} (ISSUE 13) | ${v.ratio.toFixed(2)}x (${v.ns.toFixed(0)} vs ${v.refNs.toFixed(0)} ns) | ${v.pass ? "**PASS**" : "**FAIL**"} |`);
    }
  }
}
if (results.codegen) for (const v of codegenVerdicts(results.codegen)) L.push(`| ${v.what} (ISSUE 5) | ${v.value} | ${v.pass ? "**PASS**" : "**FAIL**"} |`);
L.push("");
if (results.validators) {
  L.push("## Readers and writers on Node 20, 22 and 24: against a hand-written reader, the engine's JSON, zod 4 and ajv");
  L.push("");
  L.push(
    "Candidates: bench/reference/pool-spec-reference.mjs (hand-written straight-line, same semantics on these inputs; on invalid input it throws at its first error), `JSON.parse` + `parsePoolSpec` for text in, `JSON.stringify` for text out, bench/zod-pool-spec.mjs, bench/ajv-pool-spec.mjs (ajv 8, draft 2020-12, from the emitted generated/schema/pool-spec.schema.json). Every Node version runs the same scenarios in processes of its own (the binaries npm ci installs: tools/node-versions.mjs). Method: bench/validators.mjs.",
  );
  L.push("");
  L.push(renderValidators(results.validators));
  L.push("");
}
if (results.codegen) {
  L.push("## Codegen at scale: `idlc generate`, peers, `idlc check`");
  L.push("");
  L.push(
    `Synthetic IDLs: bench/make-synthetic-idl.mjs clones the ${results.codegen.models[0].info.types} types of idl/ under new names (enums, open enums, string types, structs with nested refs, lists, maps, optionals, defaults, omit rules) with as many path helpers, 4 copies of the real model per module pair (tenant_N, pool_N imports tenant_N). Method: bench/codegen.mjs.`,
  );
  L.push("");
  L.push(renderCodegen(results.codegen));
  L.push("");
}
if (results.importTime) {
  L.push("## Import time of `@mvm/pool-model`");
  L.push("");
  L.push(renderImportTime(results.importTime));
  L.push("");
}
if (results.profiles) {
  L.push("## Where `idlc generate` spends its time");
  L.push("");
  L.push(
    "One run each under `node --cpu-prof` (bench/profile-codegen.mjs; the profiler slows the run down, so compare shares, not times with the tables above). Phases: samples charged to the generator function on their stack (emitTs = ts-morph createSourceFile + getFullText, formatFiles, loadIdl, ...); samples under node's module loader outside generator code are module loading (compiling and evaluating typescript, ts-morph, prettier, yaml, ajv); prettier's work runs in promise continuations and is charged to format.",
  );
  for (const p of results.profiles) {
    L.push("");
    L.push(p.markdown.replace(/^#### /, "### "));
  }
  L.push("");
}
L.push("## Reproduce");
L.push("");
L.push("```sh");
L.push("npm run bench                        # build, then every benchmark; writes bench/results.md");
L.push("node bench/run.mjs --quick           # fewer samples, to try it out");
L.push("node bench/validators.mjs            # one benchmark alone (also codegen.mjs, import-time.mjs)");
L.push("node bench/profile-codegen.mjs --types 1000 --cache cold   # CPU profile of one idlc generate");
L.push("```");
L.push("");
writeFileSync(join(ROOT, "bench", "results.md"), L.join("\n"));

// ---------------------------------------------------------------------------------------------
// docs/performance-readme-section.md

const R = [];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
R.push("## Performance");
R.push("");
R.push(`Measured by \`npm run bench\` on ${m.cpu}, ${m.cores} cores, Node ${m.node}${results.validators ? ` (readers and writers also on ${results.validators.versions.filter((v) => !v.missing && v.node !== m.node).map((v) => `Node ${v.node}`).join(" and ")})` : ""}${results.quick ? " (quick run)" : ""}; full tables, method and the machine's load in [bench/results.md](bench/results.md).`);
R.push("");
if (results.validators) {
  R.push("Readers and writers against the engine's JSON and a hand-written reader, on each supported Node version (same process, candidates interleaved, median CPU time; the targets are issue 13's):");
  R.push("");
  R.push(renderVerdicts(results.validators, { withNs: false }));
  R.push("");
  const first = results.validators.versions.find((v) => !v.missing);
  const byInput = Object.fromEntries(first.scenarios.filter((s) => !s.fresh).map((s) => [s.input, s]));
  const ns = (input, id) => byInput[input]?.results.find((r) => r.id === id)?.medianNs;
  R.push(`| \`parsePoolSpec\` on a \`JSON.parse\`d pool.json, Node ${first.node} | full | minimal |`);
  R.push("|---|---:|---:|");
  const row = (label, id) => R.push(`| ${label} | ${Math.round(ns("full", id))} ns (${(ns("full", id) / ns("full", "reference")).toFixed(2)}x) | ${Math.round(ns("minimal", id))} ns (${(ns("minimal", id) / ns("minimal", "reference")).toFixed(2)}x) |`);
  row("generated `parsePoolSpec`", "generated");
  row("hand-written straight-line validator", "reference");
  row("zod 4", "zod");
  row("ajv (`useDefaults`, `structuredClone` first)", "ajv-clone");
  R.push("");
}
if (results.codegen) {
  const c = results.codegen;
  const cell = (k, cache) => c.cells.find((x) => x.model === k && x.cache === cache);
  R.push("| `idlc generate`, fresh process | cold cache | one type edited | unchanged (cache hit) | peak RSS (cold) |");
  R.push("|---|---:|---:|---:|---:|");
  for (const mm of c.models) {
    const cold = cell(mm.key, "cold");
    const edit = cell(mm.key, "one-edit");
    const warm = cell(mm.key, "warm");
    R.push(
      `| ${mm.key === "real" ? `\`idl/\` (${mm.info.types} types)` : `${mm.types.toLocaleString("en-US")} types (synthetic)`} | ${fmt(cold.wallMs)} | ${fmt(edit.wallMs)} | ${fmt(warm.wallMs)} | ${Math.round(cold.maxRssMb)} MB |`,
    );
  }
  const chk = c.checks.find((x) => x.cache === "warm");
  R.push("");
  const loads = [m.loadavg[0], results.loadavgAtEnd[0]].map((x) => x.toFixed(1));
  R.push(
    `Load average (1 min) was ${loads[0]} at the start of the run and ${loads[1]} at its end, on ${m.cores} cores: above ${m.cores}, wall-clock figures grow and scatter (the ranges are in bench/results.md).`,
  );
  const noCode = cell("real", "cold-no-code");
  if (noCode) {
    R.push(
      `In the same run \`idl/\` took ${(noCode.wallMs / 1000).toFixed(2)} s cold without the ts-morph code cache the build keeps (\`IDLC_CODE_CACHE=0\`), against ${(cell("real", "cold").wallMs / 1000).toFixed(2)} s with it.`,
    );
  }
  R.push("");
  R.push(`\`idlc check\` on \`idl/\`: ${fmt(chk.wallMs)} (warm cache).`);
  const both = c.bothTargets?.states;
  if (both) {
    const part = (st) => {
      const t = both.find((x) => x.state === st);
      return `${fmt(t.both.wallMs)} against ${fmt(t.ts.wallMs)}, ${t.ratio.toFixed(2)}x`;
    };
    R.push(
      `Generating both targets (the package and the Rust crate) for \`idl/\`, in the same run as TypeScript alone: cold cache ${part("cold")}; one type edited ${part("one-edit")}; unchanged ${part("up-to-date")} (the limit is ${c.bothTargets.limit}x).`,
    );
  }
  const peer = (k, tool) => c.peers.find((x) => x.model === k && x.tool === tool);
  const big = c.models.find((x) => x.key === "s1000") ?? c.models[c.models.length - 1];
  const j = peer(big.key, "json-schema-to-typescript");
  const q = peer(big.key, "quicktype");
  if (j || q) {
    const show = (p) => (p?.ok ? fmt(p.wallMs) : p?.timedOut ? `over ${fmt(c.peerTimeoutMs)}` : "n/a");
    R.push(`For scale, on ${big.info.types.toLocaleString("en-US")} types from the emitted JSON Schema: json-schema-to-typescript ${show(j)} (types only), quicktype ${show(q)}.`);
  }
}
if (results.importTime) {
  const pm = results.importTime.results.find((r) => r.id === "pool-model");
  R.push(`Importing \`@mvm/pool-model\` takes ${pm.importMs.toFixed(0)} ms.`);
}
R.push("");
R.push("Reproduce with `npm run bench` (writes `bench/results.md`).");
R.push("");
mkdirSync(join(ROOT, "docs"), { recursive: true });
writeFileSync(join(ROOT, "docs", "performance-readme-section.md"), R.join("\n"));
// A full run (every benchmark, full samples) also replaces the section in README.md, from its
// heading to the "Reproduce" line; what follows that line is written by hand.
const complete = !results.quick && results.validators && results.codegen && results.importTime;
let readmeNote = "";
if (complete) {
  const readmePath = join(ROOT, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const start = readme.indexOf("## Performance\n");
  const endMark = R[R.length - 2];
  const end = start < 0 ? -1 : readme.indexOf(`${endMark}\n`, start);
  if (end < 0) throw new Error(`README.md has no '## Performance' section ending in '${endMark}'`);
  writeFileSync(readmePath, `${readme.slice(0, start)}${R.join("\n")}${readme.slice(end + endMark.length + 1)}`);
  readmeNote = " and README.md's Performance section";
}
log(`wrote bench/results.md, docs/performance-readme-section.md${readmeNote} (${(results.totalSeconds / 60).toFixed(1)} min)`);
