import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { runGraphQl } from '../api/graphql';
import type { PlanForEditingQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, errorText, Loading, Notice, PageTitle } from '../ui/components';
import { nodes } from '../ui/connections';
import { useAsync } from '../ui/useAsync';
import { CoursesSection } from './editor/Courses';
import { BudgetSection, CommitteeSection, GeneralSection, GoalsSection, MethodsSection, MonitoringSection, type Content } from './editor/Sections';
import { planPath } from './PlansPage';
import { anchorOf, relativeTo, type Problem } from './problems';
import { PlanForEditing, PlanGaps, SubmitPlan } from './queries';

/**
 * The open draft of a plan (the original or an amendment), section by section as the master plan orders
 * them, with what `submitPlan` would still refuse kept up to date beside the form after every save.
 */
export function PlanEditorPage() {
  const { m } = useI18n();
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const loaded = useAsync(() => runGraphQl(PlanForEditing, { id }), [id]);
  const plan = loaded.data?.plan;

  if (loaded.loading && !loaded.data) {
    return <Loading />;
  }
  if (loaded.error) {
    return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  }
  if (!plan || !plan.draft || plan.draft.status === 'SUBMITTED' || plan.draft.status === 'APPROVED') {
    return (
      <section>
        <PageTitle title={m.plans.title}>{plan?.title ?? m.plans.title}</PageTitle>
        <Notice kind="info">{m.plans.notEditable}</Notice>
        {plan && <Link to={planPath(plan.id)}>{m.plans.backToPlan}</Link>}
      </section>
    );
  }
  return (
    <Editor
      plan={{ ...plan, draft: plan.draft }}
      competencies={nodes(loaded.data!.competencies)}
    />
  );
}

type Loaded = NonNullable<PlanForEditingQuery['plan']>;

function Editor({ plan, competencies }: { plan: Loaded & { draft: NonNullable<Loaded['draft']> }; competencies: Array<{ code: string; nameTh: string }> }) {
  const { m, f } = useI18n();
  const p = m.plans;
  const navigate = useNavigate();
  const [gaps, setGaps] = useState<Problem[]>(plan.gaps.map((gap) => ({ ...gap })));
  const [derived, setDerived] = useState<{ budget: Content['budget']; methodsUsed: Content['methodsAndDuration']['methodsUsed'] }>({
    budget: plan.draft.content.budget,
    methodsUsed: plan.draft.content.methodsAndDuration.methodsUsed,
  });
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const { plan: fresh } = await runGraphQl(PlanGaps, { id: plan.id });
    if (fresh) {
      setGaps(fresh.gaps.map((gap) => ({ ...gap })));
      if (fresh.draft) {
        setDerived({ budget: { ...fresh.draft.content.budget, description: null }, methodsUsed: fresh.draft.content.methodsAndDuration.methodsUsed });
      }
    }
  }, [plan.id]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const submit = async () => {
    setSubmitting(true);
    setSubmitProblem(null);
    try {
      const { submitPlan } = await runGraphQl(SubmitPlan, { input: { planId: plan.id } });
      if (submitPlan.userErrors.length > 0) {
        setGaps(relativeTo(submitPlan.userErrors, 'input'));
      } else {
        navigate(planPath(plan.id), { state: { notice: p.submitted } });
      }
    } catch (error) {
      setSubmitProblem(errorText(error));
    } finally {
      setSubmitting(false);
    }
  };

  const goTo = (gap: Problem) => {
    const element = document.getElementById(anchorOf(gap.field));
    if (element instanceof HTMLDetailsElement) {
      element.open = true;
    }
    element?.scrollIntoView({ block: 'start' });
    (element?.querySelector('summary') ?? element)?.focus();
  };

  const content = plan.draft.content;
  const latestReturn = plan.draft.status === 'RETURNED' ? plan.draft.reviews.filter((review) => review.decision === 'RETURNED').at(-1) : undefined;
  const onSaved = () => void refresh();

  return (
    <section>
      <PageTitle title={p.editorTitle(plan.title)}>{p.editorTitle(plan.title)}</PageTitle>
      <p className="subtitle">
        {plan.draft.label} · {m.enums.planStatus[plan.draft.status]} · {plan.approvingCommittee} · <Link to={planPath(plan.id)}>{p.backToPlan}</Link>
      </p>
      {latestReturn && (
        <div data-testid="return-comments">
          <Notice kind="error">
            <strong>{p.returnedBy(latestReturn.committee, f.dateTime(latestReturn.at))}</strong>
            <p style={{ whiteSpace: 'pre-wrap' }}>{latestReturn.comments}</p>
          </Notice>
        </div>
      )}
      <div className="editor-layout">
        <div className="editor-main">
          <GeneralSection planId={plan.id} title={plan.title} rationale={content.rationale ?? null} gaps={gaps} onSaved={onSaved} />
          <GoalsSection planId={plan.id} years={plan.fiscalYears} goals={content.goals} gaps={gaps} onSaved={onSaved} />
          <CoursesSection
            planId={plan.id}
            courses={content.courses}
            catalogue={{ competencies, divisions: plan.organisation.divisions, years: plan.fiscalYears }}
            gaps={gaps}
            onSaved={onSaved}
          />
          <MethodsSection planId={plan.id} content={{ ...content.methodsAndDuration, methodsUsed: derived.methodsUsed }} gaps={gaps} onSaved={onSaved} />
          <BudgetSection planId={plan.id} content={{ ...derived.budget, description: content.budget.description }} gaps={gaps} onSaved={onSaved} />
          <MonitoringSection planId={plan.id} content={content.monitoring} gaps={gaps} onSaved={onSaved} />
          <CommitteeSection planId={plan.id} content={content.committee} gaps={gaps} onSaved={onSaved} />
        </div>
        <aside className="editor-aside" aria-labelledby="gaps-title">
          <div className="card gaps-checklist" data-testid="plan-gaps">
            <h2 id="gaps-title">{p.gapsTitle}</h2>
            <div role="status" aria-live="polite">
              {gaps.length === 0 ? <Notice kind="success">{p.gapsNone}</Notice> : <p>{p.gapsCount(f.integer(gaps.length))}</p>}
            </div>
            <ul>
              {gaps.map((gap, i) => (
                <li key={i}>
                  <button type="button" className="link-button" onClick={() => goTo(gap)}>
                    {gap.message}
                  </button>
                </li>
              ))}
            </ul>
            {submitProblem && <Notice kind="error">{m.app.errorMessage(submitProblem)}</Notice>}
            <button type="button" className="button button-primary" disabled={gaps.length > 0 || submitting} onClick={submit} aria-describedby={gaps.length > 0 ? 'submit-hint' : undefined}>
              {p.submit}
            </button>
            {gaps.length > 0 && (
              <p className="hint" id="submit-hint">
                {p.submitBlocked}
              </p>
            )}
          </div>
        </aside>
      </div>
    </section>
  );
}
