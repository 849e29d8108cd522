package vn.schoolguard.sample;

import java.time.LocalDate;

/** One news article; {@code bodyHtml} is written by the school and trusted. */
record Article(long id, String category, String title, String summary, String bodyHtml, LocalDate publishedOn) {
}
