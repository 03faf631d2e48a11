import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/files';
import { acceptLanguage, authHeaders } from '../api/credentials';
import { errorOf } from '../api/http';
import { runGraphQl } from '../api/graphql';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import { byField, FieldProblem, OnceValue } from '../admin/parts';
import { useI18n } from '../i18n/i18n';
import { errorText, Notice, DateInBuddhistEra } from '../ui/components';
import { InviteStaffMember } from './queries';

/** The field an upload refusal names (`{"error": {"field", "message"}}`), if any. */
export function refusedField(error: unknown): string | null {
  if (error instanceof ApiError && error.body && typeof error.body === 'object') {
    const inner = (error.body as { error?: { field?: unknown } }).error;
    return inner && typeof inner.field === 'string' ? inner.field : null;
  }
  return null;
}

/** POST /api/certificates as multipart/form-data; the created certificate's id. */
async function uploadCertificate(fields: Record<string, string>, file: File): Promise<{ id: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value) {
      form.append(name, value);
    }
  }
  form.append('file', file, file.name);
  const response = await fetch('/api/certificates', {
    method: 'POST',
    body: form,
    headers: { ...authHeaders('POST'), 'Accept-Language': acceptLanguage() },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  return (await response.json()) as { id: string };
}

/** On HR's staff page: attach a certificate to the person's record, and invite them to sign in. */
export function StaffSelfService({ staffId, onChanged }: { staffId: string; onChanged?: () => void }) {
  const user = useUser();
  if (!hasRole(user, ...STAFF_WRITERS)) {
    return null;
  }
  return (
    <div className="two-columns">
      <CertificateUpload staffId={staffId} onChanged={onChanged} />
      <InviteForm staffId={staffId} />
    </div>
  );
}

function CertificateUpload({ staffId, onChanged }: { staffId: string; onChanged?: () => void }) {
  const { m } = useI18n();
  const t = m.me.upload;
  const ids = { title: useId(), activityId: useId(), date: useId(), hours: useId(), file: useId(), error: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [activityId, setActivityId] = useState('');
  const [date, setDate] = useState('');
  const [hours, setHours] = useState('');
  const [working, setWorking] = useState(false);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    setDone(false);
    if (!file) {
      setErrors({ file: t.chooseFile });
      return;
    }
    setErrors({});
    setWorking(true);
    try {
      await uploadCertificate({ staffId, title: title.trim(), activityId: activityId.trim(), date, hours: hours.trim() }, file);
      setDone(true);
      setTitle('');
      setActivityId('');
      setHours('');
      if (fileInput.current) {
        fileInput.current.value = '';
      }
      onChanged?.();
    } catch (error) {
      setErrors({ [refusedField(error) ?? 'form']: errorText(error) });
    } finally {
      setWorking(false);
    }
  };
  const field = (name: keyof typeof ids) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${ids[name]}-error` : undefined,
  });
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${ids.title}-heading`}>
      <h2 id={`${ids.title}-heading`}>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <div className="field">
        <label htmlFor={ids.title}>{t.titleField}</label>
        <input id={ids.title} type="text" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} {...field('title')} />
        <FieldProblem id={`${ids.title}-error`} text={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={ids.date}>{t.date}</label>
        <input id={ids.date} type="date" required value={date} onChange={(e) => setDate(e.target.value)} {...field('date')} />
        <DateInBuddhistEra value={date} />
        <FieldProblem id={`${ids.date}-error`} text={errors.date} />
      </div>
      <div className="field">
        <label htmlFor={ids.hours}>{t.hours}</label>
        <input id={ids.hours} type="number" min={0} max={1000} step="0.5" value={hours} onChange={(e) => setHours(e.target.value)} {...field('hours')} />
        <FieldProblem id={`${ids.hours}-error`} text={errors.hours} />
      </div>
      <div className="field">
        <label htmlFor={ids.activityId}>{t.activityId}</label>
        <input id={ids.activityId} type="url" value={activityId} onChange={(e) => setActivityId(e.target.value)} {...field('activityId')} />
        <FieldProblem id={`${ids.activityId}-error`} text={errors.activityId} />
      </div>
      <div className="field">
        <label htmlFor={ids.file}>{t.file}</label>
        <input id={ids.file} ref={fileInput} type="file" accept="application/pdf,image/png,image/jpeg" {...field('file')} />
        <FieldProblem id={`${ids.file}-error`} text={errors.file} />
      </div>
      {(errors.form || errors.staffId) && <Notice kind="error">{errors.form ?? errors.staffId}</Notice>}
      <div role="status">{working ? t.working : done ? t.done : ''}</div>
      <button type="submit" className="button button-primary" disabled={working}>
        {t.submit}
      </button>
    </form>
  );
}

function InviteForm({ staffId }: { staffId: string }) {
  const { m } = useI18n();
  const t = m.me.invite;
  const ids = { email: useId(), supervisor: useId(), heading: useId() };
  const [email, setEmail] = useState('');
  const [supervisor, setSupervisor] = useState(false);
  const [working, setWorking] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [link, setLink] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setErrors({});
    try {
      const { inviteStaffMember } = await runGraphQl(InviteStaffMember, { input: { staffId, email: email.trim(), supervisor } });
      if (inviteStaffMember.userErrors.length > 0) {
        const found = byField(inviteStaffMember.userErrors);
        setErrors(found.email ? found : { form: Object.values(found).join('; ') });
      } else {
        setLink(inviteStaffMember.invitationUrl ?? null);
      }
    } catch (error) {
      setErrors({ form: m.app.errorMessage(errorText(error)) });
    } finally {
      setWorking(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <div className="field">
        <label htmlFor={ids.email}>{t.email}</label>
        <input
          id={ids.email}
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${ids.email}-error` : undefined}
        />
        <FieldProblem id={`${ids.email}-error`} text={errors.email} />
      </div>
      <div className="field">
        <label className="field-inline">
          <input id={ids.supervisor} type="checkbox" checked={supervisor} onChange={(e) => setSupervisor(e.target.checked)} />
          <span>{t.supervisor}</span>
        </label>
      </div>
      {errors.form && <Notice kind="error">{errors.form}</Notice>}
      {link && (
        <div role="status">
          <p>{t.done}</p>
          <OnceValue label={t.link} value={link} name="invitation" />
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={working}>
        {t.submit}
      </button>
    </form>
  );
}
