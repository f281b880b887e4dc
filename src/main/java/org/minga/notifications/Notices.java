package org.minga.notifications;

/**
 * Tells one person of an event that concerns them now (a case assigned to them, their report
 * published or rejected, an import failed): a message in their inbox and, when mail is on and they
 * want it, an immediate e-mail. Joins the caller's transaction, so the notice exists only if the
 * event does.
 */
public interface Notices {

    /**
     * @param kind      message keys {@code notice.<kind>.subject} and {@code .body}, said with the subject
     * @param uniqueKey names the event; a second notice with the same key is ignored
     */
    void notify(long userId, String kind, String subject, String link, Long schemeId, String uniqueKey);
}
