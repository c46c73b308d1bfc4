package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop that screens buyers on nekorekten.com before it offers cash on delivery. Run it with
 * {@code NEKOREKTEN_API_KEY=... ./mvnw spring-boot:run}, or without a key with
 * {@code --nekorekten.mode=fake --nekorekten.fake.demo-data=true} (the in-memory fake).
 */
@SpringBootApplication
public class ShopApplication {

    /** Starts the shop. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
