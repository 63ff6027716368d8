/**
 * The ajv validator of the IDL language schema. From sources it is compiled on first use; the
 * bundled CLI replaces this module with code ajv generated at build time (generator/build.mjs),
 * so a run pays neither for loading ajv nor for compiling the schema.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import idlSchema from "../../idl.schema.json" with { type: "json" };

/** The options both ways of compiling use. */
export const AJV_OPTIONS = { allErrors: true, discriminator: true, verbose: true, strict: true } as const;

let compiled: ValidateFunction | undefined;

export function idlValidator(): ValidateFunction {
  compiled ??= new Ajv2020(AJV_OPTIONS).compile(idlSchema);
  return compiled;
}
