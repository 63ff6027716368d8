/**
 * @mvm/pool-model in a real browser (issue 16): the packed package, installed from its tarball, is
 * bundled for the browser by esbuild together with a page (fixtures/page.ts, type-checked first
 * with the strictest settings and the DOM library), served from 127.0.0.1 on an ephemeral port with
 * pool.json files, and run in Debian's headless Chromium driven by playwright-core. The page reads a
 * file with parsePoolSpecJson and writes it back with stringifyPoolSpec pretty, or lists its issues;
 * the test asserts what the page shows: serde's pretty output byte for byte for every PoolSpec
 * conformance vector serde accepts, and for the others the issues the same package reports in Node.
 *
 * Runs with `npm run test:browser` (vitest.browser.config.ts), not in `npm test`, since it needs
 * Chromium: /usr/bin/chromium (Debian's package `chromium`, which .ci/run installs) or $CHROMIUM.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { safeParsePoolSpecJson } from "@mvm/pool-model";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTextLevel, vectors, type VectorCase } from "../conformance/vectors.js";
import { PACKAGE, REPO, STRICTEST, installPacked, run, writeJson } from "../support/packed.js";

const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
/** Headless on a closed network: no background connections, no component updates, a fresh profile (playwright's). */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** The PoolSpec vectors, every one: parsePoolSpecJson reads JSON text as serde_json does, so none is an exception. */
const POOL_SPEC_VECTORS = vectors.cases.filter((c) => c.type === "PoolSpec");
const vector = (id: string): VectorCase => POOL_SPEC_VECTORS.find((c) => c.id === id)!;

/** A pool.json with a problem in many places: an array index, a map key "0", a missing field. */
const INVALID = JSON.stringify(
  {
    ...JSON.parse(vector("PoolSpec.valid.full").input_text),
    tenant_id: 7,
    profile: undefined,
    role: "root",
    instance_resources: { vcpus: 300, mem_mib: 512 },
    metadata: { tags: { "0": 1, env: "prod" } },
    secret_scopes: [{ integration: "telegram", keys: ["TOKEN"] }, { integration: "x", keys: ["A", 7] }],
  },
  null,
  2,
);

/** The files the server holds, by URL path. */
const FILES = new Map<string, string>([
  ...POOL_SPEC_VECTORS.map((c) => [vectorPath(c), c.input_text] as const),
  ["/pools/invalid.json", INVALID],
  // JSON.parse keeps the last of a repeated field; serde_json, and parsePoolSpecJson, refuse it.
  ["/pools/duplicate.json", vector("PoolSpec.valid.minimal").input_text.replace("{", '{"pool_id":"first",')],
  ["/pools/truncated.json", '{\n  "pool_id": "workers",\n'],
]);

function vectorPath(c: VectorCase): string {
  return `/vectors/${encodeURIComponent(c.id)}.json`;
}

interface Shown {
  readonly state: string | undefined;
  readonly status: string;
  readonly output: string;
  readonly issues: readonly { path: string; keys: unknown; code: string; text: string }[];
  readonly standard: string;
}

let tmp = "";
let server: Server | undefined;
let origin = "";
let browser: Browser | undefined;
let page: Page;
let bundleInputs: string[] = [];
let typeCheck = { code: -1 as number | null, output: "" };
/** Page errors and console errors, which no page may have. */
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does), or set $CHROMIUM.`);
  }
  tmp = mkdtempSync(join(tmpdir(), "pool-model-browser-"));
  const { app } = await installPacked(tmp);
  copyFileSync(join(fixtures, "page.ts"), join(app, "src/page.ts"));

  // The page as a consumer writes it: type-checked with the strictest settings, for the browser.
  writeJson(join(app, "tsconfig.json"), {
    compilerOptions: { ...STRICTEST, lib: ["ES2022", "DOM", "DOM.Iterable"], module: "preserve", moduleResolution: "bundler", noEmit: true },
    files: ["src/page.ts"],
  });
  const tsc = await run(process.execPath, [join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json", "--pretty", "false"], app);
  typeCheck = { code: tsc.code, output: tsc.stdout + tsc.stderr };

  const bundled = await build({
    entryPoints: [join(app, "src/page.ts")],
    absWorkingDir: app,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundleInputs = Object.keys(bundled.metafile.inputs);
  // The page and its script may be cached across the many visits; the pool.json files are read afresh.
  const files = new Map<string, { type: string; body: string; cache: string }>([
    ["/", { type: "text/html; charset=utf-8", body: readFileSync(join(fixtures, "index.html"), "utf8"), cache: "max-age=600" }],
    ["/page.js", { type: "text/javascript; charset=utf-8", body: bundled.outputFiles[0]!.text, cache: "max-age=600" }],
    ...[...FILES].map(([path, body]) => [path, { type: "application/json; charset=utf-8", body, cache: "no-store" }] as const),
  ]);
  server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? "/", "http://localhost").pathname);
    response.writeHead(file ? 200 : 404, { "content-type": file?.type ?? "text/plain", "cache-control": file?.cache ?? "no-store" });
    response.end(file?.body ?? "not found");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The little of the DOM the test reads of the page (the repository's type-check has no DOM library). */
interface PageBody {
  readonly dataset: Readonly<Record<string, string | undefined>>;
  readonly ownerDocument: {
    getElementById(id: string): { readonly textContent: string | null } | null;
    querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; readonly textContent: string | null }>;
  };
}

/**
 * Opens the page on one file and reads what it shows once it is done, in one call into the page
 * (the callback runs there: its element is the page's body).
 */
async function show(file: string): Promise<Shown> {
  await page.goto(`${origin}/?file=${encodeURIComponent(file)}`);
  const body = page.locator("body[data-state]");
  await body.waitFor();
  return body.evaluate((element: PageBody): Shown => {
    const doc = element.ownerDocument;
    const text = (id: string): string => doc.getElementById(id)?.textContent ?? "";
    return {
      state: element.dataset["state"],
      status: text("status"),
      output: text("output"),
      issues: [...doc.querySelectorAll("#issues li")].map((li) => ({
        path: li.getAttribute("data-path") ?? "",
        keys: JSON.parse(li.getAttribute("data-keys") ?? "null") as unknown,
        code: li.getAttribute("data-code") ?? "",
        text: li.textContent ?? "",
      })),
      standard: text("standard"),
    };
  });
}

/** What the page must list for a refused text: the issues the same package reports in Node. */
function issuesInNode(text: string): Shown["issues"] {
  const result = safeParsePoolSpecJson(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.error.issues.map((i) => ({ path: i.path, keys: i.keys, code: i.code, text: `${i.path || "(root)"}: ${i.message} (${i.code})` }));
}

describe("the page, built from the packed package", () => {
  it("type-checks with the strictest settings and the DOM library", () => {
    expect(typeCheck.output).toBe("");
    expect(typeCheck.code).toBe(0);
  });

  it("is bundled for the browser from the installed tarball", () => {
    expect(bundleInputs).toContain(`node_modules/${PACKAGE}/dist/pool.js`);
    expect(bundleInputs).toContain(`node_modules/${PACKAGE}/dist/runtime.js`);
  });
});

describe("in headless Chromium", () => {
  it("writes a valid pool.json back byte for byte as serde_json::to_string_pretty", async () => {
    const c = vector("PoolSpec.valid.full");
    const shown = await show(vectorPath(c));
    expect(shown).toEqual({ state: "done", status: "valid", output: c.pretty, issues: [], standard: '"valid"' });
    expect(errors).toEqual([]);
  });

  it("fills the defaults of a minimal pool.json", async () => {
    const c = vector("PoolSpec.valid.minimal");
    const shown = await show(vectorPath(c));
    expect(shown).toMatchObject({ state: "done", status: "valid", output: c.pretty, issues: [] });
    expect(shown.output).toContain('"runtime_policy": {\n    "min_running_seconds": 60,');
    expect(errors).toEqual([]);
  });

  it("lists every issue of an invalid pool.json with its path, and PoolSpecSchema gives the same places as keys", async () => {
    const shown = await show("/pools/invalid.json");
    expect(shown.state).toBe("done");
    expect(shown.status).toBe("invalid: 6 issues");
    expect(shown.output).toBe("");
    expect(shown.issues.map(({ path, keys, code }) => ({ path, keys, code }))).toEqual([
      { path: "/tenant_id", keys: ["tenant_id"], code: "invalid-type" },
      { path: "/profile", keys: ["profile"], code: "missing-field" },
      { path: "/role", keys: ["role"], code: "unknown-variant" },
      { path: "/instance_resources/vcpus", keys: ["instance_resources", "vcpus"], code: "out-of-range" },
      { path: "/metadata/tags/0", keys: ["metadata", "tags", "0"], code: "invalid-type" },
      { path: "/secret_scopes/1/keys/1", keys: ["secret_scopes", 1, "keys", 1], code: "invalid-type" },
    ]);
    // Word for word what the package says in Node.
    expect(shown.issues).toEqual(issuesInNode(INVALID));
    expect(JSON.parse(shown.standard)).toEqual(shown.issues.map((i) => i.keys));
    expect(errors).toEqual([]);
  });

  it("refuses a repeated field as serde_json does, which JSON.parse, and so the Standard Schema, cannot see", async () => {
    const shown = await show("/pools/duplicate.json");
    expect(shown.issues.map(({ path, code }) => ({ path, code }))).toEqual([{ path: "/pool_id", code: "duplicate-field" }]);
    expect(shown.standard).toBe('"valid"');
    expect(errors).toEqual([]);
  });

  it("names the line and column of text that is not JSON", async () => {
    const shown = await show("/pools/truncated.json");
    expect(shown.issues).toEqual(issuesInNode(FILES.get("/pools/truncated.json")!));
    expect(shown.issues).toEqual([expect.objectContaining({ path: "", keys: [], code: "invalid-json" })]);
    expect(shown.issues[0]!.text).toMatch(/line 3 column 1/);
    expect(shown.standard).toBe("not JSON");
    expect(errors).toEqual([]);
  });

  it(`agrees with serde on all ${POOL_SPEC_VECTORS.length} PoolSpec conformance vectors`, async () => {
    expect(POOL_SPEC_VECTORS.length).toBeGreaterThan(100);
    for (const c of POOL_SPEC_VECTORS) {
      const shown = await show(vectorPath(c));
      // What the Standard Schema says hangs on JSON.parse, which erases what a text-level case is about.
      const standard = isTextLevel(c) ? shown.standard : '"valid"';
      if (c.ok) expect(shown, c.id).toEqual({ state: "done", status: "valid", output: c.pretty, issues: [], standard });
      else expect({ state: shown.state, output: shown.output, issues: shown.issues }, c.id).toEqual({ state: "done", output: "", issues: issuesInNode(c.input_text) });
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
