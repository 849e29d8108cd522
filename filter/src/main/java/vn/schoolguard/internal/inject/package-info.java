/**
 * Page decoration without the servlet API: the security header policy, the EMC tracker, the parent-portal link and
 * badges, the streaming page rewriter, tracker recognition, and the outgoing implant and publication watches.
 * {@code vn.schoolguard.http.page} puts it in front of the application.
 *
 * <p>Internal to SchoolGuard, except for this API: {@link vn.schoolguard.internal.inject.PageDecoration},
 * {@link vn.schoolguard.internal.inject.InjectSettings}, {@link vn.schoolguard.internal.inject.SecurityHeaders},
 * {@link vn.schoolguard.internal.inject.ImplantRules}, {@link vn.schoolguard.internal.inject.ApprovedContent},
 * {@link vn.schoolguard.internal.inject.ImplantAlerts}, {@link vn.schoolguard.internal.inject.ImplantAlert},
 * {@link vn.schoolguard.internal.inject.ImplantFinding}, {@link vn.schoolguard.internal.inject.RecentImplantAlerts},
 * {@link vn.schoolguard.internal.inject.DecorationWarnings} and {@link vn.schoolguard.internal.inject.DecorationWarning}.
 * {@link vn.schoolguard.internal.inject.DecoratedPage} and {@link vn.schoolguard.internal.inject.PageRequest} are public only for
 * {@code vn.schoolguard.http.page}; {@link vn.schoolguard.internal.inject.ImplantScanner},
 * {@link vn.schoolguard.internal.inject.PageInspection}, {@link vn.schoolguard.internal.inject.PagePolicyCheck},
 * {@link vn.schoolguard.internal.inject.TrackerPolicy} and {@link vn.schoolguard.internal.inject.StreamingRewrite} only for the
 * command line and the benchmarks. No class here names a servlet type.
 */
package vn.schoolguard.internal.inject;
