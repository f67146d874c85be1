// Object metadata rules: `ValidateObjectMeta` and the label and annotation validators, for every kind the checker
// knows.
import { invalid, required } from './contract';
import { Severity } from './finding';
import { isObject } from './json';
import type { CheckedObject, ObjectRef, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue } from './validators';

const { CORE, META } = SOURCES;
const E = Severity.ERROR;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const METADATA_RULES = {
  'object-api-version': rule(E, M, 'a kind the checker knows is written under the apiVersion Kubernetes 1.27 serves (apps/v1 for Deployments, batch/v1 for CronJobs, discovery.k8s.io/v1 for EndpointSlices): kubectl finds no resource for a removed version', 'k8s.io/kubernetes pkg/controlplane/instance.go (the group versions served); kubectl RESTMapper'),
  'object-name': rule(E, M, 'metadata.name is required and has the syntax its kind demands (DNS-1035 label for a Service, DNS-1123 subdomain for workloads)', `${META} ValidateObjectMeta; ${CORE} ValidateServiceName`),
  'object-namespace': rule(E, M, 'metadata.namespace, when set, is a DNS-1123 label', `${META} ValidateObjectMeta (ValidateNamespaceName)`),
  'object-labels': rule(E, M, 'label keys are qualified names and label values are valid label values', `${META} ValidateLabels`),
  'object-annotations': rule(E, M, 'annotation keys are qualified names (lowercased), all annotations total at most 256 KiB (UTF-8), and a Service\'s topology-mode annotation agrees with topology-aware-hints', `${META} ValidateAnnotations; ${CORE} ValidateService`),
};

/** `TotalAnnotationSizeLimitB` in apimachinery. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/**
 * `ValidateLabels`: every key a qualified name, every value a label value.
 *
 * @param rule the rule the labels fall under (object labels, a selector, ...)
 * @internal
 */
export function checkLabels(obj: ObjectRef, report: Report, ruleId: 'object-labels' | 'service-selector' | 'workload-selector', labels: unknown, field: string): void {
  if (labels === undefined || labels === null) return;
  if (!isObject(labels)) {
    report.add(obj, ruleId, field, invalid(labels, 'must be a map of label keys to string values'));
    return;
  }
  // for-in, not Object.entries: this runs for every label of every object, and pair arrays add up
  for (const key in labels) {
    const value = labels[key];
    for (const msg of isQualifiedName(key)) {
      report.add(obj, ruleId, field, invalid(key, msg));
    }
    if (typeof value !== 'string') {
      report.add(obj, ruleId, field, invalid(value, `the value of '${key}' must be a string; quote numbers and booleans in YAML`));
      continue;
    }
    for (const msg of isValidLabelValue(value)) {
      report.add(obj, ruleId, field, invalid(value, msg));
    }
  }
}

/**
 * `ValidateObjectMeta` for a namespaced object: name, namespace, labels and annotations.
 *
 * @param nameRule the name validator of the kind (DNS-1035 label for a Service, DNS-1123 subdomain for most others)
 * @internal
 */
export function checkObjectMeta(obj: CheckedObject, report: Report, nameRule: (name: string) => string[]): void {
  const meta = obj.view.metadata;
  const name = meta.name;
  const generateName = meta.generateName;
  if (typeof name !== 'string' || name.length === 0) {
    if (typeof generateName === 'string' && generateName.length > 0) {
      // the server appends a random suffix: the prefix is checked with a trailing dash masked (maskTrailingDash)
      const masked = generateName.endsWith('-') ? generateName.slice(0, -2) + 'a' : generateName;
      for (const msg of nameRule(masked)) {
        report.add(obj, 'object-name', 'metadata.generateName', invalid(generateName, msg));
      }
    } else {
      report.add(obj, 'object-name', 'metadata.name', required('name or generateName is required'));
    }
  } else {
    for (const msg of nameRule(name)) {
      report.add(obj, 'object-name', 'metadata.name', invalid(name, msg));
    }
  }
  const namespace = meta.namespace;
  if (namespace !== undefined && namespace !== '') {
    const msgs = typeof namespace === 'string' ? isDns1123Label(namespace) : ['must be a string'];
    for (const msg of msgs) {
      report.add(obj, 'object-namespace', 'metadata.namespace', invalid(namespace, msg));
    }
  }
  checkLabels(obj, report, 'object-labels', meta.labels, 'metadata.labels');
  checkAnnotations(obj, report, meta.annotations, 'metadata.annotations');
}

/**
 * `ValidateAnnotations`: keys are qualified names (checked lowercased) and the total size is at most 256 KiB.
 *
 * @internal
 */
export function checkAnnotations(obj: ObjectRef, report: Report, annotations: unknown, field: string): void {
  if (annotations === undefined || annotations === null) return;
  if (!isObject(annotations)) {
    report.add(obj, 'object-annotations', field, invalid(annotations, 'must be a map of string keys to string values'));
    return;
  }
  let total = 0;
  for (const key in annotations) {
    const value = annotations[key];
    for (const msg of isQualifiedName(key.toLowerCase())) {
      report.add(obj, 'object-annotations', field, invalid(key, msg));
    }
    if (typeof value !== 'string') {
      report.add(obj, 'object-annotations', field, invalid(value, `the value of '${key}' must be a string; quote numbers and booleans in YAML`));
      continue;
    }
    total += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    report.add(obj, 'object-annotations', field, `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`);
  }
}

/**
 * `ValidateObjectMeta` name rule for kinds named by DNS-1123 subdomains.
 *
 * @internal
 */
export const subdomainName = isDns1123Subdomain;
