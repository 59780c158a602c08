package org.camelkmp.component.kmp.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.camelkmp.component.kmp.KmpComponent;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Configures the {@code kmp} component Camel creates from {@code camel.component.kmp.*}: a {@link
 * ComponentCustomizer} copies the bound {@link KmpComponentConfiguration} onto it through Camel's
 * own property binding, so a value is converted and checked exactly as in a {@code kmp:} URI.
 * Switched off with {@code camel.component.kmp.enabled=false} (or {@code camel.component.enabled})
 * and, for the customizer alone, with {@code camel.component.kmp.customizer.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({
  ComponentConfigurationProperties.class,
  KmpComponentConfiguration.class
})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.kmp"})
public class KmpComponentAutoConfiguration {
  private final ApplicationContext applicationContext;
  private final CamelContext camelContext;
  private final KmpComponentConfiguration configuration;

  /** Spring injects the application, Camel's context and the bound properties. */
  public KmpComponentAutoConfiguration(
      ApplicationContext applicationContext,
      CamelContext camelContext,
      KmpComponentConfiguration configuration) {
    this.applicationContext = applicationContext;
    this.camelContext = camelContext;
    this.configuration = configuration;
  }

  /** Applies the properties to every {@link KmpComponent} the context creates. */
  @Bean
  public ComponentCustomizer configureKmpComponent() {
    return new ComponentCustomizer() {
      @Override
      public void configure(String name, Component target) {
        CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
      }

      @Override
      public boolean isEnabled(String name, Component target) {
        return HierarchicalPropertiesEvaluator.evaluate(
                applicationContext, "camel.component.customizer", "camel.component.kmp.customizer")
            && target instanceof KmpComponent;
      }
    };
  }
}
