// Bundles the generator into generator/dist/idlc.js (dependencies stay external but yaml), with
// these start-up savings: the IDL schema validator is compiled by ajv now rather than on every run,
// and ts-morph is loaded through require() when first used (it is CommonJS; importing it as
// ESM makes Node scan its 3 MB for exports, and commands that do not generate never load it).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const here = (path) => new URL(path, import.meta.url).pathname;

const { Ajv2020 } = require("ajv/dist/2020.js");
const standaloneCode = require("ajv/dist/standalone").default;
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
export function idlValidators() { return { shell, typeDecl, root, pathHelper }; }
`;

// Enums are copied in as data from the ts-morph installed at build time, so that building
// structures does not load ts-morph: only printing does.
const tsMorph = require("ts-morph");
const TS_MORPH_CLASSES = ["Project"];
const TS_MORPH_ENUMS = ["StructureKind", "VariableDeclarationKind"];

/** @type {import("esbuild").Plugin} */
const startup = {
  name: "idlc-startup",
  setup(b) {
    // The precompiled validator requires a few small ajv helpers: bundle them rather than require at run time.
    b.onResolve({ filter: /^ajv\/dist\/runtime\// }, (args) => ({ path: require.resolve(args.path) }));
    // yaml is some eighty small CommonJS files: one bundle loads faster than Node resolving each.
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: require.resolve("yaml") }));
    b.onLoad({ filter: /parse[\\/]idl-validator\.ts$/ }, () => ({ contents: validatorSource, loader: "js", resolveDir: here("./src/parse") }));
    b.onResolve({ filter: /^ts-morph$/ }, (args) =>
      args.namespace === "ts-morph-lazy" ? { path: "ts-morph", external: true } : { path: "ts-morph", namespace: "ts-morph-lazy" },
    );
    b.onLoad({ filter: /.*/, namespace: "ts-morph-lazy" }, () => ({
      loader: "js",
      resolveDir: here("./src/io"),
      contents: `import { fileURLToPath } from "node:url";
import { requireWithCodeCache } from "./code-cache.ts";
let loaded;
const load = () => (loaded ??= checked(requireWithCodeCache("ts-morph", import.meta.url, fileURLToPath(new URL("./code-cache/", import.meta.url)))));
// The enums below were copied from the ts-morph installed when idlc was built: refuse another one.
const checked = (tsMorph) => {
  for (const name of ${JSON.stringify(TS_MORPH_ENUMS)}) {
    if (JSON.stringify(tsMorph[name]) !== JSON.stringify(inlined[name])) {
      throw new Error(\`the installed ts-morph differs from the one idlc was built with (\${name}); run 'npm run build'\`);
    }
  }
  return tsMorph;
};
${TS_MORPH_ENUMS.map((name) => `export const ${name} = Object.freeze(${JSON.stringify(tsMorph[name])});`).join("\n")}
const inlined = { ${TS_MORPH_ENUMS.join(", ")} };
${TS_MORPH_CLASSES.map(
  (name) => `export const ${name} = new Proxy(function () {}, {
  get: (_t, key) => load().${name}[key],
  construct: (_t, args) => new (load().${name})(...args),
});`,
).join("\n")}
`,
    }));
  },
};

const prettier = JSON.parse(readFileSync(require.resolve("prettier/package.json"), "utf8"));
mkdirSync(here("./dist"), { recursive: true });
const result = await build({
  entryPoints: [here("./src/cli/run.ts")],
  outfile: here("./dist/idlc.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  plugins: [startup],
  define: {
    __PRETTIER_VERSION__: JSON.stringify(prettier.version),
  },
  // Bundled CommonJS (yaml) requires Node built-ins: give the ESM bundle a require().
  banner: { js: `import { createRequire as __idlcRequire } from "node:module"; const require = __idlcRequire(import.meta.url);` },
  logLevel: "warning",
  legalComments: "none",
  metafile: true,
});
// Compile ts-morph once now and keep V8's code for later runs (generator/src/io/code-cache.ts):
// idlc generates the real IDL into a temporary folder, caches off, and writes the code cache as
// it exits. Failing here (an IDL being edited, say) only leaves the cache empty.
rmSync(here("./dist/code-cache"), { recursive: true, force: true });
const warmOut = mkdtempSync(join(tmpdir(), "idlc-code-cache-"));
try {
  const warm = spawnSync(process.execPath, [here("./dist/idlc.js"), "generate", "--target", "ts", "--idl", here("../idl"), "--out", join(warmOut, "out"), "--no-cache", "--quiet"], {
    env: { ...process.env, IDLC_CODE_CACHE_WRITE: "1", NO_COLOR: "1" },
    encoding: "utf8",
  });
  if (warm.status !== 0) console.warn(`idlc build: no ts-morph code cache (idlc generate on idl/ exited ${warm.status ?? warm.signal}); idlc works, only slower.`);
} finally {
  rmSync(warmOut, { recursive: true, force: true });
}

const used = new Set();
for (const input of Object.values(result.metafile.outputs)) for (const i of input.imports) used.add(i.path);
writeFileSync(here("./dist/.imports.json"), `${JSON.stringify([...used].sort(), null, 2)}\n`);
