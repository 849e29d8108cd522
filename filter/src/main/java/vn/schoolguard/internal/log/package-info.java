/**
 * Internal: SchoolGuard's own logging facade. {@link vn.schoolguard.internal.log.Log} writes through the host's SLF4J
 * (1.7 or 2.x, whichever has a real binding) or, without one, through {@code java.util.logging}; nothing outside
 * this package names an SLF4J class, so no version of SLF4J in the host (or none) can cause a linkage error.
 * Not an API: it may change in any release.
 */
package vn.schoolguard.internal.log;
