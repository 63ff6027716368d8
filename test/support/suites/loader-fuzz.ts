/**
 * Loader fuzzing: mutated and hostile IDL files through the pure loader (in-process, thousands of
 * cases) and through `idlc generate` as a child process (exit code 0 or 1, diagnostics at
 * file:line:col, no stack trace, no hang, the output folder untouched on failure).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { loadIdl } from "../../../generator/src/load.js";
import {
  SPECIAL_FILES,
  badCliRun,
  badLoadResult,
  mutatedDataModel,
  mutatedIdl,
  removeTempDirs,
  runIdlc,
  snapshotTree,
  tempDir,
  writeIdl,
} from "../idl-fuzz.js";
import { fcParams, timeoutFor } from "../runs.js";

/** Longest a single load may take, in-process (a loaded CI machine; real files load in ~0.1 s). */
export const LOAD_BUDGET_MS = 15_000;
/** Longest a single `idlc generate` run may take before it counts as a hang. */
export const CLI_TIMEOUT_MS = 90_000;

const asText = (content: string | Buffer): string => (typeof content === "string" ? content : content.toString("utf8"));

function checkLoad(files: { path: string; text: string }[]): ReturnType<typeof loadIdl> {
  const start = performance.now();
  let result: ReturnType<typeof loadIdl>;
  try {
    result = loadIdl(files);
  } catch (error) {
    throw new Error(`loadIdl threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const ms = performance.now() - start;
  expect(badLoadResult(files, result)).toBeUndefined();
  expect(ms).toBeLessThan(LOAD_BUDGET_MS);
  return result;
}

export function loaderFuzzSuite(numRuns: number): void {
  const sources = [
    ["the real IDL", mutatedIdl],
    ["the data-model fixture (serde's whole data model)", mutatedDataModel],
  ] as const;
  for (const [what, mutated] of sources) {
    describe(`loadIdl on mutated copies of ${what}`, () => {
      it(
        `returns a model or errors at file:line:col, never throws, in bounded time (${numRuns} cases)`,
        () => {
          fc.assert(
            fc.property(mutated, (files) => {
              checkLoad(files);
            }),
            fcParams(numRuns),
          );
        },
        timeoutFor(numRuns * 10),
      );
    });
  }

  describe("loadIdl on hostile files", () => {
    it.each(SPECIAL_FILES.map(([name, files, outcome]) => [name, outcome, files] as const))(
      "%s: %s",
      (_name, outcome, files) => {
        const result = checkLoad(Object.entries(files).map(([n, content]) => ({ path: `idl/${n}`, text: asText(content) })));
        expect(result.model === undefined ? "errors" : "model").toBe(outcome);
      },
      60_000,
    );
  });
}

/** A tree that stands for a previous good output: must be left exactly as it is when generate fails. */
function seedOutput(out: string): void {
  mkdirSync(join(out, "src"), { recursive: true });
  mkdirSync(join(out, "dist"), { recursive: true });
  writeFileSync(join(out, "src/index.ts"), "// previous good output\n");
  writeFileSync(join(out, "README.md"), "previous\n");
  writeFileSync(join(out, "dist/index.js"), "export {};\n");
}

/** Runs `idlc generate` on IDL files and checks the run; returns the exit code. */
export async function checkCli(files: Record<string, string | Buffer>, outcome?: "model" | "errors"): Promise<number | null> {
  const dir = tempDir("idlc-fuzz");
  const idl = writeIdl(dir, files);
  const out = join(dir, "out");
  seedOutput(out);
  const before = snapshotTree(out);
  const run = await runIdlc(["generate", "--idl", idl, "--target", "ts", "--out", out], CLI_TIMEOUT_MS);
  expect(badCliRun(run)).toBeUndefined();
  if (outcome !== undefined) expect(run.code).toBe(outcome === "model" ? 0 : 1);
  const after = snapshotTree(out);
  if (run.code === 1) {
    expect(after).toEqual(before);
  } else {
    // A new, complete package; the build output (dist/) carried over.
    for (const f of ["package.json", "README.md", "src/index.ts", "src/runtime.ts", "dist/index.js"]) expect(after[f]).toBeDefined();
    expect(after["src/index.ts"]).not.toBe(before["src/index.ts"]);
    expect(injectedCode(out)).toEqual([]);
  }
  return run.code;
}

/**
 * Text from the IDL (docs, defaults, patterns, roots) must land in comments and string literals
 * only: no generated module may call `process` (the hostile files try `process.exit(7)`), and
 * every schema must be JSON.
 */
export function injectedCode(out: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(out, "src"))) {
    if (!name.endsWith(".ts")) continue;
    const source = ts.createSourceFile(name, readFileSync(join(out, "src", name), "utf8"), ts.ScriptTarget.ES2022, true);
    const diagnostics = (source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? [];
    if (diagnostics.length > 0) found.push(`${name}: does not parse as TypeScript`);
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === "process") found.push(`${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: process`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  for (const name of readdirSync(join(out, "schema"))) {
    try {
      JSON.parse(readFileSync(join(out, "schema", name), "utf8"));
    } catch {
      found.push(`schema/${name}: not JSON`);
    }
  }
  return found;
}

/** `idlc generate` on the named hostile files and on `mutations` mutated copies (seeded). */
export function cliFuzzSuite(specialNames: readonly string[] | "all", mutations: number, seed: number): void {
  const specials = SPECIAL_FILES.filter(([name]) => specialNames === "all" || specialNames.includes(name));
  const mutated = mutations > 0 ? fc.sample(mutatedIdl, { numRuns: mutations, seed }) : [];

  // Child processes: run a few at a time.
  describe.concurrent("idlc generate as a child process", () => {
    afterAll(removeTempDirs);

    it.each(specials.map(([name, files, outcome]) => [name, outcome, files] as const))(
      "%s: %s; exit 0 or 1, located diagnostics, no stack trace, output untouched on failure",
      async (_name, outcome, files) => {
        await checkCli(files, outcome);
      },
      CLI_TIMEOUT_MS * 2,
    );

    if (mutated.length > 0) it.each(mutated.map((files, i) => [i, files] as const))(
      `mutated copy #%i of the real IDL (seed ${seed})`,
      async (_i, files) => {
        await checkCli(Object.fromEntries(files.map((f) => [f.path.replace(/^idl\//, ""), f.text])));
      },
      CLI_TIMEOUT_MS * 2,
    );
  });
}
