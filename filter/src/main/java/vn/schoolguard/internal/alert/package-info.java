/**
 * Alerts: the watches that turn what SchoolGuard sees into incidents of a site — planted content in a served page,
 * the home page's EMC tracker, label or parent-portal link gone, an IP-log chain that stops verifying, a queue left
 * waiting — and their delivery by e-mail and a signed webhook through {@link vn.schoolguard.internal.alert.AlertChannel}
 * ports, off the request thread. A core: plain Java; the SMTP and HTTP sides live in
 * {@code vn.schoolguard.internal.delivery} and {@code vn.schoolguard.internal.http}. Internal to SchoolGuard.
 */
package vn.schoolguard.internal.alert;
