package vn.schoolguard.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/** The SchoolGuard init-parameters that match this site's forms and demo accounts. */
final class GuardWiring {

    static final String FILTER_CLASS = "vn.schoolguard.SchoolGuardFilter";
    static final String CONSOLE_PATH = "/_schoolguard/";

    private GuardWiring() {
    }

    static Map<String, String> initParameters(SiteOptions options) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("data.dir", options.dataDir().toAbsolutePath().toString());
        options.trustedProxies().ifPresent(proxies -> params.put("proxies.trusted", proxies));
        params.put("emc.site-id", Long.toString(options.emcSiteId()));
        params.put("portal.url", options.parentPortal());
        params.put("accounts.seed", "moderator:moderator, investigator:investigator, admin:admin");
        params.put("accounts.seed-password", options.demoPassword());
        // A demo restart must always leave the accounts usable with the password just printed.
        params.put("accounts.seed-mode", "reset");
        params.put("route.comments.match", "POST /news/*/comments");
        params.put("route.comments.label", "Bình luận tin tức");
        params.put("route.comments.fields", "author:author, email:email, content:html");
        params.put("route.guestbook.match", "POST /guestbook");
        params.put("route.guestbook.label", "Sổ lưu bút");
        params.put("route.guestbook.fields", "name:author, message:text");
        params.putAll(options.extraSettings());
        return params;
    }
}
