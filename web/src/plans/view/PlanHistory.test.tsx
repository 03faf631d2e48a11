import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { PlanHistory } from './PlanHistory';

const plan = {
  id: 'org-1/plan/2567',
  versions: [
    { number: 0, label: 'ฉบับแรก', status: 'APPROVED' as const, effectiveFrom: '2023-10-01', announcementDate: '2023-09-25',
      approval: { resolutionNumber: 'ครั้งที่ 9/2566', resolutionDate: '2023-09-20', committee: 'ก.อบต.จังหวัดหนองคาย', at: '2023-09-20T03:00:00Z' } },
    { number: 1, label: 'ฉบับปรับปรุง ครั้งที่ 1', status: 'APPROVED' as const, effectiveFrom: '2024-03-15', announcementDate: null,
      approval: { resolutionNumber: 'ครั้งที่ 3/2567', resolutionDate: '2024-03-15', committee: 'ก.อบต.จังหวัดหนองคาย', at: '2024-03-15T03:00:00Z' } },
  ],
  draft: { number: 2, label: 'ฉบับปรับปรุง ครั้งที่ 2', status: 'RETURNED' as const, submittedAt: null },
  auditTrail: { edges: [{ node: { id: 'e1', at: '2024-03-15T03:00:00Z', action: 'APPROVED' as const, revision: 1, summary: 'เห็นชอบการปรับปรุงครั้งที่ 1',
    actor: { id: 'c1', name: 'กรรมการ' }, changes: [] } }] },
};

describe('PlanHistory', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the versions with their resolution and downloads the document of the version asked for', async () => {
    const fetch = vi.fn(async () => new Response(new Blob(['%PDF-']), { status: 200, headers: { 'Content-Disposition': 'attachment; filename="plan.pdf"' } }));
    vi.stubGlobal('fetch', fetch);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<I18nProvider initialLanguage="th"><PlanHistory plan={plan} /></I18nProvider>);

    const versions = screen.getByTestId('plan-versions');
    const amended = versions.querySelector('tr[data-version="1"]') as HTMLElement;
    expect(amended.textContent).toContain('มติ ครั้งที่ 3/2567 ลงวันที่ 15 มีนาคม 2567');
    expect(versions.querySelector('tr[data-version="2"]')!.textContent).toContain('ฉบับที่กำลังดำเนินการ (ส่งกลับแก้ไข)');
    expect(screen.getByTestId('plan-audit-trail').textContent).toContain('ให้ความเห็นชอบ · ฉบับปรับปรุง ครั้งที่ 1');

    await userEvent.click(within(amended).getByRole('button', { name: /PDF.*ฉบับปรับปรุง ครั้งที่ 1/ }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/api/exports/plan?planId=org-1%2Fplan%2F2567&format=pdf&version=1');
  });
});
