import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/components';

/** Placeholder: being built. */
export function CompetenciesPage() {
  const { m } = useI18n();
  return <PageTitle title={m.competencies.title}>{m.competencies.title}</PageTitle>;
}
