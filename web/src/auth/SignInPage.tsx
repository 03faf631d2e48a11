import { useEffect, useId, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { authConfig, lockedUntil, type AuthConfig } from '../api/auth';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { AuthFrame } from './AuthFrame';
import { Notice, PageTitle } from '../ui/components';
import { homePath, useSession } from './session';

/** Only paths of this console: never an address elsewhere. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function SignInPage() {
  const { m, f } = useI18n();
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [config, setConfig] = useState<AuthConfig>({ oidc: false, oidcLoginUrl: null });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const oidcError = params.get('signInError');
  const [problem, setProblem] = useState<string | null>(oidcError ? m.signIn.oidcFailed(oidcError) : null);
  const emailId = useId();
  const passwordId = useId();

  useEffect(() => {
    authConfig().then(setConfig);
  }, []);

  if (session.status === 'signedIn') {
    return <Navigate to={safeNext(params.get('next')) ?? homePath(session.user)} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      await signIn(email.trim(), password);
      navigate(safeNext(params.get('next')) ?? '/', { replace: true });
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && error.status === 423) {
        const until = lockedUntil(error);
        setProblem(until ? m.signIn.locked(f.dateTime(until)) : m.signIn.lockedNoTime);
      } else if (error instanceof ApiError && (error.status === 401 || error.code === 'BAD_CREDENTIALS')) {
        setProblem(m.signIn.badCredentials);
      } else if (error instanceof ApiError && error.status < 500 && error.message) {
        // the server's own words (Thai or English by the request): too many attempts, disabled account, …
        setProblem(error.message);
      } else {
        setProblem(m.signIn.failed);
      }
    } finally {
      setWorking(false);
    }
  };

  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut;
  return (
    <AuthFrame>
        <PageTitle title={m.signIn.title}>{m.signIn.title}</PageTitle>
        <p className="muted">{m.app.tagline}</p>
        {signedOut && <Notice kind="info">{m.signIn.signedOut}</Notice>}
        {problem && <Notice kind="error">{problem}</Notice>}
        <form onSubmit={submit} noValidate={false}>
          <div className="field">
            <label htmlFor={emailId}>{m.signIn.email}</label>
            <input id={emailId} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={passwordId}>{m.signIn.password}</label>
            <input
              id={passwordId}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={working}>
            {working ? m.signIn.working : m.signIn.submit}
          </button>
        </form>
        {config.oidc && config.oidcLoginUrl && (
          <>
            <p className="divider">{m.signIn.or}</p>
            <a className="button" href={config.oidcLoginUrl} style={{ width: '100%' }}>
              {m.signIn.oidc}
            </a>
          </>
        )}
    </AuthFrame>
  );
}
