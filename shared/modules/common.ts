/** Facts shared by several modules. */

/** Every directory object carries these; Graph sets them. */
export const DIRECTORY_OBJECT_READ_ONLY = ['id', 'deletedDateTime'] as const;

/**
 * Directory objects that are soft-deleted for 30 days: listed under
 * `/directory/deletedItems/microsoft.graph.{type}` and restored with their original id.
 */
export function directorySoftDelete(type: string): {
  deletedItemsPath: string;
  restorePath: string;
} {
  return {
    deletedItemsPath: `/directory/deletedItems/microsoft.graph.${type}`,
    restorePath: '/directory/deletedItems/{id}/restore',
  };
}

/** The page size Graph allows at most on directory collections (1..999). */
export const DIRECTORY_PAGE_SIZE = 999;

/** Principals that can hold roles, app roles and consents. */
export const PRINCIPAL_MODULES = ['users', 'groups', 'servicePrincipals'];
