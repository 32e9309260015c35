import { ApiError } from '../api/errors';

/**
 * Why the permissions granted to our app in a tenant could not be read. These are ApiErrors so
 * the HTTP routes answer with their message; the CLI reports them as a failure.
 */
export class TenantPermissionsError extends ApiError {}

/** Our app has no service principal in the tenant: nobody ever gave admin consent there. */
export class AppNotConsentedError extends TenantPermissionsError {
  constructor(
    readonly tenantId: string,
    readonly clientId: string,
  ) {
    super(
      424,
      'appNotConsented',
      `the app ${clientId} has no service principal in tenant ${tenantId}: admin consent was never given`,
      { details: { tenantId, clientId } },
    );
    this.name = 'AppNotConsentedError';
  }
}

/** The permission our app needs to read its own grants. */
export const PERMISSION_TO_READ_GRANTS = 'Application.Read.All';

/** Graph answered 403 while we read our own grants. */
export class GrantsReadDeniedError extends TenantPermissionsError {
  constructor(
    readonly tenantId: string,
    readonly clientId: string,
  ) {
    super(
      424,
      'grantsReadDenied',
      `Microsoft Graph refused to list the permissions granted to the app ${clientId} in tenant ` +
        `${tenantId}: the app needs ${PERMISSION_TO_READ_GRANTS} to read them`,
      { details: { tenantId, clientId, requiredPermission: PERMISSION_TO_READ_GRANTS } },
    );
    this.name = 'GrantsReadDeniedError';
  }
}

/** The app's client id is neither configured nor readable from its access token. */
export class ClientIdUnknownError extends TenantPermissionsError {
  constructor(reason: string) {
    super(
      424,
      'clientIdUnknown',
      `cannot tell which app entra-backup signs in as (${reason}): set GRAPH_CLIENT_ID`,
    );
    this.name = 'ClientIdUnknownError';
  }
}
