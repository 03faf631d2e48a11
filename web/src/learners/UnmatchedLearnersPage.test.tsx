import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { RequireSignIn } from '../layout/guards';
import { FakeServer } from '../test/server';
import { renderRoutes, TENANT_ADMIN } from '../test/render';
import { UnmatchedLearnersPage } from './UnmatchedLearnersPage';

const routes = [{ path: '/learners', element: <RequireSignIn><UnmatchedLearnersPage /></RequireSignIn> }];

describe('UnmatchedLearnersPage', () => {
  let server: FakeServer;
  beforeEach(() => {
    server = new FakeServer()
      .graphql('UnmatchedLearners', {
        unmatchedActors: [
          { actorKey: 'sha1|0123456789abcdef0123456789abcdef01234567', displayKey: 'mbox|mailto:sudarat.t@gmail.com', name: 'สุดารัตน์ ทองดี', statements: 12, lastSeen: '2026-11-20T02:00:00Z' },
          { actorKey: 'account|https://elearning.dla.go.th|guest9', displayKey: 'account|https://elearning.dla.go.th|guest9', name: null, statements: 3, lastSeen: '2026-11-01T02:00:00Z' },
        ],
      })
      .graphql('LinkCandidates', {
        staffMembers: {
          edges: [
            { node: { id: 'org-1/s1', fullNameTh: 'นายสมชาย ใจดี', firstNameTh: 'สมชาย', lastNameTh: 'ใจดี', positionTitle: 'ปลัด' } },
            { node: { id: 'org-1/s2', fullNameTh: 'นางสาวสุดารัตน์ ทองดี', firstNameTh: 'สุดารัตน์', lastNameTh: 'ทองดี', positionTitle: 'นักทรัพยากรบุคคล' } },
          ],
        },
      })
      .graphql('LinkIdentity', { linkXapiIdentity: { staff: { id: 'org-1/s2', fullNameTh: 'นางสาวสุดารัตน์ ทองดี' }, userErrors: [] } });
  });

  it('lists unmatched actors with counts and last seen, and links one in two clicks', async () => {
    server.on('GET', '/api/auth/session', { body: TENANT_ADMIN }).install();
    renderRoutes(routes, '/learners');
    const table = await screen.findByTestId('unmatched');
    const row = within(table).getByText('สุดารัตน์ ทองดี').closest('tr')!;
    expect(within(row).getByText('sudarat.t@gmail.com')).toBeTruthy();
    expect(within(row).getByText('12')).toBeTruthy();
    expect(within(row).getByText(/20 พ\.ย\. 2569/)).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: 'เชื่อมกับบุคลากร' }));
    const suggestions = await screen.findByRole('list', { name: 'บุคลากรที่อาจตรงกัน' });
    const buttons = await within(suggestions).findAllByRole('button');
    expect(buttons[0].textContent).toBe('เชื่อมกับ นางสาวสุดารัตน์ ทองดี');
    await userEvent.click(buttons[0]);

    expect(await screen.findByText(/เชื่อม sudarat\.t@gmail\.com กับ นางสาวสุดารัตน์ ทองดี แล้ว/)).toBeTruthy();
    const link = server.calls.find((c) => c.operation === 'LinkIdentity')!;
    expect(link.variables).toEqual({ input: { staffId: 'org-1/s2', identity: { mbox: 'mailto:sudarat.t@gmail.com' } } });
    expect(within(screen.getByTestId('unmatched')).queryByText('สุดารัตน์ ทองดี')).toBeNull();
  });

  it('shows no link control to a viewer', async () => {
    server.on('GET', '/api/auth/session', { body: { ...TENANT_ADMIN, roles: ['VIEWER'] } }).install();
    renderRoutes(routes, '/learners');
    await screen.findByTestId('unmatched');
    expect(screen.queryByRole('button', { name: 'เชื่อมกับบุคลากร' })).toBeNull();
  });
});
