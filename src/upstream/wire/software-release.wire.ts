import type { CommonResourceWire } from './common.wire';

/** `SoftwareReleaseFileMetadata`. */
export interface SoftwareReleaseFileWire {
  filename?: string;
  /** 64 lower-case hex characters. */
  sha256Checksum?: string;
  sizeInBytes?: number;
}

/** `SoftwareComponentReference`. */
export interface SoftwareComponentReferenceWire {
  id?: string;
  name?: string;
  type?: string;
}

/** `SoftwareRelease`. */
export interface SoftwareReleaseWire extends CommonResourceWire {
  /** Dotted numbers with an optional `-build` suffix, 1–32 characters. */
  version?: string;
  /** GENERAL_AVAILABILITY. */
  stability?: string;
  /** INSTALL, UPGRADE or UNIVERSAL. */
  usage?: string;
  downloadable?: boolean;
  softwareComponent?: SoftwareComponentReferenceWire;
  software?: SoftwareReleaseFileWire;
  signature?: SoftwareReleaseFileWire | null;
}

/** The body of `POST /software-releases/{id}/download` (answered 303 + Location). */
export interface SoftwareReleaseDownloadWire {
  file: 'SOFTWARE' | 'SIGNATURE';
}

/** `SoftwareUpgrade`: one entry of `GET /software-upgrades` (not paginated). */
export interface SoftwareUpgradeWire {
  id: string;
  type: string;
  allowed?: boolean;
  notes?: string[];
  softwareRelease?: SoftwareReleaseWire;
}
