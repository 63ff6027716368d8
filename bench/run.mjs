#!/usr/bin/env node
// The benchmark suite, run by `npm run bench` (after `npm run build`). Runs every benchmark,
// each in processes of its own, and writes bench/results.md (medians, ratios, targets,
// PASS/FAIL, the machine) and docs/performance-readme-section.md (the README's Performance
// section with the latest figures), which a full run also puts into README.md. Raw figures:
// bench/.work/results.json. Needs nothing outside the repository: the peers (buf, ts-proto,
// protoc-gen-es) are devDependencies.
//
//   node bench/run.mjs [--quick] [--only validators,codegen,peers,watch,size,import,profile]
//                      [--sizes 10,100,1000] [--layouts one,many] [--peers ts-proto,protoc-gen-es]
//                      [--watch-sizes 1000] [--profile-sizes 1000] [--nodes 20,22,24]
//   node bench/run.mjs --render-only    rewrite the markdown from bench/.work/results.json
//
// Parts (all by default):
//   validators  parsePoolSpec & co. against a hand-written reader, zod and ajv (bench/validators.mjs)
//   codegen     cold `idlc generate` on idl/ and synthetic models (one module, modules of 9),
//               growth, `idlc check` (bench/codegen.mjs)
//   peers       `buf generate` with ts-proto and protoc-gen-es on the same models, in the same
//               rounds as idlc (with --only peers alone, idlc is still sampled beside them)
//   watch       `idlc generate --watch` latency after an edit (bench/watch.mjs)
//   size        KB of TypeScript per type (from the codegen runs; alone: one run per model)
//   import      import time of @mvm/pool-model and of the idlc bundle (bench/import-time.mjs)
//   profile     `node --cpu-prof` of cold idlc generate on idl/ and --profile-sizes (bench/profile-codegen.mjs)
// --quick: fewer samples and rounds, for trying the suite out; its figures are not for the
// README. --watch-sizes / --profile-sizes "" leave the synthetic models out of those parts.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codegenVerdicts, kbPerType, renderCodegen, renderSize, runCodegen, runSize, sizeOf, sizeVerdicts } from "./codegen.mjs";
import { renderImportTime, runImportTime } from "./import-time.mjs";
import { fileSha256, machine, ROOT, snapshotGenerator, WORK } from "./lib/measure.mjs";
import { LAYOUTS } from "./make-synthetic-idl.mjs";
import { PLUGINS } from "./peers/buf.mjs";
import { phases, profileOnce, report as profileReport, summarize } from "./profile-codegen.mjs";
import { renderValidators, renderVerdicts, runValidators, verdicts as validatorVerdicts } from "./validators.mjs";
import { renderWatch, runWatch, watchVerdicts } from "./watch.mjs";

const PARTS = ["validators", "codegen", "peers", "watch", "size", "import", "profile"];
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const list = (name, dflt) => (opt(name) !== undefined ? opt(name).split(",").filter(Boolean) : dflt);
const quick = args.includes("--quick");
const only = new Set(list("--only", PARTS));
for (const p of only) if (!PARTS.includes(p)) throw new Error(`--only: unknown part '${p}' (parts: ${PARTS.join(", ")})`);
if (args.includes("--no-peers")) only.delete("peers");
const sizes = list("--sizes", ["10", "100", "1000"]).map(Number);
const layouts = list("--layouts", Object.keys(LAYOUTS));
const peers = list("--peers", Object.keys(PLUGINS));
const watchSizes = list("--watch-sizes", ["1000"]).map(Number);
const profileSizes = list("--profile-sizes", ["1000"]).map(Number);
const nodes = list("--nodes", undefined)?.map(Number);
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
  const results = { quick, parts: [...only], machine: machine() };
  // The generator is measured from a snapshot taken now; the package (generated/dist) is checked
  // for changes between start and end.
  const snapshot = await snapshotGenerator();
  results.generatorSha256 = snapshot.sha256;
  const PACKAGE_FILE = join(ROOT, "generated", "dist", "pool.js");
  results.packageShaAtStart = fileSha256(PACKAGE_FILE);
  if (only.has("validators")) {
    log("== validators");
    results.validators = await runValidators({ quick, log, ...(nodes ? { nodes } : {}) });
  }
  if (only.has("import")) {
    log("== import time");
    results.importTime = runImportTime({ quick, log });
  }
  if (only.has("codegen") || only.has("peers")) {
    log(`== codegen${only.has("peers") ? `, with ${peers.join(" and ")} beside idlc` : ""}`);
    results.codegen = await runCodegen({ quick, sizes, layouts, peers: only.has("peers") ? peers : [], check: only.has("codegen"), log, snapshot });
    results.codegen.loadavgAtEnd = machine().loadavg;
  }
  if (only.has("size")) {
    if (results.codegen) results.size = sizeOf(results.codegen);
    else {
      log("== emitted size");
      results.size = await runSize({ sizes, layouts, log, snapshot });
    }
  }
  if (only.has("watch")) {
    log("== watch latency");
    results.watch = await runWatch({ quick, sizes: watchSizes, log, snapshot });
  }
  if (only.has("profile")) {
    log("== CPU profiles of idlc generate");
    results.profiles = [];
    const runs = [{}];
    for (const types of profileSizes) for (const layout of layouts) runs.push({ types, layout });
    for (const r of runs) {
      log(`  profile: ${r.types ? `${r.types} types, ${r.layout}` : "idl/"}`);
      const run = profileOnce({ ...r, idlc: snapshot.bin });
      results.profiles.push({ label: run.label, what: run.what, wallMs: run.wallMs, file: run.file, markdown: profileReport(run, 15), summary: summarize(run.profile, 15), phases: phases(run.profile) });
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
const loads = (l) => l.map((x) => x.toFixed(2)).join(", ");
const L = [];
L.push("# Benchmarks");
L.push("");
L.push(
  `Written by \`npm run bench\` (bench/run.mjs${results.quick ? " --quick: QUICK RUN, fewer samples" : ""}${results.parts && results.parts.length < PARTS.length ? `, parts: ${results.parts.join(", ")}` : ""}); do not edit by hand. Every figure below was measured in this one run.`,
);
L.push("");
L.push("## Machine");
L.push("");
L.push(`- CPU: ${m.cpu}, ${m.cores} cores`);
L.push(`- Memory: ${m.memoryGb.toFixed(1)} GB`);
L.push(`- Node ${m.node} (V8 ${m.v8}) runs the suite, idlc and the peers' plugins${results.validators ? `; the readers and writers are measured on ${results.validators.versions.filter((v) => !v.missing).map((v) => `Node ${v.node}`).join(", ")}` : ""}`);
L.push(`- OS: ${m.os}`);
L.push(
  `- Load average (1, 5, 15 min) at start ${loads(m.loadavg)}${results.codegen ? `, after the codegen runs ${loads(results.codegen.loadavgAtEnd)}` : ""}, at end ${loads(results.loadavgAtEnd)}. The machine is shared: a load above ${m.cores} means other processes wanted the CPUs too, so wall-clock figures grow and scatter; CPU-time figures and same-process ratios hold up better.`,
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
const issue15 = [...(results.codegen ? codegenVerdicts(results.codegen) : []), ...(results.watch ? watchVerdicts(results.watch) : []), ...(results.size ? sizeVerdicts(results.size) : [])];
for (const v of issue15) L.push(`| ${v.what} (ISSUE 15) | ${v.value} | ${v.pass ? "**PASS**" : "**FAIL**"} |`);
if (results.validators) {
  const nodeOf = Object.fromEntries(results.validators.versions.map((v) => [v.major, v.node]));
  for (const row of validatorVerdicts(results.validators)) {
    for (const [major, v] of Object.entries(row.byMajor)) {
      L.push(`| ${row.what} <= ${row.target}x, Node ${nodeOf[major]} (ISSUE 13) | ${v.ratio.toFixed(2)}x (${v.ns.toFixed(0)} vs ${v.refNs.toFixed(0)} ns) | ${v.pass ? "**PASS**" : "**FAIL**"} |`);
    }
  }
}
L.push("");
L.push("Issue 15's time targets are judged on wall-clock medians of whole processes, as a developer waits for them; CPU time is beside them in the tables.");
L.push("");
if (results.codegen) {
  L.push("## Codegen at scale: `idlc generate` cold, beside protobuf generators, and `idlc check`");
  L.push("");
  L.push(
    `Synthetic IDLs: bench/make-synthetic-idl.mjs clones the ${results.codegen.models[0].info.types} types of idl/ under new names (enums, open enums, string types, structs with nested refs, lists, maps, optionals, defaults, omit rules) with one path helper per type, in two layouts: every type in one module, and modules of 9 types that import one another. idlc keeps no cache: every run is a fresh process that loads, generates and writes everything (the output folder is removed first). Method: bench/codegen.mjs.`,
  );
  L.push("");
  L.push(renderCodegen(results.codegen, { targets: false }));
  L.push("");
}
if (results.size) {
  L.push("## Emitted size");
  L.push("");
  L.push(renderSize(results.size));
  L.push("");
}
if (results.watch) {
  L.push("## `idlc generate --watch`: from an edit to the new output");
  L.push("");
  L.push(
    "Measured from outside (bench/watch.mjs): `idlc generate --watch` runs on a copy of the IDL; after its first generation, one type's doc is edited in its .yaml file (a different type each time, the edits accumulate) and the time from just before the write until the edited module's output file holds the new doc is taken (stat polled every 5 ms; idlc swaps its output folder in whole). It includes idlc's 30 ms debounce of file events. The synthetic models are for scale; the target is on idl/.",
  );
  L.push("");
  L.push(renderWatch(results.watch));
  L.push("");
}
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
if (results.importTime) {
  L.push("## Import time of `@mvm/pool-model`");
  L.push("");
  L.push(renderImportTime(results.importTime));
  L.push("");
}
if (results.profiles) {
  L.push("## Where cold `idlc generate` spends its time");
  L.push("");
  L.push(
    "One run each under `node --cpu-prof` (bench/profile-codegen.mjs; the profiler slows the run down, so compare shares, not times with the tables above). Code in the generator bundle is attributed to its source folder (esbuild's `// path` markers) and bundled packages (yaml) to their package. Phases: each sample is charged to the outermost generator function on its stack that marks one: loadIdl (read, yaml parse, shape check, model), moduleFile/indexFile (build the TypeScript syntax trees), printSourceFile (print them), jsonSchemaFiles, readme, diffTree/writeTreeAtomic.",
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
L.push("npm run bench                                   # build, then every part; writes bench/results.md");
L.push("node bench/run.mjs --quick                      # fewer samples, to try it out");
L.push("node bench/run.mjs --only codegen,peers,size    # some parts alone (validators, codegen, peers, watch, size, import, profile)");
L.push("node bench/codegen.mjs --sizes 1000 --layouts one   # one benchmark alone (also watch.mjs, validators.mjs, import-time.mjs)");
L.push("node bench/profile-codegen.mjs --types 1000 --layout one   # CPU profile of one cold idlc generate");
L.push("```");
L.push("");
writeFileSync(join(ROOT, "bench", "results.md"), L.join("\n"));

// ---------------------------------------------------------------------------------------------
// docs/performance-readme-section.md

const R = [];
const fmt = (ms) => (!Number.isFinite(ms) ? "n/a" : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
R.push("## Performance");
R.push("");
R.push(
  `Measured by \`npm run bench\` on ${m.cpu}, ${m.cores} cores, Node ${m.node}${results.validators ? ` (readers and writers also on ${results.validators.versions.filter((v) => !v.missing && v.node !== m.node).map((v) => `Node ${v.node}`).join(" and ")})` : ""}${results.quick ? " (quick run)" : ""}; full tables, method and the machine's load in [bench/results.md](bench/results.md).`,
);
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
  const tools = [...new Set(c.peers.map((p) => p.tool))];
  R.push(
    `Code generation, cold (a fresh process, nothing cached: idlc keeps no cache), medians of wall-clock and CPU time${tools.length ? `, beside \`buf generate\` with ${tools.join(" and ")} on the same models written as .proto files (one .proto per IDL module)` : ""}; KB of TypeScript per type (idlc: src/ without the shared runtime.ts):`,
  );
  R.push("");
  R.push(`| model | \`idlc generate\` wall | CPU | peak RSS | KB/type | ${tools.map((t) => `${t}: wall (CPU), KB/type`).join(" | ")}${tools.length ? " |" : ""}`);
  R.push(`|---|---:|---:|---:|---:|${tools.map(() => "---:|").join("")}`);
  for (const mm of c.models) {
    const cell = c.cells.find((x) => x.model === mm.key);
    const peerCells = tools.map((t) => {
      const p = c.peers.find((x) => x.model === mm.key && x.tool === t);
      if (!p) return "n/a";
      const per = p.output.tsBytes && mm.proto?.types ? (p.output.tsBytes / 1024 / mm.proto.types).toFixed(1) : "n/a";
      return `${p.ok ? `${fmt(p.wallMs)} (${fmt(p.cpuMs)})` : p.timedOut ? `> ${fmt(c.peerTimeoutMs)}` : "failed"}, ${per}`;
    });
    const name = mm.key === "real" ? `\`idl/\` (${mm.info.types} types${mm.proto ? `; ${mm.proto.types} in protobuf` : ""})` : `${mm.label}${mm.proto ? ` (${mm.proto.types} in protobuf)` : ""}`;
    R.push(`| ${name} | ${fmt(cell.wallMs)} | ${fmt(cell.cpuMs)} | ${Math.round(cell.maxRssMb)} MB | ${kbPerType(mm).toFixed(1)} | ${peerCells.join(" | ")}${peerCells.length ? " |" : ""}`);
  }
  R.push("");
}
if (issue15.length) {
  R.push("Issue 15's targets:");
  R.push("");
  R.push("| target | measured | verdict |");
  R.push("|---|---:|---|");
  for (const v of issue15) R.push(`| ${v.what} | ${v.value} | ${v.pass ? "PASS" : "**FAIL**"} |`);
  R.push("");
}
const notes = [];
if (results.watch) {
  const w = results.watch.results.find((x) => x.key === "real");
  const big = results.watch.results.filter((x) => x.key !== "real" && x.samples);
  notes.push(
    `\`idlc generate --watch\` on \`idl/\`: ${fmt(w.medianMs)} median, ${fmt(w.maxMs)} at most from an edit to the new output (${w.samples} edits, 30 ms of it idlc's debounce)${big.length ? `; ${big.map((x) => `${x.label}: ${fmt(x.medianMs)}`).join(", ")}` : ""}.`,
  );
}
if (results.codegen?.checks.length) {
  notes.push(`\`idlc check\`: ${results.codegen.checks.map((x) => `${fmt(x.wallMs)} on ${results.codegen.models.find((mm) => mm.key === x.model).label}`).join(", ")}.`);
}
if (results.importTime) {
  const pm = results.importTime.results.find((r) => r.id === "pool-model");
  notes.push(`Importing \`@mvm/pool-model\` takes ${pm.importMs.toFixed(0)} ms.`);
}
{
  const ls = [m.loadavg[0], results.loadavgAtEnd[0]].map((x) => x.toFixed(1));
  const mid = results.codegen?.loadavgAtEnd ? `, ${results.codegen.loadavgAtEnd[0].toFixed(1)} after the codegen runs` : "";
  notes.push(
    `Load average (1 min) was ${ls[0]} at the start of the run${mid} and ${ls[1]} at its end, on ${m.cores} cores: above ${m.cores}, other work shared the CPUs, and wall-clock figures grow and scatter (ranges and CPU times are in bench/results.md).`,
  );
}
R.push(...notes);
R.push("");
R.push("Reproduce with `npm run bench` (writes `bench/results.md`).");
R.push("");
mkdirSync(join(ROOT, "docs"), { recursive: true });
writeFileSync(join(ROOT, "docs", "performance-readme-section.md"), R.join("\n"));
// A full run (every part, full samples) also replaces the section in README.md, from its
// heading to the "Reproduce" line; what follows that line is written by hand.
const complete = !results.quick && PARTS.every((p) => (results.parts ?? []).includes(p));
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
