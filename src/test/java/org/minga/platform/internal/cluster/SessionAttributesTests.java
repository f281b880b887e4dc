package org.minga.platform.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minga.platform.Currency;
import org.minga.platform.Money;
import org.springframework.web.servlet.FlashMap;

class SessionAttributesTests {

    record Line(LocalDate day, Money amount, int count) {
    }

    record Result(String name, List<Line> lines) {
    }

    @Test
    void aFlashAttributeHoldingRecordsThatAreNotSerializableCrossesNodes() {
        FlashMap flash = new FlashMap();
        Result result = new Result("Facturación", List.of(
                new Line(LocalDate.of(2026, 3, 1), new Money(new BigDecimal("1200.50"), Currency.COP), 3)));
        flash.put("billing", result);
        flash.put("saved", true);

        Object read = SessionAttributes.read(SessionAttributes.write(new java.util.ArrayList<>(List.of(flash))));

        FlashMap back = (FlashMap) ((List<?>) read).getFirst();
        assertThat(back.get("billing")).isEqualTo(result);
        assertThat(back.get("saved")).isEqualTo(true);
    }
}
