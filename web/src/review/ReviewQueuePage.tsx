import { Link } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { useI18n } from '../i18n/i18n';
import { nodes } from '../ui/connections';
import { ErrorNotice, Loading, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { ReviewQueueQuery } from './queries';

/** The path of the review page of a plan (ids may contain '/': they go in the query string). */
export function reviewPath(planId: string): string {
  return `/review/plan?id=${encodeURIComponent(planId)}`;
}

/** Plans and amendments waiting for the signed-in provincial committee, oldest submission first (the server's order). */
export function ReviewQueuePage() {
  const { m, f } = useI18n();
  const r = m.review;
  const queue = useAsync(() => runGraphQl(ReviewQueueQuery), []);

  return (
    <section>
      <div className="page-head">
        <div>
          <PageTitle title={r.title}>{r.title}</PageTitle>
          <p className="subtitle">{r.queueIntro}</p>
        </div>
      </div>
      {queue.error && <ErrorNotice error={queue.error} onRetry={queue.reload} />}
      {!queue.data && !queue.error && <Loading />}
      {queue.data &&
        (() => {
          const plans = nodes(queue.data.planReviewQueue);
          if (plans.length === 0) {
            return <p data-testid="review-queue-empty">{r.queueEmpty}</p>;
          }
          return (
            <>
              <p role="status">{r.queueCount(f.integer(queue.data.planReviewQueue.totalCount))}</p>
              <TableScroll label={r.title}>
                <table data-testid="review-queue">
                  <thead>
                    <tr>
                      <th scope="col">{r.organisation}</th>
                      <th scope="col">{r.planTitle}</th>
                      <th scope="col">{r.revision}</th>
                      <th scope="col">{r.submittedAt}</th>
                      <th scope="col">
                        <span className="visually-hidden">{r.open}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {plans.map((plan) => (
                      <tr key={plan.id} data-plan={plan.id}>
                        <th scope="row">{plan.organisation.nameTh}</th>
                        <td>{plan.title}</td>
                        <td>{plan.draft?.label ?? m.app.none}</td>
                        <td>{plan.draft?.submittedAt ? f.dateTime(plan.draft.submittedAt) : m.app.none}</td>
                        <td>
                          <Link to={reviewPath(plan.id)} aria-label={r.openPlan(plan.title, plan.organisation.nameTh)}>
                            {r.open}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          );
        })()}
    </section>
  );
}
