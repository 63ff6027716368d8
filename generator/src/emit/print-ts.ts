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

/** The printer's project settings: part of every cache key. */
const PROJECT_OPTIONS = { useInMemoryFileSystem: true, skipLoadingLibFiles: true } as const;

/** ts-morph's printer: one in-memory project, created on first use. */
export function createTsPrinter(): TsPrinter {
  let project: Project | undefined;
  return (path, structure) => {
    project ??= new Project(PROJECT_OPTIONS);
    return project.createSourceFile(path, structure, { overwrite: true }).getFullText();
  };
}

/** `print`, with its results kept in `cache` by a hash of the structure and the ts-morph version. */
export function cachedTsPrinter(print: TsPrinter, cache: PrintCache, stats?: PrintStats): TsPrinter {
  return (path, structure) => {
    const key = structureKey(structure);
    const hit = key === undefined ? undefined : cache.get(path, key);
    if (hit !== undefined) {
      if (stats) stats.reused++;
      return hit;
    }
    const text = print(path, structure);
    if (stats) stats.printed++;
    if (key !== undefined) cache.set(path, key, text);
    return text;
  };
}

/** How many modules a cached printer printed, and how many it took from the cache. */
export interface PrintStats {
  printed: number;
  reused: number;
}

/**
 * The hash of a structure as data, or `undefined` when it cannot be told apart from every other
 * structure by its JSON: functions (writers), class instances, symbols and bigints make it
 * uncacheable; `undefined` (which ts-morph does not always treat as absent), `NaN`, the
 * infinities and `-0` are written with tags that JSON cannot otherwise produce.
 */
export function structureKey(structure: SourceFileStructure): string | undefined {
  let plain = true;
  const json = JSON.stringify(structure, function (this: unknown, key: string, value: unknown) {
    const raw = key === "" ? value : (this as Record<string, unknown>)[key];
    if (raw === undefined) return { "\u0000": "undefined" };
    if (typeof raw === "number" && (!Number.isFinite(raw) || Object.is(raw, -0))) return { "\u0000": String(Object.is(raw, -0) ? "-0" : raw) };
    if (typeof raw === "function" || typeof raw === "symbol" || typeof raw === "bigint") plain = false;
    else if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      const proto = Object.getPrototypeOf(raw) as unknown;
      if (proto !== Object.prototype && proto !== null) plain = false;
    }
    return value;
  });
  if (!plain) return undefined;
  return createHash("sha256").update(`idlc-print-2\0${TS_MORPH_VERSION}\0${JSON.stringify(PROJECT_OPTIONS)}\0`).update(json).digest("hex");
}

/** The ts-morph that will print, as installed now (read without loading ts-morph). */
const TS_MORPH_VERSION: string = installedVersion("ts-morph");
