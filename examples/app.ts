// The example app: the Services of the Kubernetes "Service" concepts page, as a platform team would declare them.
// README.md shows the regions marked `#region <name>`; a test checks that the README matches them.
// #region imports
import { App, Chart, ChartProps, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  Backend, ClusterIPService, ContainerPort, DefaultDenyPolicy, Deployment, Endpoint, ExternalNameService, HeadlessService, Identity,
  IpFamilyPolicy, LoadBalancerService, NetworkPeer, NodePortService, PortName, SessionAffinity, StatefulSet, TrafficPolicy,
} from '../src';
// #endregion

/**
 * The Kubernetes documentation's first example, reproduced exactly: Service `my-service` selects `app: MyApp` and
 * forwards TCP 80 to port 9376.
 */
export class DocsExampleChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    // #region docs-example
    const port = ContainerPort.tcp(9376); // unnamed: the Service targets it by number
    const myApp = new Deployment(this, 'MyApp', {
      identity: Identity.fromLabels({ app: 'MyApp' }),
      containers: [{ image: 'registry.example.com/my-app:1.0.0', ports: [port] }],
    });

    new ClusterIPService(this, 'MyService', {
      metadata: { name: 'my-service' },
      backend: Backend.fromWorkload(myApp),
      ports: [{ port: 80, targetPort: port }],
    });
    // #endregion
  }
}

/**
 * An image-processing backend with 3 replicas behind a ClusterIP Service, the frontend that calls it by its DNS name
 * behind a LoadBalancer, an admin UI on a NodePort, and a resizer rolling out from v1 to v2, which moved its port.
 */
export class ImageProcessingChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const version = { 'app.kubernetes.io/version': '2.4.1' };

    // #region cluster-ip
    const http = ContainerPort.tcp(8080, { name: 'http' });
    const backend = new Deployment(this, 'ImageProcessor', {
      identity: Identity.of('image-processor'),
      labels: version, // on the Deployment and its pods, never in a selector
      replicas: 3,
      containers: [{
        image: 'registry.example.com/image-processor:2.4.1',
        ports: [http],
        readiness: kplus.Probe.fromHttpGet('/healthz', { port: http.number }),
      }],
    });

    const imageProcessor = new ClusterIPService(this, 'ImageProcessorService', {
      metadata: { name: 'image-processor' },
      backend: Backend.fromWorkload(backend),
      ports: [{ port: 80, targetPort: http }], // renders targetPort: http
    });
    // #endregion

    // #region load-balancer
    const web = ContainerPort.tcp(3000, { name: 'web' });
    const frontend = new Deployment(this, 'Frontend', {
      identity: Identity.of('frontend'),
      labels: version,
      replicas: 2,
      containers: [{
        image: 'registry.example.com/frontend:2.4.1',
        ports: [web],
        // http://image-processor.images.svc.cluster.local:80: the backend's name, whichever pods serve it
        envVariables: { IMAGE_PROCESSOR_URL: imageProcessor.urlEnvValue() },
      }],
    });

    new LoadBalancerService(this, 'FrontendService', {
      metadata: {
        name: 'frontend',
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
      },
      backend: Backend.fromWorkload(frontend),
      ports: [{ port: 443, targetPort: web, appProtocol: 'https' }],
      externalTrafficPolicy: TrafficPolicy.LOCAL, // keep client source IPs
      loadBalancerSourceRanges: ['203.0.113.0/24', '198.51.100.0/24'],
    });
    // #endregion

    // #region network-policy
    // only the frontend reaches the image processor, on the container port its Service port 80 targets: http (8080)
    imageProcessor.allowFrom(NetworkPeer.workload(frontend));
    // #endregion

    // #region node-port
    const admin = ContainerPort.tcp(8081, { name: 'admin' });
    const adminUI = new Deployment(this, 'AdminUI', {
      identity: Identity.of('image-admin'),
      labels: version,
      containers: [{ image: 'registry.example.com/image-admin:2.4.1', ports: [admin] }],
    });

    new NodePortService(this, 'AdminUIService', {
      metadata: { name: 'image-admin' },
      backend: Backend.fromWorkload(adminUI),
      ports: [{ port: 80, targetPort: admin, nodePort: 30081 }],
      sessionAffinity: SessionAffinity.clientIP({ timeout: Duration.hours(1) }),
    });
    // #endregion

    // #region rollout
    const resizer = Identity.of('image-resizer');
    const resize = PortName.tcp('resize'); // the name both versions declare
    const v1 = new Deployment(this, 'ResizerV1', {
      identity: resizer.withLabels({ track: 'v1' }),
      replicas: 2,
      containers: [{ image: 'registry.example.com/image-resizer:1.9.0', ports: [resize.port(8080)] }],
    });
    const v2 = new Deployment(this, 'ResizerV2', {
      identity: resizer.withLabels({ track: 'v2' }),
      replicas: 1,
      containers: [{ image: 'registry.example.com/image-resizer:2.0.0', ports: [resize.port(9090)] }], // v2 moved its port
    });

    // pods of both versions behind one Service: targetPort is the name, which each pod maps to its own number
    new ClusterIPService(this, 'ResizerService', {
      metadata: { name: 'image-resizer' },
      backend: Backend.fromWorkloads([v1, v2]),
      ports: [{ port: 80, targetPort: resize }],
    });
    // #endregion
  }
}

/**
 * Thumbnail workers that the frontend's gRPC client balances across itself, found through a headless Service; a
 * PostgreSQL StatefulSet governed by its headless Service; a cdk8s-plus-27 cache behind a ClusterIP Service; an
 * outside database reached through an ExternalName Service; and a legacy billing backend outside the cluster, reached
 * by IP through a Service without a selector.
 */
export class DataChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    // #region headless
    const grpc = ContainerPort.tcp(50051, { name: 'grpc' });
    const workers = new Deployment(this, 'ThumbnailWorkers', {
      identity: Identity.of('thumbnail-workers'),
      replicas: 5,
      containers: [{ image: 'registry.example.com/thumbnailer:2.4.1', ports: [grpc] }],
    });

    // DNS returns every ready pod's IP, for client-side load balancing
    new HeadlessService(this, 'ThumbnailWorkersService', {
      metadata: { name: 'thumbnail-workers' },
      backend: Backend.fromWorkload(workers),
      ports: [{ port: 50051, targetPort: grpc, appProtocol: 'kubernetes.io/h2c' }],
    });
    // #endregion

    // #region stateful-set
    const postgres = ContainerPort.tcp(5432, { name: 'postgres' });
    const db = new StatefulSet(this, 'Orders', {
      identity: Identity.of('orders-postgres'),
      replicas: 3,
      containers: [{ image: 'registry.example.com/postgres:16.4', ports: [postgres], securityContext: { user: 999 } }],
      // the governing Service: spec.serviceName is its name; peers find each other before they are ready
      headlessService: { metadata: { name: 'orders-postgres' }, publishNotReadyAddresses: true },
    });
    const primaryHost = db.podDnsName(0); // orders-0.orders-postgres.data.svc.cluster.local

    // clients of any replica
    db.exposeViaClusterIP({ metadata: { name: 'orders-postgres-read' } });
    // #endregion

    // #region cdk8s-plus
    const redis = ContainerPort.tcp(6379, { name: 'redis' });
    const cache = new kplus.Deployment(this, 'Cache', {
      metadata: { name: 'cache' },
      replicas: 2,
      containers: [{ image: 'registry.example.com/redis:7.2', ports: [redis], securityContext: { user: 999 }, envVariables: { PRIMARY_DB: kplus.EnvValue.fromValue(primaryHost) } }],
    });

    new ClusterIPService(this, 'CacheService', {
      metadata: { name: 'cache' },
      backend: Backend.fromWorkload(cache), // any cdk8s-plus-27 workload: the Service selects what it selects
      ports: [{ port: 6379, targetPort: redis }],
    });
    // #endregion

    // #region endpoint-slice
    // a backend outside the cluster, reached by IP: no selector, endpoints written by hand
    const billing = new ClusterIPService(this, 'LegacyBilling', {
      metadata: { name: 'legacy-billing' },
      backend: Backend.manualEndpoints(),
      ports: [{ name: 'http', port: 80, targetPort: ContainerPort.tcp(8080) }],
    });
    billing.addEndpoints([Endpoint.ipv4('10.20.0.15'), Endpoint.ipv4('10.20.0.16', { ready: false })]);
    // #endregion

    // #region external-name
    new ExternalNameService(this, 'OrdersDatabase', {
      metadata: { name: 'orders-db' },
      externalName: 'orders.cluster-abc123.eu-west-1.rds.amazonaws.com',
    });
    // #endregion
  }
}

/**
 * A DNS server on UDP and TCP port 53 plus a metrics port, behind one multi-port Service; and a stable and a canary
 * release of an API behind one Service.
 */
export class NetworkChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    // #region multi-port
    const dnsUdp = ContainerPort.udp(5353, { name: 'dns' });
    const dnsTcp = ContainerPort.tcp(5353, { name: 'dns-tcp' });
    const metrics = ContainerPort.tcp(9153, { name: 'metrics' });
    const dns = new Deployment(this, 'Resolver', {
      identity: Identity.of('resolver'),
      replicas: 2,
      containers: [{ image: 'registry.example.com/resolver:1.11', ports: [dnsUdp, dnsTcp, metrics] }],
    });

    const resolver = new ClusterIPService(this, 'ResolverService', {
      metadata: { name: 'resolver' },
      backend: Backend.fromWorkload(dns),
      ipFamilyPolicy: IpFamilyPolicy.PREFER_DUAL_STACK,
      ports: [
        { port: 53, targetPort: dnsUdp }, // name and protocol come from the container port: dns, UDP
        { port: 53, targetPort: dnsTcp },
        { port: 9153, targetPort: metrics },
      ],
    });
    // #endregion

    // #region canary
    const api = Identity.of('orders-api');
    const apiPort = ContainerPort.tcp(8080, { name: 'http' });
    const stable = new Deployment(this, 'OrdersApiStable', {
      identity: api.withLabels({ track: 'stable' }),
      replicas: 4,
      containers: [{ image: 'registry.example.com/orders-api:3.1.0', ports: [apiPort] }],
    });
    const canary = new Deployment(this, 'OrdersApiCanary', {
      identity: api.withLabels({ track: 'canary' }),
      replicas: 1,
      containers: [{ image: 'registry.example.com/orders-api:3.2.0-rc.1', ports: [apiPort] }],
    });

    // selects what both Deployments share: the orders-api identity, without the track label
    const ordersApi = new ClusterIPService(this, 'OrdersApi', {
      backend: Backend.fromWorkloads([stable, canary]),
      ports: [{ port: 80, targetPort: apiPort }],
    });
    // #endregion

    // #region ingress
    // cdk8s-plus-27's Ingress, with a backend named by our Service and its port object: renders port.name http
    const ingress = new kplus.Ingress(this, 'ApiIngress', {
      metadata: { name: 'api' },
      className: 'nginx',
      tls: [{ hosts: ['api.example.com'], secret: kplus.Secret.fromSecretName(this, 'ApiTls', 'api-example-com-tls') }],
    });
    ingress.addHostRule('api.example.com', '/orders', ordersApi.ingressBackend(ordersApi.findPort('http')), kplus.HttpIngressPathType.PREFIX);
    // #endregion

    // #region default-deny
    // no pod of this namespace receives traffic that a policy below does not allow
    new DefaultDenyPolicy(this, 'DefaultDeny', { egress: false });
    // the ingress controller reaches the orders API; the image-processing pods reach the resolver on UDP and TCP 53,
    // which the policy renders as the container ports behind them: dns (5353/UDP) and dns-tcp (5353/TCP)
    ordersApi.allowFrom(NetworkPeer.namespace('ingress-nginx'));
    resolver.allowFrom(NetworkPeer.namespace('images'), { ports: [resolver.findPort('dns'), resolver.findPort('dns-tcp')] });
    // #endregion
  }
}

/**
 * The whole example app, one chart per YAML file.
 *
 * @param outdir where `synth()` writes (cdk8s-cli sets CDK8S_OUTDIR)
 */
export function buildExampleApp(outdir?: string): App {
  const app = new App({ outdir });
  new DocsExampleChart(app, 'docs-example');
  new ImageProcessingChart(app, 'image-processing', { namespace: 'images' });
  new DataChart(app, 'data', { namespace: 'data' });
  new NetworkChart(app, 'network', { namespace: 'network' });
  return app;
}
