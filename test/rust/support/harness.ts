/**
 * The differential harness: the same cases through a generated TypeScript package and the Rust
 * driver over the generated crate, compared on accept or refuse, `to_string`,
 * `to_string_pretty`, `Display`, defaults and paths. Generic over the model: the TypeScript
 * functions are found by the names the generator gives them, the Rust ones by the driver's
 * dispatch. Error messages are not compared (they differ by design); the conformance test
 * compares serde's messages with the recorded ones.
 */
import { pathFunctionName, typeApiNames } from "../../../generator/src/model/api-names.js";
import { childTypes, declHasDefault, typeHasDefault, typeRefsOf } from "../../../generator/src/model/facts.js";
import { indexModel, type Model, type ModelIndex, type TypeDecl, type TypeRef } from "../../../generator/src/model/ir.js";
import type { DefaultAnswer, Driver, DriverRequest, PathAnswer, ReadAnswer } from "./driver.js";

interface Issue {
  readonly code: string;
}
type Parsed =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: { readonly issues: readonly Issue[] } };

/** The functions of one type in the TypeScript package. */
export interface TsType {
  readonly decl: TypeDecl;
  readonly safeParseJson: (text: string) => Parsed;
  readonly parse: (data: unknown) => unknown;
  readonly stringify: (value: unknown, options?: { pretty?: boolean }) => string;
  readonly display: ((value: unknown) => string) | undefined;
  readonly defaultValue: (() => unknown) | undefined;
  /**
   * Whether a value may hold a `HashMap` or `HashSet`: Rust writes those in hash order, TypeScript
   * sorted, so their texts are compared as JSON with keys and arrays sorted.
   */
  readonly hashOrdered: boolean;
}

/** Whether a declaration reaches a `hash_map` or `hash_set` through its type expressions and the types they name. */
function reachesHashed(index: ModelIndex, decl: TypeDecl): boolean {
  const seen = new Set<string>();
  const walk = (t: TypeRef): boolean => {
    if ((t.kind === "map" || t.kind === "set") && t.hashed) return true;
    if (t.kind === "named") {
      if (seen.has(t.name)) return false;
      seen.add(t.name);
      const d = index.types.get(t.name);
      return d !== undefined && typeRefsOf(d).some(walk);
    }
    return childTypes(t).some(walk);
  };
  seen.add(decl.name);
  return typeRefsOf(decl).some(walk);
}

/** JSON text with object keys and arrays sorted (arrays by their elements' text), for hash-ordered values. */
export function unordered(text: string): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    if (v === null || typeof v !== "object") return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, x]) => [k, norm(x)]));
  };
  return JSON.stringify(norm(JSON.parse(text)));
}

/** The TypeScript package of a model (its module namespace), seen through the generator's names. */
export class TsPackage {
  readonly types = new Map<string, TsType>();
  readonly paths = new Map<string, (...args: string[]) => string>();

  constructor(model: Model, api: Record<string, unknown>) {
    const index = indexModel(model);
    const fn = <F>(name: string | undefined): F | undefined => {
      if (name === undefined) return undefined;
      const f = api[name];
      if (typeof f !== "function") throw new Error(`the TypeScript package has no function ${name}`);
      return f as F;
    };
    for (const decl of index.types.values()) {
      const names = typeApiNames(decl, typeHasDefault(index, { kind: "named", name: decl.name, range: decl.range }));
      this.types.set(decl.name, {
        decl,
        safeParseJson: fn<TsType["safeParseJson"]>(names.safeParseJson)!,
        parse: fn<TsType["parse"]>(names.parse)!,
        stringify: fn<TsType["stringify"]>(names.stringify)!,
        display: fn<(value: unknown) => string>(names.display),
        defaultValue: decl.kind !== "open-enum" && declHasDefault(decl) ? fn<() => unknown>(names.default) : undefined,
        hashOrdered: reachesHashed(index, decl),
      });
    }
    for (const helper of index.paths.values()) this.paths.set(helper.name, fn<(...args: string[]) => string>(pathFunctionName(helper))!);
  }

  type(name: string): TsType {
    const t = this.types.get(name);
    if (t === undefined) throw new Error(`no type ${name}`);
    return t;
  }
}

/** A case: a JSON text of a type, a default, or a path helper's arguments. */
export type Case =
  | { readonly k: "read"; readonly type: string; readonly text: string; readonly origin: string }
  | { readonly k: "default"; readonly type: string }
  | { readonly k: "path"; readonly helper: string; readonly args: readonly string[] };

/** What the TypeScript package does with a text: refused (with issue codes) or read and written back. */
export type TsRead =
  | { readonly ok: true; readonly value: unknown; readonly compact: string; readonly pretty: string; readonly display: string | null }
  | { readonly ok: false; readonly codes: readonly string[] };

export function readTs(pkg: TsPackage, type: string, text: string): TsRead {
  const t = pkg.type(type);
  const r = t.safeParseJson(text);
  if (!r.ok) return { ok: false, codes: r.error.issues.map((i) => i.code) };
  // A value TypeScript reads but cannot write is a disagreement with serde (which writes what it reads), not a crash of the harness.
  const write = (pretty: boolean): string => {
    try {
      return t.stringify(r.value, { pretty });
    } catch (error) {
      if ((error as Error).name !== "ValidationError") throw error;
      return `TypeScript cannot write what it read: ${(error as Error).message}`;
    }
  };
  return {
    ok: true,
    value: r.value,
    compact: write(false),
    pretty: write(true),
    display: t.display === undefined ? null : t.display(r.value),
  };
}

export interface Disagreement {
  readonly case: Case;
  readonly ts: unknown;
  readonly rust: unknown;
}

export interface Outcome {
  readonly cases: number;
  readonly agreed: number;
  /** Integers beyond 2^53 that serde reads and TypeScript refuses (`unsafe-integer`): the documented difference. */
  readonly tolerated: readonly Case[];
  readonly disagreements: readonly Disagreement[];
  /** Read cases both sides accepted, and both refused. */
  readonly accepted: number;
  readonly refused: number;
}

/** Whether a TypeScript refusal is only the documented one: integers beyond 2^53. */
function onlyUnsafeIntegers(ts: TsRead): boolean {
  return !ts.ok && ts.codes.length > 0 && ts.codes.every((c) => c === "unsafe-integer");
}

function pathTs(pkg: TsPackage, helper: string, args: readonly string[]): { ok: true; value: string } | { ok: false } {
  try {
    return { ok: true, value: pkg.paths.get(helper)!(...args) };
  } catch (error) {
    if ((error as Error).name !== "ValidationError") throw error;
    return { ok: false };
  }
}

/**
 * Runs every case through both sides and compares them; then, in the other direction, what Rust
 * wrote for each case both read: TypeScript and Rust must read Rust's text alike too.
 */
export function runCases(pkg: TsPackage, driver: Driver, cases: readonly Case[]): Outcome {
  const first = runOnce(pkg, driver, cases);
  const back = runOnce(pkg, driver, first.writtenByRust);
  return {
    cases: first.cases + back.cases,
    agreed: first.agreed + back.agreed,
    tolerated: [...first.tolerated, ...back.tolerated],
    disagreements: [...first.disagreements, ...back.disagreements],
    accepted: first.accepted + back.accepted,
    refused: first.refused + back.refused,
  };
}

function runOnce(pkg: TsPackage, driver: Driver, cases: readonly Case[]): Outcome & { readonly writtenByRust: Case[] } {
  const requests: DriverRequest[] = cases.map((c) =>
    c.k === "read"
      ? { op: "read", type: c.type, text: c.text }
      : c.k === "default"
        ? { op: "default", type: c.type }
        : { op: "path", helper: c.helper, args: c.args },
  );
  const answers = driver.run(requests);
  const tolerated: Case[] = [];
  const disagreements: Disagreement[] = [];
  const writtenByRust: Case[] = [];
  let accepted = 0;
  let refused = 0;
  cases.forEach((c, i) => {
    const answer = answers[i]!;
    const differ = (ts: unknown): void => {
      disagreements.push({ case: c, ts, rust: answer });
    };
    switch (c.k) {
      case "read": {
        const rust = answer as ReadAnswer;
        const ts = readTs(pkg, c.type, c.text);
        if (ts.ok && rust.ok) {
          const same = pkg.type(c.type).hashOrdered
            ? unordered(ts.compact) === unordered(rust.compact) && unordered(ts.pretty) === unordered(rust.pretty)
            : ts.compact === rust.compact && ts.pretty === rust.pretty;
          if (!same || ts.display !== rust.display) return differ(ts);
          if (!c.origin.startsWith("written by Rust"))
            writtenByRust.push({ k: "read", type: c.type, text: rust.compact, origin: `written by Rust from ${c.origin}` });
          accepted++;
        } else if (!ts.ok && !rust.ok) {
          refused++;
        } else if (!ts.ok && rust.ok && onlyUnsafeIntegers(ts)) {
          tolerated.push(c);
        } else {
          differ(ts);
        }
        return;
      }
      case "default": {
        const t = pkg.type(c.type);
        const ts = t.stringify(t.defaultValue!());
        const rust = (answer as DefaultAnswer).compact;
        if (t.hashOrdered ? unordered(ts) !== unordered(rust) : ts !== rust) differ(ts);
        return;
      }
      case "path": {
        const rust = answer as PathAnswer;
        const ts = pathTs(pkg, c.helper, c.args);
        if (ts.ok !== rust.checked.ok) return differ(ts);
        // A valid id gives the same path through the checked and the plain helper, as TypeScript gives it.
        if (ts.ok && rust.checked.ok && (ts.value !== rust.checked.value || ts.value !== rust.plain)) differ(ts);
        return;
      }
    }
  });
  return {
    cases: cases.length,
    agreed: cases.length - tolerated.length - disagreements.length,
    tolerated,
    disagreements,
    accepted,
    refused,
    writtenByRust,
  };
}
