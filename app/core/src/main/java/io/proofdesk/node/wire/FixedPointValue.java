package io.proofdesk.node.wire;

import java.math.BigInteger;

/** The network's fixed-point number on the wire: real value = value / 10^decimals (int128 on chain). */
public record FixedPointValue(BigInteger value, BigInteger decimals) {
}
