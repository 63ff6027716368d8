/** The shape of a module's data once it passed the IDL schema (generator/idl.schema.json). */

export interface RawModule {
  readonly idl: 1;
  readonly module: string;
  readonly doc?: string;
  readonly imports?: readonly string[];
  readonly types?: Readonly<Record<string, RawType>>;
  readonly roots?: Readonly<Record<string, RawRoot>>;
  readonly paths?: Readonly<Record<string, RawPath>>;
}

export type RawType = RawEnum | RawOpenEnum | RawStruct | RawString | RawNewtype | RawTupleStruct | RawUnitStruct;

export interface RawEnum {
  readonly kind: "enum";
  readonly doc?: string;
  readonly rename_all?: string;
  readonly tag?: string;
  readonly content?: string;
  readonly untagged?: boolean;
  readonly unknown_fields?: "ignore" | "deny";
  readonly default?: string;
  readonly variants: Readonly<Record<string, RawVariant | null>>;
}

export interface RawVariant {
  readonly doc?: string;
  readonly wire?: string;
  readonly aliases?: readonly string[];
  readonly display?: string;
  readonly other?: boolean;
  /** Newtype variant: its one type. */
  readonly type?: string;
  /** Tuple variant: its types. */
  readonly tuple?: readonly string[];
  /** Struct variant: its fields. */
  readonly fields?: RawFields;
  readonly rename_all?: string;
}

export interface RawOpenEnum {
  readonly kind: "open-enum";
  readonly doc?: string;
  readonly default?: string;
  readonly values: Readonly<Record<string, { readonly doc?: string } | null>>;
}

export interface RawStruct {
  readonly kind: "struct";
  readonly doc?: string;
  readonly rename_all?: string;
  readonly has_default?: boolean;
  readonly default?: unknown;
  readonly missing_fields?: "default";
  readonly transparent?: boolean;
  readonly unknown_fields?: "ignore" | "deny";
  readonly fields: RawFields;
}

/** Fields by name: a type expression (short form) or a mapping. */
export type RawFields = Readonly<Record<string, string | RawField>>;

export interface RawField {
  readonly type: string;
  readonly doc?: string;
  readonly wire?: string;
  readonly aliases?: readonly string[];
  readonly default?: unknown;
  readonly type_default?: true;
  readonly omit?: "if-none" | "if-empty" | "if-default";
  readonly flatten?: boolean;
  readonly skip?: true | "serializing" | "deserializing";
}

export interface RawString {
  readonly kind: "string";
  readonly doc?: string;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly pattern?: string;
  readonly pattern_doc?: string;
}

export interface RawNewtype {
  readonly kind: "newtype";
  readonly doc?: string;
  readonly type: string;
  readonly has_default?: boolean;
}

export interface RawTupleStruct {
  readonly kind: "tuple-struct";
  readonly doc?: string;
  readonly items: readonly string[];
  readonly has_default?: boolean;
}

export interface RawUnitStruct {
  readonly kind: "unit-struct";
  readonly doc?: string;
  readonly has_default?: boolean;
}

export interface RawRoot {
  readonly value: string;
  readonly doc?: string;
}

export interface RawPath {
  readonly doc?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly template: string;
}

/** Documentation as stored in the model: trimmed, "" when absent. */
export function docText(doc: string | undefined): string {
  return (doc ?? "").trim();
}
