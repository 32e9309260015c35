import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  empty: {
    padding: tokens.spacingVerticalXXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'center',
  },
});

export function Loading({ label }: { label: string }) {
  return <Spinner label={label} />;
}

/** The API's own message, as the issue asks: no paraphrase. */
export function ErrorMessage({
  error,
  title = 'The API refused',
}: {
  error: string;
  title?: string;
}) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error}
      </MessageBarBody>
    </MessageBar>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.empty}>
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      {children}
    </div>
  );
}

/** Loading, error or content, the same way on every page. */
export function PageState<T>(props: {
  state: { data?: T; error?: string; loading: boolean };
  loadingLabel: string;
  children: (data: T) => ReactNode;
}) {
  const { data, error, loading } = props.state;
  if (error) return <ErrorMessage error={error} />;
  if (data === undefined) return loading ? <Loading label={props.loadingLabel} /> : null;
  return <>{props.children(data)}</>;
}
