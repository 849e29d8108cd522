package vn.schoolguard.internal.moderation;

import java.time.Duration;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * How approved submissions are confirmed on the site's pages.
 *
 * @param watch          {@code publication.watch}: look for approved text in the pages the site serves
 * @param watchFor       {@code publication.watch-for}: how long after approval a submission is looked for
 * @param unseenAfter    {@code publication.unseen-after}: after this long unseen, the console flags it
 * @param pagesPerMinute {@code publication.pages-per-minute}: most pages checked in one minute
 */
public record PublicationSettings(boolean watch, Duration watchFor, Duration unseenAfter, int pagesPerMinute) {

    public static PublicationSettings read(ConfigReader reader) {
        return new PublicationSettings(
                reader.bool("publication.watch", true),
                reader.duration("publication.watch-for", Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(90)),
                reader.duration("publication.unseen-after", Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(30)),
                reader.integer("publication.pages-per-minute", 120, 1, 100_000));
    }
}
