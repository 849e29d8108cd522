package vn.schoolguard.internal.web;

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
import java.util.regex.Pattern;

import vn.schoolguard.internal.account.Account;
import vn.schoolguard.internal.account.AccountStore;
import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.account.PasswordPolicy;
import vn.schoolguard.internal.account.SessionStore;

/** The admin's accounts page: list, create, reset a password, change roles, disable and enable. Hashes are never shown. */
final class ConsoleAccountPages {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{2,64}");
    static final String CURRENT_PASSWORD = "current_password";
    static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;
    private static final int MAX_PASSWORD = PasswordPolicy.MAX_LENGTH;

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final Clock clock;

    ConsoleAccountPages(ConsoleServices.AccountServices services, Clock clock) {
        this.accounts = services.store();
        this.hasher = services.hasher();
        this.sessions = services.sessions();
        this.clock = clock;
    }

    void list(ConsoleContext ctx) throws IOException {
        page(ctx, 200, List.of(), "");
    }

    /** The accounts page with why a change was refused (the route table's re-authentication failed). */
    void refuse(ConsoleContext ctx, int status, String message) throws IOException {
        page(ctx, status, List.of(message), "");
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

    void create(ConsoleContext ctx) throws IOException {
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

    void change(ConsoleContext ctx, String name, String what) throws IOException {
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
        int length = PasswordPolicy.length(password);
        if (!PasswordPolicy.acceptable(password)) {
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
