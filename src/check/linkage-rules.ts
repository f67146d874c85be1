import {
  PodTemplate, SELECTING_WORKLOAD_KINDS, SERVING_KINDS, groupOf, isCheckedKind, labelSelectorMatches, mapSelectorMatches,
} from './pod-template';
import { CheckedObject, Report, asArray, asStringMap, duplicate, isObject, show } from './report';
import { EXTERNAL_BACKEND_ANNOTATION, defaultServicePort } from './service-rules';

interface IndexedTemplate {
  readonly obj: CheckedObject;
  readonly template: PodTemplate;
}

/**
 * Pod templates by namespace and by `key=value` label, so that finding the templates a selector matches costs
 * the size of the smallest matching posting list, not the size of the app.
 */
class TemplateIndex {
  private readonly byNamespace = new Map<string, Map<string, IndexedTemplate[]>>();

  public add(entry: IndexedTemplate): void {
    let byLabel = this.byNamespace.get(entry.obj.scope);
    if (!byLabel) {
      byLabel = new Map();
      this.byNamespace.set(entry.obj.scope, byLabel);
    }
    const labels = entry.template.labels;
    for (const k in labels) {
      const key = `${k}=${labels[k]}`;
      const list = byLabel.get(key);
      if (list) list.push(entry); else byLabel.set(key, [entry]);
    }
  }

  /**
   * The templates whose labels a map selector matches. An empty selector selects nothing here: a Service without
   * a selector has no automatic endpoints.
   */
  public select(namespace: string, selector: Record<string, string>): IndexedTemplate[] {
    const byLabel = this.byNamespace.get(namespace);
    const keys = Object.keys(selector);
    if (!byLabel || keys.length === 0) return [];
    let smallest: IndexedTemplate[] | undefined;
    for (const k of keys) {
      const value = selector[k];
      if (typeof value !== 'string') return [];
      const list = byLabel.get(`${k}=${value}`);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return smallest!.filter(e => mapSelectorMatches(selector, e.template.labels));
  }
}


/**
 * Rules across objects: duplicate objects, and Services against the pod templates they select.
 *
 * @internal
 */
export function checkLinkage(objects: readonly CheckedObject[], report: Report): void {
  const seen = new Map<string, CheckedObject>();
  const index = new TemplateIndex();
  const services: CheckedObject[] = [];
  for (const obj of objects) {
    if (obj.name !== '') {
      // by group, so that one object served under two versions counts once
      const key = `${groupOf(obj.manifest.apiVersion) ?? ''}/${obj.kind}/${obj.scope}/${obj.name}`;
      const first = seen.get(key);
      if (first) {
        report.add(obj, 'object-duplicate', 'metadata.name', duplicate(obj.name,
          `an earlier ${obj.kind} is also named "${obj.name}" in namespace "${obj.scope}"; give one of them another metadata.name`));
      } else {
        seen.set(key, obj);
      }
    }
    if (!isCheckedKind(obj.kind, obj.manifest.apiVersion)) continue;
    if (obj.kind === 'Service') {
      services.push(obj);
      continue;
    }
    if (obj.template) index.add({ obj, template: obj.template });
  }
  for (const svc of services) {
    checkServiceBackends(svc, index, report);
  }
  checkOverlappingWorkloads(objects, index, report);
}

/**
 * Two controllers whose selectors match each other's pods fight over them (a ReplicaSet also adopts matching bare
 * Pods). Candidates come from the index by the selector's matchLabels, then the full selector is evaluated.
 */
function checkOverlappingWorkloads(objects: readonly CheckedObject[], index: TemplateIndex, report: Report): void {
  for (const obj of objects) {
    if (!SELECTING_WORKLOAD_KINDS.has(obj.kind) || !isCheckedKind(obj.kind, obj.manifest.apiVersion)) continue;
    const selector = obj.manifest?.spec?.selector;
    if (!isObject(selector)) continue;
    const matchLabels = asStringMap(selector.matchLabels) as Record<string, string>;
    if (Object.keys(matchLabels).length === 0) continue;
    const ownLabels = obj.template?.labels ?? {};
    for (const other of index.select(obj.scope, matchLabels)) {
      // Job and CronJob pods carry their Job's controller reference, so no other controller adopts them
      if (other.obj === obj || !SERVING_KINDS.has(other.obj.kind) || !labelSelectorMatches(selector, other.template.labels)) continue;
      // report each pair once, on the later object, unless only this direction overlaps
      const mutual = SELECTING_WORKLOAD_KINDS.has(other.obj.kind) && labelSelectorMatches(other.obj.manifest?.spec?.selector, ownLabels);
      if (mutual && other.obj.index > obj.index) continue;
      report.add(obj, 'workload-selector-overlap', 'spec.selector',
        `selector ${show(matchLabels)} also matches the pods of ${other.obj.kind} "${other.obj.name}"; two controllers would fight over those pods. Add a label that tells them apart (such as track: canary) to one workload's selector and pod labels`);
    }
  }
}

function checkServiceBackends(svc: CheckedObject, index: TemplateIndex, report: Report): void {
  const spec = asStringMap(svc.manifest.spec);
  const rawSelector = spec.selector;
  const hasSelector = isObject(rawSelector) && Object.keys(rawSelector).length > 0;
  if (spec.type === 'ExternalName') {
    if (hasSelector) {
      report.add(svc, 'service-external-name-selector', 'spec.selector',
        'an ExternalName Service proxies nothing, so its selector selects no endpoints; remove the selector, or make it a ClusterIP Service');
    }
    return;
  }
  if (!hasSelector) return;
  const selector = rawSelector as Record<string, string>;
  const annotations = asStringMap(asStringMap(svc.manifest.metadata).annotations);
  const external = annotations[EXTERNAL_BACKEND_ANNOTATION] === 'external';
  const matched = index.select(svc.scope, selector);
  if (matched.length === 0) {
    if (!external) {
      const where = `in namespace "${svc.scope}"`;
      report.add(svc, 'service-selects-nothing', 'spec.selector',
        `selector ${show(selector)} matches no pod template ${where}; fix the selector or the workload labels, or mark the Service with the annotation ${EXTERNAL_BACKEND_ANNOTATION}: external if its pods are defined elsewhere`);
    }
    return;
  }
  // ports are checked against pods that serve while they run; EndpointSlices pass over Job pods lacking a port
  const selected = matched.filter(e => SERVING_KINDS.has(e.obj.kind));
  asArray(spec.ports).map(defaultServicePort).forEach((p, i) => {
    if (!isObject(p)) return;
    const protocol = p.protocol;
    const target = p.targetPort;
    if (typeof target === 'number') {
      for (const { obj, template } of selected) {
        if (!template.ports.some(d => d.containerPort === target && d.protocol === protocol)) {
          report.add(svc, 'service-target-port-declared', `spec.ports[${i}].targetPort`,
            `targetPort ${target}/${protocol} is not declared as a containerPort by ${obj.kind} "${obj.name}", which this Service selects; declare the port (and name it, to target it by name)`);
        }
      }
      return;
    }
    if (typeof target !== 'string') return;
    const name = target;
    for (const { obj, template } of selected) {
      const declared = template.ports.filter(d => d.name === name);
      const what = `${obj.kind} "${obj.name}"`;
      if (declared.length === 0) {
        const names = template.ports.filter(d => d.name).map(d => `${d.name} (${d.protocol})`);
        report.add(svc, 'service-target-port-exposed', `spec.ports[${i}].targetPort`,
          `named targetPort "${name}" is not exposed by ${what}, which this Service selects; its container ports are ${names.length ? names.join(', ') : 'unnamed or absent'}. Name a container port "${name}" or target one of those`);
      } else if (!declared.some(d => d.protocol === protocol)) {
        report.add(svc, 'service-target-port-exposed', `spec.ports[${i}].targetPort`,
          `named targetPort "${name}" is exposed by ${what} with protocol ${declared[0].protocol}, but the Service port uses ${protocol}; make the protocols agree`);
      }
    }
  });
}
