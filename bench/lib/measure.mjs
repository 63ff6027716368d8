// Whole-process measurement of one `node ...` child: wall time (the parent's clock, from spawn
// to exit), CPU time (user, system) and peak RSS. The child preloads bench/lib/rusage-at-exit.cjs
// (`node --require`), which writes its own process.resourceUsage() at exit: the same figures
// GNU time's %U %S %M report, with no extra process in between, and a child killed at a
// timeout leaves nothing running.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, freemem, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WORK = join(ROOT, "bench", ".work");
const PRELOAD = fileURLToPath(new URL("./rusage-at-exit.cjs", import.meta.url));
let seq = 0;

/**
 * Runs `node <args>` once. Resolves to
 * { ok, status, signal, timedOut, wallMs, userMs, sysMs, maxRssKb, stderr }.
 */
export function measureNode(args, { cwd = ROOT, env = {}, timeoutMs = 0 } = {}) {
  mkdirSync(WORK, { recursive: true });
  const statsFile = join(WORK, `.rusage-${process.pid}-${seq++}.json`);
  rmSync(statsFile, { force: true });
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--require", PRELOAD, ...args], {
      cwd,
      env: { ...process.env, ...env, BENCH_RUSAGE_FILE: statsFile },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      if (stderr.length < 20000) stderr += d;
    });
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            try {
              process.kill(child.pid, "SIGKILL"); // the process this function started, by its id
            } catch {}
          }, timeoutMs)
        : undefined;
    child.on("close", (status, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (timer) clearTimeout(timer);
      let r = {};
      try {
        r = JSON.parse(readFileSync(statsFile, "utf8"));
      } catch {}
      rmSync(statsFile, { force: true });
      resolve({
        ok: status === 0 && !timedOut,
        status,
        signal,
        timedOut,
        wallMs,
        userMs: r.userCPUTime !== undefined ? r.userCPUTime / 1000 : NaN,
        sysMs: r.systemCPUTime !== undefined ? r.systemCPUTime / 1000 : NaN,
        maxRssKb: r.maxRSS ?? NaN,
        stderr,
      });
    });
  });
}

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Medians over the successful samples. */
export function summarizeRuns(runs) {
  const ok = runs.filter((r) => r.ok);
  const walls = ok.map((r) => r.wallMs);
  return {
    samples: runs.length,
    ok: ok.length,
    timedOut: runs.some((r) => r.timedOut),
    failed: runs.filter((r) => !r.ok && !r.timedOut).map((r) => `exit ${r.status ?? r.signal}: ${r.stderr.trim().split("\n").slice(-3).join(" / ")}`),
    wallMs: median(walls),
    wallMinMs: walls.length ? Math.min(...walls) : NaN,
    wallMaxMs: walls.length ? Math.max(...walls) : NaN,
    cpuMs: median(ok.map((r) => r.userMs + r.sysMs)),
    maxRssMb: median(ok.map((r) => r.maxRssKb / 1024)),
    wallMsAll: runs.map((r) => Math.round(r.wallMs)),
  };
}

/** The machine, for results.md. */
export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? "unknown",
    cores: c.length,
    memoryGb: totalmem() / 2 ** 30,
    freeGb: freemem() / 2 ** 30,
    node: process.version,
    v8: process.versions.v8,
    os: `${type()} ${release()}${osName()}`,
    loadavg: loadavg(),
  };
}

function osName() {
  try {
    const m = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    return m ? ` (${m[1]})` : "";
  } catch {
    return "";
  }
}

/**
 * Copies the built generator (generator/bin, generator/dist, generator/runtime) to
 * bench/.work/idlc-snapshot/generator, so that a rebuild of generator/ while the suite runs
 * cannot mix two versions into one table. Its dependencies still resolve from the repository's
 * node_modules. Returns { bin, sha256 } (sha256 of the bundle).
 */
export async function snapshotGenerator() {
  const src = join(ROOT, "generator");
  const dst = join(WORK, "idlc-snapshot", "generator");
  rmSync(dst, { recursive: true, force: true });
  for (const sub of ["bin", "dist", "runtime"]) if (existsSync(join(src, sub))) cpSync(join(src, sub), join(dst, sub), { recursive: true });
  cpSync(join(src, "package.json"), join(dst, "package.json"));
  const bundle = join(dst, "dist", "idlc.js");
  return { bin: join(dst, "bin", "idlc.js"), sha256: createHash("sha256").update(readFileSync(bundle)).digest("hex") };
}

/** sha256 of a file, or undefined. */
export function fileSha256(path) {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return undefined;
  }
}
