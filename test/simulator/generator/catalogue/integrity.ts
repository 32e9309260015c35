import type { GraphObject, TenantState } from '../../tenantState';

/** Broken references among the catalogue types (issue 6), as readable messages. */
export function checkCatalogueIntegrity(t: TenantState): string[] {
  const problems: string[] = [];
  const c = t.collections;
  const ids = (name: string): Set<string> => new Set((c[name] ?? []).map((o) => o.id));
  const [users, groups, apps, sps, roleDefs] = [
    ids('users'),
    ids('groups'),
    ids('applications'),
    ids('servicePrincipals'),
    ids('roleDefinitions'),
  ];
  const expect = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const refId = (o: GraphObject, nav: string): string =>
    String((o[nav] as { id?: string } | undefined)?.id);

  for (const [appId, list] of Object.entries(t.children.mobileAppAssignments ?? {})) {
    expect(ids('mobileApps').has(appId), `mobile app assignments of missing app ${appId}`);
    for (const a of list) {
      const groupId = (a.target as { groupId?: string } | undefined)?.groupId;
      if (groupId)
        expect(groups.has(groupId), `mobile app ${appId} assigned to missing group ${groupId}`);
    }
  }
  const links: Array<[string, Set<string>, string]> = [
    ['servicePrincipalClaimsMappingPolicies', sps, 'claimsMappingPolicies'],
    ['servicePrincipalHomeRealmDiscoveryPolicies', sps, 'homeRealmDiscoveryPolicies'],
    ['applicationTokenLifetimePolicies', apps, 'tokenLifetimePolicies'],
    ['applicationTokenIssuancePolicies', apps, 'tokenIssuancePolicies'],
    ['applicationAppManagementPolicies', apps, 'appManagementPolicies'],
  ];
  for (const [store, owners, policies] of links) {
    const targets = ids(policies);
    for (const [owner, list] of Object.entries(
      (t.relationships[store] ?? {}) as Record<string, string[]>,
    )) {
      expect(owners.has(owner), `${store}: missing owner ${owner}`);
      for (const p of list) expect(targets.has(p), `${store}: ${owner} → missing policy ${p}`);
    }
  }
  for (const s of [...(c.roleEligibilitySchedules ?? []), ...(c.roleAssignmentSchedules ?? [])]) {
    expect(users.has(String(s.principalId)), `PIM schedule ${s.id}: missing principal`);
    expect(roleDefs.has(String(s.roleDefinitionId)), `PIM schedule ${s.id}: missing role`);
  }
  const rmp = ids('roleManagementPolicies');
  for (const a of c.roleManagementPolicyAssignments ?? []) {
    expect(rmp.has(String(a.policyId)), `role policy assignment ${a.id}: missing policy`);
    expect(
      roleDefs.has(String(a.roleDefinitionId)),
      `role policy assignment ${a.id}: missing role`,
    );
  }
  const catalogs = ids('accessPackageCatalogs');
  for (const p of c.accessPackages ?? [])
    expect(catalogs.has(refId(p, 'catalog')), `access package ${p.id}: missing catalog`);
  const packages = ids('accessPackages');
  const orgs = ids('connectedOrganizations');
  for (const p of c.accessPackageAssignmentPolicies ?? []) {
    expect(packages.has(refId(p, 'accessPackage')), `assignment policy ${p.id}: missing package`);
    for (const target of (p.specificAllowedTargets ?? []) as Array<{
      connectedOrganizationId?: string;
    }>)
      if (target.connectedOrganizationId)
        expect(
          orgs.has(target.connectedOrganizationId),
          `assignment policy ${p.id}: missing connected org`,
        );
  }
  const templates = ids('groupSettingTemplates');
  for (const s of c.groupSettings ?? [])
    expect(templates.has(String(s.templateId)), `group setting ${s.id}: missing template`);
  const join = t.singletons.deviceRegistrationPolicy?.azureADJoin as
    { allowedToJoin?: { groups?: string[] } } | undefined;
  for (const g of join?.allowedToJoin?.groups ?? [])
    expect(groups.has(g), `device registration policy: missing group ${g}`);
  const label = t.singletons.labelPolicySettings?.defaultLabelId;
  if (label)
    expect(ids('sensitivityLabels').has(String(label)), 'label policy: missing default label');
  return problems;
}
