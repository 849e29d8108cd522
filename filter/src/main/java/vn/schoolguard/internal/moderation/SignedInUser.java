package vn.schoolguard.internal.moderation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The application's signed-in user on a submission route ({@code moderation.user-from}): the name, printable and
 * at most 200 characters, and, where the source tells them, the roles. What the IP log records, what per-user rate
 * limits count and what trusted posters are judged by.
 */
public record SignedInUser(String name, Set<String> roles) {

    /** Longest user name kept; longer ones are cut, as the IP log column is. */
    private static final int MAX_NAME = 200;

    /** A user named by a header or a session attribute's text; empty when the name is blank or unprintable. */
    public static Optional<SignedInUser> named(String name) {
        return clean(name).map(n -> new SignedInUser(n, Set.of()));
    }

    /** A name, a principal, or an authentication (Spring Security's context, read by its public methods). */
    public static Optional<SignedInUser> fromAttribute(Object value) {
        if (value instanceof CharSequence text) {
            return clean(text.toString()).map(name -> new SignedInUser(name, Set.of()));
        }
        Object authentication = call(value, "getAuthentication").orElse(value);
        if (authentication.getClass().getSimpleName().contains("Anonymous")
                || Boolean.FALSE.equals(call(authentication, "isAuthenticated").orElse(Boolean.TRUE))) {
            return Optional.empty();
        }
        Optional<String> name = authentication instanceof Principal p ? clean(p.getName())
                : call(authentication, "getName").map(String::valueOf).flatMap(SignedInUser::clean);
        Set<String> roles = new LinkedHashSet<>();
        if (call(authentication, "getAuthorities").orElse(null) instanceof Collection<?> authorities) {
            for (Object authority : authorities) {
                call(authority, "getAuthority").map(String::valueOf).ifPresent(roles::add);
            }
        }
        return name.map(n -> new SignedInUser(n, Set.copyOf(roles)));
    }

    /** Calls a public no-argument method through a public type, so that classes of the application need not be public. */
    private static Optional<Object> call(Object target, String method) {
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            types.add(c);
            types.addAll(List.of(c.getInterfaces()));
        }
        for (Class<?> type : types) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            try {
                Method m = type.getMethod(method);
                return Optional.ofNullable(m.invoke(target));
            } catch (NoSuchMethodException e) {
                continue;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> clean(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String printable = name.replaceAll("\\p{Cntrl}", "").trim();
        if (printable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(printable.length() <= MAX_NAME ? printable : printable.substring(0, MAX_NAME));
    }
}
