// The protobuf peers of issue 15: `buf generate` (the binary the @bufbuild/buf npm package
// ships) with a TypeScript plugin installed from the npm registry, run on the .proto files
// bench/peers/idl-to-proto.mjs writes from the same IDL that idlc reads. Offline: each plugin
// is a `local:` plugin (node and the plugin's script, by path) in a buf.gen.yaml of our own,
// the inputs are a plain folder of .proto files with no dependencies, so buf never reaches
// the Buf Schema Registry.
//
//   ts-proto         ts-proto's protoc-gen-ts_proto, default options: interfaces plus
//                    encode/decode (binary), fromJSON/toJSON, create/fromPartial per message
//   protoc-gen-es    @bufbuild/protoc-gen-es, target=ts: types and descriptors only
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, endianness, platform } from "node:os";
import { join } from "node:path";
import { measureCommand, ROOT } from "../lib/measure.mjs";

const require = createRequire(join(ROOT, "package.json"));

export const PLUGINS = {
  "ts-proto": { script: () => require.resolve("ts-proto/protoc-gen-ts_proto"), opt: [], pkg: "ts-proto" },
  "protoc-gen-es": { script: () => join(require.resolve("@bufbuild/protoc-gen-es/package.json"), "..", "bin", "protoc-gen-es"), opt: ["target=ts"], pkg: "@bufbuild/protoc-gen-es" },
};

const BUF_PACKAGES = {
  "linux x64 LE": "@bufbuild/buf-linux-x64",
  "linux arm64 LE": "@bufbuild/buf-linux-aarch64",
  "darwin arm64 LE": "@bufbuild/buf-darwin-arm64",
  "darwin x64 LE": "@bufbuild/buf-darwin-x64",
};

/** The buf binary itself (not the node wrapper in node_modules/.bin, which would add a node start to every run). */
export function bufBinary() {
  const pkg = BUF_PACKAGES[`${platform()} ${arch()} ${endianness()}`];
  if (pkg) {
    try {
      const bin = join(require.resolve(`${pkg}/package.json`), "..", "bin", "buf");
      if (existsSync(bin)) return bin;
    } catch {}
  }
  return join(ROOT, "node_modules", ".bin", "buf");
}

export function versionOf(pkg) {
  try {
    return require(`${pkg}/package.json`).version;
  } catch {
    return undefined;
  }
}

/** Writes dir/buf.gen.<plugin>.yaml (one plugin, output to `out`) and returns its path. */
export function template(dir, plugin, out) {
  const p = PLUGINS[plugin];
  if (!p) throw new Error(`unknown peer plugin '${plugin}' (known: ${Object.keys(PLUGINS).join(", ")})`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `buf.gen.${plugin}.yaml`);
  const lines = [
    "# Written by bench/peers/buf.mjs. Local plugin: no Buf Schema Registry access.",
    "version: v2",
    "plugins:",
    `  - local: [${JSON.stringify(process.execPath)}, ${JSON.stringify(p.script())}]`,
    `    out: ${JSON.stringify(out)}`,
    ...(p.opt.length ? [`    opt: [${p.opt.map((o) => JSON.stringify(o)).join(", ")}]`] : []),
  ];
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** One `buf generate <protoDir> --template <tmpl>` as a whole process tree. */
export function measureBuf(protoDir, templateFile, { timeoutMs = 0 } = {}) {
  return measureCommand(bufBinary(), ["generate", protoDir, "--template", templateFile], {
    timeoutMs,
    // buf keeps a module cache under $XDG_CACHE_HOME or ~/.cache/buf; nothing here uses it
    // (no dependencies), and BUF_CACHE_DIR keeps it inside bench/.work all the same.
    env: { BUF_CACHE_DIR: join(ROOT, "bench", ".work", "buf-cache") },
  });
}
