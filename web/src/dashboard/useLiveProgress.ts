import { useEffect, useState } from 'react';
import { subscribe } from '../api/live';
import type { Figures } from './figures';
import { PlanProgressLive } from './queries';

export type LiveStatus = { state: 'off' } | { state: 'connecting' } | { state: 'live'; at: Date } | { state: 'lost' };

/**
 * Keeps figures current through the `planProgressChanged` subscription (graphql-transport-ws):
 * the server sends the progress at once and after every change; a failed subscription is
 * started again after a pause.
 */
export function useLiveProgress(planId: string | null, fiscalYear: number, onFigures: (figures: Figures) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>({ state: 'off' });
  useEffect(() => {
    if (!planId) {
      setStatus({ state: 'off' });
      return undefined;
    }
    let stop: (() => void) | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let ended = false;
    const start = () => {
      setStatus((current) => (current.state === 'live' ? current : { state: 'connecting' }));
      stop = subscribe(PlanProgressLive, { planId, fiscalYear }, {
        next: (data) => {
          onFigures(data.planProgressChanged);
          setStatus({ state: 'live', at: new Date() });
        },
        error: () => {
          setStatus({ state: 'lost' });
          if (!ended) {
            retry = setTimeout(start, 3000);
          }
        },
      });
    };
    start();
    return () => {
      ended = true;
      if (retry) {
        clearTimeout(retry);
      }
      stop?.();
    };
    // onFigures is a state setter of the caller: stable
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planId, fiscalYear]);
  return status;
}
