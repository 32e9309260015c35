import { type CatalogueSource, add, addChildren, nth } from './source';

const BUILT_IN_STRENGTHS = [
  [
    '00000000-0000-0000-0000-000000000002',
    'Multifactor authentication',
    'mfa',
    [
      'windowsHelloForBusiness',
      'fido2',
      'x509CertificateMultiFactor',
      'deviceBasedPush',
      'temporaryAccessPassOneTime',
      'password,microsoftAuthenticatorPush',
      'password,softwareOath',
      'password,sms',
    ],
  ],
  [
    '00000000-0000-0000-0000-000000000003',
    'Passwordless MFA',
    'mfa',
    ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush'],
  ],
  [
    '00000000-0000-0000-0000-000000000004',
    'Phishing-resistant MFA',
    'mfa',
    ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
  ],
] as const;

/** The three built-in strengths plus custom ones. */
export function addAuthenticationStrengths(s: CatalogueSource): void {
  for (const [id, displayName, req, combos] of BUILT_IN_STRENGTHS) {
    add(s.tenant, 'authenticationStrengthPolicies', [
      {
        id,
        displayName,
        description: `Built-in: ${displayName}.`,
        policyType: 'builtIn',
        requirementsSatisfied: req,
        allowedCombinations: [...combos],
        createdDateTime: '2021-12-01T00:00:00Z',
        modifiedDateTime: '2021-12-01T00:00:00Z',
      },
    ]);
  }
  for (let i = 0; i < s.scale; i++) {
    add(s.tenant, 'authenticationStrengthPolicies', [
      {
        id: s.rng.guid(),
        displayName: i ? `FIDO2 only ${i + 1}` : 'Contoso admins: FIDO2 or certificate',
        description: 'Phishing-resistant methods for privileged access.',
        policyType: 'custom',
        requirementsSatisfied: 'mfa',
        allowedCombinations: ['fido2', 'x509CertificateMultiFactor'],
        createdDateTime: s.when(120),
        modifiedDateTime: s.when(30),
      },
    ]);
  }
}

const CONTEXTS = [
  'Sensitive HR data',
  'Finance approvals',
  'Admin portals',
  'Customer data export',
];

/** Authentication contexts c1, c2, … (caller-chosen ids). */
export function addAuthenticationContexts(s: CatalogueSource): void {
  const count = Math.min(99, 2 + s.scale);
  for (let i = 0; i < count; i++) {
    const name = i < CONTEXTS.length ? CONTEXTS[i] : `Protected action ${i + 1}`;
    add(s.tenant, 'authenticationContextClassReferences', [
      {
        id: `c${i + 1}`,
        displayName: name,
        description: `Step-up for ${name.toLowerCase()}.`,
        isAvailable: i !== 3,
      },
    ]);
  }
}

/** Two built-in consent policies and custom ones with include / exclude condition sets. */
export function addPermissionGrantPolicies(s: CatalogueSource): void {
  const condition = (id: string, extra: Record<string, unknown>) => ({
    id,
    permissionClassification: 'all',
    permissionType: 'delegated',
    resourceApplication: 'any',
    permissions: ['all'],
    clientApplicationIds: ['all'],
    clientApplicationTenantIds: ['all'],
    clientApplicationPublisherIds: ['all'],
    clientApplicationsFromVerifiedPublisherOnly: false,
    ...extra,
  });
  const builtIns = [
    [
      'microsoft-user-default-low',
      'Default user consent: low-impact permissions',
      { permissionClassification: 'low', clientApplicationsFromVerifiedPublisherOnly: true },
    ],
    ['microsoft-user-default-legacy', 'Default user consent (legacy)', {}],
  ] as const;
  for (const [id, displayName, include] of builtIns) {
    add(s.tenant, 'permissionGrantPolicies', [
      { id, displayName, description: `Built-in policy: ${displayName}.`, deletedDateTime: null },
    ]);
    addChildren(s.tenant, 'permissionGrantPolicyIncludes', id, [condition(s.rng.guid(), include)]);
  }
  for (let i = 0; i < s.scale; i++) {
    const id = i ? `contoso-verified-apps-${i + 1}` : 'contoso-verified-apps';
    const app = nth(s.ownServicePrincipals, i);
    add(s.tenant, 'permissionGrantPolicies', [
      {
        id,
        displayName: 'Contoso: verified publishers, low impact',
        description: 'Users may consent to verified apps asking for low-impact permissions.',
        deletedDateTime: null,
      },
    ]);
    addChildren(s.tenant, 'permissionGrantPolicyIncludes', id, [
      condition(s.rng.guid(), {
        permissionClassification: 'low',
        clientApplicationsFromVerifiedPublisherOnly: true,
      }),
    ]);
    addChildren(s.tenant, 'permissionGrantPolicyExcludes', id, [
      condition(s.rng.guid(), { clientApplicationIds: [String(app.appId)] }),
    ]);
  }
}

/** Catalogue singletons with tenant-specific values (the rest keep the simulator defaults). */
export function addCatalogueSingletons(s: CatalogueSource): void {
  const sg = s.tenant.singletons;
  const [admins, devices] = [nth(s.securityGroups, 0), nth(s.securityGroups, 1)];
  sg.deviceRegistrationPolicy = {
    id: 'deviceRegistrationPolicy',
    displayName: 'Device Registration Policy',
    description:
      'Tenant-wide policy that manages initial provisioning controls using quota restrictions, additional authentication and authorization checks',
    userDeviceQuota: 20,
    multiFactorAuthConfiguration: 'required',
    azureADRegistration: {
      isAdminConfigurable: false,
      allowedToRegister: { '@odata.type': '#microsoft.graph.allDeviceRegistrationMembership' },
    },
    azureADJoin: {
      isAdminConfigurable: true,
      allowedToJoin: {
        '@odata.type': '#microsoft.graph.enumeratedDeviceRegistrationMembership',
        users: [],
        groups: [devices.id],
      },
      localAdmins: {
        enableGlobalAdmins: true,
        registeringUsers: { '@odata.type': '#microsoft.graph.noDeviceRegistrationMembership' },
      },
    },
    localAdminPassword: { isEnabled: true },
  };
  sg.adminConsentRequestPolicy = {
    id: 'adminConsentRequestPolicy',
    isEnabled: true,
    notifyReviewers: true,
    remindersEnabled: true,
    requestDurationInDays: 14,
    version: 2,
    reviewers: [
      { query: `/users/${nth(s.members, 1).id}`, queryType: 'MicrosoftGraph', queryRoot: null },
      {
        query: `/groups/${admins.id}/transitiveMembers/microsoft.graph.user`,
        queryType: 'MicrosoftGraph',
        queryRoot: null,
      },
    ],
  };
  // Conditional Access is in use, so security defaults are off (Entra refuses both at once).
  sg.identitySecurityDefaultsEnforcementPolicy = {
    id: '00000000-0000-0000-0000-000000000005',
    displayName: 'Security Defaults',
    description:
      'Security defaults is a set of basic identity security mechanisms recommended by Microsoft.',
    isEnabled: false,
    deletedDateTime: null,
  };
  sg.defaultAppManagementPolicy = {
    id: '00000000-0000-0000-0000-000000000000',
    displayName: 'Default app management tenant policy',
    description:
      'Default tenant policy that enforces app management restrictions on applications and service principals.',
    isEnabled: true,
    deletedDateTime: null,
    applicationRestrictions: {
      passwordCredentials: [
        {
          restrictionType: 'passwordLifetime',
          maxLifetime: 'P365D',
          restrictForAppsCreatedAfterDateTime: '2024-06-01T00:00:00Z',
        },
      ],
      keyCredentials: [],
    },
    servicePrincipalRestrictions: { passwordCredentials: [], keyCredentials: [] },
  };
}
