/** The README section of one declared type: its doc, its values or fields, an example and its functions. */
import { functionNames, typeApiNames } from "../../model/api-names.js";
import { typeHasDefault } from "../../model/facts.js";
import { assertNever, typeText, type ModelIndex, type StructDecl, type TypeDecl } from "../../model/ir.js";
import { stringRules } from "../describe.js";
import { fieldWireDefault } from "../../model/facts.js";
import { exampleInput, exampleString } from "./examples.js";
import { cell } from "./text.js";

export function typeSection(index: ModelIndex, decl: TypeDecl): string[] {
  const names = typeApiNames(decl, typeHasDefault(index, { kind: "named", name: decl.name, range: decl.range }));
  const out = [`### ${decl.name} (${decl.kind})`, ""];
  if (decl.doc) out.push(decl.doc, "");
  switch (decl.kind) {
    case "enum": {
      if (decl.variants.some((v) => v.payload.kind !== "unit") || decl.repr.kind !== "external") {
        out.push(`An enum with data (${decl.repr.kind === "external" ? "externally tagged" : decl.repr.kind === "internal" ? `tag \`${decl.repr.tag}\`` : decl.repr.kind === "adjacent" ? `tag \`${decl.repr.tag}\`, content \`${decl.repr.content}\`` : "untagged"}). Variants: ${decl.variants.map((v) => `\`${v.name}\` (\`"${v.wire}"\`, ${v.payload.kind})`).join(", ")}.`);
        break;
      }
      const docs = decl.variants.some((v) => v.doc !== "");
      out.push(`| Variant | Wire | Display |${docs ? " Doc |" : ""}`, `| --- | --- | --- |${docs ? " --- |" : ""}`);
      for (const v of decl.variants) {
        const dflt = v.name === decl.defaultVariant ? " (default)" : "";
        out.push(`| \`${decl.name}.${v.name}\`${dflt} | \`"${v.wire}"\` | \`${v.display}\` |${docs ? ` ${cell(v.doc)} |` : ""}`);
      }
      const v = decl.variants[0]!;
      out.push("", "```ts", `${names.display}(${decl.name}.${v.name}); // "${v.display}"`, `${names.parse}("${v.wire}"); // ${decl.name}.${v.name}`, "```");
      break;
    }
    case "open-enum": {
      out.push(`Any string is read and written as it is. Known values: ${decl.values.map((v) => `\`${decl.name}.${v.name}\` (\`"${v.value}"\`)`).join(", ")}.`);
      out.push("", "```ts", `const known: ${decl.name} = ${decl.name}.${decl.values[0]!.name};`, `const other: ${decl.name} = "anything-else"; // also valid`, "```");
      break;
    }
    case "string": {
      out.push(`A string: ${stringRules(decl).join("; ") || "any"}.`);
      const ok = exampleString(decl.name.toLowerCase(), decl);
      if (ok !== undefined) out.push("", "```ts", `${names.is}(${JSON.stringify(ok)}); // true`, `${names.is}("../etc"); // false`, "```");
      break;
    }
    case "struct":
      out.push(...structTable(index, decl));
      out.push(...structExample(index, decl, names));
      break;
    case "newtype":
      out.push(`On the wire: \`${cell(typeText(decl.type))}\` (a newtype).`);
      break;
    case "tuple-struct":
      out.push(`On the wire: an array \`${cell(decl.items.map(typeText).join(", "))}\` (a tuple struct).`);
      break;
    case "unit-struct":
      out.push("On the wire: `null` (a unit struct).");
      break;
    default:
      assertNever(decl);
  }
  out.push("", `Functions: ${functionNames(names).map((n) => `\`${n}\``).join(", ")}.`);
  return out;
}

function structTable(index: ModelIndex, decl: StructDecl): string[] {
  const out = ["| Field | Type | Default | Doc |", "| --- | --- | --- | --- |"];
  for (const f of decl.fields) {
    const omit = f.omit === "if-none" ? " Left out when none." : f.omit === "if-empty" ? " Left out when empty." : "";
    out.push(`| \`${f.wire}\` | \`${cell(typeText(f.type))}\` | ${defaultCell(index, f)} | ${cell(f.doc + omit)} |`);
  }
  if (decl.unknownFields === "deny") out.push("", "Unknown fields are refused.");
  return out;
}

/** A struct's own default is named (its defaultT function) rather than spelled out as JSON. */
function defaultCell(index: ModelIndex, f: StructDecl["fields"][number]): string {
  if (f.default?.kind === "type" && f.type.kind === "named" && index.types.get(f.type.name)?.kind === "struct") {
    return `\`default${f.type.name}()\``;
  }
  const d = fieldWireDefault(index, f);
  if (d === undefined) return f.type.kind === "optional" ? "none" : "required";
  return `\`${cell(JSON.stringify(d))}\``;
}

function structExample(index: ModelIndex, decl: StructDecl, names: ReturnType<typeof typeApiNames>): string[] {
  const input = exampleInput(index, decl);
  if (input === undefined) return [];
  return [
    "",
    "```ts",
    `const value = ${names.create}(${input}); // the other fields take their defaults`,
    `const text = ${names.stringify}(value, { pretty: true });`,
    `const result = ${names.safeParse}(JSON.parse(text));`,
    `if (!result.ok) console.error(result.error.issues); // [{ path, keys, code, message }, ...]`,
    "```",
  ];
}
