import { download } from '../api/files';
import { useI18n } from '../i18n/i18n';
import { useDownload } from './useDownload';

/**
 * The plan as the organisation files it, PDF or Word (the server's /api/exports/plan): without `version`,
 * the version in force, else the draft; with `version`, that revision (0 the original, N amendment N).
 * `label` (e.g. the version's label) is read out with the buttons when several sets are on one page.
 */
export function PlanDocumentButtons({ planId, version, label }: { planId: string; version?: number; label?: string }) {
  const { m } = useI18n();
  const { working, run, status } = useDownload();
  const get = (format: 'pdf' | 'docx') => {
    const params = new URLSearchParams({ planId, format });
    if (version !== undefined) {
      params.set('version', String(version));
    }
    return run(() => download(`/api/exports/plan?${params.toString()}`, `plan.${format}`));
  };
  const name = (text: string) => (label ? `${text} ${label}` : undefined);
  return (
    <>
      <div className="actions">
        <button type="button" className="button" data-plan-document="pdf" data-version={version} disabled={working} onClick={() => get('pdf')}
          aria-label={name(m.dashboard.planDocumentPdf)}>
          {m.dashboard.planDocumentPdf}
        </button>
        <button type="button" className="button" data-plan-document="docx" data-version={version} disabled={working} onClick={() => get('docx')}
          aria-label={name(m.dashboard.planDocumentDocx)}>
          {m.dashboard.planDocumentDocx}
        </button>
      </div>
      {status}
    </>
  );
}
