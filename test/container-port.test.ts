import { Protocol } from 'cdk8s-plus-27';
import { ContainerPort } from '../src';

describe('ContainerPort', () => {
  test.each([
    [ContainerPort.tcp(80), Protocol.TCP],
    [ContainerPort.udp(53), Protocol.UDP],
    [ContainerPort.sctp(9999), Protocol.SCTP],
  ])('factories set the protocol: %s', (port, protocol) => {
    expect(port.protocol).toBe(protocol);
  });

  test('carries name, hostPort and hostIp', () => {
    const p = ContainerPort.tcp(8080, { name: 'http', hostPort: 80, hostIp: '10.0.0.1' });
    expect(p).toMatchObject({ number: 8080, name: 'http', hostPort: 80, hostIp: '10.0.0.1', protocol: 'TCP' });
    expect(p.toString()).toBe('http 8080/TCP');
    expect(ContainerPort.udp(53).toString()).toBe('53/UDP');
  });

  test.each([1, 65535])('accepts port %d', n => {
    expect(ContainerPort.tcp(n).number).toBe(n);
  });

  test.each([0, 65536, -1, 80.5])('fails when the number is %d', n => {
    expect(() => ContainerPort.tcp(n)).toThrow(`ContainerPort.tcp() number: Invalid value: ${n}: must be between 1 and 65535, inclusive`);
  });

  test('accepts a 15-character name and fails on 16', () => {
    expect(ContainerPort.tcp(80, { name: 'a'.repeat(15) }).name).toBe('a'.repeat(15));
    expect(() => ContainerPort.tcp(80, { name: 'a'.repeat(16) })).toThrow('ContainerPort.tcp() name: Invalid value: "aaaaaaaaaaaaaaaa": must be no more than 15 characters (a container port name is an IANA_SVC_NAME); use a short name such as \'http\' or \'metrics\'');
  });

  test.each([
    ['HTTP', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
    ['8080', 'must contain at least one letter (a-z)'],
    ['my--port', 'must not contain consecutive hyphens'],
    ['-http', 'must not begin or end with a hyphen'],
  ])('fails when the name is %s', (name, message) => {
    expect(() => ContainerPort.tcp(80, { name })).toThrow(message);
  });

  test('reports every problem at once', () => {
    expect(() => ContainerPort.tcp(0, { name: 'Bad', hostPort: 70000 }))
      .toThrow(/^ContainerPort\.tcp\(\) has 3 problems:\n  number: Invalid value: 0: .*\n  name: Invalid value: "Bad": .*\n  hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive$/);
  });
});
