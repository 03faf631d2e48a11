import { download } from '../api/files';
import { runGraphQl } from '../api/graphql';
import type { ExportFormat } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ExportUrlQuery } from './queries';
import { useDownload } from './useDownload';

/** XLSX, CSV and PDF of the progress report of one fiscal year (the server's /api/exports/progress). */
export function ExportButtons({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const { m } = useI18n();
  const { working, run, status } = useDownload();
  const formats: Array<{ format: ExportFormat; label: string }> = [
    { format: 'XLSX', label: m.dashboard.exportXlsx },
    { format: 'CSV', label: m.dashboard.exportCsv },
    { format: 'PDF', label: m.dashboard.exportPdf },
  ];
  const get = (format: ExportFormat) =>
    run(async () => {
      const { progressExportUrl } = await runGraphQl(ExportUrlQuery, { planId, fiscalYear, format });
      return download(progressExportUrl, `progress-${fiscalYear}.${format.toLowerCase()}`);
    });
  return (
    <>
      <div className="actions">
        {formats.map(({ format, label }) => (
          <button key={format} type="button" className="button" data-export={format} disabled={working} onClick={() => get(format)}>
            {label}
          </button>
        ))}
      </div>
      {status}
    </>
  );
}
