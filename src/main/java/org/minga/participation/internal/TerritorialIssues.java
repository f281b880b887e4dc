package org.minga.participation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.minga.identity.Citizens;
import org.minga.notifications.Notices;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.FileTypes;
import org.minga.platform.Photos;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.NotFoundException;
import org.minga.platform.SystemActor;
import org.minga.registry.MemberUnits;
import org.minga.registry.Scheme;
import org.minga.registry.Schemes;
import org.minga.territory.TerritorialUnit;
import org.minga.territory.Territory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collective characterisation of a territory: issues reported by citizens (with consent) or
 * entered by a scheme's staff, the units they affect found from their location, and moderation.
 * Nothing unpublished ever leaves this class through a public method.
 */
@Service
public class TerritorialIssues {

    public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    public static final int MAX_PHOTOS = 3;
    private static final String ENTITY = "territorial_issue";

    /** A land-use and territorial-administration taxonomy (CTT's characterisation). */
    public enum Theme {
        LAND_USE, TENURE, WATER, RISK, ENVIRONMENT, CADASTRE, PUBLIC_SERVICES, DETERMINANTS_CONFLICT, ROADS,
        BOUNDARIES, OTHER
    }

    public enum Moderation { SUBMITTED, PUBLISHED, REJECTED }

    public enum Stage { OPEN, PRIORITISED, IN_AGREEMENT, RESOLVED }

    public record Photo(String name, byte[] content) {
    }

    /** A point by latitude and longitude, or any GeoJSON Point or Polygon in {@code geometry}. */
    /** A reserved report is for the scheme's team only: it is never published, mapped or exported. */
    public record Report(Long schemeId, String theme, String title, String description, Double lat, Double lon,
            String geometry, boolean consent, List<Photo> photos, boolean reserved) {

        public Report(Long schemeId, String theme, String title, String description, Double lat, Double lon,
                String geometry, boolean consent, List<Photo> photos) {
            this(schemeId, theme, title, description, lat, lon, geometry, consent, photos, false);
        }
    }

    public record Unit(String code, String name) {
    }

    public record Issue(long id, long schemeId, Theme theme, String title, String description, String geometry,
            double lon, double lat, Moderation moderation, String rejectionReason, Stage stage, Instant reportedAt,
            Instant moderatedAt, List<Unit> units, List<Long> photoIds, boolean reserved, boolean exactLocation,
            double publicLon, double publicLat) {

        /**
         * The issue as the public sees it: unless the team chose to show it exactly, its place is
         * the centre of its 0.005° cell (about 550 m), so a report never points at someone's door.
         */
        public Issue forPublic() {
            return exactLocation ? this : new Issue(id, schemeId, theme, title, description,
                    "{\"type\":\"Point\",\"coordinates\":[" + publicLon + "," + publicLat + "]}", publicLon,
                    publicLat, moderation, rejectionReason, stage, reportedAt, moderatedAt, units, photoIds, reserved,
                    false, publicLon, publicLat);
        }
    }

    /** One marker of the public map: a single issue (id and title set) or a cluster of several. */
    public record Marker(double lon, double lat, int count, Long id, String title, String theme) {
    }

    /** The widest zone a report may draw, in degrees of longitude or latitude (about 55 km). */
    static final double MAX_ZONE_DEGREES = 0.5;

    private final Desk desk;
    private final Territory territory;
    private final Schemes schemes;
    private final MemberUnits memberUnits;
    private final IssueReads reads;
    private final Notices notices;

    TerritorialIssues(Desk desk, Territory territory, Schemes schemes, MemberUnits memberUnits, IssueReads reads,
            Notices notices) {
        this.desk = desk;
        this.notices = notices;
        this.territory = territory;
        this.schemes = schemes;
        this.memberUnits = memberUnits;
        this.reads = reads;
    }

    /**
     * A citizen's report (consent required) or one entered by the scheme's staff (received on paper
     * or in a workshop); anyone else is refused. It waits for moderation.
     */
    @Transactional
    public long report(Report input) {
        Checks checks = new Checks();
        Scheme scheme = null;
        if (input.schemeId() == null) {
            checks.add(new Violation("schemeId", "Required", "participation.issue.scheme.required"));
        } else {
            scheme = schemes.find(input.schemeId()).isPresent() ? schemes.get(input.schemeId()) : null;
            checks.rule(scheme != null, "schemeId", "Exists", "participation.issue.scheme.unknown");
        }
        boolean staff = scheme != null && desk.scopes().canWriteScheme(scheme.getId());
        Optional<Citizens.Citizen> citizen = desk.citizens().current();
        if (scheme != null && !staff && citizen.isEmpty()) {
            throw new AccessDeniedException("Solo un ciudadano registrado o el equipo del esquema pueden reportar.");
        }
        Theme theme = checks.oneOf("theme", Theme.class, input.theme());
        String title = checks.text("title", input.title(), 160);
        String description = checks.text("description", input.description(), 4000);
        List<Violation> placeProblems = new ArrayList<>();
        Geometry geometry = IssueGeometry.of(input.lat(), input.lon(), input.geometry(), placeProblems);
        checks.addAll(placeProblems);
        checks.rule(staff || input.consent(), "consent", "AssertTrue", "participation.issue.consent.required");
        List<Photo> photos = input.photos() == null ? List.of()
                : input.photos().stream().filter(p -> p != null && p.content() != null && p.content().length > 0).toList();
        List<Photos.Clean> cleaned = cleanPhotos(photos, checks);
        List<TerritorialUnit> affected = List.of();
        if (geometry != null && scheme != null) {
            affected = placeProblems(scheme, geometry, checks);
        }
        checks.orThrow();
        var centre = geometry.getInteriorPoint().getCoordinate();
        Long reporter = staff ? null : citizen.map(Citizens.Citizen::id).orElse(null);
        long id = desk.jdbc().sql("""
                insert into territorial_issue (scheme_id, theme, title, description, geometry, lon, lat, reporter_id,
                                               entered_by, consent_at, reserved)
                values (:scheme, :theme, :title, :description, :geometry, :lon, :lat, :reporter, :enteredBy, :consent,
                        :reserved)
                returning id
                """).param("scheme", scheme.getId()).param("reserved", input.reserved()).param("theme", theme.name()).param("title", title)
                .param("description", description).param("geometry", IssueGeometry.toGeoJson(geometry))
                .param("lon", centre.x).param("lat", centre.y).param("reporter", reporter)
                .param("enteredBy", staff ? SystemActor.current() : null)
                .param("consent", reporter != null ? Timestamp.from(desk.zones().now()) : null)
                .query(Long.class).single();
        for (TerritorialUnit unit : affected) {
            desk.jdbc().sql("insert into territorial_issue_unit (issue_id, country, unit_code) values (:i, :c, :u) "
                    + "on conflict do nothing").param("i", id).param("c", unit.country()).param("u", unit.code())
                    .update();
        }
        for (int k = 0; k < photos.size(); k++) {
            Photos.Clean photo = cleaned.get(k);
            String name = photos.get(k).name();
            desk.jdbc().sql("""
                    insert into territorial_issue_photo (issue_id, file_id, name, content_type, size_bytes)
                    values (:i, :f, :n, :t, :s)""").param("i", id)
                    .param("f", desk.files().put(name, photo.contentType(), photo.content())).param("n", name)
                    .param("t", photo.contentType()).param("s", photo.content().length).update();
        }
        // The audit keeps what was reported, not who (the reporter's link is in the issue, and goes with them).
        desk.audit().record(Change.created(ENTITY, id, scheme.getId(), "Problemática reportada: " + title,
                Map.of("theme", theme.name(), "title", title, "byStaff", staff, "photos", photos.size(), "reserved",
                        input.reserved())));
        return id;
    }

    /**
     * An issue lies in the scheme's territory: its place must touch a unit that is a member today
     * (or lie in a member department), and a zone is at most {@value #MAX_ZONE_DEGREES}° across, so
     * one report cannot link the whole country's units. Returns the units the place touches.
     */
    private List<TerritorialUnit> placeProblems(Scheme scheme, Geometry geometry, Checks checks) {
        var box = geometry.getEnvelopeInternal();
        if (box.getWidth() > MAX_ZONE_DEGREES || box.getHeight() > MAX_ZONE_DEGREES) {
            checks.add(new Violation("geometry", "Size", "participation.issue.geometry.size", MAX_ZONE_DEGREES));
            return List.of();
        }
        LocalDate today = desk.zones().today(scheme.getCountry().name());
        List<TerritorialUnit> units = territory.unitsMeeting(geometry, today);
        checks.rule(units.stream().anyMatch(memberUnits.coverage(scheme.getId(), today)),
                geometry.getDimension() == 0 ? "lat" : "geometry", "Territory", "participation.issue.geometry.outside");
        return units;
    }

    /** At most {@value #MAX_PHOTOS} images, each re-encoded: EXIF (GPS, camera, time), XMP and comments stay behind. */
    private static List<Photos.Clean> cleanPhotos(List<Photo> photos, Checks checks) {
        checks.rule(photos.size() <= MAX_PHOTOS, "photos", "Size", "participation.issue.photos.tooMany", MAX_PHOTOS);
        List<Photos.Clean> cleaned = new ArrayList<>();
        for (Photo photo : photos) {
            if (photo.content().length > MAX_PHOTO_BYTES) {
                checks.add(new Violation("photos", "Size", "participation.issue.photo.size", photo.name(),
                        MAX_PHOTO_BYTES / (1024 * 1024)));
                continue;
            }
            var clean = FileTypes.imageType(photo.content()) == null ? java.util.Optional.<Photos.Clean>empty()
                    : Photos.withoutMetadata(photo.content());
            clean.ifPresentOrElse(cleaned::add, () -> checks.add(
                    new Violation("photos", "ImageType", "participation.issue.photo.type", photo.name())));
        }
        return cleaned;
    }

    @Transactional
    public void publish(long id) {
        publish(id, false);
    }

    /**
     * Publishes an issue; the public sees its place coarsened to about 550 m unless {@code exact}
     * (the team judged that the exact place puts no one at risk, e.g. a landslide on a road).
     */
    @Transactional
    public void publish(long id, boolean exact) {
        Issue issue = get(id);
        desk.scopes().requireSchemeWrite(issue.schemeId());
        if (issue.reserved()) {
            throw new InvalidInputException("moderation", "Reserved", "participation.issue.reserved.private");
        }
        requireModeration(issue, Moderation.SUBMITTED, Moderation.REJECTED);
        desk.jdbc().sql("""
                update territorial_issue set moderation = 'PUBLISHED', rejection_reason = null, exact_location = :exact,
                       moderated_by = :by, moderated_at = now() where id = :id""")
                .param("exact", exact).param("by", SystemActor.current()).param("id", id).update();
        desk.audit().record(Change.updated(ENTITY, id, issue.schemeId(), "Problemática publicada: " + issue.title(),
                Map.of("moderation", issue.moderation().name()), Map.of("moderation", "PUBLISHED", "exactLocation",
                        exact)));
        tellReporter(issue, "participation.report.published", "/public/participation/issues/" + id);
    }

    /** The citizen who reported the issue hears of its moderation at once (staff-entered reports have no reporter). */
    private void tellReporter(Issue issue, String kind, String link) {
        // Keyed by the moderation's time: published again after a rejection is a new event, a retry is not.
        desk.jdbc().sql("""
                select reporter_id, (extract(epoch from moderated_at) * 1000)::bigint as at from territorial_issue
                where id = :id and reporter_id is not null""").param("id", issue.id())
                .query((rs, n) -> Map.entry(rs.getLong("reporter_id"), rs.getLong("at"))).optional()
                .ifPresent(r -> notices.notify(r.getKey(), kind, issue.title(), link, issue.schemeId(),
                        kind + ":" + issue.id() + ":" + r.getValue()));
    }

    @Transactional
    public void reject(long id, String reason) {
        Issue issue = get(id);
        desk.scopes().requireSchemeWrite(issue.schemeId());
        Checks checks = new Checks();
        String why = checks.text("reason", reason, 1000);
        checks.orThrow();
        requireModeration(issue, Moderation.SUBMITTED, Moderation.PUBLISHED);
        if (issue.stage() != Stage.OPEN) {
            throw new InvalidInputException(List.of(new Violation("reason", "Stage",
                    "participation.issue.reject.inUse")));
        }
        desk.jdbc().sql("""
                update territorial_issue set moderation = 'REJECTED', rejection_reason = :reason,
                       moderated_by = :by, moderated_at = now() where id = :id""")
                .param("reason", why).param("by", SystemActor.current()).param("id", id).update();
        desk.audit().record(Change.updated(ENTITY, id, issue.schemeId(), "Problemática rechazada: " + issue.title(),
                Map.of("moderation", issue.moderation().name()), Map.of("moderation", "REJECTED", "reason", why)));
        tellReporter(issue, "participation.report.rejected", "/participation/my-reports");
    }

    /** Moves published issues forward (prioritised, in an agreement); never backwards. */
    void advance(long id, Stage stage) {
        desk.jdbc().sql("""
                update territorial_issue set stage = :stage where id = :id and moderation = 'PUBLISHED'
                and array_position(array['OPEN','PRIORITISED','IN_AGREEMENT','RESOLVED'], stage)
                    < array_position(array['OPEN','PRIORITISED','IN_AGREEMENT','RESOLVED'], :stage)""")
                .param("stage", stage.name()).param("id", id).update();
    }

    /** Any issue, for the scheme's staff and for the services of this module. */
    public Issue get(long id) {
        return load("id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Problemática", id));
    }

    /** An issue as the public may see it: only when published. */
    public Optional<Issue> published(long id) {
        return load("id = :id and moderation = 'PUBLISHED'", Map.of("id", id)).stream().findFirst()
                .map(Issue::forPublic);
    }

    /** A scheme's issues in one moderation state, newest first, a page at a time. */
    public List<Issue> ofScheme(long schemeId, Moderation moderation, int page, int size) {
        return load("scheme_id = :s and moderation = :m order by id desc limit :limit offset :offset",
                Map.of("s", schemeId, "m", moderation.name(), "limit", size, "offset", Math.max(0, page) * size));
    }

    /** The latest published issues, of one scheme or of all: the list beside the map, and without JavaScript. */
    public List<Issue> latestPublished(Long schemeId, int size) {
        return schemeId == null
                ? load("moderation = 'PUBLISHED' order by id desc limit :limit", Map.of("limit", size)).stream()
                        .map(Issue::forPublic).toList()
                : load("scheme_id = :s and moderation = 'PUBLISHED' order by id desc limit :limit",
                        Map.of("s", schemeId, "limit", size)).stream().map(Issue::forPublic).toList();
    }

    public Map<Moderation, Long> counts(long schemeId) {
        Map<Moderation, Long> counts = new LinkedHashMap<>();
        for (Moderation m : Moderation.values()) {
            counts.put(m, 0L);
        }
        desk.jdbc().sql("select moderation, count(*) as issues from territorial_issue where scheme_id = :s group by moderation")
                .param("s", schemeId)
                .query((rs, n) -> counts.put(Moderation.valueOf(rs.getString("moderation")), rs.getLong("issues")))
                .list();
        return counts;
    }

    /** The citizen's own reports, whatever their state. */
    public List<Issue> reportedBy(long citizenId) {
        return load("reporter_id = :r order by id", Map.of("r", citizenId));
    }

    /** A photo of a published issue, or of any issue for the scheme's staff. */
    public FileTypes.Content photo(long issueId, long photoId) {
        Issue issue = get(issueId);
        if (issue.moderation() != Moderation.PUBLISHED && !desk.scopes().canWriteScheme(issue.schemeId())) {
            throw new NotFoundException("Foto", photoId);
        }
        var stored = desk.jdbc().sql("select file_id, content_type from territorial_issue_photo where id = :id and issue_id = :i")
                .param("id", photoId).param("i", issueId)
                .query((rs, n) -> new StoredPhoto(rs.getObject("file_id", java.util.UUID.class),
                        rs.getString("content_type"))).optional()
                .orElseThrow(() -> new NotFoundException("Foto", photoId));
        return new FileTypes.Content(stored.contentType(), desk.files().content(stored.fileId()));
    }

    private record StoredPhoto(java.util.UUID fileId, String contentType) {
    }

    private List<Issue> load(String where, Map<String, ?> params) {
        return reads.load(where, params);
    }

    private static void requireModeration(Issue issue, Moderation... allowed) {
        for (Moderation m : allowed) {
            if (issue.moderation() == m) {
                return;
            }
        }
        throw new InvalidInputException(List.of(new Violation("moderation", "Transition",
                "participation.issue.moderation.transition", issue.moderation().name().toLowerCase(Locale.ROOT))));
    }
}
