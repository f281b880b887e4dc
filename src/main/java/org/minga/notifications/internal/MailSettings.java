package org.minga.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMTP from MINGA_MAIL_HOST, _PORT, _USERNAME, _PASSWORD and _FROM; without a host mail is off and
 * messages reach the inbox only. {@code siteUrl} (MINGA_SITE_URL) starts every link in an e-mail.
 */
@ConfigurationProperties("minga.mail")
public record MailSettings(String host, @DefaultValue("587") int port, String username, String password,
        @DefaultValue("minga@localhost") String from, @DefaultValue("http://localhost:8080") String siteUrl) {

    public boolean on() {
        return host != null && !host.isBlank();
    }
}
