/**
 * The sample school website: a small Vietnamese high-school site on embedded Jetty 12 that shows
 * SchoolGuard at work. Start it with {@link vn.schoolguard.sample.SampleSite#main(String[])} or, in
 * tests, with {@link vn.schoolguard.sample.SampleSite#start(SiteOptions)}. Everything except
 * {@link vn.schoolguard.sample.SampleSite} and {@link vn.schoolguard.sample.SiteOptions} is internal.
 */
package vn.schoolguard.sample;
