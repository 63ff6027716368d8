/**
 * Looking at hostile values without being fooled by them: a structural fingerprint (to prove an
 * input was not modified), deep freezing, the set of objects a value holds (to prove an output
 * shares nothing with its input), and a record of the built-in prototypes (to prove nothing was
 * added to them).
 */

/**
 * A description of everything observable about a value: own keys, descriptors, prototypes,
 * contents (to `maxDepth` levels; an object whose traps throw is described as unreadable).
 */
export function fingerprint(value: unknown, limit = 200_000, maxDepth = 1000): string {
  const ids = new Map<object, number>();
  const protos = new Map<object | null, string>([
    [null, "null"],
    [Object.prototype, "Object"],
    [Array.prototype, "Array"],
    [Function.prototype, "Function"],
  ]);
  const out: string[] = [];
  let budget = limit;
  const visit = (v: unknown, depth = 0): string => {
    if (--budget < 0) return "…";
    switch (typeof v) {
      case "string":
        return `s${JSON.stringify(v)}`;
      case "number":
        return Object.is(v, -0) ? "n-0" : `n${v}`;
      case "bigint":
        return `b${v}`;
      case "boolean":
      case "undefined":
        return String(v);
      case "symbol":
        return `y${String(v.description)}`;
    }
    if (v === null) return "null";
    const obj = v as object;
    const seen = ids.get(obj);
    if (seen !== undefined) return `#${seen}`;
    if (depth > maxDepth) return "…deep";
    const id = ids.size;
    ids.set(obj, id);
    try {
      return describeObject(obj, id, depth);
    } catch (error) {
      out.push(`@${id} unreadable: ${error instanceof Error ? error.message : "?"}`);
      return `#${id}`;
    }
  };
  const describeObject = (obj: object, id: number, depth: number): string => {
    const visit1 = (v: unknown): string => visit(v, depth + 1);
    const proto = Object.getPrototypeOf(obj) as object | null;
    let protoName = protos.get(proto);
    if (protoName === undefined) {
      protoName = `P${protos.size}`;
      protos.set(proto, protoName);
    }
    const parts: string[] = [`@${id}<${protoName}>${Object.isExtensible(obj) ? "" : "!ext"}${Object.isFrozen(obj) ? "!frozen" : ""}`];
    for (const key of Reflect.ownKeys(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, key)!;
      const name = typeof key === "symbol" ? `[${String(key.description)}]` : JSON.stringify(key);
      const flags = `${d.enumerable ? "e" : ""}${d.configurable ? "c" : ""}${d.writable ? "w" : ""}`;
      parts.push(`${name}:${flags}=${"value" in d ? visit1(d.value) : `get${visit1(d.get)}/set${visit1(d.set)}`}`);
    }
    if (obj instanceof Map) for (const [k, val] of obj) parts.push(`M(${visit1(k)}=>${visit1(val)})`);
    if (obj instanceof Set) for (const val of obj) parts.push(`S(${visit1(val)})`);
    if (ArrayBuffer.isView(obj)) parts.push(`T(${Array.from(new Uint8Array(obj.buffer, obj.byteOffset, obj.byteLength)).join(",")})`);
    if (obj instanceof ArrayBuffer) parts.push(`B(${Array.from(new Uint8Array(obj)).join(",")})`);
    if (obj instanceof Date) parts.push(`D(${obj.getTime()})`);
    for (const Boxed of [String, Number, Boolean, Symbol, BigInt] as const) {
      try {
        parts.push(`V(${visit1((Boxed.prototype.valueOf as (this: unknown) => unknown).call(obj))})`);
        break;
      } catch {
        // not this kind of boxed value
      }
    }
    out.push(parts.join(" "));
    return `#${id}`;
  };
  const root = visit(value);
  return `${root}\n${out.join("\n")}`;
}

/** Freezes a value and everything it holds (typed arrays with elements cannot be frozen: sealed). */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if ((typeof v !== "object" && typeof v !== "function") || v === null || seen.has(v)) continue;
    seen.add(v);
    try {
      for (const key of Reflect.ownKeys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, key);
        if (d && "value" in d) stack.push(d.value);
      }
    } catch {
      continue; // a proxy whose traps throw cannot be frozen either
    }
    if (v instanceof Map) for (const [k, val] of v) stack.push(k, val);
    if (v instanceof Set) for (const val of v) stack.push(val);
    try {
      Object.freeze(v);
    } catch {
      Object.preventExtensions(v);
    }
  }
  return value;
}

/** Every object (and function) reachable from a value through own data properties. */
export function objectsOf(value: unknown, limit = 200_000): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0 && seen.size < limit) {
    const v = stack.pop();
    if ((typeof v !== "object" && typeof v !== "function") || v === null || seen.has(v)) continue;
    seen.add(v);
    try {
      for (const key of Reflect.ownKeys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, key);
        if (d && "value" in d) stack.push(d.value);
      }
    } catch {
      // a proxy whose traps throw: nothing more to see
    }
  }
  return seen;
}

/** Why a parsed value is not plain JSON-like data (objects of Object.prototype, arrays, primitives), or undefined. */
export function notPlainData(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, ""]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (v === undefined || v === null || typeof v === "string" || typeof v === "boolean") continue;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return `${path}: the number ${v}`;
      continue;
    }
    if (typeof v !== "object") return `${path}: a ${typeof v}`;
    if (seen.has(v)) return `${path}: an object seen twice (shared or cyclic)`;
    seen.add(v);
    const proto = Object.getPrototypeOf(v) as unknown;
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) return `${path}: an array with another prototype`;
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return `${path}/${i}: a hole`;
        stack.push([v[i], `${path}/${i}`]);
      }
      continue;
    }
    if (proto !== Object.prototype) return `${path}: an object whose prototype is not Object.prototype`;
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key === "symbol") return `${path}: a symbol key`;
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      if (!("value" in d)) return `${path}/${key}: an accessor`;
      if (!d.enumerable) return `${path}/${key}: not enumerable`;
      stack.push([d.value, `${path}/${key}`]);
    }
  }
  return undefined;
}

/** The own property names and descriptors of the built-in prototypes, to compare before and after. */
export function builtinsFingerprint(): string {
  const protos: [string, object][] = [
    ["Object.prototype", Object.prototype],
    ["Array.prototype", Array.prototype],
    ["Function.prototype", Function.prototype],
    ["String.prototype", String.prototype],
    ["Number.prototype", Number.prototype],
    ["Error.prototype", Error.prototype],
  ];
  return protos
    .map(([name, p]) => {
      const keys = Reflect.ownKeys(p).map((k) => {
        const d = Object.getOwnPropertyDescriptor(p, k)!;
        const v: unknown = "value" in d ? d.value : undefined;
        const val = !("value" in d)
          ? `accessor:${d.get?.name ?? ""}/${d.set?.name ?? ""}`
          : typeof v === "function"
            ? `fn:${(v as { name: string }).name}`
            : typeof v === "object" && v !== null
              ? `object:${Reflect.ownKeys(v).map(String).join("|")}`
              : typeof v === "symbol"
                ? v.toString()
                : String(v);
        return `${String(k)}=${val}`;
      });
      return `${name}<${String(Object.getPrototypeOf(p) === null ? "null" : "proto")}>${Object.isExtensible(p)}: ${keys.join(",")}`;
    })
    .join("\n");
}
