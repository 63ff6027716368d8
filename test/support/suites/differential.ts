/**
 * The generated parsers against the emitted JSON Schemas, judged by ajv: on JSON inputs (valid
 * ones, with serde's sequence and map forms, and small mutations of them) a schema accepts
 * exactly what safeParse<T> accepts.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonInput } from "../arbitraries.js";
import { APIS, keysExist, pointerExists, readSchema, type TypeApi } from "../model.js";
import { fcParams, timeoutFor } from "../runs.js";

/**
 * Ajv in strict mode, but for `strictTuples`: that lint wants every `prefixItems` tuple to be of
 * fixed length, and serde's sequence form has optional trailing elements (fields with defaults),
 * which the schemas express with `minItems` below the tuple's length, as draft 2020-12 allows.
 * `discriminator` on: enums with a tag carry the OpenAPI keyword.
 */
export function newAjv(): Ajv2020 {
  return new Ajv2020({ strict: true, strictTuples: false, discriminator: true, allErrors: false });
}

const compiled = new Map<string, ValidateFunction>();

export function schemaValidator(a: TypeApi): ValidateFunction {
  let v = compiled.get(a.name);
  if (v === undefined) {
    v = newAjv().compile(readSchema(a));
    compiled.set(a.name, v);
  }
  return v;
}

/**
 * Why the issues of a refused JSON input do not point into it, or undefined: each issue's path
 * names a place of the input, or for a missing field, a place whose parent is in the input; and
 * so do its keys, a number for each array index and a string for each object key.
 */
export function badIssuePaths(a: TypeApi, input: unknown): string | undefined {
  const result = a.safeParse(input);
  if (result.ok) return undefined;
  for (const issue of result.error.issues) {
    if (issue.code === "too-many-issues") continue;
    const at = issue.code === "missing-field" ? issue.path.slice(0, issue.path.lastIndexOf("/")) : issue.path;
    if (!pointerExists(input, at)) return `${issue.code} at ${JSON.stringify(issue.path)} is not a place of ${JSON.stringify(input)}`;
    const keys = issue.code === "missing-field" ? issue.keys.slice(0, -1) : issue.keys;
    if (!keysExist(input, keys)) return `${issue.code} at keys ${JSON.stringify(issue.keys)} is not a place of ${JSON.stringify(input)}`;
  }
  return undefined;
}

/** A readable account of a disagreement, for the failure message. */
export function disagreement(a: TypeApi, input: unknown): string | undefined {
  const validate = schemaValidator(a);
  const bySchema = validate(input);
  const result = a.safeParse(input);
  if (bySchema === result.ok) return undefined;
  const why = result.ok ? JSON.stringify(validate.errors) : JSON.stringify(result.error.issues);
  return `${a.name}: schema ${bySchema ? "accepts" : "refuses"}, parser ${result.ok ? "accepts" : "refuses"} ${JSON.stringify(input)} (${why})`;
}

export function differentialSuite(numRuns: number): void {
  const params = fcParams(numRuns);
  const timeout = timeoutFor(numRuns);

  describe.each(APIS.map((a) => [a.name, a] as const))("%s", (_name, a) => {
    it(
      "the JSON Schema accepts exactly what safeParse accepts; every issue points into the input",
      () => {
        let accepted = 0;
        let runs = 0;
        fc.assert(
          fc.property(jsonInput(a.name), (input) => {
            const differs = disagreement(a, input);
            if (differs !== undefined) expect(differs).toBeUndefined();
            const badPaths = badIssuePaths(a, input);
            if (badPaths !== undefined) expect(badPaths).toBeUndefined();
            runs++;
            if (a.safeParse(input).ok) accepted++;
          }),
          params,
        );
        // Both outcomes are exercised (mutations of a valid input are often still valid).
        if (runs >= 100) {
          expect(accepted).toBeGreaterThan(runs * 0.1);
          expect(accepted).toBeLessThan(runs * 0.95);
        }
      },
      timeout,
    );
  });
}
