#!/usr/bin/env node
// Watch latency (issue 15: "`idlc generate --watch` regenerates idl/ within 300 ms of an
// edit"), measured from outside: `idlc generate --watch` runs on a copy of an IDL folder; once
// its first generation is in place, one type's doc is edited in its .yaml file (one more type
// per edit, the edits accumulate), and the time from just before that write until the output
// file of the edited module holds the new doc is the latency. The output file is polled (stat
// every 5 ms, read when it changed): idlc swaps its output folder in whole, so when that file
// has the edit, the whole new tree is there. Each edit waits for the watcher to go quiet
// (400 ms) before the next. The latency includes idlc's 30 ms debounce of file events.
//
//   node bench/watch.mjs [--quick] [--sizes 1000] [--edits N] [--json FILE]
//
// On idl/ (the target) and, for scale, on synthetic models (one module and many) of --sizes.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { machine, median, ROOT, snapshotGenerator, WORK } from "./lib/measure.mjs";
import { LAYOUTS, makeSyntheticIdl } from "./make-synthetic-idl.mjs";

const DIR = join(WORK, "watch");
export const WATCH_TARGET_MS = 300;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The doc edits an IDL folder allows, in order: for each module file and each of its types with
 * a doc, { file, module, type }. The output of module M is src/M.ts.
 */
function editableTypes(idlDir) {
  const out = [];
  for (const file of readdirSync(idlDir).filter((f) => /\.ya?ml$/.test(f) && f !== "accepted-changes.yaml").sort()) {
    const text = readFileSync(join(idlDir, file), "utf8");
    const module = /^module: ([a-z][a-z0-9_]*)$/m.exec(text)?.[1];
    for (const m of text.matchAll(/^ {2}([A-Z][A-Za-z0-9]*):\n(?: {4}.*\n)*? {4}doc: /gm)) out.push({ file, module, type: m[1] });
  }
  return out;
}

/** `text` with `marker` added to the doc of type `type` (block, plain or double-quoted scalar). */
export function withDocEdit(text, type, marker) {
  const re = new RegExp(`^ {2}${type}:\\n(?: {4}.*\\n)*? {4}doc: (.*)$`, "m");
  const m = re.exec(text);
  if (!m) throw new Error(`no doc for ${type}`);
  const lineEnd = m.index + m[0].length;
  const value = m[1];
  if (/^[|>][-+]?$/.test(value)) {
    // Block scalar: the first content line follows.
    const next = text.indexOf("\n", lineEnd + 1);
    const at = next < 0 ? text.length : next;
    return `${text.slice(0, at)} ${marker}${text.slice(at)}`;
  }
  if (value.startsWith('"')) return `${text.slice(0, lineEnd - 1)} ${marker}${text.slice(lineEnd - 1)}`;
  if (value.startsWith("'")) return `${text.slice(0, lineEnd - 1)} ${marker}${text.slice(lineEnd - 1)}`;
  return `${text.slice(0, lineEnd)} ${marker}${text.slice(lineEnd)}`;
}

/** Resolves when `file` exists and contains `needle`; polls its stat every 5 ms. */
function waitForContent(file, needle, timeoutMs) {
  return new Promise((resolve) => {
    const started = performance.now();
    let last = "";
    const tick = () => {
      const st = statSync(file, { throwIfNoEntry: false, bigint: true });
      const sig = st ? `${st.ino}:${st.mtimeNs}:${st.size}` : "";
      if (sig && sig !== last) {
        last = sig;
        let text = "";
        try {
          text = readFileSync(file, "utf8");
        } catch {}
        if (text.includes(needle)) return resolve(performance.now());
      }
      if (performance.now() - started > timeoutMs) return resolve(undefined);
      setTimeout(tick, 5);
    };
    tick();
  });
}

async function watchOne({ key, label, idl }, { idlc, edits, timeoutMs, log }) {
  const dir = join(DIR, key);
  rmSync(dir, { recursive: true, force: true });
  const src = join(dir, "idl");
  const out = join(dir, "out");
  mkdirSync(src, { recursive: true });
  for (const f of readdirSync(idl).filter((n) => /\.ya?ml$/.test(n))) cpSync(join(idl, f), join(src, f));
  const candidates = editableTypes(src);
  // Spread the edits over the model: every type of idl/, or types far apart in a big one.
  const stride = Math.max(1, Math.floor(candidates.length / edits));
  const chosen = Array.from({ length: Math.min(edits, candidates.length) }, (_, i) => candidates[(i * stride) % candidates.length]);

  const t0 = performance.now();
  const child = spawn(process.execPath, [idlc, "generate", "--watch", "--target", "ts", "--idl", src, "--out", out], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout = (stdout + d).slice(-20000)));
  child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-20000)));
  const exited = new Promise((r) => child.on("close", r));
  const result = { key, label, edits: [], firstMs: undefined, error: undefined };
  try {
    // The first generation: the watcher says it is watching once it is written.
    const ready = performance.now();
    while (!stdout.includes("Watching") && performance.now() - ready < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`idlc --watch exited (${child.exitCode}): ${stderr}`);
      await sleep(5);
    }
    if (!stdout.includes("Watching")) throw new Error(`no first generation within ${timeoutMs} ms: ${stderr}`);
    result.firstMs = performance.now() - t0;
    await sleep(500);
    const texts = new Map();
    for (let i = 0; i < chosen.length; i++) {
      const { file, module, type } = chosen[i];
      const marker = `watch-edit-${i + 1}`; // one word: the printer may wrap doc lines
      const path = join(src, file);
      const text = withDocEdit(texts.get(file) ?? readFileSync(path, "utf8"), type, marker);
      texts.set(file, text);
      const target = join(out, "src", `${module}.ts`);
      const before = performance.now();
      writeFileSync(path, text);
      const seen = await waitForContent(target, marker, timeoutMs);
      const ms = seen === undefined ? undefined : seen - before;
      result.edits.push({ type, file, ms });
      log(`  watch ${label}: edit ${i + 1} (${type} in ${file}): ${ms === undefined ? "no change seen" : `${Math.round(ms)} ms`}`);
      if (ms === undefined) break;
      // Let the watcher settle (a second event of the same write runs another, unchanged, pass).
      let quiet = stdout.length;
      do {
        quiet = stdout.length;
        await sleep(400);
      } while (stdout.length !== quiet);
    }
  } catch (error) {
    result.error = error.message;
    log(`  watch ${label}: ${error.message}`);
  } finally {
    try {
      process.kill(child.pid, "SIGTERM"); // the watcher this function started, by its id
    } catch {}
    await Promise.race([exited, sleep(5000)]);
  }
  const ms = result.edits.map((e) => e.ms).filter((x) => x !== undefined);
  return { ...result, samples: ms.length, medianMs: median(ms), maxMs: ms.length ? Math.max(...ms) : NaN, minMs: ms.length ? Math.min(...ms) : NaN };
}

export async function runWatch({ quick = false, sizes = [1000], edits, log = () => {}, snapshot } = {}) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  snapshot ??= await snapshotGenerator();
  const models = [{ key: "real", label: "`idl/`", idl: join(ROOT, "idl"), edits: edits ?? (quick ? 5 : 12) }];
  for (const n of sizes) {
    for (const layout of Object.keys(LAYOUTS)) {
      const idl = join(DIR, `idl-${n}-${layout}`);
      const info = makeSyntheticIdl({ types: n, outDir: idl, perModule: LAYOUTS[layout] });
      models.push({ key: `s${n}-${layout}`, label: `${n.toLocaleString("en-US")} types, ${info.modules === 1 ? "one module" : `${info.modules} modules`}`, idl, edits: edits ?? (quick ? 2 : 5) });
    }
  }
  const results = [];
  for (const m of models) {
    log(`watch: ${m.label}`);
    results.push(await watchOne(m, { idlc: snapshot.bin, edits: m.edits, timeoutMs: 120000, log }));
  }
  return { quick, target: WATCH_TARGET_MS, generatorSha256: snapshot.sha256, machine: machine(), results };
}

const s = (ms) => (Number.isFinite(ms) ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`) : "n/a");

export function watchVerdicts(data) {
  const r = data.results.find((x) => x.key === "real");
  if (!r) return [];
  return [
    { what: `\`idlc generate --watch\` regenerates \`idl/\` within ${data.target} ms of an edit (median of ${r.samples} edits)`, value: s(r.medianMs), pass: r.medianMs <= data.target && !r.error },
    { what: `\`idlc generate --watch\` on \`idl/\`, slowest of ${r.samples} edits within ${data.target} ms`, value: s(r.maxMs), pass: r.maxMs <= data.target && !r.error },
  ];
}

export function renderWatch(data) {
  const L = [];
  L.push("| IDL | edits | median | min-max | every edit (ms) | first generation after start |");
  L.push("|---|---:|---:|---:|---|---:|");
  for (const r of data.results) {
    L.push(`| ${r.label} | ${r.samples}${r.error ? ` (${r.error.slice(0, 80)})` : ""} | ${s(r.medianMs)} | ${s(r.minMs)}-${s(r.maxMs)} | ${r.edits.map((e) => (e.ms === undefined ? "none" : Math.round(e.ms))).join(", ")} | ${s(r.firstMs)} |`);
  }
  return L.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args[i + 1];
  };
  const sizes = opt("--sizes") !== undefined ? opt("--sizes").split(",").filter(Boolean).map(Number) : undefined;
  const data = await runWatch({ quick: args.includes("--quick"), sizes, edits: opt("--edits") ? Number(opt("--edits")) : undefined, log: (m) => process.stderr.write(`${m}\n`) });
  if (opt("--json")) writeFileSync(opt("--json"), JSON.stringify(data, null, 2));
  process.stdout.write(`${renderWatch(data)}\n`);
}
