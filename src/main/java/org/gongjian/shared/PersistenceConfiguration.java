package org.gongjian.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

/**
 * Spring Data JDBC writes unquoted identifiers, so that the same lower-case names match on PostgreSQL
 * and on H2 (run with DATABASE_TO_LOWER=TRUE): quoted names would be upper-cased for H2 alone.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /** Spring's JDBC transaction manager, with H2 file commits made durable (see {@link DurableTransactionManager}). */
    @Bean
    DurableTransactionManager transactionManager(javax.sql.DataSource dataSource) {
        return new DurableTransactionManager(dataSource);
    }

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
