import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/components';

/** Placeholder: being built. */
export function ReviewQueuePage() {
  const { m } = useI18n();
  return <PageTitle title={m.review.title}>{m.review.title}</PageTitle>;
}
