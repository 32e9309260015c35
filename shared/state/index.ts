export * from './auditRepository';
export * from './entityCodec';
export * from './errors';
export * from './jobRepository';
export * from './scheduleRepository';
export * from './scopeRepository';
export * from './tables';
export * from './tenantRepository';
