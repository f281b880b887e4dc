package org.minga.participation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.participation.internal.AttendanceSheet.Row;
import org.minga.participation.internal.Events.AgeGroup;
import org.minga.participation.internal.Events.EthnicGroup;
import org.minga.participation.internal.Events.Sex;
import org.minga.participation.internal.Events.Zone;
import org.minga.platform.Checks;

/** A row of a paper attendance list, in the words people write, becomes an attendee; no database. */
class AttendanceSheetTests {

    @Test
    void wordsWithAccentsAndAnyCaseBecomeTheAttendeesDimensions() {
        Checks checks = new Checks();
        var attendee = new Row(2, "Luz Díaz", "JAC", "mujer", "18-28", "Afrocolombiano ", "Sí", "RURAL", null)
                .attendee(checks);
        assertThat(checks.ok()).isTrue();
        assertThat(attendee.sex()).isEqualTo(Sex.FEMALE);
        assertThat(attendee.ageGroup()).isEqualTo(AgeGroup.FROM_18_TO_28);
        assertThat(attendee.ethnicGroup()).isEqualTo(EthnicGroup.AFRO);
        assertThat(attendee.disability()).isTrue();
        assertThat(attendee.zone()).isEqualTo(Zone.RURAL);
        assertThat(attendee.delegate()).isFalse();
    }

    @Test
    void everyBadCellIsNamedWithItsRowAndColumnAndNoAttendeeComesOut() {
        Checks checks = new Checks();
        var attendee = new Row(7, "Pedro", null, "Hombre", "30", "Ninguno", "No", "Lunar", "No").attendee(checks);
        assertThat(attendee).isNull();
        assertThat(checks.violations()).extracting(v -> v.args()[1]).containsExactly("edad", "zona");
        assertThat(checks.violations()).allSatisfy(v -> {
            assertThat(v.field()).isEqualTo("file");
            assertThat(v.args()[0]).isEqualTo(7);
        });
    }

    @Test
    void aRowWithoutNameNorSexIsASpareLineOfTheList() {
        assertThat(new Row(3, null, "JAC", null, null, null, null, null, null).spare()).isTrue();
        assertThat(new Row(3, "Ana", null, null, null, null, null, null, null).spare()).isFalse();
    }
}
