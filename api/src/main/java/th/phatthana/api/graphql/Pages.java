package th.phatthana.api.graphql;

import java.util.List;
import java.util.function.IntFunction;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

import graphql.execution.DataFetcherResult;

/**
 * One page of a list held in memory (a tenant's plans, a province's organisations): {@code first}
 * defaults to {@value #DEFAULT_PAGE} and is clamped to 0..{@value #MAX_PAGE}, {@code after} is an offset cursor.
 */
public final class Pages {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    private Pages() {
    }

    public static <T> Window<T> page(List<T> all, ScrollSubrange subrange) {
        int offset = subrange.position().filter(OffsetScrollPosition.class::isInstance)
                .map(p -> ((OffsetScrollPosition) p).isInitial() ? 0 : (int) ((OffsetScrollPosition) p).getOffset() + 1).orElse(0);
        int count = Math.max(0, Math.min(subrange.count().orElse(DEFAULT_PAGE), MAX_PAGE));
        int start = Math.min(Math.max(0, offset), all.size());
        int end = Math.min(all.size(), start + count);
        IntFunction<ScrollPosition> position = i -> ScrollPosition.offset(start + i);
        return Window.from(all.subList(start, end), position, end < all.size());
    }

    /** The page with the list's {@code totalCount}. */
    public static <T> DataFetcherResult<Window<T>> connection(List<T> all, ScrollSubrange subrange) {
        return TotalCount.page(page(all, subrange), all::size);
    }
}
