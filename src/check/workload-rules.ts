// The rules for a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController)
// or a Pod that concern Services: metadata, the selector against the template labels, and container ports.
import { ContainerPortView, duplicate, invalid, notSupported, required, text } from './contract';
import { Severity } from './finding';
import { asArray, isObject } from './json';
import { LABEL_SELECTOR_KINDS } from './manifest-views';
import { checkAnnotations, checkLabels, checkObjectMeta, subdomainName } from './metadata-rules';
import { checkPodSpec } from './pod-spec-rules';
import type { CheckedWorkload, Report } from './report';
import { RuleScope, SOURCES, rule } from './rule';
import { SELECTOR_OPERATORS, labelSelectorMatches } from './selectors';
import { isInteger, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from './validators';

const { APPS, CORE, META } = SOURCES;
const E = Severity.ERROR;
const M = RuleScope.MANIFEST;

/**
 * The rules of this family.
 *
 * @internal
 */
export const WORKLOAD_RULES = {
  'workload-selector': rule(E, M, 'a Deployment/StatefulSet/DaemonSet/ReplicaSet has a non-empty selector that matches its pod template labels', `${APPS} ValidateDeploymentSpec; ${META} ValidateLabelSelector`),
  'container-port-name': rule(E, M, 'container port names are IANA_SVC_NAMEs (at most 15 characters) and unique in the container', `${CORE} validateContainerPorts`),
  'container-port-number': rule(E, M, 'containerPort and hostPort are 1-65535; a hostPort is used once per protocol and host IP in the pod; with hostNetwork containerPort equals hostPort', `${CORE} validateContainerPorts, AccumulateUniqueHostPorts, validateHostNetwork`),
  'container-port-protocol': rule(E, M, 'container port protocols are TCP, UDP or SCTP', `${CORE} validateContainerPorts`),
};

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/**
 * The workload rules for one object with a readable pod template.
 *
 * @param minor the minor version of the target Kubernetes 1.x
 * @internal
 */
export function checkWorkload(obj: CheckedWorkload, report: Report, minor: number): void {
  const template = obj.view.template;
  if (!template) return;
  checkObjectMeta(obj, report, subdomainName);
  checkNameLength(obj, report);
  const prefix = template.path ? `${template.path}.` : '';
  if (template.path) {
    // ValidatePodTemplateSpec reports template labels and annotations at `<template>.labels`, without `metadata`
    checkLabels(obj, report, 'object-labels', template.labels, `${template.path}.labels`);
    checkAnnotations(obj, report, template.annotations, `${template.path}.annotations`);
  }
  if (LABEL_SELECTOR_KINDS.has(obj.kind)) {
    checkSelector(obj, report, obj.pods?.labels ?? {}, template.path);
  }
  checkPodSpec(obj, report, template, minor);
  const hostPorts = new Set<string>();
  const hostNetwork = template.spec.hostNetwork === true;
  template.spec.containers.forEach((c, ci) => {
    if (!c) return;
    const field = `${prefix}spec.containers[${ci}].ports`;
    checkContainerPorts(obj, report, c.ports, field);
    checkHostPorts(obj, report, c.ports, field, hostPorts, hostNetwork);
  });
  // init containers: the same port rules; their host ports are checked one container at a time
  template.spec.initContainers.forEach((c, ci) => {
    if (!c) return;
    const field = `${prefix}spec.initContainers[${ci}].ports`;
    checkContainerPorts(obj, report, c.ports, field);
    checkHostPorts(obj, report, c.ports, field, new Set(), hostNetwork);
  });
}

/**
 * `ValidateDeploymentSpec` (and its StatefulSet, DaemonSet and ReplicaSet siblings): a selector is required, is a
 * valid `LabelSelector`, is not empty, and matches the template labels.
 */
function checkSelector(obj: CheckedWorkload, report: Report, templateLabels: Record<string, string>, templatePath: string): void {
  const selector = obj.view.selector;
  const kind = obj.kind.toLowerCase();
  if (selector === undefined || selector === null) {
    report.add(obj, 'workload-selector', 'spec.selector', required(`a ${obj.kind} needs a selector that matches its pod template labels`));
    // a nil selector selects nothing, so it does not match the template either
    report.add(obj, 'workload-selector', `${templatePath}.metadata.labels`, invalid(templateLabels, '`selector` does not match template `labels`'));
    return;
  }
  if (!isObject(selector)) {
    report.add(obj, 'workload-selector', 'spec.selector', invalid(selector, 'must be a label selector with matchLabels and/or matchExpressions'));
    return;
  }
  checkLabels(obj, report, 'workload-selector', selector.matchLabels, 'spec.selector.matchLabels');
  const expressions = asArray(selector.matchExpressions);
  let convertible = true;
  expressions.forEach((expr, i) => {
    const path = `spec.selector.matchExpressions[${i}]`;
    if (!isObject(expr)) {
      report.add(obj, 'workload-selector', path, invalid(expr, 'must be an object with key, operator and values'));
      return;
    }
    for (const msg of typeof expr.key === 'string' ? isQualifiedName(expr.key) : ['must be a string']) {
      report.add(obj, 'workload-selector', `${path}.key`, invalid(expr.key, msg));
    }
    const values = asArray(expr.values);
    values.forEach((v, j) => {
      const msgs = typeof v === 'string' ? isValidLabelValue(v) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'workload-selector', `${path}.values[${j}]`, invalid(v, msg));
    });
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) report.add(obj, 'workload-selector', `${path}.values`, required('must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) report.add(obj, 'workload-selector', `${path}.values`, 'Forbidden: may not be specified when `operator` is \'Exists\' or \'DoesNotExist\'');
    } else {
      report.add(obj, 'workload-selector', `${path}.operator`, invalid(expr.operator, `not a valid selector operator (${SELECTOR_OPERATORS.join(', ')})`));
      convertible = false;
    }
  });
  const matchLabelCount = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  if (matchLabelCount + expressions.length === 0) {
    report.add(obj, 'workload-selector', 'spec.selector', invalid(selector, `empty selector is invalid for ${kind}`));
    return;
  }
  if (!convertible) {
    // LabelSelectorAsSelector fails, and the template is not matched against it
    report.add(obj, 'workload-selector', 'spec.selector', invalid(selector, 'invalid label selector'));
    return;
  }
  if (!labelSelectorMatches(selector, templateLabels)) {
    report.add(obj, 'workload-selector', `${templatePath}.metadata.labels`, invalid(templateLabels, '`selector` does not match template `labels`'));
  }
}

/**
 * `validateContainerPorts`: names are IANA_SVC_NAMEs and unique in the container, containerPort and hostPort
 * 1-65535, protocol TCP, UDP or SCTP.
 */
function checkContainerPorts(obj: CheckedWorkload, report: Report, ports: ReadonlyArray<ContainerPortView | undefined>, field: string): void {
  const names = new Set<unknown>();
  ports.forEach((p, i) => {
    if (!p) return;
    const path = `${field}[${i}]`;
    if (p.name !== undefined && p.name !== '') {
      const msgs = typeof p.name === 'string' ? isValidPortName(p.name) : ['must be a string'];
      for (const msg of msgs) report.add(obj, 'container-port-name', `${path}.name`, invalid(p.name, msg));
      if (msgs.length === 0) {
        if (names.has(p.name)) report.add(obj, 'container-port-name', `${path}.name`, duplicate(p.name));
        names.add(p.name);
      }
    }
    if (p.containerPort === undefined || p.containerPort === 0) {
      report.add(obj, 'container-port-number', `${path}.containerPort`, required());
    } else {
      for (const msg of isInteger(p.containerPort) ? isValidPortNum(p.containerPort) : ['must be an integer']) {
        report.add(obj, 'container-port-number', `${path}.containerPort`, invalid(p.containerPort, msg));
      }
    }
    if (p.hostPort !== undefined && p.hostPort !== 0) {
      for (const msg of isInteger(p.hostPort) ? isValidPortNum(p.hostPort) : ['must be an integer']) {
        report.add(obj, 'container-port-number', `${path}.hostPort`, invalid(p.hostPort, msg));
      }
    }
    const protocol = p.protocol === undefined || p.protocol === null || p.protocol === '' ? 'TCP' : p.protocol;
    if (!PROTOCOLS.includes(protocol as string)) {
      report.add(obj, 'container-port-protocol', `${path}.protocol`, notSupported(protocol, PROTOCOLS));
    }
  });
}

/**
 * `AccumulateUniqueHostPorts` (a protocol/hostIP/hostPort is used once in the pod) and `validateHostNetwork`
 * (with hostNetwork, containerPort equals hostPort; defaulting fills an absent hostPort with containerPort).
 */
function checkHostPorts(
  obj: CheckedWorkload, report: Report, ports: ReadonlyArray<ContainerPortView | undefined>, field: string, seen: Set<string>, hostNetwork: boolean,
): void {
  ports.forEach((p, i) => {
    if (!p) return;
    const hostPort = hostNetwork && (p.hostPort === undefined || p.hostPort === 0) ? p.containerPort : p.hostPort;
    if (hostPort === undefined || hostPort === 0) return;
    if (hostNetwork && p.hostPort !== undefined && p.hostPort !== 0 && p.containerPort !== p.hostPort) {
      report.add(obj, 'container-port-number', `${field}[${i}].containerPort`, invalid(p.containerPort, 'must match `hostPort` when `hostNetwork` is true'));
    }
    const protocol = p.protocol === undefined || p.protocol === null || p.protocol === '' ? 'TCP' : p.protocol;
    const key = `${text(protocol)}/${text(p.hostIP ?? '')}/${text(hostPort)}`;
    if (seen.has(key)) {
      report.add(obj, 'container-port-number', `${field}[${i}].hostPort`, duplicate(key, 'another container port of this pod already uses this host port'));
    }
    seen.add(key);
  });
}

/**
 * `ValidateCronJobCreate` keeps CronJob names to 52 characters (11 are left for the Job suffix), and a Job's name
 * becomes its pods' `job-name` label, a label value of at most 63 characters.
 */
function checkNameLength(obj: CheckedWorkload, report: Report): void {
  const limit = obj.kind === 'CronJob' ? 52 : obj.kind === 'Job' ? 63 : undefined;
  if (limit !== undefined && obj.name.length > limit) {
    const why = obj.kind === 'CronJob' ? 'the Jobs it creates add an 11-character suffix' : 'it becomes the job-name label of its pods';
    report.add(obj, 'object-name', 'metadata.name', invalid(obj.name, `must be no more than ${limit} characters (${why})`));
  }
}
