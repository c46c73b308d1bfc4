package com.example.shop;

import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /checkout/payment-options?phone=...&email=...}: which payments the buyer is offered. */
@RestController
class CheckoutController {

    private final Screening screening;

    CheckoutController(Screening screening) {
        this.screening = screening;
    }

    @GetMapping("/checkout/payment-options")
    Map<String, Object> paymentOptions(@RequestParam String phone, @RequestParam(required = false) String email) {
        Buyer.Builder buyer = Buyer.builder().phone(phone);
        if (email != null && !email.isBlank()) {
            buyer.email(email);
        }
        ScreeningResult result = screening.screen(buyer.build());
        // Never a false "clean": a buyer who could not be checked is not offered cash on delivery blindly.
        return switch (result.verdict()) {
            case NOT_FOUND -> Map.of("cashOnDelivery", true, "verdict", "not_found");
            case FOUND -> Map.of("cashOnDelivery", false, "verdict", "found", "reports", result.minimumCount());
            case NOT_CHECKED -> Map.of("cashOnDelivery", false, "verdict", "not_checked",
                    "reason", result.notCheckedReason().orElse("unknown"));
        };
    }
}
