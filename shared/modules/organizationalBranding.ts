import type { BinaryPropertyDefinition, ModuleDefinition } from './types';

const LOCALIZATIONS = '/organization/{tenantId}/branding/localizations';

/** Images and CSS are streams: Graph returns only their relative CDN URLs in the JSON. */
const STREAMS: { name: string; contentType: string }[] = [
  { name: 'backgroundImage', contentType: 'image/jpeg' },
  { name: 'bannerLogo', contentType: 'image/png' },
  { name: 'squareLogo', contentType: 'image/png' },
  { name: 'squareLogoDark', contentType: 'image/png' },
  { name: 'favicon', contentType: 'image/x-icon' },
  { name: 'headerLogo', contentType: 'image/png' },
  { name: 'customCSS', contentType: 'text/css' },
];

/**
 * Company branding of the sign-in pages: the default branding (locale id `0`) and every
 * localization, with their images kept as binary blobs.
 */
export const organizationalBrandingModule: ModuleDefinition = {
  id: 'organizationalBranding',
  displayName: 'Company branding (with localizations)',
  category: 'Organization',
  graphVersion: 'v1.0',
  kind: 'collection',
  listPath: LOCALIZATIONS,
  itemPath: `${LOCALIZATIONS}/{id}`,
  relationships: [],
  children: [],
  readOnlyProperties: [
    'id',
    'cdnList',
    'backgroundImageRelativeUrl',
    'bannerLogoRelativeUrl',
    'customCSSRelativeUrl',
    'faviconRelativeUrl',
    'headerLogoRelativeUrl',
    'squareLogoDarkRelativeUrl',
    'squareLogoRelativeUrl',
    // The streams themselves are written by PUT on their own path (binaryProperties).
    ...STREAMS.map((s) => s.name),
  ],
  binaryProperties: STREAMS.map((s): BinaryPropertyDefinition => ({
    name: s.name,
    path: `${LOCALIZATIONS}/{id}/${s.name}`,
    contentType: s.contentType,
  })),
  references: [],
  restore: { kind: 'createOrUpdate', updatePath: `${LOCALIZATIONS}/{id}` },
  // The locale (en-US, fr-FR; 0 for the default) is the id.
  callerChosenId: true,
  dependsOn: [],
  emptyWhenNotFound: { reason: 'the tenant has no company branding' },
  permissions: {
    read: ['OrganizationalBranding.Read.All'],
    write: ['OrganizationalBranding.ReadWrite.All'],
  },
  caveats: [
    'The default branding (locale 0) cannot be created as a localization: when a tenant has none, restore it with PATCH on /organization/{id}/branding.',
    'Images must meet the size limits of the target tenant (for example squareLogo 240x240, at most 50 KB).',
  ],
  addedInVersion: '0.2.0',
};
