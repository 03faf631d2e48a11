import { useId, useState, type FormEvent } from 'react';
import { changePassword } from '../api/auth';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/i18n';
import { errorText, Notice, PageTitle } from '../ui/components';
import { useSession } from './session';

export function ChangePasswordPage() {
  const { m } = useI18n();
  const { session } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const ids = { current: useId(), next: useId(), confirm: useId() };

  if (session.status === 'signedIn' && session.mode === 'token') {
    return (
      <section>
        <PageTitle title={m.password.title}>{m.password.title}</PageTitle>
        <Notice kind="info">{m.password.tokenMode}</Notice>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== confirm) {
      setOutcome({ kind: 'error', text: m.invitation.mismatch });
      return;
    }
    setWorking(true);
    try {
      await changePassword(current, next);
      setOutcome({ kind: 'success', text: m.password.changed });
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (error) {
      const wrong = error instanceof ApiError && (error.code === 'BAD_CREDENTIALS' || error.status === 401);
      setOutcome({ kind: 'error', text: wrong ? m.password.wrongCurrent : errorText(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="form">
      <PageTitle title={m.password.title}>{m.password.title}</PageTitle>
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <form onSubmit={submit} className="card">
        <div className="field">
          <label htmlFor={ids.current}>{m.password.current}</label>
          <input id={ids.current} type="password" autoComplete="current-password" required value={current}
            onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.next}>{m.password.next}</label>
          <input id={ids.next} type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.confirm}>{m.password.confirm}</label>
          <input id={ids.confirm} type="password" autoComplete="new-password" required value={confirm}
            onChange={(e) => setConfirm(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={working}>
          {m.password.submit}
        </button>
      </form>
    </section>
  );
}
