package org.minga.registry;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a territorial unit belongs to a scheme on a date, for the writes that name one (needs,
 * beneficiaries, co-financing members, member clients, property tax) and for the place of a
 * citizen's report. A unit counts when it, its parent or one of its children is a member that day:
 * a municipality of a member department, a Salvadoran district of a member municipality (since
 * 2024-05-01 the municipality is the legal unit), or that municipality when its districts joined.
 */
@Service
public class MemberUnits {

    private final SchemeRepository repository;
    private final Territory territory;

    MemberUnits(SchemeRepository repository, Territory territory) {
        this.repository = repository;
        this.territory = territory;
    }

    /** A test for many units against one scheme and date, built with two reads. */
    @Transactional(readOnly = true)
    public Predicate<TerritorialUnit> coverage(long schemeId, LocalDate at) {
        Set<String> members = new HashSet<>(repository.memberUnits(schemeId, at));
        Set<String> parentsOfMembers = new HashSet<>();
        String country = repository.findById(schemeId).map(s -> s.getCountry().name()).orElse("");
        territory.findAll(country, members, at).values().forEach(u -> {
            if (u.parentCode() != null) {
                parentsOfMembers.add(u.parentCode());
            }
        });
        return u -> members.contains(u.code()) || u.parentCode() != null && members.contains(u.parentCode())
                || parentsOfMembers.contains(u.code());
    }

    /** Whether the unit with this code (of the scheme's country) counts as a member on the date. */
    @Transactional(readOnly = true)
    public boolean covers(long schemeId, String code, LocalDate at) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String country = repository.findById(schemeId).map(s -> s.getCountry().name()).orElse("");
        TerritorialUnit unit = territory.find(country, code.strip(), at)
                .orElse(new TerritorialUnit(country, code.strip(), code.strip(), null, null, at, at));
        return coverage(schemeId, at).test(unit);
    }

    /** The violation (field, rule {@code Member}) when the unit is no member on the date. */
    public Optional<Violation> check(long schemeId, String field, String code, LocalDate at) {
        return covers(schemeId, code, at) ? Optional.empty()
                : Optional.of(new Violation(field, "Member", "registry.unit.notMember", code, at.toString()));
    }

    /** Refuses (400, nothing written) a unit that is no member of the scheme on the date. */
    public void require(long schemeId, String field, String code, LocalDate at) {
        check(schemeId, field, code, at).ifPresent(v -> {
            throw new InvalidInputException(java.util.List.of(v));
        });
    }
}
