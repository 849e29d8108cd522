package vn.schoolguard.inject;

import java.net.URI;
import java.util.Optional;

import vn.schoolguard.config.ConfigReader;

/**
 * What is added to outgoing HTML pages.
 *
 * @param emcSiteId     the site's EMC monitoring ID; empty means no tracker
 * @param portalUrl     the parent portal's address; empty means no link
 * @param portalLabel   the link's visible text
 */
public record InjectSettings(Optional<String> emcSiteId, Optional<URI> portalUrl, String portalLabel) {

    public static InjectSettings read(ConfigReader reader) {
        Optional<String> siteId = reader.optional("emc.site-id");
        if (siteId.isPresent() && !siteId.get().matches("\\d{1,12}")) {
            reader.problem("emc.site-id", siteId.get(), "the numeric site ID given by the EMC operator");
        }
        URI portal = reader.httpUrl("portal.url", null);
        return new InjectSettings(siteId, Optional.ofNullable(portal),
                reader.string("portal.label", "Cổng thông tin Sở Giáo dục và Đào tạo"));
    }
}
