#!/usr/bin/env node
// Runs the tests of the generated package @mvm/pool-model (everything that exercises generated/:
// behaviour, conformance vectors, properties, paths, the seed's tests, the consumer test and the
// golden `everything` behaviour) on other Node versions, one after the other, with the binaries
// `npm ci` installed (tools/node-versions.mjs). Needs generated/dist: run `npm run build` first
// (`npm test` does).
//
//   node tools/test-on-node.mjs 22 24           Node 22, then Node 24
//   node tools/test-on-node.mjs all             20, 22 and 24
//   node tools/test-on-node.mjs 24 -- -t serde  extra arguments after -- go to vitest
//
// Exit code: 0 when every version passed, 1 when one failed, 2 for a usage error or a missing
// binary or build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { findNode, parseMajors, ROOT } from "./node-versions.mjs";

/** The test files and folders that exercise generated/ (the generator's own tests run on Node 20 only). */
export const PACKAGE_TESTS = Object.freeze([
  "test/behaviour",
  "test/conformance",
  "test/properties",
  "test/paths",
  "test/seed",
  "test/consumer",
  "test/golden/everything-behaviour.test.ts",
  "test/golden/reserved-words-behaviour.test.ts",
]);

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const versionArgs = dash < 0 ? argv : argv.slice(0, dash);
const vitestArgs = dash < 0 ? [] : argv.slice(dash + 1);
const usage = "usage: node tools/test-on-node.mjs <20|22|24|all>... [-- vitest arguments]";

let majors;
try {
  majors = parseMajors(versionArgs);
} catch (error) {
  process.stderr.write(`${error.message}\n${usage}\n`);
  process.exit(2);
}
if (majors.length === 0) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}
if (!existsSync(join(ROOT, "generated", "dist", "index.js"))) {
  process.stderr.write("generated/dist is missing: run `npm run build` first (`npm test` does).\n");
  process.exit(2);
}
const nodes = majors.map((major) => ({ major, ...findNode(major) }));
const missing = nodes.filter((n) => n.problem);
if (missing.length > 0) {
  for (const n of missing) process.stderr.write(`${n.problem}\n`);
  process.exit(2);
}

const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
const failed = [];
for (const n of nodes) {
  process.stdout.write(`\n== @mvm/pool-model tests on Node ${n.version} (${n.path})\n`);
  // Children that run `node` or `npm` by name (the consumer test's npm pack and install) get the same Node.
  const env = { ...process.env, PATH: `${dirname(n.path)}${delimiter}${process.env.PATH ?? ""}` };
  const r = spawnSync(n.path, [vitest, "run", ...PACKAGE_TESTS, ...vitestArgs], { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) failed.push(`${n.version} (${r.status === null ? `killed by ${r.signal}` : `exit ${r.status}`})`);
}
if (failed.length > 0) {
  process.stderr.write(`\nFailed on Node ${failed.join(", ")}.\n`);
  process.exit(1);
}
process.stdout.write(`\nPassed on Node ${nodes.map((n) => n.version).join(", ")}.\n`);
