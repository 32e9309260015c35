import { Badge, type BadgeProps } from '@fluentui/react-components';

const COLORS: Record<string, BadgeProps['color']> = {
  succeeded: 'success',
  finishedWithExceptions: 'warning',
  failed: 'danger',
  cancelled: 'subtle',
  skipped: 'subtle',
  running: 'brand',
  pending: 'informative',
  awaitingConfirmation: 'important',
};

const LABELS: Record<string, string> = {
  finishedWithExceptions: 'finished with exceptions',
  awaitingConfirmation: 'awaiting confirmation',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge appearance="tint" color={COLORS[status] ?? 'informative'}>
      {LABELS[status] ?? status}
    </Badge>
  );
}
