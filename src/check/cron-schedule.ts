// A CronJob's schedule, parsed as the API server parses it: `cron.ParseStandard` of github.com/robfig/cron/v3 (five
// fields, or a descriptor such as `@hourly` or `@every 1h30m`, with an optional leading `TZ=` or `CRON_TZ=` zone),
// and time zone names, loaded as Go's `time.LoadLocation` loads them.

/**
 * The range of a schedule field, and the names it accepts.
 */
interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DAYS_OF_MONTH: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DAYS_OF_WEEK: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** The fields of a standard schedule, in order. */
const FIELDS: readonly Bounds[] = [MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK];

/** The descriptors `parseDescriptor` knows, besides `@every <duration>`. */
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Go's `time.ParseDuration` units. */
const DURATION_UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/**
 * Why `cron.ParseStandard` refuses a schedule, worded as robfig/cron does; undefined when it parses.
 *
 * @internal
 */
export function scheduleError(schedule: string): string | undefined {
  let spec = schedule;
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const zone = spec.slice(spec.indexOf('=') + 1, space < 0 ? undefined : space);
    // without a space the Go parser slices out of range; the API server refuses the schedule either way
    if (space < 0) return `provided bad location ${zone}: expected a schedule after the time zone`;
    const zoneError = timeZoneError(zone);
    if (zoneError) return `provided bad location ${zone}: ${zoneError}`;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return descriptorError(spec);
  const fields = spec.split(/[\t\n\v\f\r ]+/).filter(f => f !== '');
  if (fields.length !== FIELDS.length) {
    return `expected exactly ${FIELDS.length} fields, found ${fields.length}: [${fields.join(' ')}]`;
  }
  for (let i = 0; i < FIELDS.length; i++) {
    for (const expr of fields[i].split(',').filter(e => e !== '')) {
      const error = rangeError(expr, FIELDS[i]);
      if (error) return error;
    }
  }
  return undefined;
}

/**
 * `parseDescriptor`: a known descriptor, or `@every` and a Go duration.
 */
function descriptorError(spec: string): string | undefined {
  if (DESCRIPTORS.has(spec)) return undefined;
  const every = '@every ';
  if (spec.startsWith(every)) {
    const error = durationError(spec.slice(every.length));
    return error ? `failed to parse duration ${spec}: ${error}` : undefined;
  }
  return `unrecognized descriptor: ${spec}`;
}

/**
 * `getRange`: `*`, `?`, a number or name, or a range `a-b`, each with an optional `/step`.
 */
function rangeError(expr: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = intOrName(lowAndHigh[0], bounds);
    if (typeof low === 'string') return low;
    start = low;
    if (lowAndHigh.length === 1) {
      end = start;
    } else if (lowAndHigh.length === 2) {
      const high = intOrName(lowAndHigh[1], bounds);
      if (typeof high === 'string') return high;
      end = high;
    } else {
      return `too many hyphens: ${expr}`;
    }
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = nonNegativeInt(rangeAndStep[1]);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    // `N/step` means `N-max/step`
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) {
    return `too many slashes: ${expr}`;
  }
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

/** `parseIntOrName`: a month or weekday name (any case), or a number; a string is the error. */
function intOrName(expr: string, bounds: Bounds): number | string {
  const named = bounds.names?.[expr.toLowerCase()];
  return named ?? nonNegativeInt(expr);
}

/** `mustParseInt`: Go's `strconv.Atoi`, then not negative; a string is the error. */
function nonNegativeInt(expr: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) return `failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": invalid syntax`;
  const value = Number(expr);
  if (Math.abs(value) > 2 ** 63 - 1) return `failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": value out of range`;
  if (value < 0) return `negative number (${value}) not allowed: ${expr}`;
  return value;
}

/**
 * Why Go's `time.ParseDuration` refuses a duration (`1h30m`, `90s`, `1.5h`), or undefined.
 */
function durationError(s: string): string | undefined {
  const quoted = `"${s}"`;
  let rest = s.replace(/^[-+]/, '');
  if (rest === '0') return undefined;
  if (rest === '') return `time: invalid duration ${quoted}`;
  while (rest !== '') {
    const number = /^([0-9]*)(\.[0-9]*)?/.exec(rest)!;
    if (number[0] === '' || number[0] === '.') return `time: invalid duration ${quoted}`;
    rest = rest.slice(number[0].length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    if (!DURATION_UNITS.has(unit)) return `time: unknown unit "${unit}" in duration ${quoted}`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

/**
 * Why Go's `time.LoadLocation` (with the IANA time zone database) refuses a zone name, or undefined. The zones are
 * those this runtime knows (`Intl`), named with Go's exact case; a runtime without time zone data accepts any name.
 *
 * @internal
 */
export function timeZoneError(zone: string): string | undefined {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return undefined;
  const unknown = `unknown time zone ${zone}`;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch (e) {
    return e instanceof RangeError ? unknown : undefined;
  }
  // the database's file names are case-sensitive: `utc` and `europe/berlin` are not zones to Go
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) return unknown;
  return undefined;
}
