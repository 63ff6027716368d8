// Bundles the generator into generator/dist/idlc.js (dependencies stay external but yaml), with
// the commands loaded by dynamic imports (diff, import) split into chunks beside it that only
// those commands load; and compiles the IDL schema's validator with ajv now rather than on every
// run. The schema is first assembled from its per-kind fragments (assemble-idl-schema.mjs).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";
import { writeIdlSchema } from "./assemble-idl-schema.mjs";

const require = createRequire(import.meta.url);
const here = (path) => new URL(path, import.meta.url).pathname;

const { Ajv2020 } = require("ajv/dist/2020.js");
const standaloneCode = require("ajv/dist/standalone").default;
writeIdlSchema();
const schema = JSON.parse(readFileSync(here("./idl.schema.json"), "utf8"));
// As generator/src/parse/idl-validator.ts compiles them: the module shell, and one validator per kind of entry.
const SHELL_ID = `${schema.$id.replace(/\.schema\.json$/, "")}-shell.schema.json`;
const shell = JSON.parse(JSON.stringify(schema));
shell.$id = SHELL_ID;
for (const section of ["types", "roots", "paths"]) shell.properties[section].additionalProperties = true;
const ajv = new Ajv2020({ allErrors: true, discriminator: true, verbose: true, strict: true, code: { source: true, esm: true } });
ajv.addSchema(schema);
ajv.addSchema(shell);
const validatorSource = `${standaloneCode(ajv, {
  shell: SHELL_ID,
  typeDecl: `${schema.$id}#/$defs/typeDecl`,
  root: `${schema.$id}#/$defs/root`,
  pathHelper: `${schema.$id}#/$defs/pathHelper`,
})}
export const SECTION_DEFS = { types: "typeDecl", roots: "root", paths: "pathHelper" };
export const KIND_NAMES = ${JSON.stringify(schema.$defs.typeDecl.oneOf.map((r) => schema.$defs[r.$ref.replace("#/$defs/", "")].properties.kind.const))};
export function idlValidators() { return { shell, typeDecl, root, pathHelper }; }
`;

/** @type {import("esbuild").Plugin} */
const startup = {
  name: "idlc-startup",
  setup(b) {
    // The precompiled validator requires a few small ajv helpers: bundle them rather than require at run time.
    b.onResolve({ filter: /^ajv\/dist\/runtime\// }, (args) => ({ path: require.resolve(args.path) }));
    // yaml is some eighty small CommonJS files: one bundle loads faster than Node resolving each.
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: require.resolve("yaml") }));
    b.onLoad({ filter: /parse[\\/]idl-validator\.ts$/ }, () => ({ contents: validatorSource, loader: "js", resolveDir: here("./src/parse") }));
  },
};

mkdirSync(here("./dist"), { recursive: true });
// Chunks of an earlier build go: their names carry their content's hash.
for (const name of readdirSync(here("./dist"))) if (name.endsWith(".js")) rmSync(here(`./dist/${name}`));
const result = await build({
  entryPoints: { idlc: here("./src/cli/run.ts") },
  outdir: here("./dist"),
  // Beside idlc.js, not below it: modules find the generator's files relative to their own URL.
  splitting: true,
  chunkNames: "[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  plugins: [startup],
  // Bundled CommonJS (yaml) requires Node built-ins: give the ESM bundle a require().
  banner: { js: `import { createRequire as __idlcRequire } from "node:module"; const require = __idlcRequire(import.meta.url);` },
  logLevel: "warning",
  legalComments: "none",
  metafile: true,
});

const used = new Set();
for (const input of Object.values(result.metafile.outputs)) for (const i of input.imports) used.add(i.path);
writeFileSync(here("./dist/.imports.json"), `${JSON.stringify([...used].sort(), null, 2)}\n`);
