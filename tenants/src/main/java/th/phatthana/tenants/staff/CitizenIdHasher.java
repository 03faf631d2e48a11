package th.phatthana.tenants.staff;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import th.phatthana.schema.InvalidInputException;

/**
 * Turns a citizen ID into the only form the store keeps: HMAC-SHA256 under a server secret, hex.
 * Without the secret the 10¹² possible numbers cannot be tried against the stored hashes; with it,
 * the same number always gives the same hash, so records can be matched by citizen ID. The secret
 * comes from configuration ({@code phatthana.pdpa.citizen-id-key} / {@code PHATTHANA_CITIZEN_ID_KEY});
 * the application builds the one instance.
 */
public final class CitizenIdHasher {

    /** Shortest accepted secret, in bytes of its UTF-8 form. */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public CitizenIdHasher(byte[] secret) {
        if (secret == null || secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the citizen ID key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), "HmacSHA256");
    }

    /**
     * @param citizenId a number as people write it
     * @return its keyed hash
     * @throws IllegalArgumentException when it is not a valid citizen ID
     */
    public String hash(String citizenId) {
        String digits = CitizenIds.normalise(citizenId);
        if (digits == null) {
            throw new InvalidInputException("not a valid Thai citizen ID (13 digits with a valid check digit)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CitizenIdHasher[HmacSHA256, key hidden]";
    }
}
