/**
 * Delivery of alerts: the {@link vn.schoolguard.internal.alert.AlertChannel} adapters that talk to the outside world —
 * SMTP (Angus Mail) and the signed JSON webhook ({@code java.net.http}). An adapter; internal to SchoolGuard.
 */
package vn.schoolguard.internal.delivery;
