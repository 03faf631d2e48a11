import { useId, useState, type FormEvent } from 'react';
import { runGraphQl } from '../api/graphql';
import type { AdminUsersQuery, Role } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, CopyButton, errorText, ErrorNotice, Loading, Notice, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { SELF_SERVICE_ROLES } from '../auth/session';
import { absolute, byField, OncePanel, RoleChoice, useRoleNames, elsewhere, InputField } from './parts';
import { AdminUsers, InviteUser, ReissueInvitation, SetUserEnabled, SetUserRoles } from './queries';

type User = AdminUsersQuery['users'][number];
interface Invitation {
  name: string;
  email: string;
  url: string;
  expiresAt: string | null;
  emailed: boolean;
}
/** Per row: what is open under it, and the last outcome (a refusal in Thai stays at the row). */
type RowState = { open: 'roles' | null; error: string | null; invitation: Invitation | null };

/** TENANT_ADMIN: the organisation's users; invite, invite again, change roles, disable and enable. */
export function UsersPage() {
  const { m, f } = useI18n();
  const u = m.admin.users;
  const list = useAsync(() => runGraphQl(AdminUsers), []);
  const [inviting, setInviting] = useState(false);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [message, setMessage] = useState<string | null>(null);

  const rowOf = (id: string): RowState => rows[id] ?? { open: null, error: null, invitation: null };
  const setRow = (id: string, change: Partial<RowState>) => setRows((old) => ({ ...old, [id]: { ...(old[id] ?? { open: null, error: null, invitation: null }), ...change } }));

  const sorted = list.data ? [...list.data.users].sort((a, b) => a.name.localeCompare(b.name, 'th')) : [];

  const reissue = async (user: User) => {
    setMessage(null);
    try {
      const { reissueInvitation } = await runGraphQl(ReissueInvitation, { input: { userId: user.id } });
      if (reissueInvitation.userErrors.length > 0 || !reissueInvitation.invitationUrl) {
        setRow(user.id, { error: reissueInvitation.userErrors.map((e) => e.message).join('; '), invitation: null });
        return;
      }
      setRow(user.id, {
        error: null,
        invitation: {
          name: user.name,
          email: user.email,
          url: absolute(reissueInvitation.invitationUrl),
          expiresAt: reissueInvitation.expiresAt ?? null,
          emailed: reissueInvitation.invitationEmailed,
        },
      });
      list.reload();
    } catch (error) {
      setRow(user.id, { error: m.app.errorMessage(errorText(error)) });
    }
  };

  const setEnabled = async (user: User, enabled: boolean) => {
    setMessage(null);
    try {
      const { setUserEnabled } = await runGraphQl(SetUserEnabled, { input: { userId: user.id, enabled } });
      if (setUserEnabled.userErrors.length > 0) {
        setRow(user.id, { error: setUserEnabled.userErrors.map((e) => e.message).join('; ') });
        return;
      }
      setRow(user.id, { error: null });
      setMessage(enabled ? u.enabledNow(user.name) : u.disabledNow(user.name));
      list.reload();
    } catch (error) {
      setRow(user.id, { error: m.app.errorMessage(errorText(error)) });
    }
  };

  return (
    <section>
      <div className="page-head">
        <PageTitle title={u.title}>{u.title}</PageTitle>
        <div className="actions">
          <button type="button" className="button button-primary" aria-expanded={inviting} onClick={() => { setInviting(!inviting); setInvitation(null); }}>
            {u.invite}
          </button>
        </div>
      </div>
      <p className="hint">{u.intro}</p>
      {message && <Notice kind="success">{message}</Notice>}
      {invitation && (
        <InvitationPanel invitation={invitation} onDone={() => setInvitation(null)} />
      )}
      {inviting && !invitation && (
        <InviteForm
          onInvited={(done) => {
            setInvitation(done);
            setInviting(false);
            list.reload();
          }}
        />
      )}

      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p className="muted">{u.count(f.integer(sorted.length))}</p>
          {sorted.length === 0 ? (
            <p>{u.none}</p>
          ) : (
            <TableScroll label={u.title}>
              <table className="admin-table" data-testid="users-table">
                <thead>
                  <tr>
                    <th scope="col">{u.name}</th>
                    <th scope="col">{u.email}</th>
                    <th scope="col">{u.roles}</th>
                    <th scope="col">{u.status}</th>
                    <th scope="col">{u.lastSignIn}</th>
                    <th scope="col">{m.admin.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {sorted.map((user) => (
                    <UserRow
                      key={user.id}
                      user={user}
                      state={rowOf(user.id)}
                      setState={(change) => setRow(user.id, change)}
                      onReissue={() => reissue(user)}
                      onEnabled={(enabled) => setEnabled(user, enabled)}
                      onRolesSaved={(name) => { setMessage(u.rolesSaved(name)); list.reload(); }}
                    />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}

function UserRow({
  user,
  state,
  setState,
  onReissue,
  onEnabled,
  onRolesSaved,
}: {
  user: User;
  state: RowState;
  setState: (change: Partial<RowState>) => void;
  onReissue: () => void;
  onEnabled: (enabled: boolean) => void;
  onRolesSaved: (name: string) => void;
}) {
  const { m, f } = useI18n();
  const u = m.admin.users;
  const roleNames = useRoleNames();
  const errorId = useId();
  const expired = user.invitationExpiresAt != null && new Date(user.invitationExpiresAt).getTime() < Date.now();
  const extra = state.open === 'roles' || state.error || state.invitation;
  return (
    <>
      <tr data-user={user.email} aria-describedby={state.error ? errorId : undefined}>
        <th scope="row">{user.name}</th>
        <td>{user.email}</td>
        <td data-column="roles">{roleNames(user.roles)}</td>
        <td>
          <div className="badges">
            <Badge tone={user.enabled ? 'good' : 'bad'}>{user.enabled ? m.admin.enabled : m.admin.disabled}</Badge>
            {user.invitationPending && user.invitationExpiresAt && (
              <Badge tone={expired ? 'bad' : 'warn'}>
                {expired ? u.invitationExpired(f.dateTime(user.invitationExpiresAt)) : u.invitationPending(f.dateTime(user.invitationExpiresAt))}
              </Badge>
            )}
          </div>
        </td>
        <td className="when">{user.lastSignInAt ? f.dateTime(user.lastSignInAt) : m.admin.never}</td>
        <td>
          <div className="actions">
            <button
              type="button"
              className="button"
              aria-expanded={state.open === 'roles'}
              onClick={() => setState({ open: state.open === 'roles' ? null : 'roles', error: null })}
            >
              {u.changeRoles}
            </button>
            {user.invitationPending && user.enabled && (
              <button type="button" className="button" onClick={onReissue}>
                {u.reissue}
              </button>
            )}
            {user.enabled ? (
              <button type="button" className="button button-danger" onClick={() => onEnabled(false)}>
                {m.admin.disable}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => onEnabled(true)}>
                {m.admin.enable}
              </button>
            )}
          </div>
        </td>
      </tr>
      {extra && (
        <tr className="row-detail">
          <td colSpan={6}>
            {state.error && (
              <div id={errorId} className="notice notice-error" role="alert" data-testid="row-error">
                {state.error}
              </div>
            )}
            {state.invitation && <InvitationPanel invitation={state.invitation} onDone={() => setState({ invitation: null })} />}
            {state.open === 'roles' && (
              <RolesForm
                user={user}
                onSaved={() => {
                  setState({ open: null, error: null });
                  onRolesSaved(user.name);
                }}
                onRefused={(error) => setState({ error })}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function RolesForm({ user, onSaved, onRefused }: { user: User; onSaved: () => void; onRefused: (error: string) => void }) {
  const { m } = useI18n();
  const u = m.admin.users;
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [working, setWorking] = useState(false);
  const [empty, setEmpty] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setWorking(true);
    try {
      const { setUserRoles } = await runGraphQl(SetUserRoles, { input: { userId: user.id, roles } });
      if (setUserRoles.userErrors.length > 0) {
        onRefused(setUserRoles.userErrors.map((e) => e.message).join('; '));
      } else {
        onSaved();
      }
    } catch (error) {
      onRefused(m.app.errorMessage(errorText(error)));
    } finally {
      setWorking(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={u.rolesFor(user.name)}>
      <RoleChoice
        legend={u.rolesFor(user.name)}
        value={roles}
        onChange={setRoles}
        error={empty ? u.chooseRole : undefined}
        choices={user.staffId ? SELF_SERVICE_ROLES : undefined}
      />
      <button type="submit" className="button button-primary" disabled={working}>
        {u.saveRoles}
      </button>
    </form>
  );
}

function InviteForm({ onInvited }: { onInvited: (invitation: Invitation) => void }) {
  const { m } = useI18n();
  const u = m.admin.users;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['HR_OFFICER']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const ids = { name: useId(), email: useId(), nameError: useId(), emailError: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) {
      setErrors({ roles: u.chooseRole });
      return;
    }
    setWorking(true);
    setProblem(null);
    try {
      const { inviteUser } = await runGraphQl(InviteUser, { input: { name: name.trim(), email: email.trim(), roles } });
      const found = byField(inviteUser.userErrors);
      setErrors(found);
      if (inviteUser.userErrors.length === 0 && inviteUser.invitationUrl && inviteUser.user) {
        onInvited({
          name: inviteUser.user.name,
          email: inviteUser.user.email,
          url: absolute(inviteUser.invitationUrl),
          expiresAt: inviteUser.expiresAt ?? null,
          emailed: inviteUser.invitationEmailed,
        });
      } else {
        const other = elsewhere(inviteUser.userErrors, ['name', 'email', 'roles']);
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
    <form className="panel" onSubmit={submit} aria-label={u.inviteTitle}>
      <h2>{u.inviteTitle}</h2>
      {problem && <Notice kind="error">{problem}</Notice>}
      <div className="form-row">
        <InputField id={ids.name} errorId={ids.nameError} label={u.name} error={errors.name} type="text" required value={name} onChange={(e) => setName(e.target.value)} />
        <InputField id={ids.email} errorId={ids.emailError} label={u.email} error={errors.email} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <RoleChoice legend={u.roles} value={roles} onChange={setRoles} error={errors.roles} />
      <button type="submit" className="button button-primary" disabled={working}>
        {u.inviteSubmit}
      </button>
    </form>
  );
}

function InvitationPanel({ invitation, onDone }: { invitation: Invitation; onDone: () => void }) {
  const { m, f } = useI18n();
  const u = m.admin.users;
  return (
    <OncePanel title={u.invitationLinkFor(invitation.name)} testId="invitation" onDone={onDone}>
      <code className="secret" data-value="invitation">{invitation.url}</code>
      <CopyButton text={invitation.url} />
      {invitation.expiresAt && <p className="hint">{u.invitationExpires(f.dateTime(invitation.expiresAt))}</p>}
      <p data-testid="emailed">{invitation.emailed ? u.emailed(invitation.email) : u.notEmailed}</p>
    </OncePanel>
  );
}
