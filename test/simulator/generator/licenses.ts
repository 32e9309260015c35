/** Common Microsoft 365 SKUs (real sku ids) and the service plans the organization lists as assigned. */
export const SKUS = {
  office365E3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  microsoft365E3: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  microsoft365E5: '06ebc4ee-1bb5-47dd-8120-11324bc54e06',
  entraIdP1: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4',
  ems3: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
} as const;

export const MEMBER_SKU_CHOICES: readonly string[] = [
  SKUS.microsoft365E3,
  SKUS.microsoft365E3,
  SKUS.office365E3,
  SKUS.microsoft365E5,
];

export const SERVICE_PLANS: ReadonlyArray<{ service: string; servicePlanId: string }> = [
  { service: 'exchange', servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0' },
  { service: 'SharePoint', servicePlanId: '5dbe027f-2339-4123-9542-606e4d348a72' },
  { service: 'TeamspaceAPI', servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929' },
  { service: 'AADPremiumService', servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d' },
  { service: 'MicrosoftOffice', servicePlanId: '43de0ff5-c92c-492b-9116-175376d08c38' },
  { service: 'SCO', servicePlanId: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5' },
];
