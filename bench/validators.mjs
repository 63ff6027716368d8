#!/usr/bin/env node
// Validator benchmark, on every supported Node version (20, 22, 24: tools/node-versions.mjs):
//   - checking values: the generated parsePoolSpec against a hand-written straight-line reference,
//     zod 4 and ajv, on full, minimal and invalid pool.json inputs (on invalid input the reference
//     is the hand-written reader that throws at its first error);
//   - reading text: parsePoolSpecJson against JSON.parse followed by parsePoolSpec, on the full and
//     minimal pool.json, compact and pretty;
//   - writing: stringifyPoolSpec (compact and pretty) against JSON.stringify(value) and
//     JSON.stringify(value, null, 2) on the same value.
// All candidates of a scenario run in ONE process; each scenario gets processes of its own
// (node --expose-gc), so the type feedback of one input shape does not leak into another's numbers.
//
//   node bench/validators.mjs [--quick] [--nodes 20,22,24] [--json FILE]   markdown on stdout
//   node bench/validators.mjs --scenario full [--quick]    one scenario in this process, JSON on stdout
//
// Method: every candidate gets its own timing loop (a fresh function, so its call site and
// feedback are its own and V8 may inline the candidate into it). After a warm-up, each round
// runs one timed batch (about 2 ms) of every candidate, in an order rotated every round, so
// that machine noise hits all of them alike, with a minor GC before each batch so that no
// candidate pays for the garbage of another. The statistic is the median over rounds of CPU
// ns/op (process.cpuUsage: time the process spends descheduled by other load does not count;
// wall-clock is recorded too), and the ratio to the reference (ratio of medians; the median
// of the per-round paired ratios is shown too). Every result is stored into a small ring of
// live slots and read (one field of an object; one character of a string, which also flattens a
// string built by concatenation, as writing it to a file would), so no call can be dropped as
// dead code nor its result be scalar-replaced. Inputs are JSON.parse'd objects (the realistic
// case): a set of 16 parsed copies reused by all candidates, none of which modifies its input;
// the -fresh scenarios give every call a fresh JSON.parse'd input (made outside the timed
// region), which also lets ajv run without a clone. Text scenarios read the same flat string;
// write scenarios write 16 values parsePoolSpec returned.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parsePoolSpec, parsePoolSpecJson, stringifyPoolSpec, ValidationError } from "@mvm/pool-model";
import { findNode, NODE_MAJORS } from "../tools/node-versions.mjs";
import { makeAjvValidators } from "./ajv-pool-spec.mjs";
import { INPUTS } from "./fixtures.mjs";
import { parsePoolSpecReference } from "./reference/pool-spec-reference.mjs";
import { PoolSpec as ZodPoolSpec } from "./zod-pool-spec.mjs";

/** Issue 13's targets: ratio to the table's reference, by table. */
export const TARGETS = { main: 1.1, invalid: 1.5, text: 1.5, write: 1.2 };

// ---------------------------------------------------------------------------------------------
// Candidates. Each is a function input -> PoolSpec that throws on invalid input.

function makeCandidates() {
  const { validateEmitted, validateWithDefaults } = makeAjvValidators();
  const ajvThrow = (validate) => {
    throw new Error(`Invalid PoolSpec: ${validate.errors.map((e) => `${e.instancePath || "(root)"} ${e.message}`).join("; ")}`);
  };
  return [
    { id: "reference", label: "hand-written straight-line (reference)", fn: parsePoolSpecReference },
    { id: "generated", label: "**parsePoolSpec** (generated)", fn: parsePoolSpec },
    { id: "zod", label: "zod 4 `PoolSpec.parse`", fn: (x) => ZodPoolSpec.parse(x) },
    {
      id: "ajv-clone",
      label: "ajv `useDefaults` + `structuredClone` first",
      fn: (x) => {
        const c = structuredClone(x);
        if (!validateWithDefaults(c)) ajvThrow(validateWithDefaults);
        return c;
      },
    },
    {
      id: "ajv-json-clone",
      label: "ajv `useDefaults` + JSON round-trip clone first",
      fn: (x) => {
        const c = JSON.parse(JSON.stringify(x));
        if (!validateWithDefaults(c)) ajvThrow(validateWithDefaults);
        return c;
      },
    },
    {
      id: "ajv-check",
      label: "ajv, emitted schema, check only (no defaults, no new object)",
      checkOnly: true,
      fn: (x) => {
        if (!validateEmitted(x)) ajvThrow(validateEmitted);
        return x;
      },
    },
    {
      id: "ajv-mutate",
      label: "ajv `useDefaults`, no clone (fills defaults INTO the input)",
      mutates: true,
      fn: (x) => {
        if (!validateWithDefaults(x)) ajvThrow(validateWithDefaults);
        return x;
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Timing loops.

const ring = new Array(4).fill(null);
let sink = 0;

/** A fresh timing loop per candidate: `new Function` gives it its own feedback vector. */
function makeLoop(expectThrow) {
  const body = expectThrow
    ? `
    let s = 0, j = 0;
    const n = inputs.length;
    for (let i = 0; i < iters; i++) {
      try { ring[i & 3] = fn(inputs[j]); s -= 1000000; } catch (e) { ring[i & 3] = e; s += e.message.length; }
      if (++j === n) j = 0;
    }
    return s;`
    : `
    let s = 0, j = 0;
    const n = inputs.length;
    for (let i = 0; i < iters; i++) {
      const r = fn(inputs[j]);
      ring[i & 3] = r;
      s += typeof r === "string" ? r.charCodeAt(r.length >> 1) : r.instance_resources.vcpus;
      if (++j === n) j = 0;
    }
    return s;`;
  return new Function("fn", "inputs", "iters", "ring", body);
}

// With --expose-gc, a minor GC before every batch starts each one with an empty young
// generation, so the garbage of one candidate (zod and the clones make plenty) is not
// collected on the next candidate's time.
const minorGc = typeof globalThis.gc === "function" ? () => globalThis.gc({ type: "minor", execution: "sync" }) : () => {};

/** One timed batch: [wall ns/op, CPU ns/op (user + system of this process)]. */
function timeBatch(c, inputs, iters) {
  minorGc();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  sink += c.loop(c.fn, inputs, iters, ring);
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  return [Number(t1 - t0) / iters, ((c1.user + c1.system) * 1000) / iters];
}

/** Iterations per batch so that one batch takes about `ms`. */
function calibrate(c, inputs, ms) {
  let iters = 64;
  for (;;) {
    const ns = timeBatch(c, inputs, iters)[1] * iters;
    if (ns >= ms * 1e6 * 0.5 || iters > 1 << 24) return Math.max(16, Math.round((iters * ms * 1e6) / Math.max(ns, 1)));
    iters *= 2;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
};

/**
 * Runs one scenario: candidates interleaved over `rounds` rounds. `makeInput(i)` makes the i-th
 * input; with `fresh`, every call gets a new one (made before its batch), else 16 are reused.
 */
function runScenario({ candidates, makeInput, rounds, batchMs, warmupMs, fresh, expectThrow }) {
  const reused = Array.from({ length: 16 }, (_, i) => makeInput(i));
  const inputsFor = (iters) => (fresh ? Array.from({ length: iters }, (_, i) => makeInput(i)) : reused);
  const cs = candidates.map((c) => ({ ...c, loop: makeLoop(expectThrow), samples: [], wall: [] }));
  // Warm-up, then calibration (fresh batches are capped: they are built before each batch).
  for (const c of cs) {
    const until = performance.now() + warmupMs;
    while (performance.now() < until) timeBatch(c, inputsFor(256), 256);
    c.iters = calibrate(c, inputsFor(4096), batchMs);
    if (fresh) c.iters = Math.min(c.iters, 4096);
  }
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < cs.length; k++) {
      const c = cs[(k + r) % cs.length];
      const inputs = inputsFor(c.iters);
      const [wall, cpu] = timeBatch(c, inputs, c.iters);
      c.samples.push(cpu);
      c.wall.push(wall);
    }
  }
  return cs.map((c) => ({ id: c.id, label: c.label, iters: c.iters, cpu: c.samples, wall: c.wall }));
}

/** Statistics over raw samples (pooled over the processes of a scenario). */
function summarize(raw) {
  const ref = raw.find((c) => c.id === "reference");
  return raw.map((c) => {
    const paired = c.cpu.map((x, i) => x / ref.cpu[i]);
    return {
      id: c.id,
      label: c.label,
      samples: c.cpu.length,
      medianNs: median(c.cpu),
      p25Ns: quantile(c.cpu, 0.25),
      p75Ns: quantile(c.cpu, 0.75),
      ratio: median(c.cpu) / median(ref.cpu),
      pairedRatio: median(paired),
      pairedP25: quantile(paired, 0.25),
      pairedP75: quantile(paired, 0.75),
      wallMedianNs: median(c.wall),
      wallRatio: median(c.wall) / median(ref.wall),
      perProcessMedianNs: c.perProcess?.map((x) => median(x)),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Agreement: every candidate gives parsePoolSpec's result (or refuses the invalid input).

const plain = (v) => JSON.parse(JSON.stringify(v));

function agreement(candidates) {
  const out = {};
  for (const [name, text] of Object.entries(INPUTS)) {
    let expected;
    try {
      expected = parsePoolSpec(JSON.parse(text));
    } catch (error) {
      expected = error;
    }
    for (const c of candidates) {
      const input = JSON.parse(text);
      const before = JSON.stringify(input);
      let got;
      try {
        got = c.fn(input);
      } catch (error) {
        got = error;
      }
      let note;
      if (expected instanceof Error) note = got instanceof Error ? "refuses" : "ACCEPTS invalid input";
      else if (got instanceof Error) note = `REFUSES valid input: ${got.message}`;
      else if (c.id === "reference") note = isDeepStrictEqual(got, expected) ? "identical" : "DIFFERS";
      else if (c.checkOnly) note = "accepts (returns its input: no defaults)";
      else note = isDeepStrictEqual(plain(got), plain(expected)) ? "same data" : "DIFFERS";
      if (JSON.stringify(input) !== before) note += ", modifies its input";
      (out[c.id] ??= {})[name] = note;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The scenarios, each run in a process of its own (so type feedback is only its own). */
export const SCENARIOS = [
  { id: "full", input: "full", table: "main" },
  { id: "minimal", input: "minimal", table: "main" },
  { id: "invalid", input: "invalid", table: "main", expectThrow: true },
  { id: "mixed", input: "mixed", table: "main", note: "full and minimal alternating: polymorphic, as a service reading many pool.json files sees them" },
  { id: "full-fresh", input: "full", table: "main", fresh: true },
  { id: "minimal-fresh", input: "minimal", table: "main", fresh: true },
  { id: "text-full-compact", input: "full", format: "compact", table: "text" },
  { id: "text-full-pretty", input: "full", format: "pretty", table: "text" },
  { id: "text-minimal-compact", input: "minimal", format: "compact", table: "text" },
  { id: "text-minimal-pretty", input: "minimal", format: "pretty", table: "text" },
  { id: "write-full-compact", input: "full", format: "compact", table: "write" },
  { id: "write-full-pretty", input: "full", format: "pretty", table: "write" },
  { id: "write-minimal-compact", input: "minimal", format: "compact", table: "write" },
  { id: "write-minimal-pretty", input: "minimal", format: "pretty", table: "write" },
];

/** Reading text: the reference is the engine's JSON.parse followed by the generated reader. */
function textCandidates() {
  return [
    { id: "reference", label: "`JSON.parse` + parsePoolSpec (reference)", fn: (t) => parsePoolSpec(JSON.parse(t)) },
    { id: "hand", label: "`JSON.parse` + hand-written reader", fn: (t) => parsePoolSpecReference(JSON.parse(t)) },
    { id: "json-parse", label: "`JSON.parse` alone (no validation)", fn: (t) => JSON.parse(t) },
    { id: "generated", label: "**parsePoolSpecJson** (text, serde-exact)", fn: (t) => parsePoolSpecJson(t) },
  ];
}

/** Writing: the reference is the engine's JSON.stringify of the same value. */
function writeCandidates(pretty) {
  const options = { pretty };
  return [
    pretty
      ? { id: "reference", label: "`JSON.stringify(value, null, 2)` (reference)", fn: (v) => JSON.stringify(v, null, 2) }
      : { id: "reference", label: "`JSON.stringify(value)` (reference)", fn: (v) => JSON.stringify(v) },
    { id: "generated", label: `**stringifyPoolSpec**${pretty ? " `{ pretty: true }`" : ""} (checks, then writes as serde_json)`, fn: (v) => stringifyPoolSpec(v, options) },
  ];
}

const settings = (quick) => ({ rounds: quick ? 30 : 100, batchMs: quick ? 1 : 2, warmupMs: quick ? 100 : 300 });

/** The text of an input as a scenario reads it: pool.json is written pretty; compact is serde's to_string. */
const textOf = (input, format) => (format === "compact" ? JSON.stringify(JSON.parse(INPUTS[input])) : INPUTS[input]);

/** Runs one scenario in this process. */
export function runOneScenario(id, { quick = false, only } = {}) {
  const sc = SCENARIOS.find((x) => x.id === id);
  if (!sc) throw new Error(`unknown scenario ${id}`);
  const { rounds, batchMs, warmupMs } = settings(quick);
  let candidates;
  let makeInput;
  if (sc.table === "text") {
    candidates = textCandidates();
    const text = textOf(sc.input, sc.format);
    makeInput = () => text;
  } else if (sc.table === "write") {
    candidates = writeCandidates(sc.format === "pretty");
    const text = INPUTS[sc.input];
    makeInput = () => parsePoolSpec(JSON.parse(text));
  } else {
    candidates = makeCandidates().filter((c) => (sc.fresh || !c.mutates) && (!only?.length || only.includes(c.id)));
    const texts = sc.input === "mixed" ? [INPUTS.full, INPUTS.minimal] : [INPUTS[sc.input]];
    makeInput = (i) => JSON.parse(texts[i % texts.length]);
  }
  const results = runScenario({
    candidates,
    makeInput,
    rounds: sc.fresh || sc.table !== "main" ? Math.round(rounds / 2) : rounds,
    batchMs,
    warmupMs,
    fresh: sc.fresh === true,
    expectThrow: sc.expectThrow === true,
  });
  if (sink === 42) process.stdout.write("");
  return { ...sc, results, node: process.version, minorGcBeforeBatch: typeof globalThis.gc === "function" };
}

/**
 * All scenarios on each Node version in `nodes` (the binaries npm ci installed), each scenario
 * in `procs` fresh `node --expose-gc` processes run one after the other; samples are pooled over
 * a scenario's processes (so one process whose JIT took a bad turn does not decide the median
 * alone). A version whose binary is missing is reported, not measured.
 */
export async function runValidators({ quick = false, procs = quick ? 1 : 3, nodes = NODE_MAJORS, log = () => {} } = {}) {
  const { spawnSync } = await import("node:child_process");
  const agree = agreement(makeCandidates());
  const versions = [];
  for (const major of nodes) {
    const node = findNode(major);
    if (node.problem) {
      log(`validators: skipping Node ${major}: ${node.problem}`);
      versions.push({ major, missing: node.problem });
      continue;
    }
    const scenarios = [];
    for (const sc of SCENARIOS) {
      const pooled = new Map();
      for (let p = 0; p < procs; p++) {
        log(`validators: Node ${node.version}, ${sc.id} (process ${p + 1} of ${procs})`);
        const r = spawnSync(node.path, ["--expose-gc", fileURLToPath(import.meta.url), "--scenario", sc.id, ...(quick ? ["--quick"] : [])], {
          encoding: "utf8",
          maxBuffer: 64 << 20,
        });
        if (r.status !== 0) throw new Error(`validators scenario ${sc.id} failed on Node ${node.version}: ${r.stderr}`);
        for (const c of JSON.parse(r.stdout).results) {
          const acc = pooled.get(c.id) ?? { id: c.id, label: c.label, cpu: [], wall: [], perProcess: [] };
          acc.cpu.push(...c.cpu);
          acc.wall.push(...c.wall);
          acc.perProcess.push(c.cpu);
          pooled.set(c.id, acc);
        }
      }
      scenarios.push({ ...sc, procs, results: summarize([...pooled.values()]) });
    }
    versions.push({
      major,
      node: node.version,
      scenarios: scenarios.filter((x) => x.table === "main"),
      textScenarios: scenarios.filter((x) => x.table === "text"),
      writeScenarios: scenarios.filter((x) => x.table === "write"),
    });
  }
  const { batchMs, rounds } = settings(quick);
  return {
    quick,
    procs,
    rounds,
    batchMs,
    targets: TARGETS,
    inputsBytes: Object.fromEntries(Object.entries(INPUTS).map(([k, v]) => [k, Buffer.byteLength(v)])),
    agreement: agree,
    versions,
    errorClass: ValidationError.name,
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const fmtNs = (ns) => (ns >= 10000 ? ns.toFixed(0) : ns >= 100 ? ns.toFixed(0) : ns.toFixed(1));
const fmtRatio = (r) => `${r.toFixed(2)}x`;

/**
 * The ratios issue 13 sets targets for, per Node version measured: { what, target, byMajor:
 * { 20: { ratio, ns, refNs, pass } } }, in a fixed order.
 */
export function verdicts(data) {
  const rows = [
    { what: "`parsePoolSpec` / hand-written reader, full", table: "scenarios", id: "full", target: data.targets.main },
    { what: "`parsePoolSpec` / hand-written reader, minimal", table: "scenarios", id: "minimal", target: data.targets.main },
    { what: "`parsePoolSpec` / hand-written first-error reader, invalid full", table: "scenarios", id: "invalid", target: data.targets.invalid },
    { what: "`parsePoolSpecJson` / `JSON.parse` + `parsePoolSpec`, full, pretty", table: "textScenarios", id: "text-full-pretty", target: data.targets.text },
    { what: "`parsePoolSpecJson` / `JSON.parse` + `parsePoolSpec`, full, compact", table: "textScenarios", id: "text-full-compact", target: data.targets.text },
    { what: "`parsePoolSpecJson` / `JSON.parse` + `parsePoolSpec`, minimal, pretty", table: "textScenarios", id: "text-minimal-pretty", target: data.targets.text },
    { what: "`parsePoolSpecJson` / `JSON.parse` + `parsePoolSpec`, minimal, compact", table: "textScenarios", id: "text-minimal-compact", target: data.targets.text },
    { what: "`stringifyPoolSpec` pretty / `JSON.stringify(v, null, 2)`, full", table: "writeScenarios", id: "write-full-pretty", target: data.targets.write },
    { what: "`stringifyPoolSpec` / `JSON.stringify(v)`, full", table: "writeScenarios", id: "write-full-compact", target: data.targets.write },
    { what: "`stringifyPoolSpec` pretty / `JSON.stringify(v, null, 2)`, minimal", table: "writeScenarios", id: "write-minimal-pretty", target: data.targets.write },
    { what: "`stringifyPoolSpec` / `JSON.stringify(v)`, minimal", table: "writeScenarios", id: "write-minimal-compact", target: data.targets.write },
  ];
  return rows.map((row) => {
    const byMajor = {};
    for (const v of data.versions) {
      const sc = v[row.table]?.find((x) => x.id === row.id);
      const g = sc?.results.find((r) => r.id === "generated");
      const ref = sc?.results.find((r) => r.id === "reference");
      if (g && ref) byMajor[v.major] = { ratio: g.ratio, pairedRatio: g.pairedRatio, ns: g.medianNs, refNs: ref.medianNs, pass: g.ratio <= row.target };
    }
    return { what: row.what, target: row.target, byMajor };
  });
}

/** The versions measured, as column headers: "Node v22.23.5". */
const measured = (data) => data.versions.filter((v) => !v.missing);

/** The table of issue 13's ratios: one row per ratio, one column per Node version. */
export function renderVerdicts(data, { withNs = true } = {}) {
  const vs = measured(data);
  const lines = [];
  lines.push(`| ratio (median CPU time per call) | ${vs.map((v) => `Node ${v.node}`).join(" | ")} | target |`);
  lines.push(`|---|${vs.map(() => "---:").join("|")}|---:|`);
  for (const row of verdicts(data)) {
    const cells = vs.map((v) => {
      const x = row.byMajor[v.major];
      if (!x) return "n/a";
      return `${fmtRatio(x.ratio)}${withNs ? ` (${fmtNs(x.ns)} / ${fmtNs(x.refNs)} ns)` : ""} ${x.pass ? "PASS" : "**FAIL**"}`;
    });
    lines.push(`| ${row.what} | ${cells.join(" | ")} | <= ${row.target}x |`);
  }
  for (const v of data.versions.filter((x) => x.missing)) lines.push("", `Node ${v.major} was not measured: ${v.missing}.`);
  return lines.join("\n");
}

function renderTable(lines, s) {
  lines.push("| candidate | median ns/op | IQR ns/op | ratio to reference | paired ratio (IQR) | wall ns/op (ratio) |");
  lines.push("|---|---:|---:|---:|---:|---:|");
  for (const r of s.results) {
    lines.push(
      `| ${r.label} | ${fmtNs(r.medianNs)} | ${fmtNs(r.p25Ns)}-${fmtNs(r.p75Ns)} | ${fmtRatio(r.ratio)} | ${fmtRatio(r.pairedRatio)} (${r.pairedP25.toFixed(2)}-${r.pairedP75.toFixed(2)}) | ${fmtNs(r.wallMedianNs)} (${fmtRatio(r.wallRatio)}) |`,
    );
  }
}

export function renderValidators(data) {
  const lines = [];
  lines.push("Issue 13's targets, per Node version (ratio of medians; generated / reference ns in brackets):");
  lines.push("");
  lines.push(renderVerdicts(data));
  lines.push("");
  lines.push(
    `Inputs: pool.json from the serde conformance vectors, full ${data.inputsBytes.full} B and minimal ${data.inputsBytes.minimal} B as written pretty (compact: the same without whitespace), invalid ${data.inputsBytes.invalid} B (full with \`vcpus: 300\` and \`profile\` missing). Each table: ${data.procs} process(es) of ${data.rounds} interleaved rounds (half for the -fresh, text and write tables)${data.quick ? " (--quick)" : ""}, each round a batch of about ${data.batchMs} ms per candidate; samples pooled over the processes. **ns/op is CPU time** (user + system of the process, \`process.cpuUsage\`), which a busy machine disturbs far less than wall-clock time; the wall-clock median is shown beside it. IQR = 25th-75th percentile over rounds; paired ratio = median over rounds of candidate / reference in the same round.`,
  );
  for (const v of measured(data)) {
    lines.push("");
    lines.push(`### Node ${v.node}`);
    for (const s of v.scenarios) {
      lines.push("");
      lines.push(`#### ${s.input}${s.fresh ? ", a fresh JSON.parse'd input per call" : ""}`);
      if (s.note) lines.push("", `${s.note[0].toUpperCase()}${s.note.slice(1)}.`);
      if (s.id === "invalid") {
        lines.push(
          "",
          "Each candidate throws an error naming the problem(s). parsePoolSpec collects every failing path (here 2) in a ValidationError; the reference stops at the first and throws it with its JSON Pointer; zod collects all; ajv stops at the first (no `allErrors`).",
        );
      }
      lines.push("");
      renderTable(lines, s);
    }
    for (const s of [...v.textScenarios, ...v.writeScenarios]) {
      lines.push("");
      lines.push(`#### ${s.table === "text" ? "JSON text in" : "JSON text out"}: ${s.input}, ${s.format}`);
      lines.push("");
      renderTable(lines, s);
    }
  }
  lines.push("");
  lines.push(
    "parsePoolSpecJson reads the text itself (duplicate keys, `1.0`, `-0` and integers beyond 2^53 are refused as serde_json refuses them), so it is compared with `JSON.parse` followed by the generated reader. stringifyPoolSpec checks the value (nothing Rust would refuse is written) and writes serde_json's bytes (declaration order, omit rules, sorted map keys); its output is read once so that a string built by concatenation is flattened, as writing it to a file does.",
  );
  lines.push("");
  lines.push("#### Agreement with parsePoolSpec (checked before timing, on the Node running the suite)");
  lines.push("");
  lines.push("| candidate | full | minimal | invalid |");
  lines.push("|---|---|---|---|");
  const labels = Object.fromEntries(measured(data).flatMap((v) => v.scenarios.flatMap((s) => s.results.map((r) => [r.id, r.label]))));
  for (const [id, notes] of Object.entries(data.agreement)) lines.push(`| ${labels[id] ?? id} | ${notes.full} | ${notes.minimal} | ${notes.invalid} |`);
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const sc = args.indexOf("--scenario");
  if (sc >= 0) {
    process.stdout.write(JSON.stringify(runOneScenario(args[sc + 1], { quick })));
  } else {
    const n = args.indexOf("--nodes");
    const nodes = n >= 0 ? args[n + 1].split(",").map(Number) : NODE_MAJORS;
    const data = await runValidators({ quick, nodes, log: (m) => process.stderr.write(`${m}\n`) });
    const j = args.indexOf("--json");
    if (j >= 0) writeFileSync(args[j + 1], JSON.stringify(data, null, 2));
    process.stdout.write(`${renderValidators(data)}\n`);
  }
}
