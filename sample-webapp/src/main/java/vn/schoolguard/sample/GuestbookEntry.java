package vn.schoolguard.sample;

import java.time.Instant;

/** One guestbook entry, stored as plain text. */
record GuestbookEntry(long id, String name, String message, Instant postedAt) {
}
