import {
  Badge,
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { ModuleCatalogue, PermissionReport, ScopeView } from '../api/types';
import { ErrorMessage, PageState } from '../components/PageState';
import { TenantPicker } from '../components/TenantPicker';
import { useApi } from '../components/useApi';
import { navigate } from '../router';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  modules: { display: 'flex', flexDirection: 'column', paddingLeft: tokens.spacingHorizontalL },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  list: { margin: 0, paddingLeft: '20px' },
});

type Draft = Pick<ScopeView, 'enableAll' | 'categories' | 'modules'>;

export function Protect({ params }: { params: Record<string, string> }) {
  const tenantId = params.tenant;
  const catalogue = useApi<ModuleCatalogue>('modules');
  const scope = useApi<ScopeView>(tenantId ? `tenants/${tenantId}/scope` : undefined);
  return (
    <>
      <TenantPicker tenantId={tenantId} onChange={(id) => navigate('protect', { tenant: id })} />
      {tenantId && (
        <PageState state={catalogue} loadingLabel="Loading the module catalogue…">
          {(modules) => (
            <PageState state={scope} loadingLabel="Loading the backup scope…">
              {(view) => (
                <ScopeEditor
                  key={`${tenantId}:${JSON.stringify(view)}`}
                  tenantId={tenantId}
                  catalogue={modules}
                  saved={view}
                  onSaved={scope.reload}
                />
              )}
            </PageState>
          )}
        </PageState>
      )}
    </>
  );
}

function ScopeEditor(props: {
  tenantId: string;
  catalogue: ModuleCatalogue;
  saved: ScopeView;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { saved, catalogue } = props;
  const [draft, setDraft] = useState<Draft>({
    enableAll: saved.enableAll,
    categories: saved.categories,
    modules: saved.modules,
  });
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const isNew = (id: string) => saved.newModules.includes(id);
  const moduleOn = (id: string, category: string) =>
    draft.enableAll || (draft.modules[id] ?? (Boolean(draft.categories[category]) && !isNew(id)));

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api(`tenants/${props.tenantId}/scope`, { method: 'PUT', json: draft });
      props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const dirty =
    JSON.stringify(draft) !==
    JSON.stringify({
      enableAll: saved.enableAll,
      categories: saved.categories,
      modules: saved.modules,
    });

  return (
    <>
      <div className={styles.toolbar}>
        <Switch
          label="Enable all (including modules added by later releases)"
          checked={draft.enableAll}
          onChange={(_e, d) => setDraft({ ...draft, enableAll: d.checked })}
        />
        <Button appearance="primary" disabled={!dirty || saving} onClick={() => void save()}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
        <Text aria-live="polite">
          Backups read {saved.selectedModules.length} of {catalogue.value.length} modules.
        </Text>
      </div>
      {saved.newModules.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {saved.newModules.length} module(s) were added since this scope was saved; they stay off
            until you switch them on.
          </MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorMessage error={error} />}
      <div className={styles.grid}>
        {catalogue.categories.map((category) => {
          const modules = catalogue.value.filter((m) => m.category === category);
          if (modules.length === 0) return null;
          return (
            <Card key={category}>
              <CardHeader
                header={
                  <Switch
                    label={<Text weight="semibold">{category}</Text>}
                    disabled={draft.enableAll}
                    checked={draft.enableAll || Boolean(draft.categories[category])}
                    onChange={(_e, d) =>
                      setDraft({
                        ...draft,
                        categories: { ...draft.categories, [category]: d.checked },
                      })
                    }
                  />
                }
              />
              <div className={styles.modules}>
                {modules.map((m) => (
                  <Switch
                    key={m.id}
                    disabled={draft.enableAll}
                    checked={moduleOn(m.id, category)}
                    label={
                      <>
                        {m.displayName}{' '}
                        {isNew(m.id) && (
                          <Badge size="small" color="important">
                            new
                          </Badge>
                        )}
                        {m.restore === 'backupOnly' && (
                          <Badge size="small" appearance="outline" color="informative">
                            backup only
                          </Badge>
                        )}
                      </>
                    }
                    onChange={(_e, d) =>
                      setDraft({ ...draft, modules: { ...draft.modules, [m.id]: d.checked } })
                    }
                  />
                ))}
              </div>
            </Card>
          );
        })}
      </div>
      <Permissions tenantId={props.tenantId} modules={saved.selectedModules} />
    </>
  );
}

/** What the saved selection needs, and what admin consent has not granted in the tenant. */
function Permissions({ tenantId, modules }: { tenantId: string; modules: string[] }) {
  const styles = useStyles();
  const query = `modules=${encodeURIComponent(modules.join(','))}`;
  const needed = useApi<PermissionReport>(modules.length ? `permissions?${query}` : undefined);
  const granted = useApi<PermissionReport>(
    modules.length ? `tenants/${tenantId}/permissions?${query}` : undefined,
  );
  const [missing, setMissing] = useState<string[] | undefined>();
  useEffect(() => setMissing(granted.data?.tenant?.missing.backup), [granted.data]);
  if (modules.length === 0) return null;
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Permissions this selection needs</Text>} />
      <PageState state={needed} loadingLabel="Loading permissions…">
        {(report) => (
          <ul className={styles.list} aria-label="Backup permissions needed">
            {report.backup.map((p) => (
              <li key={p}>
                {p}{' '}
                {missing?.includes(p) && (
                  <Badge color="danger" appearance="tint">
                    not granted
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </PageState>
      {granted.error ? (
        <ErrorMessage title="Granted permissions could not be read" error={granted.error} />
      ) : (
        missing && (
          <Text>
            {missing.length === 0
              ? 'Admin consent has granted every permission a backup needs.'
              : `${missing.length} permission(s) are not granted; the modules that need them are skipped with a warning.`}
          </Text>
        )
      )}
    </Card>
  );
}
