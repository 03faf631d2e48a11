import { useId, useState, type FormEvent } from 'react';
import { runGraphQl } from '../api/graphql';
import type { AccessTokensQuery, Role } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, errorText, ErrorNotice, Loading, Notice, PageTitle, TableScroll, DateInBuddhistEra } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { byField, FieldProblem, OncePanel, OnceValue, RoleChoice, useRoleNames, elsewhere, InputField } from './parts';
import { AccessTokens, CreateAccessToken, RevokeAccessToken } from './queries';
import { addDays, endOfDayInBangkok, isoDateInBangkok } from './dates';

type Token = AccessTokensQuery['accessTokens'][number];
type Users = AccessTokensQuery['users'];

/** TENANT_ADMIN: the organisation's access tokens; create one (value shown once) and revoke. */
export function TokensPage() {
  const { m } = useI18n();
  const t = m.admin.tokens;
  const list = useAsync(() => runGraphQl(AccessTokens), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; value: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const revoke = async (token: Token) => {
    setMessage(null);
    try {
      const { revokeAccessToken } = await runGraphQl(RevokeAccessToken, { input: { id: token.id } });
      if (revokeAccessToken.userErrors.length > 0) {
        setMessage({ kind: 'error', text: revokeAccessToken.userErrors.map((e) => e.message).join('; ') });
      } else {
        setMessage({ kind: 'success', text: t.revoked(token.name) });
        setConfirming(null);
        list.reload();
      }
    } catch (error) {
      setMessage({ kind: 'error', text: m.app.errorMessage(errorText(error)) });
    }
  };

  return (
    <section>
      <div className="page-head">
        <PageTitle title={t.title}>{t.title}</PageTitle>
        <div className="actions">
          <button type="button" className="button button-primary" aria-expanded={creating} onClick={() => { setCreating(!creating); setCreated(null); }}>
            {t.create}
          </button>
        </div>
      </div>
      <p className="hint">{t.intro}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {created && (
        <OncePanel title={t.newToken(created.name)} testId="new-token" onDone={() => setCreated(null)}>
          <OnceValue label={t.value} value={created.value} name="token" />
          <p className="hint">{t.usage}</p>
        </OncePanel>
      )}
      {creating && list.data && (
        <CreateTokenForm
          users={list.data.users}
          onCreated={(done) => {
            setCreated(done);
            setCreating(false);
            list.reload();
          }}
        />
      )}

      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (list.data.accessTokens.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <TableScroll label={t.title}>
          <table className="admin-table" data-testid="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t.nameColumn}</th>
                <th scope="col">{t.actsFor}</th>
                <th scope="col">{t.roles}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.expires}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{m.admin.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.accessTokens.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  confirming={confirming === token.id}
                  setConfirming={(on) => setConfirming(on ? token.id : null)}
                  onRevoke={() => revoke(token)}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </section>
  );
}

function TokenRow({ token, confirming, setConfirming, onRevoke }: { token: Token; confirming: boolean; setConfirming: (on: boolean) => void; onRevoke: () => void }) {
  const { m, f } = useI18n();
  const t = m.admin.tokens;
  const roleNames = useRoleNames();
  const expired = token.expiresAt != null && new Date(token.expiresAt).getTime() < Date.now();
  const status = token.revokedAt ? (
    <Badge tone="bad">{t.revokedAt(f.dateTime(token.revokedAt))}</Badge>
  ) : expired ? (
    <Badge tone="neutral">{t.expired}</Badge>
  ) : (
    <Badge tone="good">{t.active}</Badge>
  );
  return (
    <>
      <tr data-token={token.name}>
        <th scope="row">{token.name}</th>
        <td>{token.user ? token.user.name : t.serviceAccountName}</td>
        <td>{token.user ? t.userRoles : roleNames(token.roles)}</td>
        <td className="when">{f.dateTime(token.createdAt)}</td>
        <td className="when">{token.expiresAt ? f.dateTime(token.expiresAt) : m.app.none}</td>
        <td className="when">{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : m.admin.never}</td>
        <td data-column="status">{status}</td>
        <td>
          {!token.revokedAt && !expired && (
            <button type="button" className="button button-danger" aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>
              {t.revoke}
            </button>
          )}
        </td>
      </tr>
      {confirming && (
        <tr className="row-detail">
          <td colSpan={8}>
            <div className="panel confirm" role="group" aria-label={t.revoke}>
              <p>{t.confirmRevoke(token.name)}</p>
              <div className="actions">
                <button type="button" className="button button-danger" onClick={onRevoke}>
                  {t.confirm}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  {m.app.cancel}
                </button>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

function CreateTokenForm({ users, onCreated }: { users: Users; onCreated: (created: { name: string; value: string }) => void }) {
  const { m } = useI18n();
  const t = m.admin.tokens;
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [actsFor, setActsFor] = useState<'service' | 'user'>('service');
  const [userId, setUserId] = useState('');
  const [roles, setRoles] = useState<Role[]>(['VIEWER']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const ids = { name: useId(), expires: useId(), user: useId(), nameError: useId(), expiresError: useId(), userError: useId(), expiresHint: useId() };
  const today = isoDateInBangkok(new Date());
  const enabledUsers = users.filter((user) => user.enabled).sort((a, b) => a.name.localeCompare(b.name, 'th'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const input = actsFor === 'user'
        ? { name: name.trim(), expiresAt: endOfDayInBangkok(expiresOn), userId }
        : { name: name.trim(), expiresAt: endOfDayInBangkok(expiresOn), roles };
      const { createAccessToken } = await runGraphQl(CreateAccessToken, { input });
      const found = byField(createAccessToken.userErrors);
      setErrors(found);
      if (createAccessToken.userErrors.length === 0 && createAccessToken.token && createAccessToken.accessToken) {
        onCreated({ name: createAccessToken.accessToken.name, value: createAccessToken.token });
      } else {
        const other = elsewhere(createAccessToken.userErrors, ['name', 'expiresAt', 'roles', 'userId']);
        if (other) {
          setProblem(other);
        }
      }
    } catch (error) {
      setProblem(m.app.errorMessage(errorText(error)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t.createTitle}>
      <h2>{t.createTitle}</h2>
      {problem && <Notice kind="error">{problem}</Notice>}
      <div className="form-row">
        <InputField id={ids.name} errorId={ids.nameError} label={t.name} error={errors.name} type="text" required value={name} onChange={(e) => setName(e.target.value)} />
        <div className="field">
          <label htmlFor={ids.expires}>{t.expiresOn}</label>
          <input
            id={ids.expires}
            type="date"
            required
            min={today}
            max={addDays(today, 730)}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
            aria-invalid={errors.expiresAt ? true : undefined}
            aria-describedby={errors.expiresAt ? `${ids.expiresHint} ${ids.expiresError}` : ids.expiresHint}
          />
          <DateInBuddhistEra value={expiresOn} />
          <span id={ids.expiresHint} className="hint">{t.expiresHint}</span>
          <FieldProblem id={ids.expiresError} text={errors.expiresAt} />
        </div>
      </div>
      <fieldset className="choice">
        <legend>{t.actsFor}</legend>
        <label className="field-inline">
          <input type="radio" name="acts-for" value="service" checked={actsFor === 'service'} onChange={() => setActsFor('service')} />
          {t.serviceAccount}
        </label>
        <label className="field-inline">
          <input type="radio" name="acts-for" value="user" checked={actsFor === 'user'} onChange={() => setActsFor('user')} />
          {t.aUser}
        </label>
      </fieldset>
      {actsFor === 'service' ? (
        <RoleChoice legend={t.roles} value={roles} onChange={setRoles} error={errors.roles} />
      ) : (
        <div className="field">
          <label htmlFor={ids.user}>{t.user}</label>
          <select
            id={ids.user}
            required
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            aria-invalid={errors.userId ? true : undefined}
            aria-describedby={errors.userId ? ids.userError : undefined}
          >
            <option value="" />
            {enabledUsers.map((user) => (
              <option key={user.id} value={user.id}>{user.name}</option>
            ))}
          </select>
          <FieldProblem id={ids.userError} text={errors.userId} />
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={working}>
        {t.create}
      </button>
    </form>
  );
}
