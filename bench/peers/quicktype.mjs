#!/usr/bin/env node
// Peer: quicktype-core (TypeScript output, default options: types plus its runtime-checked
// Convert functions) on the JSON Schemas idlc emitted, every $def a top-level type.
//   node bench/peers/quicktype.mjs <schema-dir> <out-file>
import { writeFileSync } from "node:fs";
import { FetchingJSONSchemaStore, InputData, JSONSchemaInput, quicktype } from "quicktype-core";
import { bundleSchemas } from "./bundle-schemas.mjs";

const [schemaDir, outFile] = process.argv.slice(2);
const { schema } = bundleSchemas(schemaDir);
const text = JSON.stringify(schema);
const input = new JSONSchemaInput(new FetchingJSONSchemaStore());
for (const name of Object.keys(schema.$defs)) {
  await input.addSource({ name, schema: text, uris: [`model.json#/$defs/${name}`] });
}
const inputData = new InputData();
inputData.addInput(input);
const result = await quicktype({ inputData, lang: "typescript" });
writeFileSync(outFile, result.lines.join("\n"));
