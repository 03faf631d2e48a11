import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import type { PlanSummaryQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, errorText, Loading, Notice, PageTitle, DateInBuddhistEra } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { planStatusTone } from '../ui/vocabulary';
import { editorPath } from './PlansPage';
import { AnnouncePlan, DiscardPlanDraft, PlanDraftDiff, PlanRevisionShown, PlanSummary, StartPlanAmendment } from './queries';
import { PlanDiffView, PlanDocumentView, PlanHistory } from './view';

type Plan = NonNullable<PlanSummaryQuery['plan']>;

/** One plan of the organisation: where it stands, what can be done next, its content, versions and audit trail. */
export function PlanPage() {
  const { m } = useI18n();
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const loaded = useAsync(() => runGraphQl(PlanSummary, { id }), [id]);
  const plan = loaded.data?.plan;

  if (loaded.loading && !loaded.data) {
    return <Loading />;
  }
  if (loaded.error) {
    return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  }
  if (!plan) {
    return (
      <section>
        <PageTitle title={m.app.notFound}>{m.app.notFound}</PageTitle>
        <Link to="/plans">{m.plans.title}</Link>
      </section>
    );
  }
  return (
    <section>
      <PageTitle title={plan.title}>{plan.title}</PageTitle>
      <p className="subtitle">
        <Link to="/plans">{m.plans.title}</Link>
      </p>
      <div role="status" aria-live="polite">
        {notice && <Notice kind="success">{notice}</Notice>}
      </div>
      <PlanFacts plan={plan} />
      <PlanActions
        plan={plan}
        onChanged={(text) => {
          setNotice(text);
          loaded.reload();
        }}
      />
      <PlanDetails plan={plan} />
    </section>
  );
}

function PlanFacts({ plan }: { plan: Plan }) {
  const { m, f } = useI18n();
  const p = m.plans;
  const draft = plan.draft;
  const latestReturn = draft?.status === 'RETURNED' ? draft.reviews.filter((review) => review.decision === 'RETURNED').at(-1) : undefined;
  return (
    <div className="card" data-testid="plan-facts">
      <dl className="facts">
        <dt>{p.status}</dt>
        <dd>
          <Badge tone={planStatusTone(plan.status)}>{m.enums.planStatus[plan.status]}</Badge>
        </dd>
        <dt>{p.columns.years}</dt>
        <dd>{p.years(f.year(plan.fiscalYearStart), f.year(plan.fiscalYearEnd))}</dd>
        <dt>{p.committee}</dt>
        <dd>{plan.approvingCommittee}</dd>
        <dt>{p.columns.version}</dt>
        <dd>
          {plan.currentVersion ? plan.currentVersion.label : p.noVersion}
          {plan.currentVersion?.approval && (
            <span className="hint">
              {' '}
              ({plan.currentVersion.approval.committee} {plan.currentVersion.approval.resolutionNumber}
              {plan.currentVersion.approval.resolutionDate && ` ${f.date(plan.currentVersion.approval.resolutionDate)}`})
            </span>
          )}
        </dd>
        {plan.announcementDate && (
          <>
            <dt>{p.announcement}</dt>
            <dd>{f.date(plan.announcementDate)}</dd>
          </>
        )}
        {plan.inForceFrom && (
          <>
            <dt>{p.inForceFrom}</dt>
            <dd>{f.date(plan.inForceFrom)}</dd>
          </>
        )}
        {draft && (
          <>
            <dt>{p.columns.draft}</dt>
            <dd>
              {draft.label} ({m.enums.planStatus[draft.status]}){draft.reason && <span className="hint"> — {draft.reason}</span>}
            </dd>
          </>
        )}
      </dl>
      {draft?.status === 'SUBMITTED' && draft.submittedAt && <Notice kind="info">{p.waiting(plan.approvingCommittee, f.dateTime(draft.submittedAt))}</Notice>}
      {latestReturn && (
        <div data-testid="return-comments">
          <Notice kind="error">
            <strong>{p.returnedBy(latestReturn.committee, f.dateTime(latestReturn.at))}</strong>
            <p style={{ whiteSpace: 'pre-wrap' }}>{latestReturn.comments}</p>
          </Notice>
        </div>
      )}
    </div>
  );
}

/** What the organisation can do with the plan now; the server decides, the buttons follow its rules. */
function PlanActions({ plan, onChanged }: { plan: Plan; onChanged: (notice: string) => void }) {
  const { m } = useI18n();
  const user = useUser();
  if (!hasRole(user, ...STAFF_WRITERS)) {
    return null;
  }
  const draft = plan.draft;
  const editable = draft && (draft.status === 'DRAFT' || draft.status === 'RETURNED');
  const announceable = plan.status === 'APPROVED' && !plan.announcementDate && !!plan.currentVersion;
  const amendable = !draft && (plan.status === 'APPROVED' || plan.status === 'IN_FORCE') && !!plan.currentVersion;
  if (!editable && !announceable && !amendable) {
    return null;
  }
  return (
    <div className="card" data-testid="plan-actions">
      {editable && (
        <div className="actions">
          <Link className="button button-primary" to={editorPath(plan.id)}>
            {m.plans.edit}
          </Link>
          <DiscardButton planId={plan.id} onDiscarded={onChanged} />
        </div>
      )}
      {announceable && <AnnounceForm planId={plan.id} onDone={onChanged} />}
      {amendable && <AmendForm planId={plan.id} />}
    </div>
  );
}

function ActionForm({ title, onSubmit, children, problem }: { title: string; onSubmit: (event: FormEvent) => void; children: ReactNode; problem: string | null }) {
  const titleId = useId();
  return (
    <form onSubmit={onSubmit} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {problem && (
        <div role="alert">
          <Notice kind="error">{problem}</Notice>
        </div>
      )}
      {children}
    </form>
  );
}

function AnnounceForm({ planId, onDone }: { planId: string; onDone: (notice: string) => void }) {
  const { m } = useI18n();
  const p = m.plans;
  const id = useId();
  const [date, setDate] = useState(() => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Bangkok' }));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { announcePlan } = await runGraphQl(AnnouncePlan, { input: { planId, announcementDate: date } });
      if (announcePlan.userErrors.length > 0) {
        setProblem(announcePlan.userErrors.map((e) => e.message).join(' '));
      } else {
        onDone(p.announced);
      }
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <ActionForm title={p.announceTitle} onSubmit={submit} problem={problem}>
      <div className="field">
        <label htmlFor={id}>{p.announceDate}</label>
        <input id={id} type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
        <DateInBuddhistEra value={date} />
      </div>
      <button type="submit" className="button button-primary">
        {p.announce}
      </button>
    </ActionForm>
  );
}

function AmendForm({ planId }: { planId: string }) {
  const { m } = useI18n();
  const p = m.plans;
  const id = useId();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { startPlanAmendment } = await runGraphQl(StartPlanAmendment, { input: { planId, reason: reason.trim() } });
      if (startPlanAmendment.userErrors.length > 0) {
        setProblem(startPlanAmendment.userErrors.map((e) => e.message).join(' '));
      } else {
        navigate(editorPath(planId));
      }
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <ActionForm title={p.amendTitle} onSubmit={submit} problem={problem}>
      <div className="field">
        <label htmlFor={id}>{p.amendReason}</label>
        <textarea id={id} required rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      <button type="submit" className="button">
        {p.amend}
      </button>
    </ActionForm>
  );
}

function DiscardButton({ planId, onDiscarded }: { planId: string; onDiscarded: (notice: string) => void }) {
  const { m } = useI18n();
  const p = m.plans;
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const discard = async () => {
    try {
      const { discardPlanDraft } = await runGraphQl(DiscardPlanDraft, { input: { planId } });
      if (discardPlanDraft.userErrors.length > 0) {
        setProblem(discardPlanDraft.userErrors.map((e) => e.message).join(' '));
      } else if (discardPlanDraft.deletedPlanId) {
        navigate('/plans', { replace: true });
      } else {
        setConfirming(false);
        onDiscarded(p.discarded);
      }
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <>
      {confirming ? (
        <>
          <button type="button" className="button button-danger" onClick={discard}>
            {p.discardConfirm}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            {m.app.cancel}
          </button>
        </>
      ) : (
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {p.discard}
        </button>
      )}
      {problem && (
        <span role="alert" className="hint">
          {problem}
        </span>
      )}
    </>
  );
}

/**
 * The plan's content, one revision at a time (the open draft first, else the version in force), an open
 * amendment compared with the version in force, then every version with its download and the audit trail.
 */
function PlanDetails({ plan }: { plan: Plan }) {
  const { m } = useI18n();
  const p = m.plans;
  const revisions = [...plan.versions.map((v) => ({ number: v.number, label: v.label })), ...(plan.draft ? [{ number: plan.draft.number, label: `${plan.draft.label} (${p.contentDraft})` }] : [])];
  const [shown, setShown] = useState<number>(plan.draft?.number ?? plan.currentVersion?.number ?? 0);
  const [comparing, setComparing] = useState(false);
  const revision = useAsync(() => runGraphQl(PlanRevisionShown, { id: plan.id, number: shown }), [plan.id, shown]);
  const amendment = plan.draft && plan.currentVersion ? { from: plan.currentVersion, to: plan.draft } : null;
  const diff = useAsync(
    () => (amendment && comparing ? runGraphQl(PlanDraftDiff, { id: plan.id, from: amendment.from.number }) : Promise.resolve(null)),
    [plan.id, comparing, amendment?.from.number],
  );
  const content = revision.data?.plan?.version?.content;
  return (
    <>
      <section className="card" aria-labelledby="plan-content-title" data-testid="plan-content">
        <h2 id="plan-content-title">{p.documentTitle}</h2>
        <div className="actions" role="group" aria-label={p.documentTitle}>
          {revisions.map((r) => (
            <button key={r.number} type="button" className="button" aria-pressed={shown === r.number} onClick={() => (setShown(r.number), setComparing(false))}>
              {r.label}
            </button>
          ))}
          {amendment && (
            <button type="button" className="button" aria-pressed={comparing} onClick={() => setComparing((on) => !on)} data-testid="compare-amendment">
              {m.review.viewDiff}
            </button>
          )}
        </div>
        {comparing && amendment ? (
          diff.data?.plan ? (
            <PlanDiffView diff={diff.data.plan.diff} fromLabel={amendment.from.label} toLabel={amendment.to.label} />
          ) : diff.error ? (
            <ErrorNotice error={diff.error} onRetry={diff.reload} />
          ) : (
            <Loading />
          )
        ) : revision.error ? (
          <ErrorNotice error={revision.error} onRetry={revision.reload} />
        ) : content ? (
          <>
            <p className="hint">{p.showingVersion(revisions.find((r) => r.number === shown)?.label ?? '')}</p>
            <PlanDocumentView content={content} fiscalYears={plan.fiscalYears} headingLevel={3} />
          </>
        ) : (
          <Loading />
        )}
      </section>
      <section className="card">
        <PlanHistory plan={plan} />
      </section>
    </>
  );
}
