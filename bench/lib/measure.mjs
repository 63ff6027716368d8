// Whole-process measurement of one `node ...` child: wall time (the parent's clock, from spawn
// to exit), CPU time (user, system) and peak RSS. The child preloads bench/lib/rusage-at-exit.cjs
// (`node --require`), which writes its own process.resourceUsage() at exit: the same figures
// GNU time's %U %S %M report, with no extra process in between, and a child killed at a
// timeout leaves nothing running.
//
// measureCommand does the same for a program that is not node (buf, a Go binary, which runs its
// plugin, a node script, as a child of its own): `sh -c` runs it, waits for it and prints the
// `times` builtin (CPU time of every process it waited for, grandchildren included); peak RSS
// is the larger of the program's VmHWM (read from /proc while it runs) and that of any node
// child (preloaded through NODE_OPTIONS), which is what GNU time's %M reports for a tree.
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

/**
 * Runs `cmd ...args` once (not node), measured as a whole with its children. Resolves to the
 * same shape as measureNode.
 */
export function measureCommand(cmd, args, { cwd = ROOT, env = {}, timeoutMs = 0 } = {}) {
  mkdirSync(WORK, { recursive: true });
  const statsFile = join(WORK, `.rusage-${process.pid}-${seq++}.json`);
  rmSync(statsFile, { force: true });
  // fd 3 carries the program's pid and then `times`; stderr stays the program's.
  const script = '"$@" & p=$!; echo "pid $p" >&3; wait $p; s=$?; times >&3; exit $s';
  const nodeOptions = [process.env.NODE_OPTIONS, env.NODE_OPTIONS, `--require ${PRELOAD}`].filter(Boolean).join(" ");
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn("/bin/sh", ["-c", script, "sh", cmd, ...args], {
      cwd,
      env: { ...process.env, ...env, NODE_OPTIONS: nodeOptions, BENCH_RUSAGE_FILE: statsFile },
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let fd3 = "";
    let pid;
    let hwmKb = 0;
    const poll = setInterval(() => {
      if (!pid) return;
      try {
        const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m);
        if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
      } catch {}
    }, 10);
    child.stderr.on("data", (d) => {
      if (stderr.length < 20000) stderr += d;
    });
    child.stdio[3].on("data", (d) => {
      fd3 += d;
      pid ??= Number(/^pid (\d+)$/m.exec(fd3)?.[1]) || undefined;
    });
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            try {
              if (pid) process.kill(pid, "SIGKILL"); // the program this function started, by its id
              process.kill(child.pid, "SIGKILL"); // and its sh
            } catch {}
          }, timeoutMs)
        : undefined;
    child.on("close", (status, signal) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      // `times`: the shell's own line, then its children's: "0m0.52s 0m0.12s" (user, system).
      const lines = fd3.split("\n").filter((l) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(l.trim()));
      const secs = (t) => {
        const m = /^(\d+)m([\d.]+)s$/.exec(t);
        return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
      };
      const [u, sy] = lines.length >= 2 ? lines[1].trim().split(" ").map(secs) : [NaN, NaN];
      let plugin = {};
      try {
        plugin = JSON.parse(readFileSync(statsFile, "utf8"));
      } catch {}
      rmSync(statsFile, { force: true });
      resolve({
        ok: status === 0 && !timedOut,
        status,
        signal,
        timedOut,
        wallMs,
        userMs: u * 1000,
        sysMs: sy * 1000,
        maxRssKb: Math.max(hwmKb, plugin.maxRSS ?? 0) || NaN,
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
 * Copies the built generator (generator/bin, generator/dist, and the runtime support module's
 * source, generator/src/targets/ts/runtime, which the bundle copies into every package) to
 * bench/.work/idlc-snapshot/generator, so that a rebuild of generator/ while the suite runs
 * cannot mix two versions into one table. Its dependencies still resolve from the repository's
 * node_modules. Returns { bin, sha256 } (sha256 of the bundle).
 */
export async function snapshotGenerator() {
  const src = join(ROOT, "generator");
  const dst = join(WORK, "idlc-snapshot", "generator");
  rmSync(dst, { recursive: true, force: true });
  for (const sub of ["bin", "dist", join("src", "targets", "ts", "runtime")]) {
    if (!existsSync(join(src, sub))) throw new Error(`generator/${sub} is missing: run 'node generator/build.mjs' first`);
    cpSync(join(src, sub), join(dst, sub), { recursive: true });
  }
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
