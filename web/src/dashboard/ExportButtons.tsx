import { useState } from 'react';
import { download } from '../api/files';
import { runGraphQl } from '../api/graphql';
import type { ExportFormat } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { errorText, Notice } from '../ui/components';
import { ExportUrlQuery } from './queries';

/** XLSX, CSV and PDF of the progress report of one fiscal year (the server's /api/exports/progress). */
export function ExportButtons({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const { m } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'failed'; message: string }>({
    kind: 'idle',
  });
  const formats: Array<{ format: ExportFormat; label: string }> = [
    { format: 'XLSX', label: m.dashboard.exportXlsx },
    { format: 'CSV', label: m.dashboard.exportCsv },
    { format: 'PDF', label: m.dashboard.exportPdf },
  ];
  const run = async (format: ExportFormat) => {
    setState({ kind: 'working' });
    try {
      const { progressExportUrl } = await runGraphQl(ExportUrlQuery, { planId, fiscalYear, format });
      const name = await download(progressExportUrl, `progress-${fiscalYear}.${format.toLowerCase()}`);
      setState({ kind: 'done', name });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    }
  };
  return (
    <>
      <div className="actions">
        {formats.map(({ format, label }) => (
          <button key={format} type="button" className="button" data-export={format} disabled={state.kind === 'working'} onClick={() => run(format)}>
            {label}
          </button>
        ))}
      </div>
      <div role="status" className="muted">
        {state.kind === 'working' && m.dashboard.downloading}
        {state.kind === 'done' && m.dashboard.downloaded(state.name)}
      </div>
      {state.kind === 'failed' && <Notice kind="error">{m.app.errorMessage(state.message)}</Notice>}
    </>
  );
}
