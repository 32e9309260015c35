import {
  Button,
  Dropdown,
  Field,
  Link,
  Option,
  SearchBox,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  ModuleCatalogue,
  SnapshotManifest,
  SnapshotObject,
  SnapshotSummary,
} from '../api/types';
import { JsonTree } from '../components/JsonTree';
import { EmptyState, PageState } from '../components/PageState';
import { StatusBadge } from '../components/StatusBadge';
import { TenantPicker } from '../components/TenantPicker';
import { formatTime } from '../components/format';
import { useApi } from '../components/useApi';
import { href, navigate } from '../router';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
  },
  json: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    overflow: 'auto',
    maxHeight: '480px',
    margin: 0,
  },
});

export function RecoveryPoints({ params }: { params: Record<string, string> }) {
  const tenantId = params.tenant;
  const snapshots = useApi<{ value: SnapshotSummary[] }>(
    tenantId ? `tenants/${tenantId}/snapshots` : undefined,
  );
  return (
    <>
      <TenantPicker
        tenantId={tenantId}
        onChange={(id) => navigate('recovery-points', { tenant: id })}
      />
      {tenantId && !params.snapshot && (
        <PageState state={snapshots} loadingLabel="Loading recovery points…">
          {(data) =>
            data.value.length === 0 ? (
              <EmptyState title="No recovery points yet">
                A backup creates one when it commits.
              </EmptyState>
            ) : (
              <Table aria-label="Recovery points">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Recovery point</TableHeaderCell>
                    <TableHeaderCell>Kind</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Taken</TableHeaderCell>
                    <TableHeaderCell>Objects</TableHeaderCell>
                    <TableHeaderCell>Modules</TableHeaderCell>
                    <TableHeaderCell>Actions</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.value.map((s) => (
                    <TableRow key={s.snapshotId}>
                      <TableCell>
                        <Link
                          href={href('recovery-points', {
                            tenant: tenantId,
                            snapshot: s.snapshotId,
                          })}
                        >
                          {s.snapshotId}
                        </Link>
                      </TableCell>
                      <TableCell>{s.kind}</TableCell>
                      <TableCell>
                        <StatusBadge status={s.status} />
                      </TableCell>
                      <TableCell>{formatTime(s.finishedAt)}</TableCell>
                      <TableCell>{s.objects}</TableCell>
                      <TableCell>{s.modules}</TableCell>
                      <TableCell>
                        <Link href={href('restore', { tenant: tenantId, snapshot: s.snapshotId })}>
                          Restore…
                        </Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )
          }
        </PageState>
      )}
      {tenantId && params.snapshot && (
        <SnapshotBrowser tenantId={tenantId} snapshotId={params.snapshot} params={params} />
      )}
    </>
  );
}

function SnapshotBrowser(props: {
  tenantId: string;
  snapshotId: string;
  params: Record<string, string>;
}) {
  const styles = useStyles();
  const { tenantId, snapshotId, params } = props;
  const manifest = useApi<SnapshotManifest>(`tenants/${tenantId}/snapshots/${snapshotId}`);
  const catalogue = useApi<ModuleCatalogue>('modules');
  const [category, setCategory] = useState('all');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const module = params.module;
  const objectsPath =
    module || query
      ? `tenants/${tenantId}/snapshots/${snapshotId}/objects?${new URLSearchParams({
          ...(module ? { module } : {}),
          ...(query ? { search: query } : {}),
          limit: '100',
        }).toString()}`
      : undefined;
  const objects = useApi<{ value: SnapshotObject[]; truncated: boolean }>(objectsPath);
  const go = (extra: Record<string, string | undefined>) =>
    navigate('recovery-points', { tenant: tenantId, snapshot: snapshotId, module, ...extra });
  const selected = objects.data?.value.find((o) => o.id === params.object);

  return (
    <>
      <Text>
        <Link href={href('recovery-points', { tenant: tenantId })}>All recovery points</Link> ›{' '}
        {snapshotId}
      </Text>
      <PageState state={manifest} loadingLabel="Loading the recovery point…">
        {(m) => {
          const categoryOf = (id: string) =>
            catalogue.data?.value.find((c) => c.id === id)?.category;
          const rows = Object.entries(m.modules).filter(
            ([id]) => category === 'all' || categoryOf(id) === category,
          );
          return (
            <>
              <Text>
                <StatusBadge status={m.status} /> {m.kind} backup, {formatTime(m.finishedAt)} ·{' '}
                <Link href={href('restore', { tenant: tenantId, snapshot: snapshotId })}>
                  Restore from this point…
                </Link>
              </Text>
              <div className={styles.toolbar}>
                <Field label="Category">
                  <Dropdown
                    aria-label="Category"
                    value={category}
                    selectedOptions={[category]}
                    onOptionSelect={(_e, d) => setCategory(d.optionValue ?? 'all')}
                  >
                    <Option value="all">all</Option>
                    {(catalogue.data?.categories ?? []).map((c) => (
                      <Option key={c} value={c}>
                        {c}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <Field label="Search objects (name or id)">
                  <SearchBox
                    value={search}
                    onChange={(_e, d) => setSearch(d.value)}
                    onKeyDown={(e) => e.key === 'Enter' && setQuery(search.trim())}
                  />
                </Field>
                <Button onClick={() => setQuery(search.trim())}>Search</Button>
              </div>
              <div className={styles.columns}>
                <Table aria-label="Modules in this recovery point" size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Module</TableHeaderCell>
                      <TableHeaderCell>Status</TableHeaderCell>
                      <TableHeaderCell>Objects</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {rows.map(([id, mm]) => (
                      <TableRow key={id} aria-selected={id === module}>
                        <TableCell>
                          <Link
                            href={href('recovery-points', {
                              tenant: tenantId,
                              snapshot: snapshotId,
                              module: id,
                            })}
                          >
                            {id}
                          </Link>
                        </TableCell>
                        <TableCell>
                          <StatusBadge status={mm.status} />
                        </TableCell>
                        <TableCell>{mm.count}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                <div>
                  {!objectsPath && (
                    <EmptyState title="Choose a module or search">Objects appear here.</EmptyState>
                  )}
                  {objectsPath && (
                    <PageState state={objects} loadingLabel="Loading objects…">
                      {(o) =>
                        o.value.length === 0 ? (
                          <EmptyState title="No objects match" />
                        ) : (
                          <Table aria-label="Objects" size="small">
                            <TableHeader>
                              <TableRow>
                                <TableHeaderCell>Name</TableHeaderCell>
                                <TableHeaderCell>Module</TableHeaderCell>
                              </TableRow>
                            </TableHeader>
                            <TableBody>
                              {o.value.map((obj) => (
                                <TableRow key={`${obj.moduleId}:${obj.id}`}>
                                  <TableCell>
                                    <Link
                                      onClick={() => go({ module: obj.moduleId, object: obj.id })}
                                    >
                                      {displayNameOf(obj)}
                                    </Link>
                                  </TableCell>
                                  <TableCell>{obj.moduleId}</TableCell>
                                </TableRow>
                              ))}
                            </TableBody>
                          </Table>
                        )
                      }
                    </PageState>
                  )}
                </div>
              </div>
            </>
          );
        }}
      </PageState>
      {selected && <ObjectDetail object={selected} />}
    </>
  );
}

function displayNameOf(o: SnapshotObject): string {
  const name = o.object.displayName ?? o.object.name ?? o.object.userPrincipalName;
  return typeof name === 'string' && name ? name : o.id;
}

function ObjectDetail({ object }: { object: SnapshotObject }) {
  const styles = useStyles();
  const [view, setView] = useState<'tree' | 'json'>('tree');
  const record = {
    ...object.object,
    ...(object.relationships ? { '(relationships)': object.relationships } : {}),
    ...(object.children ? { '(children)': object.children } : {}),
  };
  return (
    <section aria-label="Object detail">
      <h2>{displayNameOf(object)}</h2>
      <Text>
        {object.moduleId} · {object.id}
      </Text>
      <TabList selectedValue={view} onTabSelect={(_e, d) => setView(d.value as 'tree' | 'json')}>
        <Tab value="tree">Properties</Tab>
        <Tab value="json">JSON</Tab>
      </TabList>
      {view === 'tree' ? (
        <JsonTree value={record} label="Object properties" />
      ) : (
        <pre className={styles.json} tabIndex={0} aria-label="Object JSON">
          {JSON.stringify(object, null, 2)}
        </pre>
      )}
    </section>
  );
}
