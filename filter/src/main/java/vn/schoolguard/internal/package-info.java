/**
 * SchoolGuard's implementation, by layer (see {@code docs/architecture.md}). Its types are public so that the JAR's
 * own packages can use one another; they are not an API: they change without notice, and applications should use
 * only {@code vn.schoolguard} and {@code vn.schoolguard.api}.
 */
package vn.schoolguard.internal;
