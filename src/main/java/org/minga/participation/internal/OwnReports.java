package org.minga.participation.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The news on a citizen's own published reports: progress recorded on the agreement actions that
 * answer them, after the citizen last opened "Mis reportes". Opening that page is the look that
 * makes the news old.
 */
@Service
public class OwnReports {

    /** A report with progress the citizen has not looked at: how many updates, on the report's own page. */
    public record News(long issueId, long schemeId, String title, long updates) {
    }

    private final Desk desk;

    OwnReports(Desk desk) {
        this.desk = desk;
    }

    /**
     * The reporter's published reports with updates since their last look: the reporter index, then
     * the actions on each report ({@code agreement_action_issue_idx}) and their updates
     * ({@code action_update_action_idx}).
     */
    @Transactional(readOnly = true)
    public List<News> news(long citizenId) {
        return desk.jdbc().sql("""
                select i.id as issue_id, i.scheme_id, i.title, count(*) as updates
                from territorial_issue i
                join agreement_action a on a.issue_id = i.id
                join action_update u on u.action_id = a.id
                where i.reporter_id = :me and i.moderation = 'PUBLISHED'
                  and u.recorded_at > coalesce((select seen_at from citizen_reports_seen where app_user = :me),
                                               '-infinity'::timestamptz)
                group by i.id, i.scheme_id, i.title order by i.id""").param("me", citizenId).query(News.class).list();
    }

    /** The reports that had news, and from now on none: the citizen is looking at them. */
    @Transactional
    public Set<Long> look(long citizenId) {
        Set<Long> news = news(citizenId).stream().map(News::issueId).collect(Collectors.toSet());
        desk.jdbc().sql("""
                insert into citizen_reports_seen (app_user, seen_at) values (:me, now())
                on conflict (app_user) do update set seen_at = excluded.seen_at""").param("me", citizenId).update();
        return news;
    }
}
