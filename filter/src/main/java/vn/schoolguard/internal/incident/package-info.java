/**
 * Incidents: what went wrong on a site that a department must hear of — content planted in a served page, the EMC
 * tracker, label or parent-portal link missing from the home page, an IP-log chain that fails verification, a queue
 * left waiting too long — recorded per site, for alerts, the department dashboard and the monthly report. A core:
 * plain Java, talking to storage through {@link vn.schoolguard.internal.incident.IncidentLog} and
 * {@link vn.schoolguard.internal.incident.HomeChecks}.
 */
package vn.schoolguard.internal.incident;
