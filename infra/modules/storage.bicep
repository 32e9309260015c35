// The one storage account of a deployment: the Functions host (AzureWebJobsStorage, Durable task
// hub), the Flex Consumption deployment package, the snapshot container and the state tables.
// Shared-key access is off: every caller uses Entra ID (the Function App's managed identity).

@description('Azure region for the storage account.')
param location string

@description('Tags applied to every resource.')
param tags object = {}

@description('Storage account name: 3-24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Replication. ZRS keeps snapshots through a zone outage where the region has zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

@description('Blob container holding the Function App deployment package (Flex Consumption).')
param deploymentContainerName string

@description('Blob container holding snapshots; the app\'s default is "snapshots".')
param snapshotContainerName string = 'snapshots'

@description('State tables the app uses (it also creates missing ones itself).')
param tableNames array = []

@description('Days deleted blobs and containers stay recoverable (soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 14

@description('Days previous blob versions are kept before lifecycle management deletes them.')
@minValue(1)
@maxValue(3650)
param previousVersionRetentionDays int = 30

@description('Time-based retention (WORM) on the snapshot container, in days; 0 = no policy. The policy is created unlocked.')
@minValue(0)
@maxValue(146000)
param snapshotImmutabilityDays int = 0

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource snapshotContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: snapshotContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Unlocked on purpose: an operator can still shorten or remove it while evaluating; lock it
// (az storage container immutability-policy lock) once the retention period is final.
resource snapshotImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (snapshotImmutabilityDays > 0) {
  parent: snapshotContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: snapshotImmutabilityDays
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// Versioning also versions the Durable task hub's blobs; without this rule they accumulate.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          enabled: true
          name: 'delete-old-previous-versions'
          type: 'Lifecycle'
          definition: {
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: previousVersionRetentionDays
                }
              }
            }
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output deploymentContainerName string = deploymentContainer.name
output snapshotContainerName string = snapshotContainer.name
