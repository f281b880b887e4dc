/**
 * Governing bodies that meet and decide (issue 19B): the statutes' rules of each body in time
 * (quorum, majorities, notice, sessions per year), sessions convened with their agenda, attendance
 * from the register's seats in term, decisions numbered per body and year with their votes, minutes
 * as PDF and their signed copies, and the public list of decisions. The bodies and seats are the
 * register's; this module reads them through {@code registry.SchemeFacts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance", allowedDependencies = {"platform",
        "platform :: web", "identity", "registry", "notifications"})
package org.minga.governance;
