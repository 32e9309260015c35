import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Link,
  ProgressBar,
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
import { api, errorMessage } from '../api/client';
import type { Job, Schedule, Tenant } from '../api/types';
import { EmptyState, ErrorMessage, PageState } from '../components/PageState';
import { StatusBadge } from '../components/StatusBadge';
import { formatTime } from '../components/format';
import { useApi, usePolling } from '../components/useApi';
import { href } from '../router';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  progress: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: '220px' },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM },
});

export function Dashboard() {
  const tenants = useApi<{ value: Tenant[] }>('tenants');
  const styles = useStyles();
  return (
    <>
      <div className={styles.toolbar}>
        <AddTenantDialog onAdded={tenants.reload} />
      </div>
      <PageState state={tenants} loadingLabel="Loading tenants…">
        {(data) =>
          data.value.length === 0 ? (
            <EmptyState title="No tenants are protected yet">
              Add a tenant to start backing up its configuration.
            </EmptyState>
          ) : (
            <Table aria-label="Tenants">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Tenant</TableHeaderCell>
                  <TableHeaderCell>Last backup</TableHeaderCell>
                  <TableHeaderCell>Next scheduled run</TableHeaderCell>
                  <TableHeaderCell>Actions</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.value.map((tenant) => (
                  <TenantRow key={tenant.tenantId} tenant={tenant} />
                ))}
              </TableBody>
            </Table>
          )
        }
      </PageState>
    </>
  );
}

function TenantRow({ tenant }: { tenant: Tenant }) {
  const styles = useStyles();
  const jobs = useApi<{ value: Job[] }>(`tenants/${tenant.tenantId}/backups?limit=1`);
  const schedules = useApi<{ value: Schedule[] }>(`tenants/${tenant.tenantId}/schedules`);
  const [live, setLive] = useState<Job | undefined>();
  const [error, setError] = useState<string | undefined>();
  const last = live ?? jobs.data?.value[0];
  const running = Boolean(last && !isFinal(last.status));

  usePolling(running && Boolean(last), 1000, async () => {
    const view = await api<Job>(`tenants/${tenant.tenantId}/backups/${last!.jobId}`);
    setLive(view.body);
    if (!view.body.running) jobs.reload();
    return !view.body.running;
  });

  const backupNow = async () => {
    setError(undefined);
    try {
      const started = await api<{ jobId: string }>(`tenants/${tenant.tenantId}/backups`, {
        method: 'POST',
        json: {},
      });
      setLive({
        tenantId: tenant.tenantId,
        jobId: started.body.jobId,
        type: 'backup',
        status: 'pending',
        running: true,
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const next = schedules.data?.value
    .filter((s) => s.enabled)
    .map((s) => s.nextRunAt)
    .sort()[0];
  return (
    <TableRow>
      <TableCell>
        <Text weight="semibold">{tenant.displayName}</Text>
        <br />
        <Text size={200}>{tenant.tenantId}</Text>
      </TableCell>
      <TableCell>
        {jobs.error && <ErrorMessage error={jobs.error} />}
        {last ? (
          running ? (
            <div className={styles.progress} aria-live="polite">
              <ProgressBar
                aria-label={`Backup of ${tenant.displayName}`}
                value={progressValue(last)}
                max={1}
              />
              <Text size={200} data-testid="backup-progress">
                {progressText(last)}
              </Text>
            </div>
          ) : (
            <>
              <StatusBadge status={last.status} /> {formatTime(last.finishedAt ?? last.startedAt)}
              {last.summary && (
                <Text size={200}>
                  <br />
                  {last.summary.objects} objects
                </Text>
              )}
            </>
          )
        ) : jobs.loading ? (
          '…'
        ) : (
          'Never backed up'
        )}
      </TableCell>
      <TableCell>{schedules.data ? (next ? formatTime(next) : 'No schedule') : '…'}</TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={running} onClick={() => void backupNow()}>
            Backup now
          </Button>
          <Link href={href('recovery-points', { tenant: tenant.tenantId })}>Recovery points</Link>
          <Link href={href('jobs', { tenant: tenant.tenantId, job: last?.jobId })}>
            Show detail
          </Link>
        </div>
        {error && <ErrorMessage error={error} />}
      </TableCell>
    </TableRow>
  );
}

function isFinal(status: string): boolean {
  return ['succeeded', 'finishedWithExceptions', 'failed', 'cancelled'].includes(status);
}

function progressValue(job: Job): number | undefined {
  const p = job.progress;
  if (!p?.modulesTotal) return undefined;
  return (p.modulesDone ?? 0) / p.modulesTotal;
}

function progressText(job: Job): string {
  const p = job.progress;
  if (!p?.phase) return 'Starting…';
  return `${p.phase}: ${p.modulesDone ?? 0} of ${p.modulesTotal ?? '?'} modules, ${p.objects ?? 0} objects`;
}

function AddTenantDialog({ onAdded }: { onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [tenantId, setTenantId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    setError(undefined);
    try {
      await api(`tenants/${encodeURIComponent(tenantId.trim())}`, {
        method: 'PUT',
        json: { displayName: displayName.trim() },
      });
      setOpen(false);
      setTenantId('');
      setDisplayName('');
      onAdded();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>Add tenant</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Add a tenant</DialogTitle>
          <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}>
            <Field label="Tenant id (GUID)" required>
              <Input value={tenantId} onChange={(_e, d) => setTenantId(d.value)} />
            </Field>
            <Field label="Display name" required>
              <Input value={displayName} onChange={(_e, d) => setDisplayName(d.value)} />
            </Field>
            {error && <ErrorMessage error={error} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => void submit()}>
              Add
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
