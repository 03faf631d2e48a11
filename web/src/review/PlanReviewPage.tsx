import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { hasRole, useUser } from '../auth/session';
import type { PlanReviewFieldsFragment } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { PlanDiffView } from '../plans/view/PlanDiffView';
import { PlanDocumentView } from '../plans/view/PlanDocumentView';
import { Badge, ErrorNotice, errorText, Loading, Notice, PageTitle, DateInBuddhistEra } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { planStatusTone } from '../ui/vocabulary';
import { ApprovePlanMutation, PlanForReviewQuery, PlanReviewDiffQuery, ReturnPlanMutation } from './queries';

/** Today in Asia/Bangkok, YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** userErrors by the last part of their field path ('' for errors about no field of the form). */
export function errorsByField(errors: ReadonlyArray<{ field: ReadonlyArray<string>; message: string }>, fields: string[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const last = error.field[error.field.length - 1] ?? '';
    const key = fields.includes(last) ? last : '';
    byField[key] = byField[key] ? `${byField[key]}; ${error.message}` : error.message;
  }
  return byField;
}

type Result = { kind: 'approved' | 'returned'; text: string };

/**
 * A submitted plan or amendment as the provincial committee reviews it: the draft read only, for an
 * amendment its differences from the version in force, earlier decisions, and the approve and return
 * forms while it is submitted (the server decides who may; NATIONAL users read only).
 */
export function PlanReviewPage() {
  const { m, f } = useI18n();
  const r = m.review;
  const user = useUser();
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const committee = hasRole(user, 'PROVINCIAL_COMMITTEE');
  const [view, setView] = useState<'document' | 'diff'>('document');
  const [result, setResult] = useState<Result | null>(null);

  const loaded = useAsync(() => (id ? runGraphQl(PlanForReviewQuery, { id }) : Promise.resolve(null)), [id]);
  const plan = loaded.data?.plan ?? null;
  const draft = plan?.draft ?? null;
  const shown = draft ?? (plan && plan.versions.length > 0 ? plan.versions[plan.versions.length - 1] : null);
  const inForce = plan?.currentVersion ?? null;
  const comparable = !!(draft && inForce && draft.number > 0);
  const diff = useAsync(
    () => (comparable && view === 'diff' ? runGraphQl(PlanReviewDiffQuery, { id, from: inForce!.number, to: draft!.number }) : Promise.resolve(null)),
    [id, comparable, view, draft?.number, inForce?.number],
  );

  if (!id) {
    return (
      <section>
        <PageTitle title={r.planTitleOf}>{r.planTitleOf}</PageTitle>
        <Notice kind="error">{r.noPlanId}</Notice>
      </section>
    );
  }
  if (loaded.error) {
    return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  }
  if (!loaded.data || !plan) {
    return <Loading />;
  }

  const back = committee && (
    <p>
      <Link to="/review">{r.backToQueue}</Link>
    </p>
  );
  const earlier = (shown?.reviews ?? []).filter((review) => review !== null);

  return (
    <section className="plan-review">
      <div className="page-head">
        <div>
          <PageTitle title={`${r.planTitleOf}: ${plan.title}`}>{plan.title}</PageTitle>
          <p className="subtitle">
            {plan.organisation.nameTh} · {r.approvingCommittee} {plan.approvingCommittee}
          </p>
        </div>
        <p>
          <Badge tone={planStatusTone(plan.status)}>{m.enums.planStatus[plan.status]}</Badge>
        </p>
      </div>
      {back}
      {!committee && <Notice kind="info">{r.readOnly}</Notice>}
      {result && (
        <Notice kind="success">
          <span data-testid="review-result">{result.text}</span> <Link to="/review">{r.backToQueue}</Link>
        </Notice>
      )}

      {!shown ? (
        <p>{r.nothingToShow}</p>
      ) : (
        <>
          <div className="card" data-testid="review-revision">
            <h2>
              {shown.label} <Badge tone={shown.status === 'APPROVED' ? 'good' : shown.status === 'RETURNED' ? 'bad' : 'warn'}>{r.revisionStatus[shown.status]}</Badge>
            </h2>
            {!draft && <p>{r.notUnderReview}</p>}
            {shown.submittedAt && <p className="muted">{r.submittedBy(shown.submittedBy?.name ?? m.app.none, f.dateTime(shown.submittedAt))}</p>}
            {shown.reason && (
              <>
                <h3>{r.amendmentReason}</h3>
                <p className="plan-text">{shown.reason}</p>
              </>
            )}
            {earlier.length > 0 && <EarlierReviews reviews={earlier} />}
          </div>

          {comparable && (
            <div className="actions review-views" role="group" aria-label={r.viewChoice}>
              <button type="button" className="button" aria-pressed={view === 'document'} onClick={() => setView('document')}>
                {r.viewSubmitted}
              </button>
              <button type="button" className="button" aria-pressed={view === 'diff'} onClick={() => setView('diff')} data-testid="show-diff">
                {r.viewDiff}
              </button>
            </div>
          )}

          {comparable && view === 'diff' ? (
            <section aria-labelledby="review-diff-heading">
              <h2 id="review-diff-heading">{r.viewDiff}</h2>
              {diff.error && <ErrorNotice error={diff.error} onRetry={diff.reload} />}
              {!diff.data && !diff.error && <Loading />}
              {diff.data?.plan && <PlanDiffView diff={diff.data.plan.diff} fromLabel={inForce!.label} toLabel={draft!.label} />}
            </section>
          ) : (
            <PlanDocumentView content={shown.content} fiscalYears={plan.fiscalYears} />
          )}

          {committee && draft && draft.status === 'SUBMITTED' && !result && (
            <section aria-labelledby="review-decision-heading" className="review-decision">
              <h2 id="review-decision-heading">{r.decisionTitle}</h2>
              <div className="two-columns">
                <ApproveForm
                  planId={plan.id}
                  onDone={(resolution) => {
                    setResult({ kind: 'approved', text: r.approved(draft.label, resolution) });
                    loaded.reload();
                  }}
                />
                <ReturnForm
                  planId={plan.id}
                  onDone={() => {
                    setResult({ kind: 'returned', text: r.returned(draft.label) });
                    loaded.reload();
                  }}
                />
              </div>
            </section>
          )}
        </>
      )}
    </section>
  );
}

function EarlierReviews({ reviews }: { reviews: PlanReviewFieldsFragment[] }) {
  const { m, f } = useI18n();
  const r = m.review;
  return (
    <section aria-labelledby="earlier-reviews-heading" data-testid="earlier-reviews">
      <h3 id="earlier-reviews-heading">{r.earlierReviews}</h3>
      <ol className="review-list">
        {reviews.map((review, i) => (
          <li key={i} data-decision={review.decision}>
            <p>
              <strong>{r.reviewEntry(r.decision[review.decision], review.committee, f.dateTime(review.at))}</strong>
              {review.resolutionNumber && review.resolutionDate && ` · ${m.review.history.approvedBy(review.resolutionNumber, f.date(review.resolutionDate))}`}
            </p>
            {review.comments && <p className="plan-text">{review.comments}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="field-error" role="alert">
      {message}
    </span>
  ) : null;
}

function ApproveForm({ planId, onDone }: { planId: string; onDone: (resolution: string) => void }) {
  const { m } = useI18n();
  const r = m.review;
  const ids = { number: useId(), date: useId(), comments: useId() };
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today);
  const [comments, setComments] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setErrors({});
    try {
      const { approvePlan } = await runGraphQl(ApprovePlanMutation, {
        input: { planId, resolutionNumber: number.trim(), resolutionDate: date, comments: comments.trim() || null },
      });
      if (approvePlan.userErrors.length > 0 || !approvePlan.plan) {
        setErrors(errorsByField(approvePlan.userErrors, ['resolutionNumber', 'resolutionDate', 'comments']));
      } else {
        onDone(number.trim());
      }
    } catch (error) {
      setErrors({ '': errorText(error) });
    } finally {
      setWorking(false);
    }
  };
  const describedBy = (field: string, hint?: string) => [hint, errors[field] ? `${field}-${ids.number}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${ids.number}-title`} data-testid="approve-form" noValidate>
      <h3 id={`${ids.number}-title`}>{r.approveTitle}</h3>
      {errors[''] && <Notice kind="error">{errors['']}</Notice>}
      <div className="field">
        <label htmlFor={ids.number}>{r.resolutionNumber}</label>
        <input id={ids.number} name="resolutionNumber" type="text" required value={number} onChange={(e) => setNumber(e.target.value)}
          aria-invalid={errors.resolutionNumber ? true : undefined} aria-describedby={describedBy('resolutionNumber', `${ids.number}-hint`)} />
        <span id={`${ids.number}-hint`} className="hint">{r.resolutionNumberHint}</span>
        <FieldError id={`resolutionNumber-${ids.number}-error`} message={errors.resolutionNumber} />
      </div>
      <div className="field">
        <label htmlFor={ids.date}>{r.resolutionDate}</label>
        <input id={ids.date} name="resolutionDate" type="date" required max={today()} value={date} onChange={(e) => setDate(e.target.value)}
          aria-invalid={errors.resolutionDate ? true : undefined} aria-describedby={describedBy('resolutionDate')} />
          <DateInBuddhistEra value={date} />
        <FieldError id={`resolutionDate-${ids.number}-error`} message={errors.resolutionDate} />
      </div>
      <div className="field">
        <label htmlFor={ids.comments}>{r.approveComments}</label>
        <textarea id={ids.comments} name="comments" rows={3} value={comments} onChange={(e) => setComments(e.target.value)}
          aria-invalid={errors.comments ? true : undefined} aria-describedby={describedBy('comments')} />
        <FieldError id={`comments-${ids.number}-error`} message={errors.comments} />
      </div>
      <button type="submit" className="button button-primary" disabled={working}>
        {working ? r.working : r.approve}
      </button>
    </form>
  );
}

function ReturnForm({ planId, onDone }: { planId: string; onDone: () => void }) {
  const { m } = useI18n();
  const r = m.review;
  const id = useId();
  const [comments, setComments] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setErrors({});
    try {
      const { returnPlan } = await runGraphQl(ReturnPlanMutation, { input: { planId, comments: comments.trim() } });
      if (returnPlan.userErrors.length > 0 || !returnPlan.plan) {
        setErrors(errorsByField(returnPlan.userErrors, ['comments']));
      } else {
        onDone();
      }
    } catch (error) {
      setErrors({ '': errorText(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="return-form" noValidate>
      <h3 id={`${id}-title`}>{r.returnTitle}</h3>
      {errors[''] && <Notice kind="error">{errors['']}</Notice>}
      <div className="field">
        <label htmlFor={id}>{r.returnComments}</label>
        <textarea id={id} name="returnComments" rows={5} required value={comments} onChange={(e) => setComments(e.target.value)}
          aria-invalid={errors.comments ? true : undefined}
          aria-describedby={[`${id}-hint`, errors.comments ? `${id}-error` : null].filter(Boolean).join(' ')} />
        <span id={`${id}-hint`} className="hint">{r.returnCommentsHint}</span>
        <FieldError id={`${id}-error`} message={errors.comments} />
      </div>
      <button type="submit" className="button button-danger" disabled={working}>
        {working ? r.working : r.returnPlan}
      </button>
    </form>
  );
}
