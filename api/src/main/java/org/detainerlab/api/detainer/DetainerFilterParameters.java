package org.detainerlab.api.detainer;

import jakarta.ws.rs.QueryParam;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filter parameters shared by the detainer rows and the statistics, declared once for the OpenAPI
 * description. The values are read and checked by core ({@code DetainerFilters}), which also refuses unknown
 * parameters; these fields only describe them.
 */
public class DetainerFilterParameters {

    @QueryParam("release")
    @Parameter(description = "Release ids (repeat or comma-separate). Default: every loaded detainer release.")
    public List<String> release;

    @QueryParam("state")
    @Parameter(description = "States, DC or territories by USPS code (CA) or name (California); repeat or comma-separate.")
    public List<String> state;

    @QueryParam("county")
    @Parameter(description = "Counties by 5-digit FIPS code (06085) or \"Name County, ST\". A detainer has a county"
            + " when its facility is a curated facility with a recorded county.")
    public List<String> county;

    @QueryParam("facility")
    @Parameter(description = "Facility id, or a facility name as published (matched case-insensitively, through"
            + " curated aliases first). Repeat for several; names may contain commas. The facility of a row is the"
            + " curated facility of its published place (which a curator's decision on the place sets or moves), not"
            + " the one matched when the row was loaded; a name that is no curated alias selects the rows published"
            + " with it whose place has no curated facility. groupBy=facility and the facility totals count the same"
            + " way.")
    public List<String> facility;

    @QueryParam("outcome")
    @Parameter(description = "DECLINED, ICE_CUSTODY, LIFTED, OTHER_CLOSED, UNKNOWN (no lift reason recorded).")
    public List<String> outcome;

    @QueryParam("detainerType")
    @Parameter(description = "Detainer type exactly as published; repeat for several.")
    public List<String> detainerType;

    @QueryParam("criminality")
    @Parameter(description = "Criminality exactly as published (e.g. \"1 Convicted Criminal\"); repeat for several.")
    public List<String> criminality;

    @QueryParam("threatLevel")
    @Parameter(description = "Threat level exactly as published (1, 2 or 3 in the modern layouts); repeat for several.")
    public List<String> threatLevel;

    @QueryParam("gender")
    @Parameter(description = "Gender exactly as published (e.g. Male, Female); repeat for several.")
    public List<String> gender;

    @QueryParam("citizenshipCountry")
    @Parameter(description = "Country of citizenship exactly as published (e.g. MEXICO); repeat for several.")
    public List<String> citizenshipCountry;

    @QueryParam("ageBand")
    @Parameter(description = "Age at the prepare date, by the birth year (up to a year high): 0-17, 18-24, 25-34,"
            + " 35-44, 45-54, 55-64, 65+; repeat or comma-separate.")
    public List<String> ageBand;

    @QueryParam("notifyRelease")
    @Parameter(description = "true or false: whether ICE asked to be notified of the person's release.")
    public String notifyRelease;

    @QueryParam("mscCharge")
    @Parameter(description = "Most serious charge exactly as published (e.g. Dangerous Drugs); repeat for several.")
    public List<String> mscCharge;

    @QueryParam("chargeCategory")
    @Parameter(description = "Category of the most serious charge's code (the NCIC offense group, e.g. homicide,"
            + " dangerous-drugs; unclassified for a code of no listed group); see the data dictionary.")
    public List<String> chargeCategory;

    @QueryParam("from")
    @Parameter(description = "First prepare date, YYYY-MM-DD, inclusive.")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Last prepare date, YYYY-MM-DD, inclusive.")
    public String to;

    @QueryParam("fiscalYear")
    @Parameter(description = "U.S. federal fiscal years (October to September, named by the year they end): 2015 or FY2015.")
    public List<String> fiscalYear;

    @QueryParam("excludeLikelyDuplicates")
    @Parameter(description = "true to leave out rows flagged as likely duplicates (same prepare date and identifier).")
    public String excludeLikelyDuplicates;
}
