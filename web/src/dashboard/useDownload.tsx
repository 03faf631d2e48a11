import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { errorText, Notice } from '../ui/components';

type DownloadState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'failed'; message: string };

/** A download button group's state: run a download (it returns the file's name), and the status line and error it shows. */
export function useDownload() {
  const { m } = useI18n();
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const run = async (download: () => Promise<string>) => {
    setState({ kind: 'working' });
    try {
      setState({ kind: 'done', name: await download() });
    } catch (error) {
      setState({ kind: 'failed', message: errorText(error) });
    }
  };
  const status = (
    <>
      <div role="status" className="muted">
        {state.kind === 'working' && m.dashboard.downloading}
        {state.kind === 'done' && m.dashboard.downloaded(state.name)}
      </div>
      {state.kind === 'failed' && <Notice kind="error">{m.app.errorMessage(state.message)}</Notice>}
    </>
  );
  return { working: state.kind === 'working', run, status };
}
