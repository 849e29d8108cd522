package vn.schoolguard.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.account.Account;
import vn.schoolguard.account.AccountStore;
import vn.schoolguard.account.Authenticator;
import vn.schoolguard.account.PasswordHasher;
import vn.schoolguard.account.SessionStore;

/** The admin's accounts page: list, create, reset a password, change roles, disable and enable. Hashes are never shown. */
final class ConsoleAccountPages {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{2,64}");
    private static final Pattern ACTION = Pattern.compile("/accounts/([a-z0-9._-]{2,64})/(password|roles|disable|enable)");
    /** Changes that hand out access ask for the admin's own password again. */
    private static final Set<String> REAUTH = Set.of("password", "roles");
    static final String CURRENT_PASSWORD = "current_password";
    static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 200;

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final ConsoleAccess access;
    private final Clock clock;

    ConsoleAccountPages(AccountStore accounts, PasswordHasher hasher, SessionStore sessions, ConsoleAccess access, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
    }

    void handle(ConsoleContext ctx, String sub) throws IOException {
        if (!ctx.require("admin")) {
            return;
        }
        Matcher action = ACTION.matcher(sub);
        if (sub.equals("/accounts") && !ctx.isPost()) {
            page(ctx, 200, List.of(), "");
        } else if (sub.equals("/accounts") || action.matches()) {
            if (!ctx.isPost()) {
                ctx.response.setHeader("Allow", "POST");
                ctx.error(405, "console.error.post-only");
            } else if (ctx.mayChangeState(access) && (action.matches() && !REAUTH.contains(action.group(2))
                    || reauthenticated(ctx))) {
                if (action.matches()) {
                    change(ctx, action.group(1), action.group(2));
                } else {
                    create(ctx);
                }
            }
        } else {
            ctx.error(404, "console.error.not-found");
        }
    }

    /**
     * Whether the form carries the signed-in admin's own password; answers 403 (or 429 while sign-ins from
     * this address are refused) with the reason otherwise, and changes nothing. A stolen session or a script
     * running in the console's origin cannot create or empower accounts without it.
     */
    // Security-critical: re-authentication before account changes.
    private boolean reauthenticated(ConsoleContext ctx) throws IOException {
        Authenticator.Result result = access.confirm(ctx.caller, ctx.request.getParameter(CURRENT_PASSWORD), ctx.clientIp);
        if (result instanceof Authenticator.Success) {
            return true;
        }
        if (result instanceof Authenticator.Locked locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds());
            ctx.response.setHeader("Retry-After", String.valueOf(seconds));
            page(ctx, 429, List.of(ctx.text("console.login.locked", String.valueOf((seconds + 59) / 60))), "");
        } else {
            page(ctx, 403, List.of(ctx.text("console.accounts.reauth-failed")), "");
        }
        return false;
    }

    private void page(ConsoleContext ctx, int status, List<String> errors, String newName) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.accounts.title"), "accounts");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Account account : accounts.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", account.username());
            row.put("roleText", String.join(", ", account.roles().stream().sorted()
                    .map(r -> ctx.text("console.role." + r)).toList()));
            row.put("roles", roleChoices(ctx, account.roles(), "r-" + account.username()));
            row.put("disabled", account.disabled());
            row.put("self", account.username().equals(ctx.user().name()));
            row.put("slug", account.username().replace('.', '_'));
            rows.add(row);
        }
        model.put("accounts", rows);
        model.put("errors", errors);
        model.put("newName", newName);
        model.put("newRoles", roleChoices(ctx, Set.of(), "new"));
        model.put("minPassword", String.valueOf(MIN_PASSWORD));
        ctx.render(status, "accounts", model);
    }

    private static List<Map<String, Object>> roleChoices(ConsoleContext ctx, Set<String> checked, String idPrefix) {
        return ConsoleSettings.ROLES.stream().map(role -> Map.<String, Object>of("role", role,
                "label", ctx.text("console.role." + role), "checked", checked.contains(role),
                "fieldId", idPrefix + "-" + role)).toList();
    }

    private void create(ConsoleContext ctx) throws IOException {
        String name = param(ctx, "username").toLowerCase(java.util.Locale.ROOT);
        String password = ctx.request.getParameter("password");
        List<String> errors = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            errors.add(ctx.text("console.accounts.bad-name", name));
        } else if (accounts.find(name).isPresent()) {
            errors.add(ctx.text("console.accounts.exists", name));
        }
        passwordProblem(ctx, password).ifPresent(errors::add);
        Set<String> roles = roles(ctx, errors);
        if (!errors.isEmpty()) {
            page(ctx, 400, errors, name);
            return;
        }
        accounts.upsert(name, hasher.hash(password), roles, clock.instant());
        ctx.redirect("/accounts?" + ConsoleFlash.query("account-created", 0));
    }

    private void change(ConsoleContext ctx, String name, String what) throws IOException {
        Optional<Account> account = accounts.find(name);
        if (account.isEmpty()) {
            ctx.error(404, "console.error.no-account");
            return;
        }
        boolean self = name.equals(ctx.user().name());
        List<String> errors = new ArrayList<>();
        Instant now = clock.instant();
        String flash;
        switch (what) {
            case "password" -> {
                String password = ctx.request.getParameter("password");
                passwordProblem(ctx, password).ifPresent(errors::add);
                if (!errors.isEmpty()) {
                    page(ctx, 400, errors, "");
                    return;
                }
                accounts.setPassword(name, hasher.hash(password), now);
                // A new password must lock out whoever knew the old one, including any open session.
                sessions.deleteAll(name);
                flash = "password-reset";
            }
            case "roles" -> {
                Set<String> roles = roles(ctx, errors);
                if (self && !roles.contains("admin")) {
                    errors.add(ctx.text("console.accounts.self"));
                }
                if (!errors.isEmpty()) {
                    page(ctx, 400, errors, "");
                    return;
                }
                accounts.setRoles(name, roles, now);
                flash = "roles-changed";
            }
            case "disable" -> {
                if (self) {
                    page(ctx, 400, List.of(ctx.text("console.accounts.self")), "");
                    return;
                }
                accounts.setDisabled(name, true, now);
                sessions.deleteAll(name);
                flash = "account-disabled";
            }
            default -> {
                accounts.setDisabled(name, false, now);
                flash = "account-enabled";
            }
        }
        if (self && what.equals("password")) {
            ctx.redirect("/login?" + ConsoleFlash.query(flash, 0));
        } else {
            ctx.redirect("/accounts?" + ConsoleFlash.query(flash, 0));
        }
    }

    private static Optional<String> passwordProblem(ConsoleContext ctx, String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            return Optional.of(ctx.text("console.accounts.bad-password", String.valueOf(MIN_PASSWORD),
                    String.valueOf(MAX_PASSWORD), String.valueOf(length)));
        }
        return Optional.empty();
    }

    private static Set<String> roles(ConsoleContext ctx, List<String> errors) {
        String[] values = ctx.request.getParameterValues("roles");
        Set<String> roles = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (ConsoleSettings.ROLES.contains(value)) {
                    roles.add(value);
                } else {
                    errors.add(ctx.text("console.accounts.bad-roles", value));
                    return roles;
                }
            }
        }
        if (roles.isEmpty()) {
            errors.add(ctx.text("console.accounts.bad-roles", ""));
        }
        return roles;
    }

    private static String param(ConsoleContext ctx, String name) {
        String value = ctx.request.getParameter(name);
        return value == null ? "" : value.trim();
    }
}
