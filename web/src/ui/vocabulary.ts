import type { OrganisationKind, PlanStatus } from '../gql/graphql';

export const ORGANISATION_KINDS: OrganisationKind[] = ['PAO', 'MUNICIPALITY', 'SAO', 'PATTAYA'];

/** How a plan status looks: in force and approved good, returned bad, under way pending. */
export function planStatusTone(status: PlanStatus): 'good' | 'bad' | 'neutral' | 'warn' {
  switch (status) {
    case 'IN_FORCE':
    case 'APPROVED':
      return 'good';
    case 'RETURNED':
      return 'bad';
    case 'SUBMITTED':
    case 'DRAFT':
      return 'warn';
    default:
      return 'neutral';
  }
}
