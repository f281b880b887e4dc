package org.minga.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minga.identity.Role;

/** What each grant lets its holder write. */
class GrantTests {

    @Test
    void schemeStaffWriteInTheirSchemeOnly() {
        Grant staff = new Grant(Role.SCHEME_STAFF, 7L, null);
        assertThat(staff.allowsSchemeWrite(7)).isTrue();
        assertThat(staff.allowsSchemeWrite(8)).isFalse();
        assertThat(staff.allowsUnitWrite(7, "54498")).isTrue();
    }

    @Test
    void aMemberOfficialWritesOnlyForTheirUnitInTheirScheme() {
        Grant official = new Grant(Role.MEMBER_OFFICIAL, 7L, "54498");
        assertThat(official.allowsUnitWrite(7, "54498")).isTrue();
        assertThat(official.allowsUnitWrite(7, "54206")).isFalse();
        assertThat(official.allowsUnitWrite(8, "54498")).isFalse();
        assertThat(official.allowsSchemeWrite(7)).isFalse();
    }

    @Test
    void boardMembersObserversAndCitizensWriteNothingOfASchemesData() {
        assertThat(new Grant(Role.BOARD_MEMBER, 7L, null).allowsSchemeWrite(7)).isFalse();
        assertThat(new Grant(Role.OBSERVER, null, null).allowsSchemeWrite(7)).isFalse();
        assertThat(new Grant(Role.CITIZEN, null, "54498").allowsUnitWrite(7, "54498")).isFalse();
    }

    @Test
    void platformAdministratorsWriteEverywhere() {
        Grant admin = new Grant(Role.PLATFORM_ADMIN, null, null);
        assertThat(admin.allowsSchemeWrite(7)).isTrue();
        assertThat(admin.allowsUnitWrite(8, "D097")).isTrue();
    }
}
