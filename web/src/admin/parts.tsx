import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { Role } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';

/** The roles a user of an organisation can have. */
export const TENANT_ROLES: Role[] = ['TENANT_ADMIN', 'HR_OFFICER', 'VIEWER'];

export interface FieldError {
  field: string[];
  message: string;
}

/** userErrors by the last part of their field path ("input.roles" → "roles"). */
export function byField(errors: FieldError[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const error of errors) {
    const name = error.field[error.field.length - 1] ?? '';
    found[name] = found[name] ? `${found[name]}; ${error.message}` : error.message;
  }
  return found;
}

/** The error of one field, linked to it by `aria-describedby={errorId}`. */
export function FieldProblem({ id, text }: { id: string; text: string | undefined }) {
  if (!text) {
    return null;
  }
  return (
    <span id={id} className="field-error">
      {text}
    </span>
  );
}

/** The messages of userErrors whose field has no place of its own in the form (`shown`), or null. */
export function elsewhere(errors: FieldError[], shown: string[]): string | null {
  const rest = errors.filter((e) => !shown.includes(e.field[e.field.length - 1] ?? ''));
  return rest.length > 0 ? rest.map((e) => e.message).join('; ') : null;
}

/** A labelled input with its userError below it, linked by aria-describedby. */
export function InputField({ id, errorId, label, error, ...input }: { id: string; errorId: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      <FieldProblem id={errorId} text={error} />
    </div>
  );
}

/** A value shown once (token, secret, link): visible, selectable, with a copy button named after what it copies. */
export function OnceValue({ label, value, name }: { label: string; value: string; name: string }) {
  const { m } = useI18n();
  const [copied, setCopied] = useState(false);
  const labelId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const area = document.createElement('textarea');
      area.value = value;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
  };
  return (
    <div className="once-value">
      <span id={labelId} className="once-label">{label}</span>
      <code className="secret" data-value={name} aria-labelledby={labelId}>
        {value}
      </code>
      <button type="button" className="button" onClick={copy}>
        {m.admin.copy(label)}
      </button>
      <span role="status" className="copy-status">
        {copied ? m.admin.copied : ''}
      </span>
    </div>
  );
}

/** A panel with values shown only once, and a warning saying so. */
export function OncePanel({ title, testId, children, onDone }: { title: string; testId: string; children: ReactNode; onDone: () => void }) {
  const { m } = useI18n();
  return (
    <section className="panel once-panel" data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      <p className="once-warning" role="note">
        <strong>{m.admin.shownOnce}</strong>
      </p>
      {children}
      <button type="button" className="button" onClick={onDone}>
        {m.admin.done}
      </button>
    </section>
  );
}

/** Role checkboxes (TENANT_ADMIN, HR_OFFICER, VIEWER) with a hint each, in a fieldset with its error. */
export function RoleChoice({
  legend,
  value,
  onChange,
  error,
  choices = TENANT_ROLES,
}: {
  legend: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
  /** The roles offered: the tenant roles, or for a user linked to a staff record, STAFF and SUPERVISOR. */
  choices?: Role[];
}) {
  const { m } = useI18n();
  const errorId = useId();
  return (
    <fieldset className="choice" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {choices.map((role) => (
        <label key={role} className="field-inline">
          <input
            type="checkbox"
            value={role}
            checked={value.includes(role)}
            onChange={(event) => onChange(event.target.checked ? choices.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role))}
          />
          <span>
            {m.enums.role[role]} <span className="hint">({m.admin.users.roleHints[role as keyof typeof m.admin.users.roleHints]})</span>
          </span>
        </label>
      ))}
      <FieldProblem id={errorId} text={error} />
    </fieldset>
  );
}

/** Roles in Thai, in the usual order (the server's order is not fixed). */
export function useRoleNames(): (roles: Role[]) => string {
  const { m } = useI18n();
  const order: Role[] = [...TENANT_ROLES, 'STAFF', 'SUPERVISOR', 'PROVINCIAL_COMMITTEE', 'NATIONAL'];
  return (roles) => [...roles].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((role) => m.enums.role[role]).join(', ');
}

/** The console address of an invitation link that the server gave as a path. */
export function absolute(url: string): string {
  return url.startsWith('/') ? `${window.location.origin}${url}` : url;
}
