// The example app: the Services of the Kubernetes "Service" concepts page, as a platform team would declare them.
// README.md shows the regions marked `#region <name>`; a test checks that the README matches them.
// #region imports
import { App, Chart, ChartProps, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  Backend, ClusterIPService, ContainerPort, Deployment, ExternalNameService, HeadlessService, Identity,
  IpFamilyPolicy, LoadBalancerService, NodePortService, SessionAffinity, TrafficPolicy,
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
 * An image-processing backend with 3 replicas behind a ClusterIP Service, the frontend that calls it behind a
 * LoadBalancer, and an admin UI on a NodePort.
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

    new ClusterIPService(this, 'ImageProcessorService', {
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
      containers: [{ image: 'registry.example.com/frontend:2.4.1', ports: [web] }],
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
  }
}

/**
 * Thumbnail workers that the frontend's gRPC client balances across itself, found through a headless Service; a
 * cdk8s-plus-27 StatefulSet behind a ClusterIP Service; and an outside database reached through an ExternalName
 * Service.
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

    // #region cdk8s-plus
    const redis = ContainerPort.tcp(6379, { name: 'redis' });
    const cache = new kplus.StatefulSet(this, 'Cache', {
      metadata: { name: 'cache' },
      replicas: 3,
      containers: [{ image: 'registry.example.com/redis:7.2', ports: [redis], securityContext: { user: 999 } }],
    });

    new ClusterIPService(this, 'CacheService', {
      metadata: { name: 'cache' },
      backend: Backend.fromWorkload(cache), // any cdk8s-plus-27 workload (cdk8s-plus adds the StatefulSet's own headless Service)
      ports: [{ port: 6379, targetPort: redis }],
    });
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

    new ClusterIPService(this, 'ResolverService', {
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
    new ClusterIPService(this, 'OrdersApi', {
      backend: Backend.fromWorkloads([stable, canary]),
      ports: [{ port: 80, targetPort: apiPort }],
    });
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
