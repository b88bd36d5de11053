package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    @Test
    void compare_whenLengthsDiffer_ordersNumerically() {
        assertThat(SequenceNumbers.compare("9", "10")).isNegative();
        assertThat(SequenceNumbers.compare("49590338271490256608559692538361571095921575989136588898",
                "49590338271490256608559692538361571095921575989136588897")).isPositive();
        assertThat(SequenceNumbers.min("12", "3")).isEqualTo("3");
        assertThat(SequenceNumbers.min(null, "3")).isEqualTo("3");
    }

    @Property(tries = 500)
    void compare_agreesWithBigInteger(@ForAll @Positive BigInteger a, @ForAll @Positive BigInteger b) {
        assertThat(Integer.signum(SequenceNumbers.compare(a.toString(), b.toString())))
                .isEqualTo(a.compareTo(b));
    }
}
