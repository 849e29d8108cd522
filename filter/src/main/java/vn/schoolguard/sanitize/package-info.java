/**
 * Named OWASP sanitizer policies for posted HTML, recording what each policy removed.
 *
 * <p>Internal to SchoolGuard: host applications do not call this package, and its types may change
 * between releases. Other SchoolGuard packages use {@link vn.schoolguard.sanitize.HtmlPolicies} and
 * {@link vn.schoolguard.sanitize.SanitizedHtml}.
 */
package vn.schoolguard.sanitize;
