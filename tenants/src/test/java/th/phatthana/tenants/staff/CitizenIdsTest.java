package th.phatthana.tenants.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CitizenIdsTest {

    /** A valid number: twelve digits and their check digit. */
    static String valid(String twelve) {
        return twelve + CitizenIds.checkDigitOf(twelve);
    }

    @Test
    void theCheckDigitIsElevenMinusTheWeightedSumModuloElevenModuloTen() {
        // 1 1037 02345 67 ? : Σ = 1·13+1·12+0·11+3·10+7·9+0·8+2·7+3·6+4·5+5·4+6·3+7·2 = 222; 222 mod 11 = 2; 11 − 2 = 9
        assertThat(CitizenIds.checkDigitOf("110370234567")).isEqualTo(9);
        assertThat(CitizenIds.valid("1103702345679")).isTrue();
        assertThat(CitizenIds.valid("1103702345678")).isFalse();
    }

    @Test
    void aRemainderOfOneOrZeroGivesCheckDigitZeroOrOne() {
        // the (…) mod 10 step: 11 − 1 = 10 → 0 and 11 − 0 = 11 → 1
        for (int i = 0; i < 2000; i++) {
            String twelve = String.format("%012d", 100_000_000_000L + i * 7_919L);
            int sum = 0;
            for (int d = 0; d < 12; d++) {
                sum += (twelve.charAt(d) - '0') * (13 - d);
            }
            int expected = (11 - sum % 11) % 10;
            assertThat(CitizenIds.checkDigitOf(twelve)).isEqualTo(expected);
        }
    }

    @Test
    void peopleMayWriteHyphensSpacesAndThaiDigits() {
        assertThat(CitizenIds.normalise("1-1037-02345-67-9")).isEqualTo("1103702345679");
        assertThat(CitizenIds.normalise(" 1 1037 02345 67 9 ")).isEqualTo("1103702345679");
        assertThat(CitizenIds.normalise("๑๑๐๓๗๐๒๓๔๕๖๗๙")).isEqualTo("1103702345679");
    }

    @Test
    void otherTextIsNotACitizenId() {
        assertThat(CitizenIds.normalise(null)).isNull();
        assertThat(CitizenIds.normalise("")).isNull();
        assertThat(CitizenIds.normalise("110370234567")).isNull();
        assertThat(CitizenIds.normalise("11037023456790")).isNull();
        assertThat(CitizenIds.normalise("11037O2345679")).isNull();
    }

    @Test
    void theHashIsKeyedStableAndNeverTheNumber() {
        CitizenIdHasher one = new CitizenIdHasher("k".repeat(32).getBytes(StandardCharsets.UTF_8));
        CitizenIdHasher other = new CitizenIdHasher("x".repeat(32).getBytes(StandardCharsets.UTF_8));
        String hash = one.hash("1-1037-02345-67-9");
        assertThat(hash).hasSize(64).doesNotContain("1103702345679");
        assertThat(one.hash("1103702345679")).isEqualTo(hash);
        assertThat(other.hash("1103702345679")).isNotEqualTo(hash);
        assertThat(one.toString()).doesNotContain("k".repeat(32));
        assertThatThrownBy(() -> one.hash("1103702345678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CitizenIdHasher("short".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }
}
