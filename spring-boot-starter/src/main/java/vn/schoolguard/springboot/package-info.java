/**
 * Spring Boot auto-configuration of the SchoolGuard filter: add the {@code schoolguard-spring-boot-starter}
 * dependency and set {@code schoolguard.*} properties. {@link vn.schoolguard.springboot.SchoolGuardAutoConfiguration}
 * is the entry point; nothing here needs to be called from application code.
 */
package vn.schoolguard.springboot;
