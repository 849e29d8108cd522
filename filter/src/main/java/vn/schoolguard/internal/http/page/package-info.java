/**
 * The servlet side of page decoration: {@link vn.schoolguard.internal.http.page.PageDecorator} wraps the application's
 * response so that {@link vn.schoolguard.internal.inject.PageDecoration} rewrites its pages, and
 * {@link vn.schoolguard.internal.http.page.SecurityHeaderWriter} sets a {@link vn.schoolguard.internal.inject.SecurityHeaders} policy
 * on a response, for the site's pages and the console alike.
 *
 * <p>Internal to SchoolGuard; {@code PageDecorator} and {@code SecurityHeaderWriter} are public for the filter and
 * the console.
 */
package vn.schoolguard.internal.http.page;
