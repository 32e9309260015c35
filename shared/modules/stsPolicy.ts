import type { ModuleDefinition } from './types';

/**
 * Claims mapping, token lifetime, token issuance and home realm discovery policies share one
 * shape (stsPolicy): a `definition` holding one JSON string, and `appliesTo` listing the
 * applications or service principals the policy is assigned to. The assignment is read on the
 * policy (one request per policy, cheap) but written on the assigned object, hence
 * `linkOwner: 'target'`.
 */
export function stsPolicyModule(options: {
  id: string;
  displayName: string;
  /** Graph's collection name under /policies. */
  collection: string;
  /** The module of the objects the policy is assigned to and its navigation name there. */
  assignedTo: { module: 'applications' | 'servicePrincipals'; navigation: string };
  caveats: string[];
}): ModuleDefinition {
  const base = `/policies/${options.collection}`;
  const owner = `/${options.assignedTo.module}/{refId}/${options.assignedTo.navigation}`;
  return {
    id: options.id,
    displayName: options.displayName,
    category: 'Applications',
    graphVersion: 'v1.0',
    kind: 'collection',
    listPath: base,
    itemPath: `${base}/{id}`,
    relationships: [
      {
        name: 'appliesTo',
        cardinality: 'many',
        readVia: 'perObject',
        targets: [options.assignedTo.module],
        linkOwner: 'target',
        addPath: `${owner}/$ref`,
        removePath: `${owner}/{id}/$ref`,
      },
    ],
    children: [],
    readOnlyProperties: ['id', 'deletedDateTime'],
    references: [],
    restore: { kind: 'createOrUpdate', updatePath: `${base}/{id}` },
    dependsOn: [],
    permissions: {
      read: ['Policy.Read.All'],
      // Assigning a policy writes the application or service principal (AlsoRequires pair).
      write: ['Policy.ReadWrite.ApplicationConfiguration', 'Application.ReadWrite.All'],
    },
    caveats: [
      '`definition` holds the policy as one JSON string; it is restored verbatim.',
      ...options.caveats,
    ],
    addedInVersion: '0.2.0',
  };
}
