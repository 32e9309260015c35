export * from './restoreTypes';
export { planRestore, type RestoreDeps, type PlanOptions } from './plan/planner';
export { applyWaveSlice, applyAction, type ApplyDeps } from './apply/applier';
export { verifyRestore } from './apply/verifier';
export { renderPlan } from './plan/renderPlan';
export {
  savePlan,
  loadPlan,
  loadIdMap,
  saveIdMap,
  deleteRestoreBlobs,
  restorePrefix,
} from './job/planStore';
export {
  validateUpload,
  DEFAULT_UPLOAD_MAX_BYTES,
  type UploadContent,
} from './source/uploadValidation';
export {
  catalogFromModules,
  defaultCatalog,
  dependencyWaves,
  type RestoreCatalog,
} from './plan/restoreCatalog';
export { planHash } from './plan/planAssembly';
