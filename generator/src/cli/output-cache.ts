/**
 * A cache of whole outputs: the formatted files a run produced, keyed by everything they depend
 * on (the IDL files' paths and text, the package settings, and the exact idlc build with its
 * runtime and formatter). A hit skips emission and formatting, so an unchanged IDL never loads
 * ts-morph or prettier. Only the bundled CLI uses it: from sources there is no build to key on.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageInfo } from "../emit/generate.js";
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

export function outputKey(files: readonly SourceFile[], pkg: PackageInfo, runtime: string): string | undefined {
  const build = currentBuild(runtime);
  if (build === undefined) return undefined;
  const hash = createHash("sha256").update(`idlc-output-1\0${build}\0${JSON.stringify(pkg)}\0`);
  for (const f of files) hash.update(`${f.path}\0${f.text}\0`);
  return hash.digest("hex");
}

export function readOutput(cacheDir: string | undefined, key: string | undefined): Map<string, string> | undefined {
  if (cacheDir === undefined || key === undefined) return undefined;
  try {
    const entries = JSON.parse(readFileSync(join(cacheDir, "output", `${key}.json`), "utf8")) as [string, string][];
    return new Map(entries);
  } catch {
    return undefined;
  }
}

export function writeOutput(cacheDir: string | undefined, key: string | undefined, files: ReadonlyMap<string, string>): void {
  if (cacheDir === undefined || key === undefined) return;
  try {
    const dir = join(cacheDir, "output");
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify([...files]));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // A cache that cannot be written only costs time.
  }
}
