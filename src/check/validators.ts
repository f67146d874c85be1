/**
 * Value validators ported from Kubernetes apimachinery
 * (`k8s.io/apimachinery/pkg/util/validation/validation.go`) and the API server's network helpers.
 *
 * Each function returns the list of reasons a value is invalid, worded as the API server words them;
 * an empty list means the value is valid.
 *
 * @internal
 */

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;

const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const PORT_NAME_CHARSET_RE = /^[-a-z0-9]+$/;
const PORT_NAME_ONE_LETTER_RE = /[a-z]/;
const QUALIFIED_NAME_WITH_PREFIX_RE = new RegExp(`^(${DNS1123_SUBDOMAIN_FMT}/)?${QUALIFIED_NAME_FMT}$`);

/** A qualified name: an optional DNS subdomain prefix (at most 253 characters) and a name (at most 63). */
function isPlainQualifiedName(value: string): boolean {
  if (!QUALIFIED_NAME_WITH_PREFIX_RE.test(value)) return false;
  const slash = value.indexOf('/');
  return slash < 0 ? value.length <= LABEL_MAX_LENGTH : slash <= SUBDOMAIN_MAX_LENGTH && value.length - slash - 1 <= LABEL_MAX_LENGTH;
}

/** Max length of a DNS-1123 or DNS-1035 label, and of a label value or qualified name part. */
export const LABEL_MAX_LENGTH = 63;
/** Max length of a DNS-1123 subdomain. */
export const SUBDOMAIN_MAX_LENGTH = 253;
/** Max length of an IANA_SVC_NAME (a container port name). */
export const PORT_NAME_MAX_LENGTH = 15;

/** The answer for a valid value: shared, so callers only read it. */
const VALID: string[] = [];

/**
 * A validator with a fast path: most values are valid, and `isValid` (one regular expression and a length check)
 * says so without building the list of reasons, which only `validate` does.
 */
function fast(isValid: (value: string) => boolean, validate: (value: string) => string[]): (value: string) => string[] {
  return (value: string) => (isValid(value) ? VALID : validate(value));
}

function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  let s = msg + ' (e.g. ';
  s += examples.map(e => `'${e}'`).join(',  or ');
  s += `, regex used for validation is '${fmt}')`;
  return s;
}

/** `IsDNS1123Label`: a lowercase RFC 1123 label, such as a namespace or a Service port name. */
export const isDns1123Label = fast(v => v.length <= LABEL_MAX_LENGTH && DNS1123_LABEL_RE.test(v), (value: string): string[] => {
  const errs: string[] = [];
  if (value.length > LABEL_MAX_LENGTH) errs.push(maxLenError(LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
});

/** `IsDNS1123Subdomain`: a lowercase RFC 1123 subdomain, such as most object names. */
export const isDns1123Subdomain = fast(v => v.length <= SUBDOMAIN_MAX_LENGTH && DNS1123_SUBDOMAIN_RE.test(v), (value: string): string[] => {
  const errs: string[] = [];
  if (value.length > SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
});

/** `IsDNS1035Label`: an RFC 1035 label, such as a Service name. */
export const isDns1035Label = fast(v => v.length <= LABEL_MAX_LENGTH && DNS1035_LABEL_RE.test(v), (value: string): string[] => {
  const errs: string[] = [];
  if (value.length > LABEL_MAX_LENGTH) errs.push(maxLenError(LABEL_MAX_LENGTH));
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
});

/** `IsQualifiedName`: a label key, annotation key or `appProtocol`: an optional DNS subdomain prefix and a name. */
export const isQualifiedName = fast(isPlainQualifiedName, (value: string): string[] => {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) {
      errs.push('prefix part ' + 'must be non-empty');
    } else {
      errs.push(...isDns1123Subdomain(prefix).map(e => 'prefix part ' + e));
    }
  } else {
    return [regexError("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc') +
      " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) {
    errs.push('name part must be non-empty');
  } else if (name.length > LABEL_MAX_LENGTH) {
    errs.push('name part ' + maxLenError(LABEL_MAX_LENGTH));
  }
  if (!QUALIFIED_NAME_RE.test(name)) {
    errs.push('name part ' + regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc'));
  }
  return errs;
});

/** `IsValidLabelValue`: empty, or up to 63 alphanumerics, '-', '_' and '.', starting and ending alphanumeric. */
export const isValidLabelValue = fast(v => v.length <= LABEL_MAX_LENGTH && LABEL_VALUE_RE.test(v), (value: string): string[] => {
  const errs: string[] = [];
  if (value.length > LABEL_MAX_LENGTH) errs.push(maxLenError(LABEL_MAX_LENGTH));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
});

/** `IsValidPortName`: an IANA_SVC_NAME, the rule for container port names. */
export const isValidPortName = fast(v => v.length <= PORT_NAME_MAX_LENGTH && PORT_NAME_CHARSET_RE.test(v) && PORT_NAME_ONE_LETTER_RE.test(v) && !v.includes('--') && !v.startsWith('-') && !v.endsWith('-'), (value: string): string[] => {
  const errs: string[] = [];
  if (value.length > PORT_NAME_MAX_LENGTH) errs.push(maxLenError(PORT_NAME_MAX_LENGTH));
  if (!PORT_NAME_CHARSET_RE.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!PORT_NAME_ONE_LETTER_RE.test(value)) errs.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errs.push('must not contain consecutive hyphens');
  if (value.length > 0 && (value.startsWith('-') || value.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
});

/** `IsInRange`. */
export function isInRange(value: number, min: number, max: number): string[] {
  if (Number.isInteger(value) && value >= min && value <= max) return [];
  return [`must be between ${min} and ${max}, inclusive`];
}

/** `IsValidPortNum`: 1 to 65535. */
export function isValidPortNum(value: number): string[] {
  return isInRange(value, 1, 65535);
}

/** The range of a Go int32. @internal */
export const INT32_MIN = -(2 ** 31);
/** @internal */
export const INT32_MAX = 2 ** 31 - 1;

/**
 * Whether a value is an integer a Go int32 holds.
 *
 * @internal
 */
export function isInt32(value: unknown): value is number {
  return isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/** An integer value of a JSON document (the API server's decoder rejects fractions for int32 fields). */
export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Parses an IPv4 address the way Go's pre-1.17 `net.ParseIP` (`netutils.ParseIPSloppy`) does: four decimal parts,
 * leading zeros allowed and read as decimal.
 */
function parseIPv4(value: string): number[] | undefined {
  const parts = value.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

/**
 * Parses an IPv6 address (with an optional dotted IPv4 tail, no zone) into 16 bytes.
 */
function parseIPv6(value: string): number[] | undefined {
  if (!value.includes(':')) return undefined;
  let v = value;
  let tail: number[] = [];
  const lastColon = v.lastIndexOf(':');
  if (v.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(v.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    // keep a '::' that stood right before the IPv4 part ('::1.2.3.4', '1::1.2.3.4')
    const prefix = v.slice(0, lastColon);
    v = prefix.endsWith(':') ? prefix + ':' : prefix;
  }
  const halves = v.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  for (const g of [...head, ...rest]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
  }
  const wanted = 8 - tail.length / 2;
  const present = head.length + rest.length;
  if (halves.length === 2 ? present >= wanted : present !== wanted) return undefined;
  const zeros = halves.length === 2 ? wanted - present : 0;
  const words = [...head, ...Array(zeros).fill('0'), ...rest].map(g => parseInt(g, 16));
  const bytes: number[] = [];
  for (const w of words) bytes.push(Math.floor(w / 256), w % 256);
  return [...bytes, ...tail];
}

/**
 * A parsed IP address: its family and its bytes (4 for IPv4, including IPv4-mapped IPv6; 16 for IPv6).
 *
 * @internal
 */
export interface ParsedIP {
  readonly family: 'IPv4' | 'IPv6';
  readonly bytes: number[];
}

/**
 * `netutils.ParseIPSloppy`: an IPv4 or IPv6 address, or undefined. IPv4-mapped IPv6 addresses count as IPv4, as
 * in Go.
 *
 * @internal
 */
export function parseIP(value: string): ParsedIP | undefined {
  const v4 = parseIPv4(value);
  if (v4) return { family: 'IPv4', bytes: v4 };
  const v6 = parseIPv6(value);
  if (!v6) return undefined;
  const mapped = v6.slice(0, 10).every(b => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { family: 'IPv4', bytes: v6.slice(12) } : { family: 'IPv6', bytes: v6 };
}

/**
 * The IP family of an address (`IsValidIP` passes when it is defined). Go's `IsIPv6String` is true only for an
 * address that is not IPv4 (nor IPv4-mapped).
 *
 * @internal
 */
export function ipFamilyOf(value: string): 'IPv4' | 'IPv6' | undefined {
  return parseIP(value)?.family;
}

/**
 * `ParseCIDRSloppy`: an address, a slash and a prefix length that fits the family. Host bits may be set.
 *
 * @internal
 */
export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const ip = parseIP(value.slice(0, slash));
  const bits = value.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(bits)) return false;
  // a mapped IPv4 address keeps the IPv6 prefix length range, as in Go
  const max = value.slice(0, slash).includes(':') ? 128 : 32;
  return Number(bits) <= max;
}

/**
 * Whether `ip` lies in `cidr` (same family, the first prefix-length bits equal). False when either does not parse.
 *
 * @internal
 */
export function cidrContains(cidr: string, ip: string): boolean {
  const slash = cidr.indexOf('/');
  if (slash < 0 || !isCidr(cidr)) return false;
  const net = parseIP(cidr.slice(0, slash));
  const addr = parseIP(ip);
  if (!net || !addr || net.family !== addr.family) return false;
  // a prefix on an IPv4-mapped IPv6 network counts the 96 bits before the IPv4 part
  const bits = Number(cidr.slice(slash + 1)) - (net.family === 'IPv4' && cidr.slice(0, slash).includes(':') ? 96 : 0);
  for (let i = 0; i < bits; i++) {
    const byte = Math.floor(i / 8);
    const mask = 2 ** (7 - (i % 8));
    if ((Math.floor(net.bytes[byte] / mask) % 2) !== (Math.floor(addr.bytes[byte] / mask) % 2)) return false;
  }
  return true;
}

/**
 * `ValidateNonSpecialIP` (Go's `net.IP` classification) for a parseable address: unspecified, loopback, link-local
 * unicast and multicast.
 *
 * @internal
 */
export function nonSpecialIPReasons(ip: string): string[] {
  const parsed = parseIP(ip);
  if (!parsed) return [];
  const b = parsed.bytes;
  const reasons: string[] = [];
  if (b.every(x => x === 0)) reasons.push(`may not be unspecified (${ip})`);
  if (parsed.family === 'IPv4') {
    if (b[0] === 127) reasons.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
    if (b[0] === 169 && b[1] === 254) reasons.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
    if (b[0] === 224 && b[1] === 0 && b[2] === 0) reasons.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  } else {
    if (b.slice(0, 15).every(x => x === 0) && b[15] === 1) reasons.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
    if (b[0] === 0xfe && b[1] >= 0x80 && b[1] <= 0xbf) reasons.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
    if (b[0] === 0xff && b[1] % 16 === 2) reasons.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  }
  return reasons;
}

/**
 * `IsFullyQualifiedDomainName`: a DNS subdomain (one trailing dot allowed) of at least two labels.
 *
 * @internal
 */
export function fullyQualifiedDomainNameReasons(name: string): string[] {
  if (name === '') return ['Required value'];
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  const subdomain = isDns1123Subdomain(trimmed);
  if (subdomain.length > 0) return [subdomain.join(',')];
  if (trimmed.split('.').length < 2) return ['should be a domain with at least two segments separated by dots'];
  return [];
}
