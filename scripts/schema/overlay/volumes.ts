// Overlay for task volumes: bind mounts, Docker volumes, EFS, S3 Files, FSx for Windows File Server.
import { NAME_PATTERN, type Overlay } from './types.ts';

export const volumesOverlay: Overlay = {
  Volume: {
    about: 'A data volume that containers can mount.',
    props: {
      name: {
        md: 'Volume name, referenced by `mountPoints[].sourceVolume`. Up to 255 letters, digits, `-` and `_`. Needed for EFS, S3 Files and launch-configured volumes.',
        pattern: NAME_PATTERN, formatName: 'volume name',
      },
      host: {
        md: 'Bind mount. With `sourcePath`, the data lives at that path on the instance and outlives the task (EC2 only). Without it (or with a name-only volume), Docker picks a location tied to the task\'s lifetime, which Fargate supports too.',
      },
      dockerVolumeConfiguration: {
        md: 'A Docker-managed volume (the `local` driver or a volume plugin). Windows supports only `local`.',
        launch: 'Not supported on Fargate',
      },
      efsVolumeConfiguration: {
        md: 'Mounts an Amazon EFS file system. Fargate needs Linux platform 1.4.0+; Windows containers cannot use EFS.',
        launch: 'Fargate: Linux platform 1.4.0+ only',
      },
      s3filesVolumeConfiguration: {
        md: 'Mounts an Amazon S3 Files file system. The task must have a `taskRoleArn`.',
      },
      fsxWindowsFileServerVolumeConfiguration: {
        md: 'Mounts an Amazon FSx for Windows File Server share into Windows containers on EC2.',
        launch: 'Not supported on Fargate',
      },
      configuredAtLaunch: {
        md: 'When `true`, this is an Amazon EBS volume whose settings are given when a service or task is created (`volumeConfigurations` of CreateService, UpdateService, RunTask, StartTask). At most one per task definition.',
      },
    },
  },
  HostVolumeProperties: {
    about: 'Bind mount settings.',
    props: {
      sourcePath: {
        md: 'Path on the container instance to expose. It is created if missing and existing contents are kept; data stays there after the task stops until you delete it.',
        launch: 'Not supported on Fargate',
      },
    },
  },
  DockerVolumeConfiguration: {
    about: 'Docker volume settings.',
    props: {
      scope: {
        md: '`task`: the volume is created when the task starts and removed when it stops. `shared`: it survives the task and other tasks on the instance can reuse it.',
      },
      autoprovision: {
        md: 'With `scope: shared`, create the volume when it does not exist yet. Ignored for `task` scope.',
      },
      driver: {
        md: 'Volume driver name exactly as Docker reports it (`docker plugin ls` for plugins), e.g. `local`. ECS also uses it for task placement.',
      },
      driverOpts: { md: 'Driver-specific options passed through unchanged (`--opt` of `docker volume create`).' },
      labels: { md: 'Metadata labels for the volume (`--label` of `docker volume create`).' },
    },
  },
  EFSVolumeConfiguration: {
    about: 'Amazon EFS volume settings.',
    props: {
      fileSystemId: {
        md: 'ID of the EFS file system, e.g. `fs-0123456789abcdef0`.',
        required: true, pattern: '^fs-[0-9a-f]+$', formatName: 'EFS file system ID',
      },
      rootDirectory: {
        md: 'Directory of the file system used as the volume\'s root; default `/` (the whole file system). Must be left out or `/` when an access point is used.',
      },
      transitEncryption: {
        md: '`ENABLED` encrypts traffic between the host and EFS with TLS. Default `DISABLED`. Required for access points and IAM authorization.',
      },
      transitEncryptionPort: {
        md: 'Port for the encrypted EFS connection; left out, the EFS mount helper picks one.',
      },
      authorizationConfig: { md: 'Access point and IAM authorization for the mount.' },
    },
  },
  EFSAuthorizationConfig: {
    about: 'EFS access point and IAM settings.',
    props: {
      accessPointId: {
        md: 'EFS access point ID, e.g. `fsap-0123456789abcdef0`. The access point\'s path replaces `rootDirectory`; needs transit encryption.',
        pattern: '^fsap-[0-9a-f]+$', formatName: 'EFS access point ID',
      },
      iam: {
        md: '`ENABLED` mounts with the task role\'s IAM identity (needs transit encryption and a `taskRoleArn`). Default `DISABLED`.',
      },
    },
  },
  S3FilesVolumeConfiguration: {
    about: 'Amazon S3 Files volume settings.',
    props: {
      fileSystemArn: { md: 'ARN of the S3 Files file system to mount.', required: true },
      rootDirectory: {
        md: 'Directory used as the volume\'s root; default `/`. Must be left out or `/` when `accessPointArn` is set.',
      },
      transitEncryptionPort: {
        md: 'Port for the encrypted connection to S3 Files; left out, the S3 Files mount helper picks one.',
      },
      accessPointArn: { md: 'ARN of an S3 Files access point; its path then replaces `rootDirectory`.' },
    },
  },
  FSxWindowsFileServerVolumeConfiguration: {
    about: 'Amazon FSx for Windows File Server volume settings.',
    props: {
      fileSystemId: { md: 'ID of the FSx for Windows File Server file system (`fs-…`).', required: true },
      rootDirectory: { md: 'Share path on the file system mounted as the volume\'s root.', required: true },
      authorizationConfig: {
        md: 'Credentials and Active Directory domain used to mount the share.',
        required: true,
      },
    },
  },
  FSxWindowsFileServerAuthorizationConfig: {
    about: 'How to authenticate to the FSx share.',
    props: {
      credentialsParameter: {
        md: 'ARN of a Secrets Manager secret or SSM parameter holding the Active Directory user name and password.',
        required: true,
      },
      domain: {
        md: 'Fully qualified domain name of the Active Directory (AWS Managed Microsoft AD or self-managed on EC2).',
        required: true,
      },
    },
  },
};
