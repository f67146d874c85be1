// The labels Kubernetes puts on pods beyond those of their template, in one place: a Service may select them (a
// per-pod Service of a StatefulSet selects `statefulset.kubernetes.io/pod-name`; the headless Service of an
// Indexed Job selects `job-name`), so the linkage rules count them as present. From the 1.27 source; the rows
// marked 1.28 are accepted too, since a selector written for a newer cluster is not wrong.
import type { ControllerSettingsView, WorkloadKind } from './contract';
import { isObject } from './json';

/**
 * What decides the value of a label the controller adds, for one workload.
 *
 * @internal
 */
export interface LabelledWorkload {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly controller: ControllerSettingsView;
}

/**
 * A label a controller (or the API server, for a Job) adds to every pod of a workload, and the values it can take.
 */
interface ControllerLabel {
  readonly key: string;
  readonly kinds: readonly WorkloadKind[];
  /** Whether the label can have this value on a pod of this workload. */
  readonly accepts: (workload: LabelledWorkload, value: string) => boolean;
  /** For a label whose value embeds the workload's name: the names of the workloads a value can come from. */
  readonly workloadNames?: (value: string) => string[];
  /** Where it is set in the Kubernetes source, and since when. */
  readonly source: string;
}

const DIGITS = /^(0|[1-9][0-9]*)$/;

/** Any value: a hash or a UID the cluster picks. */
const anyValue = () => true;

/** A StatefulSet's pod names are `<name>-<ordinal>`, ordinals from `spec.ordinals.start` (0 by default) up. */
function isPodName(w: LabelledWorkload, value: string): boolean {
  if (!value.startsWith(`${w.name}-`)) return false;
  return isOrdinal(w, value.slice(w.name.length + 1));
}

function isOrdinal(w: LabelledWorkload, value: string): boolean {
  if (!DIGITS.test(value)) return false;
  const start = typeof w.controller.ordinalsStart === 'number' ? w.controller.ordinalsStart : 0;
  return Number(value) >= start;
}

/** The name of the Job a pod belongs to: the Job's own, or for a CronJob `<cronjob>-<scheduled minute>`. */
function isJobName(w: LabelledWorkload, value: string): boolean {
  if (w.controller.manualSelector === true) return false;
  if (w.kind === 'Job') return value === w.name;
  return value.startsWith(`${w.name}-`) && DIGITS.test(value.slice(w.name.length + 1));
}

/** The API server adds the Job labels to the template unless the Job selects its pods itself. */
function generatedJobSelector(w: LabelledWorkload): boolean {
  return w.controller.manualSelector !== true;
}

const CONTROLLER_LABELS: readonly ControllerLabel[] = [
  {
    key: 'statefulset.kubernetes.io/pod-name',
    kinds: ['StatefulSet'],
    accepts: isPodName,
    workloadNames: value => [value.replace(/-[0-9]+$/, '')],
    source: 'pkg/controller/statefulset/stateful_set_utils.go updateIdentity',
  },
  {
    key: 'apps.kubernetes.io/pod-index',
    kinds: ['StatefulSet'],
    accepts: isOrdinal,
    source: 'pkg/controller/statefulset/stateful_set_utils.go updateIdentity (1.28+, PodIndexLabel)',
  },
  {
    key: 'controller-revision-hash',
    kinds: ['StatefulSet', 'DaemonSet'],
    // a StatefulSet's is its ControllerRevision's name, `<name>-<hash>`; a DaemonSet's is the hash alone
    accepts: (w, value) => w.kind === 'DaemonSet' || value.startsWith(`${w.name}-`),
    source: 'pkg/controller/statefulset/stateful_set_utils.go setPodRevision; pkg/controller/daemon/util CreatePodTemplate',
  },
  {
    key: 'pod-template-generation',
    kinds: ['DaemonSet'],
    accepts: (_w, value) => DIGITS.test(value),
    source: 'pkg/controller/daemon/util/daemonset_util.go CreatePodTemplate',
  },
  {
    key: 'pod-template-hash',
    kinds: ['Deployment'],
    accepts: anyValue,
    source: 'pkg/controller/deployment/sync.go getNewReplicaSet',
  },
  ...['job-name', 'batch.kubernetes.io/job-name'].map((key): ControllerLabel => ({
    key,
    kinds: ['Job', 'CronJob'],
    accepts: isJobName,
    // a Job's own name, or the CronJob's before `-<scheduled minute>`
    workloadNames: value => [value, value.replace(/-[0-9]+$/, '')],
    source: 'pkg/registry/batch/job/strategy.go generateSelector (batch.kubernetes.io/ keys 1.27+); pkg/controller/cronjob getJobFromTemplate2',
  })),
  ...['controller-uid', 'batch.kubernetes.io/controller-uid'].map((key): ControllerLabel => ({
    key,
    kinds: ['Job', 'CronJob'],
    accepts: generatedJobSelector,
    source: 'pkg/registry/batch/job/strategy.go generateSelector (batch.kubernetes.io/ keys 1.27+)',
  })),
  {
    key: 'batch.kubernetes.io/job-completion-index',
    kinds: ['Job', 'CronJob'],
    accepts: (w, value) => w.controller.completionMode === 'Indexed' && DIGITS.test(value),
    source: 'pkg/controller/job/indexed_job_utils.go addCompletionIndexLabel (1.28+, PodIndexLabel)',
  },
];

const BY_KEY: ReadonlyMap<string, readonly ControllerLabel[]> = CONTROLLER_LABELS.reduce((map, label) => {
  map.set(label.key, [...map.get(label.key) ?? [], label]);
  return map;
}, new Map<string, ControllerLabel[]>());

/**
 * Whether a key is one that some controller puts on the pods it creates.
 *
 * @internal
 */
export function isControllerLabel(key: string): boolean {
  return BY_KEY.has(key);
}

/**
 * Whether the pods of this workload carry this label with this value because their controller adds it.
 *
 * @internal
 */
export function controllerAddsLabel(workload: LabelledWorkload, key: string, value: string): boolean {
  for (const label of BY_KEY.get(key) ?? []) {
    if (label.kinds.includes(workload.kind) && label.accepts(workload, value)) return true;
  }
  return false;
}

/**
 * The names of the workloads whose pods can carry this label value, for a label whose value names its workload
 * (a StatefulSet's pod name, a Job's name); undefined for the others.
 *
 * @internal
 */
export function workloadsNamedBy(key: string, value: string): string[] | undefined {
  for (const label of BY_KEY.get(key) ?? []) {
    if (label.workloadNames) return label.workloadNames(value);
  }
  return undefined;
}

/**
 * The controller labels, for the documentation: key, kinds and where the source sets them.
 *
 * @internal
 */
export function controllerLabels(): ReadonlyArray<{ readonly key: string; readonly kinds: readonly WorkloadKind[]; readonly source: string }> {
  return CONTROLLER_LABELS.map(({ key, kinds, source }) => ({ key, kinds, source }));
}

/**
 * The spec fields of a manifest that decide the labels its controller adds.
 *
 * @internal
 */
export function decodeControllerSettings(kind: WorkloadKind, spec: unknown): ControllerSettingsView {
  const s = isObject(spec) ? spec : {};
  if (kind === 'StatefulSet') return { ordinalsStart: isObject(s.ordinals) ? s.ordinals.start : undefined, manualSelector: undefined, completionMode: undefined };
  const job = kind === 'CronJob' ? jobSpecOfCronJob(s) : kind === 'Job' ? s : undefined;
  if (job) return { ordinalsStart: undefined, manualSelector: job.manualSelector, completionMode: job.completionMode };
  return NO_SETTINGS;
}

function jobSpecOfCronJob(spec: Record<string, any>): Record<string, any> {
  const template = isObject(spec.jobTemplate) ? spec.jobTemplate : {};
  return isObject(template.spec) ? template.spec : {};
}

/**
 * The settings of a workload whose controller labels depend on none.
 *
 * @internal
 */
export const NO_SETTINGS: ControllerSettingsView = { ordinalsStart: undefined, manualSelector: undefined, completionMode: undefined };
