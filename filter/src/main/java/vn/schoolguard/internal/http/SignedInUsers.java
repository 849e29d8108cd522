package vn.schoolguard.internal.http;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.SignedInUser;
import vn.schoolguard.internal.moderation.UserSource;
import vn.schoolguard.internal.net.ProxySettings;

/**
 * Recognises the application's signed-in user on a submission route, where {@code moderation.user-from} says:
 * the container's user, an attribute of the application's session (a name, a {@link Principal}, or a Spring
 * Security {@code SecurityContext} with its authorities), or a header set by a trusted proxy. The recognised
 * user is what the IP log records, what per-user rate limits count and what trusted posters are judged by.
 *
 * <p>Thread-safe; reads nothing but the request and its existing session.
 */
public final class SignedInUsers {

    private final UserSource source;
    private final List<String> trustedRoles;
    private final Set<String> trustedUsers;
    private final ProxySettings proxies;

    public SignedInUsers(ModerationSettings settings, ProxySettings proxies) {
        this.source = settings.userFrom();
        this.trustedRoles = settings.trustedRoles();
        this.trustedUsers = Set.copyOf(settings.trustedUsers());
        this.proxies = proxies;
    }

    /**
     * The request as SchoolGuard judges and logs it: {@code getRemoteUser()} and {@code getUserPrincipal()}
     * give the recognised user. Never handed to the application.
     */
    public HttpServletRequest recognise(HttpServletRequest request) {
        if (source.kind() == UserSource.Kind.PRINCIPAL) {
            return request;
        }
        Optional<SignedInUser> user = find(request);
        return new Recognised(request, user.orElse(null));
    }

    /** Why a recognised request bypasses the queue ({@code trusted poster NAME}), or empty when it is held. */
    // Security-critical: a trusted poster's submission is published without a moderator.
    public Optional<String> trusted(HttpServletRequest recognised) {
        String name = recognised.getRemoteUser();
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        if (trustedUsers.contains(name)) {
            return Optional.of("trusted poster " + name);
        }
        if (recognised.getUserPrincipal() == null) {
            return Optional.empty();
        }
        for (String role : trustedRoles) {
            if (recognised.isUserInRole(role)) {
                return Optional.of("trusted poster " + name);
            }
        }
        return Optional.empty();
    }

    private Optional<SignedInUser> find(HttpServletRequest request) {
        if (source.kind() == UserSource.Kind.HEADER) {
            // Security-critical: anyone can send the header; only a trusted proxy's copy names a user.
            if (!proxies.isTrusted(request.getRemoteAddr())) {
                return Optional.empty();
            }
            return SignedInUser.named(request.getHeader(source.name()));
        }
        HttpSession session = request.getSession(false);
        Object value = null;
        try {
            value = session == null ? null : session.getAttribute(source.name());
        } catch (IllegalStateException invalidated) {
            // A session invalidated meanwhile holds nobody.
        }
        return value == null ? Optional.empty() : SignedInUser.fromAttribute(value);
    }

    /** The poster's request with the recognised user in place of the container's (the container's when none is found). */
    private static final class Recognised extends HttpServletRequestWrapper {
        private final SignedInUser user;

        Recognised(HttpServletRequest request, SignedInUser user) {
            super(request);
            this.user = user;
        }

        @Override
        public String getRemoteUser() {
            return user == null ? super.getRemoteUser() : user.name();
        }

        @Override
        public Principal getUserPrincipal() {
            return user == null ? super.getUserPrincipal() : (Principal) user::name;
        }

        @Override
        public boolean isUserInRole(String role) {
            if (user == null) {
                return super.getUserPrincipal() != null && super.isUserInRole(role);
            }
            return user.roles().contains(role) || user.roles().contains("ROLE_" + role);
        }
    }
}
