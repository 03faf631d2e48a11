import { useState } from 'react';
import { download } from '../api/files';
import { useI18n } from '../i18n/i18n';
import { errorText, Notice } from '../ui/components';

/** The plan as the organisation files it, PDF or Word (the server's /api/exports/plan: the version in force, else the draft). */
export function PlanDocumentButtons({ planId }: { planId: string }) {
  const { m } = useI18n();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'failed'; message: string }>({
    kind: 'idle',
  });
  const run = async (format: 'pdf' | 'docx') => {
    setState({ kind: 'working' });
    try {
      const path = `/api/exports/plan?${new URLSearchParams({ planId, format }).toString()}`;
      const name = await download(path, `plan.${format}`);
      setState({ kind: 'done', name });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    }
  };
  return (
    <>
      <div className="actions">
        <button type="button" className="button" data-plan-document="pdf" disabled={state.kind === 'working'} onClick={() => run('pdf')}>
          {m.dashboard.planDocumentPdf}
        </button>
        <button type="button" className="button" data-plan-document="docx" disabled={state.kind === 'working'} onClick={() => run('docx')}>
          {m.dashboard.planDocumentDocx}
        </button>
      </div>
      <div role="status" className="muted">
        {state.kind === 'working' && m.dashboard.downloading}
        {state.kind === 'done' && m.dashboard.downloaded(state.name)}
      </div>
      {state.kind === 'failed' && <Notice kind="error">{m.app.errorMessage(state.message)}</Notice>}
    </>
  );
}
