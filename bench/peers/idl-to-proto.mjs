#!/usr/bin/env node
// Turns an IDL folder (idl/ or a synthetic one from make-synthetic-idl.mjs) into the equivalent
// protobuf model, for the protobuf peers (bench/peers/buf.mjs): one .proto file per IDL module,
// so the peer sees the same layout as idlc (one file of 1,000 types, or 112 files of 9).
//
//   node bench/peers/idl-to-proto.mjs <idl-dir> <proto-dir>
//
// Mapping (proto3):
//   module M                  file M.proto, package idl.M; its imports become proto imports
//   struct                    message, fields numbered in order, docs as comments
//   enum                      enum, values NAME_VARIANT numbered from 0 (proto3 needs a 0)
//   open-enum, string         string: a plain string on the wire, as in the IDL, so they are
//                             no protobuf types of their own (idl/'s 12 types are 9 messages
//                             and enums, as in the issue's "protobuf model of the same 9 types")
//   newtype                   its inner type; unit-struct: an empty message; tuple-struct: a
//                             message with fields _0, _1, ...
//   bool, string              bool, string
//   u8, u16, u32 / u64        uint32 / uint64; i8..i32 / i64: int32 / int64; f32 / f64: float / double
//   optional<T>               optional T; list<T>: repeated T; map<string, V>: map<string, V>
// Roots and path helpers have no protobuf counterpart and are left out.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const SCALARS = {
  bool: "bool",
  string: "string",
  u8: "uint32",
  u16: "uint32",
  u32: "uint32",
  u64: "uint64",
  i8: "int32",
  i16: "int32",
  i32: "int32",
  i64: "int64",
  f32: "float",
  f64: "double",
};

const screaming = (s) =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toUpperCase();

function comment(doc, indent = "") {
  if (!doc) return "";
  return `${String(doc)
    .trimEnd()
    .split("\n")
    .map((l) => `${indent}//${l ? ` ${l}` : ""}`)
    .join("\n")}\n`;
}

/** Parses `list<map<string, Foo>>` and the like into a tree. */
function parseType(text) {
  let i = 0;
  const s = text.replace(/\s+/g, "");
  const node = () => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (!m) throw new Error(`bad type expression '${text}'`);
    i += m[0].length;
    const args = [];
    if (s[i] === "<") {
      i++;
      args.push(node());
      while (s[i] === ",") {
        i++;
        args.push(node());
      }
      if (s[i++] !== ">") throw new Error(`bad type expression '${text}'`);
    }
    return { name: m[0], args };
  };
  return node();
}

/**
 * Converts every module of `idlDir` into `protoDir` (emptied first). Returns
 * { files, messages, enums, types } where types = messages + enums.
 */
export function idlToProto(idlDir, protoDir) {
  const modules = readdirSync(idlDir)
    .filter((n) => /\.ya?ml$/.test(n) && n !== "accepted-changes.yaml")
    .sort()
    .map((n) => YAML.parse(readFileSync(join(idlDir, n), "utf8")));
  // Every declared type: where it lives and what it is in protobuf.
  const decls = new Map();
  for (const m of modules) for (const [name, d] of Object.entries(m.types ?? {})) decls.set(name, { module: m.module, decl: d });
  const protoKind = (name) => {
    const d = decls.get(name)?.decl;
    if (!d) return undefined;
    if (d.kind === "struct" || d.kind === "unit-struct" || d.kind === "tuple-struct") return "message";
    if (d.kind === "enum") return "enum";
    return "scalar"; // open-enum, string, newtype
  };

  let messages = 0;
  let enums = 0;
  rmSync(protoDir, { recursive: true, force: true });
  mkdirSync(protoDir, { recursive: true });
  for (const m of modules) {
    const deps = new Set();
    // A type expression as a protobuf field type (without repeated/optional/map).
    const scalarOf = (t) => {
      if (SCALARS[t.name]) return SCALARS[t.name];
      const entry = decls.get(t.name);
      if (!entry) throw new Error(`${m.module}: unknown type '${t.name}'`);
      const kind = protoKind(t.name);
      if (kind === "scalar") {
        const d = entry.decl;
        if (d.kind === "newtype") return fieldType(parseType(d.type ?? d.inner)).type;
        return "string";
      }
      if (entry.module !== m.module) deps.add(entry.module);
      return `idl.${entry.module}.${t.name}`;
    };
    const fieldType = (t) => {
      if (t.name === "optional") {
        const inner = fieldType(t.args[0]);
        return inner.label || inner.map ? inner : { label: "optional", type: inner.type };
      }
      if (t.name === "list") {
        const inner = fieldType(t.args[0]);
        if (inner.label === "repeated" || inner.map) throw new Error(`${m.module}: nested collections are not mapped`);
        return { label: "repeated", type: inner.type };
      }
      if (t.name === "map") {
        const value = fieldType(t.args[1]);
        if (value.label === "repeated" || value.map) throw new Error(`${m.module}: nested collections are not mapped`);
        return { map: true, type: `map<${scalarOf(t.args[0])}, ${value.type}>` };
      }
      return { type: scalarOf(t) };
    };

    const body = [];
    for (const [name, d] of Object.entries(m.types ?? {})) {
      const kind = protoKind(name);
      if (kind === "scalar") continue;
      if (d.kind === "enum") {
        enums++;
        const prefix = screaming(name);
        const variants = Object.entries(d.variants ?? {});
        body.push(`${comment(d.doc)}enum ${name} {\n${variants.map(([v, vd], i) => `${comment(vd?.doc, "  ")}  ${prefix}_${screaming(v)} = ${i};`).join("\n")}\n}\n`);
        continue;
      }
      messages++;
      let fields = [];
      if (d.kind === "struct") fields = Object.entries(d.fields ?? {}).map(([fname, f]) => ({ name: fname, type: typeof f === "string" ? f : f.type, doc: typeof f === "string" ? undefined : f.doc }));
      else if (d.kind === "tuple-struct") fields = (d.fields ?? d.elements ?? []).map((f, i) => ({ name: `_${i}`, type: typeof f === "string" ? f : f.type }));
      const lines = fields.map((f, i) => {
        const t = fieldType(parseType(f.type));
        return `${comment(f.doc, "  ")}  ${t.label ? `${t.label} ` : ""}${t.type} ${f.name} = ${i + 1};`;
      });
      body.push(`${comment(d.doc)}message ${name} {${lines.length ? `\n${lines.join("\n")}\n` : ""}}\n`);
    }
    const head = [
      `// Made by bench/peers/idl-to-proto.mjs from the IDL module ${m.module}. Do not edit.`,
      comment(m.doc).trimEnd(),
      'syntax = "proto3";',
      "",
      `package idl.${m.module};`,
      "",
      ...[...deps].sort().map((d) => `import "${d}.proto";`),
    ];
    writeFileSync(join(protoDir, `${m.module}.proto`), `${head.join("\n").trimEnd()}\n\n${body.join("\n")}`);
  }
  return { files: modules.length, messages, enums, types: messages + enums };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [idl, out] = process.argv.slice(2);
  if (!idl || !out) {
    process.stderr.write("usage: node bench/peers/idl-to-proto.mjs <idl-dir> <proto-dir>\n");
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(idlToProto(resolve(idl), resolve(out)))}\n`);
}
