/** Type declarations: enum and open-enum constant objects with their union types, string aliases, struct interfaces. */
import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import { assertNever, type EnumDecl, type OpenEnumDecl, type StringDecl, type StructDecl, type TypeDecl } from "../../model/ir.js";
import type { EmitContext } from "./context.js";
import { fieldDefaultExpr } from "./defaults.js";
import { stringRules } from "../describe.js";
import { code, docs, escapeComment } from "./docs.js";
import { propertyKey } from "./names.js";
import { tsInputType, tsType } from "./type-text.js";

export function typeDeclarations(ctx: EmitContext, decl: TypeDecl): StatementStructures[] {
  switch (decl.kind) {
    case "enum":
      return enumDeclarations(decl);
    case "open-enum":
      return openEnumDeclarations(decl);
    case "string":
      return stringDeclarations(decl);
    case "struct":
      return structDeclarations(ctx, decl);
    default:
      return assertNever(decl);
  }
}

function constObject(name: string, entries: { key: string; value: string; doc: string }[], doc: ReturnType<typeof docs>): StatementStructures {
  const body = entries
    .map((e) => `${e.doc ? `/** ${escapeComment(e.doc).replace(/\n/g, "\n * ")} */\n` : ""}${propertyKey(e.key)}: ${JSON.stringify(e.value)},`)
    .join("\n");
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, initializer: `{\n${body}\n} as const` }],
    docs: doc,
  };
}

function enumDeclarations(decl: EnumDecl): StatementStructures[] {
  const def = decl.variants.find((v) => v.name === decl.defaultVariant);
  const wires = decl.variants.map((v) => code(v.wire)).join(", ");
  const doc = docs(decl.doc, `Wire values: ${wires}.${def ? ` Default: ${code(def.wire)}.` : ""}`);
  return [
    constObject(
      decl.name,
      decl.variants.map((v) => ({
        key: v.name,
        value: v.wire,
        doc: [v.doc, v.display !== v.wire ? `Displayed as ${code(v.display)}.` : ""].filter(Boolean).join("\n\n"),
      })),
      doc,
    ),
    { kind: StructureKind.TypeAlias, name: decl.name, isExported: true, type: `(typeof ${decl.name})[keyof typeof ${decl.name}]`, docs: doc },
  ];
}

function openEnumDeclarations(decl: OpenEnumDecl): StatementStructures[] {
  const known = decl.values.map((v) => code(v.value)).join(", ");
  const doc = docs(
    decl.doc,
    `Known values: ${known}. Any other string is read and written as it is.${decl.defaultValue !== undefined ? ` Default: ${code(decl.defaultValue)}.` : ""}`,
  );
  return [
    constObject(
      decl.name,
      decl.values.map((v) => ({ key: v.name, value: v.value, doc: v.doc })),
      docs(decl.doc, `Known values of {@link ${decl.name}}.`),
    ),
    {
      kind: StructureKind.TypeAlias,
      name: decl.name,
      isExported: true,
      // `string & {}` keeps completion for the known values while accepting any string.
      type: `(typeof ${decl.name})[keyof typeof ${decl.name}] | (string & {})`,
      docs: doc,
    },
  ];
}

function stringDeclarations(decl: StringDecl): StatementStructures[] {
  const rules = stringRules(decl);
  return [
    {
      kind: StructureKind.TypeAlias,
      name: decl.name,
      isExported: true,
      type: "string",
      docs: docs(decl.doc, rules.length > 0 ? `Rule: ${rules.join("; ")}.` : undefined),
    },
  ];
}

function structDeclarations(ctx: EmitContext, decl: StructDecl): StatementStructures[] {
  const props = (input: boolean) =>
    decl.fields.map((f) => {
      const dflt = f.default !== undefined ? fieldDefaultDoc(ctx, f) : undefined;
      const optional = f.type.kind === "optional" || (input && f.default !== undefined);
      const type = input ? tsInputType(ctx, f.type) : tsType(ctx, f.type);
      return {
        name: propertyKey(f.wire),
        type: optional && !type.endsWith("| undefined") ? `${type} | undefined` : type,
        hasQuestionToken: optional,
        docs: docs(f.doc, dflt, omitDoc(f.omit)),
      };
    });
  const unknown =
    decl.unknownFields === "deny" ? "Reading refuses fields not declared here." : "Reading ignores fields not declared here.";
  const out: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      name: decl.name,
      isExported: true,
      properties: props(false),
      docs: docs(decl.doc, unknown),
    },
  ];
  const needsInput = decl.fields.some((f) => f.default !== undefined || containsStruct(ctx, f.type));
  out.push(
    needsInput
      ? {
          kind: StructureKind.Interface,
          name: `${decl.name}Input`,
          isExported: true,
          properties: props(true),
          docs: docs(`Input to {@link create${decl.name}}: a {@link ${decl.name}} whose defaulted fields may be left out.`),
        }
      : {
          kind: StructureKind.TypeAlias,
          name: `${decl.name}Input`,
          isExported: true,
          type: decl.name,
          docs: docs(`Input to {@link create${decl.name}}: ${decl.name} has no defaulted fields, so the same shape.`),
        },
  );
  return out;
}

function containsStruct(ctx: EmitContext, t: StructDecl["fields"][number]["type"]): boolean {
  switch (t.kind) {
    case "primitive":
      return false;
    case "optional":
      return containsStruct(ctx, t.inner);
    case "list":
      return containsStruct(ctx, t.element);
    case "map":
      return containsStruct(ctx, t.value);
    case "named":
      return ctx.decl(t.name).kind === "struct";
    default:
      return assertNever(t);
  }
}

function fieldDefaultDoc(ctx: EmitContext, f: StructDecl["fields"][number]): string {
  const d = f.default!;
  if (d.kind === "literal") return `@defaultValue ${code(d.value)}`;
  const expr = fieldDefaultExpr(ctx, f)!;
  return /^default[A-Z]/.test(expr) ? `@defaultValue \`${expr}\` (the type's default)` : `@defaultValue \`${expr}\``;
}

function omitDoc(omit: StructDecl["fields"][number]["omit"]): string | undefined {
  switch (omit) {
    case "never":
      return undefined;
    case "if-none":
      return "Left out of the JSON when undefined.";
    case "if-empty":
      return "Left out of the JSON when empty.";
    default:
      return assertNever(omit);
  }
}
