/**
 * The printed text of each generated TypeScript module, kept on disk by output path: one entry
 * per file (its structure's key and its text), replaced when the module changes. With it, an
 * edit to one module re-prints one module; the others come back without ts-morph.
 */
import { entryPath, readEntryJson, writeEntry } from "../io/cache-file.js";
import type { PrintCache } from "../emit/print-ts.js";

/** A print cache under `cacheDir`, or undefined when caching is off. */
export function diskPrintCache(cacheDir: string | undefined): PrintCache | undefined {
  if (cacheDir === undefined) return undefined;
  return {
    get(path, key) {
      const entry = readEntryJson(entryPath(cacheDir, "print", path)) as { key?: unknown; text?: unknown } | undefined;
      return entry?.key === key && typeof entry.text === "string" ? entry.text : undefined;
    },
    set(path, key, text) {
      writeEntry(entryPath(cacheDir, "print", path), JSON.stringify({ key, text }));
    },
  };
}
