/** A chunk blob is missing, altered or unreadable: the snapshot cannot be trusted for restore. */
export class SnapshotIntegrityError extends Error {
  readonly code = 'snapshotIntegrity';
  constructor(
    readonly blobName: string,
    reason: string,
  ) {
    super(`Snapshot blob ${blobName} ${reason}`);
    this.name = 'SnapshotIntegrityError';
  }
}

/** Manifests are write-once: a committed snapshot is never rewritten. */
export class ManifestExistsError extends Error {
  readonly code = 'manifestExists';
  constructor(readonly blobName: string) {
    super(
      `Snapshot manifest ${blobName} already exists; a committed snapshot cannot be overwritten.`,
    );
    this.name = 'ManifestExistsError';
  }
}

/** An uploaded snapshot ZIP is malformed, too large or inconsistent with its manifest. */
export class SnapshotZipError extends Error {
  readonly code = 'invalidSnapshotZip';
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotZipError';
  }
}

/** The selection of a ZIP export names a module or object the snapshot does not hold. */
export class SnapshotSelectionError extends Error {
  readonly code = 'notFound';
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotSelectionError';
  }
}
