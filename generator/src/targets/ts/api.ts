/**
 * The public functions every declared type has, built by the runtime's factories from the
 * type's generated reader and writer: one short constant each.
 */
import type { TypeDecl } from "../../model/ir.js";
import type { Decl, Expr, TypeNode } from "./printer/ast.js";
import { call, id, pureCall, ref, str, type FileScope } from "./scope.js";
import { isStraight } from "./straight.js";
import { wireForm } from "./wire.js";

export interface ApiOptions {
  /** The input type of `createT` (`TInput` for structs). */
  readonly input: TypeNode;
  /** `createT` may be called without an argument: the default. */
  readonly optionalInput: boolean;
  /** Name of `defaultT`, when the type has a default. */
  readonly defaultFn: string | undefined;
  /** Whether to emit `isT`. */
  readonly guard: boolean;
}

/**
 * `export const name = init;`: no TSDoc of its own. The runtime's factories return documented
 * function types (`Parse<T>`, `Stringify<T>`, ...), whose call signatures carry the docs editors
 * show at every call; the type itself carries the model's docs.
 */
function api(name: string, init: Expr, type?: TypeNode): Decl {
  return { t: "const", name, exported: true, init, ...(type && { type }) };
}

export function typeApi(s: FileScope, decl: TypeDecl, options: ApiOptions): Decl[] {
  const T = decl.name;
  const read = id(`read${T}`);
  const write = id(`write${T}`);
  const name = str(T);
  // A straight-line writer (targets/ts/straight.ts), else JSON.stringify as it is (asIs) or after
  // the type's wire function (targets/ts/wire.ts), else the JsonWriter alone.
  const named = { kind: "named", name: T, range: decl.range } as const;
  const form = wireForm(s.index, named);
  const stringify = isStraight(s.index, named)
    ? pureCall(s.rt("textStringifier"), name, read, ...(decl.kind === "struct" ? [id(`text${T}`)] : []))
    : pureCall(s.rt("stringifier"), name, read, write, ...(form === "same" ? [s.rt("asIs")] : form === "fix" ? [id(`wire${T}`)] : []));
  const out: Decl[] = [
    api(`${T}Schema`, pureCall(s.rt("standardSchema"), read), s.rtType("StandardSchema", [options.input, ref(T)])),
    // An arrow rather than the closure a factory returns: the engine then knows which reader
    // `check` calls, and inlines it (2-4% of reading a minimal PoolSpec).
    api(`parse${T}`, { t: "arrow", params: ["input"], body: call(s.rt("check"), name, read, id("input")) }, s.rtType("Parse", [ref(T)])),
    api(`safeParse${T}`, pureCall(s.rt("safe"), id(`parse${T}`))),
    api(`parse${T}Json`, pureCall(s.rt("jsonParser"), name, read)),
    api(`safeParse${T}Json`, pureCall(s.rt("safe"), id(`parse${T}Json`))),
    options.optionalInput && options.defaultFn !== undefined
      ? api(`create${T}`, pureCall(s.rt("creatorWithDefault"), id(`parse${T}`), id(options.defaultFn)), s.rtType("CreateOptional", [options.input, ref(T)]))
      : api(`create${T}`, pureCall(s.rt("creator"), id(`parse${T}`)), s.rtType("Create", [options.input, ref(T)])),
    api(`stringify${T}`, stringify),
    api(`serialize${T}`, pureCall(s.rt("serializer"), id(`stringify${T}`))),
  ];
  if (options.guard) out.push(api(`is${T}`, pureCall(s.rt("guard"), read)));
  return out;
}
