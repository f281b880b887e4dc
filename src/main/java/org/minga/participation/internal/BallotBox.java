package org.minga.participation.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minga.identity.Citizens;
import org.minga.participation.internal.PrioritisationExercises.Channel;
import org.minga.participation.internal.PrioritisationExercises.Choice;
import org.minga.participation.internal.PrioritisationExercises.Eligibility;
import org.minga.participation.internal.PrioritisationExercises.Exercise;
import org.minga.participation.internal.PrioritisationExercises.Option;
import org.minga.participation.internal.PrioritisationExercises.Voter;
import org.minga.platform.AuditLog;
import org.minga.platform.AuditLog.Change;
import org.minga.platform.Checks;
import org.minga.platform.InvalidInputException;
import org.minga.platform.InvalidInputException.Violation;
import org.minga.platform.SystemActor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casting ballots in an open exercise: online by a verified citizen of its units, or from paper by
 * the scheme's staff for a citizen or a delegate; one per person, secret (the audit records that a
 * ballot was cast, not its content). {@link PrioritisationExercises} is its door.
 */
@Service
class BallotBox {

    private final Desk desk;

    BallotBox(Desk desk) {
        this.desk = desk;
    }

    /** The signed-in citizen's own ballot. */
    @Transactional
    void voteOnline(Exercise exercise, Choice choice) {
        Citizens.Citizen citizen = desk.citizens().current().orElseThrow(
                () -> new AccessDeniedException("Para votar en línea inicie sesión con su cuenta de ciudadano."));
        if (exercise.eligibility() != Eligibility.UNIT_CITIZENS) {
            throw new InvalidInputException(List.of(new Violation("voter", "Eligible",
                    "participation.ballot.delegatesOnPaper")));
        }
        requireEligibleCitizen(exercise, citizen, "voter");
        // A throwaway account must not be a vote: online ballots need a verified account. (Paper
        // ballots are entered by staff, who see the person.)
        if (!desk.citizens().isVerified(citizen.id())) {
            throw new InvalidInputException(List.of(new Violation("voter", "Verified", "participation.ballot.unverified")));
        }
        cast(exercise, "citizen:" + citizen.id(), Channel.ONLINE, choice);
    }

    /** A paper ballot, entered by the scheme's staff for the person who filled it in. */
    @Transactional
    void votePaper(Exercise exercise, Voter voter, Choice choice) {
        desk.scopes().requireSchemeWrite(exercise.schemeId());
        String key;
        if (exercise.eligibility() == Eligibility.UNIT_CITIZENS) {
            Citizens.Citizen citizen = desk.citizens().byUsername(voter.username()).orElseThrow(() -> new InvalidInputException(
                    List.of(new Violation("voter", "Eligible", "participation.ballot.notCitizen",
                            String.valueOf(voter.username())))));
            requireEligibleCitizen(exercise, citizen, "voter");
            key = "citizen:" + citizen.id();
        } else {
            boolean delegate = voter.attendeeId() != null && desk.jdbc().sql("""
                    select count(*) from event_attendee where id = :a and event_id = :e and delegate""")
                    .param("a", voter.attendeeId()).param("e", exercise.eventId()).query(Long.class).single() > 0;
            if (!delegate) {
                throw new InvalidInputException(List.of(new Violation("voter", "Eligible",
                        "participation.ballot.notDelegate")));
            }
            key = "attendee:" + voter.attendeeId();
        }
        cast(exercise, key, Channel.PAPER, choice);
    }

    private void requireEligibleCitizen(Exercise exercise, Citizens.Citizen citizen, String field) {
        if (citizen.unitCode() == null || !exercise.units().contains(citizen.unitCode())) {
            throw new InvalidInputException(List.of(new Violation(field, "Eligible", "participation.ballot.notEligible",
                    citizen.username(), String.join(", ", exercise.units()))));
        }
    }

    private void cast(Exercise exercise, String voterKey, Channel channel, Choice choice) {
        if (!exercise.open()) {
            throw new InvalidInputException(List.of(new Violation("ballot", "Open", "participation.ballot.closed")));
        }
        List<Long> chosen = choice == null || choice.optionIds() == null ? List.of() : choice.optionIds();
        Set<Long> valid = new HashSet<>(exercise.options().stream().map(Option::id).toList());
        if (chosen.isEmpty()) {
            throw new InvalidInputException("choices", "NotEmpty", "participation.ballot.empty");
        }
        new Checks().rule(valid.containsAll(chosen) && new HashSet<>(chosen).size() == chosen.size(), "choices",
                "Options", "participation.ballot.options").orThrow();
        long ballot;
        try {
            ballot = desk.jdbc().sql("""
                    insert into ballot (prioritisation_id, voter_key, channel, entered_by) values (:p, :k, :c, :by)
                    returning id""").param("p", exercise.id()).param("k", voterKey).param("c", channel.name())
                    .param("by", SystemActor.current()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(List.of(new Violation("voter", "OneBallot", "participation.ballot.duplicate")));
        }
        for (int i = 0; i < chosen.size(); i++) {
            desk.jdbc().sql("insert into ballot_choice (ballot_id, option_id, rank) values (:b, :o, :r)")
                    .param("b", ballot)
                    .param("o", chosen.get(i)).param("r", exercise.ranked() ? i + 1 : 1).update();
        }
        // The ballot is secret: the audit records that one was cast, not its content.
        desk.audit().record(Change.created("ballot", ballot, exercise.schemeId(), "Papeleta en " + exercise.title(),
                Map.of("channel", channel.name())));
    }
}
