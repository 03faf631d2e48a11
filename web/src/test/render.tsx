import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { SessionUser } from '../api/auth';
import { SessionProvider } from '../auth/session';
import { I18nProvider } from '../i18n/i18n';
import type { Language } from '../i18n/format';

export const TENANT_ADMIN: SessionUser = {
  id: 'u1',
  name: 'ผู้ดูแลระบบ อบต.สังคม',
  email: 'admin@sangkhom.go.th',
  roles: ['TENANT_ADMIN'],
  organisation: { id: 'org-1', code: '6431501', nameTh: 'องค์การบริหารส่วนตำบลสังคม', kind: 'SAO', province: 'หนองคาย' },
  language: 'th',
  province: null,
  committeeKind: null,
};

export const NATIONAL: SessionUser = {
  id: 'n1',
  name: 'ส่วนกลาง',
  email: 'national@dla.go.th',
  roles: ['NATIONAL'],
  organisation: null,
  language: 'th',
  province: null,
  committeeKind: null,
};

/** Renders routes at a path inside the console's providers (the session comes from the fake server). */
export function renderRoutes(routes: RouteObject[], path: string, language: Language = 'th') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <I18nProvider initialLanguage={language}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>,
  );
  return { ...view, router };
}

export function page(element: ReactNode, path = '/'): RouteObject[] {
  return [{ path, element }, { path: '*', element: <p>elsewhere</p> }];
}
