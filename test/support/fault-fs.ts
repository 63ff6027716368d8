/**
 * Fault injection for the generator's output writer: generator/src/io/files.ts is bundled (with
 * esbuild) into a small program whose `node:fs` counts every call that changes the file system
 * and, at call number CRASH_AT, either kills the process (SIGKILL: a crash, no cleanup runs) or
 * throws (a failed write: the writer's own error handling runs). Every call is logged, so a test
 * knows where each crash point lies.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as realFs from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import { REPO, tempDir } from "./idl-fuzz.js";

/** fs functions that only read: passed through, not counted. */
const READS = new Set([
  "existsSync",
  "readdirSync",
  "readFileSync",
  "statSync",
  "lstatSync",
  "fstatSync",
  "accessSync",
  "realpathSync",
  "readlinkSync",
  "opendirSync",
  "readSync",
  "readvSync",
  "statfsSync",
]);

function shimSource(): string {
  const names = Object.keys(realFs).filter((k) => k.endsWith("Sync") && typeof (realFs as Record<string, unknown>)[k] === "function");
  const lines = [
    `import * as fs from "fs";`,
    `const at = Number(process.env.CRASH_AT || 0);`,
    `const mode = process.env.CRASH_MODE || "kill";`,
    `const log = process.env.CRASH_LOG;`,
    `let n = 0;`,
    `function wrap(name, f) {`,
    `  return function (...args) {`,
    `    n++;`,
    `    if (log) fs.appendFileSync(log, JSON.stringify([n, name, ...args.filter((a) => typeof a === "string")]) + "\\n");`,
    `    if (n === at) {`,
    `      if (mode === "kill") process.kill(process.pid, "SIGKILL");`,
    `      throw Object.assign(new Error("injected failure in " + name), { code: "EIO" });`,
    `    }`,
    `    return f.apply(this, args);`,
    `  };`,
    `}`,
    `export * from "fs";`,
    `export default fs;`,
  ];
  for (const name of names) {
    if (!READS.has(name)) lines.push(`export const ${name} = wrap(${JSON.stringify(name)}, fs.${name});`);
  }
  return lines.join("\n");
}

const ENTRY = `
import { readFileSync } from "fs";
import { writeTreeAtomic } from ${JSON.stringify(join(REPO, "generator/src/io/files.ts"))};
const job = JSON.parse(readFileSync(process.env.JOB, "utf8"));
try {
  writeTreeAtomic(job.dir, new Map(Object.entries(job.files)));
} catch (error) {
  process.stderr.write("writeTreeAtomic threw: " + error.message + "\\n");
  process.exitCode = 3;
}
`;

/** Bundles the writer with the counting fs into `<dir>/writer.mjs`; returns its path. */
export async function buildFaultyWriter(source = join(REPO, "generator/src/io/files.ts")): Promise<string> {
  const dir = tempDir("idlc-faultfs");
  const shim = join(dir, "fs-shim.mjs");
  writeFileSync(shim, shimSource());
  const entry = join(dir, "entry.mjs");
  writeFileSync(entry, ENTRY.replace(JSON.stringify(join(REPO, "generator/src/io/files.ts")), JSON.stringify(source)));
  const outfile = join(dir, "writer.mjs");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    absWorkingDir: REPO,
    plugins: [
      {
        name: "faulty-fs",
        setup(b) {
          b.onResolve({ filter: /^(node:)?fs$/ }, (args) => (args.importer === shim ? { path: "fs", external: true } : { path: shim }));
        },
      },
    ],
  });
  return outfile;
}

export interface WriterRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** The fs calls made, in order: [number, name, ...string arguments]. */
  readonly calls: [number, string, ...string[]][];
}

/** Runs the bundled writer: writes `files` into `dir`, crashing at call `crashAt` (0: never). */
export function runWriter(writer: string, dir: string, files: Record<string, string>, crashAt: number, mode: "kill" | "throw"): WriterRun {
  const work = tempDir("idlc-faultjob");
  const job = join(work, "job.json");
  const log = join(work, "calls.log");
  writeFileSync(job, JSON.stringify({ dir, files }));
  writeFileSync(log, "");
  const r = spawnSync(process.execPath, [writer], {
    env: { ...process.env, JOB: job, CRASH_AT: String(crashAt), CRASH_MODE: mode, CRASH_LOG: log },
    encoding: "utf8",
    timeout: 60_000,
  });
  const calls = readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as [number, string, ...string[]]);
  realFs.rmSync(work, { recursive: true, force: true });
  return { status: r.status, signal: r.signal, stderr: r.stderr, calls };
}

/** Writes a tree (relative path to content; a path ending in '/' is an empty folder). */
export function writeTree(dir: string, tree: Record<string, string>): void {
  realFs.rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(tree)) {
    if (path.endsWith("/")) mkdirSync(join(dir, path), { recursive: true });
    else {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  }
}
