package org.bianmin.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing: the items and, when there may be more, the opaque cursor that continues after them.
 *
 * @param items the items of this page, in the listing's order
 * @param nextCursor the cursor of the next page, or null when this page is the last
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
