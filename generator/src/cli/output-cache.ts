/**
 * A cache of whole outputs: the formatted files a run produced, keyed by everything they depend
 * on (the IDL files' paths and text, the target's settings, and the exact idlc build with its
 * runtime and formatter). A hit skips emission and formatting, so an unchanged IDL never loads
 * ts-morph or prettier. Only the bundled CLI uses it: from sources there is no build to key on.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readEntryJson, writeEntry } from "../io/cache-file.js";
import type { SourceFile } from "../load.js";

let buildId: string | undefined | null = null;

/** A hash of the running bundle and the runtime it copies; undefined when running from sources. */
function currentBuild(runtime: string): string | undefined {
  if (buildId !== null) return buildId;
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".js")) return (buildId = undefined);
  try {
    return (buildId = createHash("sha256").update(readFileSync(self)).update(runtime).digest("hex"));
  } catch {
    return (buildId = undefined);
  }
}

/** The key of one target's output: the IDL files, the target's settings (package or crate) and the build. */
export function outputKey(files: readonly SourceFile[], settings: unknown, runtime: string): string | undefined {
  const build = currentBuild(runtime);
  if (build === undefined) return undefined;
  const hash = createHash("sha256").update(`idlc-output-1\0${build}\0${JSON.stringify(settings)}\0`);
  for (const f of files) hash.update(`${f.path}\0${f.text}\0`);
  return hash.digest("hex");
}

export function readOutput(cacheDir: string | undefined, key: string | undefined): Map<string, string> | undefined {
  if (cacheDir === undefined || key === undefined) return undefined;
  const entries = readEntryJson(join(cacheDir, "output", `${key}.json`));
  const isFile = (e: unknown): e is [string, string] => Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string";
  return Array.isArray(entries) && entries.every(isFile) ? new Map(entries) : undefined;
}

export function writeOutput(cacheDir: string | undefined, key: string | undefined, files: ReadonlyMap<string, string>): void {
  if (cacheDir !== undefined && key !== undefined) writeEntry(join(cacheDir, "output", `${key}.json`), JSON.stringify([...files]));
}
