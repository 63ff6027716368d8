/**
 * Turns ts-morph source-file structures into text. The printer is a pure function of the
 * structure (plain data: strings, numbers, arrays) and of the ts-morph version, so its output can
 * be remembered by a hash of the two: an unchanged module is then not printed again, and a run in
 * which every module is unchanged never loads ts-morph at all.
 */
import { createHash } from "node:crypto";
import { installedVersion } from "../io/package-version.js";
import { Project, type SourceFileStructure } from "ts-morph";

/** Prints one source file (its path and structure) to text. */
export type TsPrinter = (path: string, structure: SourceFileStructure) => string;

/** Remembers printed text, by output path and key; a miss or an unreadable entry is `undefined`. */
export interface PrintCache {
  get(path: string, key: string): string | undefined;
  set(path: string, key: string, text: string): void;
}

/** ts-morph's printer: one in-memory project, created on first use. */
export function createTsPrinter(): TsPrinter {
  let project: Project | undefined;
  return (path, structure) => {
    project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
    return project.createSourceFile(path, structure, { overwrite: true }).getFullText();
  };
}

/** `print`, with its results kept in `cache` by a hash of the structure and the ts-morph version. */
export function cachedTsPrinter(print: TsPrinter, cache: PrintCache): TsPrinter {
  return (path, structure) => {
    const key = structureKey(structure);
    if (key === undefined) return print(path, structure);
    const hit = cache.get(path, key);
    if (hit !== undefined) return hit;
    const text = print(path, structure);
    cache.set(path, key, text);
    return text;
  };
}

/**
 * The hash of a structure as data, or `undefined` when it is not plain data (a writer function
 * has no text to hash, so such a structure is never cached).
 */
export function structureKey(structure: SourceFileStructure): string | undefined {
  let plain = true;
  const json = JSON.stringify(structure, (_key, value: unknown) => {
    if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") plain = false;
    return value;
  });
  if (!plain) return undefined;
  return createHash("sha256").update(`idlc-print-1\0${TS_MORPH_VERSION}\0`).update(json).digest("hex");
}

declare const __TS_MORPH_VERSION__: string | undefined;

/** Set by the build from the installed ts-morph; read from its package.json when running from source. */
const TS_MORPH_VERSION: string = typeof __TS_MORPH_VERSION__ === "string" ? __TS_MORPH_VERSION__ : installedVersion("ts-morph");
