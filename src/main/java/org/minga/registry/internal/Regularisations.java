package org.minga.registry.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.minga.platform.AuditLog.Change;
import org.minga.platform.InvalidInputException;
import org.minga.platform.Zones;
import org.minga.registry.Scheme;
import org.minga.territory.Level;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * El Salvador after 1 May 2024: a member that is now a district has no legal personality, so the
 * scheme regularises it in two guided steps per municipality: record the municipality's council act
 * (a legal act with the municipality's code), then let the municipality in and end its districts'
 * memberships the day before. The districts' history stays as it was.
 */
@Service
public class Regularisations {

    /** Decreto 762 de 2023: the 44 municipalities and their districts from this day. */
    public static final LocalDate SV_REFORM = LocalDate.of(2024, 5, 1);

    private final Desk desk;
    private final Memberships memberships;
    private final Territory territory;
    private final Zones zones;

    Regularisations(Desk desk, Memberships memberships, Territory territory, Zones zones) {
        this.desk = desk;
        this.memberships = memberships;
        this.territory = territory;
        this.zones = zones;
    }

    /** The council act that authorises the municipality to be a member, when recorded. */
    public record CouncilAct(long id, String number, LocalDate issuedOn) {
    }

    /** One municipality to regularise: its districts that are still members, and its act if recorded. */
    public record PendingRegularisation(String municipalityCode, String municipalityName,
            List<Memberships.Member> districts, boolean municipalityIsMember, CouncilAct act) {
    }

    /** What is still to regularise on a date: members that are districts, grouped by their municipality. */
    @Transactional(readOnly = true)
    public List<PendingRegularisation> pending(long schemeId, LocalDate at) {
        Scheme scheme = desk.schemes().get(schemeId);
        if (scheme.getCountry() != Scheme.Country.SV || at.isBefore(SV_REFORM)) {
            return List.of();
        }
        List<Memberships.Member> members = memberships.on(schemeId, at);
        Map<String, List<Memberships.Member>> byMunicipality = members.stream()
                .filter(m -> Level.DISTRICT.name().equals(m.level()) && m.parentCode() != null)
                .collect(Collectors.groupingBy(Memberships.Member::parentCode, LinkedHashMap::new, Collectors.toList()));
        return byMunicipality.entrySet().stream().map(e -> new PendingRegularisation(e.getKey(),
                e.getValue().getFirst().parentName(), e.getValue(),
                members.stream().anyMatch(m -> e.getKey().equals(m.code())),
                act(schemeId, e.getKey(), at).orElse(null))).toList();
    }

    /**
     * The second step: on {@code on} the municipality becomes the member (unless it already is), with
     * its council act and the seats its districts held, and each of its districts leaves the day before.
     * Refused, changing nothing, without the municipality's council act recorded on or before that day.
     */
    @Transactional
    public void regularise(long schemeId, String municipalityCode, LocalDate on) {
        Scheme scheme = desk.writableScheme(schemeId);
        if (on == null) {
            throw new InvalidInputException("on", "Required", "registry.regularise.on");
        }
        if (on.isBefore(SV_REFORM) || on.isAfter(zones.today().plusDays(1))) {
            throw new InvalidInputException("on", "Range", "registry.regularise.on.range", SV_REFORM);
        }
        String code = municipalityCode == null ? "" : municipalityCode.strip();
        Optional<PendingRegularisation> pending = scheme.getCountry() == Scheme.Country.SV
                ? pending(schemeId, on).stream().filter(p -> p.municipalityCode().equals(code)).findFirst()
                : Optional.empty();
        if (pending.isEmpty()) {
            throw new InvalidInputException("municipality", "Pending", "registry.regularise.none", code);
        }
        PendingRegularisation p = pending.get();
        if (p.act() == null) {
            throw new InvalidInputException("act", "Required", "registry.regularise.act", p.municipalityName(), code);
        }
        TerritorialUnit municipality = territory.find(scheme.getCountry().name(), code, on)
                .filter(u -> u.level() == Level.MUNICIPALITY)
                .orElseThrow(() -> new InvalidInputException("municipality", "Exists", "registry.regularise.none",
                        code));
        if (!p.municipalityIsMember()) {
            int seats = p.districts().stream().mapToInt(Memberships.Member::seats).sum();
            memberships.join(schemeId, new Memberships.Joining(code, null, "MEMBER", on,
                    ActType.COUNCIL_AUTHORISATION.spanishName() + " " + p.act().number(), null, Math.min(seats, 100)));
        }
        for (Memberships.Member district : p.districts()) {
            memberships.leave(schemeId, district.code(), on.minusDays(1));
        }
        desk.audit().record(Change.created("membership_regularisation", schemeId + "/" + code, schemeId,
                "Regularización: " + municipality.name() + " reemplaza a sus distritos", Map.of("municipality", code,
                        "on", on.toString(), "act", p.act().number(), "districts",
                        p.districts().stream().map(Memberships.Member::code).toList())));
    }

    private Optional<CouncilAct> act(long schemeId, String unitCode, LocalDate at) {
        return desk.jdbc().sql("""
                select id, number, issued_on from legal_act
                where scheme_id = :s and unit_code = :u and type = 'COUNCIL_AUTHORISATION' and issued_on <= :at
                order by issued_on desc, id desc limit 1""").param("s", schemeId).param("u", unitCode)
                .param("at", Date.valueOf(at)).query(CouncilAct.class).optional();
    }
}
