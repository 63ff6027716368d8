/**
 * The printed text of each generated TypeScript module, kept on disk by output path: one entry
 * per file (its structure's key and its text), replaced when the module changes. With it, an
 * edit to one module re-prints one module; the others come back without ts-morph.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PrintCache } from "../emit/print-ts.js";

/** A print cache under `cacheDir`, or undefined when caching is off. */
export function diskPrintCache(cacheDir: string | undefined): PrintCache | undefined {
  if (cacheDir === undefined) return undefined;
  const dir = join(cacheDir, "print");
  const file = (path: string): string => join(dir, `${createHash("sha256").update(path).digest("hex").slice(0, 32)}.json`);
  return {
    get(path, key) {
      try {
        const entry = JSON.parse(readFileSync(file(path), "utf8")) as { key?: unknown; text?: unknown };
        return entry.key === key && typeof entry.text === "string" ? entry.text : undefined;
      } catch {
        return undefined;
      }
    },
    set(path, key, text) {
      const target = file(path);
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, JSON.stringify({ key, text }));
        renameSync(tmp, target);
      } catch {
        // A cache that cannot be written only costs time.
      } finally {
        rmSync(tmp, { force: true });
      }
    },
  };
}
