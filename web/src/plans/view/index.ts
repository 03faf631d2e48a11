/** Read-only views of a plan, shared by the plan page and the committee's review pages. */
export { PlanDocumentView, type PlanDocumentViewProps } from './PlanDocumentView';
export { PlanDiffView, type PlanDiffViewProps } from './PlanDiffView';
export { PlanHistory, type PlanHistoryProps } from './PlanHistory';
export { PlanContentFields, PlanDiffFields, PlanHistoryFields, PlanReviewFields, PlanRevisionFields } from './fragments';
