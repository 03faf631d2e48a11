import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/components';

/** Placeholder: being built. */
export function UsersPage() {
  const { m } = useI18n();
  return <PageTitle title={m.admin.title}>{m.admin.title}</PageTitle>;
}
