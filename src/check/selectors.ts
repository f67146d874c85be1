// Label selector matching, as the API server and the controllers evaluate selectors: one place for the workload
// rules, the pod index and the linkage rules.
import { asArray, asStringMap, isObject } from './json';

/**
 * The operators of a LabelSelector's matchExpressions.
 *
 * @internal
 */
export const SELECTOR_OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * Whether a map selector (a Service's `spec.selector`, or a LabelSelector's `matchLabels`) selects pods with these
 * labels.
 *
 * @internal
 */
export function mapSelectorMatches(selector: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>): boolean {
  for (const key in selector) {
    if (labels[key] !== selector[key]) return false;
  }
  return true;
}

/**
 * Whether a LabelSelector (matchLabels and matchExpressions, as written) selects pods with these labels. A selector
 * that is not an object, or an expression with an unknown operator, selects nothing.
 *
 * @internal
 */
export function labelSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isObject(selector)) return false;
  if (!mapSelectorMatches(asStringMap(selector.matchLabels), labels)) return false;
  for (const expr of asArray(selector.matchExpressions)) {
    if (!isObject(expr)) return false;
    const has = Object.prototype.hasOwnProperty.call(labels, expr.key);
    const values = asArray(expr.values);
    switch (expr.operator) {
      case 'In': if (!has || !values.includes(labels[expr.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[expr.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/**
 * Whether a LabelSelector is empty (no matchLabels, no matchExpressions): it selects every pod of its namespace.
 *
 * @internal
 */
export function isEmptySelector(selector: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(asStringMap(selector.matchLabels)).length === 0 && asArray(selector.matchExpressions).length === 0;
}
