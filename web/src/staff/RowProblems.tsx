import { useI18n } from '../i18n/i18n';
import { Notice, TableScroll } from '../ui/components';
import { rowProblemText, type RowProblem } from './rowProblems';

/** A refused import file: how many problems, then each with its row, column and what is wrong in the reader's language. */
export function RowProblems({ rows }: { rows: RowProblem[] }) {
  const { m, f } = useI18n();
  return (
    <>
      <Notice kind="error">{m.rosterImport.refused(f.integer(rows.length))}</Notice>
      <TableScroll label={m.rosterImport.problem}>
        <table data-testid="row-problems">
          <thead>
            <tr>
              <th scope="col" className="num">{m.rosterImport.row}</th>
              <th scope="col">{m.rosterImport.column}</th>
              <th scope="col">{m.rosterImport.problem}</th>
              <th scope="col">{m.rosterImport.detail}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((problem, index) => (
              <tr key={index}>
                <td className="num">{f.integer(problem.row)}</td>
                <td>{problem.column || m.rosterImport.wholeFile}</td>
                <th scope="row">{rowProblemText(problem, m)}</th>
                <td lang="en" className="muted">{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
