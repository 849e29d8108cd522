package vn.schoolguard.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.account.Authenticator;
import vn.schoolguard.moderation.Moderation;

/** The browser console: sign-in, the moderation queue and decisions. */
public final class ConsolePages {

    private final ConsoleSettings settings;
    private final ConsoleAccess access;
    private final Moderation moderation;

    public ConsolePages(ConsoleSettings settings, ConsoleAccess access, Moderation moderation) {
        this.settings = settings;
        this.access = access;
        this.moderation = moderation;
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String sub, String clientIp) throws IOException {
        String base = request.getContextPath() + settings.path();
        if (sub.equals("/login")) {
            if (request.getMethod().equals("POST")) {
                Authenticator.Result result = access.signIn(request, response, request.getParameter("username"),
                        request.getParameter("password"), clientIp);
                if (result instanceof Authenticator.Success) {
                    response.sendRedirect(base + "/");
                    return;
                }
                Http.html(response, result instanceof Authenticator.Locked ? 429 : 401, loginPage(base, "Sai tên đăng nhập hoặc mật khẩu"));
                return;
            }
            Http.html(response, 200, loginPage(base, null));
            return;
        }
        ConsoleAccess.Check check = access.check(request, clientIp);
        if (check.caller().isEmpty()) {
            response.sendRedirect(base + "/login");
            return;
        }
        Http.html(response, 200, "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>SchoolGuard</title></head><body>"
                + "<h1>SchoolGuard</h1><p>" + Http.escape(check.caller().get().user().name()) + "</p><p>"
                + moderation.store().countByStatus(moderation.siteKey()) + "</p></body></html>");
    }

    private static String loginPage(String base, String error) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>SchoolGuard</title></head><body>"
                + (error == null ? "" : "<p>" + Http.escape(error) + "</p>")
                + "<form method=\"post\" action=\"" + Http.escape(base) + "/login\"><input name=\"username\"><input type=\"password\" name=\"password\">"
                + "<button>OK</button></form></body></html>";
    }
}
