/**
 * The models the Rust tests run on: the project's idl/ (with @mvm/pool-model and
 * generated-rust/) and each golden fixture (with its expected TypeScript sources and crate).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatDiagnostic } from "../../../generator/src/diagnostics/diagnostic.js";
import { loadIdl } from "../../../generator/src/load.js";
import type { Model } from "../../../generator/src/model/ir.js";
import { REPO } from "./cargo.js";

export interface ModelUnderTest {
  readonly label: string;
  readonly model: Model;
  /** The generated TypeScript package's module namespace. */
  readonly api: () => Promise<Record<string, unknown>>;
  readonly crateDir: string;
  readonly crateName: string;
}

/** Loads the IDL folder `dir` (module files named `idl/<file>`, as the CLI shows them). */
export function loadModel(dir: string): Model {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && f !== "accepted-changes.yaml")
    .sort()
    .map((f) => ({ path: `idl/${f}`, text: readFileSync(join(dir, f), "utf8") }));
  const { model, diagnostics } = loadIdl(files);
  if (!model) throw new Error(`${dir} does not load:\n${diagnostics.map(formatDiagnostic).join("\n")}`);
  return model;
}

export function projectModel(): ModelUnderTest {
  return {
    label: "idl",
    model: loadModel(join(REPO, "idl")),
    api: async () => (await import("@mvm/pool-model")) as unknown as Record<string, unknown>,
    crateDir: join(REPO, "generated-rust"),
    crateName: "mvm-pool-model",
  };
}

export const GOLDEN_FIXTURES: readonly string[] = readdirSync(join(REPO, "test/golden/fixtures")).sort();

export function goldenModel(name: string): ModelUnderTest {
  const dir = join(REPO, "test/golden/fixtures", name);
  return {
    label: `golden-${name}`,
    model: loadModel(join(dir, "idl")),
    api: async () => (await import(join(dir, "expected/src/index.ts"))) as Record<string, unknown>,
    crateDir: join(dir, "expected-rust"),
    crateName: `golden-${name}`,
  };
}
