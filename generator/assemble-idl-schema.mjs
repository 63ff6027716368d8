// Assembles the IDL language's JSON Schema (generator/idl.schema.json) from the module shell and
// shared definitions (src/parse/idl-schema-module.json) and one fragment per kind of declaration
// (src/kinds/<kind>/idl-schema.json: that kind's $defs). The kinds are the folders that have a
// fragment, in name order; `typeDecl` refers to the declaration of each. The build runs it;
// `node generator/assemble-idl-schema.mjs --check` exits 1 when the committed file is stale.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const IDL_SCHEMA_PATH = here("./idl.schema.json");

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** The assembled schema, as a value. */
export function assembleIdlSchema() {
  const base = readJson(here("./src/parse/idl-schema-module.json"));
  const kindsDir = here("./src/kinds");
  const kinds = readdirSync(kindsDir)
    .filter((kind) => existsSync(join(kindsDir, kind, "idl-schema.json")))
    .sort();
  const { $comment: _note, $defs: shared, ...shell } = base;
  const kindDefs = {};
  const decls = [];
  for (const kind of kinds) {
    const fragment = readJson(join(kindsDir, kind, "idl-schema.json"));
    const own = [];
    for (const [name, def] of Object.entries(fragment.$defs)) {
      if (Object.hasOwn(shared, name) || Object.hasOwn(kindDefs, name) || name === "typeDecl") {
        throw new Error(`src/kinds/${kind}/idl-schema.json: $defs/${name} is defined twice`);
      }
      kindDefs[name] = def;
      if (def.properties?.kind?.const === kind) own.push(name);
    }
    if (own.length !== 1) throw new Error(`src/kinds/${kind}/idl-schema.json: needs one definition whose 'kind' is const "${kind}", has ${own.length}`);
    decls.push(own[0]);
  }
  const typeDecl = {
    description: `A named type; 'kind' says which: ${kinds.join(", ")}.`,
    type: "object",
    required: ["kind"],
    properties: { kind: { type: "string" } },
    discriminator: { propertyName: "kind" },
    oneOf: decls.map((name) => ({ $ref: `#/$defs/${name}` })),
  };
  return { ...shell, $defs: { ...shared, typeDecl, ...kindDefs } };
}

/** The text of generator/idl.schema.json. */
export function idlSchemaText() {
  return `${JSON.stringify(assembleIdlSchema(), null, 2)}\n`;
}

/** Writes generator/idl.schema.json when it differs; returns whether it did. */
export function writeIdlSchema() {
  const text = idlSchemaText();
  if (existsSync(IDL_SCHEMA_PATH) && readFileSync(IDL_SCHEMA_PATH, "utf8") === text) return false;
  writeFileSync(IDL_SCHEMA_PATH, text);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const stale = !existsSync(IDL_SCHEMA_PATH) || readFileSync(IDL_SCHEMA_PATH, "utf8") !== idlSchemaText();
    if (stale) console.error("generator/idl.schema.json is stale: run node generator/assemble-idl-schema.mjs");
    process.exit(stale ? 1 : 0);
  }
  if (writeIdlSchema()) console.log("Wrote generator/idl.schema.json.");
}
