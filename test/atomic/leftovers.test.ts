/**
 * What a killed run leaves beside the output folder (its temporary folder, the old tree moved
 * aside) is cleaned up by the next `idlc generate`, even when that run finds the output up to
 * date and writes nothing.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, removeTempDirs, runIdlc, snapshotTree, tempDir } from "../support/idl-fuzz.js";

let generated: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  generated = join(tempDir("idlc-leftovers"), "out");
  const run = await runIdlc(["generate", "--idl", join(REPO, "idl"), "--target", "ts", "--out", generated, "--quiet"], 120_000);
  expect(run.code, run.stderr).toBe(0);
}, 180_000);

/** A copy of the generated output with `leftover` (a folder of junk) beside it. */
function withLeftover(leftover: string): { parent: string; out: string } {
  const parent = tempDir("idlc-leftovers");
  const out = join(parent, "out");
  cpSync(generated, out, { recursive: true });
  mkdirSync(join(parent, leftover, "src"), { recursive: true });
  writeFileSync(join(parent, leftover, "src", "index.ts"), "// left by a killed run\n");
  return { parent, out };
}

describe("leftovers of killed runs", () => {
  it("the temporary folder of a dead run is removed by the next run that writes", async () => {
    const { parent, out } = withLeftover(".out.idlc-new-999999999");
    writeFileSync(join(out, "README.md"), "changed, so the next run writes\n");
    const run = await runIdlc(["generate", "--idl", join(REPO, "idl"), "--target", "ts", "--out", out, "--quiet"], 120_000);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(snapshotTree(out)).toEqual(snapshotTree(generated));
  }, 180_000);

  // KNOWN BUG: leftovers are only cleaned up inside writeTreeAtomic, which an up-to-date run
  // never calls; a run killed after its swap leaves `.out.idlc-old` (the old tree) for good.
  // Fix: clean up (recoverInterruptedSwap in generator/src/io/files.ts) at the start of generate.
  it("the old tree a killed run left beside the output is removed even when the output is up to date", async () => {
    const { parent, out } = withLeftover(".out.idlc-old");
    const run = await runIdlc(["generate", "--idl", join(REPO, "idl"), "--target", "ts", "--out", out, "--quiet"], 120_000);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(["out"]);
  }, 180_000);
});
