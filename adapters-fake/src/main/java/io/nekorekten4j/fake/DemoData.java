package io.nekorekten4j.fake;

import io.nekorekten4j.domain.ReportDraft;
import java.time.Instant;
import java.util.List;

/**
 * The demo reports of {@link NekorektenFake#seedDemoData()}. Invented people: the phones are in
 * real Bulgarian mobile ranges but picked for the demo, the e-mails and sites are on
 * {@code example.bg}, {@code abv.bg} and {@code mail.bg}-like names. City ids are the fake's own
 * ({@link BulgarianCities}).
 */
final class DemoData {

    /** The keys that "filed" the demo reports: three shops. */
    static final String SHOP_1 = "demo-shop-1";
    static final String SHOP_2 = "demo-shop-2";
    static final String SHOP_3 = "demo-shop-3";

    /** One demo report: what was filed, when, and by which key. */
    record Entry(ReportDraft draft, Instant createdAt, String ownerKey) {
    }

    private DemoData() {
    }

    /** The demo reports, oldest first. */
    static List<Entry> entries() {
        return List.of(
                entry("2025-01-11T21:22:21Z", SHOP_1, ReportDraft.builder()
                        .text("Поръча си рокля с наложен платеж, не вдигаше телефона на куриера и пратката се върна "
                                + "към нас без да бъде потърсена.\nНЕКОРЕКТНА!!!")
                        .phone("0888 123 456").firstName("Нели").lastName("Желязкова").cityId(17)),
                entry("2025-03-02T09:15:00Z", SHOP_2, ReportDraft.builder()
                        .text("Поръча три пъти за месец и не потърси нито една пратка. Платихме куриера в двете посоки.")
                        .phone("0899 111 222").email("maria.ivanova@abv.bg").firstName("Мария").lastName("Иванова")
                        .cityId(4)),
                entry("2025-04-18T16:40:12Z", SHOP_1, ReportDraft.builder()
                        .text("Сайт за евтини телефони: платих предварително по банков път, стока не получих, "
                                + "телефонът им вече не отговаря.")
                        .siteUrl("https://www.evtini-telefoni.example.bg/oferti")),
                entry("2025-06-09T11:05:33Z", SHOP_3, ReportDraft.builder()
                        .text("Продава през Facebook, взима капаро и изчезва.")
                        .facebookUrl("https://www.facebook.com/stefan.kolev.demo").firstName("Стефан").lastName("Колев")),
                entry("2025-07-21T18:30:00Z", SHOP_2, ReportDraft.builder()
                        .text("Фирма поръчва на името на служители и после отказва пратките.")
                        .phone("02 987 6543").firstName("Петър").lastName("Стоянов").cityId(1)),
                entry("2025-08-14T08:12:45Z", SHOP_3, ReportDraft.builder()
                        .text("Отказа пратката на адрес с думите, че е намерила по-евтино.")
                        .phone("0887 001 122").email("dimitrova.e@gmail.com").firstName("Елена").lastName("Димитрова")
                        .cityId(4)),
                entry("2025-09-03T13:27:09Z", SHOP_1, ReportDraft.builder()
                        .text("Върна пратката с аргумента, че не е поръчвал, а поръчката е потвърдена по телефона.")
                        .phone("0896 333 444").firstName("Тодор").lastName("Николов").cityId(3)),
                entry("2025-10-10T10:10:10Z", SHOP_2, ReportDraft.builder()
                        .text("Използва чужд имейл, поръча два пъти и не потърси пратките от офиса.")
                        .email("kalina.st@mail.bg").firstName("Калина").lastName("Стоянова").cityId(19)),
                entry("2025-11-03T19:48:27Z", SHOP_3, ReportDraft.builder()
                        .text("Поръча лаптоп с наложен платеж и отказа да го приеме при доставка. "
                                + "Не отговаря на имейли.")
                        .email("ivan@example.bg").firstName("Иван").lastName("Петров").cityId(1)),
                entry("2025-12-01T07:55:00Z", SHOP_1, ReportDraft.builder()
                        .text("Не потърси пратка от автомат, телефонът е изключен.")
                        .phone("0885 777 888").firstName("Иван").lastName("Георгиев").cityId(23)),
                entry("2026-01-20T15:00:41Z", SHOP_2, ReportDraft.builder()
                        .text("Купувач от чужбина: поръча до България на чужд адрес и не потърси пратката.")
                        .phone("+44 20 7946 0958").firstName("Джон").lastName("Смит")),
                entry("2026-02-14T12:00:00Z", SHOP_3, ReportDraft.builder()
                        .text("Поръча букет за Свети Валентин и не го прие: \"размислих\".")
                        .phone("0878 555 123").firstName("Георги").lastName("Димитров").cityId(26)));
    }

    private static Entry entry(String createdAt, String ownerKey, ReportDraft.Builder draft) {
        return new Entry(draft.build(), Instant.parse(createdAt), ownerKey);
    }
}
