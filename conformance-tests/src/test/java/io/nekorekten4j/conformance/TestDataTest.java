package io.nekorekten4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.FileType;
import io.nekorekten4j.domain.Mask;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.ReportDraft;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The kit's sample data is valid, and its people cannot be mistaken for one another. */
class TestDataTest {

    @Test
    void everyWrittenFormOfThePhoneIsTheSameNumber() {
        Phone phone = Phone.parse(TestData.PHONE);

        assertThat(Phone.parse(TestData.PHONE_INTERNATIONAL)).isEqualTo(phone);
        assertThat(Phone.parse(TestData.PHONE_DIGITS)).isEqualTo(phone);
        assertThat(Phone.parse(TestData.PHONE_WITH_00)).isEqualTo(phone);
        assertThat(phone.digits()).isEqualTo(TestData.PHONE_DIGITS);
    }

    @Test
    void thePhonesAreDistinctValidMobiles() {
        assertThat(IntStream.of(0, 1, 99_999).mapToObj(TestData::phone).map(Phone::parse))
                .allMatch(Phone::isMobile).doesNotHaveDuplicates();
        assertThat(Phone.parse(TestData.OTHER_PHONE)).isNotEqualTo(Phone.parse(TestData.PHONE));
        assertThat(Phone.parse(TestData.THIRD_PHONE).isMobile()).isTrue();
    }

    @Test
    void aMaskedEmailOfOnePersonNeverFitsTheOther() {
        String maskedIvan = "iv***@abv.bg";

        assertThat(Email.parse(TestData.EMAIL).fitsMask(maskedIvan)).isTrue();
        assertThat(Email.parse(TestData.OTHER_EMAIL).fitsMask(maskedIvan)).isFalse();
        assertThat(Mask.compatible("Ив**", TestData.OTHER_FIRST_NAME)).isFalse();
    }

    @Test
    void theSampleFilesPassTheirChecks() {
        assertThat(TestData.jpeg("a.jpg").type()).isEqualTo(FileType.JPEG);
        assertThat(TestData.pdf("b.pdf").type()).isEqualTo(FileType.PDF);
        assertThat(TestData.jpegBytes()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(new String(TestData.pdfBytes(), java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-");
        assertThat(TestData.photos(3)).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void theSampleDraftsAreValid() {
        ReportDraft full = TestData.fullDraft("text");

        assertThat(full.fields().phone()).contains(Phone.parse(TestData.PHONE));
        assertThat(full.fields().siteUrl()).isPresent();
        assertThat(TestData.draft(TestData.PHONE).text()).isEqualTo(TestData.TEXT);
    }
}
