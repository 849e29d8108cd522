/**
 * The servlet side of moderation, replay, route discovery and client addresses; internal to SchoolGuard.
 *
 * <p>Everything here turns servlet requests into the servlet-free values the capability packages work with, and
 * back: the client address ({@link vn.schoolguard.internal.http.ClientAddressResolver}), a request on a submission route
 * read into a {@link vn.schoolguard.internal.moderation.RawSubmission} and taken in
 * ({@link vn.schoolguard.internal.http.SubmissionIntake}), the two ways of replaying an approved submission
 * ({@link vn.schoolguard.internal.http.ServletReplays}: a loopback request, or a forward with its request and response
 * wrappers), the receiving end of a loopback replay ({@link vn.schoolguard.internal.http.IncomingReplay}) and the learning
 * mode's watch on unguarded posts ({@link vn.schoolguard.internal.http.DiscoveryWatch}). Nothing here is public API for host
 * applications; classes are public only where the filter or the console needs them.
 */
package vn.schoolguard.internal.http;
