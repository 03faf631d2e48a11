/** Words of a name worth comparing (Thai or Latin, two characters or more, lower case). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s.,_@|:/\-()]+/)
    .filter((word) => word.length >= 2);
}

export interface Candidate {
  id: string;
  fullNameTh: string;
  firstNameTh: string;
  lastNameTh: string;
}

/**
 * How alike an unmatched actor and a staff member look: shared words of the actor's name (and the
 * local part of its e-mail or account name) with the staff member's names. 0 when nothing is shared.
 */
export function likeness(actor: { name?: string | null; identityText: string }, staff: Candidate): number {
  const actorWords = new Set([...words(actor.name ?? ''), ...words(actor.identityText.split('@')[0] ?? '')]);
  const staffWords = new Set([...words(staff.fullNameTh), ...words(staff.firstNameTh), ...words(staff.lastNameTh)]);
  let score = 0;
  for (const word of actorWords) {
    if (staffWords.has(word)) {
      score += 2;
    } else if ([...staffWords].some((other) => other.includes(word) || word.includes(other))) {
      score += 1;
    }
  }
  return score;
}

/** Staff ordered by likeness to the actor, most alike first; ties keep their order. */
export function rankCandidates<C extends Candidate>(actor: { name?: string | null; identityText: string }, staff: C[]): C[] {
  return staff
    .map((candidate, index) => ({ candidate, index, score: likeness(actor, candidate) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.candidate);
}
