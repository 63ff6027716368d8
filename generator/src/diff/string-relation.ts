/** Strings on the wire: enums (a set of values), open enums (any string) and `kind: string` rules. */
import { assertNever, isUnitOnly, type StringDecl, type TypeDecl } from "../model/ir.js";
import { combine, SAME, type Relation } from "./relation.js";

/** The string values a reader accepts. */
export type StringDomain =
  { readonly k: "any" } | { readonly k: "set"; readonly values: readonly string[] } | { readonly k: "rule"; readonly decl: StringDecl };

/** `char` as a string rule: exactly one code point. */
export const CHAR_RULE: StringDecl = {
  kind: "string",
  name: "char",
  module: "",
  doc: "",
  minLength: 1,
  maxLength: 1,
  pattern: undefined,
  patternDoc: undefined,
  range: { file: "", start: { line: 0, col: 0, offset: 0 }, end: { line: 0, col: 0, offset: 0 } },
};

/**
 * The string values a declaration reads, or undefined when it reads other JSON: an enum of unit
 * variants in the external representation reads its wire names and aliases (any string with an
 * `other` variant).
 */
export function stringDomainOf(decl: TypeDecl): StringDomain | undefined {
  switch (decl.kind) {
    case "enum":
      if (decl.repr.kind !== "external" || !isUnitOnly(decl)) return undefined;
      if (decl.variants.some((v) => v.other)) return { k: "any" };
      return { k: "set", values: decl.variants.flatMap((v) => [v.wire, ...v.aliases]) };
    case "open-enum":
      return { k: "any" };
    case "string":
      return { k: "rule", decl };
    case "struct":
    case "newtype":
    case "tuple-struct":
    case "unit-struct":
      return undefined;
    default:
      return assertNever(decl);
  }
}

/** Relation of two sets of string values (enums, open enums, string rules). */
export function relateStrings(b: StringDomain, h: StringDomain): Relation {
  if (b.k === "any" && h.k === "any") return SAME;
  if (h.k === "any") return { kind: "wider", detail: `strings other than ${domainText(b)}` };
  if (b.k === "any") return { kind: "narrower", detail: `strings other than ${domainText(h)}` };
  if (b.k === "rule" && h.k === "rule") return relateStringRules(b.decl, h.decl);
  if (b.k === "set" && h.k === "set") {
    const lost = b.values.filter((v) => !h.values.includes(v));
    const gained = h.values.filter((v) => !b.values.includes(v));
    const narrower: Relation = lost.length ? { kind: "narrower", detail: `the value${lost.length > 1 ? "s" : ""} ${quoted(lost)}` } : SAME;
    const wider: Relation = gained.length ? { kind: "wider", detail: `the value${gained.length > 1 ? "s" : ""} ${quoted(gained)}` } : SAME;
    return combine(narrower, wider);
  }
  if (b.k === "set" && h.k === "rule") {
    return b.values.every((v) => obeys(h.decl, v))
      ? { kind: "wider", detail: `strings other than ${quoted(b.values)}` }
      : { kind: "different", detail: `${domainText(h)} refuses some of ${quoted(b.values)}` };
  }
  if (b.k === "rule" && h.k === "set") {
    return h.values.every((v) => obeys(b.decl, v))
      ? { kind: "narrower", detail: `strings other than ${quoted(h.values)}` }
      : { kind: "different", detail: `${domainText(b)} refuses some of ${quoted(h.values)}` };
  }
  return { kind: "different", detail: `${domainText(b)} and ${domainText(h)} differ` };
}

/** Relation of two string rules (min/max length and pattern). */
export function relateStringRules(base: StringDecl, head: StringDecl): Relation {
  const parts: Relation[] = [];
  const bMin = base.minLength ?? 0;
  const hMin = head.minLength ?? 0;
  if (hMin > bMin) parts.push({ kind: "narrower", detail: `strings shorter than ${hMin}` });
  if (hMin < bMin) parts.push({ kind: "wider", detail: `strings shorter than ${bMin}` });
  const bMax = base.maxLength ?? Infinity;
  const hMax = head.maxLength ?? Infinity;
  if (hMax < bMax) parts.push({ kind: "narrower", detail: `strings longer than ${hMax}` });
  if (hMax > bMax) parts.push({ kind: "wider", detail: `strings longer than ${bMax}` });
  if (base.pattern !== head.pattern) {
    if (base.pattern === undefined) parts.push({ kind: "narrower", detail: `strings not matching ${head.pattern}` });
    else if (head.pattern === undefined) parts.push({ kind: "wider", detail: `strings not matching ${base.pattern}` });
    else parts.push({ kind: "different", detail: `pattern ${base.pattern} became ${head.pattern}` });
  }
  return parts.reduce(combine, SAME);
}

function obeys(decl: StringDecl, value: string): boolean {
  const length = [...value].length;
  if (decl.minLength !== undefined && length < decl.minLength) return false;
  if (decl.maxLength !== undefined && length > decl.maxLength) return false;
  if (decl.pattern === undefined) return true;
  try {
    return new RegExp(decl.pattern, "u").test(value);
  } catch {
    return false;
  }
}

/** `1 to 63 characters matching ^[a-z]+$`, for messages. */
function ruleText(decl: StringDecl): string {
  if (decl === CHAR_RULE) return "single characters (char)";
  const parts: string[] = [];
  const chars = (n: number): string => `${n} character${n === 1 ? "" : "s"}`;
  if (decl.minLength !== undefined && decl.maxLength !== undefined) parts.push(`${decl.minLength} to ${chars(decl.maxLength)}`);
  else if (decl.minLength !== undefined) parts.push(`at least ${chars(decl.minLength)}`);
  else if (decl.maxLength !== undefined) parts.push(`at most ${chars(decl.maxLength)}`);
  if (decl.pattern !== undefined) parts.push(`matching ${decl.pattern}`);
  return parts.length ? `${decl.name} (${parts.join(", ")})` : decl.name;
}

/** `any string`, `'a', 'b'` or the rule in words. */
export function domainText(d: StringDomain): string {
  switch (d.k) {
    case "any":
      return "any string";
    case "set":
      return quoted(d.values);
    case "rule":
      return ruleText(d.decl);
    default:
      return assertNever(d);
  }
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}
