import { ApiObject, Duration, JsonPatch } from 'cdk8s';
import { Protocol } from 'cdk8s-plus-27';
import {
  AppValidation, Backend, ClusterIPService, ContainerPort, Deployment, Identity, IpFamily, IpFamilyPolicy, SessionAffinity,
  TrafficPolicy,
} from '../src';
import { find, newChart, synth, validationErrors, views } from './util';

function web(chart: any, ports: ContainerPort[] = [ContainerPort.tcp(8080, { name: 'http' })]) {
  return new Deployment(chart, 'WebApp', { identity: Identity.of('web'), metadata: { name: 'web' }, containers: [{ image: 'registry.example.com/web:1', ports }] });
}

describe('ClusterIPService', () => {
  test('reproduces the Kubernetes docs example exactly', () => {
    const { chart } = newChart();
    const port = ContainerPort.tcp(9376);
    const myApp = new Deployment(chart, 'MyApp', {
      identity: Identity.fromLabels({ app: 'MyApp' }),
      containers: [{ image: 'registry.example.com/my-app:1', ports: [port] }],
    });
    new ClusterIPService(chart, 'MyService', {
      metadata: { name: 'my-service' },
      backend: Backend.fromWorkload(myApp),
      ports: [{ port: 80, targetPort: port }],
    });
    expect(find(synth(chart), 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-service' },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'MyApp' },
        ports: [{ protocol: 'TCP', port: 80, targetPort: 9376 }],
      },
    });
  });

  test('a named container port renders targetPort by name, with its name and protocol', () => {
    const { chart } = newChart();
    const http = ContainerPort.tcp(8080, { name: 'http' });
    new ClusterIPService(chart, 'Web', { backend: Backend.fromWorkload(web(chart, [http])), ports: [{ port: 80, targetPort: http }] });
    const svc = find(synth(chart), 'Service');
    expect(svc.metadata.name).toBe('web');
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    expect(svc.spec.selector).toEqual(Identity.of('web').labels);
  });

  test('targetPort defaults to port, as in Kubernetes', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', { backend: Backend.fromWorkload(web(chart, [ContainerPort.tcp(80)])), ports: [{ port: 80 }] });
    expect(find(synth(chart), 'Service').spec.ports).toEqual([{ port: 80, targetPort: 80, protocol: 'TCP' }]);
  });

  test('without ports, exposes every container port of the backend', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart, [ContainerPort.tcp(8080, { name: 'http' }), ContainerPort.udp(5353, { name: 'dns' })])),
    });
    expect(find(synth(chart), 'Service').spec.ports).toEqual([
      { name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' },
      { name: 'dns', port: 5353, targetPort: 'dns', protocol: 'UDP' },
    ]);
  });

  test('multi-port with per-port protocols and addPort after construction', () => {
    const { chart } = newChart();
    const dns = ContainerPort.udp(5353, { name: 'dns' });
    const dnsTcp = ContainerPort.tcp(5353, { name: 'dns-tcp' });
    const svc = new ClusterIPService(chart, 'Dns', { backend: Backend.fromWorkload(web(chart, [dns, dnsTcp])), ports: [{ port: 53, targetPort: dns }] });
    svc.addPort({ port: 53, targetPort: dnsTcp, appProtocol: 'dns' });
    expect(find(synth(chart), 'Service').spec.ports).toEqual([
      { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, targetPort: 'dns-tcp', protocol: 'TCP', appProtocol: 'dns' },
    ]);
    expect(svc.servicePorts).toHaveLength(2);
  });

  test('renders the ClusterIP fields', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart)),
      ports: [{ port: 80, targetPort: ContainerPort.tcp(8080, { name: 'http' }) }],
      sessionAffinity: SessionAffinity.clientIP({ timeout: Duration.minutes(30) }),
      internalTrafficPolicy: TrafficPolicy.LOCAL,
      publishNotReadyAddresses: true,
      ipFamilies: [IpFamily.IPV4, IpFamily.IPV6],
      ipFamilyPolicy: IpFamilyPolicy.REQUIRE_DUAL_STACK,
      clusterIP: '10.96.0.20',
      clusterIPs: ['10.96.0.20', 'fd00::20'],
      metadata: { labels: { team: 'web' }, annotations: { 'example.com/owner': 'web-team' } },
    });
    const svc = find(synth(chart), 'Service');
    expect(svc.metadata.labels).toEqual({ team: 'web' });
    expect(svc.metadata.annotations).toEqual({ 'example.com/owner': 'web-team' });
    expect(svc.spec).toMatchObject({
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 1800 } },
      internalTrafficPolicy: 'Local',
      publishNotReadyAddresses: true,
      ipFamilies: ['IPv4', 'IPv6'],
      ipFamilyPolicy: 'RequireDualStack',
      clusterIP: '10.96.0.20',
      clusterIPs: ['10.96.0.20', 'fd00::20'],
    });
  });

  test('no empty noise: no externalIPs: [], no selector: {}, no sessionAffinityConfig without a timeout', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart)),
      externalIPs: [],
      ipFamilies: [],
      sessionAffinity: SessionAffinity.clientIP(),
    });
    const spec = find(synth(chart), 'Service').spec;
    expect(spec).not.toHaveProperty('externalIPs');
    expect(spec).not.toHaveProperty('ipFamilies');
    expect(spec).not.toHaveProperty('sessionAffinityConfig');
    expect(spec.sessionAffinity).toBe('ClientIP');
  });

  test('warns about externalIPs (CVE-2020-8554) without failing synth', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', { backend: Backend.fromWorkload(web(chart)), externalIPs: ['203.0.113.10'] });
    const spec = find(synth(chart), 'Service').spec;
    expect(spec.externalIPs).toEqual(['203.0.113.10']);
    const warnings = AppValidation.findings(chart).filter(f => f.severity === 'warning');
    expect(warnings).toEqual([expect.objectContaining({ rule: 'service-external-ips-risk', path: 'test/Web', field: 'spec.externalIPs' })]);
    expect(warnings[0].message).toContain('CVE-2020-8554');
  });

  test('fails when a port is out of range, with construct path, field, value and rule', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', { backend: Backend.fromWorkload(web(chart)), ports: [{ port: 0 }, { port: 65536, name: 'high' }] });
    expect(validationErrors(chart)).toEqual(expect.arrayContaining([
      '[test/Web] spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive [service-port-number]',
      '[test/Web] spec.ports[1].port: Invalid value: 65536: must be between 1 and 65535, inclusive [service-port-number]',
      '[test/Web] spec.ports[0].name: Required value: every port of a multi-port Service needs a name [service-port-name]',
    ]));
  });

  test('fails when ports share a name or port and protocol', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart, [ContainerPort.tcp(80)])),
      ports: [{ port: 80, name: 'web' }, { port: 80, name: 'web' }, { port: 80, name: 'udp', protocol: Protocol.UDP }],
    });
    const errors = validationErrors(chart);
    expect(errors).toContain('[test/Web] spec.ports[1].name: Duplicate value: "web": port names must be unique within a Service [service-port-name]');
    expect(errors).toContain('[test/Web] spec.ports[1]: Duplicate value: {"port":80,"protocol":"TCP"}: another port of this Service has the same port and protocol [service-port-duplicate]');
    expect(errors.filter(e => e.includes('spec.ports[2]'))).toEqual([]);
  });

  test('fails when the Service name is not a DNS-1035 label', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', { metadata: { name: '1web' }, backend: Backend.fromWorkload(web(chart)) });
    expect(validationErrors(chart)).toContainEqual(expect.stringMatching(
      /^\[test\/Web\] metadata\.name: Invalid value: "1web": a DNS-1035 label must consist of .* \[object-name\]$/));
  });

  test('fails when a port protocol contradicts its target container port', () => {
    const { chart } = newChart();
    const dns = ContainerPort.udp(53, { name: 'dns' });
    const backend = Backend.fromWorkload(web(chart, [dns]));
    expect(() => new ClusterIPService(chart, 'Dns', { backend, ports: [{ port: 53, targetPort: dns, protocol: Protocol.TCP }] })).toThrow(
      '[test/Dns] ports[0].protocol: Invalid value: "TCP": differs from the protocol of targetPort dns 53/UDP; leave protocol out: it comes from the target');
    const svc = new ClusterIPService(chart, 'Dns2', { backend, ports: [] });
    expect(() => svc.addPort({ port: 53, targetPort: dns, protocol: Protocol.SCTP })).toThrow(
      '[test/Dns2] addPort() port.protocol: Invalid value: "SCTP": differs from the protocol of targetPort dns 53/UDP');
  });

  test('fails when the named target port is not exposed by the selected workload', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart)),
      ports: [{ port: 80, targetPort: ContainerPort.tcp(9090, { name: 'metrics' }) }],
    });
    // one mistake, one finding: the reference check names the object; the manifest rule's finding on the same field goes
    expect(validationErrors(chart)).toEqual([
      '[test/Web] spec.ports[0].targetPort: targetPort metrics (TCP) names no container port of the backend test/WebApp, which declares http 8080/TCP; declare a port named metrics in its container, or target one it declares [service-port-backend]',
    ]);
  });

  test('fails when the named target port is exposed with another protocol', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart, [ContainerPort.udp(8080, { name: 'http' })])),
      ports: [{ port: 80, targetPort: ContainerPort.tcp(8080, { name: 'http' }) }],
    });
    expect(validationErrors(chart)).toEqual([
      "[test/Web] spec.ports[0].targetPort: targetPort http is a UDP port of the backend test/WebApp, not TCP; target PortName.udp('http'), or declare it over TCP [service-port-backend]",
    ]);
  });

  test('fails when a target port object is not the one the backend declares: another number under the same name', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart)),
      ports: [{ port: 80, targetPort: ContainerPort.tcp(9999, { name: 'http' }) }],
    });
    // the rendered targetPort (http) would reach port 8080, not 9999: only the reference check can tell
    expect(validationErrors(chart)).toEqual([
      "[test/Web] spec.ports[0].targetPort: targetPort http 9999/TCP is a ContainerPort object no backend declares (they declare http at 8080); target the ContainerPort object a backend's container declares, or PortName.tcp('http') to target the name [service-port-backend]",
    ]);
  });

  test('fails when the ClientIP timeout is out of range or not whole seconds', () => {
    expect(() => SessionAffinity.clientIP({ timeout: Duration.days(2) }))
      .toThrow('SessionAffinity.clientIP() timeout: Invalid value: 172800: must be a whole number of seconds from 1 to 86400 (1 day), as the API server requires; use Duration.seconds(n) or Duration.hours(n) within that range');
    expect(() => SessionAffinity.clientIP({ timeout: Duration.millis(1500) })).toThrow('timeout: Invalid value: 1.5: must be a whole number');
    expect(SessionAffinity.clientIP({ timeout: Duration.days(1) }).timeoutSeconds).toBe(86400);
  });

  test('explicit empty ports mean no ports: none are derived from the backend', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', { backend: Backend.fromWorkload(web(chart)), ports: [] });
    expect(validationErrors(chart)).toEqual([
      '[test/Web] spec.ports: Required value: a ClusterIP Service needs at least one port; only headless (clusterIP: None) and ExternalName Services may have none [service-ports-required]',
    ]);
  });

  test('fails when clusterIPs disagree with clusterIP or hold two IPs of one family', () => {
    const { chart } = newChart();
    new ClusterIPService(chart, 'Web', { backend: Backend.fromWorkload(web(chart)), clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.2', '10.96.0.3'], ipFamilyPolicy: IpFamilyPolicy.PREFER_DUAL_STACK });
    expect(validationErrors(chart)).toEqual([
      '[test/Web] spec.clusterIPs: Invalid value: ["10.96.0.2","10.96.0.3"]: first value must match `clusterIP` [service-cluster-ip]',
      '[test/Web] spec.clusterIPs: Invalid value: ["10.96.0.2","10.96.0.3"]: may specify no more than one IP for each IP family [service-cluster-ip]',
    ]);
  });

  test('the view the checker reads equals what the Service renders, until a JSON patch', () => {
    const { chart } = newChart({ namespace: 'shop' });
    const svc = new ClusterIPService(chart, 'Web', {
      backend: Backend.fromWorkload(web(chart)),
      ports: [{ port: 80, targetPort: ContainerPort.tcp(8080, { name: 'http' }), appProtocol: 'http' }],
      sessionAffinity: SessionAffinity.clientIP({ timeout: Duration.minutes(5) }),
      externalIPs: [],
      metadata: { annotations: { a: 'b' } },
    });
    const { own, rendered } = views(svc);
    expect(own).toEqual(rendered);
    expect(own.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' }]);
    ApiObject.of(svc).addJsonPatch(JsonPatch.add('/spec/ports/0/port', 0));
    expect(views(svc).own).toBeUndefined();
    expect(validationErrors(chart)).toContain('[test/Web] spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive [service-port-number]');
  });
});
