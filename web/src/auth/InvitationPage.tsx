import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { readInvitation } from '../api/auth';
import { useI18n } from '../i18n/i18n';
import { AuthFrame } from './AuthFrame';
import { errorText, Loading, Notice, PageTitle } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useSession } from './session';

/** /invite/:token: the invited person sets a password and is signed in. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { m, f } = useI18n();
  const { acceptInvitation } = useSession();
  const navigate = useNavigate();
  const invitation = useAsync(() => readInvitation(token), [token]);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const passwordId = useId();
  const confirmId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      setProblem(m.invitation.mismatch);
      return;
    }
    setWorking(true);
    setProblem(null);
    try {
      await acceptInvitation(token, password);
      navigate('/', { replace: true });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  const data = invitation.data;
  return (
    <AuthFrame>
        <PageTitle title={m.invitation.title}>{m.invitation.title}</PageTitle>
        {invitation.loading && <Loading />}
        {invitation.error && <Notice kind="error">{m.invitation.invalid}</Notice>}
        {data && (
          <>
            <p>{data.organisation ? m.invitation.intro(data.name, data.organisation.nameTh) : m.invitation.introNoOrganisation(data.name)}</p>
            <dl className="facts">
              <dt>{m.invitation.email}</dt>
              <dd>{data.email}</dd>
            </dl>
            <p className="hint">{m.invitation.expires(f.dateTime(data.expiresAt))}</p>
            {problem && <Notice kind="error">{problem}</Notice>}
            <form onSubmit={submit}>
              <input type="email" autoComplete="username" value={data.email} readOnly hidden />
              <div className="field">
                <label htmlFor={passwordId}>{m.invitation.password}</label>
                <input id={passwordId} type="password" autoComplete="new-password" required value={password}
                  onChange={(e) => setPassword(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={confirmId}>{m.invitation.confirm}</label>
                <input id={confirmId} type="password" autoComplete="new-password" required value={confirm}
                  onChange={(e) => setConfirm(e.target.value)} />
              </div>
              <button type="submit" className="button button-primary" disabled={working}>
                {m.invitation.submit}
              </button>
            </form>
          </>
        )}
    </AuthFrame>
  );
}
