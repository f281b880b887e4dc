package org.minga.notifications;

/**
 * One thing that needs a person's action or attention: its kind (the message key
 * {@code attention.<kind>}, said with the count and the subject), how many, what it is about, where
 * it is done (a path inside Minga) and the scheme it belongs to (none for platform-wide items).
 */
public record AttentionItem(String kind, long count, String subject, String link, Long schemeId) {
}
