/**
 * What needs a person's attention, and telling them (issue 20): modules contribute
 * {@link org.minga.notifications.AttentionSource} beans computed from their own data for a person's
 * grants, and send event notices through {@link org.minga.notifications.Notices}. Every message lands
 * in the person's inbox; an e-mail copy is sent by a job when SMTP is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = {"platform",
        "platform :: web", "identity"})
package org.minga.notifications;
