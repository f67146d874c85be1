// Guards for values of parsed JSON and YAML: a manifest can hold anything where a rule expects a map or a list.

/**
 * Whether a value is a map (a JSON object), not null and not a list.
 *
 * @internal
 */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value if it is a list, else an empty list.
 *
 * @internal
 */
export function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The value if it is a map, else an empty map.
 *
 * @internal
 */
export function asStringMap(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/**
 * Whether a value is absent in the Go sense: missing, null, or the empty string, which the API server's defaulting
 * treats alike for string fields.
 *
 * @internal
 */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
