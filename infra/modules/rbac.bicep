// Data-plane roles the Function App's identity needs on its storage account: blobs (snapshots,
// Durable leases and large messages, deployment package), tables (state, Durable history) and
// queues (Durable control and work-item queues).

@description('Storage account the roles are granted on.')
param storageAccountName string

@description('Principal id of the Function App\'s managed identity.')
param principalId string

@description('Principal type of principalId.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

var roleDefinitionIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(roleDefinitionIds): {
    scope: storage
    name: guid(storage.id, principalId, role.value)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: principalId
      principalType: principalType
    }
  }
]

output roleAssignmentIds array = [for (role, i) in items(roleDefinitionIds): storageRoles[i].id]
