import { useId } from 'react';
import { useI18n } from '../i18n/i18n';

/** A Buddhist-Era fiscal year choice among the given years. */
export function FiscalYearPicker({ years, value, onChange }: { years: number[]; value: number; onChange: (year: number) => void }) {
  const { m, f } = useI18n();
  const id = useId();
  const options = [...new Set([...years, value])].sort((a, b) => b - a);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{m.fiscalYear.label}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {options.map((year) => (
          <option key={year} value={year}>
            {m.fiscalYear.option(f.year(year))}
          </option>
        ))}
      </select>
    </div>
  );
}
