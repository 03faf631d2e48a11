import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/components';

/** Placeholder: being built. */
export function AuditPage() {
  const { m } = useI18n();
  return <PageTitle title={m.audit.title}>{m.audit.title}</PageTitle>;
}
