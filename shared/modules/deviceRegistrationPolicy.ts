import type { ModuleDefinition } from './types';

/** Who may join or register devices, device quota, LAPS and MFA for device join. */
export const deviceRegistrationPolicyModule: ModuleDefinition = {
  id: 'deviceRegistrationPolicy',
  displayName: 'Device registration policy',
  category: 'Devices & Security',
  graphVersion: 'v1.0',
  kind: 'singleton',
  listPath: '/policies/deviceRegistrationPolicy',
  itemPath: '/policies/deviceRegistrationPolicy',
  relationships: [],
  children: [],
  readOnlyProperties: ['id', 'displayName', 'description'],
  references: [
    { path: 'azureADJoin.allowedToJoin.users[]', targets: ['users'] },
    { path: 'azureADJoin.allowedToJoin.groups[]', targets: ['groups'] },
    { path: 'azureADRegistration.allowedToRegister.users[]', targets: ['users'] },
    { path: 'azureADRegistration.allowedToRegister.groups[]', targets: ['groups'] },
  ],
  // Graph replaces the whole policy: every writable property is sent.
  restore: { kind: 'singleton', method: 'PUT', path: '/policies/deviceRegistrationPolicy' },
  dependsOn: ['users', 'groups'],
  permissions: {
    read: ['Policy.Read.DeviceConfiguration'],
    write: ['Policy.ReadWrite.DeviceConfiguration'],
  },
  caveats: [
    'The policy is replaced as a whole (PUT): properties missing from the backup take their defaults (userDeviceQuota resets to 0).',
  ],
  addedInVersion: '0.2.0',
};
