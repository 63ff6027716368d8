// Bundles the generator's sources into generator/dist/idlc.js (dependencies stay external).
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const prettier = JSON.parse(readFileSync(new URL("../node_modules/prettier/package.json", import.meta.url), "utf8"));

await build({
  entryPoints: [new URL("./src/cli/run.ts", import.meta.url).pathname],
  outfile: new URL("./dist/idlc.js", import.meta.url).pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  define: { __PRETTIER_VERSION__: JSON.stringify(prettier.version) },
  logLevel: "warning",
  legalComments: "none",
});
