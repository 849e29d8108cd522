/**
 * Named OWASP sanitizer policies for posted HTML, recording what each policy removed.
 *
 * <p>Internal to SchoolGuard: host applications do not call this package, and its types may change
 * between releases. Other SchoolGuard packages use {@link vn.schoolguard.internal.sanitize.HtmlPolicies} and
 * {@link vn.schoolguard.internal.sanitize.SanitizedHtml}.
 */
package vn.schoolguard.internal.sanitize;
