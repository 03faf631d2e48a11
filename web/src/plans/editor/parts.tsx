import { useId, useState, type ReactNode } from 'react';
import { runGraphQl } from '../../api/graphql';
import { useI18n } from '../../i18n/i18n';
import { errorText, Notice, DateInBuddhistEra } from '../../ui/components';
import { useAsync } from '../../ui/useAsync';
import { useDebounced } from '../../ui/useDebounced';
import { nodes } from '../../ui/connections';
import type { Problem } from '../problems';
import { StaffSearch } from '../queries';

/** Problems shown where they belong: under the field or section they name, read out by screen readers. */
export function FieldProblems({ problems, id }: { problems: readonly Problem[]; id?: string }) {
  if (problems.length === 0) {
    return null;
  }
  return (
    <div role="alert" id={id}>
      <ul className="field-problems">
        {problems.map((problem, i) => (
          <li key={i}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled text input or textarea with its problems. */
export function TextField({
  label,
  value,
  onChange,
  problems = [],
  multiline = false,
  required = false,
  type = 'text',
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems?: readonly Problem[];
  multiline?: boolean;
  required?: boolean;
  type?: string;
  inputMode?: 'numeric' | 'decimal';
}) {
  const id = useId();
  const props = {
    id,
    value,
    required,
    'aria-invalid': problems.length > 0 ? true : undefined,
    'aria-describedby': problems.length > 0 ? `${id}-problems` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...props} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...props} type={type} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
      )}
      {type === 'date' && <DateInBuddhistEra value={value} />}
      <FieldProblems problems={problems} id={`${id}-problems`} />
    </div>
  );
}

/** A group of checkboxes over a list of values. */
export function CheckboxGroup<T extends string | number>({
  legend,
  options,
  chosen,
  onChange,
  label,
  problems = [],
  className,
}: {
  legend: string;
  options: readonly T[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  label: (option: T) => string;
  problems?: readonly Problem[];
  className?: string;
}) {
  return (
    <fieldset className={className ?? 'checkbox-group'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={String(option)} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option] : chosen.filter((value) => value !== option))}
          />
          {label(option)}
        </label>
      ))}
      <FieldProblems problems={problems} />
    </fieldset>
  );
}

/** Saving one part of the plan: the working flag, what the server refused, and a status line. */
export function useSave() {
  const { m } = useI18n();
  const [working, setWorking] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const run = async (save: () => Promise<readonly Problem[]>): Promise<boolean> => {
    setWorking(true);
    setOutcome(null);
    try {
      const refused = await save();
      setProblems([...refused]);
      setOutcome(refused.length === 0 ? { kind: 'success', text: m.plans.saved } : { kind: 'error', text: refused.map((p) => p.message).join(' ') });
      return refused.length === 0;
    } catch (error) {
      setOutcome({ kind: 'error', text: m.app.errorMessage(errorText(error)) });
      return false;
    } finally {
      setWorking(false);
    }
  };
  const status: ReactNode = (
    <div role="status" aria-live="polite" className="save-status">
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
    </div>
  );
  return { working, problems, setProblems, run, status, clear: () => setOutcome(null) };
}

/** The save button and status of a section. */
export function SaveBar({ working, dirty, onSave, status, label }: { working: boolean; dirty: boolean; onSave: () => void; status: ReactNode; label?: string }) {
  const { m } = useI18n();
  return (
    <div className="save-bar">
      <div className="actions">
        <button type="button" className="button button-primary" disabled={working} onClick={onSave}>
          {working ? m.plans.saving : (label ?? m.plans.save)}
        </button>
        {dirty && <span className="hint">{m.plans.unsaved}</span>}
      </div>
      {status}
    </div>
  );
}

/** Finds a staff member of the register by name and hands the choice back. */
export function StaffPicker({ label, onPick }: { label: string; onPick: (staff: { id: string; name: string; position: string | null }) => void }) {
  const { m } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const found = useAsync(
    () => (search.length < 2 ? Promise.resolve([]) : runGraphQl(StaffSearch, { filter: { nameSearch: search } }).then((data) => nodes(data.staffMembers))),
    [search],
  );
  return (
    <div className="staff-picker">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="search" value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" />
      </div>
      {search.length >= 2 && found.data && (
        <ul className="candidate-list" aria-label={label}>
          {found.data.length === 0 && <li className="hint">{m.plans.noStaffFound}</li>}
          {found.data.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onPick({ id: person.id, name: person.fullNameTh, position: person.positionTitle ?? null });
                  setText('');
                }}
              >
                {person.fullNameTh}
              </button>{' '}
              <span className="hint">{person.positionTitle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
