export * from './restoreTypes';
export { planRestore, type RestoreDeps, type PlanOptions } from './planner';
export { applyWaveSlice, applyAction, type ApplyDeps } from './applier';
export { verifyRestore } from './verifier';
export { renderPlan } from './renderPlan';
export {
  savePlan,
  loadPlan,
  loadIdMap,
  saveIdMap,
  deleteRestoreBlobs,
  restorePrefix,
} from './planStore';
export { validateUpload, DEFAULT_UPLOAD_MAX_BYTES, type UploadContent } from './uploadValidation';
export {
  catalogFromModules,
  defaultCatalog,
  dependencyWaves,
  type RestoreCatalog,
} from './restoreCatalog';
export { planHash } from './planAssembly';
