import { isQualifiedName, isValidLabelValue } from './check';
import { invalidValue } from './errors';
import { nameFromId } from './names';

/**
 * Options of `Identity.of`.
 */
export interface IdentityOptions {
  /**
   * The `app.kubernetes.io/instance` label: which installation of the application this is, when one cluster runs
   * several (say `checkout-eu` and `checkout-us`).
   *
   * @default - the same as the name
   */
  readonly instance?: string;
}

/**
 * The labels that identify a workload's pods, and the only labels its selector and the Services that select it
 * are built from.
 *
 * An identity is a value, not derived from the construct tree: renaming or moving a construct never changes it, so
 * a Deployment's selector (immutable on a live cluster) stays stable. Labels that change over time, such as
 * version, environment or tier, belong on pods and objects (`labels`), never in an identity.
 *
 * Every key must be a Kubernetes label key and every value a label value; an identity that is not fails at once,
 * naming the label and the fix.
 *
 * @example
 *
 * const api = Identity.of('api');                        // app.kubernetes.io/name=api, app.kubernetes.io/instance=api
 * const legacy = Identity.fromLabels({ app: 'MyApp' });  // app=MyApp
 * const canary = api.withLabels({ track: 'canary' });    // api's labels plus track=canary
 */
export class Identity {
  /**
   * The recommended label for the application's name.
   */
  public static readonly NAME_LABEL = 'app.kubernetes.io/name';

  /**
   * The recommended label for the application's instance.
   */
  public static readonly INSTANCE_LABEL = 'app.kubernetes.io/instance';

  /**
   * An identity made of the Kubernetes recommended labels `app.kubernetes.io/name` and
   * `app.kubernetes.io/instance`.
   *
   * @param name the application's name, such as `image-processor`: a label value (at most 63 letters, digits,
   * '-', '_' and '.', starting and ending with a letter or digit)
   */
  public static of(name: string, options: IdentityOptions = {}): Identity {
    const instance = options.instance ?? name;
    checkValue('Identity.of()', Identity.NAME_LABEL, name);
    if (options.instance !== undefined) checkValue('Identity.of()', Identity.INSTANCE_LABEL, instance);
    return new Identity('Identity.of()', { [Identity.NAME_LABEL]: name, [Identity.INSTANCE_LABEL]: instance });
  }

  /**
   * An identity made of labels you name, such as `{ app: 'MyApp' }` in the Kubernetes documentation.
   *
   * @param labels at least one label
   */
  public static fromLabels(labels: { [key: string]: string }): Identity {
    return new Identity('Identity.fromLabels()', { ...labels });
  }

  private readonly _labels: { [key: string]: string };

  private constructor(where: string, labels: { [key: string]: string }) {
    if (Object.keys(labels).length === 0) {
      throw invalidValue(where, 'labels', {}, 'an identity needs at least one label: an empty selector would select every pod in the namespace',
        "name one, such as Identity.fromLabels({ app: 'my-app' })");
    }
    for (const [key, value] of Object.entries(labels)) {
      const keyProblems = isQualifiedName(key);
      if (keyProblems.length > 0) {
        throw invalidValue(where, 'labels', key, `label key ${keyProblems.join('; ')}`, 'use a key such as app or example.com/app');
      }
      checkValue(where, key, value);
    }
    this._labels = labels;
  }

  /**
   * The identity's labels (a copy).
   */
  public get labels(): { [key: string]: string } {
    return { ...this._labels };
  }

  /**
   * A narrower identity: this one's labels plus `labels`. Use it for workloads that share an identity but must not
   * share pods, such as a stable and a canary Deployment behind one Service (`track: stable`, `track: canary`).
   *
   * @param labels labels to add; a key this identity already has must keep its value
   */
  public withLabels(labels: { [key: string]: string }): Identity {
    for (const [key, value] of Object.entries(labels)) {
      const current = this._labels[key];
      if (current !== undefined && current !== value) {
        throw invalidValue('Identity.withLabels()', key, value,
          `cannot change identity label '${key}' from '${current}': it is what existing selectors match`, "add a new key (such as 'track') instead");
      }
    }
    return new Identity('Identity.withLabels()', { ...this._labels, ...labels });
  }
}

/**
 * A label value of an identity: valid, and not empty (an empty value selects pods that carry the key with no value).
 */
function checkValue(where: string, key: string, value: string): void {
  if (typeof value !== 'string' || value === '') {
    throw invalidValue(where, key, value, 'an identity label needs a non-empty value', "use the application's name, such as 'image-processor'");
  }
  const problems = isValidLabelValue(value);
  if (problems.length > 0) {
    const suggestion = nameFromId(value);
    throw invalidValue(where, key, value, problems.join('; '), suggestion ? `use a value such as '${suggestion}'` : 'use lowercase words joined by hyphens');
  }
}
