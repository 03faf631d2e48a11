package th.phatthana.api.graphql;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;

import th.phatthana.schema.InvalidInputException;

/**
 * Spring's cursors (base64 of an offset or keyset), except that a cursor which is not one refuses
 * the request as bad input: it comes from the caller, and is not an internal failure.
 */
final class CheckedCursors implements CursorStrategy<ScrollPosition> {

    private final CursorStrategy<ScrollPosition> standard = CursorStrategy.withEncoder(new ScrollPositionCursorStrategy(),
            CursorEncoder.base64());

    @Override
    public boolean supports(Class<?> targetType) {
        return standard.supports(targetType);
    }

    @Override
    public String toCursor(ScrollPosition position) {
        return standard.toCursor(position);
    }

    @Override
    public ScrollPosition fromCursor(String cursor) {
        try {
            return standard.fromCursor(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after: not a cursor this list gave out");
        }
    }
}
