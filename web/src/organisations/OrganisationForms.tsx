import { useId, useRef, useState, type FormEvent } from 'react';
import { runGraphQl } from '../api/graphql';
import type { MunicipalClass, OrganisationKind } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { RowProblems } from '../staff/RowProblems';
import { CopyButton, errorText, Notice } from '../ui/components';
import { importFile, type ImportOutcome } from '../ui/importFile';
import { CreateOrganisation, InviteAdministrator } from './queries';
import { ORGANISATION_KINDS } from '../ui/vocabulary';

const CLASSES: MunicipalClass[] = ['NAKHON', 'MUEANG', 'TAMBON'];

/** createOrganisation, with the userErrors shown beside their fields. */
export function CreateOrganisationForm({ onCreated }: { onCreated: (organisation: { id: string; nameTh: string }) => void }) {
  const { m } = useI18n();
  const o = m.organisations;
  const [values, setValues] = useState({ code: '', nameTh: '', nameEn: '', kind: 'SAO' as OrganisationKind, municipalClass: '', province: '', district: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const ids = { code: useId(), nameTh: useId(), nameEn: useId(), kind: useId(), municipalClass: useId(), province: useId(), district: useId() };
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((old) => ({ ...old, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const { createOrganisation } = await runGraphQl(CreateOrganisation, {
        input: {
          code: values.code.trim(),
          nameTh: values.nameTh.trim(),
          nameEn: values.nameEn.trim() || null,
          kind: values.kind,
          municipalClass: values.kind === 'MUNICIPALITY' && values.municipalClass ? (values.municipalClass as MunicipalClass) : null,
          province: values.province.trim(),
          district: values.district.trim(),
        },
      });
      const byField: Record<string, string> = {};
      for (const error of createOrganisation.userErrors) {
        byField[error.field[error.field.length - 1] ?? ''] = error.message;
      }
      setErrors(byField);
      if (createOrganisation.organisation) {
        onCreated(createOrganisation.organisation);
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  const input = (field: 'code' | 'nameTh' | 'nameEn' | 'province' | 'district', label: string, required = true) => (
    <div className="field">
      <label htmlFor={ids[field]}>{label}</label>
      <input
        id={ids[field]}
        type="text"
        required={required}
        value={values[field]}
        onChange={set(field)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${ids[field]}-error` : undefined}
      />
      {errors[field] && (
        <span id={`${ids[field]}-error`} className="hint" style={{ color: 'var(--bad)' }}>
          {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <form className="panel" onSubmit={submit} aria-label={o.createTitle}>
      <h2 style={{ marginTop: 0 }}>{o.createTitle}</h2>
      {problem && <Notice kind="error">{m.app.errorMessage(problem)}</Notice>}
      <div className="form-row">
        {input('code', o.code)}
        {input('nameTh', o.nameTh)}
        {input('nameEn', o.nameEn, false)}
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={ids.kind}>{o.kind}</label>
          <select id={ids.kind} value={values.kind} onChange={set('kind')}>
            {ORGANISATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>{m.enums.organisationKind[kind]}</option>
            ))}
          </select>
        </div>
        {values.kind === 'MUNICIPALITY' && (
          <div className="field">
            <label htmlFor={ids.municipalClass}>{o.municipalClass}</label>
            <select id={ids.municipalClass} value={values.municipalClass} onChange={set('municipalClass')} required>
              <option value="" />
              {CLASSES.map((c) => (
                <option key={c} value={c}>{m.enums.municipalClass[c]}</option>
              ))}
            </select>
            {errors.municipalClass && <span className="hint" style={{ color: 'var(--bad)' }}>{errors.municipalClass}</span>}
          </div>
        )}
        {input('province', o.province)}
        {input('district', o.district)}
      </div>
      <button type="submit" className="button button-primary" disabled={working}>
        {m.app.save}
      </button>
    </form>
  );
}

/** inviteUser for the organisation's first TENANT_ADMIN: the link is shown once, with a copy button. */
export function InviteAdministratorForm({ organisation }: { organisation: { id: string; nameTh: string } }) {
  const { m, f } = useI18n();
  const o = m.organisations;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [invitation, setInvitation] = useState<{ url: string; expiresAt: string | null } | null>(null);
  const nameId = useId();
  const emailId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    try {
      const { inviteUser } = await runGraphQl(InviteAdministrator, {
        organisationId: organisation.id,
        name: name.trim(),
        email: email.trim(),
        roles: ['TENANT_ADMIN'],
      });
      if (inviteUser.userErrors.length > 0 || !inviteUser.invitationUrl) {
        setProblem(inviteUser.userErrors.map((e) => e.message).join('; '));
      } else {
        setInvitation({ url: absolute(inviteUser.invitationUrl), expiresAt: inviteUser.expiresAt ?? null });
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  if (invitation) {
    return (
      <div className="panel" data-testid="invitation">
        <h2 style={{ marginTop: 0 }}>{o.invitationLink}</h2>
        <code className="secret">{invitation.url}</code>
        <CopyButton text={invitation.url} />
        {invitation.expiresAt && <p className="hint">{o.invitationShownOnce(f.dateTime(invitation.expiresAt))}</p>}
      </div>
    );
  }
  return (
    <form className="panel" onSubmit={submit} aria-label={o.inviteTitle(organisation.nameTh)}>
      <h2 style={{ marginTop: 0 }}>{o.inviteTitle(organisation.nameTh)}</h2>
      {problem && <Notice kind="error">{m.app.errorMessage(problem)}</Notice>}
      <div className="form-row">
        <div className="field">
          <label htmlFor={nameId}>{o.inviteName}</label>
          <input id={nameId} type="text" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={emailId}>{o.inviteEmail}</label>
          <input id={emailId} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
      </div>
      <button type="submit" className="button button-primary" disabled={working}>
        {o.inviteSubmit}
      </button>
    </form>
  );
}

function absolute(url: string): string {
  return url.startsWith('/') ? `${window.location.origin}${url}` : url;
}

/** The national register import (POST /api/organisations/import), with row problems. */
export function RegisterImportForm({ onImported }: { onImported: () => void }) {
  const { m, f } = useI18n();
  const o = m.organisations;
  const file = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [working, setWorking] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setOutcome({ kind: 'failed', message: m.rosterImport.chooseFile });
      return;
    }
    setWorking(true);
    const answer = await importFile('/api/organisations/import', chosen);
    setOutcome(answer);
    setWorking(false);
    if (answer.kind === 'imported') {
      onImported();
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={o.importRegister}>
      <h2 style={{ marginTop: 0 }}>{o.importRegister}</h2>
      <p className="hint">{o.importIntro}</p>
      <div className="field">
        <label htmlFor={fileId}>{o.importFile}</label>
        <input id={fileId} ref={file} type="file" accept=".csv,.xlsx" />
      </div>
      <button type="submit" className="button button-primary" disabled={working}>
        {m.rosterImport.submit}
      </button>
      {outcome?.kind === 'imported' && <Notice kind="success">{o.imported(f.integer(outcome.created), f.integer(outcome.updated))}</Notice>}
      {outcome?.kind === 'failed' && <Notice kind="error">{m.app.errorMessage(outcome.message)}</Notice>}
      {outcome?.kind === 'refused' && <RowProblems rows={outcome.rows} />}
    </form>
  );
}
