/**
 * Reports for a department: the monthly report of one site or of every site (submissions received and decided,
 * spam caught, planted content found, incidents, the EMC and parent-portal status of the home page), as PDF and
 * CSV in Vietnamese or English, the reminder that it is due before the 20th, and the department dashboard's
 * figures. A core: plain Java, reading its figures through {@link vn.schoolguard.internal.report.ReportQueries},
 * which answers every figure for all sites at once.
 */
package vn.schoolguard.internal.report;
