import { useId, useState, type FormEvent } from 'react';
import { runGraphQl } from '../api/graphql';
import type { XapiCredentialsQuery, XapiScope } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, errorText, ErrorNotice, Loading, Notice, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { byField, FieldProblem, OncePanel, OnceValue, elsewhere, InputField } from './parts';
import { CreateXapiCredential, DeleteXapiCredential, RotateXapiCredentialSecret, SetXapiCredentialEnabled, XapiCredentials } from './queries';

type Credential = XapiCredentialsQuery['xapiCredentials'][number];

/** Every xAPI scope, in the order of the xAPI specification, with its name there. */
export const SCOPES: { scope: XapiScope; xapi: string }[] = [
  { scope: 'STATEMENTS_WRITE', xapi: 'statements/write' },
  { scope: 'STATEMENTS_READ', xapi: 'statements/read' },
  { scope: 'STATEMENTS_READ_MINE', xapi: 'statements/read/mine' },
  { scope: 'STATE', xapi: 'state' },
  { scope: 'DEFINE', xapi: 'define' },
  { scope: 'PROFILE', xapi: 'profile' },
  { scope: 'ALL_READ', xapi: 'all/read' },
  { scope: 'ALL', xapi: 'all' },
];
/** What the server gives when no scopes are named; preselected in the form. */
const DEFAULT_SCOPES: XapiScope[] = ['STATEMENTS_WRITE', 'STATEMENTS_READ_MINE', 'STATE', 'PROFILE'];

export function xapiScopeName(scope: XapiScope): string {
  return SCOPES.find((s) => s.scope === scope)?.xapi ?? scope;
}

/** What was just issued: a whole credential (create) or a new secret (rotate); shown once. */
type Issued =
  | { kind: 'created'; name: string; key: string; secret: string; endpoint: string }
  | { kind: 'rotated'; name: string; key: string; secret: string; endpoint: string; previousValidUntil: string | null };
type Confirm = { id: string; action: 'rotate' | 'delete' } | null;

/** TENANT_ADMIN: the organisation's xAPI credentials; create, rotate the secret, disable and enable, delete. */
export function CredentialsPage() {
  const { m } = useI18n();
  const c = m.admin.credentials;
  const list = useAsync(() => runGraphQl(XapiCredentials), []);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const act = async (run: () => Promise<{ userErrors: { message: string }[] }>, success: string | null) => {
    setMessage(null);
    try {
      const payload = await run();
      if (payload.userErrors.length > 0) {
        setMessage({ kind: 'error', text: payload.userErrors.map((e) => e.message).join('; ') });
        return false;
      }
      if (success) {
        setMessage({ kind: 'success', text: success });
      }
      setConfirm(null);
      list.reload();
      return true;
    } catch (error) {
      setMessage({ kind: 'error', text: m.app.errorMessage(errorText(error)) });
      return false;
    }
  };

  const rotate = (credential: Credential) =>
    act(async () => {
      const { rotateXapiCredentialSecret: payload } = await runGraphQl(RotateXapiCredentialSecret, { input: { id: credential.id } });
      if (payload.xapiCredential && payload.secret) {
        setCreating(false);
        setIssued({
          kind: 'rotated',
          name: payload.xapiCredential.name,
          key: payload.xapiCredential.key,
          secret: payload.secret,
          endpoint: payload.xapiCredential.endpoint,
          previousValidUntil: payload.xapiCredential.previousSecretValidUntil ?? null,
        });
      }
      return payload;
    }, null);
  const setEnabled = (credential: Credential, enabled: boolean) =>
    act(async () => (await runGraphQl(SetXapiCredentialEnabled, { input: { id: credential.id, enabled } })).setXapiCredentialEnabled,
      enabled ? c.enabledNow(credential.name) : c.disabledNow(credential.name));
  const remove = (credential: Credential) =>
    act(async () => (await runGraphQl(DeleteXapiCredential, { input: { id: credential.id } })).deleteXapiCredential, c.deleted(credential.name));

  return (
    <section>
      <div className="page-head">
        <PageTitle title={c.title}>{c.title}</PageTitle>
        <div className="actions">
          <button type="button" className="button button-primary" aria-expanded={creating} onClick={() => { setCreating(!creating); setIssued(null); }}>
            {c.create}
          </button>
        </div>
      </div>
      <p className="hint">{c.intro}</p>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {issued && <IssuedPanel issued={issued} onDone={() => setIssued(null)} />}
      {creating && (
        <CreateCredentialForm
          onCreated={(done) => {
            setIssued(done);
            setCreating(false);
            list.reload();
          }}
        />
      )}

      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (list.data.xapiCredentials.length === 0 ? (
        <p>{c.none}</p>
      ) : (
        <TableScroll label={c.title}>
          <table className="admin-table" data-testid="credentials-table">
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.key}</th>
                <th scope="col">{c.scopes}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.lastUsed}</th>
                <th scope="col" className="num">{c.statements}</th>
                <th scope="col">{c.rotation}</th>
                <th scope="col">{m.admin.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.xapiCredentials.map((credential) => (
                <CredentialRow
                  key={credential.id}
                  credential={credential}
                  confirm={confirm?.id === credential.id ? confirm.action : null}
                  setConfirm={(action) => setConfirm(action ? { id: credential.id, action } : null)}
                  onRotate={() => rotate(credential)}
                  onEnabled={(enabled) => setEnabled(credential, enabled)}
                  onDelete={() => remove(credential)}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </section>
  );
}

function CredentialRow({
  credential,
  confirm,
  setConfirm,
  onRotate,
  onEnabled,
  onDelete,
}: {
  credential: Credential;
  confirm: 'rotate' | 'delete' | null;
  setConfirm: (action: 'rotate' | 'delete' | null) => void;
  onRotate: () => void;
  onEnabled: (enabled: boolean) => void;
  onDelete: () => void;
}) {
  const { m, f } = useI18n();
  const c = m.admin.credentials;
  const graceLasts = credential.previousSecretValidUntil != null && new Date(credential.previousSecretValidUntil).getTime() > Date.now();
  return (
    <>
      <tr data-credential={credential.name}>
        <th scope="row">{credential.name}</th>
        <td><code>{credential.key}</code></td>
        <td>
          <ul className="plain-list">
            {credential.scopes.map((scope) => (
              <li key={scope}>{xapiScopeName(scope)}</li>
            ))}
          </ul>
        </td>
        <td>
          <Badge tone={credential.enabled ? 'good' : 'bad'}>{credential.enabled ? m.admin.enabled : m.admin.disabled}</Badge>
        </td>
        <td className="when">{credential.lastUsedAt ? f.dateTime(credential.lastUsedAt) : m.admin.never}</td>
        <td className="num">{f.integer(credential.statementCount)}</td>
        <td data-column="rotation">
          {credential.rotatedAt ? c.rotatedAt(f.dateTime(credential.rotatedAt)) : c.notRotated}
          {credential.previousSecretValidUntil && (
            <div className={graceLasts ? 'grace' : 'hint'} data-grace={graceLasts}>
              {graceLasts ? c.previousValidUntil(f.dateTime(credential.previousSecretValidUntil)) : c.previousExpired(f.dateTime(credential.previousSecretValidUntil))}
            </div>
          )}
        </td>
        <td>
          <div className="actions">
            <button type="button" className="button" aria-expanded={confirm === 'rotate'} onClick={() => setConfirm(confirm === 'rotate' ? null : 'rotate')}>
              {c.rotate}
            </button>
            {credential.enabled ? (
              <button type="button" className="button button-danger" onClick={() => onEnabled(false)}>
                {m.admin.disable}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => onEnabled(true)}>
                {m.admin.enable}
              </button>
            )}
            <button type="button" className="button button-danger" aria-expanded={confirm === 'delete'} onClick={() => setConfirm(confirm === 'delete' ? null : 'delete')}>
              {c.delete}
            </button>
          </div>
        </td>
      </tr>
      {confirm && (
        <tr className="row-detail">
          <td colSpan={8}>
            <div className="panel confirm" role="group" aria-label={confirm === 'rotate' ? c.rotate : c.delete}>
              <p>{confirm === 'rotate' ? c.confirmRotate(credential.name) : c.confirmDelete(credential.name)}</p>
              <div className="actions">
                {confirm === 'rotate' ? (
                  <button type="button" className="button button-primary" onClick={onRotate}>{c.confirmRotateButton}</button>
                ) : (
                  <button type="button" className="button button-danger" onClick={onDelete}>{c.confirmDeleteButton}</button>
                )}
                <button type="button" className="button" onClick={() => setConfirm(null)}>{m.app.cancel}</button>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

function IssuedPanel({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const { m, f } = useI18n();
  const c = m.admin.credentials;
  return (
    <OncePanel
      title={issued.kind === 'created' ? c.newCredential(issued.name) : c.rotatedCredential(issued.name)}
      testId={issued.kind === 'created' ? 'new-credential' : 'rotated-credential'}
      onDone={onDone}
    >
      <p className="hint">{c.giveProvider}</p>
      <OnceValue label={c.endpoint} value={issued.endpoint} name="endpoint" />
      <OnceValue label={c.key} value={issued.key} name="key" />
      <OnceValue label={c.secret} value={issued.secret} name="secret" />
      {issued.kind === 'rotated' && issued.previousValidUntil && (
        <p className="grace" data-testid="grace">{c.previousValidUntil(f.dateTime(issued.previousValidUntil))}</p>
      )}
    </OncePanel>
  );
}

function CreateCredentialForm({ onCreated }: { onCreated: (issued: Issued) => void }) {
  const { m } = useI18n();
  const c = m.admin.credentials;
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<XapiScope[]>(DEFAULT_SCOPES);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const ids = { name: useId(), nameError: useId(), scopesError: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const { createXapiCredential } = await runGraphQl(CreateXapiCredential, { input: { name: name.trim(), scopes } });
      setErrors(byField(createXapiCredential.userErrors));
      const made = createXapiCredential.xapiCredential;
      if (createXapiCredential.userErrors.length === 0 && made && createXapiCredential.secret) {
        onCreated({ kind: 'created', name: made.name, key: made.key, secret: createXapiCredential.secret, endpoint: made.endpoint });
      } else {
        const other = elsewhere(createXapiCredential.userErrors, ['name', 'scopes']);
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
    <form className="panel" onSubmit={submit} aria-label={c.createTitle}>
      <h2>{c.createTitle}</h2>
      {problem && <Notice kind="error">{problem}</Notice>}
      <InputField id={ids.name} errorId={ids.nameError} label={c.name} error={errors.name} type="text" required value={name} onChange={(e) => setName(e.target.value)} />
      <fieldset className="choice" aria-describedby={errors.scopes ? ids.scopesError : undefined}>
        <legend>{c.scopes}</legend>
        {SCOPES.map(({ scope, xapi }) => (
          <label key={scope} className="field-inline">
            <input
              type="checkbox"
              value={scope}
              checked={scopes.includes(scope)}
              onChange={(event) => setScopes(event.target.checked ? SCOPES.map((s) => s.scope).filter((s) => s === scope || scopes.includes(s)) : scopes.filter((s) => s !== scope))}
            />
            <span>
              {c.scopeNames[scope]} <code>{xapi}</code>
            </span>
          </label>
        ))}
        <FieldProblem id={ids.scopesError} text={errors.scopes} />
      </fieldset>
      <button type="submit" className="button button-primary" disabled={working}>
        {c.create}
      </button>
    </form>
  );
}
