/**
 * The names of the generated TypeScript API, decided in one place: the emitters use them and the
 * loader checks them for collisions before anything is written.
 */
import { isUnitOnly, type PathHelper, type PathRoot, type TypeDecl } from "./ir.js";
import { camelCase } from "./naming.js";

export interface TypeApiNames {
  readonly type: string;
  readonly input: string | undefined;
  readonly parse: string;
  readonly safeParse: string;
  readonly parseJson: string;
  readonly safeParseJson: string;
  readonly stringify: string;
  readonly serialize: string;
  readonly create: string;
  readonly is: string | undefined;
  readonly display: string | undefined;
  /** Of an enum with data: the IDL name of the variant a value holds (`updateStrategyVariant`). */
  readonly variant: string | undefined;
  /** Of an enum with data: whether a value holds a given variant, narrowing it (`isUpdateStrategyVariant`). */
  readonly isVariant: string | undefined;
  readonly default: string | undefined;
  /** The Standard Schema value of the type. */
  readonly schema: string;
  /** Of an enum with data: the interface of its variants' types by name (`UpdateStrategyVariants`). */
  readonly variants: string | undefined;
  /** The type is also a value: the constant object of an enum's or open enum's wire names. */
  readonly constant: boolean;
}

export function typeApiNames(decl: TypeDecl, hasDefault: boolean): TypeApiNames {
  const n = decl.name;
  // Unit-only enums written as strings are a constant object and a union; the others are unions of their variants' JSON.
  const withData = decl.kind === "enum" && !(isUnitOnly(decl) && decl.repr.kind === "external");
  return {
    type: n,
    input: decl.kind === "struct" ? `${n}Input` : undefined,
    parse: `parse${n}`,
    safeParse: `safeParse${n}`,
    parseJson: `parse${n}Json`,
    safeParseJson: `safeParse${n}Json`,
    stringify: `stringify${n}`,
    serialize: `serialize${n}`,
    create: `create${n}`,
    is: decl.kind === "struct" ? undefined : `is${n}`,
    display: decl.kind === "enum" ? `display${n}` : undefined,
    variant: withData ? `${n.charAt(0).toLowerCase()}${n.slice(1)}Variant` : undefined,
    isVariant: withData ? `is${n}Variant` : undefined,
    default: hasDefault ? `default${n}` : undefined,
    schema: `${n}Schema`,
    variants: withData ? `${n}Variants` : undefined,
    constant: (decl.kind === "enum" && !withData) || decl.kind === "open-enum",
  };
}

/** The functions of a type, in the order docs list them. */
export function functionNames(names: TypeApiNames): string[] {
  return [
    names.parse,
    names.safeParse,
    names.parseJson,
    names.safeParseJson,
    names.create,
    names.default,
    names.serialize,
    names.stringify,
    names.is,
    names.variant,
    names.isVariant,
    names.display,
    names.schema,
  ].filter((n): n is string => n !== undefined);
}

export function pathFunctionName(helper: Pick<PathHelper, "name">): string {
  return camelCase(helper.name);
}

export function rootConstName(root: Pick<PathRoot, "name">): string {
  return root.name;
}

/** Names the runtime support module exports from the package. */
export const RUNTIME_EXPORTS = [
  "ValidationError",
  "ValidationIssue",
  "IssueCode",
  "ParseResult",
  "StringifyOptions",
  "PathOptions",
] as const;

/** Globals the generated code relies on; a declaration with one of these names would shadow it. */
export const RESERVED_GLOBALS = [
  "Array",
  "BigInt",
  "Boolean",
  "Date",
  "Error",
  "Function",
  "Infinity",
  "JSON",
  "Map",
  "Math",
  "NaN",
  "Number",
  "Object",
  "Partial",
  "Promise",
  "Readonly",
  "ReadonlyArray",
  "Record",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "TypeError",
  "undefined",
] as const;
