package io.nekorekten4j.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.Verdict;
import io.nekorekten4j.spring.boot.test.AutoConfigureNekorektenFake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * A test context that is no Spring Boot application at all — like a slice — gets the in-memory fake
 * and a screening over it from {@link AutoConfigureNekorektenFake}, even with a real key configured.
 */
@SpringJUnitConfig(InMemoryFakeSliceTest.Empty.class)
@AutoConfigureNekorektenFake
class InMemoryFakeSliceTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Autowired
    Nekorekten nekorekten;

    @Autowired
    Screening screening;

    @Test
    void theNekorektenBeanIsTheInMemoryFakeWithDemoData() {
        assertThat(nekorekten).isInstanceOf(NekorektenFake.class);
        assertThat(screening.screen(Buyer.builder().phone("0888 123 456").build()).verdict()).isEqualTo(Verdict.FOUND);
        assertThat(screening.screen(Buyer.builder().phone("0877 000 111").build()).verdict())
                .isEqualTo(Verdict.NOT_FOUND);
    }
}
