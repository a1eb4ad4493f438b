package org.jiraq.camel.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.jiraq.camel.JiraqComponent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@code camel.component.jiraq.*} from the Spring environment onto the jiraq component, as Apache Camel's own
 * starters do: a {@link ComponentCustomizer} that Camel applies when it creates the component. It is switched off with
 * {@code camel.component.jiraq.enabled=false} (or {@code camel.component.enabled=false}), and only this customizer with
 * {@code camel.component.jiraq.customizer.enabled=false}; the application's own ComponentCustomizer beans apply after it.
 * The component's health checks reach the actuator through camel-spring-boot's Camel health indicator.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, JiraqComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, JiraqComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.jiraq" })
public class JiraqComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureJiraqComponent(
            CamelContext camelContext, JiraqComponentConfiguration configuration, ApplicationContext applicationContext) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.jiraq.customizer")
                       && target instanceof JiraqComponent;
            }

            /** First, so the application's own customizers refine what application.properties set. */
            @Override
            public int getOrder() {
                return Ordered.HIGHEST;
            }
        };
    }
}
