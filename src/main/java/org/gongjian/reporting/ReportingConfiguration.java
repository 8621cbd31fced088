package org.gongjian.reporting;

import org.gongjian.reporting.excel.ImportSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the import limits ({@code gongjian.import.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ReportingConfiguration {
}
