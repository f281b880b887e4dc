package org.minga.notifications.internal;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one plain-text e-mail over SMTP, with RFC 8058 one-click unsubscribe headers. */
@Component
public class Mailer {

    private final MailSettings settings;
    private final JavaMailSenderImpl sender;

    Mailer(MailSettings settings) {
        this.settings = settings;
        this.sender = settings.on() ? sender(settings) : null;
    }

    private static JavaMailSenderImpl sender(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        if (settings.username() != null && !settings.username().isBlank()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
            props.put("mail.smtp.auth", "true");
        }
        // TLS when the server offers it; a slow server fails the attempt (retried later) rather than hanging the job.
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        return sender;
    }

    public boolean on() {
        return sender != null;
    }

    public String siteUrl() {
        return settings.siteUrl().replaceAll("/+$", "");
    }

    void send(String to, String subject, String body, String unsubscribeUrl) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body);
        message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        sender.send(message);
    }
}
