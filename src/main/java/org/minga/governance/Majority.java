package org.minga.governance;

/**
 * A majority the statutes ask for a decision. Simple: more votes for than against among those
 * present; absolute: more than half of the body's seats in term; two thirds: at least two thirds of
 * the seats in term. Abstentions never count for.
 */
public enum Majority {
    SIMPLE, ABSOLUTE, TWO_THIRDS;

    /** The votes for a decision needs, given the votes against and the seats in term on the session's date. */
    public int votesNeeded(int against, int seatsInTerm) {
        return switch (this) {
            case SIMPLE -> against + 1;
            case ABSOLUTE -> seatsInTerm / 2 + 1;
            case TWO_THIRDS -> (2 * seatsInTerm + 2) / 3;
        };
    }

    /** The seats that must be present: {@code percent} of the seats in term, rounded up (51 % is half plus one). */
    public static int quorum(int seatsInTerm, int percent) {
        return (seatsInTerm * percent + 99) / 100;
    }
}
