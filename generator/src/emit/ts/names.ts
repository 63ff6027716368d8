/** Names of the internal (not re-exported) helpers each generated module declares per type. */

export const readerName = (type: string): string => `read${type}`;
export const shapeName = (type: string): string => `${type}$shape`;
export const problemName = (type: string): string => `${type}$problem`;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as written in TypeScript: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** Property access on `object`: `o.pool_id` or `o["fc-base"]`. */
export function access(object: string, key: string): string {
  return IDENTIFIER.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
}
