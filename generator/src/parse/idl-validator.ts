/**
 * The ajv validators of the IDL language schema: one for a module's shell (its sections' entries
 * left unchecked) and one per kind of entry, so that a module is checked declaration by
 * declaration. (Checked whole, ajv slows down with the square of the number of failing entries:
 * 40,000 broken declarations took 7.5 s, 10,000 took 0.1 s.) From sources they are compiled on
 * first use; the bundled CLI replaces this module with code ajv generated at build time
 * (generator/build.mjs), so a run pays neither for loading ajv nor for compiling the schema.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import idlSchema from "../../idl.schema.json" with { type: "json" };

/** The options both ways of compiling use. */
export const AJV_OPTIONS = { allErrors: true, discriminator: true, verbose: true, strict: true } as const;

/** The kinds of type declaration, as the schema's `typeDecl` lists them. */
export const KIND_NAMES: readonly string[] = kindNames(idlSchema);

/** The `kind` of each declaration the schema's `typeDecl` refers to, in its order. */
export function kindNames(schema: typeof idlSchema): string[] {
  const defs = schema.$defs as Record<string, { properties?: { kind?: { const?: string } } }>;
  return schema.$defs.typeDecl.oneOf.map((ref) => defs[ref.$ref.replace("#/$defs/", "")]!.properties!.kind!.const!);
}

/** Module sections and the definition each of their entries follows. */
export const SECTION_DEFS = { types: "typeDecl", roots: "root", paths: "pathHelper" } as const;

export type IdlValidators = Readonly<Record<"shell" | (typeof SECTION_DEFS)[keyof typeof SECTION_DEFS], ValidateFunction>>;

export const SHELL_ID = `${idlSchema.$id.replace(/\.schema\.json$/, "")}-shell.schema.json`;

/** The module schema with each section's entries accepted as they are (their names are still checked). */
export function shellSchema(schema: typeof idlSchema): object {
  const shell = JSON.parse(JSON.stringify(schema)) as { $id: string; properties: Record<string, Record<string, unknown>> };
  shell.$id = SHELL_ID;
  for (const section of Object.keys(SECTION_DEFS)) shell.properties[section]!["additionalProperties"] = true;
  return shell;
}

let compiled: IdlValidators | undefined;

export function idlValidators(): IdlValidators {
  if (compiled) return compiled;
  const ajv = new Ajv2020(AJV_OPTIONS);
  ajv.addSchema(idlSchema);
  const def = (name: string): ValidateFunction => ajv.getSchema(`${idlSchema.$id}#/$defs/${name}`)!;
  compiled = { shell: ajv.compile(shellSchema(idlSchema)), typeDecl: def("typeDecl"), root: def("root"), pathHelper: def("pathHelper") };
  return compiled;
}
