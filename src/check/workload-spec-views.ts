// The spec view of a workload decoded from its manifest (the fields the workload spec rules read, as written), and
// the view of a kind that has none of them. This library's workloads build the same view from their model
// (src/workload-spec-view.ts).
import type { WorkloadKind, WorkloadSpecView } from './contract';
import { asStringMap } from './json';

/**
 * The spec view of a manifest's workload: the fields these rules read, as written.
 *
 * @internal
 */
export function decodeWorkloadSpec(kind: WorkloadKind, raw: unknown): WorkloadSpecView {
  const spec = asStringMap(raw);
  const has = (...kinds: WorkloadKind[]) => kinds.includes(kind);
  const jobSpec = kind === 'Job' ? spec : kind === 'CronJob' ? asStringMap(asStringMap(spec.jobTemplate).spec) : undefined;
  return {
    replicas: has('Deployment', 'StatefulSet', 'ReplicaSet') ? spec.replicas : undefined,
    minReadySeconds: has('Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet') ? spec.minReadySeconds : undefined,
    revisionHistoryLimit: has('Deployment', 'DaemonSet') ? spec.revisionHistoryLimit : undefined,
    progressDeadlineSeconds: has('Deployment') ? spec.progressDeadlineSeconds : undefined,
    strategy: has('Deployment') ? spec.strategy : undefined,
    updateStrategy: has('StatefulSet', 'DaemonSet') ? spec.updateStrategy : undefined,
    podManagementPolicy: has('StatefulSet') ? spec.podManagementPolicy : undefined,
    persistentVolumeClaimRetentionPolicy: has('StatefulSet') ? spec.persistentVolumeClaimRetentionPolicy : undefined,
    job: jobSpec && {
      parallelism: jobSpec.parallelism,
      completions: jobSpec.completions,
      activeDeadlineSeconds: jobSpec.activeDeadlineSeconds,
      backoffLimit: jobSpec.backoffLimit,
      ttlSecondsAfterFinished: jobSpec.ttlSecondsAfterFinished,
      selector: jobSpec.selector,
      podFailurePolicy: jobSpec.podFailurePolicy,
    },
    cronJob: kind === 'CronJob' ? {
      schedule: spec.schedule,
      timeZone: spec.timeZone,
      startingDeadlineSeconds: spec.startingDeadlineSeconds,
      concurrencyPolicy: spec.concurrencyPolicy,
      successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit,
      failedJobsHistoryLimit: spec.failedJobsHistoryLimit,
    } : undefined,
  };
}

/**
 * The spec view of a workload with none of these fields (a Pod, a ReplicationController).
 *
 * @internal
 */
export const NO_SPEC: WorkloadSpecView = {
  replicas: undefined,
  minReadySeconds: undefined,
  revisionHistoryLimit: undefined,
  progressDeadlineSeconds: undefined,
  strategy: undefined,
  updateStrategy: undefined,
  podManagementPolicy: undefined,
  persistentVolumeClaimRetentionPolicy: undefined,
  job: undefined,
  cronJob: undefined,
};
