// The pod spec a workload of this library hands the checker (volumes, mounts, init containers, restart and DNS
// policies) is what it renders, and the pod spec rules read it at synth.
import * as kplus from 'cdk8s-plus-27';
import { Deployment, Identity, StatefulSet } from '../src';
import { newChart, validationErrors, views } from './util';

describe('pod spec views', () => {
  test('volumes, mounts, init containers and DNS settings are viewed as they render', () => {
    const { chart } = newChart();
    const config = kplus.ConfigMap.fromConfigMapName(chart, 'Config', 'web-config');
    const d = new Deployment(chart, 'Web', {
      identity: Identity.of('web'),
      containers: [{ image: 'registry.example.com/web:1' }],
      initContainers: [{ image: 'registry.example.com/migrate:1', name: 'migrate' }],
      dns: { policy: kplus.DnsPolicy.NONE, nameservers: ['10.0.0.10'], searches: ['svc.example.com'] },
    });
    const cache = kplus.Volume.fromEmptyDir(chart, 'Cache', 'cache');
    d.containers[0].mount('/cache', cache);
    d.initContainers[0].mount('/config', kplus.Volume.fromConfigMap(chart, 'ConfigVolume', config, { name: 'config' }));
    d.addVolume(kplus.Volume.fromEmptyDir(chart, 'Scratch', 'scratch'));
    // the same volume mounted twice renders once
    d.containers[0].mount('/cache-again', cache);
    const { own, rendered } = views(d);
    expect(own).toEqual(rendered);
    expect(own.template.spec.volumes.map((v: any) => v.name)).toEqual(['cache', 'config', 'scratch']);
    expect(own.template.spec.dnsConfig).toEqual({ nameservers: ['10.0.0.10'] });
    expect(validationErrors(chart)).toEqual([]);
  });

  test('a StatefulSet with lifecycle hooks and probes is viewed as it renders', () => {
    const { chart } = newChart();
    const s = new StatefulSet(chart, 'Db', {
      identity: Identity.of('db'),
      containers: [{
        image: 'registry.example.com/db:1',
        portNumber: 5432,
        readiness: kplus.Probe.fromTcpSocket(),
        lifecycle: { preStop: kplus.Handler.fromCommand(['stop']) },
      }],
    });
    const { own, rendered } = views(s);
    expect(own).toEqual(rendered);
    expect(own.template.spec.containers[0].lifecycleAndProbes).toEqual(['lifecycle', 'readinessProbe', 'startupProbe']);
  });

  test('fails when an init container has a port, which gives it a startup probe the API server refuses', () => {
    const { chart } = newChart();
    new Deployment(chart, 'Web', {
      identity: Identity.of('web'),
      containers: [{ image: 'registry.example.com/web:1' }],
      initContainers: [{ image: 'registry.example.com/migrate:1', name: 'migrate', portNumber: 9000 }],
    });
    expect(validationErrors(chart)).toContainEqual(expect.stringMatching(
      /spec\.template\.spec\.initContainers\[0\]\.startupProbe: Forbidden: may not be set for init containers.*\[init-container-fields\]/,
    ));
  });
});
