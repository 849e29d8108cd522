/**
 * Page decoration: security headers, the EMC tracker, the parent-portal link and badges, and the outgoing
 * implant watch.
 *
 * <p>Internal to SchoolGuard, except for this API: {@link vn.schoolguard.inject.PageDecorator},
 * {@link vn.schoolguard.inject.InjectSettings}, {@link vn.schoolguard.inject.SecurityHeaders},
 * {@link vn.schoolguard.inject.ImplantRules}, {@link vn.schoolguard.inject.ApprovedContent},
 * {@link vn.schoolguard.inject.ImplantAlerts}, {@link vn.schoolguard.inject.ImplantAlert},
 * {@link vn.schoolguard.inject.ImplantFinding}, {@link vn.schoolguard.inject.RecentImplantAlerts},
 * {@link vn.schoolguard.inject.DecorationWarnings} and {@link vn.schoolguard.inject.DecorationWarning}.
 * {@link vn.schoolguard.inject.ImplantScanner}, {@link vn.schoolguard.inject.PageInspection},
 * {@link vn.schoolguard.inject.PagePolicyCheck}, {@link vn.schoolguard.inject.TrackerPolicy} and
 * {@link vn.schoolguard.inject.StreamingRewrite} are public only for the command line and the benchmarks.
 */
package vn.schoolguard.inject;
