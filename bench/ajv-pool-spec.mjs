// ajv 8 validators for PoolSpec, from the JSON Schema idlc emits (generated/schema/pool-spec.schema.json).
//
// - validateEmitted: the emitted schema as it is (draft 2020-12). It also admits serde's sequence
//   and map forms through anyOf, where ajv never applies defaults, so it only checks.
// - validateWithDefaults: the same schema with each anyOf reduced to its object (or string) form,
//   compiled with useDefaults, so ajv fills in the defaults, as parsePoolSpec does. ajv writes
//   them INTO its input: callers clone first (structuredClone) unless the input is theirs to
//   spend. It neither builds a fresh object nor drops undeclared fields.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2020 from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);

export function emittedSchema(name = "pool-spec") {
  const path = require.resolve(`@mvm/pool-model/schema/${name}.schema.json`);
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The object form only: anyOf [object|string form, serde-only form] -> the first branch. */
export function objectFormSchema(schema) {
  const s = structuredClone(schema);
  for (const [name, def] of Object.entries(s.$defs ?? {})) {
    const alts = def.anyOf;
    if (!Array.isArray(alts) || alts.length !== 2) continue;
    const [first, second] = alts;
    const serdeOnly = typeof second.$comment === "string" && /serde's (sequence|map) form/.test(second.$comment);
    if (!serdeOnly) continue;
    const { anyOf, ...rest } = def;
    s.$defs[name] = { ...rest, ...first };
  }
  return s;
}

const quiet = { log() {}, warn() {}, error: console.error };

export function makeAjvValidators() {
  const schema = emittedSchema();
  const strictless = { strict: false, logger: quiet };
  const validateEmitted = new Ajv2020({ ...strictless }).compile(schema);
  const validateWithDefaults = new Ajv2020({ ...strictless, useDefaults: true }).compile(objectFormSchema(schema));
  return { validateEmitted, validateWithDefaults };
}
