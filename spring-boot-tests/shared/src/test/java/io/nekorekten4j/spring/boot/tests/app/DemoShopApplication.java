package io.nekorekten4j.spring.boot.tests.app;

import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A shop that screens a buyer before offering cash on delivery: the starter as an app uses it. */
@SpringBootApplication
public class DemoShopApplication {

    /** {@code GET /checkout/cod?phone=...}: whether cash on delivery is offered. */
    @RestController
    static class Checkout {
        private final Screening screening;

        Checkout(Screening screening) {
            this.screening = screening;
        }

        @GetMapping("/checkout/cod")
        String cashOnDelivery(@RequestParam String phone) {
            ScreeningResult result = screening.screen(Buyer.builder().phone(phone).build());
            return switch (result.verdict()) {
                case FOUND -> "no: reported " + result.minimumCount() + " time(s)";
                case NOT_FOUND -> "yes";
                case NOT_CHECKED -> "ask: not checked";
            };
        }
    }
}
