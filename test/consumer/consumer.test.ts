/**
 * @mvm/pool-model as its consumers meet it (issue 7): `npm pack` the generated package, install the
 * tarball into a throw-away project in a temporary folder, type-check a program that uses every
 * export with the strictest common settings (TypeScript 5.9 and 7; moduleResolution nodenext and
 * bundler), run it under Node as ESM and through require(), and bundle it with esbuild (a bundle of
 * `poolDir` alone must not carry the validators, one of `RoleSchema` not the PoolSpec reader).
 * The Standard Schemas (issue 16) meet a real consumer, Hono's standard validator, and a check that
 * compares `PoolSpecSchema["~standard"].validate` with `parsePoolSpec` on the serde vectors.
 *
 * Needs generated/dist, which `npm run build` writes (`npm test` runs it first). Nothing is fetched:
 * the package has no dependencies, and the compilers, esbuild, Hono, its validator and the Standard
 * Schema types are the repository's own devDependencies, linked into the throw-away project.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { safeParsePoolSpec } from "@mvm/pool-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTextLevel, jsonParses, vectors } from "../conformance/vectors.js";
import { STRUCTS } from "../support/model.js";
import { PACKAGE, REPO as repo, STRICTEST, installPacked, run, writeJson, type Ran } from "../support/packed.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
/** Packages of the repository's node_modules the consumer programs import, linked into the throw-away project. */
const LINKED = ["@standard-schema/spec", "hono", "@hono/standard-validator"] as const;
const VECTORS_FILE = join(repo, "test/conformance/serde-vectors.json");

/** The repository's compilers. (node_modules/.bin/tsc is whichever package linked it last, so use paths.) */
const COMPILERS = {
  "5.9": { bin: join(repo, "node_modules/typescript/bin/tsc"), version: /^Version 5\.9\./ },
  "7": { bin: join(repo, "node_modules/typescript-7/bin/tsc"), version: /^Version 7\./ },
} as const;
type Compiler = keyof typeof COMPILERS;

/**
 * Module settings a consumer may use. `src/consumer.ts` is an ES module (the project is
 * "type": "module"); `src/consumer.cts` is CommonJS and requires the ESM-only package, which
 * TypeScript allows under `module: nodenext` (5.8+) and `preserve`. Under `module: esnext` a
 * CommonJS file cannot be written at all with verbatimModuleSyntax (no `import x = require()`, TS1202),
 * so that configuration compiles the ES module only.
 */
const CONFIGS = {
  nodenext: { compilerOptions: { module: "nodenext", moduleResolution: "nodenext" }, cjs: true },
  "bundler, module esnext": {
    compilerOptions: { module: "esnext", moduleResolution: "bundler", lib: ["ES2022", "DOM"] },
    cjs: false,
  },
  "bundler, module preserve": {
    compilerOptions: { module: "preserve", moduleResolution: "bundler", lib: ["ES2022", "DOM"] },
    cjs: true,
  },
} as const;
type ConfigName = keyof typeof CONFIGS;

const MATRIX = (Object.keys(COMPILERS) as Compiler[]).flatMap((compiler) =>
  (Object.keys(CONFIGS) as ConfigName[]).map((config) => ({ compiler, config, out: `out/${compiler}/${config.replace(/\W+/g, "-")}` })),
);

/**
 * The Standard Schema consumers: the Hono app (its types need the DOM library's Request and
 * Response) and the comparison with parsePoolSpec, as ES modules under module nodenext.
 */
const WEB = {
  compilerOptions: { module: "nodenext", moduleResolution: "nodenext", lib: ["ES2022", "DOM"] },
  files: ["src/hono.ts", "src/standard-schema.ts"],
} as const;
const webOut = (compiler: Compiler): string => `out/${compiler}/web`;

function node(file: string): Promise<Ran> {
  return run(process.execPath, [file], app);
}

/**
 * What the consumer program prints. Error messages are not part of the contract (codes and paths
 * are): the file holds "<non-empty>" for each, and the output is compared through `withoutMessages`.
 */
const expected: unknown = JSON.parse(readFileSync(join(fixtures, "consumer.expected.json"), "utf8"));

function withoutMessages(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMessages);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === "message" ? (typeof v === "string" && v.length > 0 ? "<non-empty>" : v) : withoutMessages(v)]),
  );
}
const expectedCjs = {
  compact:
    '{"pool_id":"workers","tenant_id":"acme","flake_ref":"github:acme/pool","profile":"minimal","role":"builder",' +
    '"instance_resources":{"vcpus":2,"mem_mib":1024,"data_disk_mib":0},"desired_counts":{"running":0,"warm":0,"sleeping":0},' +
    '"runtime_policy":{"min_running_seconds":60,"min_warm_seconds":30,"drain_timeout_seconds":30,"graceful_shutdown_seconds":15},' +
    '"metadata":{},"seccomp_policy":"baseline","snapshot_compression":"none","metadata_enabled":false,"pinned":false,' +
    '"critical":false,"secret_scopes":[],"template_id":""}',
  policy: '"custom-profile"',
  issue: "out-of-range",
  thrown: "pattern-mismatch",
  path: "/srv/acme/pools/workers/pool.json",
  base: "/var/lib/mvm/tenants",
};

let tmp = "";
let app = "";
let installed = "";
let packedFiles: readonly string[] = [];
const compiled = new Map<string, Ran>();
let versions: Record<Compiler, string> = { "5.9": "", "7": "" };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "pool-model-consumer-"));
  const packed = await installPacked(tmp, LINKED);
  ({ app, installed } = packed);
  packedFiles = packed.files;

  for (const file of ["consumer.ts", "consumer.cts", "hono.ts", "standard-schema.ts"]) copyFileSync(join(fixtures, file), join(app, "src", file));
  copyFileSync(VECTORS_FILE, join(app, "src/serde-vectors.json"));

  const jobs: Promise<void>[] = [];
  for (const { compiler, config, out } of MATRIX) {
    const { compilerOptions, cjs } = CONFIGS[config];
    const file = `tsconfig.${compiler}.${config.replace(/\W+/g, "-")}.json`;
    writeJson(join(app, file), {
      compilerOptions: { ...STRICTEST, ...compilerOptions, outDir: out },
      files: cjs ? ["src/consumer.ts", "src/consumer.cts"] : ["src/consumer.ts"],
    });
    jobs.push(run(process.execPath, [COMPILERS[compiler].bin, "-p", file, "--pretty", "false"], app).then((r) => void compiled.set(`${compiler} ${config}`, r)));
  }
  for (const compiler of Object.keys(COMPILERS) as Compiler[]) {
    const file = `tsconfig.${compiler}.web.json`;
    writeJson(join(app, file), { compilerOptions: { ...STRICTEST, ...WEB.compilerOptions, outDir: webOut(compiler) }, files: WEB.files });
    jobs.push(run(process.execPath, [COMPILERS[compiler].bin, "-p", file, "--pretty", "false"], app).then((r) => void compiled.set(`${compiler} web`, r)));
  }
  // The limit of older module settings, recorded by a test below.
  for (const compiler of Object.keys(COMPILERS) as Compiler[]) {
    const file = `tsconfig.${compiler}.node16.json`;
    writeJson(join(app, file), {
      compilerOptions: { ...STRICTEST, module: "node16", moduleResolution: "node16", noEmit: true },
      files: ["src/consumer.cts"],
    });
    jobs.push(run(process.execPath, [COMPILERS[compiler].bin, "-p", file, "--pretty", "false"], app).then((r) => void compiled.set(`${compiler} node16`, r)));
  }
  const versionRuns = await Promise.all(
    (Object.keys(COMPILERS) as Compiler[]).map(async (c) => [c, (await run(process.execPath, [COMPILERS[c].bin, "--version"], app)).stdout.trim()] as const),
  );
  versions = Object.fromEntries(versionRuns) as Record<Compiler, string>;
  await Promise.all(jobs);
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds dist/, schema/, src/, README.md and package.json, and nothing else", () => {
    // One module per IDL module, plus index and runtime; each with its JS, declarations, maps and source.
    const modules = packedFiles.filter((f) => /^src\/[^/]+\.ts$/.test(f)).map((f) => f.slice(4, -3));
    expect(modules).toEqual(expect.arrayContaining(["index", "runtime", "pool", "tenant"]));
    const schemas = packedFiles.filter((f) => f.startsWith("schema/"));
    const wanted = [
      "README.md",
      "package.json",
      ...modules.flatMap((m) => [`dist/${m}.js`, `dist/${m}.js.map`, `dist/${m}.d.ts`, `dist/${m}.d.ts.map`, `src/${m}.ts`]),
      ...schemas,
    ].sort();
    expect(packedFiles).toEqual(wanted);
    // One schema per type, each named as the README's table lists it.
    expect(schemas.length).toBeGreaterThan(0);
    const readme = readFileSync(join(installed, "README.md"), "utf8");
    for (const schema of schemas) expect(readme, `README lists ${schema}`).toContain(`\`${schema}\``);
    for (const schema of schemas) expect(schema).toMatch(/^schema\/[a-z0-9-]+\.schema\.json$/);
  });

  it("ships src/ only because the maps point at it: every map's sources are in the tarball", () => {
    for (const map of packedFiles.filter((f) => f.endsWith(".map"))) {
      const { sources } = JSON.parse(readFileSync(join(installed, map), "utf8")) as { sources: string[] };
      for (const source of sources) {
        const target = join(installed, "dist", source);
        expect(existsSync(target), `${map} -> ${source}`).toBe(true);
      }
    }
  });

  it("declares an ESM-only, side-effect-free package with types first and no dependencies", () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg["name"]).toBe(PACKAGE);
    expect(pkg["type"]).toBe("module");
    expect(pkg["sideEffects"]).toBe(false);
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
      expect(pkg[field], field).toBeUndefined();
    }
    const exports = pkg["exports"] as Record<string, unknown>;
    const root = exports["."] as Record<string, string>;
    // `types` must come first: resolvers take the first condition that matches.
    expect(Object.keys(root)[0]).toBe("types");
    expect(root).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(Object.keys(exports).sort()).toEqual([".", "./package.json", "./schema/*"]);
    expect(existsSync(join(installed, root["types"]!))).toBe(true);
    expect(existsSync(join(installed, root["default"]!))).toBe(true);
    expect(pkg["engines"]).toEqual({ node: ">=20.19" });
  });

  it("exposes its entry point, its JSON Schemas and package.json, and no deep imports", async () => {
    writeFileSync(
      join(app, "exports.mjs"),
      [
        `const result = {};`,
        `result.schema = import.meta.resolve("${PACKAGE}/schema/pool-spec.schema.json").endsWith("/node_modules/${PACKAGE}/schema/pool-spec.schema.json");`,
        `result.pkg = (await import("${PACKAGE}/package.json", { with: { type: "json" } })).default.name;`,
        `try { await import("${PACKAGE}/dist/runtime.js"); result.deep = "imported"; } catch (e) { result.deep = e.code; }`,
        `console.log(JSON.stringify(result));`,
      ].join("\n"),
    );
    const r = await node(join(app, "exports.mjs"));
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ schema: true, pkg: PACKAGE, deep: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
  });
});

describe("type-checking a consumer with the strictest settings", () => {
  it("uses the repository's TypeScript 5.9 and TypeScript 7", () => {
    expect(versions["5.9"]).toMatch(COMPILERS["5.9"].version);
    expect(versions["7"]).toMatch(COMPILERS["7"].version);
  });

  it.each(MATRIX.map((m) => [m.compiler, m.config] as const))("TypeScript %s, %s: no errors", (compiler, config) => {
    const r = compiled.get(`${compiler} ${config}`)!;
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it.each(Object.keys(COMPILERS))(
    "TypeScript %s, module node16: require() of the ESM-only package is refused (TS1471), as documented",
    (compiler) => {
      // node16/node18 model Node before require(esm); a CommonJS consumer must use import() there,
      // or move to module nodenext (or node20 in TypeScript 5.9+).
      const r = compiled.get(`${compiler} node16`)!;
      expect(r.code).not.toBe(0);
      expect(r.stdout).toContain("error TS1471");
    },
  );

  it("the consumer program uses every value and every type the package exports", async () => {
    const source = readFileSync(join(fixtures, "consumer.ts"), "utf8");
    const r = await run(process.execPath, ["--input-type=module", "-e", `import * as m from "${PACKAGE}"; console.log(JSON.stringify(Object.keys(m)))`], app);
    const values = JSON.parse(r.stdout) as string[];
    expect(values.length).toBeGreaterThan(50);
    const declarations = readFileSync(join(installed, "dist/index.d.ts"), "utf8");
    const listed = [...declarations.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim()).filter(Boolean));
    // A module the index re-exports whole (`export *`) declares its public types itself.
    const whole = [...declarations.matchAll(/export \* from "\.\/([\w-]+)\.js"/g)].map((m) => readFileSync(join(installed, `dist/${m[1]}.d.ts`), "utf8"));
    const declared = whole.flatMap((text) => [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!));
    const types = [...listed, ...declared];
    expect(types.length).toBeGreaterThan(10);
    const unused = [...values, ...types].filter((name) => !new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`).test(source));
    expect(unused, "exports test/consumer/fixtures/consumer.ts does not use").toEqual([]);
  });
});

describe("running the compiled consumer under Node", () => {
  it.each(MATRIX.map((m) => [m.compiler, m.config, m.out] as const))("TypeScript %s, %s: the ES module prints what is expected", async (compiler, config, out) => {
    expect(compiled.get(`${compiler} ${config}`)?.code).toBe(0);
    const r = await node(join(app, out, "consumer.js"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(withoutMessages(JSON.parse(r.stdout))).toEqual(expected);
  });

  it.each(MATRIX.filter((m) => CONFIGS[m.config].cjs).map((m) => [m.compiler, m.config, m.out] as const))(
    "TypeScript %s, %s: the CommonJS module requires the package and prints what is expected",
    async (compiler, config, out) => {
      expect(compiled.get(`${compiler} ${config}`)?.code).toBe(0);
      const file = join(app, out, "consumer.cjs");
      expect(readFileSync(file, "utf8")).toMatch(/require\("@mvm\/pool-model"\)/);
      const r = await node(file);
      // Node 20.19+ loads an ES module through require() without a flag and, unlike 22.12, without an
      // ExperimentalWarning (only --trace-require-module shows one).
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(expectedCjs);
    },
  );

  it("plain CommonJS require() sees the same exports as import, and they work", async () => {
    writeFileSync(
      join(app, "plain.cjs"),
      [
        `const m = require("${PACKAGE}");`,
        `const spec = m.parsePoolSpecJson(JSON.stringify({ pool_id: "p", tenant_id: "t", flake_ref: "f", profile: "minimal", instance_resources: { vcpus: 1, mem_mib: 512 }, desired_counts: { running: 0, warm: 0, sleeping: 0 } }));`,
        `let error = "none";`,
        `try { m.parseRole("admin"); } catch (e) { error = e instanceof m.ValidationError ? e.issues[0].code : "wrong class"; }`,
        `console.log(JSON.stringify({ keys: Object.keys(m), role: spec.role, error, path: m.tenantDir("acme") }));`,
      ].join("\n"),
    );
    const [cjs, esm] = await Promise.all([
      node(join(app, "plain.cjs")),
      run(process.execPath, ["--input-type=module", "-e", `import * as m from "${PACKAGE}"; console.log(JSON.stringify(Object.keys(m)))`], app),
    ]);
    expect(cjs.stderr).toBe("");
    const out = JSON.parse(cjs.stdout) as { keys: string[] };
    expect(out).toEqual({ keys: JSON.parse(esm.stdout), role: "worker", error: "unknown-variant", path: "/var/lib/mvm/tenants/acme" });
  });
});

describe("Standard Schema consumers", () => {
  const vector = (id: string) => vectors.cases.find((c) => c.id === id)!;

  it.each(Object.keys(COMPILERS))("TypeScript %s: the Hono app and the comparison type-check with no errors", (compiler) => {
    const r = compiled.get(`${compiler} web`)!;
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it.each(Object.keys(COMPILERS) as Compiler[])(
    "TypeScript %s: Hono's standard validator takes PoolSpecSchema, answering a valid body with its value and an invalid one with 400 and every issue",
    async (compiler) => {
      expect(compiled.get(`${compiler} web`)?.code).toBe(0);
      const r = await node(join(app, webOut(compiler), "hono.js"));
      expect(r.stderr).toBe("");
      const out = JSON.parse(r.stdout) as Record<"valid" | "invalid", { status: number; body: string }>;
      // The handler wrote back the validated value, defaults filled, as serde_json::to_string_pretty does.
      expect(out.valid).toEqual({ status: 200, body: vector("PoolSpec.valid.minimal").pretty });
      expect(out.invalid.status).toBe(400);
      const body = JSON.parse(out.invalid.body) as { data: unknown; error: { message: string; path: unknown[] }[]; success: boolean };
      expect(body.success).toBe(false);
      expect(body.error.map((i) => i.path)).toEqual([
        ["instance_resources", "vcpus"],
        ["secret_scopes", 0, "keys", 0],
      ]);
      // Message for message and key for key what parsePoolSpec reports for the same body.
      const parsed = safeParsePoolSpec(body.data);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(body.error).toEqual(parsed.error.issues.map((i) => ({ message: i.message, path: i.keys })));
    },
  );

  it.each(Object.keys(COMPILERS) as Compiler[])(
    "TypeScript %s: PoolSpecSchema's validate agrees with parsePoolSpec, and with serde, on every PoolSpec vector JSON.parse reads",
    async (compiler) => {
      expect(compiled.get(`${compiler} web`)?.code).toBe(0);
      const r = await node(join(app, webOut(compiler), "standard-schema.js"));
      expect(r.stderr).toBe("");
      const lines = JSON.parse(r.stdout) as { id: string; verdict: string; agrees: boolean; pretty?: string }[];
      // serde's verdicts, from the vectors; "defaulted" when the document leaves out a PoolSpec field.
      const fields = STRUCTS.PoolSpec.map((f) => f.key);
      const expected = vectors.cases
        .filter((c) => c.type === "PoolSpec" && jsonParses(c.input_text) && !isTextLevel(c))
        .map((c) => {
          const input: unknown = JSON.parse(c.input_text);
          const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
          const verdict = !c.ok ? "invalid" : isObject && fields.some((f) => !(f in input)) ? "defaulted" : "valid";
          return { id: c.id, verdict, agrees: true, ...(c.ok ? { pretty: c.pretty } : {}) };
        });
      expect(lines).toEqual(expected);
      const count = (verdict: string) => expected.filter((e) => e.verdict === verdict).length;
      expect([count("valid"), count("defaulted"), count("invalid")].every((n) => n >= 5)).toBe(true);
    },
  );
});

describe("bundling with esbuild", () => {
  const forbidden = [
    "readPoolSpec",
    "parsePoolSpec",
    "writePoolSpec",
    "JsonWriter",
    "scanJson",
    "FloatToken",
    "serdeF64",
    "ryuLayout",
    "standardSchema",
    "~standard",
  ];

  async function bundle(entry: string, source: string): Promise<{ text: string; inputs: string[] }> {
    writeFileSync(join(app, entry), source);
    const result = await build({
      entryPoints: [join(app, entry)],
      absWorkingDir: app,
      bundle: true,
      format: "esm",
      platform: "node",
      minify: false,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    return { text: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
  }

  it("a bundle of `import { poolDir }` alone holds no validator and still works", async () => {
    const { text, inputs } = await bundle(
      "shake.mjs",
      `import { poolDir } from "${PACKAGE}";\nconsole.log(poolDir("acme", "workers"));\n`,
    );
    // Bundled from the installed tarball, not from the workspace.
    expect(inputs).toContain(`node_modules/${PACKAGE}/dist/pool.js`);
    const kept = forbidden.filter((word) => text.includes(word));
    expect(kept, "validator code in the poolDir bundle").toEqual([]);
    expect(text.length).toBeLessThan(8_000);
    writeFileSync(join(app, "shake.bundle.mjs"), text);
    const r = await node(join(app, "shake.bundle.mjs"));
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("/var/lib/mvm/tenants/acme/pools/workers\n");
  });

  it("a bundle of `import { RoleSchema }` alone holds Role's reader and not PoolSpec's, and works", async () => {
    const { text } = await bundle(
      "role-schema.mjs",
      [
        `import { RoleSchema } from "${PACKAGE}";`,
        `const validate = RoleSchema["~standard"].validate;`,
        `console.log(JSON.stringify([validate("builder"), validate({ gateway: null }), validate("admin")]));`,
      ].join("\n"),
    );
    for (const word of ["readRole", "standardSchema"]) expect(text).toContain(word);
    const kept = ["readPoolSpec", "parsePoolSpec", "readInstanceResources", "scanJson", "JsonWriter", "writeRole", "serdeF64"];
    expect(kept.filter((word) => text.includes(word)), "PoolSpec or JSON text code in the RoleSchema bundle").toEqual([]);
    writeFileSync(join(app, "role-schema.bundle.mjs"), text);
    const r = await node(join(app, "role-schema.bundle.mjs"));
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([
      { value: "builder" },
      { value: "gateway" },
      { issues: [{ message: 'unknown Role "admin", expected one of "gateway", "worker", "builder", "capability-imessage"', path: [] }] },
    ]);
  });

  it("the same checks can fail: a bundle of PoolSpecSchema holds the PoolSpec reader", async () => {
    const { text } = await bundle("pool-spec-schema.mjs", `import { PoolSpecSchema } from "${PACKAGE}";\nconsole.log(PoolSpecSchema["~standard"].vendor);\n`);
    for (const word of ["readPoolSpec", "readInstanceResources", "standardSchema"]) expect(text).toContain(word);
  });

  it("the same check can fail: a bundle of parsePoolSpecJson holds the validators", async () => {
    const { text } = await bundle(
      "full.mjs",
      `import { parsePoolSpecJson, stringifyPoolSpec } from "${PACKAGE}";\nconsole.log(stringifyPoolSpec(parsePoolSpecJson("{}")));\n`,
    );
    for (const word of ["readPoolSpec", "parsePoolSpecJson", "textPoolSpec", "textStringifier", "scanJson", "serdeF64"]) expect(text).toContain(word);
  });

  it.each(["esm", "cjs"] as const)("the whole consumer bundled as %s runs and prints what is expected", async (format) => {
    const outfile = join(app, `consumer.bundle.${format === "esm" ? "mjs" : "cjs"}`);
    await build({
      entryPoints: [join(app, "src/consumer.ts")],
      absWorkingDir: app,
      outfile,
      bundle: true,
      format,
      platform: "node",
      logLevel: "silent",
    });
    const r = await node(outfile);
    expect(r.stderr).toBe("");
    expect(withoutMessages(JSON.parse(r.stdout))).toEqual(expected);
  });
});
