package io.nekorekten4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cache's options: their defaults, the off switch, and the checks of the builder. */
class CacheOptionsTest {

    @Test
    void theDefaultsCacheSearchesTenMinutesAndCitiesADayAndKeepTenThousandSearches() {
        CacheOptions defaults = CacheOptions.defaults();

        assertThat(defaults.searchTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.citiesTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.maximumSize()).isEqualTo(10_000);
        assertThat(defaults.singleFlight()).isTrue();
        assertThat(defaults.subsetAnswers()).isTrue();
        assertThat(defaults.cachesSearches()).isTrue();
        assertThat(defaults.cachesCities()).isTrue();
        assertThat(CacheOptions.builder().build()).isEqualTo(defaults);
    }

    @Test
    void disabledCachesNothingAndSharesNothing() {
        CacheOptions off = CacheOptions.disabled();

        assertThat(off.cachesSearches()).isFalse();
        assertThat(off.cachesCities()).isFalse();
        assertThat(off.singleFlight()).isFalse();
        assertThat(off.subsetAnswers()).isFalse();
    }

    @Test
    void theBuilderSetsEachOption() {
        CacheOptions options = CacheOptions.builder().searchTtl(Duration.ofMinutes(1)).citiesTtl(Duration.ofHours(2))
                .maximumSize(5).singleFlight(false).subsetAnswers(false).build();

        assertThat(options).isEqualTo(new CacheOptions(Duration.ofMinutes(1), Duration.ofHours(2), 5, false, false));
    }

    @Test
    void aZeroTtlOrSizeTurnsThatPartOff() {
        assertThat(CacheOptions.builder().searchTtl(Duration.ZERO).build().cachesSearches()).isFalse();
        assertThat(CacheOptions.builder().maximumSize(0).build().cachesSearches()).isFalse();
        assertThat(CacheOptions.builder().citiesTtl(Duration.ZERO).build().cachesCities()).isFalse();
        assertThat(CacheOptions.builder().citiesTtl(Duration.ZERO).build().cachesSearches()).isTrue();
    }

    @Test
    void everyBadFigureIsReportedAtOnce() {
        assertThatThrownBy(() -> CacheOptions.builder().searchTtl(Duration.ofSeconds(-1))
                .citiesTtl(Duration.ofDays(366)).maximumSize(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("searchTtl must not be negative")
                .hasMessageContaining("citiesTtl must be at most 365 days")
                .hasMessageContaining("maximumSize must not be negative");
    }

    @Test
    void nullsAreRejectedByName() {
        assertThatThrownBy(() -> CacheOptions.builder().searchTtl(null)).hasMessage("searchTtl");
        assertThatThrownBy(() -> CacheOptions.builder().citiesTtl(null)).hasMessage("citiesTtl");
    }

    @Test
    void noCaffeineTypeAppearsInThePublicSurface() {
        Stream<Class<?>> types = Arrays.stream(CacheOptions.class.getMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .flatMap(CacheOptionsTest::signatureTypes);
        Stream<Class<?>> builderTypes = Arrays.stream(CacheOptions.Builder.class.getMethods())
                .flatMap(CacheOptionsTest::signatureTypes);

        assertThat(Stream.concat(types, builderTypes).map(Class::getName))
                .noneMatch(name -> name.startsWith("com.github.benmanes"));
    }

    private static Stream<Class<?>> signatureTypes(Method m) {
        return Stream.concat(Stream.of(m.getReturnType()), Arrays.stream(m.getParameterTypes()));
    }
}
