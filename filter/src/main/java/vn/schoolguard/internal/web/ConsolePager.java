package vn.schoolguard.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Previous/next links of a paged console list, keeping its filters. */
final class ConsolePager {

    private ConsolePager() {
    }

    static Map<String, Object> pager(ConsoleContext ctx, String path, Map<String, String> filters, int page, int size,
                                     long total) {
        long pages = Math.max(1, (total + size - 1) / size);
        Map<String, Object> pager = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("page", String.valueOf(page - 1));
        pager.put("prevUrl", page > 1 ? ctx.base + path + query(params) : null);
        params.put("page", String.valueOf(page + 1));
        pager.put("nextUrl", page < pages ? ctx.base + path + query(params) : null);
        pager.put("text", ctx.text("console.pager.page", String.valueOf(page), String.valueOf(pages)));
        pager.put("show", pages > 1 || page > 1);
        return pager;
    }

    /** {@code ?a=1&b=2} from the non-empty parameters, URL-encoded; empty when there are none. */
    static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
