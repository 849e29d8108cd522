/**
 * Rate limits and the block list for submission routes; internal to SchoolGuard.
 *
 * <p>Nothing here is public API for host applications: the filter builds these classes from the
 * {@code ratelimit.*} settings, and the console and REST API use {@link vn.schoolguard.internal.ratelimit.BlockList}.
 * Classes are public only where another SchoolGuard package needs them.
 */
package vn.schoolguard.internal.ratelimit;
