import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { ORGANISATION_KINDS } from './vocabulary';

/** A choice of organisation kind, or all kinds (''). */
export function KindFilter({ value, onChange }: { value: string; onChange: (kind: string) => void }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{m.organisations.kind}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{m.app.all}</option>
        {ORGANISATION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {m.enums.organisationKind[kind]}
          </option>
        ))}
      </select>
    </div>
  );
}
