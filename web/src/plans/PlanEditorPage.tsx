import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/components';

/** Placeholder: being built. */
export function PlanEditorPage() {
  const { m } = useI18n();
  return <PageTitle title={m.plans.title}>{m.plans.title}</PageTitle>;
}
