/**
 * Internal: how the drop-in JAR registers itself in a web application ({@link vn.schoolguard.SchoolGuardInitializer}
 * is the entry point). Not API; may change in any release.
 */
package vn.schoolguard.internal.boot;
