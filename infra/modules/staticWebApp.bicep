// The admin portal's static files (dist/portal), deployed by azd. The portal calls the Function
// App directly with its bearer token (CORS on the Function App allows this site's origin); it is
// not a linked backend, because Static Web Apps' /api proxy replaces the Authorization header
// (Azure/static-web-apps#34). See docs/adr/0005-admin-portal.md.

@description('Region: Static Web Apps runs in a few regions only (westus2, centralus, eastus2, westeurope, eastasia).')
param location string

param tags object = {}

@description('Static Web App name.')
param name string

@description('azd service this site hosts (azure.yaml).')
param serviceName string = 'portal'

@description('Free is enough: no linked backend, no custom auth providers.')
@allowed([
  'Free'
  'Standard'
])
param sku string = 'Free'

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // azd uploads the build with the deployment token; no repository is connected.
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output defaultHostname string = site.properties.defaultHostname
output uri string = 'https://${site.properties.defaultHostname}'
