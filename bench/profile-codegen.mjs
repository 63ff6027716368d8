#!/usr/bin/env node
// Where does `idlc generate` spend its time? Runs it once, cold (a fresh process, the output
// folder removed: idlc keeps no cache), under `node --cpu-prof` and sums the profile's self
// time by where the code lives (the generator bundle, yaml, ajv, node internals, GC, ...), by
// phase (load the IDL, build the TypeScript syntax trees, print them, JSON Schema, README,
// diff and write) and by top functions.
//
//   node bench/profile-codegen.mjs [--types N] [--layout one|many] [--top 25] [--json FILE] [--idlc bin/idlc.js]
//
// --types N profiles a synthetic IDL of N types (make-synthetic-idl.mjs, --layout one: every
// type in one module, many: modules of 9); without it, the real idl/. Output folders and
// profiles go to bench/.work/profile/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LAYOUTS, makeSyntheticIdl } from "./make-synthetic-idl.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const IDLC = join(ROOT, "generator", "bin", "idlc.js");

/**
 * Where a line of the generator bundle comes from: esbuild heads every bundled file with a
 * `// path` comment (generator/src/... or node_modules/yaml/...). Returns that path, or undefined.
 */
const bundleMaps = new Map();
export function bundleSource(url, line) {
  if (!url || !/\/generator\/dist\/[^/]+\.js$/.test(url)) return undefined;
  let marks = bundleMaps.get(url);
  if (!marks) {
    marks = [];
    try {
      const lines = readFileSync(fileURLToPath(url), "utf8").split("\n");
      lines.forEach((l, i) => {
        const m = /^\/\/ ((?:generator\/)?(?:src|node_modules)\/\S+\.(?:[cm]?js|ts|json))$/.exec(l);
        if (m) marks.push([i, m[1]]);
      });
    } catch {}
    bundleMaps.set(url, marks);
  }
  let found;
  for (const [i, path] of marks) {
    if (i > line) break;
    found = path;
  }
  return found;
}

/** Category of a profile node, from its script URL and function name (and line, in the bundle). */
export function categoryOf(url, fn, line) {
  const src = bundleSource(url, line);
  if (src) {
    const pkg = src.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (pkg) return `${pkg[1]} (bundled)`;
    return `idlc: ${src.replace(/^(generator\/)?src\//, "").replace(/\/[^/]+$/, "/")}`;
  }
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
    const cat = categoryOf(url, functionName, lineNumber);
    cats.set(cat, (cats.get(cat) ?? 0) + us);
    const src = bundleSource(url, lineNumber);
    const short = src ? src.replace(/^(generator\/)?src\//, "") : url ? `${url.replace(/^file:\/\//, "").replace(ROOT, "").replace(/^.*node_modules\//, "")}:${lineNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"}${short ? ` (${short})` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    total += us;
  }
  const sort = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ name: k, ms: us / 1000, pct: (100 * us) / total }));
  return { totalMs: total / 1000, categories: sort(cats), functions: sort(fns).slice(0, top) };
}

/**
 * Time by phase. Each sample is charged to the outermost phase marker of the generator on its
 * stack (loadIdl, moduleFile, printSourceFile, jsonSchemaFiles, readme, ...); `generate`
 * itself only when no other marker is under it. Samples under node's module loader and not
 * inside generator code are module loading.
 */
export function phases(profile, rules = PHASE_RULES) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const phaseOf = (leaf) => {
    if (memo.has(leaf)) return memo.get(leaf);
    const f0 = byId.get(leaf).callFrame;
    let result;
    if (f0.functionName === "(garbage collector)") result = "GC";
    else if (f0.functionName === "(idle)") result = "idle (waiting for I/O)";
    else {
      let inGen = false;
      let marker;
      let fallback;
      let loading = false;
      for (let id = leaf; id !== undefined; id = parent.get(id)) {
        const f = byId.get(id).callFrame;
        const rule = rules.find((r) => r.test(f));
        if (rule?.fallback) fallback ??= rule.name;
        else if (rule) marker = rule.name; // keeps the outermost
        if (/\/generator\/dist\//.test(f.url)) inGen = true;
        else if (!inGen && /^node:internal\/(modules\/|deps\/cjs-module-lexer)/.test(f.url)) loading = true;
      }
      result = marker ?? fallback ?? (loading && !inGen ? "module loading (compile + evaluate the bundle and its dependencies)" : inGen ? "idlc: other (CLI, config)" : "other (startup, native)");
    }
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
  { name: "load IDL (read, yaml parse, shape check, model)", test: (f) => inGenerator(f) && /^(readSources|readModel|loadIdl|readIdlDir)$/.test(f.functionName) },
  { name: "TypeScript: build syntax trees (moduleFile, indexFile)", test: (f) => inGenerator(f) && /^(moduleFile|indexFile)$/.test(f.functionName) },
  { name: "TypeScript: print (printSourceFile)", test: (f) => inGenerator(f) && f.functionName === "printSourceFile" },
  { name: "JSON Schema (jsonSchemaFiles)", test: (f) => inGenerator(f) && f.functionName === "jsonSchemaFiles" },
  { name: "README (readme)", test: (f) => inGenerator(f) && f.functionName === "readme" },
  { name: "diff + write output", test: (f) => inGenerator(f) && /^(diffTree|writeTreeAtomic|recoverInterruptedSwap|foreignFiles)$/.test(f.functionName) },
  { name: "generate: other (index, manifest, sort)", fallback: true, test: (f) => inGenerator(f) && /^(generate|indexModel|manifestText)$/.test(f.functionName) },
];

export function profileOnce({ types, layout = "many", dir = join(ROOT, "bench", ".work", "profile"), idlc = IDLC } = {}) {
  mkdirSync(dir, { recursive: true });
  let idl = join(ROOT, "idl");
  const label = types ? `synthetic-${types}-${layout}` : "real";
  let info;
  if (types) {
    if (!(layout in LAYOUTS)) throw new Error(`--layout must be one of ${Object.keys(LAYOUTS).join(", ")}; got ${layout}`);
    idl = join(dir, `idl-${types}-${layout}`);
    info = makeSyntheticIdl({ types, outDir: idl, perModule: LAYOUTS[layout] });
  }
  const out = join(dir, `out-${label}`);
  const profDir = join(dir, `prof-${label}`);
  rmSync(profDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profDir, "--cpu-prof-interval", "200", idlc, "generate", "--target", "ts", "--idl", idl, "--out", out, "--quiet"], {
    cwd: ROOT,
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
  const what = types ? `${types.toLocaleString("en-US")} types, ${info.modules === 1 ? "one module" : `${info.modules} modules`}` : "`idl/`";
  return { label, what, wallMs, file: main.file, profile: main.profile };
}

function fmtTable(rows, head) {
  const lines = [`| ${head} | self ms | % |`, "|---|---:|---:|"];
  for (const r of rows) lines.push(`| ${r.name.replace(/\|/g, "\\|")} | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`);
  return lines.join("\n");
}

/** Markdown report of one profiled run. */
export function report({ what, wallMs, file, profile }, top = 15) {
  const s = summarize(profile, top);
  const ph = phases(profile);
  return [
    `#### idlc generate, ${what}, cold (wall ${wallMs.toFixed(0)} ms under the profiler, ${s.totalMs.toFixed(0)} ms sampled)`,
    "",
    "By phase (each sample charged to the outermost phase on its stack):",
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
    "",
    `Profile: \`${file.replace(ROOT, "")}\` (open in Chrome DevTools or speedscope).`,
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i < 0 ? dflt : args[i + 1];
  };
  const types = opt("--types") ? Number(opt("--types")) : undefined;
  const top = Number(opt("--top", "25"));
  const run = profileOnce({ types, layout: opt("--layout", "many"), idlc: opt("--idlc") ? resolve(opt("--idlc")) : IDLC });
  process.stdout.write(`${report(run, top)}\n`);
  const json = opt("--json");
  if (json) writeFileSync(json, JSON.stringify({ ...summarize(run.profile, top), phases: phases(run.profile), wallMs: run.wallMs }, null, 2));
}
