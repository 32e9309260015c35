export * from './blobLayout';
export * from './chunkCodec';
export * from './errors';
export * from './manifest';
export * from './snapshotId';
export * from './snapshotRecord';
export * from './snapshotStore';
export * from './zipExport';
