#!/usr/bin/env node
// Codegen benchmark: `idlc generate` as a whole, cold process (a fresh `node` per sample) on the
// real idl/ and on synthetic IDLs of 10, 100 and 1,000 types (make-synthetic-idl.mjs), with
// wall time, CPU time and peak RSS; the same models through json-schema-to-typescript and
// quicktype (from the JSON Schemas idlc emits), timed the same way; and `idlc check` on the
// real IDL.
//
//   node bench/codegen.mjs [--quick] [--sizes 10,100,1000] [--no-peers] [--json FILE]
//
// Format cache states (idlc caches prettier's output by content hash, IDLC_CACHE_DIR):
//   cold cache  a fresh, empty cache folder per sample, output folder removed: everything is
//               generated, formatted and written (CI without a cache, a first build);
//   warm cache  the cache filled by an earlier run, output folder removed: everything is
//               generated and written, formatting is served from the cache;
//   one edit    warm cache, and one type's doc changed in the IDL since (a different edit per
//               sample): the everyday regeneration after an IDL edit;
//   up to date  warm cache and the output already current: nothing is written (a rebuild
//               with no IDL change).
// Every state keeps the V8 code cache of ts-morph that the build writes (generator/dist/code-cache);
// the real IDL is also measured cold without it (IDLC_CODE_CACHE=0).
// The generator is run from a snapshot of generator/ taken when the suite starts
// (bench/.work/idlc-snapshot), so a rebuild during the run cannot mix versions.
// "Cold" always means a fresh process; the OS file cache is warm (an untimed run comes first).
// Samples per cell: up to 7 (real, 10 types; 5 when up to date), 5 (100), 3 (1,000), fewer
// when a cell's time budget (about 45 s) runs out; always at least one. Peers: up to 3 samples
// (2 at 100 types, 1 at 1,000), each killed after a timeout (60 s; quicktype needs far longer
// at 1,000 types).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { machine, measureNode, ROOT, snapshotGenerator, summarizeRuns, WORK } from "./lib/measure.mjs";
import { makeSyntheticIdl, readRealModel } from "./make-synthetic-idl.mjs";

const DIR = join(WORK, "codegen");
const PEERS = {
  "json-schema-to-typescript": join(ROOT, "bench", "peers", "json2ts.mjs"),
  quicktype: join(ROOT, "bench", "peers", "quicktype.mjs"),
};

export const TARGETS = { realMs: 800, types1000Ms: 8000, growth100to1000: 11, checkMs: 1000 };

function plan(types, quick) {
  if (quick) return { max: 2, budgetMs: 15000 };
  if (types === undefined || types <= 10) return { max: 7, budgetMs: 40000 };
  if (types <= 100) return { max: 5, budgetMs: 45000 };
  return { max: 3, budgetMs: 45000 };
}

/** Samples one cell: prepare(i) returns [args, opts] for sample i. */
async function sampleCell(name, { max, budgetMs }, prepare, log) {
  const runs = [];
  const started = Date.now();
  while (runs.length < max) {
    const [args, opts] = prepare(runs.length);
    const r = await measureNode(args, opts);
    runs.push(r);
    log(`  ${name}: sample ${runs.length}: ${r.ok ? `${Math.round(r.wallMs)} ms, ${Math.round(r.maxRssKb / 1024)} MB` : r.timedOut ? "timed out" : `FAILED (exit ${r.status}) ${r.stderr.slice(-300)}`}`);
    if (!r.ok) break;
    if (Date.now() - started + r.wallMs > budgetMs) break;
  }
  return summarizeRuns(runs);
}

function treeStats(dir) {
  let files = 0;
  let bytes = 0;
  let tsLines = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "dist" && e.name !== "node_modules") walk(p);
        continue;
      }
      files++;
      bytes += statSync(p).size;
      if (p.endsWith(".ts")) tsLines += readFileSync(p, "utf8").split("\n").length;
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, bytes, tsLines };
}

function realInfo() {
  const mods = readRealModel(join(ROOT, "idl"));
  return {
    types: mods.reduce((n, m) => n + Object.keys(m.types ?? {}).length, 0),
    paths: mods.reduce((n, m) => n + Object.keys(m.paths ?? {}).length, 0),
    roots: mods.reduce((n, m) => n + Object.keys(m.roots ?? {}).length, 0),
    modules: mods.length,
  };
}

/** A copy of an IDL folder with one type's doc edited (edit number n): the first doc line found is changed. */
export function editedIdl(src, dst, n) {
  mkdirSync(dst, { recursive: true });
  const files = readdirSync(src).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const f of files) cpSync(join(src, f), join(dst, f));
  // The last module that declares types: change the doc of its first type.
  for (const f of [...files].reverse()) {
    const text = readFileSync(join(src, f), "utf8");
    const m = text.match(/^types:\n {2}[A-Z][A-Za-z0-9]*:\n(?: {4}.*\n)*? {4}doc: (?:\|\n {6})?(.*)$/m);
    if (!m) continue;
    const at = m.index + m[0].length;
    writeFileSync(join(dst, f), `${text.slice(0, at)} (edit ${n})${text.slice(at)}`);
    return f;
  }
  throw new Error(`no type doc to edit in ${src}`);
}

export async function runCodegen({ quick = false, sizes = [10, 100, 1000], peers = true, peerTimeoutMs = quick ? 30000 : 60000, log = () => {}, snapshot } = {}) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  snapshot ??= await snapshotGenerator();
  const IDLC = snapshot.bin;
  const models = [{ label: "real `idl/`", key: "real", idl: join(ROOT, "idl"), types: undefined, info: realInfo() }];
  for (const n of sizes) {
    const idl = join(DIR, `idl-${n}`);
    const info = makeSyntheticIdl({ types: n, outDir: idl });
    models.push({ label: `synthetic, ${n} types`, key: `s${n}`, idl, types: n, info });
  }

  // Untimed: warm the OS file cache (node_modules, the bundle) and prove the real IDL loads.
  const warm = await measureNode([IDLC, "generate", "--idl", models[0].idl, "--target", "ts", "--out", join(DIR, "warmup-out"), "--quiet"], {
    env: { IDLC_CACHE_DIR: join(DIR, "warmup-cache") },
  });
  if (!warm.ok) throw new Error(`idlc generate failed on idl/: ${warm.stderr}`);

  const cells = [];
  for (const m of models) {
    const out = join(DIR, `out-${m.key}`);
    const p = plan(m.types, quick);
    const genArgs = [IDLC, "generate", "--idl", m.idl, "--target", "ts", "--out", out, "--quiet"];
    log(`codegen: ${m.label}`);
    let cache;
    const cold = await sampleCell(
      "cold cache",
      p,
      (i) => {
        rmSync(out, { recursive: true, force: true });
        cache = join(DIR, `cache-${m.key}-${i}`);
        rmSync(cache, { recursive: true, force: true });
        return [genArgs, { env: { IDLC_CACHE_DIR: cache } }];
      },
      log,
    );
    cells.push({ model: m.key, cache: "cold", ...cold });
    if (m.key === "real") {
      // The same, without the ts-morph code cache the build leaves in generator/dist/code-cache.
      const noCode = await sampleCell(
        "cold cache, no code cache",
        p,
        (i) => {
          rmSync(out, { recursive: true, force: true });
          const empty = join(DIR, `cache-${m.key}-nocode-${i}`);
          rmSync(empty, { recursive: true, force: true });
          return [genArgs, { env: { IDLC_CACHE_DIR: empty, IDLC_CODE_CACHE: "0" } }];
        },
        log,
      );
      cells.push({ model: m.key, cache: "cold-no-code", ...noCode });
    }
    // The last cold sample filled `cache`: warm from here on.
    const warmCache = await sampleCell(
      "warm cache",
      p,
      () => {
        rmSync(out, { recursive: true, force: true });
        return [genArgs, { env: { IDLC_CACHE_DIR: cache } }];
      },
      log,
    );
    cells.push({ model: m.key, cache: "warm", ...warmCache });
    // One type's doc edited since the cache was filled: a different edit per sample. The edited
    // copy lives in another folder, so an untimed first run puts its path-dependent header
    // statements in the cache.
    const editDir = join(DIR, `idl-edit-${m.key}`);
    const editOut = join(DIR, `out-edit-${m.key}`);
    const editArgs = [IDLC, "generate", "--idl", editDir, "--target", "ts", "--out", editOut, "--quiet"];
    editedIdl(m.idl, editDir, 0);
    const prime = await measureNode(editArgs, { env: { IDLC_CACHE_DIR: cache } });
    if (!prime.ok) throw new Error(`idlc generate failed on the edited copy of ${m.label}: ${prime.stderr}`);
    const edited = await sampleCell(
      "one edit",
      p,
      (i) => {
        editedIdl(m.idl, editDir, i + 1);
        return [editArgs, { env: { IDLC_CACHE_DIR: cache } }];
      },
      log,
    );
    cells.push({ model: m.key, cache: "one-edit", ...edited });
    const upToDate = await sampleCell("up to date", { ...p, max: Math.min(p.max, 5) }, () => [genArgs, { env: { IDLC_CACHE_DIR: cache } }], log);
    cells.push({ model: m.key, cache: "up-to-date", ...upToDate });
    m.output = treeStats(out);
    m.out = out;
    m.cache = cache;
  }

  // idlc check on the real IDL, against an output it matches.
  log("check: real idl/");
  const real = models[0];
  const checkArgs = [IDLC, "check", "--idl", real.idl, "--target", "ts", "--out", real.out, "--quiet"];
  const p = plan(undefined, quick);
  const checks = [];
  checks.push({ cache: "warm", ...(await sampleCell("check, warm cache", p, () => [checkArgs, { env: { IDLC_CACHE_DIR: real.cache } }], log)) });
  checks.push({
    cache: "cold",
    ...(await sampleCell(
      "check, cold cache",
      { ...p, max: Math.min(p.max, 5) },
      (i) => {
        const c = join(DIR, `check-cache-${i}`);
        rmSync(c, { recursive: true, force: true });
        return [checkArgs, { env: { IDLC_CACHE_DIR: c } }];
      },
      log,
    )),
  });

  const bothTargets = await compareTargets(IDLC, quick, log);

  // Peers: the same models, from the JSON Schemas idlc emitted.
  const peerCells = [];
  if (peers) {
    for (const m of models) {
      const schemaDir = join(m.out, "schema");
      for (const [tool, script] of Object.entries(PEERS)) {
        log(`peer: ${tool} on ${m.label}`);
        const outFile = join(DIR, `peer-${tool}-${m.key}.ts`);
        const pp = plan(m.types, quick);
        const s = await sampleCell(
          tool,
          { max: Math.min(pp.max, m.types >= 1000 ? 1 : m.types >= 100 ? 2 : 3), budgetMs: pp.budgetMs },
          () => {
            rmSync(outFile, { force: true });
            return [[script, schemaDir, outFile], { timeoutMs: peerTimeoutMs }];
          },
          log,
        );
        const text = existsSync(outFile) ? readFileSync(outFile, "utf8") : undefined;
        peerCells.push({ model: m.key, tool, ...s, outLines: text?.split("\n").length, outBytes: text ? Buffer.byteLength(text) : undefined });
      }
    }
  }

  return {
    quick,
    generatorSha256: snapshot.sha256,
    machine: machine(),
    targets: TARGETS,
    peerTimeoutMs,
    models: models.map(({ label, key, types, info, output }) => ({ label, key, types, info, output })),
    cells,
    checks,
    bothTargets,
    peers: peerCells,
  };
}

/**
 * Both targets (the package and the crate) against the TypeScript package alone, on the real
 * IDL, in the same run: samples alternate between the two, each in a project whose package.json
 * configures both targets (so the only difference is `--target ts`), each with its own caches.
 * States: cold (empty caches, no output), one edit (caches filled, one type's doc edited since),
 * up to date (nothing to write).
 */
async function compareTargets(IDLC, quick, log) {
  const base = join(DIR, "targets");
  rmSync(base, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).idlc;
  const arms = {
    ts: { args: ["--target", "ts"] },
    both: { args: [] },
  };
  for (const [name, arm] of Object.entries(arms)) {
    arm.dir = join(base, name);
    mkdirSync(arm.dir, { recursive: true });
    writeFileSync(join(arm.dir, "package.json"), JSON.stringify({ idlc: { package: pkg.package, out: "generated", crate: { ...pkg.crate, out: "generated-rust" } } }));
    arm.cache = join(arm.dir, "cache");
  }
  const idl = join(ROOT, "idl");
  const editDir = join(base, "idl-edit");
  const max = quick ? 2 : 7;
  const run = (arm, idlDir, env) => measureNode([IDLC, "generate", "--idl", idlDir, ...arm.args, "--quiet"], { cwd: arm.dir, env: { IDLC_CACHE_DIR: arm.cache, ...env } });
  const clean = (arm) => {
    rmSync(join(arm.dir, "generated"), { recursive: true, force: true });
    rmSync(join(arm.dir, "generated-rust"), { recursive: true, force: true });
  };
  const states = [];
  const sample = async (state, prepare) => {
    const runs = { ts: [], both: [] };
    for (let i = 0; i < max; i++) {
      for (const name of i % 2 === 0 ? ["ts", "both"] : ["both", "ts"]) {
        const arm = arms[name];
        const r = await run(arm, prepare(arm, i), {});
        runs[name].push(r);
        if (!r.ok) throw new Error(`idlc generate (${name}, ${state}) failed: ${r.stderr}`);
      }
    }
    const ts = summarizeRuns(runs.ts);
    const both = summarizeRuns(runs.both);
    log(`  targets, ${state}: ts ${Math.round(ts.wallMs)} ms, both ${Math.round(both.wallMs)} ms`);
    states.push({ state, ts, both, ratio: both.wallMs / ts.wallMs });
  };
  log("targets: real idl/, both targets against TypeScript alone");
  await sample("cold", (arm) => {
    clean(arm);
    rmSync(arm.cache, { recursive: true, force: true });
    return idl;
  });
  // The caches are filled from here on; an untimed run on the edited copy primes its path.
  editedIdl(idl, editDir, 0);
  for (const arm of Object.values(arms)) await run(arm, editDir, {});
  await sample("one-edit", (arm, i) => {
    editedIdl(idl, editDir, i + 1 + (arm === arms.both ? 1000 : 0));
    return editDir;
  });
  for (const arm of Object.values(arms)) await run(arm, idl, {});
  await sample("up-to-date", () => idl);
  return { limit: 1.25, states };
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const s = (ms) => (Number.isFinite(ms) ? (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`) : "n/a");
const mb = (x) => (Number.isFinite(x) ? `${Math.round(x)} MB` : "n/a");
const kb = (b) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${Math.round(b / 1024)} KB`);
const verdict = (ok) => (ok ? "**PASS**" : "**FAIL**");
const label = (cache) => ({ cold: "cold format cache", "cold-no-code": "cold format cache, no code cache", warm: "warm format cache", "one-edit": "warm cache, one type edited", "up-to-date": "up to date" })[cache] ?? cache;

export function codegenVerdicts(data) {
  const cell = (model, cache) => data.cells.find((c) => c.model === model && c.cache === cache);
  const out = [];
  const states = ["cold", "one-edit", "warm"];
  for (const cache of states) {
    const r = cell("real", cache);
    out.push({ what: `real \`idl/\` generates in < ${data.targets.realMs} ms (${label(cache)})`, value: s(r?.wallMs), pass: r?.wallMs < data.targets.realMs });
  }
  if (data.models.some((m) => m.key === "s1000")) {
    for (const cache of states) {
      const r = cell("s1000", cache);
      out.push({ what: `1,000 types generate in < ${data.targets.types1000Ms / 1000} s (${label(cache)})`, value: s(r?.wallMs), pass: r?.wallMs < data.targets.types1000Ms });
    }
    if (data.models.some((m) => m.key === "s100")) {
      for (const cache of states) {
        const a = cell("s100", cache);
        const b = cell("s1000", cache);
        const g = b?.wallMs / a?.wallMs;
        out.push({ what: `growth 100 -> 1,000 types <= ${data.targets.growth100to1000}x (${label(cache)})`, value: Number.isFinite(g) ? `${g.toFixed(1)}x` : "n/a", pass: g <= data.targets.growth100to1000 });
      }
    }
  }
  for (const c of data.checks) {
    out.push({ what: `\`idlc check\` on the real IDL < ${data.targets.checkMs} ms (${c.cache} format cache)`, value: s(c.wallMs), pass: c.wallMs < data.targets.checkMs });
  }
  for (const t of data.bothTargets?.states ?? []) {
    out.push({
      what: `both targets (TypeScript and Rust) <= ${data.bothTargets.limit}x TypeScript alone on \`idl/\` (${label(t.state)}, ISSUE 11)`,
      value: `${t.ratio.toFixed(2)}x (${s(t.both.wallMs)} / ${s(t.ts.wallMs)})`,
      pass: t.ratio <= data.bothTargets.limit,
    });
  }
  return out;
}

export function renderCodegen(data) {
  const L = [];
  const model = Object.fromEntries(data.models.map((m) => [m.key, m]));
  L.push("Targets (ISSUE 5), wall-clock medians of whole `idlc` processes:");
  L.push("");
  L.push("| target | measured | verdict |");
  L.push("|---|---:|---|");
  for (const v of codegenVerdicts(data)) L.push(`| ${v.what} | ${v.value} | ${verdict(v.pass)} |`);
  L.push("");
  L.push(
    "The issue does not say which cache state its targets mean, so each is shown: cold (empty format cache: CI without a cache restore, the strictest), one edit (the cache filled, then one type's doc edited: the everyday rebuild), warm (the cache filled, the IDL unchanged, the output folder removed). Every state keeps the V8 code cache of ts-morph that the build writes into generator/dist/code-cache (part of the build, as the bundle is); the real IDL is also measured cold without it (`IDLC_CODE_CACHE=0`).",
  );
  L.push("");
  L.push("#### `idlc generate`, fresh process per sample");
  L.push("");
  L.push("| IDL | types / paths / modules | output (files, size, .ts lines) | format cache | samples | wall median (min-max) | CPU median | peak RSS |");
  L.push("|---|---|---|---|---:|---:|---:|---:|");
  for (const c of data.cells) {
    const m = model[c.model];
    const size = `${m.info.types} / ${m.info.paths} / ${m.info.modules}`;
    const out = m.output ? `${m.output.files} files, ${kb(m.output.bytes)}, ${m.output.tsLines.toLocaleString("en-US")} lines` : "";
    const fail = c.ok < c.samples ? ` (${c.samples - c.ok} failed${c.failed.length ? `: ${c.failed[0]}` : ""})` : "";
    L.push(`| ${m.label} | ${size} | ${out} | ${label(c.cache)} | ${c.ok}${fail} | ${s(c.wallMs)} (${s(c.wallMinMs)}-${s(c.wallMaxMs)}) | ${s(c.cpuMs)} | ${mb(c.maxRssMb)} |`);
  }
  const g = (cache) => {
    const a = data.cells.find((c) => c.model === "s100" && c.cache === cache);
    const b = data.cells.find((c) => c.model === "s1000" && c.cache === cache);
    const a10 = data.cells.find((c) => c.model === "s10" && c.cache === cache);
    const parts = [];
    if (a10 && a) parts.push(`10 -> 100: ${(a.wallMs / a10.wallMs).toFixed(1)}x`);
    if (a && b) parts.push(`100 -> 1,000: ${(b.wallMs / a.wallMs).toFixed(1)}x`);
    return parts.join(", ");
  };
  L.push("");
  L.push(`Growth (wall): cold cache ${g("cold")}; one edit ${g("one-edit")}; warm cache ${g("warm")}; up to date ${g("up-to-date")}.`);
  if (data.generatorSha256) L.push("", `Generator measured: snapshot of generator/ taken at the start of the run, bundle sha256 \`${data.generatorSha256.slice(0, 16)}\`.`);
  if (data.bothTargets?.states) {
    L.push("");
    L.push("#### Both targets against TypeScript alone, real IDL, same run");
    L.push("");
    L.push(
      "Samples alternate between `idlc generate --target ts` and `idlc generate` (the package and the crate) in two projects whose package.json configures both targets, each with its own caches. The Rust target is generated in memory from the loaded model (no formatter: its text is already in rustfmt's layout) and has its own whole-output cache entry.",
    );
    L.push("");
    L.push("| state | TypeScript alone: wall median (min-max) | both targets: wall median (min-max) | both / TypeScript |");
    L.push("|---|---:|---:|---:|");
    for (const t of data.bothTargets.states) {
      L.push(`| ${label(t.state)} | ${s(t.ts.wallMs)} (${s(t.ts.wallMinMs)}-${s(t.ts.wallMaxMs)}) | ${s(t.both.wallMs)} (${s(t.both.wallMinMs)}-${s(t.both.wallMaxMs)}) | ${t.ratio.toFixed(2)}x |`);
    }
  }
  L.push("");
  L.push("#### `idlc check`, real IDL, fresh process per sample");
  L.push("");
  L.push("| format cache | samples | wall median (min-max) | CPU median | peak RSS |");
  L.push("|---|---:|---:|---:|---:|");
  for (const c of data.checks) L.push(`| ${c.cache} | ${c.ok} | ${s(c.wallMs)} (${s(c.wallMinMs)}-${s(c.wallMaxMs)}) | ${s(c.cpuMs)} | ${mb(c.maxRssMb)} |`);
  if (data.peers.length) {
    L.push("");
    L.push("#### Peers: the same models from the emitted JSON Schema, fresh process per sample");
    L.push("");
    L.push(
      `Each peer script (bench/peers/) reads the model's \`schema/*.schema.json\`, merges their \`$defs\` into one document and writes one TypeScript file: json-schema-to-typescript \`compile\` (types only, formatted with prettier), quicktype-core \`quicktype\` (lang typescript: types plus runtime-checked Convert functions). idlc writes types, readers, writers, path helpers, schemas and a README. Timeout ${s(data.peerTimeoutMs)} per run.`,
    );
    L.push("");
    L.push("| IDL | tool | samples | wall median | CPU median | peak RSS | output | wall vs idlc (cold cache) |");
    L.push("|---|---|---:|---:|---:|---:|---|---:|");
    for (const m of data.models) {
      const idlc = data.cells.find((c) => c.model === m.key && c.cache === "cold");
      L.push(`| ${m.label} | idlc generate (cold cache) | ${idlc.ok} | ${s(idlc.wallMs)} | ${s(idlc.cpuMs)} | ${mb(idlc.maxRssMb)} | ${m.output ? `${m.output.tsLines.toLocaleString("en-US")} .ts lines` : ""} | 1.00x |`);
      for (const p of data.peers.filter((x) => x.model === m.key)) {
        const wall = p.ok ? s(p.wallMs) : p.timedOut ? `> ${s(data.peerTimeoutMs)} (killed)` : "failed";
        const ratio = p.ok ? `${(p.wallMs / idlc.wallMs).toFixed(2)}x` : p.timedOut ? `> ${(data.peerTimeoutMs / idlc.wallMs).toFixed(1)}x` : "";
        L.push(`| ${m.label} | ${p.tool} | ${p.ok} | ${wall} | ${s(p.cpuMs)} | ${mb(p.maxRssMb)} | ${p.outLines ? `${p.outLines.toLocaleString("en-US")} lines` : ""} | ${ratio} |`);
      }
    }
  }
  return L.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const sizes = opt("--sizes") ? opt("--sizes").split(",").map(Number) : undefined;
  const data = await runCodegen({ quick: args.includes("--quick"), sizes, peers: !args.includes("--no-peers"), log: (m) => process.stderr.write(`${m}\n`) });
  if (opt("--json")) writeFileSync(opt("--json"), JSON.stringify(data, null, 2));
  process.stdout.write(`${renderCodegen(data)}\n`);
}
