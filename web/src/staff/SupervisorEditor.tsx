import { useState } from 'react';
import { runGraphQl } from '../api/graphql';
import { SetSupervisorMutation } from '../idp/queries';
import { useI18n } from '../i18n/i18n';
import { StaffPicker } from '../plans/editor/parts';
import { errorText, Notice } from '../ui/components';

/**
 * Sets, changes or removes a person's supervisor (ผู้บังคับบัญชา) on the register: anyone of the
 * organisation found by name. The server refuses the person themself and anyone who reports to
 * them, and says so in the page's language.
 */
export function SupervisorEditor({ staffId, hasSupervisor, onSaved }: { staffId: string; hasSupervisor: boolean; onSaved: () => void }) {
  const { m } = useI18n();
  const t = m.staffPage;
  const [errors, setErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [working, setWorking] = useState(false);
  const save = async (supervisorId: string | null) => {
    setWorking(true);
    setFailure(undefined);
    try {
      const payload = (await runGraphQl(SetSupervisorMutation, { input: { id: staffId, supervisorId } })).updateStaff;
      setErrors(payload.userErrors.map((error) => error.message));
      if (payload.userErrors.length === 0) {
        onSaved();
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  };
  return (
    <div className="supervisor-editor" data-testid="staff-supervisor-editor">
      <p className="muted">{t.supervisorIntro}</p>
      <StaffPicker label={hasSupervisor ? t.findOtherSupervisor : t.findSupervisor} onPick={(person) => void save(person.id)} />
      {hasSupervisor && (
        <button type="button" className="button" disabled={working} onClick={() => void save(null)}>
          {t.removeSupervisor}
        </button>
      )}
      {errors.length > 0 && <Notice kind="error">{errors.join(' ')}</Notice>}
      {failure !== undefined && <Notice kind="error">{m.app.errorMessage(errorText(failure))}</Notice>}
    </div>
  );
}
