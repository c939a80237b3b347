package org.detainerlab.core.detainer;

/**
 * The charge category of a detainer row: the curated category of its most serious charge code's NCIC offense group
 * (the code's first two digits, a leading zero restored where a spreadsheet dropped it: 999 is 0999; table {@code charge_category}); {@value #UNCLASSIFIED} for a code whose group is not
 * listed there, null for a row without a charge code.
 */
public final class ChargeCategories {

    public static final String UNCLASSIFIED = "unclassified";

    /** The SQL of a row's category over {@code detainer d}: one primary-key lookup per row that has a code. */
    public static final String SQL = "case when d.msc_charge_code is not null then coalesce((select cc.category"
            + " from charge_category cc where cc.ncic_group = left(lpad(btrim(d.msc_charge_code), 4, '0'), 2)), '" + UNCLASSIFIED
            + "') end";

    /**
     * The same over the columnar copy, which holds the code's NCIC group ({@code charge_group}, the first two digits
     * of the code padded to four) beside the code.
     */
    public static final String SQL_OF_GROUP = "case when d.charge_group is not null then coalesce((select cc.category"
            + " from charge_category cc where cc.ncic_group = d.charge_group), '" + UNCLASSIFIED + "') end";

    private ChargeCategories() {
    }
}
