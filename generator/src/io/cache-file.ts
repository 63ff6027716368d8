/**
 * Files of idlc's caches (formatted statements, printed modules, whole outputs, compiled code).
 * A cache can only cost time: reading a missing or damaged entry gives `undefined`, writing one
 * that cannot be written does nothing, and an entry is written through a temporary sibling and a
 * rename, so a reader (another idlc running at the same time) never sees half of it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The entry for output file `path` in the cache section `section` under `dir`. */
export function entryPath(dir: string, section: string, path: string): string {
  return join(dir, section, `${createHash("sha256").update(path).digest("hex").slice(0, 32)}.json`);
}

/** The parsed JSON of a cache entry, or `undefined` when it is missing or not JSON. The caller checks its shape. */
export function readEntryJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a cache entry atomically; failures are ignored. */
export function writeEntry(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs time.
  } finally {
    rmSync(tmp, { force: true });
  }
}
