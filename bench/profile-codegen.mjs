#!/usr/bin/env node
// Where does `idlc generate` spend its time? Runs it once under `node --cpu-prof` and sums the
// profile's self time by where the code lives (typescript, ts-morph, prettier, yaml, ajv, the
// generator bundle, node internals, GC, ...) and by top functions.
//
//   node bench/profile-codegen.mjs [--types N] [--cache cold|edit|warm] [--top 25] [--json FILE] [--idlc bin/idlc.js]
//
// --cache: cold = empty format cache; edit = cache filled, then one type's doc edited (the
// everyday rebuild); warm = cache filled, IDL unchanged, output folder removed.
//
// --types N profiles a synthetic IDL of N types (made by make-synthetic-idl.mjs); without it,
// the real idl/. Output folders and profiles go to bench/.work/profile/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { editedIdl } from "./codegen.mjs";
import { makeSyntheticIdl } from "./make-synthetic-idl.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const IDLC = join(ROOT, "generator", "bin", "idlc.js");

/** Category of a profile node, from its script URL and function name. */
export function categoryOf(url, fn) {
  if (!url) {
    if (fn === "(garbage collector)") return "GC";
    if (fn === "(idle)") return "idle";
    if (fn === "(program)") return "V8/native (program)";
    return `native: ${fn || "(anonymous)"}`;
  }
  if (url.startsWith("node:")) return "node internals (module loading, fs, ...)";
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (m) {
    const pkg = m[m.length - 1].replace(/^node_modules\//, "").replace(/\/$/, "");
    if (pkg === "@ts-morph/common") return "ts-morph (+@ts-morph/common)";
    if (pkg === "ts-morph") return "ts-morph (+@ts-morph/common)";
    return pkg;
  }
  if (url.includes("/generator/dist/")) return "idlc (generator bundle)";
  return url.replace(/^file:\/\//, "").replace(ROOT, "");
}

/** Self time (ms) by category and by function, from a .cpuprofile object. */
export function summarize(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }
  const cats = new Map();
  const fns = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const { url, functionName, lineNumber } = n.callFrame;
    const cat = categoryOf(url, functionName);
    cats.set(cat, (cats.get(cat) ?? 0) + us);
    const short = url ? url.replace(/^file:\/\//, "").replace(ROOT, "").replace(/^.*node_modules\//, "") : "";
    const key = `${functionName || "(anonymous)"} ${short ? `${short}:${lineNumber + 1}` : ""}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    total += us;
  }
  const sort = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ name: k, ms: us / 1000, pct: (100 * us) / total }));
  return { totalMs: total / 1000, categories: sort(cats), functions: sort(fns).slice(0, top) };
}

/**
 * Time by phase. Each sample is charged, walking its stack from the leaf, to the first phase
 * marker of the generator (emitTs, loadIdl, formatFiles, ...). Samples under node's module
 * loader and not inside generator code are module loading (compiling and evaluating
 * typescript, ts-morph, prettier, ...). prettier's format runs in promise continuations, so
 * samples with prettier frames and no generator frame are formatting.
 */
export function phases(profile, rules = PHASE_RULES) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const phaseOf = (leaf) => {
    if (memo.has(leaf)) return memo.get(leaf);
    let inGen = false;
    let sawPrettier = false;
    let result;
    for (let id = leaf; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      if (id === leaf && f.functionName === "(garbage collector)") {
        result = "GC";
        break;
      }
      if (id === leaf && f.functionName === "(idle)") {
        result = "idle (waiting for workers or I/O)";
        break;
      }
      const rule = rules.find((r) => r.test(f));
      if (rule) {
        result = rule.name;
        break;
      }
      if (/\/generator\/dist\//.test(f.url)) inGen = true;
      else if (!inGen && /^node:internal\/(modules\/|deps\/cjs-module-lexer)/.test(f.url)) {
        result = "module loading (compile + evaluate dependencies)";
        break;
      } else if (/node_modules\/prettier\//.test(f.url)) sawPrettier = true;
    }
    result ??= inGen ? "idlc: other (CLI, config)" : sawPrettier ? "format (prettier)" : "other (startup, native)";
    memo.set(leaf, result);
    return result;
  };
  const out = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const p = phaseOf(profile.samples[i]);
    out.set(p, (out.get(p) ?? 0) + dt);
    total += dt;
  }
  return [...out].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, pct: (100 * us) / total }));
}

const inGenerator = (f) => /\/generator\/dist\//.test(f.url);

/** Phase markers: functions of the generator bundle whose call tree is one phase. */
export const PHASE_RULES = [
  { name: "format (prettier)", test: (f) => inGenerator(f) && f.functionName === "formatFiles" },
  { name: "emit: ts-morph createSourceFile + getFullText", test: (f) => inGenerator(f) && f.functionName === "emitTs" },
  { name: "emit: structures (module, index)", test: (f) => inGenerator(f) && /^(moduleFileStructure|indexFileStructure)$/.test(f.functionName) },
  { name: "emit: JSON Schema", test: (f) => inGenerator(f) && f.functionName === "jsonSchemaFiles" },
  { name: "emit: README", test: (f) => inGenerator(f) && f.functionName === "readme" },
  { name: "emit: other (new Project, ...)", test: (f) => inGenerator(f) && f.functionName === "generate" },
  { name: "load IDL (yaml parse, ajv shape check, model)", test: (f) => inGenerator(f) && /^(readModel|loadIdl)$/.test(f.functionName) },
  { name: "diff + write output", test: (f) => inGenerator(f) && /^(diffTree|writeTreeAtomic)$/.test(f.functionName) },
];

export function profileOnce({ types, cache = "cold", dir = join(ROOT, "bench", ".work", "profile"), idlc = IDLC } = {}) {
  mkdirSync(dir, { recursive: true });
  let idl = join(ROOT, "idl");
  const label = types ? `synthetic-${types}` : "real";
  if (types) {
    idl = join(dir, `idl-${types}`);
    makeSyntheticIdl({ types, outDir: idl });
  }
  const out = join(dir, `out-${label}`);
  const cacheDir = join(dir, `cache-${label}`);
  const profDir = join(dir, `prof-${label}-${cache}`);
  rmSync(profDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const fill = (from) => {
    const r = spawnSync(process.execPath, [idlc, "generate", "--idl", from, "--target", "ts", "--out", out, "--quiet"], { cwd: ROOT, env: { ...process.env, IDLC_CACHE_DIR: cacheDir } });
    if (r.status !== 0) throw new Error(`idlc generate failed (${r.status}): ${r.stderr}`);
    rmSync(out, { recursive: true, force: true });
  };
  if (cache === "warm") fill(idl);
  else if (cache === "edit") {
    // Fill the cache from a copy of the IDL, then edit one type's doc in that copy.
    const copy = join(dir, `idl-${label}-edit`);
    rmSync(copy, { recursive: true, force: true });
    editedIdl(idl, copy, 0);
    fill(copy);
    editedIdl(idl, copy, 1);
    idl = copy;
  } else if (cache !== "cold") throw new Error(`--cache must be cold, warm or edit; got ${cache}`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profDir, "--cpu-prof-interval", "200", idlc, "generate", "--idl", idl, "--target", "ts", "--out", out, "--quiet"], {
    cwd: ROOT,
    env: { ...process.env, IDLC_CACHE_DIR: cacheDir },
    encoding: "utf8",
  });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`idlc generate failed (${r.status}): ${r.stderr}`);
  // One profile per thread: CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; thread 0 is main.
  const threads = readdirSync(profDir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => ({ file: join(profDir, f), tid: Number(f.split(".")[4]), profile: JSON.parse(readFileSync(join(profDir, f), "utf8")) }))
    .sort((a, b) => a.tid - b.tid);
  const main = threads.find((t) => t.tid === 0) ?? threads[0];
  return { label, cache, wallMs, file: main.file, profile: main.profile, workers: threads.filter((t) => t !== main) };
}

function fmtTable(rows, head) {
  const lines = [`| ${head} | self ms | % |`, "|---|---:|---:|"];
  for (const r of rows) lines.push(`| ${r.name.replace(/\|/g, "\\|")} | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`);
  return lines.join("\n");
}

/** Markdown report of one profiled run. */
export function report({ label, cache, wallMs, file, profile, workers = [] }, top = 15) {
  const s = summarize(profile, top);
  const ph = phases(profile);
  const workerLines = [];
  if (workers.length > 0) {
    workerLines.push("", `Worker threads (${workers.length}), each its own profile:`, "", "| thread | sampled ms | busy ms | by phase |", "|---|---:|---:|---|");
    for (const w of workers) {
      const ws = summarize(w.profile, 5);
      const wp = phases(w.profile);
      const idle = wp.find((x) => x.name.startsWith("idle"))?.ms ?? 0;
      workerLines.push(`| ${w.tid} | ${ws.totalMs.toFixed(0)} | ${(ws.totalMs - idle).toFixed(0)} | ${wp.filter((x) => x.pct >= 1).map((x) => `${x.name} ${x.ms.toFixed(0)} ms`).join("; ")} |`);
    }
  }
  return [
    `#### idlc generate, ${label} IDL, ${{ cold: "cold format cache", edit: "warm cache, one type edited", warm: "warm format cache" }[cache] ?? cache} (wall ${wallMs.toFixed(0)} ms under the profiler, ${s.totalMs.toFixed(0)} ms sampled on the main thread)`,
    "",
    "Main thread, by phase (inclusive time of the phase's call tree):",
    "",
    fmtTable(ph, "phase").replace("self ms", "ms"),
    "",
    "By package (self time):",
    "",
    fmtTable(s.categories.filter((c) => c.pct >= 0.5), "where"),
    "",
    `Top ${top} functions (self time):`,
    "",
    fmtTable(s.functions, "function"),
    ...workerLines,
    "",
    `Profile: \`${file.replace(ROOT, "")}\`${workers.length ? " and one per worker beside it" : ""} (open in Chrome DevTools or speedscope).`,
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i < 0 ? dflt : args[i + 1];
  };
  const types = opt("--types") ? Number(opt("--types")) : undefined;
  const cache = opt("--cache", "cold");
  const top = Number(opt("--top", "25"));
  const run = profileOnce({ types, cache, idlc: opt("--idlc") ? resolve(opt("--idlc")) : IDLC });
  const text = report(run, top);
  process.stdout.write(`${text}\n`);
  const json = opt("--json");
  if (json) {
    const workers = run.workers.map((w) => ({ tid: w.tid, ...summarize(w.profile, top), phases: phases(w.profile) }));
    writeFileSync(json, JSON.stringify({ ...summarize(run.profile, top), phases: phases(run.profile), wallMs: run.wallMs, workers }, null, 2));
  }
}
