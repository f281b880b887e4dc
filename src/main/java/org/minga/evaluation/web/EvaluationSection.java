package org.minga.evaluation.web;

import org.minga.platform.web.SchemeSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Evaluation's part of a scheme's page: the health index today, linking to health and self-evaluation. The
 * host page links its title to the section's page; the summary is {@link EvaluationController#summary}.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationSection {

    @Bean
    static SchemeSection evaluationSchemeSection() {
        return new SchemeSection(70, "evaluation.link", "/evaluation/schemes/{id}", "/evaluation/schemes/{id}/summary");
    }
}
