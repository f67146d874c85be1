// The workload spec rules on values of the wrong JSON type: the API server refuses them when it decodes the object
// (the decode findings say so), so the spec rules report nothing on them, and never throw. The rules run here on
// decoded views directly, without the engine, which leaves objects that do not decode to the decode findings.
import { container, deployment, merge } from './cases-builders';
import { decodeManifest } from '../../src/check/manifest-views';
import { CheckedWorkload, Report } from '../../src/check/report';
import { checkWorkloadSpec } from '../../src/check/workload-spec-rules';

/** The spec rules' findings on these manifests. */
function specFindings(manifests: any[]): string[] {
  const report = new Report(new Set());
  manifests.forEach((m, index) => {
    const view = decodeManifest(m, () => undefined);
    if (view.view !== 'workload') throw new Error(`${m.kind} is not a workload`);
    const name = typeof view.metadata.name === 'string' ? view.metadata.name : '';
    const obj: CheckedWorkload = { index, view, kind: view.kind, group: undefined, namespace: '', scope: 'default', name };
    checkWorkloadSpec(obj, report, 27);
  });
  return report.findings.map(f => `${f.rule} ${f.field}: ${f.message}`);
}

function job(spec: object): object {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate' },
    spec: merge({ template: { spec: { restartPolicy: 'Never', containers: [container([], 'work')] } } }, spec),
  };
}

function cronJob(spec: object, jobSpec: object): object {
  return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report' }, spec: merge({ schedule: '0 * * * *', jobTemplate: { spec: jobSpec } }, spec) };
}

describe('workload spec rules skip values of the wrong type', () => {
  // integer and IntOrString fields: a string is an IntOrString, which the rules check, so strings go to int fields only
  test.each(['3', true, 1.5, 2 ** 31, { a: 1 }, [1], -1.5].map(v => [JSON.stringify(v), v]))('number fields: %s', (_name, v) => {
    const intOrString = typeof v === 'string' ? undefined : v;
    expect(specFindings([
      deployment({ spec: { replicas: v, minReadySeconds: v, revisionHistoryLimit: v, progressDeadlineSeconds: v } }),
      deployment({ spec: { strategy: { rollingUpdate: { maxSurge: intOrString, maxUnavailable: intOrString } } } }),
      merge(deployment(), { kind: 'StatefulSet', spec: { replicas: v, minReadySeconds: v, updateStrategy: { rollingUpdate: { partition: v } }, ordinals: { start: v } } }),
      merge(deployment({ spec: { replicas: undefined } }), {
        kind: 'DaemonSet',
        spec: {
          minReadySeconds: v, revisionHistoryLimit: v, updateStrategy: { rollingUpdate: { maxSurge: intOrString, maxUnavailable: intOrString } },
        },
      }),
      merge(deployment(), { kind: 'ReplicaSet', spec: { replicas: v, minReadySeconds: v } }),
      job({ parallelism: v, completions: v, activeDeadlineSeconds: v, backoffLimit: v, ttlSecondsAfterFinished: v, completionMode: 'Indexed' }),
      job({ podFailurePolicy: { rules: [{ action: 'Count', onExitCodes: { operator: 'In', values: [v] } }] } }),
      cronJob({ startingDeadlineSeconds: v, successfulJobsHistoryLimit: v, failedJobsHistoryLimit: v }, { parallelism: v, completions: 1 }),
    ])).toEqual([]);
  });

  // string, object and list fields
  test.each([true, 1.5, 3, [1]].map(v => [JSON.stringify(v), v]))('other fields: %s', (_name, v) => {
    expect(specFindings([
      deployment({ spec: { strategy: v } }),
      deployment({ spec: { strategy: { type: v, rollingUpdate: v } } }),
      merge(deployment(), { kind: 'StatefulSet', spec: { podManagementPolicy: v, updateStrategy: v, persistentVolumeClaimRetentionPolicy: v, ordinals: v } }),
      merge(deployment(), {
        kind: 'StatefulSet',
        spec: {
          updateStrategy: { type: v, rollingUpdate: v }, persistentVolumeClaimRetentionPolicy: { whenDeleted: v, whenScaled: v },
        },
      }),
      merge(deployment({ spec: { replicas: undefined } }), { kind: 'DaemonSet', spec: { updateStrategy: v } }),
      merge(deployment({ spec: { replicas: undefined } }), { kind: 'DaemonSet', spec: { updateStrategy: { type: v, rollingUpdate: v } } }),
      job({ completionMode: v, selector: v, podFailurePolicy: v }),
      job({ podFailurePolicy: { rules: v } }),
      job({ podFailurePolicy: { rules: [v, { action: v, onExitCodes: v, onPodConditions: v }] } }),
      job({ podFailurePolicy: { rules: [{ action: 'Count', onExitCodes: { operator: v, containerName: v, values: v } }] } }),
      job({ podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [v, { type: v, status: v }] }] } }),
      cronJob({ schedule: v, timeZone: v, concurrencyPolicy: v }, { completionMode: v }),
      cronJob({ jobTemplate: v }, {}),
      cronJob({ jobTemplate: { spec: v } }, {}),
    ])).toEqual([]);
  });

  test('a spec that is not an object, or absent', () => {
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']) {
      const apiVersion = kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
      for (const spec of [undefined, null, 'x', 3, []]) {
        const findings = specFindings([{ apiVersion, kind, metadata: { name: 'x' }, spec }]);
        expect(findings.filter(f => !f.startsWith('cronjob-spec spec.schedule: Required value'))).toEqual([]);
      }
    }
  });
});
