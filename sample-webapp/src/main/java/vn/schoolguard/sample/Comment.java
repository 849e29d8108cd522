package vn.schoolguard.sample;

import java.time.Instant;

/** A reader's comment under an article; {@code contentHtml} arrives already sanitized by SchoolGuard. */
record Comment(long id, String author, String contentHtml, Instant postedAt) {
}
