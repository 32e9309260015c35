/**
 * Ids Microsoft owns that appear in tenant configuration without a tenant object behind them.
 */

/** Tenants that publish Microsoft's first-party applications (appOwnerOrganizationId). */
export const MICROSOFT_APP_OWNER_TENANTS = [
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
] as const;

/**
 * First-party application ids that Conditional Access policies commonly name: a tenant need not
 * have their service principal (Microsoft's own example policies name Office 365 Exchange Online).
 */
export const MICROSOFT_FIRST_PARTY_APP_IDS = [
  '00000002-0000-0ff1-ce00-000000000000', // Office 365 Exchange Online
  '00000003-0000-0ff1-ce00-000000000000', // Office 365 SharePoint Online
  '00000004-0000-0ff1-ce00-000000000000', // Skype for Business Online
  '00000007-0000-0ff1-ce00-000000000000', // Office 365 Management APIs
  '00000003-0000-0000-c000-000000000000', // Microsoft Graph
  '00000002-0000-0000-c000-000000000000', // Azure Active Directory Graph
  '0000000a-0000-0000-c000-000000000000', // Microsoft Intune
  '797f4846-ba00-4fd7-ba43-dac1f8f63013', // Windows Azure Service Management API
  'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', // Azure Portal
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', // Microsoft Teams Services
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Microsoft Teams
  'd4ebce55-015a-49b5-a083-c84d1797ae8c', // Microsoft Intune Enrollment
  '0000000c-0000-0000-c000-000000000000', // Microsoft App Access Panel
] as const;
