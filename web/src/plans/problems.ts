/** A userError of the API: `field` is a path into the input or the plan, e.g. ["courses", "<key>", "category"]. */
export interface Problem {
  field: readonly string[];
  message: string;
  code: string;
}

/** The problems at exactly this path. */
export function problemsAt(problems: readonly Problem[], ...path: string[]): Problem[] {
  return problems.filter((problem) => problem.field.length === path.length && path.every((part, i) => problem.field[i] === part));
}

/** The problems at this path or anywhere below it. */
export function problemsUnder(problems: readonly Problem[], ...path: string[]): Problem[] {
  return problems.filter((problem) => path.every((part, i) => problem.field[i] === part));
}

/**
 * Where on the editor page a problem is shown: the element id of the course, goal or section it names,
 * so the gaps checklist can link to it. Mutation inputs name courses as `course`; plan gaps by key.
 */
export function anchorOf(field: readonly string[]): string {
  const [section, key] = field;
  if (section === 'courses' && key && key !== 'coverage') {
    return `course-${key}`;
  }
  if (section === 'goals' && key) {
    return `goal-${key}`;
  }
  switch (section) {
    case 'title':
      return 'section-general';
    case 'rationale':
    case 'goals':
    case 'courses':
    case 'budget':
    case 'monitoring':
    case 'committee':
      return `section-${section}`;
    case 'methodsAndDuration':
      return 'section-methods';
    default:
      return 'section-general';
  }
}

/** Problems of a mutation, rebased: `input.course.category` from addPlanCourse becomes ["category"]. */
export function relativeTo(problems: readonly Problem[], ...prefix: string[]): Problem[] {
  return problems.map((problem) => {
    const parts = problem.field.flatMap((part) => part.split('.'));
    let start = 0;
    while (start < prefix.length && parts[start] === prefix[start]) {
      start++;
    }
    return { ...problem, field: parts.slice(start) };
  });
}
