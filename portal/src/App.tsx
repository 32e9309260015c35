import {
  Badge,
  Button,
  NavDrawer,
  NavDrawerBody,
  NavItem,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { errorMessage } from './api/client';
import {
  type Session,
  loadSignInConfig,
  signIn,
  startLocalSession,
  startMsalSession,
} from './auth/session';
import { ErrorMessage, Loading } from './components/PageState';
import { Dashboard } from './pages/Dashboard';
import { Jobs } from './pages/Jobs';
import { Protect } from './pages/Protect';
import { RecoveryPoints } from './pages/RecoveryPoints';
import { RestoreWizard } from './pages/RestoreWizard';
import { type PageId, href, useRoute } from './router';

const PAGES: { id: PageId; title: string }[] = [
  { id: 'dashboard', title: 'Dashboard' },
  { id: 'protect', title: 'What to protect' },
  { id: 'jobs', title: 'Job monitor' },
  { id: 'recovery-points', title: 'Recovery points' },
  { id: 'restore', title: 'Restore' },
];

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { flexGrow: 1, color: tokens.colorNeutralForegroundOnBrand },
  body: { display: 'flex', flexGrow: 1 },
  main: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  center: { margin: '20vh auto', display: 'flex', flexDirection: 'column', gap: '12px' },
});

type SessionState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'signInRequired' }
  | { kind: 'ready'; session: Session };

export function App() {
  const styles = useStyles();
  const route = useRoute();
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const config = await loadSignInConfig();
      if (config.mode === 'unconfigured')
        return setState({ kind: 'error', message: config.message });
      const session =
        config.mode === 'local' ? await startLocalSession(config) : await startMsalSession(config);
      setState(
        session === 'signInRequired' ? { kind: 'signInRequired' } : { kind: 'ready', session },
      );
    })().catch((error: unknown) => setState({ kind: 'error', message: errorMessage(error) }));
  }, []);

  if (state.kind === 'loading') {
    return (
      <main className={styles.center}>
        <Loading label="Signing in…" />
      </main>
    );
  }
  if (state.kind === 'error') {
    return (
      <main className={styles.center}>
        <h1>entra-backup</h1>
        <ErrorMessage title="Sign-in is not possible" error={state.message} />
      </main>
    );
  }
  if (state.kind === 'signInRequired') {
    return (
      <main className={styles.center}>
        <h1>entra-backup</h1>
        <Text>Sign in with your Microsoft Entra ID work account.</Text>
        <Button appearance="primary" onClick={() => void signIn?.()}>
          Sign in
        </Button>
      </main>
    );
  }

  const { session } = state;
  const page = PAGES.find((p) => p.id === route.page) ?? PAGES[0];
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Text size={500} weight="semibold" className={styles.title}>
          entra-backup
        </Text>
        {session.mode === 'local' ? (
          <Badge
            color="warning"
            appearance="filled"
            title="Tokens are minted by this entra-backup process, not by Entra ID"
          >
            Local sign-in: {session.userName} ({session.role})
          </Badge>
        ) : (
          <Text>{session.userName}</Text>
        )}
        {session.signOut && (
          <Button appearance="subtle" onClick={() => void session.signOut?.()}>
            Sign out
          </Button>
        )}
      </header>
      <div className={styles.body}>
        <NavDrawer open type="inline" selectedValue={page.id} aria-label="Pages">
          <NavDrawerBody>
            {PAGES.map((p) => (
              <NavItem key={p.id} value={p.id} href={href(p.id, { tenant: route.params.tenant })}>
                {p.title}
              </NavItem>
            ))}
          </NavDrawerBody>
        </NavDrawer>
        <main className={styles.main}>
          <h1 style={{ margin: 0 }}>{page.title}</h1>
          <CurrentPage page={page.id} params={route.params} />
        </main>
      </div>
    </div>
  );
}

function CurrentPage({ page, params }: { page: PageId; params: Record<string, string> }) {
  switch (page) {
    case 'protect':
      return <Protect params={params} />;
    case 'jobs':
      return <Jobs params={params} />;
    case 'recovery-points':
      return <RecoveryPoints params={params} />;
    case 'restore':
      return <RestoreWizard params={params} />;
    default:
      return <Dashboard />;
  }
}
