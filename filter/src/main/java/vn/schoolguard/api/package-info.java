/**
 * What an application programs against besides {@link vn.schoolguard.SchoolGuardFilter} and
 * {@link vn.schoolguard.SchoolGuardConfig}: {@link vn.schoolguard.api.ApprovalListener} with the
 * {@link vn.schoolguard.api.ApprovedSubmission} it receives, and {@link vn.schoolguard.api.ConfigException}, which
 * names every problem of a configuration that stopped startup. Plain Java; these types change only compatibly.
 */
package vn.schoolguard.api;
