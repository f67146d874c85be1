// The spec view (check/contract.ts `WorkloadSpecView`) of this library's workloads, from the cdk8s-plus-27 model
// their rendering reads (`_toKube()` of kplus.Deployment, StatefulSet and DaemonSet), without rendering them.
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { WorkloadKind, WorkloadSpecView } from './check/contract';
import { NO_SPEC } from './check/workload-spec-views';

/**
 * The spec fields the workload spec rules read, as the workload renders them.
 *
 * @internal
 */
export function workloadSpecView(workload: kplus.Workload, kind: WorkloadKind): WorkloadSpecView {
  if (kind === 'Deployment') {
    const deployment = workload as kplus.Deployment;
    return {
      ...NO_SPEC,
      // cdk8s-plus renders 2 replicas by default, and none when an autoscaler owns the count
      replicas: deployment.hasAutoscaler ? undefined : deployment.replicas ?? 2,
      minReadySeconds: deployment.minReady.toSeconds(),
      progressDeadlineSeconds: deployment.progressDeadline.toSeconds(),
      strategy: deploymentStrategy(deployment.strategy._toKube()),
    };
  }
  if (kind === 'StatefulSet') {
    const statefulSet = workload as kplus.StatefulSet;
    return {
      ...NO_SPEC,
      replicas: statefulSet.hasAutoscaler ? undefined : statefulSet.replicas ?? 1,
      minReadySeconds: statefulSet.minReady.toSeconds(),
      podManagementPolicy: statefulSet.podManagementPolicy,
      updateStrategy: statefulSetStrategy(statefulSet.strategy._toKube()),
    };
  }
  if (kind === 'DaemonSet') return { ...NO_SPEC, minReadySeconds: (workload as kplus.DaemonSet).minReadySeconds };
  return NO_SPEC;
}

/** A Deployment strategy as it renders: its IntOrString values as their numbers or strings. */
function deploymentStrategy(strategy: k8s.DeploymentStrategy): unknown {
  const ru = strategy.rollingUpdate;
  return {
    type: strategy.type,
    rollingUpdate: ru && { maxSurge: ru.maxSurge?.value, maxUnavailable: ru.maxUnavailable?.value },
  };
}

/** A StatefulSet update strategy as it renders. */
function statefulSetStrategy(strategy: k8s.StatefulSetUpdateStrategy): unknown {
  const ru = strategy.rollingUpdate;
  return {
    type: strategy.type,
    rollingUpdate: ru && { partition: ru.partition, maxUnavailable: ru.maxUnavailable?.value },
  };
}
