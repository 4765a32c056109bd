package io.proofdesk.reexec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The network's {@code Number {int128 value; int128 decimals}}: the real number value / 10^decimals. Both fields
 * are held as BigInteger and checked to fit int128, as the contract's ABI requires.
 */
public record FixedPointNumber(BigInteger value, BigInteger decimals) {

    public static final BigInteger INT128_MIN = BigInteger.ONE.shiftLeft(127).negate();
    public static final BigInteger INT128_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    public FixedPointNumber {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(decimals, "decimals");
        if (!fitsInt128(value) || !fitsInt128(decimals)) {
            throw new IllegalArgumentException("fixed-point fields must fit int128: value " + value
                    + ", decimals " + decimals);
        }
    }

    public static FixedPointNumber of(long value, int decimals) {
        return new FixedPointNumber(BigInteger.valueOf(value), BigInteger.valueOf(decimals));
    }

    /** "1.50" -> (150, 2): keeps the digits as written, the way the network's SDK encodes decimal strings. */
    public static FixedPointNumber parse(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return new FixedPointNumber(d.unscaledValue(), BigInteger.valueOf(d.scale()));
    }

    /** Exact value; decimals may be negative ((2, -1) is 20) but must fit an int. */
    public BigDecimal toBigDecimal() {
        return new BigDecimal(value, decimals.intValueExact());
    }

    public static boolean fitsInt128(BigInteger v) {
        // bitLength excludes the sign: at most 127 is exactly -2^127 .. 2^127-1, without two comparisons
        return v.bitLength() <= 127;
    }

    @Override
    public String toString() {
        return decimals.bitLength() < 31 ? toBigDecimal().toPlainString() : value + "e-" + decimals;
    }
}
