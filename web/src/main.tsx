import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { adoptTokenFromLocation } from './api/credentials';
import { SessionProvider } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import { routes } from './routes';
import './styles.css';

adoptTokenFromLocation(window.location, window.history);

const router = createBrowserRouter(routes);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
