import { useEffect, useId, useRef, useState } from 'react';
import { runGraphQl } from '../api/graphql';
import { hasRole, STAFF_WRITERS, useUser } from '../auth/session';
import { graphql } from '../gql';
import type { UnmatchedLearnersQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { identityOfActorKey, identityText } from '../staff/identities';
import { errorText, ErrorNotice, Loading, Notice, PageTitle, TableScroll } from '../ui/components';
import { useAsync } from '../ui/useAsync';
import { useDebounced } from '../ui/useDebounced';
import { rankCandidates } from './matching';
import { nodes } from '../ui/connections';

const UnmatchedLearners = graphql(`
  query UnmatchedLearners {
    unmatchedActors(first: 100) { actorKey displayKey name statements lastSeen }
  }
`);

const LinkCandidates = graphql(`
  query LinkCandidates($filter: StaffFilter) {
    staffMembers(first: 100, filter: $filter) {
      edges { node { id fullNameTh firstNameTh lastNameTh positionTitle } }
    }
  }
`);

const LinkIdentity = graphql(`
  mutation LinkIdentity($input: XapiIdentityLinkInput!) {
    linkXapiIdentity(input: $input) {
      staff { id fullNameTh }
      userErrors { field message code }
    }
  }
`);

type Actor = UnmatchedLearnersQuery['unmatchedActors'][number];

/** Actors of statements that match no staff member, and linking one to a staff member in two clicks. */
export function UnmatchedLearnersPage() {
  const { m } = useI18n();
  const user = useUser();
  const writer = hasRole(user, ...STAFF_WRITERS);
  const actors = useAsync(() => runGraphQl(UnmatchedLearners), []);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (actors.error) {
    return <ErrorNotice error={actors.error} onRetry={actors.reload} />;
  }
  return (
    <section>
      <PageTitle title={m.learners.title}>{m.learners.title}</PageTitle>
      <p>{m.learners.intro}</p>
      {done && <Notice kind="success">{done}</Notice>}
      {!actors.data && <Loading />}
      {actors.data && actors.data.unmatchedActors.length === 0 && <p>{m.learners.none}</p>}
      {actors.data && actors.data.unmatchedActors.length > 0 && (
        <TableScroll label={m.learners.title}>
          <table data-testid="unmatched">
            <thead>
              <tr>
                <th scope="col">{m.learners.name}</th>
                <th scope="col">{m.learners.identity}</th>
                <th scope="col" className="num">{m.learners.statements}</th>
                <th scope="col">{m.learners.lastSeen}</th>
                {writer && <th scope="col"><span className="visually-hidden">{m.learners.link}</span></th>}
              </tr>
            </thead>
            <tbody>
              {actors.data.unmatchedActors.map((actor) => {
                const identity = identityOfActorKey(actor.displayKey ?? '') ?? identityOfActorKey(actor.actorKey);
                return (
                  <ActorRow
                    key={actor.actorKey}
                    actor={actor}
                    identityLabel={identity ? identityText(identity) : actor.displayKey ?? actor.actorKey}
                    open={open === actor.actorKey}
                    writer={writer}
                    columns={writer ? 5 : 4}
                    onOpen={() => setOpen(open === actor.actorKey ? null : actor.actorKey)}
                    onLinked={(staffName) => {
                      setOpen(null);
                      setDone(m.learners.linked(identity ? identityText(identity) : actor.actorKey, staffName));
                      actors.setData({ unmatchedActors: actors.data!.unmatchedActors.filter((a) => a.actorKey !== actor.actorKey) });
                    }}
                  />
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function ActorRow({
  actor,
  identityLabel,
  open,
  writer,
  columns,
  onOpen,
  onLinked,
}: {
  actor: Actor;
  identityLabel: string;
  open: boolean;
  writer: boolean;
  columns: number;
  onOpen: () => void;
  onLinked: (staffName: string) => void;
}) {
  const { m, f } = useI18n();
  const name = actor.name ?? m.learners.noName;
  const panelId = useId();
  return (
    <>
      <tr data-actor={actor.actorKey}>
        <th scope="row">{name}</th>
        <td>{identityLabel}</td>
        <td className="num">{f.integer(actor.statements)}</td>
        <td>{f.dateTime(actor.lastSeen)}</td>
        {writer && (
          <td>
            <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={onOpen}>
              {m.learners.link}
            </button>
          </td>
        )}
      </tr>
      {open && (
        <tr>
          <td colSpan={columns} id={panelId}>
            <LinkPanel actor={actor} actorName={name} identityLabel={identityLabel} onLinked={onLinked} />
          </td>
        </tr>
      )}
    </>
  );
}

function LinkPanel({
  actor,
  actorName,
  identityLabel,
  onLinked,
}: {
  actor: Actor;
  actorName: string;
  identityLabel: string;
  onLinked: (staffName: string) => void;
}) {
  const { m } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const search = useDebounced(filter.trim());
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const identity = identityOfActorKey(actor.displayKey ?? '') ?? identityOfActorKey(actor.actorKey);
  const candidates = useAsync(
    () => runGraphQl(LinkCandidates, { filter: { nameSearch: search || null, status: ['ACTIVE', 'ON_LEAVE', 'SUSPENDED'] } }),
    [search],
  );
  useEffect(() => heading.current?.focus(), []);

  const link = async (staffId: string, staffName: string) => {
    if (!identity) {
      return;
    }
    setWorking(true);
    setProblem(null);
    try {
      const { linkXapiIdentity } = await runGraphQl(LinkIdentity, { input: { staffId, identity } });
      if (linkXapiIdentity.userErrors.length > 0) {
        setProblem(linkXapiIdentity.userErrors.map((e) => e.message).join('; '));
      } else {
        onLinked(linkXapiIdentity.staff?.fullNameTh ?? staffName);
      }
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(false);
    }
  };

  const ranked = candidates.data
    ? rankCandidates({ name: actor.name, identityText: identityLabel }, nodes(candidates.data.staffMembers)).slice(0, 10)
    : [];
  return (
    <div className="panel">
      <h2 ref={heading} tabIndex={-1} style={{ fontSize: '1.05rem', marginTop: 0 }}>
        {m.learners.linkTo(actorName)}
      </h2>
      {!identity && <Notice kind="error">{m.learners.cannotLink}</Notice>}
      {problem && <Notice kind="error">{m.app.errorMessage(problem)}</Notice>}
      <div className="field">
        <label htmlFor={filterId}>{m.learners.filter}</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {candidates.error && <ErrorNotice error={candidates.error} onRetry={candidates.reload} />}
      {identity && (
        <ul className="candidate-list" aria-label={m.learners.suggestions}>
          {ranked.map((staff) => (
            <li key={staff.id}>
              <button type="button" className="button" disabled={working} onClick={() => link(staff.id, staff.fullNameTh)} data-staff={staff.id}>
                {m.learners.choose(staff.fullNameTh)}
              </button>{' '}
              <span className="muted">{staff.positionTitle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
