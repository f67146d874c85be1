import { AppValidation, Backend, ContainerPort, Deployment, Identity, LoadBalancerService, TrafficPolicy } from '../src';
import { find, newChart, synth, validationErrors } from './util';

function frontend(chart: any) {
  const web = ContainerPort.tcp(3000, { name: 'web' });
  const d = new Deployment(chart, 'Frontend', { identity: Identity.of('frontend'), containers: [{ image: 'registry.example.com/frontend:1', ports: [web] }] });
  return { d, web };
}

describe('LoadBalancerService', () => {
  test('renders every LoadBalancer field, cloud annotations included', () => {
    const { chart } = newChart();
    const { d, web } = frontend(chart);
    new LoadBalancerService(chart, 'Public', {
      metadata: { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } },
      backend: Backend.fromWorkload(d),
      ports: [{ port: 443, targetPort: web, nodePort: 30443, appProtocol: 'https' }],
      externalTrafficPolicy: TrafficPolicy.LOCAL,
      healthCheckNodePort: 31000,
      loadBalancerClass: 'service.k8s.aws/nlb',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      allocateLoadBalancerNodePorts: true,
    });
    const svc = find(synth(chart), 'Service');
    expect(svc.metadata).toEqual({ name: 'public', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } });
    expect(svc.spec).toEqual({
      type: 'LoadBalancer',
      selector: Identity.of('frontend').labels,
      ports: [{ name: 'web', port: 443, targetPort: 'web', protocol: 'TCP', nodePort: 30443, appProtocol: 'https' }],
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31000,
      loadBalancerClass: 'service.k8s.aws/nlb',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      allocateLoadBalancerNodePorts: true,
    });
    expect(AppValidation.findings(chart)).toEqual([]);
  });

  test('warns, without failing, when open to every address', () => {
    const { chart } = newChart();
    const { d } = frontend(chart);
    d.exposeViaLoadBalancer();
    expect(find(synth(chart), 'Service').spec.type).toBe('LoadBalancer');
    expect(AppValidation.findings(chart)).toEqual([expect.objectContaining({
      severity: 'warning', rule: 'service-open-load-balancer', path: 'test/Frontend/LoadBalancerService', field: 'spec.loadBalancerSourceRanges',
    })]);
  });

  test('prints warnings on synth, once', () => {
    const { app, chart } = newChart();
    AppValidation.configure(app, {});
    const { d } = frontend(chart);
    d.exposeViaLoadBalancer();
    // through console.warn, so that jest attributes them to the test
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      app.synthYaml();
      app.synthYaml();
      const lines = spy.mock.calls.map(c => String(c[0]));
      expect(lines).toEqual([expect.stringMatching(/^Warning: \[test\/Frontend\/LoadBalancerService\] spec\.loadBalancerSourceRanges: a LoadBalancer Service without loadBalancerSourceRanges .* \[service-open-load-balancer\]$/)]);
    } finally {
      spy.mockRestore();
    }
  });

  test('fails when healthCheckNodePort is set without externalTrafficPolicy Local', () => {
    const { chart } = newChart();
    const { d, web } = frontend(chart);
    new LoadBalancerService(chart, 'Public', {
      backend: Backend.fromWorkload(d), ports: [{ port: 443, targetPort: web }], healthCheckNodePort: 31000, loadBalancerSourceRanges: ['0.0.0.0/0'],
    });
    expect(validationErrors(chart)).toEqual([
      "[test/Public] spec.healthCheckNodePort: Invalid value: 31000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local' [service-health-check-node-port]",
    ]);
  });

  test('fails when a source range is not a CIDR, and when a port is the kubelet port', () => {
    const { chart } = newChart();
    const { d } = frontend(chart);
    new LoadBalancerService(chart, 'Public', {
      backend: Backend.fromWorkload(d), ports: [{ port: 10250 }], loadBalancerSourceRanges: ['203.0.113.0/24', '10.0.0.1', '10.0.0.0/33'],
    });
    expect(validationErrors(chart)).toEqual(expect.arrayContaining([
      '[test/Public] spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet [service-port-number]',
      '[test/Public] spec.LoadBalancerSourceRanges: Invalid value: "[203.0.113.0/24 10.0.0.1 10.0.0.0/33]": must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24; not CIDRs: "10.0.0.1", "10.0.0.0/33" [service-source-ranges]',
    ]));
  });

  test('fails when loadBalancerClass is not a qualified name', () => {
    const { chart } = newChart();
    const { d, web } = frontend(chart);
    new LoadBalancerService(chart, 'Public', {
      backend: Backend.fromWorkload(d), ports: [{ port: 443, targetPort: web }], loadBalancerClass: 'a/b/c', loadBalancerSourceRanges: ['0.0.0.0/0'],
    });
    expect(validationErrors(chart)).toEqual([expect.stringMatching(
      /^\[test\/Public\] spec\.loadBalancerClass: Invalid value: "a\/b\/c": a qualified name must consist of .* \[service-load-balancer-fields\]$/)]);
  });
});
