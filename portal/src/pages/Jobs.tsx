import {
  Button,
  Dropdown,
  Field,
  Link,
  Option,
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
import { api } from '../api/client';
import type { Job } from '../api/types';
import { EmptyState, PageState } from '../components/PageState';
import { StatusBadge } from '../components/StatusBadge';
import { TenantPicker } from '../components/TenantPicker';
import { downloadJson, formatTime } from '../components/format';
import { useApi, usePolling } from '../components/useApi';
import { href, navigate } from '../router';

const FINAL = ['succeeded', 'finishedWithExceptions', 'failed', 'cancelled'];
const STATUSES = ['all', 'running', ...FINAL];

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  detail: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function Jobs({ params }: { params: Record<string, string> }) {
  const styles = useStyles();
  const tenantId = params.tenant;
  const jobs = useApi<{ value: Job[] }>(
    tenantId ? `tenants/${tenantId}/backups?limit=50` : undefined,
  );
  const [status, setStatus] = useState('all');
  return (
    <>
      <div className={styles.toolbar}>
        <TenantPicker tenantId={tenantId} onChange={(id) => navigate('jobs', { tenant: id })} />
        <Field label="Status">
          <Dropdown
            aria-label="Status"
            value={status}
            selectedOptions={[status]}
            onOptionSelect={(_e, d) => setStatus(d.optionValue ?? 'all')}
          >
            {STATUSES.map((s) => (
              <Option key={s} value={s}>
                {s}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button onClick={jobs.reload}>Refresh</Button>
      </div>
      {tenantId && (
        <PageState state={jobs} loadingLabel="Loading jobs…">
          {(data) => {
            // Display filter over the page of jobs the API returned.
            const rows = data.value.filter(
              (j) =>
                status === 'all' ||
                j.status === status ||
                (status === 'running' && !FINAL.includes(j.status)),
            );
            if (rows.length === 0)
              return (
                <EmptyState title="No backup jobs yet">
                  Start one with Backup now on the dashboard.
                </EmptyState>
              );
            return (
              <Table aria-label="Backup jobs">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Job</TableHeaderCell>
                    <TableHeaderCell>Type</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Started</TableHeaderCell>
                    <TableHeaderCell>Finished</TableHeaderCell>
                    <TableHeaderCell>Requested by</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((job) => (
                    <TableRow key={job.jobId} aria-selected={job.jobId === params.job}>
                      <TableCell>
                        <Link href={href('jobs', { tenant: tenantId, job: job.jobId })}>
                          {job.jobId}
                        </Link>
                      </TableCell>
                      <TableCell>{job.type}</TableCell>
                      <TableCell>
                        <StatusBadge status={job.status} />
                      </TableCell>
                      <TableCell>{formatTime(job.startedAt)}</TableCell>
                      <TableCell>{formatTime(job.finishedAt)}</TableCell>
                      <TableCell>{job.requestedBy}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            );
          }}
        </PageState>
      )}
      {tenantId && params.job && <JobDetail tenantId={tenantId} jobId={params.job} />}
    </>
  );
}

function JobDetail({ tenantId, jobId }: { tenantId: string; jobId: string }) {
  const styles = useStyles();
  const path = `tenants/${tenantId}/backups/${jobId}`;
  const view = useApi<Job>(path);
  const [live, setLive] = useState<Job | undefined>();
  const job = live ?? view.data;
  usePolling(Boolean(job?.running), 1000, async () => {
    const next = await api<Job>(path);
    setLive(next.body);
    return !next.body.running;
  });
  return (
    <section aria-label="Job detail" className={styles.detail}>
      <h2 style={{ margin: 0 }}>Job {jobId}</h2>
      <PageState state={{ ...view, data: job }} loadingLabel="Loading the job…">
        {(j) => (
          <>
            <Text>
              <StatusBadge status={j.status} /> started {formatTime(j.startedAt)}, finished{' '}
              {formatTime(j.finishedAt)}
              {j.snapshotId && (
                <>
                  {' '}
                  · recovery point{' '}
                  <Link
                    href={href('recovery-points', { tenant: tenantId, snapshot: j.snapshotId })}
                  >
                    {j.snapshotId}
                  </Link>
                </>
              )}
            </Text>
            {j.error && <Text>{j.error}</Text>}
            {j.running && j.progress && (
              <ProgressBar
                aria-label="Job progress"
                value={
                  j.progress.modulesTotal
                    ? (j.progress.modulesDone ?? 0) / j.progress.modulesTotal
                    : undefined
                }
                max={1}
              />
            )}
            <div>
              <Button onClick={() => downloadJson(`backup-job-${jobId}.json`, j)}>
                Download report (JSON)
              </Button>
            </div>
            {j.summary && (
              <Table aria-label="Modules of this job">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Module</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Read</TableHeaderCell>
                    <TableHeaderCell>Objects</TableHeaderCell>
                    <TableHeaderCell>Added / updated / removed</TableHeaderCell>
                    <TableHeaderCell>Requests</TableHeaderCell>
                    <TableHeaderCell>Error</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {Object.entries(j.summary.modules).map(([id, m]) => (
                    <TableRow key={id}>
                      <TableCell>{id}</TableCell>
                      <TableCell>
                        <StatusBadge status={m.status} />
                      </TableCell>
                      <TableCell>{m.mode ?? '—'}</TableCell>
                      <TableCell>{m.count}</TableCell>
                      <TableCell>
                        {m.changes
                          ? `${m.changes.added} / ${m.changes.updated} / ${m.changes.removed}`
                          : '—'}
                      </TableCell>
                      <TableCell>{m.requests ?? '—'}</TableCell>
                      <TableCell>{m.error ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </PageState>
    </section>
  );
}
