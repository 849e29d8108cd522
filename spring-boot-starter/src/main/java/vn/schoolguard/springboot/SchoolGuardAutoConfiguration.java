package vn.schoolguard.springboot;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import vn.schoolguard.SchoolGuardFilter;
import vn.schoolguard.internal.boot.AutoRegistration;

/**
 * Registers {@link SchoolGuardFilter} in a Spring Boot servlet application (Boot 3.5 and 4.0): as
 * {@code schoolguard} on {@code /*}, for the REQUEST dispatcher, with the highest precedence, so that it sees every
 * request before Spring Security's filter chain (order {@code -100}) and every other filter of the application.
 *
 * <p>Its settings are the {@code schoolguard.*} properties of the Spring Environment with the prefix removed
 * ({@code schoolguard.route.comments.match} → {@code route.comments.match}); {@code schoolguard.config} names a
 * properties file read first. Invalid settings stop startup before the web server starts, naming each bad key.
 *
 * <p>Off with {@code schoolguard.enabled=false}. Backs off when the application declares its own
 * {@code FilterRegistrationBean<SchoolGuardFilter>} or {@code SchoolGuardFilter} bean.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SchoolGuardFilter.class, FilterRegistrationBean.class, DispatcherType.class})
@ConditionalOnProperty(prefix = "schoolguard", name = "enabled", matchIfMissing = true)
public class SchoolGuardAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolGuardAutoConfiguration.class);

    /** The registration of the filter, configured from the environment's {@code schoolguard.*} properties. */
    @Bean
    @ConditionalOnMissingBean(value = SchoolGuardFilter.class, parameterizedContainer = FilterRegistrationBean.class)
    public FilterRegistrationBean<SchoolGuardFilter> schoolGuardFilterRegistration(ConfigurableEnvironment environment) {
        Map<String, String> parameters = SpringSettings.initParameters(environment);
        SettingsCheck.validate(parameters);
        FilterRegistrationBean<SchoolGuardFilter> registration = new FilterRegistrationBean<>(new SchoolGuardFilter());
        // The drop-in JAR's name: should its ServletContainerInitializer ever run too (a WAR on an external
        // container), the container refuses a second filter of that name instead of guarding twice.
        registration.setName(AutoRegistration.FILTER_NAME);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setAsyncSupported(true);
        // Security-critical: first in the chain, so that no other filter can answer or consume a submission first.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setInitParameters(parameters);
        LOG.info("SchoolGuard filter registered first on /* with {} schoolguard.* setting(s)", parameters.size());
        return registration;
    }
}
