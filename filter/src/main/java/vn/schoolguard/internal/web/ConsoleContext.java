package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.account.ConsoleUser;

/** One console request: who asks, in which language, and how to answer with a page, a redirect or a refusal. */
final class ConsoleContext {

    final HttpServletRequest request;
    final HttpServletResponse response;
    /** Absent on the sign-in page. */
    final ConsoleAccess.Caller caller;
    /** Read on first use: an API call never needs it, nor its request parameters read for it. */
    private Messages messages;
    /** The console's URL path: context path plus console path. */
    final String base;
    final String clientIp;
    private final ConsoleView view;
    private final ConsoleAssets assets;
    private final ConsoleNotices notices;
    private final boolean containerAccounts;

    ConsoleContext(HttpServletRequest request, HttpServletResponse response, ConsoleAccess.Caller caller, String base,
                   String clientIp, ConsoleView view, ConsoleAssets assets, ConsoleNotices notices,
                   boolean containerAccounts) {
        this.request = request;
        this.response = response;
        this.caller = caller;
        this.base = base;
        this.clientIp = clientIp;
        this.view = view;
        this.assets = assets;
        this.notices = notices;
        this.containerAccounts = containerAccounts;
    }

    /**
     * The visitor's language. Without a choice or an {@code Accept-Language} header, containers report
     * their own default locale (often English); the console then stays Vietnamese.
     */
    private static Messages language(HttpServletRequest request) {
        boolean chosen = Messages.askedLanguage(request) != null || request.getHeader("Accept-Language") != null;
        if (!chosen && request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                chosen |= Messages.LANGUAGE_COOKIE.equals(cookie.getName());
            }
        }
        return chosen ? Messages.forRequest(request) : Messages.of("vi");
    }

    Messages messages() {
        if (messages == null) {
            messages = language(request);
        }
        return messages;
    }

    ConsoleUser user() {
        return caller.user();
    }

    boolean has(String role) {
        return caller != null && caller.user().has(role);
    }

    String text(String key, Object... args) {
        return messages().get(key, args);
    }

    /** What every page needs: texts, links, the signed-in user and the flash notice. {@code nav} marks the current tab. */
    Map<String, Object> model(String title, String nav) {
        Map<String, Object> model = new LinkedHashMap<>();
        Messages messages = messages();
        model.put("lang", messages.language());
        model.put("t", ConsoleView.texts(messages));
        model.put("title", title);
        model.put("base", base);
        model.put("css", assets.url(base, "console.css"));
        model.put("js", assets.url(base, "console.js"));
        boolean english = messages.language().equals("en");
        model.put("otherLang", english ? "vi" : "en");
        model.put("otherLangLabel", english ? "Tiếng Việt" : "English");
        model.put("langUrl", base + "/lang?to=" + (english ? "vi" : "en") + "&return="
                + java.net.URLEncoder.encode(returnPath(), java.nio.charset.StandardCharsets.UTF_8));
        if (caller != null) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("name", caller.user().name());
            user.put("roles", String.join(", ", caller.user().roles().stream()
                    .sorted().map(r -> messages.get("console.role." + r)).toList()));
            model.put("user", user);
            model.put("csrf", caller.csrfToken().orElse(""));
            model.put("canSignOut", caller.csrfToken().isPresent());
            model.put("isAdmin", caller.user().has("admin") && !containerAccounts);
            model.put("isInvestigator", caller.user().has("investigator"));
            model.put("isAdminRole", caller.user().has("admin"));
            model.put("isModerator", caller.user().has("moderator") || caller.user().has("investigator"));
            model.put("canReports", caller.user().has("moderator") || caller.user().has("department"));
            model.put("isDepartment", caller.user().has("department"));
            model.put("landing", ConsoleSessionPages.landing(caller.user()));
        } else {
            model.put("user", null);
            model.put("csrf", "");
            model.put("canSignOut", false);
            model.put("isAdmin", false);
            model.put("isInvestigator", false);
            model.put("isAdminRole", false);
            model.put("landing", "/queue");
        }
        model.put("navQueue", "queue".equals(nav));
        model.put("navHistory", "history".equals(nav));
        model.put("navAccounts", "accounts".equals(nav));
        model.put("navIplog", "iplog".equals(nav));
        model.put("navRules", "rules".equals(nav));
        model.put("navForms", "forms".equals(nav));
        model.put("navSites", "sites".equals(nav));
        model.put("navReports", "reports".equals(nav));
        model.put("navDepartment", "department".equals(nav));
        model.put("flash", ConsoleFlash.read(request, messages).orElse(null));
        List<Map<String, Object>> shown = caller == null ? List.of() : notices(messages);
        model.put("notices", shown);
        model.put("hasNotices", !shown.isEmpty());
        return model;
    }

    /** The banner's notices as the header template shows them. */
    private List<Map<String, Object>> notices(Messages messages) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConsoleNotices.Notice notice : notices.forUser(caller.user(), messages)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", notice.kind());
            row.put("title", notice.title());
            row.put("at", notice.at() == null ? "" : ConsoleFormat.time(notice.at()));
            row.put("page", notice.page());
            row.put("detail", notice.detail());
            rows.add(row);
        }
        return rows;
    }

    void render(int status, String page, Map<String, Object> model) throws IOException {
        Http.html(response, status, view.render(page, model));
    }

    /** 303 to a path under the console, e.g. {@code /queue?status=pending}. */
    void redirect(String pathUnderBase) {
        response.setStatus(303);
        response.setHeader("Location", base + pathUnderBase);
        response.setContentLength(0);
    }

    /** A page that says what went wrong, with the status code. */
    void error(int status, String messageKey) throws IOException {
        Map<String, Object> model = model(text("console.error.title." + status), null);
        model.put("status", status);
        model.put("message", text(messageKey));
        model.put("home", caller != null);
        render(status, "error", model);
    }

    boolean isPost() {
        return request.getMethod().equals("POST");
    }

    /** The current page as a path under the console (for the language switch to come back to). */
    String returnPath() {
        String uri = request.getRequestURI();
        String path = uri.startsWith(base) ? uri.substring(base.length()) : "/queue";
        String query = request.getQueryString();
        if (isPost() || path.isEmpty() || path.equals("/lang") || path.equals("/logout")) {
            path = caller == null ? "/login" : "/queue";
            query = null;
        }
        return ConsoleReturn.clean(path + (query == null ? "" : "?" + query));
    }
}
