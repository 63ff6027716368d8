#!/usr/bin/env node
// Peer: json-schema-to-typescript (its `compile` API, default options: it formats with prettier)
// on the JSON Schemas idlc emitted, every $def emitted as a type.
//   node bench/peers/json2ts.mjs <schema-dir> <out-file>
import { writeFileSync } from "node:fs";
import { compile } from "json-schema-to-typescript";
import { bundleSchemas } from "./bundle-schemas.mjs";

const [schemaDir, outFile] = process.argv.slice(2);
const { schema } = bundleSchemas(schemaDir);
const ts = await compile(schema, "Model", { unreachableDefinitions: true, additionalProperties: false, bannerComment: "/* json-schema-to-typescript */" });
writeFileSync(outFile, ts);
