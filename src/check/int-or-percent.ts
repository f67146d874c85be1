// IntOrString values that are a count or a percentage (a rolling update's `maxSurge` and `maxUnavailable`), read as
// the API server's apps validation reads them (k8s.io/kubernetes pkg/apis/apps/validation: ValidatePositiveIntOrPercent,
// getIntOrPercentValue, IsNotMoreThan100Percent; k8s.io/apimachinery pkg/util/validation: IsValidPercent).
import { isInt32 } from './validators';

const PERCENT_RE = /^[0-9]+%$/;

/**
 * `IsValidPercent`'s message for a string that is not digits followed by `%`.
 *
 * @internal
 */
const PERCENT_MESSAGE =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

/**
 * Whether a value decodes as an IntOrString: a string, or a whole number in the int32 range. Anything else (a
 * fraction, a boolean, an object) is refused when the API server decodes the object, before validation.
 *
 * @internal
 */
export function isIntOrString(value: unknown): value is number | string {
  return typeof value === 'string' || isInt32(value);
}

/**
 * `ValidatePositiveIntOrPercent`: the reasons an IntOrString is not a non-negative count or a percentage.
 *
 * @internal
 */
export function positiveIntOrPercentReasons(value: number | string): string[] {
  if (typeof value === 'string') return PERCENT_RE.test(value) ? [] : [PERCENT_MESSAGE];
  return value < 0 ? ['must be greater than or equal to 0'] : [];
}

/**
 * `getPercentValue`: the number of a valid percentage (`"25%"` → 25), or undefined for anything else.
 */
function percentValue(value: number | string): number | undefined {
  return typeof value === 'string' && PERCENT_RE.test(value) ? Number(value.slice(0, -1)) : undefined;
}

/**
 * `getIntOrPercentValue`: a percentage's number, an integer itself, and for any other string what Go's
 * `strconv.Atoi` reads (`"5"` → 5), 0 when it reads nothing (`"25%%"`, `"abc"`).
 *
 * @internal
 */
export function intOrPercentValue(value: number | string): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  if (typeof value === 'number') return value;
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : 0;
}

/**
 * `IsNotMoreThan100Percent`: whether the value is a valid percentage above 100.
 *
 * @internal
 */
export function isMoreThan100Percent(value: number | string): boolean {
  const percent = percentValue(value);
  return percent !== undefined && percent > 100;
}
