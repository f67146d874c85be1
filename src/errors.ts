// Errors thrown at construction, for facts local to one value (a port out of range, a label that is not a label).
// They read like the findings synth reports: where (the construct path, or the factory's name), the field, what is
// wrong with the value, and the fix.
import { IConstruct } from 'constructs';
import { invalid, required } from './check/contract';

/**
 * Where a construction error happened: `[path]` for a construct (its scope's path and its id, since a constructor
 * may throw before the construct exists).
 *
 * @internal
 */
export function constructPath(scope: IConstruct, id: string): string {
  const parent = scope.node.path;
  return `[${parent ? `${parent}/${id}` : id}]`;
}

/**
 * The problems of one construction, thrown together: `<where> <field>: <message>` for one, a list for several.
 *
 * @internal
 */
export class Problems {
  private readonly lines: string[] = [];

  /**
   * @param where the construct path in brackets (`constructPath`), or the factory, such as `ContainerPort.tcp()`;
   * a function when working it out costs more than the common case, where nothing fails
   */
  constructor(private readonly where: string | (() => string)) {}

  /** `<field>: Invalid value: <value>: <rule>; <fix>`. */
  public invalid(field: string, value: unknown, rule: string, fix?: string): this {
    this.lines.push(`${field}: ${invalid(value, rule)}${fix ? `; ${fix}` : ''}`);
    return this;
  }

  /** `<field>: Required value: <why>; <fix>`. */
  public required(field: string, why: string, fix: string): this {
    this.lines.push(`${field}: ${required(why)}; ${fix}`);
    return this;
  }

  /** `<field>: Forbidden: <what>; <fix>`, for a prop or call this library does not take. */
  public forbidden(field: string, what: string, fix: string): this {
    this.lines.push(`${field}: Forbidden: ${what}; ${fix}`);
    return this;
  }

  /** Throws the problems, if there are any. */
  public throwIfAny(): void {
    if (this.lines.length > 0) this.fail();
  }

  /** Throws the problems recorded (at least one). */
  public fail(): never {
    const where = typeof this.where === 'string' ? this.where : this.where();
    if (this.lines.length === 1) throw new Error(`${where} ${this.lines[0]}`);
    throw new Error(`${where} has ${this.lines.length} problems:\n  ${this.lines.join('\n  ')}`);
  }
}

/**
 * One problem, thrown at once.
 *
 * @internal
 */
export function invalidValue(where: string, field: string, value: unknown, rule: string, fix?: string): Error {
  return new Error(`${where} ${field}: ${invalid(value, rule)}${fix ? `; ${fix}` : ''}`);
}
