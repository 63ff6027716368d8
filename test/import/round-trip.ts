/**
 * The import round trip for tests: Rust files -> `importRust` -> the loader -> the TypeScript
 * generator -> a package on disk, imported back for behaviour tests. Any Rust fixture can go
 * through it; when a construct does not load yet, the loader's diagnostics say why.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { generate } from "../../generator/src/emit/generate.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { importRust, type ImportResult, type RustSource } from "../../generator/src/import/rust/index.js";
import { loadIdl, type LoadResult } from "../../generator/src/load.js";
import type { Model } from "../../generator/src/model/ir.js";

/** The seed: pool.rs (a copy of ../shared/seed/pool.rs) and the tenant module it uses. */
export const SEED_FILES: readonly string[] = ["pool.rs", "tenant.rs"].map((f) =>
  fileURLToPath(new URL(`./fixtures/seed/${f}`, import.meta.url)),
);

/** Rust files as `importRust` takes them: each file a module named after it. */
export function rustSources(paths: readonly string[]): RustSource[] {
  return paths.map((p) => ({ path: basename(p), text: readFileSync(p, "utf8"), modulePath: [basename(p).replace(/\.rs$/, "")] }));
}

/** The IDL modules of a folder (a golden fixture's idl/), loaded; throws with the diagnostics when they do not load. */
export function loadIdlFolder(dir: string): Model {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ({ path: `idl/${f}`, text: readFileSync(join(dir, f), "utf8") }));
  const { model, diagnostics } = loadIdl(files);
  if (!model) throw new Error(diagnostics.map(formatDiagnostic).join("\n"));
  return model;
}

/** Imports Rust sources and loads the IDL modules they give. */
export async function importAndLoad(sources: readonly RustSource[]): Promise<{ imported: ImportResult; loaded: LoadResult }> {
  const imported = await importRust(sources, { schemaPath: "../generator/idl.schema.json" });
  const loaded = loadIdl(imported.modules.map((m) => ({ path: `idl/${m.fileName}`, text: m.text })));
  return { imported, loaded };
}

export interface GeneratedPackage {
  readonly imported: ImportResult;
  readonly model: Model;
  /** The generated package's exports (`parsePoolSpec`, `ValidationError`, ...). */
  readonly api: Record<string, unknown> & { ValidationError: abstract new (...args: never[]) => { readonly issues: readonly unknown[] } };
  /** Deletes the package from disk. */
  readonly remove: () => void;
}

/** An IDL module as the import writes it. */
export interface ModuleText {
  readonly fileName: string;
  readonly text: string;
}

/**
 * Imports, loads, generates the TypeScript package into a temporary folder and imports it.
 * `adjust` may change the modules before they are loaded (a test that works around a construct
 * the loader does not read yet says so where it passes one).
 */
export async function importAndGenerate(
  sources: readonly RustSource[],
  name = "@import/round-trip",
  adjust: (modules: readonly ModuleText[]) => readonly ModuleText[] = (m) => m,
): Promise<GeneratedPackage> {
  const imported = await importRust(sources, { schemaPath: "../generator/idl.schema.json" });
  const modules = adjust(imported.modules);
  const loaded = loadIdl(modules.map((m) => ({ path: `idl/${m.fileName}`, text: m.text })));
  if (!loaded.model) {
    const yaml = modules.map((m) => `--- ${m.fileName}\n${m.text}`).join("\n");
    throw new Error(`the imported IDL does not load:\n${loaded.diagnostics.map(formatDiagnostic).join("\n")}\n${yaml}`);
  }
  const { api, remove } = await generatePackage(loaded.model, name);
  return { imported, model: loaded.model, api, remove };
}

/** Generates a model's TypeScript package into a temporary folder and imports it. */
export async function generatePackage(model: Model, name: string): Promise<Pick<GeneratedPackage, "api" | "remove">> {
  const files = new Map(generate(model, { package: { name, version: "0.0.0" }, runtimeSource: runtimeSource() }));
  const dir = mkdtempSync(join(tmpdir(), "idlc-import-"));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const api = (await import(join(dir, "src/index.ts"))) as GeneratedPackage["api"];
  return { api, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
