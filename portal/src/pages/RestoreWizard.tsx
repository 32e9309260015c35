import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { PlanAction, RestoreView, SnapshotManifest, SnapshotSummary } from '../api/types';
import { EmptyState, ErrorMessage, PageState } from '../components/PageState';
import { StatusBadge } from '../components/StatusBadge';
import { TenantPicker } from '../components/TenantPicker';
import { formatTime, formatValue } from '../components/format';
import { useApi, usePolling } from '../components/useApi';
import { navigate } from '../router';

const useStyles = makeStyles({
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '1100px',
  },
  modules: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  object: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  hash: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

type Source =
  | { kind: 'snapshot'; snapshotId: string }
  | { kind: 'upload'; uploadId: string; modules: Record<string, number> };

export function RestoreWizard({ params }: { params: Record<string, string> }) {
  const tenantId = params.tenant;
  return (
    <>
      <TenantPicker tenantId={tenantId} onChange={(id) => navigate('restore', { tenant: id })} />
      {tenantId && <Wizard key={tenantId} tenantId={tenantId} initialSnapshot={params.snapshot} />}
    </>
  );
}

function Wizard({ tenantId, initialSnapshot }: { tenantId: string; initialSnapshot?: string }) {
  const styles = useStyles();
  const [source, setSource] = useState<Source | undefined>(
    initialSnapshot ? { kind: 'snapshot', snapshotId: initialSnapshot } : undefined,
  );
  const [modules, setModules] = useState<string[]>([]);
  const [objectIds, setObjectIds] = useState('');
  const [relationshipMode, setRelationshipMode] = useState('merge');
  const [caPolicyLossMode, setCaPolicyLossMode] = useState('block');
  const [restoreId, setRestoreId] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const plan = async () => {
    if (!source) return;
    setBusy(true);
    setError(undefined);
    try {
      const ids = objectIds.split(/\s+/).filter(Boolean);
      const started = await api<{ restoreId: string }>(`tenants/${tenantId}/restores`, {
        method: 'POST',
        json: {
          source:
            source.kind === 'snapshot'
              ? { snapshotId: source.snapshotId }
              : { uploadId: source.uploadId },
          ...(modules.length ? { modules } : {}),
          ...(ids.length ? { objectIds: ids } : {}),
          relationshipMode,
          caPolicyLossMode,
          dryRun: false,
        },
      });
      setRestoreId(started.body.restoreId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (restoreId)
    return <RestoreProgress restoreId={restoreId} onRestart={() => setRestoreId(undefined)} />;
  return (
    <div className={styles.step}>
      <h2>1. Source</h2>
      <SourceStep
        tenantId={tenantId}
        source={source}
        onChange={(s) => {
          setSource(s);
          setModules([]);
        }}
      />
      {source && (
        <>
          <h2>2. Selection</h2>
          <SelectionStep
            tenantId={tenantId}
            source={source}
            selected={modules}
            onChange={setModules}
          />
          <Field label="Only these object ids (optional, one per line)">
            <Textarea
              value={objectIds}
              onChange={(_e, d) => setObjectIds(d.value)}
              resize="vertical"
            />
          </Field>
          <h2>3. Options</h2>
          <Field label="Relationships (memberships, owners, assignments)">
            <RadioGroup value={relationshipMode} onChange={(_e, d) => setRelationshipMode(d.value)}>
              <Radio value="merge" label="Merge: add the backed-up links, keep links added since" />
              <Radio
                value="rollback"
                label="Roll back: also remove links the backup did not have"
              />
              <Radio value="skip" label="Skip: leave relationships as they are" />
            </RadioGroup>
          </Field>
          <Field label="Conditional Access policies that would lose an include/exclude entry">
            <RadioGroup value={caPolicyLossMode} onChange={(_e, d) => setCaPolicyLossMode(d.value)}>
              <Radio value="block" label="Block: do not write such a policy" />
              <Radio value="createDisabled" label="Write it disabled, for review" />
            </RadioGroup>
          </Field>
          {error && <ErrorMessage error={error} />}
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void plan()}>
              {busy ? 'Starting…' : 'Plan restore (dry run)'}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function SourceStep(props: { tenantId: string; source?: Source; onChange: (s: Source) => void }) {
  const snapshots = useApi<{ value: SnapshotSummary[] }>(`tenants/${props.tenantId}/snapshots`);
  const [kind, setKind] = useState<'snapshot' | 'upload'>(props.source?.kind ?? 'snapshot');
  const [uploadError, setUploadError] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const upload = async (file: File) => {
    setUploading(true);
    setUploadError(undefined);
    try {
      const accepted = await api<{ uploadId: string; modules: Record<string, number> }>(
        `tenants/${props.tenantId}/restore-uploads`,
        {
          method: 'POST',
          bytes: await file.arrayBuffer(),
          contentType: file.name.endsWith('.json') ? 'application/json' : 'application/zip',
        },
      );
      props.onChange({ kind: 'upload', ...accepted.body });
    } catch (e) {
      setUploadError(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };
  return (
    <>
      <RadioGroup
        layout="horizontal"
        aria-label="Restore source"
        value={kind}
        onChange={(_e, d) => setKind(d.value as 'snapshot' | 'upload')}
      >
        <Radio value="snapshot" label="A recovery point" />
        <Radio value="upload" label="An exported ZIP or JSON file" />
      </RadioGroup>
      {kind === 'snapshot' ? (
        <PageState state={snapshots} loadingLabel="Loading recovery points…">
          {(data) =>
            data.value.length === 0 ? (
              <EmptyState title="No recovery points yet" />
            ) : (
              <Field label="Recovery point">
                <Dropdown
                  aria-label="Recovery point"
                  value={props.source?.kind === 'snapshot' ? props.source.snapshotId : ''}
                  selectedOptions={
                    props.source?.kind === 'snapshot' ? [props.source.snapshotId] : []
                  }
                  placeholder="Choose a recovery point"
                  onOptionSelect={(_e, d) =>
                    d.optionValue && props.onChange({ kind: 'snapshot', snapshotId: d.optionValue })
                  }
                >
                  {data.value.map((s) => (
                    <Option key={s.snapshotId} value={s.snapshotId} text={s.snapshotId}>
                      {s.snapshotId} · {s.kind} · {formatTime(s.finishedAt)} · {s.objects} objects
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            )
          }
        </PageState>
      ) : (
        <Field
          label="Export file (.zip or .json)"
          validationMessage={uploadError}
          validationState={uploadError ? 'error' : 'none'}
        >
          <input
            type="file"
            accept=".zip,.json,application/zip,application/json"
            aria-label="Export file"
            disabled={uploading}
            onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
          />
        </Field>
      )}
      {props.source?.kind === 'upload' && (
        <Text>Uploaded and validated: {props.source.uploadId}</Text>
      )}
    </>
  );
}

function SelectionStep(props: {
  tenantId: string;
  source: Source;
  selected: string[];
  onChange: (m: string[]) => void;
}) {
  const styles = useStyles();
  const manifest = useApi<SnapshotManifest>(
    props.source.kind === 'snapshot'
      ? `tenants/${props.tenantId}/snapshots/${props.source.snapshotId}`
      : undefined,
  );
  const counts: Record<string, number> | undefined =
    props.source.kind === 'upload'
      ? props.source.modules
      : manifest.data &&
        Object.fromEntries(
          Object.entries(manifest.data.modules)
            .filter(([, m]) => m.status === 'succeeded')
            .map(([id, m]) => [id, m.count]),
        );
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((m) => m !== id));
  return (
    <PageState state={{ ...manifest, data: counts }} loadingLabel="Loading modules…">
      {(c) => (
        <fieldset style={{ border: 'none', padding: 0 }}>
          <legend>Modules to restore (none ticked: every module)</legend>
          <div className={styles.modules}>
            {Object.entries(c).map(([id, count]) => (
              <Checkbox
                key={id}
                label={`${id} (${count})`}
                checked={props.selected.includes(id)}
                onChange={(_e, d) => toggle(id, Boolean(d.checked))}
              />
            ))}
          </div>
        </fieldset>
      )}
    </PageState>
  );
}

function RestoreProgress({ restoreId, onRestart }: { restoreId: string; onRestart: () => void }) {
  const styles = useStyles();
  const [view, setView] = useState<RestoreView | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const awaiting = view?.status === 'awaitingConfirmation';
  const path = `restores/${encodeURIComponent(restoreId)}`;

  usePolling(!view || (view.running && !awaiting), 1000, async () => {
    try {
      const status = await api<RestoreView>(path);
      if (status.body.status === 'awaitingConfirmation') {
        setView((await api<RestoreView>(`${path}?plan=json`)).body);
        return true;
      }
      setView(status.body);
      return !status.body.running;
    } catch (e) {
      setError(errorMessage(e));
      return true;
    }
  });

  const decide = async (action: 'confirm' | 'cancel') => {
    setConfirming(true);
    setError(undefined);
    try {
      await api(`${path}/${action}`, {
        method: 'POST',
        json: action === 'confirm' ? { planHash: view!.planHash } : {},
      });
      setView({
        ...view!,
        status: action === 'confirm' ? 'running' : 'cancelled',
        running: action === 'confirm',
        plan: undefined,
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setConfirming(false);
    }
  };

  return (
    <div className={styles.step}>
      <Text>
        Restore <span className={styles.hash}>{restoreId}</span>{' '}
        {view && <StatusBadge status={view.status} />}{' '}
        {view?.phase && <Badge appearance="outline">{view.phase}</Badge>}
      </Text>
      {error && <ErrorMessage error={error} />}
      {!view && <ProgressBar aria-label="Planning" />}
      {view?.running && !awaiting && (
        <>
          <Text>
            {view.phase === 'planning'
              ? 'Planning against the live tenant (no writes)…'
              : `Applying: ${view.progress?.done ?? 0} of ${view.progress?.total ?? '?'}`}
          </Text>
          <ProgressBar
            aria-label="Restore progress"
            value={
              view.progress?.total ? (view.progress.done ?? 0) / view.progress.total : undefined
            }
            max={1}
          />
        </>
      )}
      {awaiting && view.plan && (
        <>
          <h2>4. Dry-run plan</h2>
          <PlanView view={view} />
          <h2>5. Confirm</h2>
          <Text>
            Applying writes exactly this plan. Plan hash:{' '}
            <span className={styles.hash} data-testid="plan-hash">
              {view.planHash}
            </span>
            {view.expiresAt && <> · expires {formatTime(view.expiresAt)}</>}
          </Text>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={confirming}
              onClick={() => void decide('confirm')}
            >
              Confirm and apply
            </Button>
            <Button disabled={confirming} onClick={() => void decide('cancel')}>
              Cancel restore
            </Button>
          </div>
        </>
      )}
      {view && !view.running && (
        <section aria-label="Restore result" className={styles.step}>
          <h2>Result</h2>
          <Text>
            <StatusBadge status={view.summary?.status ?? view.status} />{' '}
            {view.summary?.applied &&
              `${view.summary.applied.succeeded} changes applied, ${view.summary.applied.failed} failed, ${view.summary.applied.skipped} skipped. `}
            {view.summary?.residual !== undefined &&
              `Residual differences after the verifying re-read: ${view.summary.residual}.`}
          </Text>
          {view.error && (
            <ErrorMessage error={view.error} title="The restore ended with an error" />
          )}
          {(view.summary?.failures ?? []).map((f) => (
            <Text key={f.actionId}>
              failed {f.actionId}: {f.error}
            </Text>
          ))}
          <div>
            <Button onClick={onRestart}>Start another restore</Button>
          </div>
        </section>
      )}
    </div>
  );
}

function PlanView({ view }: { view: RestoreView }) {
  const styles = useStyles();
  const plan = view.plan!;
  const actions = plan.waves.flatMap((w) => w.actions);
  const byObject = new Map<string, PlanAction[]>();
  for (const a of actions) {
    const key = `${a.moduleId}:${a.objectId}`;
    byObject.set(key, [...(byObject.get(key) ?? []), a]);
  }
  const warningsByCode = new Map<string, typeof plan.warnings>();
  for (const w of plan.warnings)
    warningsByCode.set(w.code, [...(warningsByCode.get(w.code) ?? []), w]);
  const counts = Object.entries(plan.counts).filter(([, n]) => n > 0);
  return (
    <>
      <Text>
        {counts.length === 0
          ? 'Nothing to change: the tenant matches the source.'
          : counts.map(([k, n]) => `${n} ${k}`).join(' · ')}
      </Text>
      {warningsByCode.size > 0 && (
        <Accordion multiple collapsible aria-label="Warnings">
          {[...warningsByCode].map(([code, list]) => (
            <AccordionItem key={code} value={code}>
              <AccordionHeader>
                {code} ({list.length})
              </AccordionHeader>
              <AccordionPanel>
                <ul>
                  {list.map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      {[...byObject].map(([key, list]) => (
        <div key={key} className={styles.object} data-testid="plan-object">
          <Text weight="semibold">{list[0].displayName ?? list[0].objectId}</Text>{' '}
          <Text size={200}>
            {list[0].moduleId} · {list[0].objectId}
          </Text>
          {list.map((a) => (
            <div key={a.actionId}>
              <Badge appearance="tint" color={a.kind === 'blocked' ? 'danger' : 'brand'}>
                {a.kind}
              </Badge>{' '}
              {a.reason}
              {a.diff && a.diff.length > 0 && (
                <Table
                  size="extra-small"
                  aria-label={`Changes to ${list[0].displayName ?? list[0].objectId}`}
                >
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Property</TableHeaderCell>
                      <TableHeaderCell>Now (before)</TableHeaderCell>
                      <TableHeaderCell>After restore</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {a.diff.map((d) => (
                      <TableRow key={d.property}>
                        <TableCell>{d.property}</TableCell>
                        <TableCell>{formatValue(d.before)}</TableCell>
                        <TableCell>{formatValue(d.after)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </div>
          ))}
        </div>
      ))}
    </>
  );
}
