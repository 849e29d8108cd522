package vn.schoolguard.internal.db;

import java.util.List;

/** One page of results and the total number of matches. */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
