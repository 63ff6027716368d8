/**
 * The output writer (writeTreeAtomic, generator/src/io/files.ts) crashed or failed at every one of
 * its file system calls, deterministically (see test/support/fault-fs.ts):
 *
 * - killed while the new files are being written: the output folder is exactly as it was;
 * - killed anywhere: the output folder is the old tree, the new tree, or (inside the swap of the
 *   two folders) briefly absent; never a mix; the next run then leaves exactly the new tree, and
 *   the build entries (dist/, node_modules/) are never lost;
 * - failed (an fs error) anywhere: the output folder is exactly the old tree (or the new one when
 *   only the final clean-up failed), and nothing is left beside it.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFaultyWriter, runWriter, writeTree } from "../support/fault-fs.js";
import { removeTempDirs, snapshotTree, tempDir } from "../support/idl-fuzz.js";

const OLD: Record<string, string> = {
  ".idlc-manifest": "README.md\nsrc/index.ts\nsrc/old-only.ts\n",
  "README.md": "old readme\n",
  "src/index.ts": "// old index\n",
  "src/old-only.ts": "// only in the old tree\n",
  "dist/index.js": "// built from the old tree\n",
  "dist/deep/chunk.js": "// a chunk\n",
  "node_modules/dep/package.json": '{"name":"dep"}\n',
};

const NEW_FILES: Record<string, string> = {
  ".idlc-manifest": "README.md\nschema/a.schema.json\nsrc/index.ts\nsrc/pool.ts\n",
  "README.md": "new readme\n",
  "src/index.ts": "// new index\n",
  "src/pool.ts": "// new module\n",
  "schema/a.schema.json": "{}\n",
};

/** The new tree as it must end up: the new files, and the old build entries carried over. */
const NEW: Record<string, string> = {
  ...NEW_FILES,
  "dist/index.js": OLD["dist/index.js"]!,
  "dist/deep/chunk.js": OLD["dist/deep/chunk.js"]!,
  "node_modules/dep/package.json": OLD["node_modules/dep/package.json"]!,
};

function snapshotOf(tree: Record<string, string>): Record<string, string> {
  const dir = join(tempDir("idlc-expected"), "t");
  writeTree(dir, tree);
  return snapshotTree(dir);
}

type State = "old" | "new" | "absent" | "mixed";

function stateOf(dir: string, oldSnap: Record<string, string>, newSnap: Record<string, string>): State {
  if (!existsSync(dir)) return "absent";
  const snap = snapshotTree(dir);
  const same = (a: Record<string, string>): boolean => JSON.stringify(Object.entries(snap).sort()) === JSON.stringify(Object.entries(a).sort());
  return same(oldSnap) ? "old" : same(newSnap) ? "new" : "mixed";
}

/** Entries beside the output folder (leftovers of a run). */
function besides(parent: string): string[] {
  return readdirSync(parent).filter((e) => e !== "out");
}

let writer: string;
let oldSnap: Record<string, string>;
let newSnap: Record<string, string>;
let calls: [number, string, ...string[]][];

afterAll(removeTempDirs);

beforeAll(async () => {
  writer = await buildFaultyWriter();
  oldSnap = snapshotOf(OLD);
  newSnap = snapshotOf(NEW);
  const parent = tempDir("idlc-crash");
  const dir = join(parent, "out");
  writeTree(dir, OLD);
  const run = runWriter(writer, dir, NEW_FILES, 0, "kill");
  expect(run.status).toBe(0);
  expect(stateOf(dir, oldSnap, newSnap)).toBe("new");
  calls = run.calls.map(([n, name, ...args]) => [n, name, ...args.map((a) => a.replace(parent, "<parent>"))]);
}, 60_000);

/** Index of the first call that changes the output folder itself (nothing before it may show). */
function firstTouch(): number {
  const inOut = (p: string): boolean => p === "<parent>/out" || p.startsWith("<parent>/out/");
  const call = calls.find(([, , ...args]) => args.some(inOut));
  return call ? call[0] : Infinity;
}

describe("writeTreeAtomic, crashed or failed at each of its file system calls", () => {
  it("makes enough calls to be worth crashing, and a complete run leaves exactly the new tree", () => {
    expect(calls.length).toBeGreaterThan(NEW_FILES ? Object.keys(NEW_FILES).length : 0);
    expect(firstTouch()).toBeGreaterThan(Object.keys(NEW_FILES).length);
  });

  it("killed (SIGKILL) at each call: old, new or briefly absent, never a mix; the next run leaves exactly the new tree", () => {
    const seen = new Map<State, number[]>();
    for (let n = 1; n <= calls.length; n++) {
      const parent = tempDir("idlc-crash");
      const dir = join(parent, "out");
      writeTree(dir, OLD);
      const run = runWriter(writer, dir, NEW_FILES, n, "kill");
      expect(run.signal, `call ${n} (${JSON.stringify(calls[n - 1])})`).toBe("SIGKILL");
      const state = stateOf(dir, oldSnap, newSnap);
      seen.set(state, [...(seen.get(state) ?? []), n]);
      const where = `killed at call ${n} ${JSON.stringify(calls[n - 1])}: ${state}; beside it: ${besides(parent).join(", ")}`;
      expect(state, where).not.toBe("mixed");
      if (n <= firstTouch()) expect(state, where).toBe("old");
      // The next run recovers whatever the crash left and writes the new tree, losing nothing.
      const next = runWriter(writer, dir, NEW_FILES, 0, "kill");
      expect(next.status, `${where}; next run: ${next.stderr}`).toBe(0);
      expect(stateOf(dir, oldSnap, newSnap), where).toBe("new");
      expect(besides(parent), where).toEqual([]);
    }
    expect(seen.get("old")?.length).toBeGreaterThan(0);
  }, 120_000);

  it("failing (an fs error) at each call: exactly the old tree (or the new one once swapped in), nothing left beside it", () => {
    const swapped = calls.find(([, name, from, to]) => name === "renameSync" && from?.includes(".out.idlc-new-") && to === "<parent>/out");
    expect(swapped).toBeDefined();
    for (let n = 1; n <= calls.length; n++) {
      const parent = tempDir("idlc-fail");
      const dir = join(parent, "out");
      writeTree(dir, OLD);
      const run = runWriter(writer, dir, NEW_FILES, n, "throw");
      const state = stateOf(dir, oldSnap, newSnap);
      const where = `failed at call ${n} ${JSON.stringify(calls[n - 1])}: ${state}; beside it: ${besides(parent).join(", ")}; ${run.stderr}`;
      expect(run.status, where).toBe(3);
      if (n <= swapped![0]) {
        expect(state, where).toBe("old");
        expect(besides(parent), where).toEqual([]);
      } else {
        // Only the clean-up of the old folder is left to fail: the new tree is in place.
        expect(state, where).toBe("new");
      }
    }
  }, 120_000);
});
