/**
 * How serious a finding is.
 */
export enum Severity {
  /** The API server would reject the object, or the wiring is broken: synth fails. */
  ERROR = 'error',
  /** Accepted by the API server but risky or likely unintended: reported, never fatal. */
  WARNING = 'warning',
}

/**
 * One problem found in one Kubernetes object.
 */
export interface Finding {
  /**
   * Whether the problem is fatal (`error`) or advisory (`warning`).
   */
  readonly severity: Severity;

  /**
   * The id of the rule that found it, such as `service-port-number`.
   */
  readonly rule: string;

  /**
   * The position of the object in the list that was checked (0-based).
   */
  readonly index: number;

  /**
   * The object's `kind`.
   */
  readonly kind: string;

  /**
   * The object's `metadata.namespace`, or an empty string when it has none.
   */
  readonly namespace: string;

  /**
   * The object's `metadata.name`, or an empty string when it has none.
   */
  readonly name: string;

  /**
   * The field path as the API server reports it, such as `spec.ports[0].nodePort`.
   */
  readonly field: string;

  /**
   * What is wrong, the value received, and the fix where one is obvious.
   */
  readonly message: string;
}
