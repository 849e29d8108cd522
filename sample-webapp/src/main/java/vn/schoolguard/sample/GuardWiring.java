package vn.schoolguard.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SchoolGuard init-parameters that match this site's forms and demo accounts, for two demo schools told apart by
 * host name: THPT Ngô Quyền (the default school, {@code ngoquyen.localhost} and any other name) and THCS Lạch Tray
 * ({@code lachtray.localhost}), each with its own EMC site ID, parent portal and moderator.
 */
final class GuardWiring {

    static final String FILTER_CLASS = "vn.schoolguard.SchoolGuardFilter";
    static final String CONSOLE_PATH = "/_schoolguard/";
    /** The default school's host name (any other host name gets it too). */
    static final String NGOQUYEN_HOST = "ngoquyen.localhost";
    /** The second demo school's host name. */
    static final String LACHTRAY_HOST = "lachtray.localhost";
    /** THCS Lạch Tray's EMC site ID in the demo. */
    static final long LACHTRAY_EMC_SITE_ID = 2851;
    /** A lower secondary school's parent portal is its district's education office. */
    static final String LACHTRAY_PORTAL = "https://pgdngoquyen.haiphong.edu.vn/";

    private GuardWiring() {
    }

    static Map<String, String> initParameters(SiteOptions options) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("data.dir", options.dataDir().toAbsolutePath().toString());
        options.trustedProxies().ifPresent(proxies -> params.put("proxies.trusted", proxies));
        params.put("emc.site-id", Long.toString(options.emcSiteId()));
        params.put("portal.url", options.parentPortal());
        params.put("accounts.seed", "moderator:moderator, moderator-ngoquyen:moderator, investigator:investigator, admin:admin, department:department");
        params.put("accounts.seed-password", options.demoPassword());
        // A demo restart must always leave the accounts usable with the password just printed.
        params.put("accounts.seed-mode", "reset");
        params.put("route.comments.match", "POST /news/*/comments");
        params.put("route.comments.label", "Bình luận tin tức");
        params.put("route.comments.fields", "author:author, email:email, content:html");
        params.put("route.guestbook.match", "POST /guestbook");
        params.put("route.guestbook.label", "Sổ lưu bút");
        params.put("route.guestbook.fields", "name:author, message:text");
        params.put("site.default.hosts", NGOQUYEN_HOST);
        params.put("site.lachtray.hosts", LACHTRAY_HOST);
        params.put("site.lachtray.emc.site-id", Long.toString(LACHTRAY_EMC_SITE_ID));
        params.put("site.lachtray.portal.url", LACHTRAY_PORTAL);
        params.put("site.lachtray.portal.label", "Phòng GD&ĐT quận Ngô Quyền");
        params.put("site.lachtray.accounts.seed", "moderator-lachtray:moderator");
        params.putAll(options.extraSettings());
        return params;
    }
}
