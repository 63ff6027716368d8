// Reads the JSON Schemas idlc emits (<out>/schema/*.schema.json, each self-contained with the
// $defs it needs) and merges them into one document whose $defs hold every type once. Both
// peers get the whole model in one go, as idlc does.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function bundleSchemas(schemaDir) {
  const defs = {};
  const files = readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort();
  for (const f of files) {
    const s = JSON.parse(readFileSync(join(schemaDir, f), "utf8"));
    const title = s.title;
    if (s.$defs) for (const [name, def] of Object.entries(s.$defs)) defs[name] ??= def;
    // A schema without $defs is the type itself.
    if (!s.$defs && title) {
      const { $schema, $id, ...rest } = s;
      defs[title] ??= rest;
    }
  }
  return { files: files.length, schema: { $schema: "https://json-schema.org/draft/2020-12/schema", title: "Model", $defs: defs } };
}
