import type { ModuleDefinition } from './types';

/** The tenant's sensitivity label policy settings (mandatory labelling, default label…). */
export const labelPolicySettingsModule: ModuleDefinition = {
  id: 'labelPolicySettings',
  displayName: 'Sensitivity label policy settings',
  category: 'Information protection',
  graphVersion: 'beta',
  betaReason:
    'Label policy settings (/security/informationProtection/labelPolicySettings) exist only in beta; v1.0 exposes labels but no label policies.',
  kind: 'singleton',
  listPath: '/security/informationProtection/labelPolicySettings',
  itemPath: '/security/informationProtection/labelPolicySettings',
  relationships: [],
  children: [],
  readOnlyProperties: ['id'],
  references: [],
  restore: {
    kind: 'backupOnly',
    reason:
      'Graph exposes label policies read-only; change them in the Microsoft Purview portal or with Security & Compliance PowerShell.',
  },
  dependsOn: [],
  permissions: { read: ['InformationProtectionPolicy.Read.All'], write: [] },
  caveats: [],
  addedInVersion: '0.2.0',
};
