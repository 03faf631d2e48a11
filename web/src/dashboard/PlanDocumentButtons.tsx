import { download } from '../api/files';
import { useI18n } from '../i18n/i18n';
import { useDownload } from './useDownload';

/** The plan as the organisation files it, PDF or Word (the server's /api/exports/plan: the version in force, else the draft). */
export function PlanDocumentButtons({ planId }: { planId: string }) {
  const { m } = useI18n();
  const { working, run, status } = useDownload();
  const get = (format: 'pdf' | 'docx') =>
    run(() => download(`/api/exports/plan?${new URLSearchParams({ planId, format }).toString()}`, `plan.${format}`));
  return (
    <>
      <div className="actions">
        <button type="button" className="button" data-plan-document="pdf" disabled={working} onClick={() => get('pdf')}>
          {m.dashboard.planDocumentPdf}
        </button>
        <button type="button" className="button" data-plan-document="docx" disabled={working} onClick={() => get('docx')}>
          {m.dashboard.planDocumentDocx}
        </button>
      </div>
      {status}
    </>
  );
}
