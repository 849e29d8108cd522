/**
 * Page decoration without the servlet API: the security header policy, the EMC tracker, the parent-portal link and
 * badges, the streaming page rewriter, tracker recognition, and the outgoing implant and publication watches.
 * {@code vn.schoolguard.http.page} puts it in front of the application.
 *
 * <p>Internal to SchoolGuard, except for this API: {@link vn.schoolguard.inject.PageDecoration},
 * {@link vn.schoolguard.inject.InjectSettings}, {@link vn.schoolguard.inject.SecurityHeaders},
 * {@link vn.schoolguard.inject.ImplantRules}, {@link vn.schoolguard.inject.ApprovedContent},
 * {@link vn.schoolguard.inject.ImplantAlerts}, {@link vn.schoolguard.inject.ImplantAlert},
 * {@link vn.schoolguard.inject.ImplantFinding}, {@link vn.schoolguard.inject.RecentImplantAlerts},
 * {@link vn.schoolguard.inject.DecorationWarnings} and {@link vn.schoolguard.inject.DecorationWarning}.
 * {@link vn.schoolguard.inject.DecoratedPage} and {@link vn.schoolguard.inject.PageRequest} are public only for
 * {@code vn.schoolguard.http.page}; {@link vn.schoolguard.inject.ImplantScanner},
 * {@link vn.schoolguard.inject.PageInspection}, {@link vn.schoolguard.inject.PagePolicyCheck},
 * {@link vn.schoolguard.inject.TrackerPolicy} and {@link vn.schoolguard.inject.StreamingRewrite} only for the
 * command line and the benchmarks. No class here names a servlet type.
 */
package vn.schoolguard.inject;
