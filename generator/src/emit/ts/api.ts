/**
 * The public functions of one declared type: parse, safeParse, create, default, serialize,
 * stringify, and for enums is/display; and its Standard Schema value. Their bodies are small: the
 * reader does the work.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type FunctionDeclarationStructure,
  type StatementStructures,
  type VariableStatementStructure,
} from "ts-morph";
import { typeApiNames } from "../../model/api-names.js";
import { assertNever, type TypeDecl } from "../../model/ir.js";
import type { EmitContext } from "./context.js";
import { structDefaultExpr, typeDefaultExpr } from "./defaults.js";
import { withArticle } from "../describe.js";
import { code, docs } from "./docs.js";
import { readerName, shapeName } from "./names.js";

function fn(
  name: string,
  params: { name: string; type: string; hasQuestionToken?: boolean }[],
  returnType: string,
  body: string,
  doc: ReturnType<typeof docs>,
  isExported = true,
): FunctionDeclarationStructure {
  return { kind: StructureKind.Function, name, isExported, parameters: params, returnType, statements: body, docs: doc };
}

export function apiFunctions(ctx: EmitContext, decl: TypeDecl): StatementStructures[] {
  const T = decl.name;
  const aT = withArticle(T);
  const names = typeApiNames(decl, ctx.hasDefault(decl));
  const read = readerName(T);
  const shape = shapeName(T);
  const invalid = ctx.runtime("invalid");
  const input = names.input ?? T;
  const out: StatementStructures[] = [];

  out.push(
    fn(
      names.parse,
      [{ name: "input", type: "unknown" }],
      T,
      [
        `let value: ${T} | undefined;`,
        `try {`,
        `value = ${read}(${ctx.runtime("readable")}(input));`,
        `} catch {`,
        `value = undefined;`,
        `}`,
        `if (value === undefined) throw ${invalid}(${JSON.stringify(T)}, ${shape}, input);`,
        `return value;`,
      ].join("\n"),
      docs(
        `Reads ${aT} from JSON data (\`JSON.parse\` output): checks it${decl.kind === "struct" ? ", fills defaults" : ""} and returns a fresh value; the input is never modified.`,
        `@throws {@link ValidationError} naming every failing path.`,
      ),
    ),
  );
  out.push(
    fn(
      names.safeParse,
      [{ name: "input", type: "unknown" }],
      `${ctx.runtimeType("ParseResult")}<${T}>`,
      `return ${ctx.runtime("attempt")}(${names.parse}, input);`,
      docs(`Like {@link ${names.parse}}, returning the error instead of throwing it.`),
    ),
  );

  out.push(
    fn(
      names.parseJson,
      [{ name: "text", type: "string" }],
      T,
      `return ${names.parse}(${ctx.runtime("readJsonText")}(${JSON.stringify(T)}, ${shape}, text));`,
      docs(
        `Reads ${aT} from JSON text as \`serde_json::from_str\` does, seeing what \`JSON.parse\` erases (repeated fields, \`1.0\` for an integer, integers beyond 2^53).`,
        `@throws {@link ValidationError} naming every failing path.`,
      ),
    ),
  );
  out.push(
    fn(
      names.safeParseJson,
      [{ name: "text", type: "string" }],
      `${ctx.runtimeType("ParseResult")}<${T}>`,
      `return ${ctx.runtime("attempt")}(${names.parseJson}, text);`,
      docs(`Like {@link ${names.parseJson}}, returning the error instead of throwing it.`),
    ),
  );

  const hasDefault = names.default !== undefined;
  const allDefaulted = decl.kind !== "struct" || decl.fields.every((f) => f.default !== undefined || f.type.kind === "optional");
  const optionalInput = hasDefault && allDefaulted;
  out.push(
    fn(
      names.create,
      [{ name: "input", type: input, hasQuestionToken: optionalInput }],
      T,
      optionalInput ? `return input === undefined ? ${names.default}() : ${names.parse}(input);` : `return ${names.parse}(input);`,
      docs(
        decl.kind === "struct"
          ? `Builds ${aT} from typed input, filling the defaults of fields left out${optionalInput ? " (all, without an argument)" : ""}; checked as {@link ${names.parse}} checks.`
          : `Checks ${aT} given in code${optionalInput ? "; the default without an argument" : ""}.`,
        `@throws {@link ValidationError} when a value does not fit its type.`,
      ),
    ),
  );

  if (names.default !== undefined) {
    const body =
      decl.kind === "struct"
        ? `return ${structDefaultExpr(ctx, decl)};`
        : `return ${typeDefaultExpr(ctx, { kind: "named", name: T, range: decl.range })};`;
    out.push(fn(names.default, [], T, body, docs(`The default ${T} (Rust \`Default::default()\`${defaultNote(decl)}), fresh on every call.`)));
  }

  out.push(
    fn(
      names.serialize,
      [{ name: "value", type: T }],
      "unknown",
      `return ${ctx.runtime("toWire")}(${JSON.stringify(T)}, ${shape}, ${ensure(ctx, decl)});`,
      docs(
        `The wire form of ${aT} as plain JSON data (omit rules applied); for text use {@link ${names.stringify}}.`,
        `@throws {@link ValidationError} when the value does not fit its type.`,
      ),
    ),
  );
  out.push(
    fn(
      names.stringify,
      [
        { name: "value", type: T },
        { name: "options", type: ctx.runtimeType("StringifyOptions"), hasQuestionToken: true },
      ],
      "string",
      `return ${ctx.runtime("writeJson")}(${JSON.stringify(T)}, ${shape}, ${ensure(ctx, decl)}, options?.pretty === true);`,
      docs(
        `Writes ${aT} as JSON text, byte for byte as \`serde_json::to_string\` (or \`to_string_pretty\` with \`{ pretty: true }\`).`,
        `@throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.`,
      ),
    ),
  );

  switch (decl.kind) {
    case "enum": {
      const cases = decl.variants.map((v) => `case ${JSON.stringify(v.wire)}: return ${JSON.stringify(v.display)};`);
      out.push(
        fn(
          names.display!,
          [{ name: "value", type: T }],
          "string",
          [`switch (value) {`, ...cases, `default: throw ${invalid}(${JSON.stringify(T)}, ${shape}, value);`, `}`].join("\n"),
          docs(`The Display string of ${aT} (Rust \`fmt::Display\`).`, `@throws {@link ValidationError} for a value that is not ${aT}.`),
        ),
      );
      out.push(
        fn(
          names.is!,
          [{ name: "value", type: "unknown" }],
          `value is ${T}`,
          `return ${read}(value) !== undefined;`,
          docs(`Whether \`value\` is one of the wire names of ${T}.`),
        ),
      );
      break;
    }
    case "open-enum":
      out.push(
        fn(names.is!, [{ name: "value", type: "unknown" }], `value is ${T}`, `return typeof value === "string";`, docs(`Whether \`value\` can be ${aT}: any string can.`)),
      );
      break;
    case "string":
      out.push(
        fn(names.is!, [{ name: "value", type: "unknown" }], `value is ${T}`, `return ${read}(value) !== undefined;`, docs(`Whether \`value\` follows the ${T} rule.`)),
      );
      break;
    case "struct":
      break;
    default:
      assertNever(decl);
  }
  out.push(standardSchemaConst(ctx, names.schema, input, T, names.parse));
  return out;
}

/**
 * `export const TSchema = standardSchema(parseT)`: the type as a Standard Schema (v1). Marked pure,
 * so a bundle that does not use it drops it, and with it the reader it holds.
 */
function standardSchemaConst(ctx: EmitContext, name: string, input: string, T: string, parse: string): VariableStatementStructure {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name,
        type: `${ctx.runtimeType("StandardSchema")}<${input}, ${T}>`,
        initializer: `/* @__PURE__ */ ${ctx.runtime("standardSchema")}(${parse})`,
      },
    ],
    docs: docs(
      `${T} as a Standard Schema (v1), for tRPC, Hono, form libraries and others: \`validate(value)\` returns \`{ value }\` as {@link ${parse}} reads it, or \`{ issues }\`, each with its message and its \`path\` as a list of keys.`,
    ),
  };
}

/** An expression that is the checked, fresh copy of `value`, or throws. */
function ensure(ctx: EmitContext, decl: TypeDecl): string {
  return `${ctx.runtime("ensure")}(${JSON.stringify(decl.name)}, ${readerName(decl.name)}, ${shapeName(decl.name)}, value)`;
}

function defaultNote(decl: TypeDecl): string {
  switch (decl.kind) {
    case "enum":
      return `: ${code(decl.variants.find((v) => v.name === decl.defaultVariant)?.wire)}`;
    case "open-enum":
      return `: ${code(decl.defaultValue)}`;
    default:
      return "";
  }
}
