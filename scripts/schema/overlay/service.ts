// Overlay for service definitions: CreateService input (plus UpdateService's `service` and `forceNewDeployment`,
// and ecspresso's ecs-service-def.json, which leaves out cluster, serviceName and taskDefinition).
import type { DefinitionOverlay, Overlay, PropOverlay } from './types.ts';

type Props = Record<string, PropOverlay>;
const p = (md: string, more: Omit<PropOverlay, 'md'> = {}): PropOverlay => ({ md, ...more });
const def = (about: string, props: Props, more: Omit<DefinitionOverlay, 'about' | 'props'> = {}): DefinitionOverlay => ({ about, props, ...more });

export const SERVICE_ROOT = 'CreateServiceRequest';

export const serviceOverlay: Overlay = {
  CreateServiceRequest: def('Input of ECS CreateService or UpdateService (`--cli-input-json`), or an ecspresso service definition.', {
    cluster: p('Cluster the service runs in: short name or full ARN. Left out, the `default` cluster.'),
    serviceName: p('Name of the service, unique within the cluster: up to 255 letters, digits, `-` and `_`.'),
    taskDefinition: p('Task definition the service runs: `family`, `family:revision` or a full ARN. Without a revision, the latest active one.'),
    availabilityZoneRebalancing: p('Whether ECS moves tasks to even out their spread over Availability Zones.'),
    loadBalancers: p('Target groups (or Classic Load Balancers) that receive traffic for a container port of the service.'),
    serviceRegistries: p('Cloud Map registries the service\'s tasks are registered in for service discovery.'),
    desiredCount: p('Number of tasks to keep running. Leave out for `DAEMON` services.', { minimum: 0 }),
    clientToken: p('Idempotency token: up to 36 ASCII characters, unique per request.'),
    launchType: p('Where the tasks run: `EC2`, `FARGATE`, `EXTERNAL` or `MANAGED_INSTANCES`. Set either this or `capacityProviderStrategy`, not both.'),
    capacityProviderStrategy: p('Capacity providers the tasks are spread over, with `base` and `weight`. Set either this or `launchType`.'),
    platformVersion: p('Fargate platform version (`LATEST`, `1.4.0`, …). Fargate only.'),
    role: p('IAM role ECS uses to register tasks with a load balancer. Not allowed with awsvpc task definitions: ECS then uses its service-linked role.'),
    deploymentConfiguration: p('How a deployment replaces tasks: percentages, circuit breaker, alarms, strategy.'),
    placementConstraints: p('Rules for the container instances tasks may run on (EC2). At most 10 per task.', { maxItems: 10 }),
    placementStrategy: p('How tasks are spread or packed over container instances (EC2). At most 5 rules.', { maxItems: 5 }),
    networkConfiguration: p('Subnets, security groups and public IP setting; required when the task definition uses awsvpc.'),
    healthCheckGracePeriodSeconds: p('Seconds ECS ignores failing load-balancer and container health checks after a task starts.', { minimum: 0 }),
    schedulingStrategy: p('`REPLICA` keeps `desiredCount` tasks; `DAEMON` runs one task per container instance (EC2 only).'),
    deploymentController: p('Who deploys: `ECS` (rolling or blue/green by ECS), `CODE_DEPLOY` or `EXTERNAL`.'),
    tags: p('Labels on the service: up to 50, key up to 128 characters, value up to 256.', { maxItems: 50 }),
    enableECSManagedTags: p('Whether ECS tags the service\'s tasks with the cluster and service names.'),
    propagateTags: p('Copy tags to tasks from the `TASK_DEFINITION` or the `SERVICE`; `NONE` copies nothing.'),
    enableExecuteCommand: p('Whether `aws ecs execute-command` may open a shell in the service\'s containers.'),
    serviceConnectConfiguration: p('ECS Service Connect: names this service\'s ports in a Cloud Map namespace and adds a proxy.'),
    volumeConfigurations: p('Volumes created for each task at launch (Amazon EBS), matched by name to `configuredAtLaunch` volumes.'),
    vpcLatticeConfigurations: p('Amazon VPC Lattice target groups that receive traffic for named container ports.'),
    gatewayConnectors: p('Gateway connectors that route traffic to named container ports of the service.'),
    monitoring: p('Extra CloudWatch metrics collected for the service.'),
    service: p('UpdateService: name or ARN of the service to update (instead of `serviceName`).'),
    forceNewDeployment: p('UpdateService: start a new deployment even when nothing else changed (e.g. to pull a moved image tag).'),
  }, { alsoFrom: 'UpdateServiceRequest' }),
  LoadBalancer: def('A load balancer target for one container port.', {
    targetGroupArn: p('ARN of the Elastic Load Balancing target group (Application, Network or Gateway Load Balancer).'),
    loadBalancerName: p('Name of a Classic Load Balancer; leave out with a target group.'),
    containerName: p('Container (by `name` in the task definition) that receives the traffic.'),
    containerPort: p('Port of that container, as in its `portMappings[].containerPort`.', { minimum: 0, maximum: 65535 }),
    advancedConfiguration: p('Blue/green settings: the alternate target group and listener rules.'),
  }),
  AdvancedConfiguration: def('Blue/green traffic settings for a load balancer.', {
    alternateTargetGroupArn: p('Target group that receives the new revision\'s traffic during a blue/green deployment.'),
    productionListenerRule: p('ARN of the listener rule that serves production traffic.'),
    testListenerRule: p('ARN of the listener rule that serves test traffic.'),
    roleArn: p('IAM role that lets ECS change the load balancer during a deployment.'),
  }),
  ServiceRegistry: def('A Cloud Map registry the tasks are registered in.', {
    registryArn: p('ARN of the Cloud Map service.'),
    port: p('Port for SRV records when the task uses awsvpc.', { minimum: 0, maximum: 65535 }),
    containerName: p('Container (by name) whose port goes into SRV records (bridge or host networking).'),
    containerPort: p('Port of that container for SRV records.', { minimum: 0, maximum: 65535 }),
  }),
  CapacityProviderStrategyItem: def('One capacity provider of a strategy.', {
    capacityProvider: p('Name of the capacity provider (`FARGATE`, `FARGATE_SPOT` or an Auto Scaling group provider).', { required: true }),
    weight: p('Relative share of tasks placed on this provider (0–1000).', { minimum: 0, maximum: 1000 }),
    base: p('Tasks placed on this provider first, before weights apply (0–100000); only one provider may set it.', { minimum: 0, maximum: 100000 }),
  }),
  DeploymentConfiguration: def('How a deployment replaces tasks.', {
    deploymentCircuitBreaker: p('Stops a rolling deployment whose tasks keep failing, and can roll it back.'),
    maximumPercent: p('Upper limit of running tasks during a deployment, as a percentage of `desiredCount`.', { minimum: 0 }),
    minimumHealthyPercent: p('Lower limit of healthy tasks during a deployment, as a percentage of `desiredCount`.', { minimum: 0 }),
    alarms: p('CloudWatch alarms that mark a deployment as failed.'),
    strategy: p('`ROLLING`, `BLUE_GREEN`, `LINEAR` or `CANARY` (ECS deployment controller).'),
    bakeTimeInMinutes: p('Minutes both revisions keep running after traffic shifts, before the old one stops.', { minimum: 0, maximum: 1440 }),
    lifecycleHooks: p('Lambda functions called at deployment stages (blue/green and the like).'),
    linearConfiguration: p('Step size and pause of a `LINEAR` deployment.'),
    canaryConfiguration: p('Canary share and pause of a `CANARY` deployment.'),
    earlySuccessCriteria: p('When a deployment may finish before its bake time.'),
  }),
  DeploymentCircuitBreaker: def('Deployment circuit breaker (rolling deployments).', {
    enable: p('Whether the circuit breaker watches the deployment.', { required: true }),
    rollback: p('Whether a failed deployment goes back to the last completed one.', { required: true }),
    resetOnHealthyTask: p('Whether a healthy task resets the failure count.'),
    thresholdConfiguration: p('How many failed tasks trip the breaker.'),
  }),
  ThresholdConfiguration: def('Failure threshold of the circuit breaker.', {
    type: p('`COUNT` of failed tasks or `PERCENTAGE` of `desiredCount`.', { required: true }),
    value: p('The threshold, in the unit of `type`.', { required: true, minimum: 0 }),
  }),
  DeploymentAlarms: def('Alarms watched during a deployment.', {
    alarmNames: p('Names of the CloudWatch alarms.', { required: true }),
    rollback: p('Whether an alarm in ALARM state rolls the deployment back.', { required: true }),
    enable: p('Whether the alarms are watched.', { required: true }),
  }),
  DeploymentLifecycleHook: def('A hook called at deployment stages.', {
    targetType: p('What the hook calls (`AWS_LAMBDA`).'),
    hookTargetArn: p('ARN of the function to call.'),
    roleArn: p('IAM role ECS uses to call the function.'),
    lifecycleStages: p('Stages at which the hook runs (`PRE_SCALE_UP`, `POST_TEST_TRAFFIC_SHIFT`, …).'),
    hookDetails: p('Free-form data passed to the function.', { anyValue: true }),
    timeoutConfiguration: p('How long ECS waits for the hook, and what it does then.'),
  }),
  DeploymentLifecycleHookTimeoutConfiguration: def('Timeout of a lifecycle hook.', {
    timeoutInMinutes: p('Minutes to wait for the hook.', { minimum: 0 }),
    action: p('What happens when the hook times out.'),
  }),
  LinearConfiguration: def('A linear traffic shift.', {
    stepPercent: p('Share of traffic moved in each step.', { minimum: 0 }),
    stepBakeTimeInMinutes: p('Minutes to wait between steps.', { minimum: 0 }),
  }),
  CanaryConfiguration: def('A canary traffic shift.', {
    canaryPercent: p('Share of traffic sent to the new revision first.', { minimum: 0 }),
    canaryBakeTimeInMinutes: p('Minutes to wait before shifting the rest.', { minimum: 0 }),
  }),
  DeploymentEarlySuccessCriteria: def('When a deployment may finish early.', {
    enable: p('Whether early success applies.', { required: true }),
    healthyPercent: p('Share of healthy new tasks that counts as success.', { minimum: 0 }),
    sourceServiceRevisionCleanup: p('What happens to the old revision\'s tasks.'),
  }),
  PlacementConstraint: def('A placement constraint of a service.', {
    type: p('`distinctInstance` (one task per instance) or `memberOf` (instances matching `expression`).'),
    expression: p('Cluster query language expression for `memberOf`.'),
  }),
  PlacementStrategy: def('A placement strategy rule.', {
    type: p('`random`, `spread` (over `field`) or `binpack` (on `cpu` or `memory`).'),
    field: p('What to spread over (`instanceId`, `attribute:ecs.availability-zone`, …) or pack on (`cpu`, `memory`).'),
  }),
  NetworkConfiguration: def('Network settings of the service\'s tasks.', {
    awsvpcConfiguration: p('Subnets, security groups and public IP of awsvpc tasks.'),
  }),
  AwsVpcConfiguration: def('awsvpc network settings.', {
    subnets: p('Subnet IDs the tasks may use: 1 to 16, all in one VPC.', { required: true, maxItems: 16 }),
    securityGroups: p('Security group IDs (up to 5); left out, the VPC\'s default group.', { maxItems: 5 }),
    assignPublicIp: p('`ENABLED` gives each task a public IP (Fargate in public subnets); default `DISABLED`.'),
  }),
  DeploymentController: def('The deployment controller.', {
    type: p('`ECS`, `CODE_DEPLOY` or `EXTERNAL`.', { required: true }),
  }),
  ServiceConnectConfiguration: def('ECS Service Connect settings.', {
    enabled: p('Whether Service Connect is on for this service.', { required: true }),
    namespace: p('Cloud Map namespace (name or ARN); left out, the cluster\'s default namespace.'),
    services: p('Ports of this service that others reach through Service Connect. Leave out for a client-only service.'),
    logConfiguration: p('Log settings of the Service Connect proxy container.'),
    accessLogConfiguration: p('Access logs of the Service Connect proxy.'),
    containerConfigurations: p('Per-container settings of the Service Connect proxy.'),
  }),
  ServiceConnectService: def('A port published through Service Connect.', {
    portName: p('A `portMappings[].name` of the task definition.', { required: true }),
    discoveryName: p('Name registered in Cloud Map; defaults to `portName`.'),
    clientAliases: p('Names and ports clients use to reach this port.'),
    ingressPortOverride: p('Port the proxy listens on instead of the default.', { minimum: 0, maximum: 65535 }),
    timeout: p('Idle and per-request timeouts.'),
    tls: p('TLS between Service Connect proxies.'),
  }),
  ServiceConnectClientAlias: def('A name and port clients use.', {
    port: p('Port clients connect to.', { required: true, minimum: 0, maximum: 65535 }),
    dnsName: p('DNS name clients use; defaults to the discovery name.'),
    testTrafficRules: p('Rules that route test traffic to the new revision (blue/green).'),
  }),
  ServiceConnectTestTrafficRules: def('Test traffic rules.', {
    header: p('Header that marks test traffic.', { required: true }),
  }),
  ServiceConnectTestTrafficHeaderRules: def('A header rule for test traffic.', {
    name: p('Name of the header to match.', { required: true }),
    value: p('How the header value must match.'),
  }),
  ServiceConnectTestTrafficHeaderMatchRules: def('A header value match.', {
    exact: p('The exact header value.', { required: true }),
  }),
  TimeoutConfiguration: def('Service Connect timeouts.', {
    idleTimeoutSeconds: p('Seconds a connection may stay idle.', { minimum: 0 }),
    perRequestTimeoutSeconds: p('Seconds a request may take.', { minimum: 0 }),
  }),
  ServiceConnectTlsConfiguration: def('Service Connect TLS.', {
    issuerCertificateAuthority: p('Private certificate authority that issues the certificates.', { required: true }),
    kmsKey: p('KMS key for the private key material.'),
    roleArn: p('IAM role ECS uses for the certificates.'),
  }),
  ServiceConnectTlsCertificateAuthority: def('A certificate authority.', {
    awsPcaAuthorityArn: p('ARN of the AWS Private CA.'),
  }),
  ServiceConnectAccessLogConfiguration: def('Proxy access logs.', {
    format: p('Log line format: `TEXT` or `JSON`.', { required: true }),
    includeQueryParameters: p('Whether query strings are logged.'),
  }),
  ServiceConnectContainerConfiguration: def('Proxy settings.', {
    logLevel: p('Log level of the Service Connect proxy.'),
  }),
  ServiceVolumeConfiguration: def('A volume created at task launch.', {
    name: p('Name of a task definition volume with `configuredAtLaunch: true`.', { required: true }),
    managedEBSVolume: p('The Amazon EBS volume ECS creates and attaches to each task.'),
  }),
  ServiceManagedEBSVolumeConfiguration: def('An EBS volume ECS manages.', {
    encrypted: p('Whether the volume is encrypted.'),
    kmsKeyId: p('KMS key for encryption.'),
    volumeType: p('EBS volume type (`gp3`, `gp2`, `io1`, `io2`, `st1`, `sc1`, `standard`).'),
    sizeInGiB: p('Size in GiB; needed unless `snapshotId` is set.', { minimum: 1 }),
    snapshotId: p('Snapshot to create the volume from.'),
    volumeInitializationRate: p('MiB/s at which a snapshot is loaded.', { minimum: 0 }),
    iops: p('Provisioned I/O operations per second (io1, io2, gp3).', { minimum: 0 }),
    throughput: p('Throughput in MiB/s (gp3).', { minimum: 0 }),
    tagSpecifications: p('Tags on the created volumes.'),
    roleArn: p('IAM infrastructure role ECS uses to manage the volume.', { required: true }),
    filesystemType: p('File system ECS creates on the volume.'),
  }),
  EBSTagSpecification: def('Tags for created EBS volumes.', {
    resourceType: p('What gets the tags: `volume`.', { required: true }),
    tags: p('Tags to put on each volume.', { maxItems: 50 }),
    propagateTags: p('Copy tags from the `TASK_DEFINITION` or the `SERVICE`.'),
  }),
  VpcLatticeConfiguration: def('A VPC Lattice target for a named port.', {
    roleArn: p('IAM infrastructure role for VPC Lattice.', { required: true }),
    targetGroupArn: p('ARN of the VPC Lattice target group.', { required: true }),
    portName: p('A `portMappings[].name` of the task definition.', { required: true }),
    advancedConfiguration: p('Blue/green settings.'),
  }),
  VpcLatticeAdvancedConfiguration: def('Blue/green settings for VPC Lattice.', {
    alternateTargetGroupArn: p('Target group of the new revision.'),
    productionListenerRule: p('Listener rule of production traffic.'),
    testListenerRule: p('Listener rule of test traffic.'),
  }),
  GatewayConnector: def('A gateway connector for a named port.', {
    portName: p('A `portMappings[].name` of the task definition.', { required: true }),
    healthCheck: p('Health check of the targets.'),
    filters: p('Which access types are routed.'),
  }),
  GatewayConnectorHealthCheck: def('Gateway connector health check.', {
    healthCheckProtocol: p('Protocol the check uses.'),
    healthCheckPort: p('Port the check connects to.', { minimum: 0, maximum: 65535 }),
    healthCheckPath: p('HTTP path of the check.'),
    healthCheckTimeoutSeconds: p('Seconds before a check fails.', { minimum: 0 }),
    healthCheckIntervalSeconds: p('Seconds between checks.', { minimum: 0 }),
    healthyThresholdCount: p('Passing checks before a target counts as healthy.', { minimum: 0 }),
    unhealthyThresholdCount: p('Failing checks before a target counts as unhealthy.', { minimum: 0 }),
    matcher: p('Response codes that count as healthy.'),
  }),
  GatewayConnectorHealthCheckMatcher: def('Healthy response codes.', {
    httpCode: p('HTTP codes, e.g. `200` or `200-299`.'),
    grpcCode: p('gRPC codes, e.g. `0` or `0-99`.'),
  }),
  GatewayConnectorFilters: def('Gateway connector filters.', {
    accessTypes: p('Access types routed to the service.'),
  }),
  MonitoringConfiguration: def('Extra metrics of the service.', {
    metricConfigurations: p('Metrics and their resolution.'),
  }),
  MetricConfiguration: def('A metric and its resolution.', {
    metricNames: p('Names of the metrics to collect.', { required: true }),
    resolutionSeconds: p('Seconds between data points.', { required: true, minimum: 1 }),
  }),
};
