// entra-backup on Azure: one resource group with a Flex Consumption Function App (Node 20,
// Durable Functions on Azure Storage), its storage account (snapshots, state tables, task hub,
// deployment package), Application Insights and a Key Vault. Deployed with `azd up`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for all resources; it must offer the Flex Consumption plan.')
param location string

@minLength(1)
@description('Audiences accepted in API bearer tokens, comma separated: the API app registration\'s client id (v2 tokens) and/or its Application ID URI.')
param apiAudience string

@description('Token issuers accepted, comma separated. Empty: the v2.0 issuer of apiTenantId.')
param apiIssuer string = ''

@description('Tenant of the API app registration. Empty: the tenant of the deployment subscription.')
param apiTenantId string = ''

@description('JWKS endpoint for token signatures. Empty: the v2.0 keys of apiTenantId.')
param apiJwksUri string = ''

@description('Client id of the multi-tenant Graph app: secretless through a federated credential on the Function App\'s identity, or with graphClientSecretName. Empty: the identity itself reads Graph (its own tenant only).')
param graphClientId string = ''

@description('Name of a Key Vault secret (in this deployment\'s vault) holding the Graph app\'s client secret. Empty: secretless (federated credential).')
param graphClientSecretName string = ''

@description('Time-based retention (WORM) on the snapshot container, in days; 0 = none. See docs/deployment.md before enabling.')
@minValue(0)
@maxValue(146000)
param snapshotImmutabilityDays int = 0

@description('Days deleted blobs stay recoverable (blob and container soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 14

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer. Empty: nobody.')
param principalId string = ''

@description('Client id of the admin portal\'s app registration (SPA platform, redirect URI = PORTAL_URL). Empty: the portal shows that sign-in is not configured.')
param portalClientId string = ''

@description('Scope the portal asks for. Empty: <Application ID URI in apiAudience>/.default.')
param portalApiScope string = ''

@description('Region of the portal\'s Static Web App (a region that offers Static Web Apps).')
param staticWebAppLocation string = 'westeurope'

@description('Resource group name. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

var tags = {
  'azd-env-name': environmentName
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var loginEndpoint = environment().authentication.loginEndpoint
var effectiveApiTenantId = empty(apiTenantId) ? tenant().tenantId : apiTenantId
var effectiveApiIssuer = empty(apiIssuer) ? '${loginEndpoint}${effectiveApiTenantId}/v2.0' : apiIssuer
var effectiveApiJwksUri = empty(apiJwksUri) ? '${loginEndpoint}${effectiveApiTenantId}/discovery/v2.0/keys' : apiJwksUri
var functionAppName = 'func-${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var snapshotContainerName = 'snapshots'
// The app's state tables (shared/state/tables.ts, no prefix); pre-created so the first request
// does not race to create them.
var stateTableNames = [
  'tenants'
  'backupScopes'
  'schedules'
  'jobs'
  'auditLog'
  'onboardingStates'
  'tenantLeases'
]
// The credential a newly registered tenant row starts with (shared/tenants/registerTenant.ts,
// defaultTenantCredential); each row then decides for its tenant. Without a Graph app the
// Function App's own identity reads Graph: its home tenant only.
var managedIdentityGraphSettings = {
  GRAPH_CREDENTIAL: 'managedIdentity'
}
var federatedGraphSettings = {
  GRAPH_CREDENTIAL: 'clientAssertion'
  GRAPH_CLIENT_ID: graphClientId
}
// The secret itself never leaves Key Vault: the platform resolves the reference with the app's identity.
var clientSecretGraphSettings = {
  GRAPH_CLIENT_ID: graphClientId
  GRAPH_CLIENT_SECRET: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${graphClientSecretName})'
}
var graphAppSettings = empty(graphClientSecretName) ? federatedGraphSettings : clientSecretGraphSettings
var graphSettings = empty(graphClientId) ? managedIdentityGraphSettings : graphAppSettings
var apiSettings = {
  GRAPH_BASE_URL: 'https://graph.microsoft.com'
  AUTH_ISSUER: effectiveApiIssuer
  AUTH_AUDIENCE: apiAudience
  AUTH_JWKS_URI: effectiveApiJwksUri
}

// What /api/portal-config tells the portal (shared/api/portalConfig.ts); public values only.
var portalSettings = empty(portalClientId)
  ? {}
  : union(
      {
        PORTAL_CLIENT_ID: portalClientId
        PORTAL_AUTHORITY: '${loginEndpoint}${effectiveApiTenantId}'
      },
      empty(portalApiScope) ? {} : { PORTAL_API_SCOPE: portalApiScope }
    )

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'st${resourceToken}'
    deploymentContainerName: deploymentContainerName
    snapshotContainerName: snapshotContainerName
    tableNames: stateTableNames
    blobSoftDeleteDays: blobSoftDeleteDays
    snapshotImmutabilityDays: snapshotImmutabilityDays
  }
}

module portal 'modules/staticWebApp.bicep' = {
  name: 'portal'
  scope: rg
  params: {
    location: staticWebAppLocation
    tags: tags
    name: 'swa-${resourceToken}'
    serviceName: 'portal'
  }
}

module functions 'modules/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    location: location
    tags: tags
    name: functionAppName
    planName: 'plan-${resourceToken}'
    serviceName: 'api'
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    appSettings: union(apiSettings, graphSettings, portalSettings)
    corsAllowedOrigins: [portal.outputs.uri]
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    principalId: functions.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    name: keyVaultName
    functionPrincipalId: functions.outputs.principalId
    adminPrincipalId: principalId
  }
}

// azd stores these outputs in the environment (.azure/<env>/.env).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_NAME string = functions.outputs.name
output FUNCTION_APP_URL string = functions.outputs.uri
output FUNCTION_APP_PRINCIPAL_ID string = functions.outputs.principalId
output PORTAL_URL string = portal.outputs.uri
output STATIC_WEB_APP_NAME string = portal.outputs.name
output API_BASE_URL string = '${functions.outputs.uri}/api'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
