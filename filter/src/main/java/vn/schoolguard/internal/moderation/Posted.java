package vn.schoolguard.internal.moderation;

import java.util.List;
import java.util.Map;

/**
 * What a submission carried: the route it matched, the original request line and the fields, both as the
 * application receives them on replay and exactly as posted.
 *
 * @param route          the route name
 * @param method         the original HTTP method
 * @param path           the original path within the web application
 * @param queryString    the original query string as posted, may be null; evidence only, never replayed
 * @param contentType    the original content type
 * @param headers        the original headers that replay needs (lower-case names)
 * @param fields         the body fields the application receives on replay (sanitized, approved), in posted order
 * @param rawFields      the body fields exactly as posted, for moderators and investigators
 * @param removed        what sanitizing removed, by field (query-string fields are named {@code ?name})
 * @param queryFields    the query-string fields the application receives on replay (sanitized, approved)
 * @param rawQueryFields the query-string fields exactly as posted
 * @param dropped        fields the route does not list and drops: never replayed (query-string ones as {@code ?name})
 */
public record Posted(String route, String method, String path, String queryString, String contentType,
                     Map<String, List<String>> headers, Map<String, List<String>> fields,
                     Map<String, List<String>> rawFields, Map<String, List<String>> removed,
                     Map<String, List<String>> queryFields, Map<String, List<String>> rawQueryFields,
                     List<String> dropped) {

    public Posted {
        headers = Map.copyOf(headers);
        fields = FormFields.copy(fields);
        rawFields = FormFields.copy(rawFields);
        removed = FormFields.copy(removed);
        queryFields = FormFields.copy(queryFields);
        rawQueryFields = FormFields.copy(rawQueryFields);
        dropped = List.copyOf(dropped);
    }
}
