import { ApiObject, JsonPatch } from 'cdk8s';
import { AddressType, Backend, ClusterIPService, ContainerPort, Deployment, Endpoint, EndpointSlice, HeadlessService, Identity, ManifestChecker, PortName } from '../src';
import { find, newChart, synth, validationErrors } from './util';

function legacy(chart: any) {
  return new ClusterIPService(chart, 'LegacyBilling', {
    backend: Backend.manualEndpoints(),
    ports: [{ name: 'http', port: 80, targetPort: ContainerPort.tcp(8080) }, { name: 'admin', port: 9000 }],
  });
}

describe('Services without a selector, fed by EndpointSlices', () => {
  test('the Service renders no selector, and addEndpoints writes a labelled slice whose ports match the Service\'s', () => {
    const { chart } = newChart({ namespace: 'billing' });
    const svc = legacy(chart);
    const [slice] = svc.addEndpoints([Endpoint.ipv4('10.20.0.15', { ready: true }), Endpoint.ipv4('10.20.0.16', { ready: false, hostname: 'b' })]);
    expect(slice).toBeInstanceOf(EndpointSlice);
    const manifests = synth(chart);
    expect(find(manifests, 'Service').spec).toEqual({
      type: 'ClusterIP',
      ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, { name: 'admin', port: 9000, targetPort: 9000, protocol: 'TCP' }],
    });
    expect(find(manifests, 'EndpointSlice')).toEqual({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'legacy-billing-ipv4-1',
        namespace: 'billing',
        labels: { 'kubernetes.io/service-name': 'legacy-billing', 'endpointslice.kubernetes.io/managed-by': 'cdk8s-services' },
      },
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.20.0.15'], conditions: { ready: true } },
        { addresses: ['10.20.0.16'], conditions: { ready: false }, hostname: 'b' },
      ],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'admin', port: 9000, protocol: 'TCP' }],
    });
    expect(new ManifestChecker().check(manifests)).toEqual([]);
  });

  test('ports added later reach the slices, which are rendered at synth', () => {
    const { chart } = newChart();
    const svc = legacy(chart);
    svc.addEndpoints([Endpoint.ipv4('10.20.0.15')]);
    svc.addPort({ name: 'metrics', port: 9100 });
    expect(find(synth(chart), 'EndpointSlice').ports.map((p: any) => p.name)).toEqual(['http', 'admin', 'metrics']);
  });

  test('splits endpoints over slices of one address type each, at most maxEndpointsPerSlice each', () => {
    const { chart } = newChart();
    const svc = legacy(chart);
    const v4 = Array.from({ length: 250 }, (_, i) => Endpoint.ipv4(`10.20.${Math.floor(i / 200)}.${i % 200 + 1}`));
    const slices = svc.addEndpoints([...v4, Endpoint.ipv6('2001:db8::15')]);
    expect(slices.map(s => [s.name, s.addressType])).toEqual([
      ['legacy-billing-ipv4-1', AddressType.IPV4], ['legacy-billing-ipv4-2', AddressType.IPV4], ['legacy-billing-ipv4-3', AddressType.IPV4], ['legacy-billing-ipv6-1', AddressType.IPV6],
    ]);
    const manifests = synth(chart);
    expect(manifests.filter(m => m.kind === 'EndpointSlice').map(m => m.endpoints.length)).toEqual([100, 100, 50, 1]);
    // a second call continues the numbering
    expect(svc.addEndpoints([Endpoint.ipv4('10.30.0.1')], { maxEndpointsPerSlice: 1000 }).map(s => s.name)).toEqual(['legacy-billing-ipv4-4']);
  });

  test('fails at once on a bad address, a bad limit, a Service with a selector, or a port name as the target', () => {
    expect(() => Endpoint.ipv4('2001:db8::1')).toThrow('Endpoint.ipv4() address: Invalid value: "2001:db8::1": must be a valid IPv4 address');
    expect(() => Endpoint.ipv4('127.0.0.1')).toThrow('Endpoint.ipv4() address: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)');
    expect(() => Endpoint.fqdn('legacy')).toThrow('should be a domain with at least two segments separated by dots');
    expect(() => Endpoint.ipv4('10.0.0.1', { hostname: 'Host_1' })).toThrow('Endpoint.ipv4() hostname: Invalid value: "Host_1"');
    const { chart } = newChart();
    const svc = legacy(chart);
    expect(() => svc.addEndpoints([], { maxEndpointsPerSlice: 1001 })).toThrow('[test/LegacyBilling] addEndpoints() maxEndpointsPerSlice: Invalid value: 1001: must be a whole number from 1 to 1000');
    const web = new Deployment(chart, 'Web', { identity: Identity.of('web'), containers: [{ image: 'registry.example.com/web:1', portNumber: 80 }] });
    const selecting = new ClusterIPService(chart, 'WebService', { backend: Backend.fromWorkload(web), ports: [{ port: 80 }] });
    expect(() => selecting.addEndpoints([Endpoint.ipv4('10.0.0.1')])).toThrow('[test/WebService] addEndpoints() endpoints: Forbidden: this Service has a selector');
    expect(() => new HeadlessService(chart, 'Named', { backend: Backend.manualEndpoints(), ports: [{ port: 80, targetPort: PortName.tcp('http') }] }))
      .toThrow('[test/Named] ports[0].targetPort: Invalid value: "http/TCP": a Service without a selector forwards to the numbers its EndpointSlices list');
  });

  test('the checker reports a slice whose port does not match the Service\'s, as a finding on the slice', () => {
    const { chart } = newChart();
    const svc = legacy(chart);
    const [slice] = svc.addEndpoints([Endpoint.ipv4('10.20.0.15')]);
    ApiObject.of(slice).addJsonPatch(JsonPatch.replace('/ports/0/name', 'web'));
    expect(validationErrors(chart)).toEqual([
      expect.stringMatching(/^\[test\/LegacyBilling\/EndpointSlice-ipv4-1\] ports\[0\]\.name: Invalid value: "web": Service "legacy-billing" has no port of this name \(its ports: "http", "admin"\)/),
    ]);
  });
});
