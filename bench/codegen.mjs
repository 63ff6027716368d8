#!/usr/bin/env node
// Codegen benchmark (issue 15): `idlc generate` as a whole, cold process (a fresh `node` per
// sample, output folder removed first; idlc keeps no cache of any kind, so every run does all
// the work) on the real idl/ and on synthetic IDLs of 10, 100 and 1,000 types in two layouts,
// every type in one module and modules of 9 types (make-synthetic-idl.mjs); wall time, CPU time
// and peak RSS; growth 10 -> 100 -> 1,000 types; emitted TypeScript per type; `idlc check`;
// and, in the same rounds, the protobuf peers (`buf generate` with ts-proto and with
// protoc-gen-es, bench/peers/buf.mjs) on the same models turned into .proto files
// (bench/peers/idl-to-proto.mjs: one .proto per IDL module, so the same layout).
//
//   node bench/codegen.mjs [--quick] [--sizes 10,100,1000] [--layouts one,many]
//                          [--peers ts-proto,protoc-gen-es | --no-peers] [--no-check] [--json FILE]
//
// Each model is sampled in rounds, idlc then every peer, so a change in the machine's load
// hits them alike. Samples: idlc up to 7 (idl/, 10 types), 5 (100), 3 (1,000); peers up to 5,
// 3, 3; fewer when a tool's time budget for the model runs out (45 s for idlc, 100 s for a
// peer), always at least one. --quick: 2 and 1. "Cold" always means a fresh process; the OS
// file cache is warm (untimed runs of every tool come first).
// The generator is run from a snapshot of generator/ taken when the suite starts
// (bench/.work/idlc-snapshot), so a rebuild during the run cannot mix versions.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { machine, measureNode, ROOT, snapshotGenerator, summarizeRuns, WORK } from "./lib/measure.mjs";
import { LAYOUTS, makeSyntheticIdl, readRealModel } from "./make-synthetic-idl.mjs";
import { bufBinary, measureBuf, PLUGINS, template, versionOf } from "./peers/buf.mjs";
import { idlToProto } from "./peers/idl-to-proto.mjs";

const DIR = join(WORK, "codegen");

/** Issue 15's targets. */
export const TARGETS = { realMs: 1000, types1000Ms: 6000, growth100to1000: 10, kbPerType: 3.5 };

function plan(types, quick) {
  if (quick) return { idlc: 2, peer: 1 };
  if (types === undefined || types <= 10) return { idlc: 7, peer: 5 };
  if (types <= 100) return { idlc: 5, peer: 3 };
  return { idlc: 3, peer: 3 };
}
const BUDGET_MS = { idlc: 45000, peer: 100000 };

function walk(dir, visit) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "dist" && e.name !== "node_modules") walk(p, visit);
    } else visit(p, statSync(p).size);
  }
}

/**
 * idlc's output: every file, and the TypeScript it emits for the model's types: src/*.ts
 * without src/runtime.ts (the support module, the same for every IDL).
 */
export function outputStats(out) {
  const s = { files: 0, bytes: 0, tsFiles: 0, tsBytes: 0, tsLines: 0, runtimeBytes: 0 };
  walk(out, (p, size) => {
    s.files++;
    s.bytes += size;
    if (p.startsWith(join(out, "src")) && p.endsWith(".ts")) {
      if (p === join(out, "src", "runtime.ts")) {
        s.runtimeBytes = size;
        return;
      }
      s.tsFiles++;
      s.tsBytes += size;
      s.tsLines += readFileSync(p, "utf8").split("\n").length - 1;
    }
  });
  return s;
}

/** A peer's output: its .ts files. */
function peerStats(out) {
  const s = { tsFiles: 0, tsBytes: 0, tsLines: 0 };
  walk(out, (p, size) => {
    if (!p.endsWith(".ts")) return;
    s.tsFiles++;
    s.tsBytes += size;
    s.tsLines += readFileSync(p, "utf8").split("\n").length - 1;
  });
  return s;
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

/** The models: idl/, then for each size, each layout. */
export function makeModels({ sizes = [10, 100, 1000], layouts = Object.keys(LAYOUTS), dir = DIR } = {}) {
  const models = [{ label: "`idl/`", key: "real", idl: join(ROOT, "idl"), types: undefined, layout: "real", info: realInfo() }];
  for (const n of sizes) {
    for (const layout of layouts) {
      if (!(layout in LAYOUTS)) throw new Error(`unknown layout '${layout}' (known: ${Object.keys(LAYOUTS).join(", ")})`);
      const idl = join(dir, `idl-${n}-${layout}`);
      const info = makeSyntheticIdl({ types: n, outDir: idl, perModule: LAYOUTS[layout] });
      const where = info.modules === 1 ? "one module" : `${info.modules} modules of ${LAYOUTS[layout]}`;
      models.push({ label: `${n.toLocaleString("en-US")} types, ${where}`, key: `s${n}-${layout}`, idl, types: n, layout, info });
    }
  }
  return models;
}

export async function runCodegen({
  quick = false,
  sizes = [10, 100, 1000],
  layouts = Object.keys(LAYOUTS),
  peers = Object.keys(PLUGINS),
  check = true,
  peerTimeoutMs = quick ? 60000 : 120000,
  log = () => {},
  snapshot,
} = {}) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  snapshot ??= await snapshotGenerator();
  const IDLC = snapshot.bin;
  const models = makeModels({ sizes, layouts });
  for (const m of models) if (peers.length) m.proto = idlToProto(m.idl, (m.protoDir = join(DIR, `proto-${m.key}`)));

  // Untimed: warm the OS file cache (node_modules, the bundle, buf and the plugins) and prove
  // every tool runs on the real model.
  const warm = await measureNode([IDLC, "generate", "--target", "ts", "--idl", models[0].idl, "--out", join(DIR, "warmup-out"), "--quiet"]);
  if (!warm.ok) throw new Error(`idlc generate failed on idl/: ${warm.stderr}`);
  for (const p of peers) {
    const r = await measureBuf(models[0].protoDir, template(DIR, p, join(DIR, `warmup-${p}`)), { timeoutMs: peerTimeoutMs });
    if (!r.ok) throw new Error(`buf generate with ${p} failed on idl/: ${r.stderr}`);
  }

  const cells = [];
  const peerCells = [];
  for (const m of models) {
    const out = join(DIR, `out-${m.key}`);
    const p = plan(m.types, quick);
    log(`codegen: ${m.label}`);
    const tools = [
      {
        name: "idlc",
        max: p.idlc,
        budget: BUDGET_MS.idlc,
        run: () => {
          rmSync(out, { recursive: true, force: true });
          return measureNode([IDLC, "generate", "--target", "ts", "--idl", m.idl, "--out", out, "--quiet"]);
        },
        runs: [],
        spent: 0,
      },
      ...peers.map((plugin) => {
        const pOut = join(DIR, `peer-${plugin}-${m.key}`);
        const tmpl = template(DIR, plugin, pOut);
        return {
          name: plugin,
          plugin,
          out: pOut,
          max: p.peer,
          budget: BUDGET_MS.peer,
          run: () => {
            rmSync(pOut, { recursive: true, force: true });
            return measureBuf(m.protoDir, tmpl, { timeoutMs: peerTimeoutMs });
          },
          runs: [],
          spent: 0,
        };
      }),
    ];
    // Rounds: every tool that still wants samples runs once per round.
    for (;;) {
      const due = tools.filter((t) => t.runs.length < t.max && (t.runs.length === 0 || (t.spent < t.budget && t.runs.every((r) => r.ok))));
      if (due.length === 0) break;
      for (const t of due) {
        const r = await t.run();
        t.runs.push(r);
        t.spent += r.wallMs;
        log(`  ${t.name}: sample ${t.runs.length}: ${r.ok ? `${Math.round(r.wallMs)} ms wall, ${Math.round(r.userMs + r.sysMs)} ms CPU, ${Math.round(r.maxRssKb / 1024)} MB` : r.timedOut ? "timed out" : `FAILED (exit ${r.status}) ${r.stderr.slice(-300)}`}`);
      }
    }
    const [idlc, ...peerTools] = tools;
    cells.push({ model: m.key, ...summarizeRuns(idlc.runs) });
    m.output = outputStats(out);
    m.out = out;
    for (const t of peerTools) peerCells.push({ model: m.key, tool: t.plugin, ...summarizeRuns(t.runs), output: peerStats(t.out) });
  }

  // idlc check against the output it just wrote (nothing differs): idl/ and the biggest models.
  const checks = [];
  if (check) {
    const biggest = Math.max(...models.map((m) => m.types ?? 0));
    for (const m of models.filter((x) => x.key === "real" || (x.types === biggest && biggest >= 1000))) {
      log(`check: ${m.label}`);
      const runs = [];
      const max = m.key === "real" ? plan(undefined, quick).idlc : plan(m.types, quick).idlc;
      let spent = 0;
      while (runs.length < max && spent < BUDGET_MS.idlc) {
        const r = await measureNode([IDLC, "check", "--target", "ts", "--idl", m.idl, "--out", m.out, "--quiet"]);
        runs.push(r);
        spent += r.wallMs;
        log(`  check: sample ${runs.length}: ${r.ok ? `${Math.round(r.wallMs)} ms` : `FAILED (exit ${r.status}) ${r.stderr.slice(-300)}`}`);
        if (!r.ok) break;
      }
      checks.push({ model: m.key, ...summarizeRuns(runs) });
    }
  }

  return {
    quick,
    generatorSha256: snapshot.sha256,
    machine: machine(),
    targets: TARGETS,
    peerTimeoutMs,
    peerVersions: Object.fromEntries([["buf", versionOf("@bufbuild/buf")], ...peers.map((p) => [p, versionOf(PLUGINS[p].pkg)])]),
    bufBinary: bufBinary().replace(ROOT, ""),
    models: models.map(({ label, key, types, layout, info, output, proto }) => ({ label, key, types, layout, info, output, proto })),
    cells,
    checks,
    peers: peerCells,
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const s = (ms) => (Number.isFinite(ms) ? (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`) : "n/a");
const mb = (x) => (Number.isFinite(x) ? `${Math.round(x)} MB` : "n/a");
const kb = (b) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${Math.round(b / 1024)} KB`);
const kbPer = (bytes, n) => (bytes && n ? `${(bytes / 1024 / n).toFixed(2)} KB` : "n/a");
const verdict = (ok) => (ok ? "**PASS**" : "**FAIL**");

/** KB of TypeScript per IDL type (generated src/ without runtime.ts). */
export const kbPerType = (m) => (m.output?.tsBytes && m.info.types ? m.output.tsBytes / 1024 / m.info.types : NaN);

function growth(data, layout, from, to) {
  const a = data.cells.find((c) => c.model === `s${from}-${layout}`);
  const b = data.cells.find((c) => c.model === `s${to}-${layout}`);
  return b?.wallMs / a?.wallMs;
}

export function codegenVerdicts(data) {
  const t = data.targets;
  const cell = (model) => data.cells.find((c) => c.model === model);
  const model = (key) => data.models.find((m) => m.key === key);
  const out = [];
  const r = cell("real");
  out.push({ what: `cold \`idlc generate\` on \`idl/\` within ${s(t.realMs)}`, value: s(r?.wallMs), pass: r?.wallMs <= t.realMs });
  for (const layout of Object.keys(LAYOUTS)) {
    const m = model(`s1000-${layout}`);
    if (!m) continue;
    const c = cell(m.key);
    out.push({ what: `cold \`idlc generate\`, ${m.label}, within ${s(t.types1000Ms)}`, value: s(c?.wallMs), pass: c?.wallMs <= t.types1000Ms });
  }
  for (const layout of Object.keys(LAYOUTS)) {
    const g = growth(data, layout, 100, 1000);
    if (!Number.isFinite(g)) continue;
    out.push({ what: `growth 100 -> 1,000 types (${layout === "one" ? "one module" : "modules of 9"}) at most ${t.growth100to1000}x`, value: `${g.toFixed(1)}x`, pass: g <= t.growth100to1000 });
  }
  return out;
}

/**
 * Emitted size without timing anything: one `idlc generate` per model (and the peers once each
 * when asked). `npm run bench` takes these figures from the codegen runs when they ran.
 */
export async function runSize({ sizes = [10, 100, 1000], layouts = Object.keys(LAYOUTS), peers = [], log = () => {}, snapshot } = {}) {
  const dir = join(WORK, "size");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  snapshot ??= await snapshotGenerator();
  const models = makeModels({ sizes, layouts, dir });
  const peerOut = [];
  for (const m of models) {
    const out = join(dir, `out-${m.key}`);
    const r = await measureNode([snapshot.bin, "generate", "--target", "ts", "--idl", m.idl, "--out", out, "--quiet"]);
    if (!r.ok) throw new Error(`idlc generate failed on ${m.label}: ${r.stderr}`);
    m.output = outputStats(out);
    log(`size: ${m.label}: ${kbPer(m.output.tsBytes, m.info.types)} per type`);
    if (peers.length) m.proto = idlToProto(m.idl, join(dir, `proto-${m.key}`));
    for (const plugin of peers) {
      const pOut = join(dir, `peer-${plugin}-${m.key}`);
      const pr = await measureBuf(join(dir, `proto-${m.key}`), template(dir, plugin, pOut), { timeoutMs: 300000 });
      if (!pr.ok) throw new Error(`buf generate with ${plugin} failed on ${m.label}: ${pr.stderr}`);
      peerOut.push({ model: m.key, tool: plugin, output: peerStats(pOut) });
    }
  }
  return sizeOf({ models, peers: peerOut });
}

/** The size figures of a codegen run (or of runSize). */
export function sizeOf(data) {
  return {
    target: TARGETS.kbPerType,
    models: data.models.map(({ label, key, types, info, output, proto }) => ({ label, key, types, info, output, proto })),
    peers: data.peers.map(({ model, tool, output }) => ({ model, tool, output })),
  };
}

export function sizeVerdicts(size) {
  const out = [];
  for (const m of size.models.filter((x) => x.key === "real" || x.types === 1000)) {
    const k = kbPerType(m);
    if (Number.isFinite(k)) out.push({ what: `emitted TypeScript per type, ${m.label}, at most ${size.target} KB`, value: `${k.toFixed(2)} KB`, pass: k <= size.target });
  }
  return out;
}

export function renderSize(size) {
  const L = [];
  const tools = [...new Set(size.peers.map((p) => p.tool))];
  L.push(
    `KB of TypeScript per type: idlc's src/*.ts without src/runtime.ts (the support module, the same for every IDL${size.models[0]?.output?.runtimeBytes ? `, ${kb(size.models[0].output.runtimeBytes)}` : ""}) over the IDL's types; it includes the path helpers (the models have one per type). Peers: their .ts output over the messages and enums of the same model in protobuf.`,
  );
  L.push("");
  L.push(`| IDL | types | idlc TypeScript | idlc per type | ${tools.map((t) => `${t} per type`).join(" | ")}${tools.length ? " |" : ""}`);
  L.push(`|---|---:|---:|---:|${tools.map(() => "---:|").join("")}`);
  for (const m of size.models) {
    const cells = tools.map((t) => {
      const p = size.peers.find((x) => x.model === m.key && x.tool === t);
      return p?.output?.tsBytes ? `${kbPer(p.output.tsBytes, m.proto?.types)} (${m.proto?.types} types, ${kb(p.output.tsBytes)})` : "n/a";
    });
    L.push(`| ${m.label} | ${m.info.types} | ${m.output ? kb(m.output.tsBytes) : "n/a"} | ${kbPer(m.output?.tsBytes, m.info.types)} | ${cells.join(" | ")}${cells.length ? " |" : ""}`);
  }
  return L.join("\n");
}

export function renderCodegen(data, { targets = true } = {}) {
  const L = [];
  const model = Object.fromEntries(data.models.map((m) => [m.key, m]));
  if (targets) {
    L.push("| target (issue 15) | measured | verdict |");
    L.push("|---|---:|---|");
    for (const v of [...codegenVerdicts(data), ...sizeVerdicts(sizeOf(data))]) L.push(`| ${v.what} | ${v.value} | ${verdict(v.pass)} |`);
    L.push("");
  }
  L.push("#### `idlc generate`, fresh process per sample, output folder removed first");
  L.push("");
  L.push("| IDL | types / paths / modules | output (files, size) | TypeScript (src/ without runtime.ts) | per type | samples | wall median (min-max) | CPU median | peak RSS |");
  L.push("|---|---|---|---|---:|---:|---:|---:|---:|");
  for (const c of data.cells) {
    const m = model[c.model];
    const size = `${m.info.types} / ${m.info.paths} / ${m.info.modules}`;
    const o = m.output;
    const out = o ? `${o.files} files, ${kb(o.bytes)}` : "";
    const ts = o ? `${o.tsFiles} files, ${kb(o.tsBytes)}, ${o.tsLines.toLocaleString("en-US")} lines` : "";
    const fail = c.ok < c.samples ? ` (${c.samples - c.ok} failed${c.failed.length ? `: ${c.failed[0]}` : ""})` : "";
    L.push(`| ${m.label} | ${size} | ${out} | ${ts} | ${kbPer(o?.tsBytes, m.info.types)} | ${c.ok}${fail} | ${s(c.wallMs)} (${s(c.wallMinMs)}-${s(c.wallMaxMs)}) | ${s(c.cpuMs)} | ${mb(c.maxRssMb)} |`);
  }
  const runtime = data.models.find((m) => m.output?.runtimeBytes)?.output.runtimeBytes;
  if (runtime) L.push("", `Every package also carries src/runtime.ts (${kb(runtime)}), the same for every IDL; it is left out of the per-type figures.`);
  const parts = [];
  for (const layout of Object.keys(LAYOUTS)) {
    const g1 = growth(data, layout, 10, 100);
    const g2 = growth(data, layout, 100, 1000);
    const txt = [Number.isFinite(g1) ? `10 -> 100: ${g1.toFixed(1)}x` : "", Number.isFinite(g2) ? `100 -> 1,000: ${g2.toFixed(1)}x` : ""].filter(Boolean).join(", ");
    if (txt) parts.push(`${layout === "one" ? "one module" : "modules of 9"} ${txt}`);
  }
  if (parts.length) L.push("", `Growth (wall medians): ${parts.join("; ")}.`);
  if (data.checks.length) {
    L.push("");
    L.push("#### `idlc check` (generates in memory, compares with the output just written), fresh process per sample");
    L.push("");
    L.push("| IDL | samples | wall median (min-max) | CPU median | peak RSS |");
    L.push("|---|---:|---:|---:|---:|");
    for (const c of data.checks) L.push(`| ${model[c.model].label} | ${c.ok} | ${s(c.wallMs)} (${s(c.wallMinMs)}-${s(c.wallMaxMs)}) | ${s(c.cpuMs)} | ${mb(c.maxRssMb)} |`);
  }
  if (data.peers.length) {
    L.push("");
    L.push("#### Side by side with the protobuf peers, same models, same rounds");
    L.push("");
    const v = data.peerVersions;
    L.push(
      `Each model is also written as .proto files by bench/peers/idl-to-proto.mjs (one .proto per IDL module, so one file or many as idlc sees it; open enums and string types are plain \`string\` in protobuf, so idl/'s 12 types are 9 messages and enums, and 1,000 IDL types are 748) and generated with \`buf generate\` (buf ${v.buf}, the binary its npm package ships, \`local:\` plugins, no registry access): ts-proto ${v["ts-proto"] ?? "(not run)"} (default options: interfaces, binary encode/decode, fromJSON/toJSON, create/fromPartial) and protoc-gen-es ${v["protoc-gen-es"] ?? "(not run)"} (\`target=ts\`: types and descriptors only). idlc writes types, readers and writers with validation and defaults, path helpers, JSON Schemas and a README. Wall and CPU cover buf and its plugin process; peak RSS is the larger of the two. Fresh processes, output folder removed first, tools interleaved round by round; timeout ${s(data.peerTimeoutMs)} per run.`,
    );
    L.push("");
    L.push("| IDL | tool | types | samples | wall median (min-max) | CPU median | peak RSS | TypeScript | per type | wall vs idlc |");
    L.push("|---|---|---:|---:|---:|---:|---:|---|---:|---:|");
    for (const m of data.models) {
      const idlc = data.cells.find((c) => c.model === m.key);
      if (!idlc) continue;
      const o = m.output;
      L.push(`| ${m.label} | idlc | ${m.info.types} | ${idlc.ok} | ${s(idlc.wallMs)} (${s(idlc.wallMinMs)}-${s(idlc.wallMaxMs)}) | ${s(idlc.cpuMs)} | ${mb(idlc.maxRssMb)} | ${o ? `${o.tsFiles} files, ${kb(o.tsBytes)}` : ""} | ${kbPer(o?.tsBytes, m.info.types)} | 1.00x |`);
      for (const p of data.peers.filter((x) => x.model === m.key)) {
        const wall = p.ok ? `${s(p.wallMs)} (${s(p.wallMinMs)}-${s(p.wallMaxMs)})` : p.timedOut ? `> ${s(data.peerTimeoutMs)} (killed)` : "failed";
        const ratio = p.ok ? `${(p.wallMs / idlc.wallMs).toFixed(2)}x` : p.timedOut ? `> ${(data.peerTimeoutMs / idlc.wallMs).toFixed(1)}x` : "";
        const n = m.proto?.types;
        L.push(`| ${m.label} | ${p.tool} | ${n} | ${p.ok} | ${wall} | ${s(p.cpuMs)} | ${mb(p.maxRssMb)} | ${p.output.tsFiles ? `${p.output.tsFiles} files, ${kb(p.output.tsBytes)}` : ""} | ${kbPer(p.output.tsBytes, n)} | ${ratio} |`);
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
  const list = (name) => (opt(name) !== undefined ? opt(name).split(",").filter(Boolean) : undefined);
  const data = await runCodegen({
    quick: args.includes("--quick"),
    sizes: list("--sizes")?.map(Number),
    layouts: list("--layouts"),
    peers: args.includes("--no-peers") ? [] : list("--peers"),
    check: !args.includes("--no-check"),
    log: (m) => process.stderr.write(`${m}\n`),
  });
  if (opt("--json")) writeFileSync(opt("--json"), JSON.stringify(data, null, 2));
  process.stdout.write(`${renderCodegen(data)}\n`);
}
