package org.bianmin.hotline.infrastructure;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.function.Function;
import org.bianmin.api.ApiGatewayHttpFunction;
import org.bianmin.api.HttpApi;
import org.bianmin.hotline.routing.RequestClassifier;
import org.bianmin.hotline.routing.Taxonomy;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class HotlineConfiguration {

    @Bean
    Taxonomy taxonomy() {
        return Taxonomy.loadDefault();
    }

    @Bean
    RequestClassifier requestClassifier(Taxonomy taxonomy, KnowledgeBase knowledgeBase, ChineseAnalyzer analyzer) {
        return new RequestClassifier(taxonomy, knowledgeBase, analyzer);
    }

    @Bean
    ClassifyRoute classifyRoute(RequestClassifier classifier) {
        return new ClassifyRoute(classifier);
    }

    /** The hotline intake Lambda: request intake and routing behind API Gateway. */
    @Bean
    Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> hotlineApi(ClassifyRoute classify) {
        return new ApiGatewayHttpFunction(new HttpApi(List.of(classify)));
    }
}
