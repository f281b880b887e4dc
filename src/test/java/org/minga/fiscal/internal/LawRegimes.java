package org.minga.fiscal.internal;

import java.util.List;
import java.util.Map;

import org.minga.fiscal.internal.TaxEngine.Condition;
import org.minga.fiscal.internal.TaxEngine.Exception;
import org.minga.fiscal.internal.TaxEngine.Kind;
import org.minga.fiscal.internal.TaxEngine.LimitRule;
import org.minga.fiscal.internal.TaxEngine.Regime;

/** The regimes as V40__fiscal_rules.sql seeds them, written out by hand for the pure tests. */
final class LawRegimes {

    static final LimitRule DOUBLE = new LimitRule("DOUBLE", Condition.ANY, Kind.PERCENT, 10_000, null,
            "Ley 44 de 1990, art. 6");
    static final LimitRule LOW_STRATA = new LimitRule("LOW_STRATA_CPI", Condition.LOW_STRATA_HOUSING, Kind.CPI_PLUS, 0,
            135, "Ley 1995 de 2019, art. 2");
    static final LimitRule UPDATED = new LimitRule("UPDATED_CPI_PLUS_8", Condition.UPDATED, Kind.CPI_PLUS, 800, null,
            "Ley 1995 de 2019, art. 2");
    static final LimitRule NOT_UPDATED = new LimitRule("NOT_UPDATED_50", Condition.NOT_UPDATED, Kind.PERCENT, 5_000,
            null, "Ley 1995 de 2019, art. 2");

    static final Regime LEY_44 = new Regime("LEY_44_1990", List.of(DOUBLE),
            Map.of(Exception.FIRST_ENTRY, "Ley 44 de 1990, art. 6", Exception.UNBUILT_LOT, "Ley 44 de 1990, art. 6",
                    Exception.NEW_CONSTRUCTION, "Ley 44 de 1990, art. 6"));
    static final Regime LEY_1995 = new Regime("LEY_1995_2019", List.of(LOW_STRATA, UPDATED, NOT_UPDATED),
            Map.of(Exception.FIRST_ENTRY, "Ley 1995 de 2019, art. 2", Exception.UNBUILT_LOT, "Ley 1995 de 2019, art. 2",
                    Exception.NEW_CONSTRUCTION, "Ley 1995 de 2019, art. 2", Exception.SELF_ASSESSED,
                    "Ley 1995 de 2019, art. 2", Exception.DESTINATION_CHANGE, "Ley 1995 de 2019, art. 2",
                    Exception.AREA_CHANGE, "Ley 1995 de 2019, art. 2"));

    private LawRegimes() {
    }
}
